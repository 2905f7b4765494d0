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
});
