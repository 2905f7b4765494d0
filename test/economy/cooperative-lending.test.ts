// MODEL.md 10.8, capital works the same in every owner's hands: a cooperative lends its idle
// capital at the shared bond auction like any saver, and the coupons, redemptions and what a
// default leaves reach its account through the ledger. Each test fails on v2/v3-before, where
// only persons bid.
import { describe, expect, it } from 'vitest';
import { RandomStream } from '../../src/model/random.ts';
import { FLOW, WORLD } from '../../src/model/ledger.ts';
import type { EconomyState } from '../../src/model/economy/economy-state.ts';
import { ORG_COMMUNE, ORG_COOPERATIVE, type Organisation } from '../../src/model/economy/organisation-table.ts';
import { newSaverQueue, openSaverBudgets } from '../../src/agents/economy/savers.ts';
import { buyWithBonds } from '../../src/agents/economy/bond-purchase.ts';
import { holderBookkeeping, serviceCommuneBonds } from '../../src/agents/economy/commune-bond-service.ts';
import { payWagesAndService } from '../../src/agents/economy/wages.ts';
import { organisationEquity } from '../../src/model/economy/net-worth.ts';
import { idleCapitalCents } from '../../src/agents/cooperative/idle-capital.ts';
import { liquidateCooperative } from '../../src/agents/cooperative/cooperative-lifecycle.ts';
import { endow, handBuiltEconomy } from './hand-built-economy.ts';

const PRICE = 12_000_000; // a workshop, in cents
const ENDOWMENT = 20_000_000; // five founders x 40,000 units

/** One commune that issues, one cooperative with 200,000 units of idle capital, persons without cash. */
function lendingEconomy(cooperatives: Record<string, unknown> = {}, bonds: Record<string, unknown> = {}): { state: EconomyState; commune: Organisation; coop: Organisation } {
  const state = handBuiltEconomy({
    bonds: { askNoise: 0, saversFraction: 1, ...bonds },
    cooperatives: { initialCount: 1, foundersEach: 5, endowmentPerMember: 40_000, endowmentSpread: 0, ...cooperatives },
  });
  const commune = state.orgs.all.find((o) => o.kind === ORG_COMMUNE)!;
  const coop = state.orgs.all.find((o) => o.kind === ORG_COOPERATIVE)!;
  expect(state.ledger.balance(coop.account)).toBe(ENDOWMENT);
  return { state, commune, coop };
}

function auction(state: EconomyState, issuer: Organisation, membersOf = -1) {
  const queue = newSaverQueue(state.persons.count);
  openSaverBudgets(state, queue);
  return buyWithBonds(state, issuer, 0, () => true, membersOf, queue, new RandomStream('test', 'bond-asks'));
}

describe('a cooperative lends its idle capital (MODEL.md 10.8)', () => {
  it('buys a commune\'s bond with idle capital when no person saves, and receives its coupons as income', () => {
    const { state, commune, coop } = lendingEconomy();
    const { ledger, bonds } = state;
    const bought = auction(state, commune);
    expect(bought).toBeDefined();
    const { allocations } = bought!.outcome;
    expect(allocations.map((a) => a.bidder)).toEqual([coop.account]);
    expect(ledger.balance(coop.account)).toBe(ENDOWMENT - PRICE);
    // Priced as any saver without firm equity: the base yield plus the commune's expected loss.
    expect(allocations[0]!.annualYield).toBeGreaterThanOrEqual(state.params.baseYield);
    const s = state.assets.series[bought!.asset]!;
    const h = bonds.firstHolding[s]!;
    // The tenant's rent arrives in the escrow; bond service pays the cooperative.
    ledger.transfer(WORLD, bonds.escrow[s]!, bonds.paymentCents[h]!, FLOW.rent);
    const before = ledger.balance(coop.account);
    const owedBefore = bonds.principalCents[h]!;
    serviceCommuneBonds(state, holderBookkeeping(state));
    expect(ledger.balance(coop.account) - before).toBe(bonds.paymentCents[h]!);
    // The payment less the principal it repaid.
    const interest = bonds.paymentCents[h]! - (owedBefore - bonds.principalCents[h]!);
    expect(interest).toBeGreaterThan(0);
    expect(coop.interestIncomeMonth).toBe(interest);
    expect(state.counters.interestToNonMembersYear).toBe(interest);
    // The interest counts in the next month's net income, which members share.
    payWagesAndService(state);
    expect(coop.netIncomeMonth).toBe(interest);
    expect(coop.interestIncomeMonth).toBe(0);
    // The bond is part of its book equity, so of its members' net worth and the buy-in.
    expect(organisationEquity(state)[coop.id]).toBe(ledger.balance(coop.account) + bonds.principalCents[h]!);
    expect(ledger.audit()).toBeNull();
  });

  it('lends no more than saversFraction of its cash above six months of its costs', () => {
    const { state, commune, coop } = lendingEconomy({}, { saversFraction: 0.5 });
    coop.wagesMonth = 1_000_000; // six months: 6,000,000 cents kept for its own needs
    expect(idleCapitalCents(state, coop)).toBe(ENDOWMENT - 6_000_000);
    const bought = auction(state, commune);
    // Half of 14,000,000 idle covers 7,000,000 of the 12,000,000 face: undersubscribed, nothing moves.
    expect(bought).toBeUndefined();
    expect(state.ledger.balance(coop.account)).toBe(ENDOWMENT);
    endow(state, 0, PRICE);
    const withPerson = auction(state, commune);
    expect(withPerson).toBeDefined();
    const lent = withPerson!.outcome.allocations.find((a) => a.bidder === coop.account)?.amountCents ?? 0;
    expect(lent).toBeLessThanOrEqual(7_000_000);
    expect(state.ledger.balance(coop.account)).toBe(ENDOWMENT - lent);
  });

  it('does not lend to itself, nor under members-only eligibility', () => {
    const own = lendingEconomy();
    expect(auction(own.state, own.coop)).toBeUndefined();
    const membersOnly = lendingEconomy();
    expect(auction(membersOnly.state, membersOnly.commune, membersOnly.commune.id)).toBeUndefined();
    const off = lendingEconomy({ lendIdleCapital: false });
    expect(auction(off.state, off.commune)).toBeUndefined();
  });

  it('hands its bonds to its members in kind when it is wound up, so later coupons reach them', () => {
    const { state, commune, coop } = lendingEconomy();
    const { ledger, bonds, persons } = state;
    const bought = auction(state, commune)!;
    const s = state.assets.series[bought.asset]!;
    const h = bonds.firstHolding[s]!;
    liquidateCooperative(state, coop);
    const heir = persons.personOf(bonds.holder[h]!);
    expect(heir).toBeGreaterThanOrEqual(0);
    ledger.transfer(WORLD, bonds.escrow[s]!, bonds.paymentCents[h]!, FLOW.rent);
    const before = ledger.balance(persons.firstAccount + heir);
    serviceCommuneBonds(state, holderBookkeeping(state));
    expect(ledger.balance(persons.firstAccount + heir) - before).toBe(bonds.paymentCents[h]!);
    expect(ledger.balance(coop.account)).toBe(0);
    expect(ledger.audit()).toBeNull();
  });
});
