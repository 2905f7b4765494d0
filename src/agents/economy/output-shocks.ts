// MODEL.md 2: output shocks per person are AR(1) on the log scale (rho 0.9, sigma 0.05), so bad
// spells persist and defaults can happen. The normal innovations come from the ziggurat
// (model/ziggurat.ts): one 32-bit uniform for 97% of draws, and the same bits in every engine.
import { exp } from '../../model/detmath.ts';
import type { RandomStream } from '../../model/random.ts';
import { zigguratNormal } from '../../model/ziggurat.ts';

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
  return smallShockFactor(x);
}

/** shockFactor for |x| < 0.5: the series alone. */
function smallShockFactor(x: number): number {
  const x2 = x * x;
  const x4 = x2 * x2;
  const x8 = x4 * x4;
  const q0 = (T0! + T1! * x) + (T2! + T3! * x) * x2;
  const q1 = (T4! + T5! * x) + (T6! + T7! * x) * x2;
  const q2 = (T8! + T9! * x) + (T10! + T11! * x) * x2;
  const q3 = (T12! + T13! * x) + (T14! + T15! * x) * x2;
  return (q0 + q1 * x4) + ((q2 + q3 * x4) + T16! * x8) * x8;
}

/**
 * AR(1) on person p's log shock, x' = rho x + sigma e, and its factor exp(x') written to
 * `shock`. Called by production's walk over persons (production.ts), which reads the factor
 * straight after: one walk for both.
 */
export function moveShock(logShock: Float64Array, shock: Float64Array, p: number, rho: number, sigma: number, rng: RandomStream): void {
  const x = rho * logShock[p]! + sigma * zigguratNormal(rng);
  logShock[p] = x;
  // shockFactor's two cases stored apart: merged into one value first, the series' double
  // met exp's returned (boxed) number and V8 boxed every person's factor on the heap (a
  // sixth of a mixed run's garbage; the loop took 15% less thread CPU stored apart).
  if (x <= -0.5 || x >= 0.5) shock[p] = exp(x);
  else shock[p] = smallShockFactor(x);
}
