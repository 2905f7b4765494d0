import { describe, expect, it } from 'vitest';
import { admitsMember, buyInTerms, BUY_IN_INSTALMENT_MONTHS } from '../../src/agents/cooperative/admission.ts';
import { coordinationCostCents, divideNetIncome } from '../../src/agents/cooperative/distribution.ts';

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
  it('divides equally to the cent after retention', () => {
    const out = new Float64Array(3);
    const retained = divideNetIncome(100_001, 0.1, [1, 2, 3], 'equal', out);
    expect(retained).toBe(10_001);
    expect(out.reduce((a, b) => a + b, 0)).toBe(90_000);
    expect([...out]).toEqual([30_000, 30_000, 30_000]);
  });

  it('divides by skill in proportion, the cents summing exactly', () => {
    const out = new Float64Array(3);
    divideNetIncome(1_000, 0, [1, 1, 2], 'by-skill', out);
    expect([...out]).toEqual([250, 250, 500]);
    divideNetIncome(1_001, 0, [1, 1, 1], 'by-skill', out);
    expect(out.reduce((a, b) => a + b, 0)).toBe(1_001);
  });

  it('divides nothing out of a loss', () => {
    const out = new Float64Array(2).fill(9);
    expect(divideNetIncome(-500, 0.1, [1, 1], 'equal', out)).toBe(0);
    expect([...out]).toEqual([0, 0]);
  });

  it('charges coordination growing with the log of size, nothing for one member', () => {
    expect(coordinationCostCents(1, 10_000)).toBe(0);
    expect(coordinationCostCents(100, 10_000)).toBe(Math.round(10_000 * Math.log(100)));
    // Squaring the membership doubles the cost (to the rounding cent).
    expect(Math.abs(coordinationCostCents(10_000, 10_000) - 2 * 10_000 * Math.log(100))).toBeLessThanOrEqual(0.5);
  });
});
