import { describe, expect, it } from 'vitest';
import { nextWageRate, wageCents } from '../../src/agents/firm/wage-rate.ts';
import { idleCashPayoutCents, netIncomeCents, splitProfit, worthInvesting } from '../../src/agents/firm/firm-accounts.ts';
import { planTakeovers } from '../../src/agents/firm/takeover.ts';

describe('firm wage rate', () => {
  it('rises 1% while a vacancy stays open and falls 1% while applicants queue', () => {
    expect(nextWageRate(200_000, 1, 0, 100_000)).toBeCloseTo(202_000, 6);
    expect(nextWageRate(200_000, 0, 3, 100_000)).toBeCloseTo(198_000, 6);
    expect(nextWageRate(200_000, 0, 0, 100_000)).toBe(200_000);
  });

  it('never falls below the wage floor', () => {
    expect(nextWageRate(100_500, 0, 5, 100_000)).toBe(100_000);
  });

  it('pays the rate times skill in whole cents', () => {
    expect(wageCents(150_000, 1.234)).toBe(185_100);
  });
});

describe('firm accounts', () => {
  it('counts interest and depreciation as costs, never principal', () => {
    expect(netIncomeCents({ salesCents: 360_000, wagesCents: 200_000, interestCents: 50_000, depreciationCents: 50_000 })).toBe(60_000);
    expect(netIncomeCents({ salesCents: 360_000, wagesCents: 200_000, interestCents: 50_000, depreciationCents: 50_000, otherCostsCents: 10_000 })).toBe(50_000);
  });

  it('pays out the payout ratio of a profit and retains the rest; pays nothing on a loss', () => {
    expect(splitProfit(100_001, 0.5)).toEqual({ payoutCents: 50_000, retainedCents: 50_001 });
    expect(splitProfit(-5_000, 0.5)).toEqual({ payoutCents: 0, retainedCents: -5_000 });
  });

  it('invests while the expected return beats the bond yield', () => {
    // 12 x 600 / 120,000 = 6% a year.
    expect(worthInvesting(600, 120_000, 0.05)).toBe(true);
    expect(worthInvesting(600, 120_000, 0.07)).toBe(false);
  });

  it('pays out cash above six months of costs only after it stood idle a year', () => {
    expect(idleCashPayoutCents(1_000_000, 100_000, 11)).toBe(0);
    expect(idleCashPayoutCents(1_000_000, 100_000, 12)).toBe(400_000);
    expect(idleCashPayoutCents(500_000, 100_000, 24)).toBe(0);
  });
});

describe('takeovers', () => {
  const firm = (id: number, cashCents: number, bookEquityCents: number, returnOnAssets: number) =>
    ({ id, cashCents, bookEquityCents, returnOnAssets });

  it('lets a firm buy a weaker firm it can afford, at book equity', () => {
    expect(planTakeovers([firm(1, 1_000_000, 800_000, 0.12), firm(2, 0, 500_000, 0.03)]))
      .toEqual([{ acquirer: 1, target: 2, priceCents: 500_000 }]);
  });

  it('never lets a firm buy one with an equal or better return, or one it cannot afford', () => {
    expect(planTakeovers([firm(1, 1_000_000, 0, 0.05), firm(2, 0, 500_000, 0.05)])).toEqual([]);
    expect(planTakeovers([firm(1, 100_000, 0, 0.2), firm(2, 0, 500_000, 0.01)])).toEqual([]);
  });

  it('involves each firm in at most one takeover a year', () => {
    const plans = planTakeovers([
      firm(1, 9e9, 0, 0.2), firm(2, 9e9, 0, 0.15), firm(3, 0, 10, 0.01), firm(4, 0, 10, 0.02),
    ]);
    expect(plans).toEqual([
      { acquirer: 1, target: 3, priceCents: 10 },
      { acquirer: 2, target: 4, priceCents: 10 },
    ]);
  });
});
