// MODEL.md 2: output shocks per person are AR(1) on the log scale (rho 0.9, sigma 0.05), so bad
// spells persist and defaults can happen. The normal innovations come by inversion (Wichura's
// AS241, accurate to about 1e-16): one 32-bit uniform per draw and, for 85% of draws, no logarithm,
// with only basic arithmetic (the same bits in every engine) and detmath's ln in the tails.
import { exp, ln, sqrt } from '../../model/detmath.ts';
import type { RandomStream } from '../../model/random.ts';
import type { EconomyState } from '../../model/economy/economy-state.ts';

const A = [3.387132872796366608, 133.14166789178437745, 1971.5909503065514427, 13731.693765509461125, 45921.953931549871457, 67265.770927008700853, 33430.575583588128105, 2509.0809287301226727];
const B = [1, 42.313330701600911252, 687.1870074920579083, 5394.1960214247511077, 21213.794301586595867, 39307.89580009271061, 28729.085735721942674, 5226.495278852854561];
const C = [1.42343711074968357734, 4.6303378461565452959, 5.7694972214606914055, 3.64784832476320460504, 1.27045825245236838258, 0.24178072517745061177, 0.0227238449892691845833, 7.7454501427834140764e-4];
const D = [1, 2.05319162663775882187, 1.6763848301838038494, 0.68976733498510000455, 0.14810397642748007459, 0.0151986665636164571966, 5.475938084995344946e-4, 1.05075007164441684324e-9];
const E = [6.6579046435011037772, 5.4637849111641143699, 1.7848265399172913358, 0.29656057182850489123, 0.026532189526576123093, 0.0012426609473880784386, 2.71155556874348757815e-5, 2.01033439929228813265e-7];
const F = [1, 0.59983220655588793769, 0.13692988092273580531, 0.0148753612908506148525, 7.868691311456132591e-4, 1.8463183175100546818e-5, 1.4215117583164458887e-7, 2.04426310338993978564e-15];

function ratio(n: readonly number[], d: readonly number[], x: number): number {
  let num = n[7]!;
  let den = d[7]!;
  for (let k = 6; k >= 0; k--) {
    num = num * x + n[k]!;
    den = den * x + d[k]!;
  }
  return num / den;
}

const [A0, A1, A2, A3, A4, A5, A6, A7] = A as [number, number, number, number, number, number, number, number];
const [B0, B1, B2, B3, B4, B5, B6, B7] = B as [number, number, number, number, number, number, number, number];

/**
 * AS241's central region, |p - 0.5| <= 0.425, its two polynomials in Estrin's form (pairs of
 * terms, then pairs of pairs, with r^2 and r^4): a chain of four operations where Horner's
 * form has fourteen, for the draw made for every person every month.
 */
function centralQuantile(q: number): number {
  const r = 0.180625 - q * q;
  const r2 = r * r;
  const r4 = r2 * r2;
  const num = ((A0 + A1 * r) + (A2 + A3 * r) * r2) + ((A4 + A5 * r) + (A6 + A7 * r) * r2) * r4;
  const den = ((B0 + B1 * r) + (B2 + B3 * r) * r2) + ((B4 + B5 * r) + (B6 + B7 * r) * r2) * r4;
  return q * (num / den);
}

/** The standard normal quantile of p in (0, 1) (AS241, PPND16). */
export function normalQuantile(p: number): number {
  const q = p - 0.5;
  if (Math.abs(q) <= 0.425) return centralQuantile(q);
  let r = sqrt(-ln(q < 0 ? p : 1 - p));
  const z = r <= 5 ? ratio(C, D, r - 1.6) : ratio(E, F, (r = r - 5));
  return q < 0 ? -z : z;
}

/**
 * Normal draws invert one 32-bit uniform taken at the middle of its cell (never 0 or 1; the
 * tails stop at about 6.2 standard deviations, ample for output shocks).
 */
const HALF_CELL = 2 ** -33;

/** 1/n! for the Taylor series of exp, n = 0..16, each by one division from the last. */
const T = new Float64Array(17);
T[0] = 1;
for (let n = 1; n <= 16; n++) T[n] = T[n - 1]! / n;
const [T0, T1, T2, T3, T4, T5, T6, T7, T8, T9, T10, T11, T12, T13, T14, T15, T16] = T as unknown as number[];

/**
 * exp(x) for the small log shocks by its Taylor series to x^16, in Estrin's form (pairs of
 * terms, then pairs of pairs, with x^2, x^4, x^8 and x^16): basic arithmetic only, so the same
 * bits in every engine, and a dependency chain of about seven operations where Horner's form
 * has 48. Within a few ulp of exp for |x| < 0.5; detmath's exp beyond.
 */
export function shockFactor(x: number): number {
  if (x <= -0.5 || x >= 0.5) return exp(x);
  const x2 = x * x;
  const x4 = x2 * x2;
  const x8 = x4 * x4;
  const q0 = (T0! + T1! * x) + (T2! + T3! * x) * x2;
  const q1 = (T4! + T5! * x) + (T6! + T7! * x) * x2;
  const q2 = (T8! + T9! * x) + (T10! + T11! * x) * x2;
  const q3 = (T12! + T13! * x) + (T14! + T15! * x) * x2;
  return (q0 + q1 * x4) + ((q2 + q3 * x4) + T16! * x8) * x8;
}

/** AR(1) on the log shock: x' = rho x + sigma e. */
export function moveShocks(state: EconomyState, rng: RandomStream): void {
  const { persons, params } = state;
  const { shockRho, shockSigma } = params;
  if (shockSigma === 0) return;
  const tail = normalQuantile;
  const central = centralQuantile;
  const factor = shockFactor;
  const { logShock, shock } = persons;
  for (let p = 0; p < persons.count; p++) {
    // A standard normal by inversion, its central 85% in line.
    const u = rng.uniform() + HALF_CELL;
    const q = u - 0.5;
    const e = Math.abs(q) <= 0.425 ? central(q) : tail(u);
    const x = shockRho * logShock[p]! + shockSigma * e;
    logShock[p] = x;
    shock[p] = factor(x);
  }
}
