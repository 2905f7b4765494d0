// Enterprise productivity (docs/MODEL-CHOICES.md, "Enterprise productivity and planned growth"):
// a firm-level factor on the output of every position an enterprise owns, AR(1) on its log a
// year, drawn from the seeded stream; a firm plans growth by Tobin's q, so a more productive
// firm grows and a less productive one does not. Without the mechanism both firms below are
// the same and neither opens a position without an applicant.
import { describe, expect, it } from 'vitest';
import { FLOW, WORLD } from '../../src/model/ledger.ts';
import { ORG_FIRM, type Organisation } from '../../src/model/economy/organisation-table.ts';
import { MODE_EMPLOYEE } from '../../src/model/economy/person-table.ts';
import type { EconomyState } from '../../src/model/economy/economy-state.ts';
import { foundFirm } from '../../src/agents/firm/firm-lifecycle.ts';
import { startWork } from '../../src/agents/economy/possession.ts';
import { investFirms, plannedGrowthPerYear } from '../../src/agents/firm/investment.ts';
import { newSaverQueue, openSaverBudgets } from '../../src/agents/economy/savers.ts';
import { produceAndSell } from '../../src/agents/economy/production.ts';
import { moveProductivity, stationaryLogSd } from '../../src/agents/economy/enterprise-productivity.ts';
import { RandomStream } from '../../src/model/random.ts';
import { handBuiltEconomy } from '../economy/hand-built-economy.ts';

function twoFirms(productivity: { sigma: number; rho?: number } = { sigma: 0 }) {
  const state = handBuiltEconomy({
    persons: { count: 40, capitalistShare: 0.1, capitalistMinWealth: 5_000_000, shockSigma: 0, switchRatePerYear: 0, skillSigma: 0 },
    communes: { initialCount: 0 }, firms: { initialCount: 0 }, cycle: { sigma: 0 }, productivity,
  });
  const capitalists = state.persons.isCapitalist.reduce<number[]>((l, c, p) => (c ? [...l, p] : l), []);
  const workers = [...Array(state.persons.count).keys()].filter((p) => !state.persons.isCapitalist[p]);
  const firms = [foundFirm(state, capitalists[0]!), foundFirm(state, capitalists[1]!)];
  firms.forEach((firm, i) => {
    state.ledger.transfer(WORLD, firm.account, 10 * 12_000_000, FLOW.endowment);
    for (let k = 0; k < 5; k++) {
      const a = state.assets.add(0, firm.id, state.tick, ORG_FIRM);
      state.enterpriseAssets.push(a);
      startWork(state, a, workers[5 * i + k]!, MODE_EMPLOYEE);
    }
  });
  return { state, firms };
}

/** Months of investment with every opened position filled at once and nobody turned away. */
function investForMonths(state: EconomyState, firms: Organisation[], months: number): void {
  const rng = new RandomStream('test', 'invest');
  for (let m = 0; m < months; m++) {
    const queue = newSaverQueue(state.persons.count);
    openSaverBudgets(state, queue);
    for (const firm of firms) { firm.queued = 0; firm.vacancies = 0; }
    investFirms(state, queue, rng);
  }
}

function setProductivity(firm: Organisation, factor: number): void {
  firm.productivity = factor;
  firm.logProductivity = Math.log(factor);
  firm.productivityDrawn = true;
}

