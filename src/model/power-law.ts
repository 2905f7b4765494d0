// The discrete power law of Clauset, Shalizi & Newman (2009, "Power-law distributions in
// empirical data", SIAM Review 51(4), 661-703, sections 3.1-3.3): p(x) = x^-alpha / zeta(alpha,
// xmin) for integers x >= xmin. alpha by maximum likelihood (their eq. 3.5, maximised
// numerically), xmin the candidate that minimises the Kolmogorov-Smirnov distance between the
// tail's empirical CDF and the fitted one (section 3.3). Used for the firm-size fact (MODEL.md
// 10): Axtell (2001) reports the exponent of the size distribution's tail, P(S >= s) ~ s^-(alpha-1).
import { ln, pow } from './detmath.ts';

/** B_2, B_4, ..., B_12 / (2j)!: the Euler-Maclaurin coefficients. */
const BERNOULLI_OVER_FACTORIAL = [
  1 / 6 / 2, -1 / 30 / 24, 1 / 42 / 720, -1 / 30 / 40320, 5 / 66 / 3628800, -691 / 2730 / 479001600,
];
/** Terms summed directly before the Euler-Maclaurin tail: enough for double precision at s > 1. */
const DIRECT_TERMS = 12;

/**
 * The Hurwitz zeta function zeta(s, q) = sum over k >= 0 of (q + k)^-s, for s > 1 and q > 0:
 * twelve terms summed, the rest by the Euler-Maclaurin formula (relative error below 1e-14).
 */
export function hurwitzZeta(s: number, q: number): number {
  if (!(s > 1) || !(q > 0)) return Number.NaN;
  let sum = 0;
  for (let k = 0; k < DIRECT_TERMS; k++) sum += pow(q + k, -s);
  const a = q + DIRECT_TERMS;
  sum += pow(a, 1 - s) / (s - 1) + 0.5 * pow(a, -s);
  // Term j: B_2j / (2j)! * s (s+1) ... (s+2j-2) * a^-(s+2j-1).
  let rising = s;
  let power = pow(a, -s - 1);
  for (let j = 0; j < BERNOULLI_OVER_FACTORIAL.length; j++) {
    sum += BERNOULLI_OVER_FACTORIAL[j]! * rising * power;
    rising *= (s + 2 * j + 1) * (s + 2 * j + 2);
    power /= a * a;
  }
  return sum;
}

/** The range searched for alpha (a density exponent; Zipf's law is alpha = 2). */
const ALPHA_MIN = 1.0001;
const ALPHA_MAX = 8;
const GOLDEN = (Math.sqrt(5) - 1) / 2;

/**
 * Maximum-likelihood alpha of a discrete power law above `xmin` (CSN eq. 3.5), given the tail's
 * count and sum of logs: L(alpha) = -n ln zeta(alpha, xmin) - alpha sum ln x is concave in
 * alpha, so a golden-section search finds its maximum.
 */
export function discreteAlpha(n: number, sumLog: number, xmin: number): number {
  const logLikelihood = (alpha: number) => -n * ln(hurwitzZeta(alpha, xmin)) - alpha * sumLog;
  let lo = ALPHA_MIN;
  let hi = ALPHA_MAX;
  let x1 = hi - GOLDEN * (hi - lo);
  let x2 = lo + GOLDEN * (hi - lo);
  let f1 = logLikelihood(x1);
  let f2 = logLikelihood(x2);
  while (hi - lo > 1e-9) {
    if (f1 < f2) {
      lo = x1; x1 = x2; f1 = f2;
      x2 = lo + GOLDEN * (hi - lo); f2 = logLikelihood(x2);
    } else {
      hi = x2; x2 = x1; f2 = f1;
      x1 = hi - GOLDEN * (hi - lo); f1 = logLikelihood(x1);
    }
  }
  return (lo + hi) / 2;
}

export interface PowerLawFit {
  /** Density exponent: p(x) ~ x^-alpha for x >= xmin. */
  readonly alpha: number;
  /** The tail's exponent, P(X >= x) ~ x^-(alpha - 1): Zipf's law is 1 (Axtell 2001: 1.06). */
  readonly tailExponent: number;
  /** Its asymptotic standard error, (alpha - 1) / sqrt(n) (CSN eq. 3.6). */
  readonly standardError: number;
  readonly xmin: number;
  /** Observations at or above xmin (the tail fitted), and in all. */
  readonly nTail: number;
  readonly n: number;
  /** Kolmogorov-Smirnov distance between the tail and the fit. */
  readonly ks: number;
}

/**
 * The KS distance between the empirical CDF of `sorted[from..]` (ascending integers >= xmin) and
 * the discrete power law (alpha, xmin). Both are step functions on the integers; between two
 * observed values a < b the empirical CDF is flat while the model's rises, so the largest gap
 * is at a or at b - 1.
 */
function ksDistance(sorted: ArrayLike<number>, from: number, alpha: number, xmin: number): number {
  const n = sorted.length - from;
  const norm = hurwitzZeta(alpha, xmin);
  const modelCdf = (x: number) => 1 - hurwitzZeta(alpha, x + 1) / norm;
  let d = 0;
  let i = from;
  while (i < sorted.length) {
    const value = sorted[i]!;
    let j = i;
    while (j < sorted.length && sorted[j] === value) j++;
    const empirical = (j - from) / n;
    const below = (i - from) / n;
    // Just below this value the empirical CDF was `below`; the model's at value - 1.
    if (value - 1 >= xmin) d = Math.max(d, Math.abs(below - modelCdf(value - 1)));
    d = Math.max(d, Math.abs(empirical - modelCdf(value)));
    i = j;
  }
  return d;
}

/**
 * CSN's fit: for every distinct observed value but the largest as a candidate xmin, alpha by
 * maximum likelihood over the observations >= xmin and the KS distance of that fit; the xmin
 * with the smallest distance wins (ties: the smaller xmin, which keeps more data). `values`
 * are positive integers (firm sizes); null when fewer than two distinct values exist.
 */
export function fitDiscretePowerLaw(values: ArrayLike<number>): PowerLawFit | null {
  const sorted = Float64Array.from(values).sort();
  if (sorted.length === 0 || !(sorted[0]! >= 1) || sorted.some((v) => !Number.isInteger(v))) {
    if (sorted.length === 0) return null;
    throw new RangeError('a discrete power law is fitted to positive integers');
  }
  // Suffix sums of ln x: the tail's sufficient statistic for every candidate at once.
  const suffixLog = new Float64Array(sorted.length + 1);
  for (let i = sorted.length - 1; i >= 0; i--) suffixLog[i] = suffixLog[i + 1]! + ln(sorted[i]!);
  let best: PowerLawFit | null = null;
  const largest = sorted[sorted.length - 1]!;
  for (let i = 0; i < sorted.length; i++) {
    if (i > 0 && sorted[i] === sorted[i - 1]) continue;
    const xmin = sorted[i]!;
    if (xmin === largest) break;
    const nTail = sorted.length - i;
    const alpha = discreteAlpha(nTail, suffixLog[i]!, xmin);
    const ks = ksDistance(sorted, i, alpha, xmin);
    if (best === null || ks < best.ks) {
      best = { alpha, tailExponent: alpha - 1, standardError: (alpha - 1) / Math.sqrt(nTail), xmin, nTail, n: sorted.length, ks };
    }
  }
  return best;
}
