// MODEL.md 2: output shocks per person are AR(1) on the log scale (rho 0.9, sigma 0.05), so bad
// spells persist and defaults can happen. The normal innovations come from the ziggurat
// (model/ziggurat.ts): one 32-bit uniform for 97% of draws, and the same bits in every engine.
import { exp } from '../../model/detmath.ts';

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

/**
 * shockFactor for |x| < 0.5: the series alone. Its terms 1/n!, n = 0..16, are the doubles
 * that T[n] = T[n - 1] / n from T[0] = 1 gives (the test sums those alike), written as literals:
 * the compiler folds them into the code, where constants of the module were loaded at every
 * person's shock (a third of the shock and production walk). Production's walk
 * (production.ts) moves each shock, x' = rho x + sigma e with e the ziggurat's normal, and
 * takes its factor from here: exp(x') past |x'| < 0.5, else this; the two cases stored apart
 * (merged into one value first, the series' double met exp's returned (boxed) number and V8
 * boxed every person's factor on the heap: a sixth of a mixed run's garbage).
 */
export function smallShockFactor(x: number): number {
  const x2 = x * x;
  const x4 = x2 * x2;
  const x8 = x4 * x4;
  const q0 = (1 + 1 * x) + (0.5 + 0.16666666666666666 * x) * x2;
  const q1 = (0.041666666666666664 + 0.008333333333333333 * x) + (0.001388888888888889 + 0.0001984126984126984 * x) * x2;
  const q2 = (0.0000248015873015873 + 0.0000027557319223985893 * x) + (2.7557319223985894e-7 + 2.505210838544172e-8 * x) * x2;
  const q3 = (2.08767569878681e-9 + 1.6059043836821616e-10 * x) + (1.1470745597729726e-11 + 7.647163731819817e-13 * x) * x2;
  return (q0 + q1 * x4) + ((q2 + q3 * x4) + 4.779477332387386e-14 * x8) * x8;
}
