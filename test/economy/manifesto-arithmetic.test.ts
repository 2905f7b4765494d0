import { describe, expect, it } from 'vitest';
import { createSimulation } from '../../src/scenarios/create-simulation.ts';
import { loadScenario } from '../../src/scenarios/load.ts';
import type { EconomyState } from '../../src/model/economy/economy-state.ts';
import { smallScenario } from './hand-built-economy.ts';

// The manifesto: "those members who pay rent for property that is equal to the amount they
// would receive in return essentially get to use an equal share of the collectively owned
// property for free ... members using less than their per-capita share receive more in
// payment than they pay in rent". Measured on a run's output: one commune whose assets are all
// redeemed (so all rent reaches the pool), 40 members of whom 30 rent a workshop.
describe('the manifesto\'s arithmetic in a run', () => {
  const scenario = smallScenario({
    seed: 11, years: 3,
    persons: { count: 60, capitalistShare: 0, switchRatePerYear: 0, shockSigma: 0 },
    communes: { initialCount: 1, foundersEach: 40, initialAssetsEach: 30, lapseMonths: 36, dividendPeriodMonths: 3 },
  });
  const sim = createSimulation(scenario, { checkConservation: true });
  sim.runToEnd();
  const state = sim.state as unknown as EconomyState;
  const { persons } = state;
  const rows: { relUse: number; net: number }[] = [];
  let useSum = 0, members = 0, rentSum = 0;
  for (let p = 0; p < persons.count; p++) {
    if (persons.lastMemberOf[p] !== 0) continue;
    useSum += persons.lastUseYear[p]!;
    rentSum += persons.lastRentYear[p]!;
    members++;
  }
  for (let p = 0; p < persons.count; p++) {
    if (persons.lastMemberOf[p] !== 0) continue;
    rows.push({ relUse: persons.lastUseYear[p]! / (useSum / members), net: (persons.lastRentYear[p]! - persons.lastDividendYear[p]!) / 12 });
  }
  const meanRent = rentSum / members / 12;

  it('has members who use more than the per-capita share and members who use none', () => {
    expect(members).toBe(40);
    expect(rows.filter((r) => r.relUse === 0).length).toBe(10);
    expect(rows.filter((r) => r.relUse > 1).length).toBe(30);
  });

  it('a member renting less than its per-capita share receives more than it pays', () => {
    for (const r of rows.filter((x) => x.relUse < 1)) expect(r.net).toBeLessThan(0);
  });

  it('at exactly the per-capita share the net is about zero (regression intercept within 5% of mean rent)', () => {
    // Least squares of net on (relUse - 1): the intercept is the net at the per-capita share.
    const xs = rows.map((r) => r.relUse - 1);
    const ys = rows.map((r) => r.net);
    const mx = xs.reduce((a, b) => a + b, 0) / xs.length;
    const my = ys.reduce((a, b) => a + b, 0) / ys.length;
    let sxy = 0, sxx = 0;
    for (let i = 0; i < xs.length; i++) { sxy += (xs[i]! - mx) * (ys[i]! - my); sxx += (xs[i]! - mx) ** 2; }
    const slope = sxy / sxx;
    const intercept = my - slope * mx;
    expect(slope).toBeGreaterThan(0);
    expect(Math.abs(intercept)).toBeLessThan(0.05 * meanRent);
  });

  it('reports the same through the decile reporters: the lowest-use decile nets negative, the highest positive', () => {
    const low = sim.series.column('rentMinusDividend.decile1');
    const high = sim.series.column('rentMinusDividend.decile10');
    expect(low[low.length - 1]!).toBeLessThan(0);
    expect(high[high.length - 1]!).toBeGreaterThan(0);
  });
});

describe('economy scenario validation', () => {
  it('rejects mpcWealth at or below (1 - mpcIncome) x baseYield / 12, naming the fields', () => {
    expect(() => loadScenario('kind: economy\npersons:\n  mpcWealth: 0.0008\n', 'bad.yaml')).toThrow(
      /bad\.yaml:3:\d+: persons\.mpcWealth: got 0\.0008; .*\(1 - persons\.mpcIncome 0\.8\) x bonds\.baseYield 0\.05 \/ 12 = 0\.000833/,
    );
    expect(() => loadScenario('kind: economy\npersons:\n  mpcWealth: 0.0009\n')).not.toThrow();
  });

  it('loads the shipped economy scenarios', async () => {
    const { readFileSync } = await import('node:fs');
    for (const file of ['scenarios/communes-only.yaml', 'scenarios/commune-planner.yaml']) {
      const scenario = loadScenario(readFileSync(file, 'utf8'), file);
      expect(scenario.kind).toBe('economy');
    }
  });

  it('gives a nested asset-class field a message saying what it allows', () => {
    expect(() => loadScenario('kind: economy\nassets:\n  - { name: x, price: -5 }\n', 's.yaml')).toThrow(/assets\.0\.price: got -5; allowed: a number from 1 to/);
  });
});
