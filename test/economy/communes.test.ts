import { describe, expect, it } from 'vitest';
import { FLOW, WORLD } from '../../src/model/ledger.ts';
import { payCommuneDividends } from '../../src/agents/economy/dividends.ts';
import { buyShare, creditLabour, MembershipError, recountOrganisations } from '../../src/agents/economy/membership.ts';
import { grantPossession } from '../../src/agents/economy/possession.ts';
import { collectRent } from '../../src/agents/economy/rent-collection.ts';
import { serviceCommuneBonds, holderBookkeeping } from '../../src/agents/economy/commune-bond-service.ts';
import { enforceDefaults } from '../../src/agents/economy/defaults.ts';
import { runRentalAuctions } from '../../src/agents/economy/acquisition.ts';
import { closeFailedCommunes } from '../../src/agents/economy/founding.ts';
import { issueSeries } from '../../src/model/market/bond-auction.ts';
import { SERIES_DEFAULTED } from '../../src/model/market/bond-series.ts';
import type { EconomyState } from '../../src/model/economy/economy-state.ts';
import { cash, endow, handBuiltEconomy } from './hand-built-economy.ts';

/** Members of commune 0 at the start: the founders, persons 0.. in setup order. */
function membersOf(state: EconomyState, commune: number): number[] {
  const out: number[] = [];
  for (let p = 0; p < state.persons.count; p++) if (state.persons.memberOf[p] === commune) out.push(p);
  return out;
}

/** A new asset of class 0 owned by commune 0, bought with one series held by `holder`. */
function financedAsset(state: EconomyState, holder: number, faceCents: number): { asset: number; series: number } {
  const commune = state.orgs.get(0);
  const asset = state.assets.add(0, 0, state.tick);
  endow(state, holder, faceCents);
  const series = issueSeries(state.ledger, state.bonds, [{ bidder: state.persons.firstAccount + holder, amountCents: faceCents, annualYield: 0.05 }],
    { issuer: 0, issuerAccount: commune.account, asset, tick: state.tick, maturityMonths: 120 });
  state.ledger.transfer(commune.account, WORLD, faceCents, FLOW['asset-purchase']);
  state.assets.series[asset] = series;
  return { asset, series };
}

describe('dividends', () => {
  it('pays every member exactly the same whole cents and carries the remainder', () => {
    const state = handBuiltEconomy({ communes: { foundersEach: 3, dividendPeriodMonths: 1 } });
    recountOrganisations(state);
    const commune = state.orgs.get(0);
    const members = membersOf(state, 0);
    expect(members.length).toBe(3);
    state.ledger.transfer(WORLD, commune.account, 1_000_01, FLOW.rent);
    const before = members.map((p) => cash(state, p));
    payCommuneDividends(state);
    const gains = members.map((p, i) => cash(state, p) - before[i]!);
    expect(gains).toEqual([33_333, 33_333, 33_333]);
    expect(state.ledger.balance(commune.account)).toBe(2);
    // The carried cents join the next division.
    state.ledger.transfer(WORLD, commune.account, 1, FLOW.rent);
    payCommuneDividends(state);
    expect(members.map((p, i) => cash(state, p) - before[i]!)).toEqual([33_334, 33_334, 33_334]);
    expect(state.ledger.balance(commune.account)).toBe(0);
    expect(state.ledger.audit()).toBeNull();
  });
});

describe('membership', () => {
  it('refuses a person who tries to get a share with money, and nothing changes hands', () => {
    const state = handBuiltEconomy();
    const outsider = state.persons.count - 1;
    expect(state.persons.memberOf[outsider]).toBe(-1);
    endow(state, outsider, 10_000_000);
    const before = cash(state, outsider);
    expect(() => buyShare(state, outsider, 0, 5_000_000)).toThrow(MembershipError);
    expect(state.persons.memberOf[outsider]).toBe(-1);
    expect(cash(state, outsider)).toBe(before);
  });

  it('makes a worker of commune property a member after laborToJoinMonths, and lets the share lapse without labour', () => {
    const state = handBuiltEconomy({ communes: { laborToJoinMonths: 3, lapseMonths: 12 } });
    const worker = state.persons.count - 1;
    const asset = state.assets.add(0, 0, 0);
    grantPossession(state, asset, worker, 0, 120);
    const moves = new Map<number, number>();
    expect(state.persons.probationOf[worker]).toBe(0);
    for (let m = 0; m < 2; m++) { creditLabour(state, moves); state.tick++; }
    expect(state.persons.memberOf[worker]).toBe(-1);
    creditLabour(state, moves);
    expect(state.persons.memberOf[worker]).toBe(0);
    // It stops working: the share lapses 12 months after its last labour.
    const lastLabour = state.tick;
    state.persons.asset[worker] = -1;
    state.assets.possessor[asset] = -1;
    while (state.tick < lastLabour + 11) { state.tick++; creditLabour(state, moves); }
    expect(state.persons.memberOf[worker]).toBe(0);
    state.tick++;
    creditLabour(state, moves);
    expect(state.persons.memberOf[worker]).toBe(-1);
  });
});

