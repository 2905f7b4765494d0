// Declarative metrics (STYLE.md): a reporter names what it measures, its unit and how to
// sample it. The CLI, the charts and the claims all read the same reporters.
import {
  gini, lorenzCurve, logHistogram, median, sortedCopy, sumAndRankWeighted, topShare, herfindahl,
  type LogHistogram,
} from './inequality.ts';

export interface ScalarReporter<S> {
  readonly id: string;
  readonly label: string;
  readonly unit: string;
  readonly description: string;
  sample(state: S, context: SampleContext<S>): number;
}

/** A per-agent quantity (wealth, income, ...) whose shape the inequality reporters measure. */
export interface DistributionReporter<S> {
  readonly id: string;
  readonly label: string;
  readonly unit: string;
  readonly description: string;
  /** Writes the current values into a fresh or reused array and returns it. */
  values(state: S, reuse: Float64Array | undefined): Float64Array;
  /**
   * The same values sorted ascending, when the reporter has them sorted already (another
   * reporter of the same sample needed the sort); else the sample sorts `values`.
   */
  sortedValues?(state: S, reuse: Float64Array | undefined): Float64Array;
}

/** Caches each distribution's sorted values, and their sum, for the duration of one sample. */
export class SampleContext<S> {
  private readonly cache = new Map<string, Float64Array>();
  /** Per distribution: its sorted values summed, and their rank-weighted sum. */
  private readonly totals = new Map<string, Float64Array>();
  private readonly buffers = new Map<string, { raw?: Float64Array; sorted?: Float64Array }>();
  private readonly byId: Map<string, DistributionReporter<S>>;

  constructor(distributions: readonly DistributionReporter<S>[]) {
    this.byId = new Map(distributions.map((d) => [d.id, d]));
  }

  /** Starts a new sample: cached sorts are stale, their buffers are reused. */
  reset(): void {
    this.cache.clear();
    this.totals.clear();
  }

  /**
   * The sorted values summed in ascending order, as `sum` adds them: Gini, both top shares, the
   * mean and Herfindahl each divide by it (five walks of 10,000 values a sample for wealth).
   */
  total(state: S, id: string): number {
    return this.sums(state, id)[0]!;
  }

  /** The Gini's rank-weighted sum of the sorted values (`rankWeightedSum`), from the walk that sums them. */
  rankWeighted(state: S, id: string): number {
    return this.sums(state, id)[1]!;
  }

  private sums(state: S, id: string): Float64Array {
    let sums = this.totals.get(id);
    if (sums === undefined) {
      sums = sumAndRankWeighted(this.sorted(state, id), new Float64Array(2));
      this.totals.set(id, sums);
    }
    return sums;
  }

  sorted(state: S, id: string): Float64Array {
    let sorted = this.cache.get(id);
    if (sorted !== undefined) return sorted;
    const reporter = this.byId.get(id);
    if (reporter === undefined) throw new Error(`no distribution reporter named ${id}`);
    const buffer = this.buffers.get(id) ?? {};
    if (reporter.sortedValues !== undefined) buffer.sorted = reporter.sortedValues(state, buffer.sorted);
    else buffer.sorted = sortedCopy((buffer.raw = reporter.values(state, buffer.raw)), buffer.sorted);
    this.buffers.set(id, buffer);
    sorted = buffer.sorted;
    this.cache.set(id, sorted);
    return sorted;
  }
}

/** The inequality reporters of one distribution: Gini, top 1% and 10% shares, mean, median. */
export function inequalityReporters<S>(distribution: DistributionReporter<S>): ScalarReporter<S>[] {
  const { id, label, unit } = distribution;
  const of = (state: S, context: SampleContext<S>) => context.sorted(state, id);
  const total = (state: S, context: SampleContext<S>) => context.total(state, id);
  return [
    {
      id: `${id}.gini`, label: `Gini of ${label}`, unit: 'ratio 0-1',
      description: `Gini coefficient of ${label} across agents`,
      // gini(sorted, total), its rank-weighted sum taken from the walk that summed the values.
      sample: (s, c) => {
        const n = of(s, c).length;
        if (n === 0) return Number.NaN;
        const t = total(s, c);
        return t === 0 ? 0 : c.rankWeighted(s, id) / (n * t);
      },
    },
    {
      id: `${id}.top1`, label: `Top 1% share of ${label}`, unit: 'share 0-1',
      description: `share of total ${label} held by the richest 1%`,
      sample: (s, c) => topShare(of(s, c), 0.01, total(s, c)),
    },
    {
      id: `${id}.top10`, label: `Top 10% share of ${label}`, unit: 'share 0-1',
      description: `share of total ${label} held by the richest 10%`,
      sample: (s, c) => topShare(of(s, c), 0.1, total(s, c)),
    },
    {
      id: `${id}.mean`, label: `Mean ${label}`, unit,
      description: `mean ${label} per agent`,
      sample: (s, c) => {
        const n = of(s, c).length;
        return n === 0 ? Number.NaN : total(s, c) / n;
      },
    },
    {
      id: `${id}.median`, label: `Median ${label}`, unit,
      description: `median ${label} per agent`,
      sample: (s, c) => median(of(s, c)),
    },
    {
      id: `${id}.herfindahl`, label: `Herfindahl index of ${label}`, unit: 'index 0-1',
      description: `sum of squared shares of total ${label}`,
      sample: (s, c) => herfindahl(of(s, c), total(s, c)),
    },
  ];
}

/** The shape of a distribution at one moment, for charts: Lorenz ordinates and a log histogram. */
export interface DistributionSnapshot {
  readonly id: string;
  readonly lorenz: Float64Array;
  readonly histogram: LogHistogram;
  readonly gini: number;
}

export function snapshotDistribution(
  sorted: Float64Array, id: string, histogramMin: number, lorenzPoints = 100,
): DistributionSnapshot {
  return {
    id,
    lorenz: lorenzCurve(sorted, lorenzPoints),
    histogram: logHistogram(sorted, histogramMin),
    gini: gini(sorted),
  };
}
