// MODEL.md 2, output shocks: the exp the economy uses instead of Math.exp, so that every engine
// computes the same bits. Checked here against the platform's own, accurate to about an ulp.
// (The normal draws are checked in test/model/ziggurat.test.ts.)
import { describe, expect, it } from 'vitest';
import { shockFactor } from '../../src/agents/economy/output-shocks.ts';

/** Distance between a and b in units of the last place of b. */
const ulps = (a: number, b: number) => Math.abs(a - b) / (Math.abs(b) * 2 ** -52);

describe('shockFactor', () => {
  it('is exp(x) to within 4 ulp across the polynomial range |x| < 0.5', () => {
    let worst = 0;
    for (let i = -5000; i <= 5000; i++) {
      const x = (i / 5000) * 0.4999;
      worst = Math.max(worst, ulps(shockFactor(x), Math.exp(x)));
    }
    expect(worst).toBeLessThan(4);
  });

  it('is exactly 1 at 0 and switches to the library exp at the range ends', () => {
    expect(shockFactor(0)).toBe(1);
    expect(ulps(shockFactor(0.5), Math.exp(0.5))).toBeLessThan(2);
    expect(ulps(shockFactor(-3), Math.exp(-3))).toBeLessThan(2);
  });

  it('sums the Taylor terms 1/n!, each by one division from the last, in Estrin\'s order', () => {
    const t = [1];
    for (let n = 1; n <= 16; n++) t.push(t[n - 1]! / n);
    const [t0, t1, t2, t3, t4, t5, t6, t7, t8, t9, t10, t11, t12, t13, t14, t15, t16] = t as [number, ...number[]];
    const series = (x: number) => {
      const x2 = x * x;
      const x4 = x2 * x2;
      const x8 = x4 * x4;
      const q0 = (t0 + t1! * x) + (t2! + t3! * x) * x2;
      const q1 = (t4! + t5! * x) + (t6! + t7! * x) * x2;
      const q2 = (t8! + t9! * x) + (t10! + t11! * x) * x2;
      const q3 = (t12! + t13! * x) + (t14! + t15! * x) * x2;
      return (q0 + q1 * x4) + ((q2 + q3 * x4) + t16! * x8) * x8;
    };
    for (let i = -5000; i <= 5000; i++) {
      const x = (i / 5000) * 0.4999;
      expect(shockFactor(x)).toBe(series(x));
    }
  });
});
