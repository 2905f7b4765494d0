// The Claims panel's size: a month priced as a fixed part plus a part per person, and the
// largest population whose runs fit the target; years shortened only when even the smallest
// population does not fit, never below the claims' window.
import { describe, expect, it } from 'vitest';
import { MIN_PERSONS, MIN_YEARS, checkedCost, chooseSize, claimsSeconds, monthCostOf } from '../../src/ui/claims/claims-size.ts';

describe('the Claims panel size', () => {
  it('reads a run\'s cost as set-up plus months, each fixed plus per person, from three timed runs', () => {
    // Set-up 500 ms; a month 4 ms + 0.01 ms a person.
    const run = (persons: number, months: number) => ({ persons, months, ms: 500 + months * (4 + 0.01 * persons) });
    const cost = monthCostOf(run(100, 60), run(100, 120), run(400, 120));
    expect(cost.setupMs).toBeCloseTo(500, 9);
    expect(cost.fixedMs).toBeCloseTo(4, 9);
    expect(cost.perPersonMs).toBeCloseTo(0.01, 12);
    // Noise that makes the larger or longer run cheaper gives no negative cost.
    const noisy = monthCostOf({ persons: 100, months: 60, ms: 900 }, { persons: 100, months: 120, ms: 800 }, { persons: 400, months: 120, ms: 700 });
    expect(noisy.perPersonMs).toBeGreaterThan(0);
    expect(noisy.fixedMs).toBeGreaterThanOrEqual(0);
    expect(noisy.setupMs).toBeGreaterThanOrEqual(0);
  });

  it('takes the largest population (two significant figures) whose runs fit the target', () => {
    const cost = { setupMs: 0, fixedMs: 1, perPersonMs: 0.001 };
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
    const cost = { setupMs: 0, fixedMs: 5, perPersonMs: 0.001 };
    const choice = chooseSize(cost, 140, 1, 10_000, 50);
    expect(choice.persons).toBe(MIN_PERSONS);
    expect(choice.years).toBe(MIN_YEARS);
    expect(choice.estimateSeconds).toBeGreaterThan(60);
    expect(choice.fullEstimateSeconds).toBeCloseTo(140 * 600 * (5 + 10) / 1000, 9);
    const shorter = chooseSize({ setupMs: 0, fixedMs: 1, perPersonMs: 0.001 }, 140, 1, 10_000, 50);
    expect(shorter.persons).toBe(MIN_PERSONS);
    expect(shorter.years).toBe(Math.floor(60_000 / (140 * 12 * 1.1)));
    // A set-up of 100 ms a run leaves 140 runs less time for their months.
    const withSetUp = chooseSize({ setupMs: 100, fixedMs: 1, perPersonMs: 0.001 }, 140, 1, 10_000, 50);
    expect(withSetUp.years).toBe(Math.floor((60_000 / 140 - 100) / (12 * 1.1)));
    expect(withSetUp.estimateSeconds).toBeLessThanOrEqual(60);
  });

  it('corrects the price by runs timed at the chosen size, and the size chosen again fits the target', () => {
    const cost = { setupMs: 10, fixedMs: 1, perPersonMs: 0.001 };
    // Priced at 1,000 persons x 10 years: 10 + 120 x 2 = 250 ms a run; the check runs took twice that.
    const corrected = checkedCost(cost, 1_000, 10, [400, 600])!;
    expect(claimsSeconds(corrected, 1, 1, 1_000, 10) * 1000).toBeCloseTo(500, 9);
    expect(corrected.perPersonMs / corrected.fixedMs).toBeCloseTo(cost.perPersonMs / cost.fixedMs, 12);
    const before = chooseSize(cost, 100, 2, 1_000_000, 10);
    const after = chooseSize(corrected, 100, 2, 1_000_000, 10);
    expect(after.persons).toBeLessThan(before.persons);
    expect(after.estimateSeconds).toBeLessThanOrEqual(60);
    // Nothing timed, or nothing priced: no correction.
    expect(checkedCost(cost, 1_000, 10, [])).toBeUndefined();
    expect(checkedCost({ setupMs: 0, fixedMs: 0, perPersonMs: 0 }, 1_000, 10, [100])).toBeUndefined();
  });
});
