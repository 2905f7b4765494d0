// MODEL.md 7 (v3), "Robustness": a verdict is judged again under N parameter sets drawn by
// Latin hypercube over the ranges a scenario declares uncertain (its `uncertainty:` block);
// per claim, the share of draws giving each verdict, the label robust (>= 80% agree) or
// fragile, and a first-order sensitivity index per parameter. Plain functions over draws and
// verdicts: the CLI and the page's worker pool call the same ones.
import type { RandomStream } from '../random.ts';
import type { ClaimReport, ClaimVerdict } from './judge-claims.ts';

/** A range (uniform between low and high) or a list of choices (uniform over them). */
export type UncertainParameter =
  | { readonly path: string; readonly low: number; readonly high: number; readonly integer?: boolean }
  | { readonly path: string; readonly values: readonly (string | number | boolean)[] };

/** Share of draws that must agree for a verdict to be robust (MODEL.md 7 (v3)). */
export const ROBUST_SHARE = 0.8;

/**
 * n points of the unit cube in d dimensions, one in each of the n equal strata of every
 * dimension (McKay, Beckman & Conover 1979): per dimension a seeded permutation of the strata
 * and a uniform position inside each.
 */
export function latinHypercube(n: number, d: number, rng: RandomStream): number[][] {
  const points = Array.from({ length: n }, () => new Array<number>(d).fill(0));
  for (let j = 0; j < d; j++) {
    const strata = Int32Array.from({ length: n }, (_, i) => i);
    rng.shuffle(strata);
    for (let i = 0; i < n; i++) points[i]![j] = (strata[i]! + rng.uniform()) / n;
  }
  return points;
}

/** The value of one parameter at coordinate u in [0, 1). */
export function valueAt(parameter: UncertainParameter, u: number): string | number | boolean {
  if ('values' in parameter) return parameter.values[Math.min(parameter.values.length - 1, Math.floor(u * parameter.values.length))]!;
  const v = parameter.low + u * (parameter.high - parameter.low);
  return parameter.integer === true ? Math.min(parameter.high, Math.floor(parameter.low + u * (parameter.high - parameter.low + 1))) : v;
}

export interface ParameterDraw {
  readonly index: number;
  /** The Latin hypercube coordinates, one per parameter (what the sensitivity bins on). */
  readonly coordinates: readonly number[];
  /** Dotted path -> value, applied on top of the scenario (and under every claim variant). */
  readonly overrides: Readonly<Record<string, string | number | boolean>>;
}

/** N parameter sets by Latin hypercube from the given stream (seeded from the scenario's seed). */
export function drawParameterSets(parameters: readonly UncertainParameter[], n: number, rng: RandomStream): ParameterDraw[] {
  return latinHypercube(n, parameters.length, rng).map((coordinates, index) => ({
    index,
    coordinates,
    overrides: Object.fromEntries(parameters.map((p, j) => [p.path, valueAt(p, coordinates[j]!)])),
  }));
}

/**
 * First-order sensitivity index of y to x from given data (the correlation ratio, Pearson's
 * eta squared, estimated by binning: Plischke 2010, "An effective algorithm for computing
 * global sensitivity indices (EASI)", and Plischke, Borgonovo & Smith 2013, "Global
 * sensitivity measures from given data"): the draws are split by the rank of x into `bins`
 * classes of (nearly) equal size, and the index is the variance of the class means of y over
 * the variance of y. Needs no design beyond the Latin hypercube sample itself. With N draws
 * and M classes an input with no effect still scores about (M - 1) / (N - 1) on average (the
 * `noiseFloor` reported beside). NaN when y does not vary or fewer than 2 points are finite.
 */
export function firstOrderIndex(x: readonly number[], y: readonly number[], bins = defaultBins(x.length)): number {
  const pairs = x.map((xi, i) => [xi, y[i]!] as const).filter(([xi, yi]) => Number.isFinite(xi) && Number.isFinite(yi));
  const n = pairs.length;
  if (n < 2) return Number.NaN;
  pairs.sort((a, b) => a[0] - b[0]);
  const mean = pairs.reduce((s, [, yi]) => s + yi, 0) / n;
  let total = 0;
  for (const [, yi] of pairs) total += (yi - mean) * (yi - mean);
  if (!(total > 0)) return Number.NaN;
  const m = Math.max(1, Math.min(bins, n));
  let between = 0;
  for (let b = 0; b < m; b++) {
    const from = Math.floor((b * n) / m);
    const to = Math.floor(((b + 1) * n) / m);
    if (to <= from) continue;
    let sum = 0;
    for (let i = from; i < to; i++) sum += pairs[i]![1];
    const classMean = sum / (to - from);
    between += (to - from) * (classMean - mean) * (classMean - mean);
  }
  return between / total;
}

/** Classes for N draws: about sqrt(N), at least 2 (Plischke's rule of thumb). */
export function defaultBins(n: number): number {
  return Math.max(2, Math.round(Math.sqrt(n)));
}

/** What an input with no effect scores on average: (M - 1) / (N - 1). */
export function noiseFloor(n: number, bins = defaultBins(n)): number {
  return n > 1 ? (Math.min(bins, n) - 1) / (n - 1) : Number.NaN;
}

/** A verdict as a number for the sensitivity index: supported 1, inconclusive 0, not supported -1. */
export function verdictScore(verdict: ClaimVerdict): number {
  if (verdict === 'supported') return 1;
  if (verdict === 'inconclusive') return 0;
  if (verdict === 'not supported') return -1;
  return Number.NaN;
}

