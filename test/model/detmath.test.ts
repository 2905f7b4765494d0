import { describe, expect, it } from 'vitest';
import { exp, ln, log1p, pow } from '../../src/model/detmath.ts';

describe('deterministic maths', () => {
  // fdlibm promises less than one unit in the last place; the point is that every JavaScript
  // engine computes the same bits, not that they are the correctly rounded ones.
  const ulp = (x: number) => Number.EPSILON * 2 ** Math.floor(Math.log2(Math.abs(x)));
  it('is within one unit in the last place of known constants', () => {
    expect(Math.abs(exp(1) - Math.E)).toBeLessThanOrEqual(ulp(Math.E));
    expect(Math.abs(ln(2) - Math.LN2)).toBeLessThanOrEqual(ulp(Math.LN2));
    expect(Math.abs(ln(10) - Math.LN10)).toBeLessThanOrEqual(ulp(Math.LN10));
    expect(Math.abs(pow(2, 0.5) - Math.SQRT2)).toBeLessThanOrEqual(ulp(Math.SQRT2));
    expect(pow(2, 10)).toBe(1024);
    expect(log1p(1e-20)).toBe(1e-20);
  });

  it('makes ln undo exp to within rounding', () => {
    for (const x of [0, 1, 2, 5, 10]) expect(Math.abs(ln(exp(x)) - x)).toBeLessThanOrEqual(2 * Number.EPSILON * Math.max(1, x));
  });

  it('handles the edges as IEEE 754 says', () => {
    expect(ln(0)).toBe(-Infinity);
    expect(Number.isNaN(ln(-1))).toBe(true);
    expect(exp(-Infinity)).toBe(0);
    expect(pow(0, 0)).toBe(1);
  });
});
