// Claim 8's retained share at equal skill (MODEL.md 6-7): direct standardisation over fifths of
// the population's skill, checked by hand.
import { describe, expect, it } from 'vitest';
import {
  SKILL_STRATA, retainedShares, skillStrata, standardisedRatio, stratumWeights,
} from '../../src/model/economy/retained-share.ts';
import {
  MODE_EMPLOYEE, MODE_MEMBER_WORKER, MODE_PRODUCER, MODE_SELF_EMPLOYED,
} from '../../src/model/economy/person-table.ts';
import { handBuiltEconomy } from './hand-built-economy.ts';

describe('retained share at equal skill', () => {
  it('cuts the population into fifths of skill at its quantiles', () => {
    // Quantiles of 1..10 by linear interpolation: 2.8, 4.6, 6.4, 8.2.
    const stratum = skillStrata(Float64Array.from({ length: 10 }, (_, i) => i + 1), 5);
    expect(Array.from(stratum)).toEqual([0, 0, 1, 1, 2, 2, 3, 3, 4, 4]);
    expect(Array.from(stratumWeights(stratum, 5))).toEqual([0.2, 0.2, 0.2, 0.2, 0.2]);
  });

  it('makes two modes with the same ratio in every stratum equal, whatever their skill mix, where the raw ratio differs', () => {
    const weights = [1 / 3, 1 / 3, 1 / 3];
    // Ratios 0.5, 0.7, 0.9 in both; A's output is mostly in the low stratum, B's in the high one.
    const outputA = [800, 100, 100], keptA = [400, 70, 90];
    const outputB = [100, 100, 800], keptB = [50, 70, 720];
    const raw = (kept: number[], output: number[]) => kept.reduce((a, b) => a + b) / output.reduce((a, b) => a + b);
    expect(raw(keptA, outputA)).toBeCloseTo(0.56, 12);
    expect(raw(keptB, outputB)).toBeCloseTo(0.84, 12);
    expect(standardisedRatio(keptA, outputA, weights)).toBeCloseTo(0.7, 12);
    expect(standardisedRatio(keptB, outputB, weights)).toBeCloseTo(0.7, 12);
  });

  it('compares a mode absent from a stratum on the strata it covers, and is NaN with none', () => {
    // Weights 0.2, 0.3, 0.5; ratios 0.5 and 1 in the first two, nobody in the third.
    expect(standardisedRatio([50, 300, 0], [100, 300, 0], [0.2, 0.3, 0.5])).toBeCloseTo((0.2 * 0.5 + 0.3 * 1) / 0.5, 12);
    expect(standardisedRatio([0, 0], [0, 0], [0.5, 0.5])).toBeNaN();
  });

  it('standardises last year\'s (labour + dividends) / own output of persons in one mode all year', () => {
    const state = handBuiltEconomy();
    const p = state.persons;
    expect(p.count).toBe(20);
    // Skills 1..20: fifths of four persons each.
    for (let i = 0; i < p.count; i++) p.skill[i] = i + 1;
    const year = (person: number, modes: number[], output: number, labour: number, dividend: number) => {
      p.lastModeMaskYear[person] = modes.reduce((mask, m) => mask | (1 << m), 0);
      p.lastOwnOutputYear[person] = output;
      p.lastLabourYear[person] = labour;
      p.lastDividendYear[person] = dividend;
    };
    p.lastModeMaskYear.fill(0);
    year(0, [MODE_PRODUCER], 1000, 400, 300); // lowest fifth: 0.7
    year(19, [MODE_PRODUCER], 4000, 2000, 400); // highest fifth: 0.6
    year(5, [MODE_SELF_EMPLOYED], 1500, 1500, 0); // second fifth: 1
    year(10, [MODE_SELF_EMPLOYED, MODE_PRODUCER], 99_999, 0, 0); // two modes: left out
    const shares = retainedShares(state);
    // Producers cover two fifths of equal weight: (0.7 + 0.6) / 2, where the raw ratio is 3100 / 5000.
    expect(shares[MODE_PRODUCER]).toBeCloseTo(0.65, 12);
    expect(shares[MODE_SELF_EMPLOYED]).toBe(1);
    expect(shares[MODE_EMPLOYEE]).toBeNaN();
    expect(shares[MODE_MEMBER_WORKER]).toBeNaN();
    expect(SKILL_STRATA).toBe(5);
  });
});