export interface ClaimRobustness {
  readonly claimId: number;
  /** Share of the judged draws giving each verdict. */
  readonly shares: Readonly<Partial<Record<ClaimVerdict, number>>>;
  /** Draws that gave this claim a verdict (the shares' denominator). */
  readonly judgedDraws: number;
  /**
   * Draws left out, not counted as a verdict: the drawn parameters made an invalid scenario,
   * or runs failed and left this claim without a verdict (too few runs, not measurable).
   */
  readonly failedDraws: number;
  /** The most common verdict, and whether at least ROBUST_SHARE of the draws agree on it. */
  readonly modal: ClaimVerdict;
  readonly label: 'robust' | 'fragile';
  /** First-order index per parameter path, on the verdict score (or on `on` when the verdict never varies). */
  readonly sensitivity: readonly { readonly path: string; readonly index: number }[];
  /** What the index is computed on: the verdict, or a test's mean effect when every draw gave one verdict. */
  readonly on: string;
  readonly noiseFloor: number;
  /** The parameter with the largest index, or undefined when none is defined. */
  readonly mostInfluential: string | undefined;
}

/** A verdict a failed run can cause: it says nothing about the parameters. */
const FAILURE_VERDICTS: readonly ClaimVerdict[] = ['too few runs', 'not measurable'];

/**
 * Per claim: `verdicts[d]` the claim's verdict in draw d; `effects[d]` the mean effect of its
 * first evidence test in draw d (`effectLabel` names it), used for the index when every draw
 * gave the same verdict (nothing then varies on the verdict's scale). `runsFailed[d]`: some run
 * of draw d failed; such a draw whose verdict is one a failure causes is left out of the shares,
 * the label and the index, and counted in `failedDraws` with `invalidDraws` (draws whose
 * parameters made no valid scenario, so never ran).
 */
export function claimRobustness(
  claimId: number, parameters: readonly UncertainParameter[], allDraws: readonly ParameterDraw[],
  allVerdicts: readonly ClaimVerdict[], allEffects: readonly number[], effectLabel: string,
  runsFailed: readonly boolean[] = [], invalidDraws = 0,
): ClaimRobustness {
  const kept = allDraws.map((_, d) => !(runsFailed[d] === true && FAILURE_VERDICTS.includes(allVerdicts[d]!)));
  const draws = allDraws.filter((_, d) => kept[d]);
  const verdicts = allVerdicts.filter((_, d) => kept[d]);
  const effects = allEffects.filter((_, d) => kept[d]);
  const failedDraws = invalidDraws + kept.filter((k) => !k).length;
  const counts = new Map<ClaimVerdict, number>();
  for (const v of verdicts) counts.set(v, (counts.get(v) ?? 0) + 1);
  const shares = Object.fromEntries([...counts].map(([v, c]) => [v, c / verdicts.length]));
  let modal: ClaimVerdict = 'not measurable';
  let best = -1;
  for (const [v, c] of counts) if (c > best) { modal = v; best = c; }
  const label = verdicts.length > 0 && best / verdicts.length >= ROBUST_SHARE ? 'robust' : 'fragile';
  const scores = verdicts.map(verdictScore);
  const varies = new Set(scores.filter(Number.isFinite)).size > 1;
  const y = varies ? scores : [...effects];
  const sensitivity = parameters.map((p, j) => ({ path: p.path, index: firstOrderIndex(draws.map((d) => d.coordinates[j]!), y) }));
  let mostInfluential: string | undefined;
  let top = Number.NEGATIVE_INFINITY;
  for (const s of sensitivity) if (Number.isFinite(s.index) && s.index > top) { top = s.index; mostInfluential = s.path; }
  return {
    claimId, shares, judgedDraws: verdicts.length, failedDraws, modal, label, sensitivity, mostInfluential,
    on: varies ? 'verdict (supported 1, inconclusive 0, not supported -1)' : `mean effect of ${effectLabel} (every draw gave one verdict)`,
    noiseFloor: noiseFloor(draws.length),
  };
}

/**
 * Every claim's robustness from its verdict as given and under each draw (`drawReports[d]`,
 * the same claims in the same order). The sensitivity falls back on the mean effect of the
 * claim's first evidence test whose mean varies across the draws when every draw gave one
 * verdict (claim 5's "a merge happened in at least 80% of runs" is 1 in every draw, so its
 * hazard test speaks instead). `runsFailed[d]`: some run of
 * draw d failed; `invalidDraws`: draws that never ran (see claimRobustness).
 */
export function robustnessOf(
  reports: readonly ClaimReport[], drawReports: readonly (readonly ClaimReport[])[],
  parameters: readonly UncertainParameter[], draws: readonly ParameterDraw[],
  runsFailed: readonly boolean[] = [], invalidDraws = 0,
): ClaimRobustness[] {
  return reports.map((report, c) => {
    const verdicts = drawReports.map((r) => r[c]!.verdict);
    const meansOf = (id: string) => drawReports.map((r) => r[c]!.tests.find((t) => t.test.id === id)?.summary?.mean ?? Number.NaN);
    const evidence = report.tests.filter((t) => t.test.role === 'evidence').map((t) => t.test.id);
    const varies = (means: readonly number[]) => new Set(means.filter(Number.isFinite)).size > 1;
    const chosen = evidence.find((id) => varies(meansOf(id))) ?? evidence[0];
    const effects = chosen === undefined ? drawReports.map(() => Number.NaN) : meansOf(chosen);
    return claimRobustness(report.claim.id, parameters, draws, verdicts, effects, chosen ?? 'no test', runsFailed, invalidDraws);
  });
}
