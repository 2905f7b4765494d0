// One default rule for every issuer (MODEL.md 4 and 10; issue 14): a series defaults when it is
// `graceMonths` payments behind its original schedule, whether or not the misses came in a row;
// its securing asset is liquidated (book value less the discount, proceeds and escrow to the
// holders pro rata, the shortfall their loss, counted by issuer kind); the issuer goes on unless
// it fails the insolvency test every kind shares (months in a row its own account did not cover
// what it owed). Each kind is driven through the economy's own phases, months 1 to 6, with its
// series' payment missed in months 1, 3 and 5: v2 never defaulted the commune's series (its count
// of misses in a row went back to 0 at each payment) and failed the firm and the cooperative
// (their series three behind at month 6).
import { describe, expect, it } from 'vitest';
import { FLOW, WORLD } from '../../src/model/ledger.ts';
import type { EconomyState } from '../../src/model/economy/economy-state.ts';
import { ORG_COMMUNE, ORG_COOPERATIVE, ORG_FIRM, type Organisation } from '../../src/model/economy/organisation-table.ts';
import { MODE_EMPLOYEE, MODE_MEMBER_WORKER, MODE_SELF_EMPLOYED } from '../../src/model/economy/person-table.ts';
import { SERIES_ACTIVE, SERIES_DEFAULTED } from '../../src/model/market/bond-series.ts';
import { issueSeries } from '../../src/model/market/bond-auction.ts';
import { liquidationValueCents } from '../../src/model/market/liquidation.ts';
import { economyPhases } from '../../src/agents/economy/tick-order.ts';
import { grantPossession, startWork } from '../../src/agents/economy/possession.ts';
import { foundFirm } from '../../src/agents/firm/firm-lifecycle.ts';
import { foundCooperative } from '../../src/agents/cooperative/cooperative-lifecycle.ts';
import { wageCents } from '../../src/agents/firm/wage-rate.ts';
import { cash, endow, handBuiltEconomy } from './hand-built-economy.ts';

const PRICE = 12_000_000; // a workshop (class 0), in cents
const FACES = [9_000_000, 3_000_000]; // two holders, 3:1
const MISSED = new Set([1, 3, 5]);
const WAGE_RATE = 150_000;

interface Staged {
  state: EconomyState;
  org: Organisation;
  /** Financed by the series; `kept` is owned outright. */
  financed: number;
  kept: number;
  series: number;
  holders: number[];
  /** Who works each asset (employee, member) or rents it (a commune's tenant). */
  onFinanced: number;
  onKept: number;
}

function stage(kind: number, patch: Record<string, unknown> = {}): Staged {
  const state = handBuiltEconomy({
    persons: { count: 20, capitalistShare: 0.1, capitalistMinWealth: 1_000_000, shockSigma: 0, switchRatePerYear: 0 },
    communes: { initialCount: kind === ORG_COMMUNE ? 1 : 0, foundersEach: 2, foundingRatePerYear: 0, merges: false },
    firms: { initialCount: 0, foundingRatePerYear: 0 },
    cooperatives: { initialCount: 0, foundingRatePerYear: 0, merges: false },
    cycle: { sigma: 0 },
    ...patch,
  });
  const { persons } = state;
  const free = [...Array(persons.count).keys()].filter((p) => !persons.isCapitalist[p] && persons.memberOf[p]! < 0);
  const [h1, h2, w1, w2] = free as [number, number, number, number];
  let org: Organisation;
  if (kind === ORG_FIRM) org = foundFirm(state, persons.isCapitalist.indexOf(1));
  else if (kind === ORG_COOPERATIVE) org = foundCooperative(state, [w1, w2], 0);
  else org = state.orgs.get(0);
  const financed = state.assets.add(0, org.id, state.tick, kind);
  const kept = state.assets.add(0, org.id, state.tick, kind);
  FACES.forEach((f, k) => endow(state, [h1, h2][k]!, f));
  const series = issueSeries(state.ledger, state.bonds, FACES.map((f, k) => ({ bidder: persons.account([h1, h2][k]!), amountCents: f, annualYield: 0.06 })), {
    issuer: org.id, issuerAccount: org.account, asset: financed, tick: state.tick, maturityMonths: 120,
  });
  state.assets.series[financed] = series;
  state.ledger.transfer(org.account, WORLD, PRICE, FLOW['asset-purchase']);
  if (kind === ORG_COMMUNE) {
    // Let to two tenants; the rent phase is not run, so their rent is never missed and the
    // escrow is what this test puts in it.
    for (const [a, p] of [[financed, w1], [kept, w2]] as const) grantPossession(state, a, p, 0, 120);
  } else {
    state.enterpriseAssets.push(financed, kept);
    for (const [a, p] of [[financed, w1], [kept, w2]] as const) {
      persons.skill[p] = 1;
      startWork(state, a, p, kind === ORG_FIRM ? MODE_EMPLOYEE : MODE_MEMBER_WORKER);
    }
    org.wageRateCents = WAGE_RATE;
  }
  return { state, org, financed, kept, series, holders: [h1, h2], onFinanced: w1, onKept: w2 };
}

