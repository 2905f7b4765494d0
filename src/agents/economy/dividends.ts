// MODEL.md 5: "the remaining rental income ... is divided up equally among all members of the
// commune". Every `dividendPeriodMonths` each commune's pool is split into equal whole-cent
// shares, one per member; the remainder cents stay in the pool for the next division.
import { FLOW } from '../../model/ledger.ts';
import { grown } from '../../model/grown.ts';
import { equalShareCents } from '../../model/market/pro-rata.ts';
import type { EconomyState } from '../../model/economy/economy-state.ts';
import { ORG_COMMUNE } from '../../model/economy/organisation-table.ts';

/** Scratch by organisation id: this period's share per member, and the commune's account. */
let shares = new Float64Array(64);
let accountOf = new Int32Array(64);

export function payCommuneDividends(state: EconomyState): void {
  if ((state.tick + 1) % state.params.dividendPeriodMonths !== 0) return;
  const n = state.orgs.all.length;
  shares = grown(shares, n);
  accountOf = grown(accountOf, n);
  shares.fill(0, 0, n);
  settleShares(state);
  state.counters.dividendsYear += payShares(state);
}

// Each walk is a function of its own, ending with its loop: payCommuneDividends, compiled on
// stack in a first period's walk over persons, had no feedback for what followed it and gave
// its code up period after period in Chromium (5 to 8 deoptimisations a mixed 10,000 x 50 y
// run, 3 to 5 TurboFan compiles).

/** Each commune's share per member this period into the scratch, and its dividend averages. */
function settleShares(state: EconomyState): void {
  const { params, orgs, ledger } = state;
  for (const org of orgs.all) {
    if (!org.alive || org.kind !== ORG_COMMUNE) continue;
    const { shareCents } = equalShareCents(ledger.balance(org.account), org.members);
    shares[org.id] = shareCents;
    accountOf[org.id] = org.account;
    org.dividendPerMemberMonthly = shareCents / params.dividendPeriodMonths;
    org.trailingDividendMonthly = 0.75 * org.trailingDividendMonthly + 0.25 * org.dividendPerMemberMonthly;
  }
}

/** Pays each member its commune's share; returns the total paid. */
function payShares(state: EconomyState): number {
  const { persons, ledger } = state;
  const { memberOf, dividendYear, incomeCents, firstAccount, count } = persons;
  // Whole cents: the period's total is exact in any order, added to the year's once.
  let paid = 0;
  for (let p = 0; p < count; p++) {
    const c = memberOf[p]!;
    if (c < 0) continue;
    const share = shares[c]!;
    if (share <= 0) continue;
    ledger.transfer(accountOf[c]!, firstAccount + p, share, FLOW.dividend);
    dividendYear[p]! += share;
    incomeCents[p]! += share;
    paid += share;
  }
  return paid;
}
