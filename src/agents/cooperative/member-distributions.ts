// MODEL.md 5, cooperative: each month net income less `retention` is divided among the
// members, equally or in proportion to skill (`split`), in whole cents (remainders stay in the
// cooperative), out of cash above one month of its cash costs (the firms' payout rule). A new member's unpaid buy-in is withheld from its share, an instalment at a
// time, and credited to its capital account.
import { FLOW } from '../../model/ledger.ts';
import { grown } from '../../model/grown.ts';
import { ORG_COOPERATIVE } from '../../model/economy/organisation-table.ts';
import { hasEnterprises, type EconomyState } from '../../model/economy/economy-state.ts';
import { cooperativePotCents, memberShareCents } from './distribution.ts';
import { monthOfCashCostsCents } from '../firm/firm-accounts.ts';
import { listWorkforce, type Workforce } from '../economy/workforce.ts';

/** Scratch by organisation id: pot, members' weight, ledger account (read per member, not through the organisation). */
let divided = new Float64Array(64);
let weightSum = new Float64Array(64);
let accountOf = new Int32Array(64);
/** Scratch by organisation id: each member's share under an equal split (memberShareCents at weight 1), taken once per cooperative. */
let equalShare = new Float64Array(64);

export function distributeCooperativeIncome(state: EconomyState, workforce?: Workforce): void {
  if (!hasEnterprises(state)) return;
  const { members, memberCount: count } = workforce ?? listWorkforce(state.persons);
  const { persons, orgs, ledger, params, counters } = state;
  const n = orgs.all.length;
  // Grown by the shared `grown` (warm type feedback: a growth mid-run does not deoptimise this).
  divided = grown(divided, n);
  weightSum = grown(weightSum, n);
  accountOf = grown(accountOf, n);
  equalShare = grown(equalShare, n);
  divided.fill(0, 0, n);
  weightSum.fill(0, 0, n);
  const bySkill = params.coopSplitBySkill;
  const { coopOf, skill } = persons;
  for (let k = 0; k < count; k++) {
    const p = members[k]!;
    weightSum[coopOf[p]!]! += bySkill ? skill[p]! : 1;
  }
  for (const org of orgs.all) {
    if (!org.alive || org.kind !== ORG_COOPERATIVE) continue;
    // Members are paid out of cash above one month of the co-operative's cash costs, as a firm's
    // shareholders are: a bad month cuts the members' draw before it misses an obligation.
    const cash = ledger.balance(org.account) - monthOfCashCostsCents(org);
    accountOf[org.id] = org.account;
    divided[org.id] = cooperativePotCents(org.netIncomeMonth, params.coopRetention, org.members, Math.max(0, cash));
    equalShare[org.id] = memberShareCents(divided[org.id]!, 1, weightSum[org.id]!);
    org.dividendPerMemberMonthly = org.members > 0 ? divided[org.id]! / org.members : 0;
    org.trailingDividendMonthly = 0.9 * org.trailingDividendMonthly + 0.1 * org.dividendPerMemberMonthly;
  }
  // Nothing between the two walks changes membership.
  const distributed = payMembers(state, members, count, bySkill);
  ledger.addVolume(FLOW.distribution, movedToMembers);
  counters.distributionsYear += distributed;
}

/** The cents the last `payMembers` moved to members' accounts (a module variable: no type feedback). */
let movedToMembers = 0;

/**
 * Pays each listed member its share of its cooperative's pot (`divided`), less the buy-in
 * instalment withheld; returns the shares in all, with the cents paid out in `movedToMembers`.
 * A function of its own ending with its loop (see walkWorkforce). The shares move in the
 * ledger's balances in place (`balancesOf`), not by a checked `transfer` each: each is whole
 * cents (memberShareCents rounds down; buy-ins are whole cents), from a cooperative's account
 * to a person's, and the pots were cut to the cash.
 */
function payMembers(state: EconomyState, members: Int32Array, count: number, bySkill: boolean): number {
  const { persons, ledger } = state;
  const { coopOf, skill, coopMemberMonthsYear, coopWorkedYear, buyInOwedCents, buyInInstalmentCents, capitalAccountCents, incomeCents, labourYear, coopMemberPayYear, firstAccount } = persons;
  // Account a's balance is balances[a - 1] (the view starts past `world`).
  const balances = ledger.balancesOf(1, ledger.size - 1);
  const firstBalance = firstAccount - 1;
  // Whole cents: the month's totals are exact in any order, added to the year's (and to the
  // flow's volume) once.
  let distributed = 0, moved = 0;
  for (let k = 0; k < count; k++) {
    const p = members[k]!;
    const c = coopOf[p]!;
    coopMemberMonthsYear[p]!++;
    coopWorkedYear[p] = c;
    const pot = divided[c]!;
    if (pot <= 0) continue;
    // Under an equal split every member's share of a pot is the same number, taken once.
    const share = bySkill ? memberShareCents(pot, skill[p]!, weightSum[c]!) : equalShare[c]!;
    const withheld = Math.min(share, buyInOwedCents[p]!, buyInInstalmentCents[p]!);
    const paid = share - withheld;
    if (paid > 0) {
      const from = accountOf[c]! - 1;
      // The ledger's law, as `transfer` checks it: whole cents the payer holds.
      if (!(balances[from]! >= paid) || Math.floor(paid) !== paid) throw new Error(`cooperative ${c} cannot pay member ${p} ${paid} cents`);
      balances[from]! -= paid;
      balances[firstBalance + p]! += paid;
      moved += paid;
    }
    buyInOwedCents[p]! -= withheld;
    capitalAccountCents[p]! += withheld;
    incomeCents[p]! += paid;
    labourYear[p]! += share;
    coopMemberPayYear[p]! += share;
    distributed += share;
  }
  movedToMembers = moved;
  return distributed;
}
