// Survival of organisations (MODEL.md 6): how each one ended, its size at one year, and the
// Kaplan-Meier curves by kind and size, checked on hand-built lives and on a real run.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadScenario } from '../../src/scenarios/load.ts';
import { createSimulation } from '../../src/scenarios/create-simulation.ts';
import type { EconomyModel } from '../../src/agents/economy/economy-model.ts';
import type { EconomyState } from '../../src/model/economy/economy-state.ts';
import {
  endOrganisation, EXIT_ABSORBED, EXIT_FAILED, EXIT_NONE, ORG_COMMUNE, ORG_COOPERATIVE, ORG_FIRM, organisationSize,
} from '../../src/model/economy/organisation-table.ts';
import { recountOrganisations } from '../../src/agents/economy/membership.ts';
import {
  ageCountsByKind, ageYears, organisationLifetimes, survivalAtMonths, survivalCurve, survivalGroups, SURVIVAL_EVENTS,
  type OrganisationLifetimes,
} from '../../src/model/economy/organisation-survival.ts';
import { survivalAt } from '../../src/model/survival.ts';
import { SIZE_CLASSES, sizeClassOf } from '../../src/model/economy/size-classes.ts';
import { handBuiltEconomy } from './hand-built-economy.ts';

/** Five communes observed at month 120 (year 10), and one firm. */
function fiveCommunes(): OrganisationLifetimes {
  //            c0 fails at 2   c1 absorbed at 5   c2 alive at 9   c3 fails at 0.5   c4 fails at 5   firm
  return {
    tick: 120,
    kind: Uint8Array.from([ORG_COMMUNE, ORG_COMMUNE, ORG_COMMUNE, ORG_COMMUNE, ORG_COMMUNE, ORG_FIRM]),
    line: new Uint8Array(6),
    foundedTick: Int32Array.from([0, 0, 12, 12, 36, 0]),
    endedTick: Int32Array.from([24, 60, -1, 18, 96, 30]),
    exit: Uint8Array.from([EXIT_FAILED, EXIT_ABSORBED, EXIT_NONE, EXIT_FAILED, EXIT_FAILED, EXIT_ABSORBED]),
    sizeAtOneYear: Int32Array.from([3, 150, 4, -1, 120, 1]),
    sizeAtEnd: Int32Array.from([2, 160, 5, 1, 90, 1]),
  };
}

const closeTo = (actual: Float64Array, expected: number[]) => {
  expect(actual.length).toBe(expected.length);
  expected.forEach((v, i) => expect(actual[i]).toBeCloseTo(v, 15));
};

describe('survival curves of organisations', () => {
  const lives = fiveCommunes();

  it('measures ages in years from founding to the end, or to now for the living', () => {
    expect([0, 1, 2, 3, 4].map((i) => ageYears(lives, i))).toEqual([2, 5, 9, 0.5, 5]);
  });

  it('counts failures only, censoring the absorbed and the living', () => {
    // Ages 0.5 F, 2 F, 5 F + 5 absorbed, 9 alive: 4/5, x 3/4, x 2/3 (3 at risk at 5), then 9 censored.
    const c = survivalCurve(lives, ORG_COMMUNE, -1, 'failure');
    expect(Array.from(c.time)).toEqual([0, 0.5, 2, 5, 9]);
    expect(Array.from(c.atRisk)).toEqual([5, 5, 4, 3, 1]);
    closeTo(c.survival, [1, 4 / 5, 3 / 5, 2 / 5, 2 / 5]);
  });

  it('counts any exit, absorption included, on the any-exit curve', () => {
    // At 5 two of the three at risk end: 3/5 x 1/3.
    closeTo(survivalCurve(lives, ORG_COMMUNE, -1, 'any-exit').survival, [1, 4 / 5, 3 / 5, 1 / 5, 1 / 5]);
  });

  it('groups by size at one year from a landmark at age one, leaving out those that did not reach it', () => {
    // Size 2-4: c0 (3) fails at 2, c2 (4) alive at 9 -> 1/2 after age 2.
    const small = survivalCurve(lives, ORG_COMMUNE, sizeClassOf(3), 'failure');
    expect(Array.from(small.time)).toEqual([1, 2, 9]);
    closeTo(small.survival, [1, 1 / 2, 1 / 2]);
    // Size 100-499: c1 (150) absorbed and c4 (120) failed, both at 5.
    const large = sizeClassOf(150);
    expect(SIZE_CLASSES[large]!.label).toBe('100-499');
    closeTo(survivalCurve(lives, ORG_COMMUNE, large, 'failure').survival, [1, 1 / 2]);
    closeTo(survivalCurve(lives, ORG_COMMUNE, large, 'any-exit').survival, [1, 0]);
  });

  it('lists a curve per kind present, and per size class present, for both events', () => {
    const keys = survivalGroups(lives).map((g) => `${g.kind}/${g.sizeClass < 0 ? 'all' : SIZE_CLASSES[g.sizeClass]!.label}/${g.event}`);
    expect(keys).toEqual([
      '0/all/failure', '0/all/any-exit', '0/2-4/failure', '0/2-4/any-exit', '0/100-499/failure', '0/100-499/any-exit',
      '1/all/failure', '1/all/any-exit', '1/1/failure', '1/1/any-exit',
    ]);
  });

  it('records each organisation\'s size on its first anniversary, once', () => {
    const state = handBuiltEconomy({ firms: { enabled: true }, cooperatives: { initialCount: 1, foundersEach: 3 } });
    const commune = state.orgs.all.find((o) => o.kind === ORG_COMMUNE)!;
    const coop = state.orgs.all.find((o) => o.kind === ORG_COOPERATIVE)!;
    const young = state.orgs.add(ORG_FIRM, commune.account, commune.account, 12);
    commune.members = 4; commune.probationers = 2;
    coop.members = 3; coop.hired = 2;
    young.hired = 7;
    state.orgs.recordFirstYearSizes(12);
    expect([commune.sizeAtOneYear, coop.sizeAtOneYear, young.sizeAtOneYear]).toEqual([6, 5, -1]);
    commune.members = 40;
    state.orgs.recordFirstYearSizes(24);
    expect([commune.sizeAtOneYear, young.sizeAtOneYear]).toEqual([6, 7]);
  });

  it('gives the living their size now and the ended their size at the last count before they ended', () => {
    const state = handBuiltEconomy({ firms: { enabled: true } });
    const firm = state.orgs.add(ORG_FIRM, state.orgs.all[0]!.account, state.orgs.all[0]!.account, 0);
    for (const p of [0, 1, 2]) state.persons.employer[p] = firm.id;
    recountOrganisations(state);
    endOrganisation(firm, 30, EXIT_FAILED);
    for (const p of [0, 1, 2]) state.persons.employer[p] = -1;
    state.persons.employer[3] = firm.id;
    recountOrganisations(state);
    const lives = organisationLifetimes(state);
    expect(lives.sizeAtEnd[firm.id]).toBe(3);
    const commune = state.orgs.all.find((o) => o.kind === ORG_COMMUNE)!;
    expect(lives.sizeAtEnd[commune.id]).toBe(commune.members + commune.probationers);
  });
});

