// MODEL.md 2: net worth W = cash + bonds at face outstanding + shares and capital accounts at
// book equity. An organisation's book equity is book value of its assets - bonds outstanding +
// its cash (pool and reserve). A commune share and a cooperative membership are worth the
// equity divided equally among members; firm shares are worth the equity pro rata to capital
// contributed. Every kind has limited liability: a negative equity counts as zero in what its
// members and shareholders hold. A commune's too (MODEL.md 10: no kind gets a rule another
// lacks): its series are secured by their assets (and, under poolBacksBonds, by its pool), never
// by its members, so its bonds outstanding past its assets' book value and its cash (straight-
// line depreciation runs ahead of an annuity's repayment) are its bondholders' risk, not a debt
// of each member. v3's first version divided a negative commune equity among the members, and
// net worth went negative: wealth.employees.mean -193 at year 196 of a 400-year mixed run
// (employees keep a commune share for up to lapseMonths after their last commune labour).
import { grown } from '../grown.ts';
import { SERIES_ACTIVE } from '../market/bond-series.ts';
import type { EconomyState, EquityLists } from './economy-state.ts';
import { ORG_COMMUNE, ORG_COOPERATIVE, ORG_FIRM, type Organisation } from './organisation-table.ts';

/**
 * Book equity of each organisation (cents), indexed by organisation id, into `out` when it has
 * one entry per organisation (else a fresh array). Every term is whole cents, so each sum is
 * the same whatever the order of its terms. (Each person's principal held is the bond book's
 * to keep: BondBook.personHeldCents.)
 */
export function organisationEquity(state: EconomyState, out?: Float64Array): Float64Array {
  const { assets, bonds, orgs, ledger } = state;
  const n = orgs.all.length;
  const equity = out !== undefined && out.length === n ? out.fill(0) : new Float64Array(n);
  // Kept per owner for the month by the asset table, not summed asset by asset.
  assets.addBookValueByOwner(state.tick, equity);
  // A series' principal outstanding is kept by the bond book (`outstanding`): no walk over its
  // holdings. The columns and the balances (balances[a - 1] is account a's: the view starts past
  // `world`, no escrow) are read into locals, not through the book's and the ledger's methods.
  const { issuer, escrow, seriesOutstandingCents: outstanding } = bonds;
  const balances = ledger.balancesOf(1, ledger.size - 1);
  const active = bonds.active();
  for (let k = 0; k < active.length; k++) {
    const s = active[k]!;
    equity[issuer[s]!]! += balances[escrow[s]! - 1]! - outstanding[s]!;
  }
  // Bonds a cooperative bought with idle capital are its assets (MODEL.md 10.8).
  if (orgs.lenders > 0) addBondsHeldByOrganisations(state, equity);
  const all = orgs.all;
  for (let i = 0; i < all.length; i++) {
    const org = all[i]!;
    if (!org.alive) continue;
    // Added one at a time (whole cents: the same sum): added together, the two balances were
    // speculated small integers, and an account past 2^31 cents undid the compiled code.
    equity[org.id]! += ledger.balance(org.account);
    equity[org.id]! += ledger.balance(org.reserveAccount);
  }
  return equity;
}

/**
 * Book equity of firms and cooperatives only (communes' entries zero), from the enterprise
 * asset list: each enterprise series finances one of its assets, so no walk over communes'.
 */
export function enterpriseEquity(state: EconomyState): Float64Array {
  return enterpriseEquityOfKind(state, -1);
}

/**
 * enterpriseEquity's entries for cooperatives alone (every other entry zero): the buy-in terms
 * mode choice and admissions read each month need no more, and firms' assets are most of the
 * walk. Cooperatives' own kept list (`cooperativeAssets`), which this walk also rids of the
 * assets retired since the last call: one walk over it a month, not a walk to tidy it and
 * another to sum.
 */
export function cooperativeEquity(state: EconomyState): Float64Array {
  const { assets, bonds, ledger } = state;
  const equity = new Float64Array(state.orgs.all.length);
  const ids = cooperativeAssets(state);
  const { alive, owner, series } = assets;
  const { status, escrow, seriesOutstandingCents: outstanding } = bonds;
  // As organisationEquity reads them: balances[a - 1] is account a's.
  const balances = ledger.balancesOf(1, ledger.size - 1);
  let n = 0;
  for (let k = 0; k < ids.length; k++) {
    const a = ids[k]!;
    if (!alive[a]) continue;
    ids[n++] = a;
    const s = series[a]!;
    if (s < 0 || status[s] !== SERIES_ACTIVE) continue;
    equity[owner[a]!]! += balances[escrow[s]! - 1]! - outstanding[s]!;
  }
  ids.length = n;
  return addOwnEquity(state, equity, ORG_COOPERATIVE);
}

