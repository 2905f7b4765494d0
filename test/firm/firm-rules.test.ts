import { describe, expect, it } from 'vitest';
import { nextWageRate, wageCents } from '../../src/agents/firm/wage-rate.ts';
import { idleCashPayoutCents, netIncomeCents, splitProfit, worthInvesting } from '../../src/agents/firm/firm-accounts.ts';
import { marketValueCents, planTakeovers, shareholdersAccept, valueToBuyerCents } from '../../src/agents/firm/takeover.ts';

describe('firm wage rate', () => {
  it('rises 1% while a vacancy stays open and falls 1% while applicants queue', () => {
    expect(nextWageRate(200_000, 1, 0, 100_000)).toBeCloseTo(202_000, 6);
    expect(nextWageRate(200_000, 0, 3, 100_000)).toBeCloseTo(198_000, 6);
    expect(nextWageRate(200_000, 0, 0, 100_000)).toBe(200_000);
  });

  it('stops rising at the ceiling, what a unit of skill produces on the open position, and is never cut by it', () => {
    // Before the ceiling the rate rose 1% a month for as long as the vacancy stayed open (a firm
    // of productivity 0.82 paid 6,727 a unit of skill on a position producing 2,950, mixed year 50).
    expect(nextWageRate(200_000, 1, 0, 100_000, undefined, 201_000)).toBe(201_000);
    expect(nextWageRate(200_000, 1, 0, 100_000, undefined, 250_000)).toBeCloseTo(202_000, 6);
    expect(nextWageRate(300_000, 1, 0, 100_000, undefined, 250_000)).toBe(300_000);
    expect(nextWageRate(300_000, 0, 2, 100_000, undefined, 250_000)).toBeCloseTo(297_000, 6);
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

describe('takeovers (MODEL.md 10.5: bought at a price the shareholders accept, from owners who sell)', () => {
  // A firm of productivity `productivity` earning `annualProfitCents` a year on sales of
  // 1,000,000, for sale or not.
  const firm = (id: number, cashCents: number, bookEquityCents: number, productivity: number, annualProfitCents = 0, forSale = false, debtCents = 0, line = 0) =>
    ({ id, cashCents, bookEquityCents, debtCents, annualProfitCents, annualSalesCents: 1_000_000, productivity, line, forSale });

  it('values a firm at its profit capitalised at the bond yield, never below its book equity', () => {
    expect(marketValueCents(60_000, 500_000, 0.05)).toBe(1_200_000);
    expect(marketValueCents(10_000, 500_000, 0.05)).toBe(500_000);
    expect(marketValueCents(-10_000, -5, 0.05)).toBe(0);
  });

  it('has the shareholders refuse an offer that does not beat what their shares are worth', () => {
    expect(shareholdersAccept(1_199_999, 1_200_000)).toBe(false);
    expect(shareholdersAccept(1_200_000, 1_200_000)).toBe(false);
    expect(shareholdersAccept(1_200_001, 1_200_000)).toBe(true);
  });

  it('values a target at its profit with its sales raised to the buyer\'s productivity, net of the debt it carries', () => {
    // 30,000 a year of profit; at productivity 1.2 against 1.0 its 1,000,000 of sales earn 200,000 more.
    const target = firm(2, 50_000, 0, 1.0, 30_000, true, 100_000);
    expect(valueToBuyerCents(target, 1.2, 0.05)).toBeCloseTo(230_000 / 0.05 + 50_000 - 100_000, 6);
    // Not on the buyer's depreciated book: the same target is worth the same to an old buyer and a new one.
    expect(valueToBuyerCents(target, 1.0, 0.05)).toBeCloseTo(30_000 / 0.05 - 50_000, 6);
  });

  it('buys a firm for sale at its market value plus the premium', () => {
    // Target: 30,000 a year, worth 600,000 at 5%; offer 1.3 x that.
    expect(planTakeovers([firm(1, 2_000_000, 800_000, 1.2, 120_000), firm(2, 0, 500_000, 1.0, 30_000, true)], 0.05, 0.3))
      .toEqual([{ acquirer: 1, target: 2, priceCents: 780_000 }]);
  });

  it('takes over no firm whose owners have not put it up for sale (v3\'s first version made every firm a target every year)', () => {
    expect(planTakeovers([firm(1, 9e9, 800_000, 1.5, 120_000), firm(2, 0, 500_000, 1.0, 30_000, false)], 0.05, 0.3)).toEqual([]);
  });

  it('takes over nothing when the buyer can pay the book equity but not the market value (v2 seized it at book equity)', () => {
    // Book equity 500,000 affordable; market value 600,000 x 1.3 = 780,000 is not.
    expect(planTakeovers([firm(1, 700_000, 800_000, 1.2, 120_000), firm(2, 0, 500_000, 1.0, 30_000, true)], 0.05, 0.3)).toEqual([]);
  });

  it('takes over nothing when the shareholders would not gain: no premium, no sale', () => {
    expect(planTakeovers([firm(1, 9e9, 800_000, 1.2, 120_000), firm(2, 0, 500_000, 1.0, 30_000, true)], 0.05, 0)).toEqual([]);
  });

  it('never lets a firm buy one as productive as itself, or one worth less to it than the offer', () => {
    expect(planTakeovers([firm(1, 9e9, 0, 1.0), firm(2, 0, 500_000, 1.0, 30_000, true)], 0.05, 0.3)).toEqual([]);
    // Offer 780,000; at productivity 1.005 the target earns 35,000 a year, worth 700,000 to the buyer.
    expect(planTakeovers([firm(1, 9e9, 0, 1.005), firm(2, 0, 0, 1.0, 30_000, true)], 0.05, 0.3)).toEqual([]);
  });

  it('nets the debt the buyer takes over out of what the target is worth to it', () => {
    // Offer 780,000; at productivity 1.01 the target earns 40,000 a year, worth 800,000 to the
    // buyer: enough debt-free, not with 300,000 of bonds to carry.
    expect(planTakeovers([firm(1, 9e9, 0, 1.01), firm(2, 0, 500_000, 1.0, 30_000, true)], 0.05, 0.3))
      .toEqual([{ acquirer: 1, target: 2, priceCents: 780_000 }]);
    expect(planTakeovers([firm(1, 9e9, 0, 1.01), firm(2, 0, 500_000, 1.0, 30_000, true, 300_000)], 0.05, 0.3)).toEqual([]);
  });

  it('sells each firm for sale to the most productive buyer that will pay, each firm in at most one takeover a year', () => {
    const plans = planTakeovers([
      firm(1, 9e9, 0, 1.5), firm(2, 9e9, 0, 1.3), firm(3, 0, 10, 0.9, 10_000, true), firm(4, 0, 10, 1.0, 20_000, true),
    ], 0.05, 0.3);
    expect(plans).toEqual([
      { acquirer: 1, target: 3, priceCents: 260_000 },
      { acquirer: 2, target: 4, priceCents: 520_000 },
    ]);
  });
});