describe('how organisations end, in a run', () => {
  it('marks the failed, the merged and the taken over as their events say, and sizes those that reached one year', () => {
    const text = readFileSync('scenarios/mixed.yaml', 'utf8');
    const scenario = loadScenario(text, 'mixed.yaml', {
      'persons.count': 1500, years: 12, 'firms.initialCount': 10, 'communes.initialCount': 6, 'cooperatives.initialCount': 6,
      // Every firm for sale every year, so 12 years have a takeover (the default 2% a year gives few).
      'firms.forSaleRate': 1,
    });
    // Homes from communes and cooperatives only (as in v2 for communes): members' rents across
    // communes make the interrelation that brings commune merges within these 12 years.
    if (scenario.kind !== 'economy') throw new Error('mixed.yaml is an economy');
    const sim = createSimulation({ ...scenario, housing: { owners: ['commune', 'cooperative'] } });
    sim.runToEnd();
    const state = sim.state as unknown as EconomyState;
    const events = (sim.model as unknown as EconomyModel).events;
    const kinds = new Set(events.map((e) => e.kind));
    expect(kinds).toEqual(new Set(['founding', 'failure', 'takeover', 'merge']));
    for (const e of events) {
      if (e.kind === 'failure') expect(state.orgs.get(e.org).exit).toBe(EXIT_FAILED);
      if (e.kind === 'merge' || e.kind === 'takeover') expect(state.orgs.get(e.other).exit).toBe(EXIT_ABSORBED);
    }
    const lives = organisationLifetimes(state);
    expect(lives.kind.length).toBe(state.orgs.all.length);
    for (let i = 0; i < lives.kind.length; i++) {
      const org = state.orgs.all[i]!;
      expect(lives.exit[i]).toBe(org.alive ? EXIT_NONE : org.exit);
      expect(lives.line[i]).toBe(org.line);
      if (org.alive) expect(org.exit).toBe(EXIT_NONE);
      else expect([EXIT_FAILED, EXIT_ABSORBED]).toContain(org.exit);
      if (org.sizeAtOneYear >= 0) expect(ageYears(lives, i)).toBeGreaterThanOrEqual(1);
      if (org.alive && state.tick - org.foundedTick >= 12) expect(org.sizeAtOneYear).toBeGreaterThanOrEqual(0);
      if (!org.alive && org.endedTick < org.foundedTick + 12) expect(org.sizeAtOneYear).toBe(-1);
      if (org.alive) expect(lives.sizeAtEnd[i]).toBe(organisationSize(org));
      else expect(lives.sizeAtEnd[i]).toBeGreaterThanOrEqual(0);
    }
  });

  it('gives the survival at an age from counts by age in months exactly as the whole curve gives it', () => {
    const text = readFileSync('scenarios/mixed.yaml', 'utf8');
    const scenario = loadScenario(text, 'mixed.yaml', { 'persons.count': 1200, years: 14, 'firms.initialCount': 10, 'cooperatives.initialCount': 6 });
    const sim = createSimulation(scenario);
    sim.runToEnd();
    const state = sim.state as unknown as EconomyState;
    const counts = ageCountsByKind(state)!;
    const lives = organisationLifetimes(state);
    for (const kind of [ORG_COMMUNE, ORG_FIRM, ORG_COOPERATIVE]) {
      for (const event of SURVIVAL_EVENTS) {
        const curve = survivalCurve(lives, kind, -1, event);
        for (const years of [0, 1, 2, 5, 10, 13, 14, 20]) {
          expect(survivalAtMonths(counts[kind]!, event, years * 12)).toBe(survivalAt(curve, years));
        }
      }
    }
  });
});
