// The Claims panel's size: a month priced as a fixed part plus a part per person, and the
// largest population whose runs fit the target; years shortened only when even the smallest
// population does not fit, never below the claims' window.
import { describe, expect, it } from 'vitest';
import { MIN_PERSONS, MIN_YEARS, chooseSize, claimsSeconds, monthCostOf } from '../../src/ui/claims/claims-size.ts';

describe('the Claims panel size', () => {
  it('reads a month\'s cost as fixed plus per person from two timed runs', () => {
    const cost = monthCostOf({ persons: 100, msPerMonth: 5 }, { persons: 400, msPerMonth: 8 });
    expect(cost.perPersonMs).toBeCloseTo(0.01, 12);
    expect(cost.fixedMs).toBeCloseTo(4, 12);
    // Noise that makes the larger run cheaper gives no negative cost.
    const noisy = monthCostOf({ persons: 100, msPerMonth: 5 }, { persons: 400, msPerMonth: 4.5 });
    expect(noisy.perPersonMs).toBeGreaterThan(0);
    expect(noisy.fixedMs).toBeGreaterThanOrEqual(0);
  });

  it('takes the largest population (two significant figures) whose runs fit the target', () => {
    const cost = { fixedMs: 1, perPersonMs: 0.001 };
    // 10 runs x 10 years on 2 workers in 60 s: 100 ms a month, so 99,000 persons fit.
    const choice = chooseSize(cost, 10, 2, 1_000_000, 10);
    expect(choice.persons).toBe(99_000);
    expect(choice.years).toBe(10);
    expect(choice.estimateSeconds).toBeLessThanOrEqual(60);
    expect(claimsSeconds(cost, 10, 2, choice.persons + 1000, 10)).toBeGreaterThan(60);
    // Never more than the scenario's own size.
    expect(chooseSize(cost, 10, 2, 5_000, 10).persons).toBe(5_000);
  });

  it('shortens the years when even the smallest population is too slow, not below the claims window', () => {
    const cost = { fixedMs: 5, perPersonMs: 0.001 };
    const choice = chooseSize(cost, 140, 1, 10_000, 50);
    expect(choice.persons).toBe(MIN_PERSONS);
    expect(choice.years).toBe(MIN_YEARS);
    expect(choice.estimateSeconds).toBeGreaterThan(60);
    expect(choice.fullEstimateSeconds).toBeCloseTo(140 * 600 * (5 + 10) / 1000, 9);
    const shorter = chooseSize({ fixedMs: 1, perPersonMs: 0.001 }, 140, 1, 10_000, 50);
    expect(shorter.persons).toBe(MIN_PERSONS);
    expect(shorter.years).toBe(Math.floor(60_000 / (140 * 12 * 1.1)));
  });
});
