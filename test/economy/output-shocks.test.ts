// MODEL.md 2, output shocks: the exp and the normal draw the economy uses instead of Math.exp
// and a library normal, so that every engine computes the same bits. Checked here against
// the platform's own functions, which are accurate to about an ulp.
import { describe, expect, it } from 'vitest';
import { normalQuantile, shockFactor } from '../../src/agents/economy/output-shocks.ts';

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

describe('normalQuantile', () => {
  it('inverts the standard normal at known quantiles', () => {
    // Phi^-1 at 0.5, 0.975 and 0.999 (tables: 0, 1.959963984540054, 3.090232306167813).
    expect(normalQuantile(0.5)).toBe(0);
    expect(normalQuantile(0.975)).toBeCloseTo(1.959963984540054, 12);
    expect(normalQuantile(0.025)).toBeCloseTo(-1.959963984540054, 12);
    expect(normalQuantile(0.999)).toBeCloseTo(3.090232306167813, 12);
  });

  it('inverts the central region, where its polynomials are evaluated in Estrin form, to 1e-14', () => {
    // Phi(1), Phi(0.5), Phi(-0.5) and Phi(-1.4) to 16 digits; |p - 0.5| <= 0.425 for each.
    expect(normalQuantile(0.8413447460685429)).toBeCloseTo(1, 14);
    expect(normalQuantile(0.6914624612740131)).toBeCloseTo(0.5, 14);
    expect(normalQuantile(0.3085375387259869)).toBeCloseTo(-0.5, 14);
    expect(normalQuantile(0.08075665923377107)).toBeCloseTo(-1.4, 14);
  });
});