/**
 * Months 1..6 through the economy's phases from wages to defaults; the series' payment is missed
 * in months 1, 3 and 5. Returns what the series owed and what its holders held just before
 * month 5's defaults phase.
 */
function runSixMonths(s: Staged): { owed: number; holderCash: number[] } {
  const { state, org, series } = s;
  const { phases } = economyPhases(state);
  const run = (name: string) => phases.find((p) => p.name === name)!.run(state);
  let owed = Number.NaN;
  let holderCash: number[] = [];
  for (let m = 1; m <= 6 && org.alive; m++) {
    state.tick = m;
    const active = state.bonds.status[series] === SERIES_ACTIVE;
    const paying = !MISSED.has(m) && active;
    const due = active ? state.bonds.due(series) : 0;
    if (org.kind === ORG_COMMUNE) {
      // The rent that reaches the escrow: all of the service, or nothing.
      if (paying) state.ledger.transfer(WORLD, state.bonds.escrow[series]!, due, FLOW.rent);
    } else {
      // The enterprise's cash: its wage bill, plus the service in a paying month.
      const want = (org.kind === ORG_FIRM ? 2 * wageCents(WAGE_RATE, 1) : 0) + (paying ? due : 0);
      const have = state.ledger.balance(org.account);
      if (have > want) state.ledger.transfer(org.account, WORLD, have - want, FLOW.other);
      else if (want > have) state.ledger.transfer(WORLD, org.account, want - have, FLOW.other);
      run('wages and member distributions');
    }
    run('bond service');
    if (m === 5) {
      owed = state.bonds.outstanding(series);
      holderCash = s.holders.map((h) => cash(state, h));
    }
    run('missed payments and defaults');
    expect(state.ledger.audit()).toBeNull();
  }
  return { owed, holderCash };
}

/** The asset's sale and its waterfall, from the rule's terms: book value less the discount, pro rata 3:1, the rest a loss. */
function expectLiquidatedAtMonth5(s: Staged, before: { owed: number; holderCash: number[] }): void {
  const { state, financed, series, holders, org } = s;
  expect(state.assets.alive[financed]).toBe(0);
  expect(state.bonds.status[series]).toBe(SERIES_DEFAULTED);
  const life = state.assets.classOf(financed).lifespanMonths;
  const proceeds = liquidationValueCents(Math.round(PRICE * (1 - 5 / life)), state.params.liquidationDiscount);
  expect(proceeds).toBeLessThan(before.owed);
  const gains = holders.map((h, k) => cash(state, h) - before.holderCash[k]!);
  expect(gains[0]! + gains[1]!).toBe(proceeds);
  // Pro rata to balances 3:1 (rounding: a cent or two).
  expect(Math.abs(gains[0]! - 3 * gains[1]!)).toBeLessThanOrEqual(4);
  expect(state.bonds.lossCents).toBe(before.owed - proceeds);
  expect(state.finance.defaultsTotal[org.kind]).toBe(1);
  expect(state.finance.lossTotalCents[org.kind]).toBe(before.owed - proceeds);
}