/** Book equity of the enterprises of one kind (-1: firms and cooperatives); whole cents, as organisationEquity. */
function enterpriseEquityOfKind(state: EconomyState, kind: number): Float64Array {
  const { assets, bonds, orgs, ledger } = state;
  const equity = new Float64Array(orgs.all.length);
  const list = state.enterpriseAssets;
  // The owner's kind from the asset's own column (fixed: merges and takeovers join like kinds).
  const { alive, ownerKind, owner, series } = assets;
  const { status, escrow } = bonds;
  for (let k = 0; k < list.length; k++) {
    const a = list[k]!;
    const s = series[a]!;
    if (s < 0 || !alive[a] || status[s] !== SERIES_ACTIVE) continue;
    if (kind >= 0 && ownerKind[a] !== kind) continue;
    equity[owner[a]!]! += ledger.balance(escrow[s]!) - bonds.outstanding(s);
  }
  return addOwnEquity(state, equity, kind);
}

/**
 * Adds to each enterprise's entry of `equity` (of `kind`, -1: firms and cooperatives) its book
 * value, its cash and the bonds it holds; returns `equity`.
 */
function addOwnEquity(state: EconomyState, equity: Float64Array, kind: number): Float64Array {
  const { assets, orgs, ledger } = state;
  const all = orgs.all;
  // Book value as the asset table keeps it per owner for the month; every firm's and
  // cooperative's asset is on the enterprise list.
  const book = assets.bookValueByOwner(state.tick);
  for (let i = 0; i < all.length; i++) {
    const org = all[i]!;
    if (org.kind === ORG_COMMUNE || (kind >= 0 && org.kind !== kind)) continue;
    if (org.id < book.length) equity[org.id]! += book[org.id]!;
    if (!org.alive) continue;
    // One at a time, as in organisationEquity.
    equity[org.id]! += ledger.balance(org.account);
    equity[org.id]! += ledger.balance(org.reserveAccount);
  }
  if (orgs.lenders > 0) addBondsHeldByOrganisations(state, equity);
  return equity;
}

/**
 * The cooperatives' assets of the enterprise list, in its order, kept beside it: the list only
 * grows at its end, by assets just bought (so in id order), and loses assets only when they
 * retire, so each call looks at the new end alone; the caller drops the retired.
 */
function cooperativeAssets(state: EconomyState): number[] {
  const list = state.enterpriseAssets;
  const { ownerKind } = state.assets;
  const kept = state.equityLists;
  const ids = kept.coopAssets;
  let first = list.length;
  while (first > 0 && list[first - 1]! > kept.coopAssetsSeen) first--;
  for (let k = first; k < list.length; k++) if (ownerKind[list[k]!] === ORG_COOPERATIVE) ids.push(list[k]!);
  if (list.length > 0) kept.coopAssetsSeen = Math.max(kept.coopAssetsSeen, list[list.length - 1]!);
  return ids;
}

/**
 * Adds to `equity` the principal of the bonds each organisation holds (MODEL.md 10.8), from
 * the holdings issued to organisations (a few dozen of thousands): a holding a person was
 * issued stays a person's (only a lender that ends hands its holdings on, in kind).
 */
function addBondsHeldByOrganisations(state: EconomyState, equity: Float64Array): void {
  const { bonds, orgs } = state;
  const { firstAccount, count } = state.persons;
  const { lenderSeries: series, lenderHoldings: place } = organisationHoldings(state);
  let n = 0;
  for (let k = 0; k < place.length; k++) {
    const s = series[k]!;
    // A closed series never reopens (and its holdings are dropped when the book compacts).
    if (bonds.status[s] !== SERIES_ACTIVE) continue;
    const h = bonds.firstHolding[s]! + place[k]!;
    const account = bonds.holder[h]!;
    // A holding handed to a person stays a person's.
    if (account >= firstAccount && account < firstAccount + count) continue;
    series[n] = s; place[n++] = place[k]!;
    const lender = orgs.idByAccount.get(account);
    if (lender !== undefined) equity[lender]! += bonds.principalCents[h]!;
  }
  series.length = n;
  place.length = n;
}

