// MODEL.md 5, cooperative: "members who leave take out their capital account if the
// cooperative can pay". It pays out of cash above one month of its costs; what it cannot pay
// is forfeit (the member's claim stays in the cooperative's equity, shared by those who stay).
import { FLOW } from '../../model/ledger.ts';
import type { EconomyState } from '../../model/economy/economy-state.ts';
import { MODE_PRODUCER } from '../../model/economy/person-table.ts';

export function leaveCooperative(state: EconomyState, p: number): void {
  const { persons, orgs, ledger } = state;
  const c = persons.coopOf[p]!;
  if (c < 0) return;
  persons.coopOf[p] = -1;
  const coop = orgs.get(c);
  coop.members = Math.max(0, coop.members - 1);
  const owed = persons.capitalAccountCents[p]!;
  persons.capitalAccountCents[p] = 0;
  persons.buyInOwedCents[p] = 0;
  persons.buyInInstalmentCents[p] = 0;
  if (persons.employer[p] === c) {
    // A commune asset worked for the cooperative is now worked alone, at the same rent.
    persons.employer[p] = -1;
    if (persons.asset[p]! >= 0) persons.mode[p] = MODE_PRODUCER;
  }
  if (!coop.alive || owed <= 0) return;
  const costs = coop.wagesMonth + coop.interestMonth + coop.otherCostsMonth;
  const payable = Math.min(owed, Math.max(0, ledger.balance(coop.account) - costs));
  if (payable > 0) ledger.transfer(coop.account, persons.firstAccount + p, Math.floor(payable), FLOW.capital);
}
