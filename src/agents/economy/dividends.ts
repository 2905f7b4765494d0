// MODEL.md 5: "the remaining rental income ... is divided up equally among all members of the
// commune". Every `dividendPeriodMonths` each commune's pool is split into equal whole-cent
// shares, one per member; the remainder cents stay in the pool for the next division.
import { FLOW } from '../../model/ledger.ts';
import { equalShareCents } from '../../model/market/pro-rata.ts';
import type { EconomyState } from '../../model/economy/economy-state.ts';
import { ORG_COMMUNE } from '../../model/economy/organisation-table.ts';

export function payCommuneDividends(state: EconomyState): void {
  const { params, orgs, persons, ledger } = state;
  if ((state.tick + 1) % params.dividendPeriodMonths !== 0) return;
  const shares = new Float64Array(orgs.all.length);
  for (const org of orgs.all) {
    if (!org.alive || org.kind !== ORG_COMMUNE) continue;
    const { shareCents } = equalShareCents(ledger.balance(org.account), org.members);
    shares[org.id] = shareCents;
    org.dividendPerMemberMonthly = shareCents / params.dividendPeriodMonths;
    org.trailingDividendMonthly = 0.75 * org.trailingDividendMonthly + 0.25 * org.dividendPerMemberMonthly;
  }
  for (let p = 0; p < persons.count; p++) {
    const c = persons.memberOf[p]!;
    if (c < 0) continue;
    const share = shares[c]!;
    if (share <= 0) continue;
    ledger.transfer(orgs.get(c).account, persons.firstAccount + p, share, FLOW.dividend);
    persons.dividendYear[p]! += share;
    persons.incomeCents[p]! += share;
    state.counters.dividendsYear += share;
  }
}
