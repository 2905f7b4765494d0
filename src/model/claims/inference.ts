// MODEL.md 7 (v3), "Inference": the interval and one-sided p-value of one test's effect over
// replicates. Binary effects (an event happened in a run or not) get the exact Clopper-Pearson
// interval; means get a BCa bootstrap below 30 replicates and Student's t from 30 on. All
// intervals are two-sided at 95% (2.5% in each tail); the p-value is one-sided, of the null
// "the effect is not beyond `delta` on the claimed side", so p <= 0.025 exactly when the 95%
// interval clears delta. Quantiles and CDFs come from @stdlib (no hand-rolled special functions).
import betaQuantile from '@stdlib/stats-base-dists-beta-quantile';
import binomialCdf from '@stdlib/stats-base-dists-binomial-cdf';
import normalCdf from '@stdlib/stats-base-dists-normal-cdf';
import normalQuantile from '@stdlib/stats-base-dists-normal-quantile';
import tCdf from '@stdlib/stats-base-dists-t-cdf';
import tQuantile from '@stdlib/stats-base-dists-t-quantile';
import type { RandomStream } from '../random.ts';

/** Two-sided level of every interval shown. */
export const CONFIDENCE = 0.95;
/** Replicates from which means use Student's t instead of the bootstrap (MODEL.md 7 (v3)). */
export const STUDENT_T_FROM = 30;
export const BOOTSTRAP_RESAMPLES = 4000;

export type IntervalMethod = 'clopper-pearson' | 'bca-bootstrap' | 'student-t';

export interface EffectInterval {
  readonly estimate: number;
  readonly low: number;
  readonly high: number;
  /** Replicates with a defined effect. */
  readonly n: number;
  readonly method: IntervalMethod;
}

/**
 * Exact Clopper-Pearson interval of a binomial proportion, two-sided at `level` (each tail
 * (1 - level) / 2). 10 successes of 10 give [0.692, 1] at 95%; 0.741 is the one-sided 95%
 * lower bound (0.05^(1/10)), which this two-sided convention would print at level 0.90.
 */
export function clopperPearson(successes: number, n: number, level = CONFIDENCE): { low: number; high: number } {
  if (n <= 0) return { low: Number.NaN, high: Number.NaN };
  const tail = (1 - level) / 2;
  const low = successes === 0 ? 0 : betaQuantile(tail, successes, n - successes + 1);
  const high = successes === n ? 1 : betaQuantile(1 - tail, successes + 1, n - successes);
  return { low, high };
}

/** One-sided exact p-value of "the proportion is at most `threshold`" given the successes: P(X >= k). */
export function binomialUpperP(successes: number, n: number, threshold: number): number {
  if (successes <= 0) return 1;
  if (threshold <= 0) return 0;
  if (threshold >= 1) return 1;
  return 1 - binomialCdf(successes - 1, n, threshold);
}

const mean = (xs: ArrayLike<number>) => {
  let s = 0;
  for (let i = 0; i < xs.length; i++) s += xs[i]!;
  return s / xs.length;
};

function standardError(xs: readonly number[]): number {
  const m = mean(xs);
  let ss = 0;
  for (const x of xs) ss += (x - m) * (x - m);
  return Math.sqrt(ss / (xs.length - 1) / xs.length);
}

/** Student's t interval of the mean and the one-sided p of "mean <= boundary". */
export function studentT(xs: readonly number[], boundary: number, level = CONFIDENCE): EffectInterval & { p: number } {
  const n = xs.length;
  const m = mean(xs);
  const se = standardError(xs);
  const q = tQuantile(1 - (1 - level) / 2, n - 1);
  let p: number;
  if (se > 0) p = 1 - tCdf((m - boundary) / se, n - 1);
  else p = m > boundary ? 0 : 1;
  return { estimate: m, low: m - q * se, high: m + q * se, n, method: 'student-t', p };
}

/**
 * BCa bootstrap (Efron 1987; Efron & Tibshirani 1993, ch. 14) of the mean: percentiles of the
 * resampled means corrected for bias (z0, from the share of resamples below the estimate) and
 * skew (the acceleration a, from the jackknife). The one-sided p of "mean <= boundary" inverts
 * the same correction: the level at which the BCa lower bound reaches the boundary.
 */
export function bcaBootstrap(
  xs: readonly number[], boundary: number, rng: RandomStream, level = CONFIDENCE, resamples = BOOTSTRAP_RESAMPLES,
): EffectInterval & { p: number } {
  const n = xs.length;
  const m = mean(xs);
  const means = new Float64Array(resamples);
  for (let b = 0; b < resamples; b++) {
    let sum = 0;
    for (let i = 0; i < n; i++) sum += xs[rng.int(n)]!;
    means[b] = sum / n;
  }
  means.sort();
  if (means[0] === means[resamples - 1]) {
    // Every resample equal (all effects equal): the interval is that value.
    return { estimate: m, low: m, high: m, n, method: 'bca-bootstrap', p: m > boundary ? 0 : 1 };
  }
  const clampP = (p: number) => Math.min(1 - 0.5 / resamples, Math.max(0.5 / resamples, p));
  const below = (v: number) => {
    // Share of resampled means below v (half the ties), by binary search on the sorted means.
    let lo = 0, hi = resamples;
    while (lo < hi) { const mid = (lo + hi) >> 1; if (means[mid]! < v) lo = mid + 1; else hi = mid; }
    let upper = lo;
    while (upper < resamples && means[upper] === v) upper++;
    return (lo + (upper - lo) / 2) / resamples;
  };
  const z0 = normalQuantile(clampP(below(m)), 0, 1);
  // Acceleration from the jackknife means.
  const total = m * n;
  let num = 0, den = 0;
  for (let i = 0; i < n; i++) {
    const d = m - (total - xs[i]!) / (n - 1);
    num += d * d * d;
    den += d * d;
  }
  const a = den > 0 ? num / (6 * Math.pow(den, 1.5)) : 0;
  const adjusted = (alpha: number) => {
    const z = normalQuantile(alpha, 0, 1);
    return normalCdf(z0 + (z0 + z) / (1 - a * (z0 + z)), 0, 1);
  };
  const at = (q: number) => means[Math.min(resamples - 1, Math.max(0, Math.floor(q * resamples)))]!;
  const tail = (1 - level) / 2;
  const w = normalQuantile(clampP(below(boundary)), 0, 1) - z0;
  // 1 + a w <= 0: the correction's range ends before the boundary; it lies beyond every level.
  const p = 1 + a * w > 0 ? Math.min(1, Math.max(0, normalCdf(w / (1 + a * w) - z0, 0, 1))) : (w < 0 ? 0 : 1);
  return { estimate: m, low: at(adjusted(tail)), high: at(adjusted(1 - tail)), n, method: 'bca-bootstrap', p };
}

/**
 * Holm's step-down adjustment (Holm 1979) of one claim's p-values: the k-th smallest is
 * multiplied by (m - k + 1), and adjusted values never fall along the order. NaN stays NaN
 * and does not count in m.
 */
export function holmAdjust(pValues: readonly number[]): number[] {
  const order = pValues.map((p, i) => [p, i] as const).filter(([p]) => Number.isFinite(p)).sort((x, y) => x[0] - y[0] || x[1] - y[1]);
  const m = order.length;
  const adjusted = pValues.map(() => Number.NaN);
  let running = 0;
  order.forEach(([p, i], k) => {
    running = Math.max(running, Math.min(1, (m - k) * p));
    adjusted[i] = running;
  });
  return adjusted;
}