describe('default', () => {
  function stagedDefault(bidder: boolean) {
    const state = handBuiltEconomy({ rental: { graceMonths: 3 } });
    recountOrganisations(state);
    const renter = state.persons.count - 1;
    const saver = state.persons.count - 2;
    const face = 12_000_000;
    const { asset, series } = financedAsset(state, saver, face);
    const service = state.bonds.levelService(series);
    // The renter has no cash: it can pay no rent.
    state.ledger.transfer(state.persons.firstAccount + renter, WORLD, cash(state, renter), FLOW.consumption);
    grantPossession(state, asset, renter, service, 120);
    const books = holderBookkeeping(state);
    for (let m = 0; m < 3; m++) {
      collectRent(state);
      serviceCommuneBonds(state, books);
      enforceDefaults(state);
      state.tick++;
    }
    if (bidder) {
      const rich = 0;
      state.persons.skill[rich] = 3;
      endow(state, rich, 10_000_000);
      state.persons.wantsClass[rich] = 0;
      state.persons.seekers[state.persons.seekerCount++] = rich;
    }
    return { state, renter, saver, asset, series, face, rich: 0 };
  }

  it('sends a let asset to auction when its term ends, and not before, with its tenant still in place', () => {
    const state = handBuiltEconomy({ rental: { graceMonths: 3 } });
    recountOrganisations(state);
    const tenant = state.persons.count - 1;
    endow(state, tenant, 10_000_000);
    const asset = state.assets.add(0, 0, state.tick);
    grantPossession(state, asset, tenant, 1_000, 4);
    for (let m = 0; m < 4; m++) {
      collectRent(state);
      enforceDefaults(state);
      expect(state.assets.onAuction[asset]).toBe(0);
      state.tick++;
    }
    collectRent(state);
    enforceDefaults(state);
    expect(state.assets.onAuction[asset]).toBe(1);
    expect(state.assets.possessor[asset]).toBe(tenant);
    // Re-let to the same tenant: the new term runs from now.
    grantPossession(state, asset, tenant, 1_000, 2);
    state.tick++;
    enforceDefaults(state);
    expect(state.assets.onAuction[asset]).toBe(0);
    state.tick++;
    enforceDefaults(state);
    expect(state.assets.onAuction[asset]).toBe(1);
  });

  it('takes the asset back after graceMonths missed rents and re-auctions it to another bidder', () => {
    const { state, renter, asset, series, rich } = stagedDefault(true);
    expect(state.assets.possessor[asset]).toBe(-1);
    expect(state.persons.asset[renter]).toBe(-1);
    expect(state.assets.onAuction[asset]).toBe(1);
    runRentalAuctions(state, state.streams.get('auctions'));
    expect(state.assets.possessor[asset]).toBe(rich);
    // The reserve while bonds are outstanding is the series' level service.
    expect(state.assets.rentCents[asset]).toBeGreaterThanOrEqual(state.bonds.levelService(series));
    expect(state.assets.alive[asset]).toBe(1);
  });

  it('liquidates an asset nobody bids for, paying the bondholder first and recording its loss', () => {
    const { state, saver, asset, series } = stagedDefault(false);
    const owed = state.bonds.outstanding(series);
    const saverCash = cash(state, saver);
    const poolBefore = state.ledger.balance(state.orgs.get(0).account);
    for (let m = 0; m < 5 && state.assets.alive[asset]; m++) {
      runRentalAuctions(state, state.streams.get('auctions'));
      enforceDefaults(state);
      state.tick++;
    }
    expect(state.assets.alive[asset]).toBe(0);
    expect(state.bonds.status[series]).toBe(SERIES_DEFAULTED);
    const book = state.assets.classOf(asset).priceCents * (1 - (state.tick - 1) / state.assets.classOf(asset).lifespanMonths);
    const proceeds = Math.round(Math.round(book) * 0.7);
    expect(cash(state, saver) - saverCash).toBe(Math.min(owed, proceeds));
    expect(state.bonds.lossCents).toBe(owed - proceeds);
    expect(state.ledger.balance(state.orgs.get(0).account)).toBe(poolBefore);
    expect(state.ledger.audit()).toBeNull();
  });
  it('shares a failed commune\'s pool among its members, booked as dividends for each and in the total', () => {
    const state = handBuiltEconomy();
    const commune = state.orgs.get(0);
    const members = membersOf(state, 0);
    for (let a = 0; a < state.assets.count; a++) if (state.assets.owner[a] === 0) state.assets.alive[a] = 0;
    state.ledger.transfer(WORLD, commune.account, 1003, FLOW.endowment);
    commune.monthsWithoutAssets = 12;
    const before = members.map((p) => state.persons.dividendYear[p]!);
    const totalBefore = state.counters.dividendsYear;
    closeFailedCommunes(state);
    const share = Math.floor(1003 / members.length);
    members.forEach((p, k) => expect(state.persons.dividendYear[p]! - before[k]!).toBe(share));
    expect(state.counters.dividendsYear - totalBefore).toBe(share * members.length);
    expect(commune.alive).toBe(false);
    expect(state.ledger.audit()).toBeNull();
  });
});
