// MODEL.md 2: net worth W = cash + bonds at face outstanding + shares at book equity. A
// commune share's book equity is the commune's (book value of assets - bonds outstanding +
// pool and reserve) divided equally among its members.
import type { EconomyState } from './economy-state.ts';
import { ORG_COMMUNE } from './organisation-table.ts';

/** Principal each person holds across all active series, written into `out`. */
export function personBondHoldings(state: EconomyState, out: Float64Array): Float64Array {
  const { persons, bonds } = state;
  out.fill(0);
  const { firstAccount, count } = persons;
  for (const s of bonds.active()) {
    const end = bonds.firstHolding[s]! + bonds.holdingCount[s]!;
    for (let h = bonds.firstHolding[s]!; h < end; h++) {
      const p = bonds.holder[h]! - firstAccount;
      if (p >= 0 && p < count) out[p]! += bonds.principalCents[h]!;
    }
  }
  return out;
}

/** Book equity of each organisation (cents), indexed by organisation id. */
export function organisationEquity(state: EconomyState): Float64Array {
  const { assets, bonds, orgs, ledger } = state;
  const equity = new Float64Array(orgs.all.length);
  const { classPrice, classLife, cls, bornTick, owner } = assets;
  for (const a of assets.live()) {
    const c = cls[a]!;
    const life = classLife[c]!;
    const age = state.tick - bornTick[a]!;
    if (age < life) equity[owner[a]!]! += Math.round(classPrice[c]! * (1 - age / life));
  }
  for (const s of bonds.active()) {
    const issuer = bonds.issuer[s]!;
    equity[issuer]! += ledger.balance(bonds.escrow[s]!) - bonds.outstanding(s);
  }
  for (const org of orgs.all) {
    if (org.alive) equity[org.id]! += ledger.balance(org.account) + ledger.balance(org.reserveAccount);
  }
  return equity;
}

/** One share's book equity per commune (cents), indexed by organisation id. */
export function communeEquityPerMember(state: EconomyState): Float64Array {
  const equity = organisationEquity(state);
  for (const org of state.orgs.all) equity[org.id] = org.members > 0 ? equity[org.id]! / org.members : 0;
  return equity;
}

/** Net worth of every person in cents. */
export function netWorthCents(state: EconomyState, out: Float64Array): Float64Array {
  const { persons, ledger } = state;
  personBondHoldings(state, out);
  const equity = communeEquityPerMember(state);
  for (let p = 0; p < persons.count; p++) {
    const m = persons.memberOf[p]!;
    out[p] = out[p]! + ledger.balance(persons.firstAccount + p) + (m >= 0 ? equity[m]! : 0);
  }
  return out;
}

/** Commune claims of every person in cents: its share's book equity plus commune bonds held. */
export function communeClaimsCents(state: EconomyState, out: Float64Array): Float64Array {
  const { persons, bonds, orgs } = state;
  out.fill(0);
  const { firstAccount, count } = persons;
  for (const s of bonds.active()) {
    if (orgs.get(bonds.issuer[s]!).kind !== ORG_COMMUNE) continue;
    const end = bonds.firstHolding[s]! + bonds.holdingCount[s]!;
    for (let h = bonds.firstHolding[s]!; h < end; h++) {
      const p = bonds.holder[h]! - firstAccount;
      if (p >= 0 && p < count) out[p]! += bonds.principalCents[h]!;
    }
  }
  const equity = communeEquityPerMember(state);
  for (let p = 0; p < count; p++) {
    const m = persons.memberOf[p]!;
    if (m >= 0 && orgs.get(m).kind === ORG_COMMUNE) out[p]! += equity[m]!;
  }
  return out;
}
