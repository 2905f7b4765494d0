// The chance that a person looking for work lands one of the open positions (labour-market.ts),
// at which a wage offer counts in willingness to pay (willingness.ts, Harris & Todaro 1970).
import { describe, expect, it } from 'vitest';
import { ORG_FIRM } from '../../src/model/economy/organisation-table.ts';
import { foundFirm } from '../../src/agents/firm/firm-lifecycle.ts';
import { newLabourMarket, openLabourMarket } from '../../src/agents/economy/labour-market.ts';
import { handBuiltEconomy } from '../economy/hand-built-economy.ts';

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