/**
 * Holdings (and their series) issued to accounts other than persons', kept as series are
 * issued: each by its place in its series, which compaction of the book keeps.
 */
function organisationHoldings(state: EconomyState): EquityLists {
  const { bonds } = state;
  const { firstAccount, count } = state.persons;
  const kept = state.equityLists;
  const { lenderSeries, lenderHoldings } = kept;
  let n = lenderSeries.length;
  // Every holding is written at the lists' next place and counted only when an organisation
  // holds it: a push for the few such holdings alone ran in a month now and then, and the code
  // V8 had compiled for organisationEquity, which takes this in, had never seen it run and gave
  // up there each time (some 100 deoptimisations a mixed 10,000 x 50 y run, each leaving the
  // rest of that month's organisationEquity to the interpreter).
  for (let s = kept.seriesSeen; s < bonds.seriesCount; s++) {
    const first = bonds.firstHolding[s]!;
    const end = first + bonds.holdingCount[s]!;
    for (let h = first; h < end; h++) {
      const account = bonds.holder[h]!;
      lenderSeries[n] = s;
      lenderHoldings[n] = h - first;
      n += account >= firstAccount && account < firstAccount + count ? 0 : 1;
    }
  }
  lenderSeries.length = n;
  lenderHoldings.length = n;
  kept.seriesSeen = bonds.seriesCount;
  return kept;
}

/** What one share holds per commune (cents), indexed by organisation id: its book equity, at least 0 (limited liability). */
export function communeEquityPerMember(state: EconomyState, equity = organisationEquity(state)): Float64Array {
  const perMember = new Float64Array(equity.length);
  for (const org of state.orgs.all) perMember[org.id] = org.members > 0 ? Math.max(0, equity[org.id]!) / org.members : 0;
  return perMember;
}

/** Each organisation's claim per member, reused from call to call (consumption asks every month). */
let perMemberScratch = new Float64Array(64);

/**
 * What one member's claim on each organisation is worth (cents), indexed by organisation id:
 * its book equity (from `equity`, as `organisationEquity` gives it), at least 0 (limited
 * liability), divided among its members; 0 for an organisation closed or without members. A
 * view reused from call to call.
 */
export function claimPerMember(state: EconomyState, equity: Float64Array): Float64Array {
  // Grown through the shared `grown` (its growth has run before): a growth of its own, first
  // taken in a larger run or a later year, had no type feedback and threw the caller's code away.
  perMemberScratch = grown(perMemberScratch, equity.length);
  const perMember = perMemberScratch;
  for (const org of state.orgs.all) perMember[org.id] = org.alive && org.members > 0 ? Math.max(0, equity[org.id]!) / org.members : 0;
  return perMember;
}

/**
 * Adds to `out` each person's claims on organisations at book equity: its commune share, its
 * cooperative membership and its firm shares (from `equity`, as `organisationEquity` gives it).
 */
export function addOrganisationClaims(state: EconomyState, equity: Float64Array, out: Float64Array): Float64Array {
  const { persons, orgs } = state;
  const perMember = claimPerMember(state, equity);
  // Two functions, each ending with its loop: V8 compiles the first sample's persons' loop on
  // stack and keeps that code when it deoptimises after the loop, which the firms' loop there,
  // without type feedback at that compile, did at every sample (28 times in a mixed 10,000 x 50 y run).
  addMembershipClaims(persons.memberOf, persons.coopOf, persons.count, perMember, out);
  addFirmShareClaims(orgs.all, equity, out);
  return out;
}

/**
 * Person p's commune share and cooperative membership at `perMember` each (`claimPerMember`),
 * summed as addOrganisationClaims adds them to a zero.
 */
export function membershipClaim(memberOf: Int32Array, coopOf: Int32Array, p: number, perMember: Float64Array): number {
  let claim = 0;
  const m = memberOf[p]!;
  const c = coopOf[p]!;
  if (m >= 0) claim += perMember[m]!;
  if (c >= 0) claim += perMember[c]!;
  return claim;
}

/**
 * addOrganisationClaims for the firms' shareholders alone, for a walk that takes everyone
 * else's claim as its membership (`membershipClaim`) itself: each
 * shareholder's claims written to `out` (its membership, then its firm shares, summed in
 * addOrganisationClaims' order), and the shareholder marked with `mark` in `marks`. Every other
 * entry of `out` is left as it was.
 */
