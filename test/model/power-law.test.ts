// The discrete power law of Clauset, Shalizi & Newman (2009): the Hurwitz zeta function against
// known values, and the fit recovering the exponent and the lower bound of samples drawn from
// known laws (fixed seeds; tolerances of four asymptotic standard errors, (alpha - 1) / sqrt(n)).
import { describe, expect, it } from 'vitest';
import { discreteAlpha, fitDiscretePowerLaw, hurwitzZeta } from '../../src/model/power-law.ts';
import { RandomStream } from '../../src/model/random.ts';

/** An exact draw from p(x) = x^-alpha / zeta(alpha, xmin): the largest x with P(X >= x) >= u. */
function drawPowerLaw(stream: RandomStream, alpha: number, xmin: number): number {
  const u = 1 - stream.double();
  const norm = hurwitzZeta(alpha, xmin);
  const atLeast = (x: number) => hurwitzZeta(alpha, x) / norm;
  let lo = xmin;
  let hi = xmin * 2;
  while (atLeast(hi) >= u) {
    lo = hi;
    hi *= 2;
  }
  // atLeast(lo) >= u > atLeast(hi)
  while (hi - lo > 1) {
    const mid = Math.floor((lo + hi) / 2);
    if (atLeast(mid) >= u) lo = mid;
    else hi = mid;
  }
  return lo;
}

describe('the Hurwitz zeta function', () => {
  it('matches the Riemann zeta function and its shifted sums', () => {
    expect(hurwitzZeta(2, 1)).toBeCloseTo(Math.PI ** 2 / 6, 13);
    expect(hurwitzZeta(3, 1)).toBeCloseTo(1.2020569031595942, 13);
    expect(hurwitzZeta(1.5, 1)).toBeCloseTo(2.612375348685488, 12);
    expect(hurwitzZeta(2, 3)).toBeCloseTo(Math.PI ** 2 / 6 - 1 - 1 / 4, 13);
    expect(hurwitzZeta(2.5, 50) - hurwitzZeta(2.5, 51)).toBeCloseTo(50 ** -2.5, 15);
  });

  it('is undefined where the series diverges', () => {
    expect(hurwitzZeta(1, 1)).toBeNaN();
    expect(hurwitzZeta(2, 0)).toBeNaN();
  });
});

describe('the discrete power-law fit', () => {
  it('recovers Zipf\'s exponent from firm-like sizes at a known lower bound', () => {
    const stream = new RandomStream('power-law-test', 'zipf');
    const sizes = Array.from({ length: 4000 }, () => drawPowerLaw(stream, 2.06, 1));
    let sumLog = 0;
    for (const s of sizes) sumLog += Math.log(s);
    const alpha = discreteAlpha(sizes.length, sumLog, 1);
    expect(Math.abs(alpha - 2.06)).toBeLessThan(4 * (2.06 - 1) / Math.sqrt(sizes.length));
  });

  it('finds the lower bound of a power-law tail above a body that is not one, and the tail\'s exponent', () => {
    const stream = new RandomStream('power-law-test', 'mixture');
    // Below 20: uniform on 1..19 (flat, nothing like a power law); from 20: alpha 2.5.
    const body = Array.from({ length: 3000 }, () => 1 + stream.int(19));
    const tail = Array.from({ length: 3000 }, () => drawPowerLaw(stream, 2.5, 20));
    const fit = fitDiscretePowerLaw([...body, ...tail])!;
    expect(fit.xmin).toBeGreaterThanOrEqual(19);
    expect(fit.xmin).toBeLessThanOrEqual(30);
    expect(Math.abs(fit.alpha - 2.5)).toBeLessThan(4 * fit.standardError);
    expect(fit.tailExponent).toBeCloseTo(fit.alpha - 1, 12);
    expect(fit.n).toBe(6000);
  });

  it('gives a steep exponent to sizes with a thin (geometric) tail', () => {
    const stream = new RandomStream('power-law-test', 'geometric');
    const sizes = Array.from({ length: 3000 }, () => 1 + Math.floor(Math.log(1 - stream.double()) / Math.log(0.5)));
    const fit = fitDiscretePowerLaw(sizes)!;
    // A Zipf tail has exponent about 1; halving odds per unit size is far thinner.
    expect(fit.tailExponent).toBeGreaterThan(1.5);
  });

  it('refuses what is not a positive integer, and has nothing to fit in one distinct value', () => {
    expect(() => fitDiscretePowerLaw([1, 2.5])).toThrow(RangeError);
    expect(() => fitDiscretePowerLaw([0, 3])).toThrow(RangeError);
    expect(fitDiscretePowerLaw([4, 4, 4])).toBeNull();
    expect(fitDiscretePowerLaw([])).toBeNull();
  });
});
