// Size distribution of organisations by kind (MODEL.md 6), on organisations sized by hand.
import { describe, expect, it } from 'vitest';
import { ORG_COMMUNE, ORG_COOPERATIVE, ORG_FIRM, organisationSize } from '../../src/model/economy/organisation-table.ts';
import { organisationSizeReporters } from '../../src/model/economy/organisation-sizes.ts';
import { SIZE_CLASSES, sizeClassOf } from '../../src/model/economy/size-classes.ts';
import { SampleContext } from '../../src/model/reporters.ts';
import type { EconomyState } from '../../src/model/economy/economy-state.ts';
import { handBuiltEconomy } from './hand-built-economy.ts';

function sampler(state: EconomyState) {
  const reporters = organisationSizeReporters();
  const context = new SampleContext<EconomyState>([]);
  return (id: string) => {
    const reporter = reporters.find((r) => r.id === id);
    if (reporter === undefined) throw new Error(`no reporter ${id}`);
    return reporter.sample(state, context);
  };
}

describe('organisation sizes', () => {
  it('puts sizes in classes 0, 1, 2-4, 5-19, 20-99, 100-499 and 500+', () => {
    const cases: [number, string][] = [[0, '0'], [1, '1'], [2, '2-4'], [4, '2-4'], [5, '5-19'], [19, '5-19'], [20, '20-99'],
      [99, '20-99'], [100, '100-499'], [499, '100-499'], [500, '500+'], [70_000, '500+']];
    for (const [size, label] of cases) expect(SIZE_CLASSES[sizeClassOf(size)]!.label).toBe(label);
  });

  it('counts members and probationers of a commune, employees of a firm, members and hired workers of a cooperative', () => {
    const state = handBuiltEconomy();
    const [commune] = state.orgs.all;
    const firm = state.orgs.add(ORG_FIRM, 0, 0, 0);
    const coop = state.orgs.add(ORG_COOPERATIVE, 0, 0, 0);
    commune!.members = 4; commune!.probationers = 2;
    firm.hired = 3; firm.members = 9;
    coop.members = 5; coop.hired = 1;
    expect([organisationSize(commune!), organisationSize(firm), organisationSize(coop)]).toEqual([6, 3, 6]);
  });

  it('reports median, 90th percentile, largest and counts per class of the live organisations of each kind', () => {
    const state = handBuiltEconomy();
    const [first] = state.orgs.all;
    first!.members = 4; first!.probationers = 2;
    for (const members of [1, 25, 700]) state.orgs.add(ORG_COMMUNE, 0, 0, 0).members = members;
    const ended = state.orgs.add(ORG_COMMUNE, 0, 0, 0);
    ended.members = 3000;
    ended.alive = false;
    state.orgs.add(ORG_FIRM, 0, 0, 0).hired = 0;
    const value = sampler(state);
    // Live communes: 1, 6, 25, 700. Median (6 + 25) / 2; 90th percentile by linear interpolation
    // at rank 0.9 x 3 = 2.7: 25 + 0.7 x (700 - 25).
    expect(value('communes.size.median')).toBe(15.5);
    expect(value('communes.size.p90')).toBeCloseTo(25 + 0.7 * 675, 10);
    expect(value('communes.size.max')).toBe(700);
    expect(SIZE_CLASSES.map((c) => value(`communes.sizes.${c.id}`))).toEqual([0, 1, 0, 1, 1, 0, 1]);
    expect(value('firms.sizes.0')).toBe(1);
    expect(value('firms.size.max')).toBe(0);
    // No cooperative: no median, a largest of 0, every class empty.
    expect(value('cooperatives.size.median')).toBeNaN();
    expect(value('cooperatives.size.max')).toBe(0);
    expect(SIZE_CLASSES.every((c) => value(`cooperatives.sizes.${c.id}`) === 0)).toBe(true);
  });
});