export function writeShareholderClaims(
  state: EconomyState, equity: Float64Array, perMember: Float64Array, out: Float64Array, marks: Int32Array, mark: number,
): void {
  const { memberOf, coopOf } = state.persons;
  for (const org of state.orgs.all) {
    if (!org.alive || org.kind !== ORG_FIRM) continue;
    const e = Math.max(0, equity[org.id]!);
    let total = 0;
    for (const c of org.contributed) total += c;
    if (total <= 0 || e <= 0) continue;
    for (let k = 0; k < org.holders.length; k++) {
      const p = org.holders[k]!;
      if (marks[p] !== mark) {
        marks[p] = mark;
        out[p] = membershipClaim(memberOf, coopOf, p, perMember);
      }
      out[p]! += (e * org.contributed[k]!) / total;
    }
  }
}

/** Adds to `out` each person's commune share and cooperative membership, at `perMember` each. */
function addMembershipClaims(memberOf: Int32Array, coopOf: Int32Array, count: number, perMember: Float64Array, out: Float64Array): void {
  for (let p = 0; p < count; p++) {
    const m = memberOf[p]!;
    const c = coopOf[p]!;
    if (m >= 0) out[p]! += perMember[m]!;
    if (c >= 0) out[p]! += perMember[c]!;
  }
}

/** Adds to `out` each shareholder's part of its firms' book equity, pro rata to what it contributed. */
function addFirmShareClaims(all: readonly Organisation[], equity: Float64Array, out: Float64Array): void {
  for (const org of all) {
    if (!org.alive || org.kind !== ORG_FIRM) continue;
    const e = Math.max(0, equity[org.id]!);
    let total = 0;
    for (const c of org.contributed) total += c;
    if (total <= 0 || e <= 0) continue;
    for (let k = 0; k < org.holders.length; k++) out[org.holders[k]!]! += (e * org.contributed[k]!) / total;
  }
}

/** Net worth of every person in cents (bond principal as the bond book keeps it: BondBook.personHeldCents). */
export function netWorthCents(state: EconomyState, out: Float64Array, equity = organisationEquity(state)): Float64Array {
  const { persons, ledger } = state;
  out.set(state.bonds.personHeldCents);
  addOrganisationClaims(state, equity, out);
  for (let p = 0; p < persons.count; p++) out[p] = out[p]! + ledger.balance(persons.firstAccount + p);
  return out;
}

/** Commune claims of every person in cents: its share's book equity plus commune bonds held. */
export function communeClaimsCents(
  state: EconomyState, out: Float64Array, equity = organisationEquity(state), kinds = organisationKinds(state),
): Float64Array {
  out.fill(0);
  // The bonds' walk in a function of its own: V8 compiled it on stack at the first sample and
  // kept that code when it deoptimised after the loop, at every later sample (26 times in a
  // mixed 10,000 x 50 y run).
  addCommuneBondHoldings(state, out, kinds);
  return addCommuneShares(state, out, equity, kinds);
}

/** Adds to `out` each commune member's share at book equity (at least 0) divided among members: communeClaimsCents' last term. */
export function addCommuneShares(state: EconomyState, out: Float64Array, equity: Float64Array, kinds: Uint8Array): Float64Array {
  const { persons } = state;
  const { count } = persons;
  const perMember = communeEquityPerMember(state, equity);
  for (let p = 0; p < count; p++) {
    const m = persons.memberOf[p]!;
    if (m >= 0 && kinds[m] === ORG_COMMUNE) out[p]! += perMember[m]!;
  }
  return out;
}

/** Each organisation's kind, indexed by id (the sampling keeps one per sample: `orgKindsAtSample`). */
function organisationKinds(state: EconomyState): Uint8Array {
  return Uint8Array.from(state.orgs.all, (org) => org.kind);
}

/** Adds to `out` the principal of commune bonds each person holds (`kinds`: each organisation's kind by id). */
function addCommuneBondHoldings(state: EconomyState, out: Float64Array, kinds: Uint8Array): void {
  const { persons, bonds } = state;
  const { firstAccount, count } = persons;
  for (let i = 0, activeIds = bonds.active(); i < activeIds.length; i++) {
    const s = activeIds[i]!;
    if (kinds[bonds.issuer[s]!] !== ORG_COMMUNE) continue;
    const end = bonds.firstHolding[s]! + bonds.holdingCount[s]!;
    for (let h = bonds.firstHolding[s]!; h < end; h++) {
      const p = bonds.holder[h]! - firstAccount;
      if (p >= 0 && p < count) out[p]! += bonds.principalCents[h]!;
    }
  }
}
