// MODEL.md 5, cooperative: "members who leave take out their capital account if the
// cooperative can pay". It pays out of cash above one month of its costs; what it cannot pay
// is forfeit (the member's claim stays in the cooperative's equity, shared by those who stay).
// A member weighs that stake when it considers leaving (stayingValueCents), as a joiner weighs
// the buy-in.
import { FLOW } from '../../model/ledger.ts';
import type { EconomyState } from '../../model/economy/economy-state.ts';
import type { Organisation } from '../../model/economy/organisation-table.ts';
import { MODE_PRODUCER } from '../../model/economy/person-table.ts';

export function leaveCooperative(state: EconomyState, p: number): void {
  const { persons, orgs, ledger } = state;
  const c = persons.coopOf[p]!;
  if (c < 0) return;
  const payable = leavingPayoutCents(state, p);
  persons.coopOf[p] = -1;
  persons.noteEquipment(p);
  const coop = orgs.get(c);
  coop.members = Math.max(0, coop.members - 1);
  persons.capitalAccountCents[p] = 0;
  persons.buyInOwedCents[p] = 0;
  persons.buyInInstalmentCents[p] = 0;
  if (persons.employer[p] === c) {
    // A commune asset worked for the cooperative is now worked alone, at the same rent.
    persons.employer[p] = -1;
    if (persons.asset[p]! >= 0) persons.mode[p] = MODE_PRODUCER;
  }
  if (payable > 0) ledger.transfer(coop.account, persons.firstAccount + p, Math.floor(payable), FLOW.capital);
}

/** What leaving now pays member p: its capital account, as far as its cooperative's cash above one month of costs goes. */
export function leavingPayoutCents(state: EconomyState, p: number): number {
  const c = state.persons.coopOf[p]!;
  if (c < 0) return 0;
  const coop = state.orgs.get(c);
  const owed = state.persons.capitalAccountCents[p]!;
  if (!coop.alive || owed <= 0) return 0;
  const costs = coop.wagesMonth + coop.interestMonth + coop.otherCostsMonth;
  return Math.min(owed, Math.max(0, state.ledger.balance(coop.account) - costs));
}

/**
 * What staying is worth a month to member p of `coop`, whose equity (limited liability: never
 * below 0) is `equityCents`: its trailing distribution, plus what leaving would forfeit (its
 * equal share of the equity, less what leaving pays it and less any buy-in it still owes, which
 * leaving cancels) spread over the choice horizon, as a joiner's buy-in is. A member who leaves
 * gives its stake up as a joiner pays for one (MODEL-CHOICES, "Staying in a cooperative").
 */
export function stayingValueCents(state: EconomyState, p: number, coop: Organisation, equityCents: number): number {
  const share = coop.members > 0 ? Math.max(0, equityCents) / coop.members : 0;
  const forfeit = Math.max(0, share - leavingPayoutCents(state, p) - state.persons.buyInOwedCents[p]!);
  return coop.trailingDividendMonthly + forfeit / state.params.choiceHorizonMonths;
}