describe('enterprise productivity', () => {
  it('multiplies the output an employee sells for its firm', () => {
    const { state, firms } = twoFirms();
    setProductivity(firms[0]!, 1.5);
    setProductivity(firms[1]!, 0.75);
    produceAndSell(state);
    // Equal skill (sigma 0), no shocks: the sales differ by the productivity ratio alone.
    expect(firms[0]!.salesMonth / firms[1]!.salesMonth).toBeCloseTo(2, 4);
  });

  it('has the more productive firm plan growth and the less productive one not, without applicants', () => {
    const { state, firms } = twoFirms();
    const [high, low] = firms as [Organisation, Organisation];
    setProductivity(high, 1.6);
    setProductivity(low, 0.6);
    investForMonths(state, firms, 24);
    expect(state.assets.ownedBy(high.id)).toBeGreaterThan(5);
    expect(state.assets.ownedBy(low.id)).toBe(5);
  });

  it('plans growth by (r/h - 1) / adjustmentCost, none at or below the hurdle', () => {
    expect(plannedGrowthPerYear(0.10, 0.05)).toBeCloseTo(1, 12);
    expect(plannedGrowthPerYear(0.05, 0.05)).toBe(0);
    expect(plannedGrowthPerYear(0.02, 0.05)).toBe(0);
    // Two firms alike but for the adjustment cost: the cheaper one opens more positions.
    const grown = [5, 50].map((cost) => {
      const state = handBuiltEconomy({
        persons: { count: 40, capitalistShare: 0.1, capitalistMinWealth: 5_000_000, shockSigma: 0, switchRatePerYear: 0, skillSigma: 0 },
        communes: { initialCount: 0 }, firms: { initialCount: 0, adjustmentCost: cost }, cycle: { sigma: 0 }, productivity: { sigma: 0 },
      });
      const capitalist = state.persons.isCapitalist.indexOf(1);
      const firm = foundFirm(state, capitalist);
      state.ledger.transfer(WORLD, firm.account, 10 * 12_000_000, FLOW.endowment);
      for (let k = 0; k < 5; k++) { const a = state.assets.add(0, firm.id, state.tick, ORG_FIRM); state.enterpriseAssets.push(a); }
      setProductivity(firm, 1.6);
      investForMonths(state, [firm], 24);
      return state.assets.ownedBy(firm.id);
    });
    expect(grown[0]!).toBeGreaterThan(grown[1]!);
  });

  it('is drawn from the seeded stream: the same seed gives the same draws, another seed others', () => {
    const draws = (seed: string) => {
      const { state, firms } = twoFirms({ sigma: 0.1, rho: 0.9 });
      const rng = new RandomStream(seed, 'enterprise-productivity');
      const path: number[] = [];
      for (let tick = 0; tick < 36; tick++) {
        state.tick = tick;
        moveProductivity(state, rng);
        path.push(...firms.map((f) => f.productivity));
      }
      return path;
    };
    const a = draws('1');
    expect(draws('1')).toEqual(a);
    expect(draws('2')).not.toEqual(a);
    // The entry draw at month 0, one step at months 12 and 24, nothing in between.
    expect(a[2]).toBe(a[0]);
    expect(a[24]).not.toBe(a[22]);
    expect(a[48]).not.toBe(a[46]);
    expect(a[70]).toBe(a[48]);
  });

  it('draws nothing with sigma 0: every factor stays 1 and the stream is untouched', () => {
    const { state, firms } = twoFirms({ sigma: 0 });
    const rng = new RandomStream('1', 'enterprise-productivity');
    for (let tick = 0; tick < 24; tick++) { state.tick = tick; moveProductivity(state, rng); }
    expect(firms.map((f) => f.productivity)).toEqual([1, 1]);
    expect(rng.uniform()).toBe(new RandomStream('1', 'enterprise-productivity').uniform());
  });

  it('gives entrants the stationary spread sigma / sqrt(1 - rho^2)', () => {
    const { state } = twoFirms({ sigma: 0.1, rho: 0.9 });
    for (let k = 0; k < 2000; k++) { const account = state.ledger.open(2); state.orgs.add(ORG_FIRM, account, account + 1, 0); }
    const rng = new RandomStream('3', 'enterprise-productivity');
    state.tick = 5;
    moveProductivity(state, rng);
    const logs = state.orgs.all.map((o) => o.logProductivity);
    const mean = logs.reduce((s, x) => s + x, 0) / logs.length;
    const sd = Math.sqrt(logs.reduce((s, x) => s + (x - mean) ** 2, 0) / (logs.length - 1));
    const target = stationaryLogSd(0.9, 0.1);
    // n = 2002: the sample sd's standard error is about target / sqrt(2n) (1.6%); five of them.
    expect(Math.abs(sd / target - 1)).toBeLessThan(5 / Math.sqrt(2 * logs.length));
    expect(Math.abs(mean)).toBeLessThan((5 * target) / Math.sqrt(logs.length));
  });
});
