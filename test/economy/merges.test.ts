import { describe, expect, it } from 'vitest';
import { holdMergeVotes, interrelations } from '../../src/agents/economy/merges.ts';
import { pairKey, recountOrganisations } from '../../src/agents/economy/membership.ts';
import { issueSeries } from '../../src/model/market/bond-auction.ts';
import { FLOW, WORLD } from '../../src/model/ledger.ts';
import type { EconomyState } from '../../src/model/economy/economy-state.ts';
import { endow, handBuiltEconomy } from './hand-built-economy.ts';

/**
 * Two communes of three founders; a member of commune 1 holds all of commune 0's bonds, so
 * the pair is interrelated. Commune 0's pool earned `income0` a month for 24 months and paid
 * it out as dividends; commune 1 earned `income1`.
 */
function twoRelatedCommunes(solidarity: number, income0: number, income1: number): EconomyState {
  const state = handBuiltEconomy({ communes: { initialCount: 2, foundersEach: 3, merges: true, mergeThreshold: 0.05, solidarity } });
  recountOrganisations(state);
  const [a, b] = [state.orgs.get(0), state.orgs.get(1)];
  const holder = state.persons.memberOf.indexOf(1);
  const asset = state.assets.add(0, 0, 0);
  endow(state, holder, 1_000_000);
  issueSeries(state.ledger, state.bonds, [{ bidder: state.persons.firstAccount + holder, amountCents: 1_000_000, annualYield: 0.05 }],
    { issuer: 0, issuerAccount: a.account, asset, tick: 0, maturityMonths: 120 });
  state.ledger.transfer(a.account, WORLD, 1_000_000, FLOW['asset-purchase']);
  for (let m = 0; m < 24; m++) {
    a.poolIncomeHistory[m] = income0; a.memberHistory[m] = 3;
    b.poolIncomeHistory[m] = income1; b.memberHistory[m] = 3;
  }
  a.dividendPerMemberMonthly = income0 / 3;
  b.dividendPerMemberMonthly = income1 / 3;
  return state;
}

describe('commune merges', () => {
  it('measures interrelation from cross-held bonds', () => {
    const state = twoRelatedCommunes(1, 3000, 3000);
    expect(interrelations(state, new Map()).get(pairKey(0, 1))).toBe(1);
  });

  it('merges a pair whose members all vote yes, and records the event with both sizes', () => {
    const state = twoRelatedCommunes(1, 3000, 3000);
    const pool1 = 12_345;
    state.ledger.transfer(WORLD, state.orgs.get(1).account, pool1, FLOW.rent);
    holdMergeVotes(state, new Map());
    expect(state.events).toEqual([{ tick: 0, kind: 'merge', org: 0, other: 1, sizeA: 3, sizeB: 3 }]);
    expect(state.orgs.get(1).alive).toBe(false);
    expect(state.persons.memberOf.filter((m) => m === 0).length).toBe(6);
    expect(state.ledger.balance(state.orgs.get(0).account)).toBe(pool1);
    expect(state.bonds.issuer[0]).toBe(0);
    expect(state.ledger.audit()).toBeNull();
  });

  it('does not merge when the richer commune\'s members would lose by pooling and vote no', () => {
    // No solidarity: commune 0 (1,000 a member a month) would get 500 pooled; its members vote no.
    const state = twoRelatedCommunes(0, 3000, 0);
    holdMergeVotes(state, new Map());
    expect(state.events).toEqual([]);
    expect(state.orgs.get(0).alive && state.orgs.get(1).alive).toBe(true);
  });

  it('holds no vote when merges are switched off', () => {
    const state = twoRelatedCommunes(1, 3000, 3000);
    (state.params as { merges: boolean }).merges = false;
    holdMergeVotes(state, new Map());
    expect(state.events).toEqual([]);
  });
});
