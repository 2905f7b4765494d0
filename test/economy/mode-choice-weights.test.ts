// MODEL.md 2, mode choices: the logit weight of an option is (its income / the best)^(1/T).
// The economy computes it by repeated squaring when 1/T is whole (no ln or exp); checked here
// against the platform's own power, which is accurate to about an ulp.
import { describe, expect, it } from 'vitest';
import { logitWeight, wholePowerOf } from '../../src/agents/economy/mode-choice.ts';

describe('wholePowerOf', () => {
  it('gives 1/T when it is a whole number up to 64, else 0 (the logarithmic path)', () => {
    expect(wholePowerOf(0.1)).toBe(10);
    expect(wholePowerOf(1)).toBe(1);
    expect(wholePowerOf(0.25)).toBe(4);
    expect(wholePowerOf(0.3)).toBe(0);
    expect(wholePowerOf(2)).toBe(0);
    expect(wholePowerOf(0.01)).toBe(0);
    expect(wholePowerOf(1 / 64)).toBe(64);
    expect(wholePowerOf(1 / 65)).toBe(0);
    expect(wholePowerOf(-0.5)).toBe(0);
  });
});

describe('logitWeight', () => {
  // Relative error of x^n is about n ulp either way (x^n = exp(n ln x): an error of e in the
  // exponent is a relative error of e), hence the tolerance 1e-14 (1 + |ln ratio| / T).
  it('is ratio^(1/T) to within (1 + |ln ratio| / T) 1e-14 relative, by squaring and by logarithms alike', () => {
    for (const temperature of [0.1, 1, 0.25, 0.3, 2, 0.01, 1 / 64, 1 / 65]) {
      const power = wholePowerOf(temperature);
      for (let i = 1; i <= 200; i++) {
        const ratio = i / 200;
        const expected = Math.pow(ratio, 1 / temperature);
        const got = logitWeight(ratio, power, temperature);
        const tolerance = 1e-14 * (1 + Math.abs(Math.log(ratio)) / temperature);
        expect(Math.abs(got - expected)).toBeLessThanOrEqual(tolerance * expected);
      }
    }
  });

  it('weighs the best option exactly 1 and a 10% worse one about 1/2.87 at T = 0.1', () => {
    expect(logitWeight(1, 10, 0.1)).toBe(1);
    expect(logitWeight(0.9, 10, 0.1)).toBeCloseTo(0.3486784401, 10);
  });
});