describe('one default rule for every issuer: graceMonths payments behind schedule', () => {
  it('defaults a commune\'s series missed in months 1, 3 and 5 (v2 counted misses in a row and never did); the commune goes on', () => {
    const s = stage(ORG_COMMUNE);
    expectLiquidatedAtMonth5(s, runSixMonths(s));
    // The tenant of the sold asset is out; the commune, its other asset and that tenant go on.
    expect(s.state.persons.asset[s.onFinanced]).toBe(-1);
    expect(s.org.alive).toBe(true);
    expect(s.state.assets.alive[s.kept]).toBe(1);
    expect(s.state.assets.possessor[s.kept]).toBe(s.onKept);
  });

  it('sells only a firm\'s defaulted asset: the firm, its other asset and that employee go on (v2 made the firm bankrupt)', () => {
    const s = stage(ORG_FIRM);
    expectLiquidatedAtMonth5(s, runSixMonths(s));
    expect(s.org.alive).toBe(true);
    expect(s.org.missedPayments).toBe(0);
    expect(s.state.counters.firmsFailed).toBe(0);
    expect(s.state.persons.mode[s.onFinanced]).toBe(MODE_SELF_EMPLOYED);
    expect(s.state.persons.employer[s.onFinanced]).toBe(-1);
    expect(s.state.assets.possessor[s.kept]).toBe(s.onKept);
    expect(s.state.persons.mode[s.onKept]).toBe(MODE_EMPLOYEE);
  });

  it('sells only a cooperative\'s defaulted asset: the cooperative and both members go on (v2 failed the cooperative)', () => {
    const s = stage(ORG_COOPERATIVE);
    expectLiquidatedAtMonth5(s, runSixMonths(s));
    expect(s.org.alive).toBe(true);
    expect(s.state.counters.coopsFailed).toBe(0);
    // The member whose asset was sold is still a member, waiting to be equipped again.
    expect(s.state.persons.coopOf[s.onFinanced]).toBe(s.org.id);
    expect(s.state.persons.asset[s.onFinanced]).toBe(-1);
    expect(s.state.assets.possessor[s.kept]).toBe(s.onKept);
  });
});

describe('one insolvency test for every kind: graceMonths in a row of unmet obligations', () => {
  it('winds up a commune whose pool backs its bonds and cannot pay their service three months in a row (v2 never did)', () => {
    const state = handBuiltEconomy({ communes: { initialCount: 1, foundersEach: 2, poolBacksBonds: true }, cycle: { sigma: 0 } });
    const commune = state.orgs.get(0);
    const asset = state.assets.add(0, 0, state.tick);
    const saver = state.persons.count - 1;
    endow(state, saver, PRICE);
    const series = issueSeries(state.ledger, state.bonds, [{ bidder: state.persons.account(saver), amountCents: PRICE, annualYield: 0.06 }], {
      issuer: 0, issuerAccount: commune.account, asset, tick: 0, maturityMonths: 120,
    });
    state.assets.series[asset] = series;
    state.ledger.transfer(commune.account, WORLD, PRICE, FLOW['asset-purchase']);
    // Let to a tenant (the rent phase is not run: the pool is all that pays the service).
    grantPossession(state, asset, saver, 0, 120);
    const { phases } = economyPhases(state);
    const run = (name: string) => phases.find((p) => p.name === name)!.run(state);
    // The pool holds two months of service: it pays months 1 and 2 in full, then falls short.
    state.ledger.transfer(WORLD, commune.account, 2 * state.bonds.due(series) - state.ledger.balance(commune.account), FLOW.rent);
    const missed: number[] = [];
    for (let m = 1; m <= 6 && commune.alive; m++) {
      state.tick = m;
      run('bond service');
      missed.push(commune.missedPayments);
      run('missed payments and defaults');
      expect(state.ledger.audit()).toBeNull();
    }
    expect(missed).toEqual([0, 0, 1, 2, 3]);
    expect(commune.alive).toBe(false);
    expect(state.events.at(-1)).toMatchObject({ kind: 'failure', org: 0 });
  });
});
