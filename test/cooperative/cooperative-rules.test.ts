import { describe, expect, it } from 'vitest';
import { admitsMember, buyInTerms, BUY_IN_INSTALMENT_MONTHS } from '../../src/agents/cooperative/admission.ts';
import fc from 'fast-check';
import { cooperativePotCents, coordinationCostCents, memberShareCents } from '../../src/agents/cooperative/distribution.ts';

describe('cooperative admission', () => {
  it('admits a member who adds at least the current income per member', () => {
    expect(admitsMember(1_000_000, 4, 250_000)).toBe(true);
    expect(admitsMember(1_000_000, 4, 249_999)).toBe(false);
  });

  it('asks the equity per member, a quarter up front and the rest over five years', () => {
    const terms = buyInTerms(1_000_000, 4);
    expect(terms.totalCents).toBe(250_000);
    expect(terms.upfrontCents).toBe(62_500);
    expect(terms.instalmentCents * BUY_IN_INSTALMENT_MONTHS).toBeGreaterThanOrEqual(187_500);
    expect((terms.instalmentCents - 1) * BUY_IN_INSTALMENT_MONTHS).toBeLessThan(187_500);
  });
});

describe('cooperative distribution', () => {
  /** Each member's share of a pot, as the engine computes it. */
  const shares = (pot: number, weights: number[]) => {
    const total = weights.reduce((a, b) => a + b, 0);
    return weights.map((w) => memberShareCents(pot, w, total));
  };

  it('divides equally after retention, the cooperative keeping the retention rounded up', () => {
    const pot = cooperativePotCents(100_001, 0.1, 3, 1e9);
    expect(pot).toBe(90_000); // 10,001 kept
    expect(shares(pot, [1, 1, 1])).toEqual([30_000, 30_000, 30_000]);
  });

  it('divides by skill in proportion; the remainder cents stay in the cooperative', () => {
    expect(shares(1_000, [1, 1, 2])).toEqual([250, 250, 500]);
    expect(shares(1_001, [1, 1, 1])).toEqual([333, 333, 333]);
  });

  it('divides nothing out of a loss or without members, and no more than the cash held', () => {
    expect(cooperativePotCents(-500, 0.1, 2, 1e9)).toBe(0);
    expect(cooperativePotCents(10_000, 0.1, 0, 1e9)).toBe(0);
    expect(cooperativePotCents(10_000, 0, 5, 3_000)).toBe(3_000);
    expect(cooperativePotCents(10_000, 0, 5, -1)).toBe(0);
  });

  it('never hands out more than the pot, and keeps less than a cent per member', () => {
    fc.assert(fc.property(
      fc.integer({ min: 0, max: 1e9 }),
      fc.array(fc.double({ min: 0.1, max: 3, noNaN: true }), { minLength: 1, maxLength: 40 }),
      (pot, weights) => {
        const given = shares(pot, weights).reduce((a, b) => a + b, 0);
        return given <= pot && pot - given < weights.length;
      },
    ), { seed: 4 });
  });

  it('charges coordination growing with the log of size, nothing for one member', () => {
    expect(coordinationCostCents(1, 10_000)).toBe(0);
    expect(coordinationCostCents(100, 10_000)).toBe(Math.round(10_000 * Math.log(100)));
    // Squaring the membership doubles the cost (to the rounding cent).
    expect(Math.abs(coordinationCostCents(10_000, 10_000) - 2 * 10_000 * Math.log(100))).toBeLessThanOrEqual(0.5);
  });
});
