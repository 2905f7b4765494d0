// The event ledger (`--events`): defaults, liquidations and ownership changes recorded where
// they happen, with who, whom and amounts, beside the merges, takeovers, foundings and failures
// of state.events; and a run that records it gives the same numbers as one that does not.
import { describe, expect, it } from 'vitest';
import { FLOW, WORLD } from '../../src/model/ledger.ts';
import { grantPossession } from '../../src/agents/economy/possession.ts';
import { collectRent } from '../../src/agents/economy/rent-collection.ts';
import { holderBookkeeping, serviceCommuneBonds } from '../../src/agents/economy/commune-bond-service.ts';
import { enforceDefaults } from '../../src/agents/economy/defaults.ts';
import { absorbHoldings } from '../../src/agents/economy/absorption.ts';
import { recountOrganisations } from '../../src/agents/economy/membership.ts';
import { issueSeries } from '../../src/model/market/bond-auction.ts';
import { liquidationValueCents } from '../../src/model/market/liquidation.ts';
import { EVENT_KINDS, PARTY_KINDS, eventColumns, startEventLog, type EventColumns } from '../../src/model/economy/event-log.ts';
import type { EconomyState } from '../../src/model/economy/economy-state.ts';
import { runReplicate } from '../../src/cli/replicate-run.ts';
import { loadScenario } from '../../src/scenarios/load.ts';
import { readFileSync } from 'node:fs';
import { cash, endow, handBuiltEconomy } from './hand-built-economy.ts';

/** The ledger's rows as records, for reading in assertions. */
function rows(e: EventColumns) {
  return Array.from(e.tick, (tick, i) => ({
    tick, kind: EVENT_KINDS[e.kind[i]!], who: e.who[i], whoKind: PARTY_KINDS[e.whoKind[i]!], whom: e.whom[i], whomKind: PARTY_KINDS[e.whomKind[i]!],
    asset: e.asset[i], amountCents: e.amountCents[i], lossCents: e.lossCents[i],
  }));
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

describe('event ledger', () => {
  it('lists the starting assets, then a new asset as bought from the world at its class price', () => {
    const state = handBuiltEconomy({ communes: { initialAssetsEach: 2 } });
    const log = startEventLog(state);
    state.tick = 4;
    const asset = state.assets.add(0, 0, state.tick);
    const ownership = rows(eventColumns(state, log)).filter((r) => r.kind === 'ownership');
    expect(ownership.slice(0, 2)).toEqual([0, 1].map((a) => ({
      tick: 0, kind: 'ownership', who: 0, whoKind: 'commune', whom: -1, whomKind: '', asset: a, amountCents: state.assets.bookValue(a, 0), lossCents: Number.NaN,
    })));
    expect(ownership[2]).toEqual({
      tick: 4, kind: 'ownership', who: 0, whoKind: 'commune', whom: -1, whomKind: 'world', asset, amountCents: state.assets.classOf(asset).priceCents, lossCents: Number.NaN,
    });
  });

  it('records a tenant\'s default with the rent it missed, then the liquidation and the issuer\'s default with proceeds and loss', () => {
    const state = handBuiltEconomy({ rental: { graceMonths: 3 } });
    recountOrganisations(state);
    const log = startEventLog(state);
    const renter = state.persons.count - 1;
    const saver = state.persons.count - 2;
    const { asset, series } = financedAsset(state, saver, 12_000_000);
    const service = state.bonds.levelService(series);
    // The renter has no cash: it pays no rent, and after three months loses the asset.
    state.ledger.transfer(state.persons.firstAccount + renter, WORLD, cash(state, renter), FLOW.consumption);
    grantPossession(state, asset, renter, service, 120);
    const books = holderBookkeeping(state);
    for (let m = 0; m < 3; m++) {
      collectRent(state);
      serviceCommuneBonds(state, books);
      enforceDefaults(state);
      state.tick++;
    }
    const tenantDefault = rows(eventColumns(state, log)).filter((r) => r.kind === 'default');
    expect(tenantDefault).toEqual([{
      tick: 2, kind: 'default', who: renter, whoKind: 'person', whom: 0, whomKind: 'commune', asset, amountCents: 3 * service, lossCents: Number.NaN,
    }]);
    // Nobody bids: vacant past graceMonths, it is liquidated and its series defaults.
    const owed = state.bonds.outstanding(series);
    let proceeds = Number.NaN;
    for (let m = 0; m < 5 && state.assets.alive[asset]; m++) {
      proceeds = liquidationValueCents(state.assets.bookValue(asset, state.tick), state.params.liquidationDiscount);
      enforceDefaults(state);
      state.tick++;
    }
    expect(state.assets.alive[asset]).toBe(0);
    const ended = rows(eventColumns(state, log)).filter((r) => r.asset === asset && r.kind !== 'ownership').slice(1);
    const at = state.tick - 1;
    expect(ended).toEqual([
      { tick: at, kind: 'liquidation', who: 0, whoKind: 'commune', whom: -1, whomKind: 'world', asset, amountCents: proceeds, lossCents: owed - proceeds },
      { tick: at, kind: 'default', who: 0, whoKind: 'commune', whom: -1, whomKind: 'bondholders', asset, amountCents: proceeds, lossCents: owed - proceeds },
    ]);
    expect(state.bonds.lossCents).toBe(owed - proceeds);
  });

  it('records every asset an absorbed organisation hands over, at its book value', () => {
    const state = handBuiltEconomy({ persons: { count: 30 }, communes: { initialCount: 2, initialAssetsEach: 2 } });
    const log = startEventLog(state);
    state.tick = 7;
    const handed = Array.from({ length: state.assets.count }, (_, a) => a).filter((a) => state.assets.owner[a] === 1);
    expect(handed.length).toBe(2);
    absorbHoldings(state, state.orgs.get(1), state.orgs.get(0));
    const moved = rows(eventColumns(state, log)).filter((r) => r.kind === 'ownership' && r.tick === 7);
    expect(moved).toEqual(handed.map((asset) => ({
      tick: 7, kind: 'ownership', who: 0, whoKind: 'commune', whom: 1, whomKind: 'commune', asset, amountCents: state.assets.bookValue(asset, 7), lossCents: Number.NaN,
    })));
  });

  it('leaves a run\'s numbers as they are: the same series and organisations with or without it', () => {
    const file = 'scenarios/mixed.yaml';
    const scenario = loadScenario(readFileSync(file, 'utf8'), file, { 'persons.count': 600, years: 12 });
    const plain = runReplicate({ scenario, replicateKey: 'r1', checkConservation: false });
    const recorded = runReplicate({ scenario, replicateKey: 'r1', checkConservation: false, recordEvents: true });
    expect(plain.events).toBeUndefined();
    expect(recorded.columns.length).toBe(plain.columns.length);
    recorded.columns.forEach((column, c) => expect(Buffer.from(column.buffer).equals(Buffer.from(plain.columns[c]!.buffer)), plain.reporters[c]!.id).toBe(true));
    expect(recorded.organisations).toEqual(plain.organisations);
    // Something happened to record: the kinds this run has, each with its fields.
    const kinds = new Set(Array.from(recorded.events!.kind, (k) => EVENT_KINDS[k]));
    for (const kind of ['founding', 'ownership', 'liquidation', 'default', 'merge'] as const) expect(kinds, kind).toContain(kind);
    const ticks = recorded.events!.tick;
    for (let i = 1; i < ticks.length; i++) expect(ticks[i]!).toBeGreaterThanOrEqual(ticks[i - 1]!);
  });
});
