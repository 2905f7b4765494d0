import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { createSimulation } from '../../src/scenarios/create-simulation.ts';
import type { EconomyState } from '../../src/model/economy/economy-state.ts';
import { MODE_EMPLOYEE } from '../../src/model/economy/person-table.ts';
import { economyInvariantViolations } from './economy-invariants.ts';
import { smallScenario } from './hand-built-economy.ts';

const arbitraryScenario = fc.record({
  seed: fc.integer({ min: 0, max: 1_000_000 }),
  count: fc.integer({ min: 12, max: 60 }),
  years: fc.integer({ min: 2, max: 5 }),
  capitalistShare: fc.constantFrom(0, 0.05, 0.1),
  shockSigma: fc.constantFrom(0, 0.05, 0.3),
  switchRatePerYear: fc.constantFrom(1, 4),
  initialCount: fc.integer({ min: 1, max: 4 }),
  initialAssetsEach: fc.integer({ min: 0, max: 3 }),
  laborToJoinMonths: fc.integer({ min: 0, max: 8 }),
  format: fc.constantFrom('uniform', 'discriminatory'),
  eligibility: fc.constantFrom('anyone', 'members-only'),
  rentalFormat: fc.constantFrom('second-price', 'first-price'),
  excessRent: fc.constantFrom('prepay', 'dividend'),
  reserve: fc.constantFrom('none', 'depreciation'),
  poolBacksBonds: fc.boolean(),
  merges: fc.boolean(),
  maturityYears: fc.integer({ min: 1, max: 3 }),
  demandElasticity: fc.constantFrom(0, 2),
  firms: fc.integer({ min: 0, max: 3 }),
  coops: fc.integer({ min: 0, max: 3 }),
  hiredLabor: fc.boolean(),
  split: fc.constantFrom('equal', 'by-skill'),
  endowmentSpread: fc.constantFrom(0, 0.5, 1),
  payoutRatio: fc.constantFrom(0.2, 0.8),
});

describe('economy invariants on random small scenarios', () => {
  it('conserves money every phase, keeps cash non-negative, one owner and at most one possessor per asset, shares only for labour, no wage labour inside a commune', () => {
    // What the runs exercised, so the property is not vacuously true.
    const seen = { cleared: 0, redeemed: 0, liquidated: 0, merges: 0, members: 0, employees: 0, coopMembers: 0 };
    fc.assert(
      fc.property(arbitraryScenario, (r) => {
        const scenario = smallScenario({
          seed: r.seed, years: r.years,
          // Cheap, short-lived classes so that small runs see requests, redemptions and ends of life.
          assets: [
            { name: 'tool', price: 5_000, outputPerMonth: 2_000, lifespanYears: 3, productive: true },
            { name: 'workshop', price: 120_000, outputPerMonth: 3_600, lifespanYears: 20, productive: true },
            { name: 'room', price: 4_000, outputPerMonth: 300, lifespanYears: 4, productive: false },
          ],
          persons: { count: r.count, capitalistShare: r.capitalistShare, capitalistMinWealth: 200_000, shockSigma: r.shockSigma, switchRatePerYear: r.switchRatePerYear },
          bonds: { format: r.format, eligibility: r.eligibility, maturityYears: r.maturityYears, minimumBid: 1000 },
          rental: { format: r.rentalFormat },
          goods: { demandElasticity: r.demandElasticity },
          communes: {
            initialCount: r.initialCount, foundersEach: 3, initialAssetsEach: r.initialAssetsEach, laborToJoinMonths: r.laborToJoinMonths,
            excessRent: r.excessRent, reserve: r.reserve, poolBacksBonds: r.poolBacksBonds, merges: r.merges,
            mergeThreshold: 0.01, foundingRatePerYear: 1, foundersPerNewCommune: 2,
          },
          // Firms need a capitalist with the founding capital; small ones keep runs short.
          firms: { initialCount: r.firms, foundingRatePerYear: r.firms > 0 ? 1 : 0, foundingCapital: 20_000, payoutRatio: r.payoutRatio },
          cooperatives: {
            initialCount: r.coops, foundersEach: 2, endowmentPerMember: 5_000, endowmentSpread: r.endowmentSpread,
            foundingRatePerYear: r.coops > 0 ? 1 : 0, foundersPerNew: 2, hiredLabor: r.hiredLabor, split: r.split, coordinationCost: 50,
          },
        });
        const sim = createSimulation(scenario, { checkConservation: true });
        const state = sim.state as unknown as EconomyState;
        while (!sim.done) {
          sim.step();
          expect(economyInvariantViolations(state)).toEqual([]);
        }
        seen.cleared += state.counters.requestsCleared;
        seen.redeemed += state.bonds.redeemedCount;
        seen.liquidated += state.counters.liquidations;
        seen.merges += state.counters.merged;
        seen.members += state.persons.memberOf.filter((m, p) => m >= 0 && !state.persons.founder[p]).length;
        seen.employees += state.persons.mode.filter((m) => m === MODE_EMPLOYEE).length;
        seen.coopMembers += state.persons.coopOf.filter((c) => c >= 0).length;
      }),
      { numRuns: 25, seed: 20261121 },
    );
    expect(seen.cleared).toBeGreaterThan(0);
    expect(seen.redeemed).toBeGreaterThan(0);
    expect(seen.liquidated).toBeGreaterThan(0);
    expect(seen.members).toBeGreaterThan(0);
    expect(seen.employees).toBeGreaterThan(0);
    expect(seen.coopMembers).toBeGreaterThan(0);
  }, 60_000);
});

describe('determinism', () => {
  it('gives the same series for the same seed, and different ones for another seed', () => {
    const run = (seed: number) => {
      const sim = createSimulation(smallScenario({ seed, years: 3, persons: { count: 80, capitalistShare: 0.05, capitalistMinWealth: 300_000 } }));
      sim.runToEnd();
      return Array.from(sim.series.column('wealth.gini'));
    };
    expect(run(1)).toEqual(run(1));
    expect(run(1)).not.toEqual(run(2));
  });
});
