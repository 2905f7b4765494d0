// MODEL.md 10.7: every purchase reserves its money before any auction it triggers.
import { describe, expect, it } from 'vitest';
import { RandomStreams } from '../../src/model/random.ts';
import { ORG_COOPERATIVE } from '../../src/model/economy/organisation-table.ts';
import { MODE_MEMBER_WORKER } from '../../src/model/economy/person-table.ts';
import { enterpriseEquity } from '../../src/model/economy/net-worth.ts';
import { admitMember } from '../../src/agents/cooperative/admission-phase.ts';
import { newSaverQueue, openSaverBudgets } from '../../src/agents/economy/savers.ts';
import { cash, endow, handBuiltEconomy } from './hand-built-economy.ts';

describe('a cooperative admission that triggers a bond auction', () => {
  it('reserves the applicant\'s buy-in before the auction, so the applicant cannot lend it away (the v2 crash)', () => {
    const state = handBuiltEconomy({
      persons: { count: 12, capitalistShare: 0, initialCash: 0 },
      communes: { initialCount: 0, foundingRatePerYear: 0, merges: false },
      // One cooperative of two founders, 80,000 in the till: too little to buy a workshop
      // (120,000) in cash, so the admission's new asset needs a bond issue.
      cooperatives: { initialCount: 1, foundersEach: 2, endowmentPerMember: 40_000, endowmentSpread: 0 },
      bonds: { minimumBid: 100, askNoise: 0 },
    });
    const { persons, orgs, ledger } = state;
    const coop = orgs.all.find((o) => o.kind === ORG_COOPERATIVE)!;
    const applicant = 10, lender = 11;
    expect(persons.coopOf[applicant]).toBe(-1);
    expect(persons.coopOf[lender]).toBe(-1);
    persons.skill[applicant] = 1;
    // Buy-in: equity 8,000,000 cents over 2 members, 25% up front = 1,000,000 cents. The
    // applicant holds 1,200,000 (lending budget half of what is above the 300,000 buffer:
    // 450,000), the lender 24,000,000 (budget 11,850,000): together they cover the face of
    // 12,000,000, and the applicant, asking less, is filled first.
    endow(state, applicant, 1_200_000);
    endow(state, lender, 24_000_000);
    // The lender's better return elsewhere (MODEL.md 10.2: its payout on firm equity) raises its ask.
    state.finance.setEquityReturn(lender, 0.06);
    const upfront = 1_000_000;
    const queue = newSaverQueue(persons.count);
    openSaverBudgets(state, queue);
    const before = ledger.audit();
    expect(before).toBeNull();
    const admitted = admitMember(state, coop, applicant, enterpriseEquity(state)[coop.id]!, [], queue, new RandomStreams(3).get('bond-asks'));
    expect(admitted).toBe(true);
    expect(persons.coopOf[applicant]).toBe(coop.id);
    expect(persons.mode[applicant]).toBe(MODE_MEMBER_WORKER);
    expect(persons.capitalAccountCents[applicant]).toBe(upfront);
    // It lent only what was left above its reserved buy-in, and still paid the buy-in.
    expect(cash(state, applicant)).toBe(0);
    expect(ledger.balance(state.holdAccount)).toBe(0);
    expect(ledger.audit()).toBeNull();
  });

  it('gives the reservation back when the auction does not clear', () => {
    const state = handBuiltEconomy({
      persons: { count: 12, capitalistShare: 0, initialCash: 0 },
      communes: { initialCount: 0, foundingRatePerYear: 0, merges: false },
      cooperatives: { initialCount: 1, foundersEach: 2, endowmentPerMember: 40_000, endowmentSpread: 0 },
      bonds: { minimumBid: 100, askNoise: 0 },
    });
    const coop = state.orgs.all.find((o) => o.kind === ORG_COOPERATIVE)!;
    const applicant = 10;
    state.persons.skill[applicant] = 1;
    endow(state, applicant, 1_200_000);
    const queue = newSaverQueue(state.persons.count);
    openSaverBudgets(state, queue);
    const admitted = admitMember(state, coop, applicant, enterpriseEquity(state)[coop.id]!, [], queue, new RandomStreams(3).get('bond-asks'));
    expect(admitted).toBe(false);
    expect(cash(state, applicant)).toBe(1_200_000);
    expect(state.persons.coopOf[applicant]).toBe(-1);
    expect(state.ledger.balance(state.holdAccount)).toBe(0);
  });
});
