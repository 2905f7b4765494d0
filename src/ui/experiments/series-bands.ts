// The mean and 95% band of every reporter at every sampled tick across replicates, updated one
// replicate at a time (Welford's running mean and sum of squares: no replicate is kept, and
// adding one costs one pass over its columns, so the page never recomputes from scratch). The
// interval is the CLI's: Student's t on n - 1 degrees of freedom (tQuantile975, shared).
import { tQuantile975 } from '../../model/replicate-statistics.ts';
import type { UnitRange } from './unit-range.ts';

/** One replicate's series as the pool sends them: reporter ids, sampled ticks, one column per id. */
export interface ReplicateColumns {
  readonly ids: readonly string[];
  readonly ticks: Float64Array;
  readonly columns: readonly Float64Array[];
}

export interface Band {
  readonly ticks: Float64Array;
  readonly mean: Float64Array;
  /** Lower and upper bounds of the 95% t-interval of the mean (equal to the mean while n < 2). */
  readonly low: Float64Array;
  readonly high: Float64Array;
  /** Replicates with a finite value at each tick. */
  readonly n: Int32Array;
}

export class SeriesBands {
  private ticks: Float64Array | null = null;
  private readonly count = new Map<string, Int32Array>();
  private readonly mean = new Map<string, Float64Array>();
  private readonly squares = new Map<string, Float64Array>();
  private added = 0;

  /** Replicates added so far. */
  get replicates(): number {
    return this.added;
  }

  ids(): string[] {
    return [...this.mean.keys()];
  }

  /** Adds one replicate. Replicates of one scenario share their sampled ticks; extra ticks are ignored. */
  add(run: ReplicateColumns): void {
    if (this.ticks === null) this.ticks = Float64Array.from(run.ticks);
    const length = this.ticks.length;
    run.ids.forEach((id, k) => {
      const column = run.columns[k]!;
      let n = this.count.get(id);
      let mean = this.mean.get(id);
      let squares = this.squares.get(id);
      if (n === undefined || mean === undefined || squares === undefined) {
        n = new Int32Array(length);
        mean = new Float64Array(length);
        squares = new Float64Array(length);
        this.count.set(id, n);
        this.mean.set(id, mean);
        this.squares.set(id, squares);
      }
      const upTo = Math.min(length, column.length);
      for (let i = 0; i < upTo; i++) {
        const v = column[i]!;
        if (!Number.isFinite(v)) continue;
        const c = ++n[i]!;
        const delta = v - mean[i]!;
        mean[i]! += delta / c;
        squares[i]! += delta * (v - mean[i]!);
      }
    });
    this.added++;
  }

  /**
   * The band of one reporter, or undefined when no replicate reported it; `range` cuts the
   * interval to the values the reporter can take (unit-range.ts).
   */
  band(id: string, range?: UnitRange): Band | undefined {
    const n = this.count.get(id);
    const mean = this.mean.get(id);
    const squares = this.squares.get(id);
    if (this.ticks === null || n === undefined || mean === undefined || squares === undefined) return undefined;
    const centre = Float64Array.from(mean);
    const low = new Float64Array(mean.length);
    const high = new Float64Array(mean.length);
    for (let i = 0; i < mean.length; i++) {
      const c = n[i]!;
      if (c === 0) {
        low[i] = high[i] = centre[i] = Number.NaN;
        continue;
      }
      const half = c < 2 ? 0 : tQuantile975(c - 1) * Math.sqrt(squares[i]! / (c - 1) / c);
      low[i] = centre[i]! - half;
      high[i] = centre[i]! + half;
      if (range !== undefined) {
        low[i] = Math.max(range.min, low[i]!);
        high[i] = Math.min(range.max, high[i]!);
      }
    }
    return { ticks: this.ticks, mean: centre, low, high, n: Int32Array.from(n) };
  }
}

/** B - A of two runs on the same replicate key (common random numbers), column by column. */
export function pairedDifference(a: ReplicateColumns, b: ReplicateColumns): ReplicateColumns {
  const ids: string[] = [];
  const columns: Float64Array[] = [];
  const length = Math.min(a.ticks.length, b.ticks.length);
  a.ids.forEach((id, k) => {
    const j = b.ids.indexOf(id);
    if (j < 0) return;
    const ca = a.columns[k]!;
    const cb = b.columns[j]!;
    const d = new Float64Array(length);
    for (let i = 0; i < length; i++) d[i] = cb[i]! - ca[i]!;
    ids.push(id);
    columns.push(d);
  });
  return { ids, ticks: a.ticks.subarray(0, length), columns };
}
