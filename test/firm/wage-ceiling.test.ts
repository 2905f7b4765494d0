// A firm's wage rises while a vacancy stays open (MODEL.md 5), but no further than what a unit of
// skill produces on the position (output x the firm's productivity x the goods price): a firm that
// cannot fill it at a wage it earns leaves it open. Fails on the rule before the ceiling, under
// which the rate rose 1% a month for as long as nobody applied.
import { describe, expect, it } from 'vitest';
import { ORG_FIRM } from '../../src/model/economy/organisation-table.ts';
import { foundFirm } from '../../src/agents/firm/firm-lifecycle.ts';
import { hireApplicants, newLabourMarket, openLabourMarket } from '../../src/agents/economy/labour-market.ts';
import { newSaverQueue } from '../../src/agents/economy/savers.ts';
import { RandomStream } from '../../src/model/random.ts';
import { handBuiltEconomy } from '../economy/hand-built-economy.ts';

describe('a firm hiring for a vacancy nobody takes', () => {
  it('raises its wage rate no higher than the position\'s output per unit of skill at its productivity', () => {
    const state = handBuiltEconomy({
      persons: { count: 20, capitalistShare: 0.1, capitalistMinWealth: 1_000_000, switchRatePerYear: 0 },
      communes: { initialCount: 0 }, firms: { initialCount: 0 }, cycle: { sigma: 0 }, productivity: { sigma: 0 },
    });
    const firm = foundFirm(state, state.persons.isCapitalist.indexOf(1));
    const asset = state.assets.add(0, firm.id, state.tick, ORG_FIRM);
    state.enterpriseAssets.push(asset);
    firm.productivity = 0.5;
    firm.wageRateCents = 150_000;
    state.goodsPriceCents = 100;
    const market = newLabourMarket(state.persons.count);
    const rng = new RandomStream('test', 'hiring');
    for (let m = 0; m < 120; m++) hireApplicants(state, market, rng, newSaverQueue(state.persons.count));
    expect(firm.vacancies).toBe(1);
    // A workshop's 3,600 a month at productivity 0.5 and price 1: 1,800 a unit of skill.
    expect(firm.wageRateCents).toBe(180_000);
  });
});

describe('the chance of landing an open position', () => {
  it('is the open positions over the persons who reconsider in a month, at most 1', () => {
    const state = handBuiltEconomy({
      persons: { count: 20, capitalistShare: 0.1, capitalistMinWealth: 1_000_000, switchRatePerYear: 12 },
      communes: { initialCount: 0 }, firms: { initialCount: 0 },
    });
    const firm = foundFirm(state, state.persons.isCapitalist.indexOf(1));
    const market = newLabourMarket(state.persons.count);
    openLabourMarket(state, market);
    expect(state.jobFindingChance).toBe(0);
    for (let k = 0; k < 2; k++) state.enterpriseAssets.push(state.assets.add(0, firm.id, state.tick, ORG_FIRM));
    openLabourMarket(state, market);
    // Everyone reconsiders every month (12 a year): 2 positions for 20 persons.
    expect(state.jobFindingChance).toBeCloseTo(0.1, 12);
  });
});
