// MODEL.md 5: membership is earned by labour only. Working a commune's productive asset is
// qualifying labour; a non-member who works one is a probationer and becomes a member after
// `laborToJoinMonths` (the commune may not refuse); a member without qualifying labour for
// `lapseMonths` loses its share. One share each, never bought: see `buyShare`.
import type { EconomyState } from '../../model/economy/economy-state.ts';
import { HISTORY_MONTHS, ORG_COMMUNE, organisationSize } from '../../model/economy/organisation-table.ts';

/** Moves between communes in the last year, per unordered pair (interrelation, merges). */
export function pairKey(a: number, b: number): number {
  return a < b ? a * 1_048_576 + b : b * 1_048_576 + a;
}

export function creditLabour(state: EconomyState, moves: Map<number, number>): void {
  creditLabourCounting(state, moves, false);
}

/**
 * creditLabour and recountOrganisations in one walk over persons, as the month runs them: each
 * person's count reads only what its own labour credit just wrote.
 */
export function creditLabourAndRecount(state: EconomyState, moves: Map<number, number>): void {
  creditLabourCounting(state, moves, true);
  writeCounts(state);
}

/**
 * Written so that every line runs for every person, each comparison too before it is combined,
 * choosing values rather than branching to code of its own: V8 compiles the loop in the first
 * month, when no one works an asset yet, and each branch first taken later (labour, probation,
 * joining, a lapse, a probationer to count) had no type feedback, so V8 threw the code away
 * there and finished that month interpreted (six times in the first two years of a run). Joins
 * are noted in the loop and told to `moves` after it, in the same order.
 */
function creditLabourCounting(state: EconomyState, moves: Map<number, number>, recount: boolean): void {
  const { persons, assets, params, orgs } = state;
  const COMMUNE = ORG_COMMUNE;
  const { asset, labourMonths, memberOf, memberLaborTick, probationOf, probationMonths, founder } = persons;
  const { owner, ownerKind } = assets;
  const { tick } = state;
  const { laborToJoinMonths, lapseMonths } = params;
  const n = orgs.all.length;
  if (recount) clearCounts(n);
  const counted = counts;
  if (joinedFrom.length < persons.count) {
    joinedFrom = new Int32Array(persons.count);
    joinedTo = new Int32Array(persons.count);
  }
  const from = joinedFrom;
  const to = joinedTo;
  let joins = 0;
  for (let p = 0; p < persons.count; p++) {
    const a = asset[p]!;
    // The commune whose asset p works, or -1 (a person without one reads the first row).
    const row = a >= 0 ? a : 0;
    const communal = ownerKind[row] === COMMUNE;
    const ownerId = owner[row]!;
    const c = a >= 0 && communal ? ownerId : -1;
    const works = c >= 0;
    labourMonths[p]! += works ? 1 : 0;
    const m = memberOf[p]!;
    const ownCommune = m === c;
    const onProbation = works && !ownCommune;
    const probation = probationOf[p]!;
    const sameProbation = probation === c;
    const monthsBefore = probationMonths[p]!;
    const months = (sameProbation ? monthsBefore : 0) + 1;
    const served = months >= laborToJoinMonths;
    const joined = onProbation && served;
    const fromAnother = m >= 0;
    from[joins] = m;
    to[joins] = c;
    joins += joined && fromAnother ? 1 : 0;
    probationOf[p] = onProbation ? (joined ? -1 : c) : probation;
    probationMonths[p] = onProbation ? (joined ? 0 : months) : monthsBefore;
    const tickBefore = memberLaborTick[p]!;
    const laborTick = (works && ownCommune) || joined ? tick : tickBefore;
    memberLaborTick[p] = laborTick;
    const member = joined ? c : m;
    const idle = tick - laborTick >= lapseMonths;
    const lapsed = member >= 0 && idle;
    memberOf[p] = lapsed ? -1 : member;
    const founderBefore = founder[p]!;
    founder[p] = joined || lapsed ? 0 : founderBefore;
    if (recount) countPerson(p, persons, c, counted, n);
  }
  noteMoves(moves, from, to, joins);
}

/** Moves between communes by the month's joins, in the order they joined. */
function noteMoves(moves: Map<number, number>, from: Int32Array, to: Int32Array, joins: number): void {
  for (let j = 0; j < joins; j++) {
    const key = pairKey(from[j]!, to[j]!);
    moves.set(key, (moves.get(key) ?? 0) + 1);
  }
}

/** The month's joins of a member of another commune: its old commune and its new. */
let joinedFrom = new Int32Array(0);
let joinedTo = new Int32Array(0);

/**
 * Members, hired employees and probationers per organisation (scratch: three blocks of one
 * entry per organisation, then one entry that takes the counts of persons with none).
 */
let counts = new Int32Array(64);

function clearCounts(n: number): void {
  if (counts.length < 3 * n + 1) counts = new Int32Array(6 * n + 1);
  counts.fill(0, 0, 3 * n + 1);
}

/** Recounts members (commune shares, cooperative memberships), probationers, hired employees and assets. */
export function recountOrganisations(state: EconomyState): void {
  clearCounts(state.orgs.all.length);
  countPersons(state);
  writeCounts(state);
}

/**
 * Counted in typed arrays, then written to the records once (no object chase per person). The
 * walk has a function of its own, ending with its loop: called only at year end, V8 compiled it
 * on stack at the first call and kept that code, which gave up at the call after the loop at
 * every later call (some 200 deoptimisations a 50-year run).
 */
function countPersons(state: EconomyState): void {
  const { persons, assets } = state;
  const n = state.orgs.all.length;
  const counted = counts;
  const { owner, ownerKind } = assets;
  const { asset, probationOf } = persons;
  for (let p = 0; p < persons.count; p++) {
    // The asset's owner is a random read: only a probationer's is needed.
    const a = probationOf[p]! >= 0 ? asset[p]! : -1;
    const c = a >= 0 && ownerKind[a] === ORG_COMMUNE ? owner[a]! : -1;
    countPerson(p, persons, c, counted, n);
  }
}

/**
 * Adds person `p`, working an asset of commune `worked` (or -1; needed only while p is on
 * probation), to the counts of `n` organisations: a member of its commune share and its
 * cooperative, hired by an employer that is not its cooperative, on probation where it works
 * the organisation's asset. The one rule both the monthly and the year-end recount use. A
 * person without one of these adds to the spare last entry instead.
 */
function countPerson(
  p: number, persons: EconomyState['persons'], worked: number, counted: Int32Array, n: number,
): void {
  const none = 3 * n;
  const m = persons.memberOf[p]!;
  counted[m >= 0 ? m : none]!++;
  const c = persons.coopOf[p]!;
  counted[c >= 0 ? c : none]!++;
  const e = persons.employer[p]!;
  const hiredSlot = n + e;
  const byAnother = e !== c;
  counted[e >= 0 && byAnother ? hiredSlot : none]!++;
  const probation = persons.probationOf[p]!;
  const probationSlot = 2 * n + probation;
  const worksThere = worked === probation;
  counted[probation >= 0 && worksThere ? probationSlot : none]!++;
}

function writeCounts(state: EconomyState): void {
  const n = state.orgs.all.length;
  for (const org of state.orgs.all) {
    org.members = counts[org.id]!;
    org.hired = counts[n + org.id]!;
    org.probationers = counts[2 * n + org.id]!;
    // Kept while alive, so an ended organisation's is its size at exit (organisations.csv sizeAtEnd).
    if (org.alive) org.sizeLastCounted = organisationSize(org);
  }
}

/** Monthly: counts months without assets and rolls the 24-month history used by merge votes. */
export function rollMonthlyHistory(state: EconomyState): void {
  const { orgs, assets } = state;
  const slot = state.tick % HISTORY_MONTHS;
  for (const org of orgs.all) {
    if (!org.alive) continue;
    org.monthsWithoutAssets = assets.ownedBy(org.id) > 0 ? 0 : org.monthsWithoutAssets + 1;
    org.poolIncomeHistory[slot] = org.poolIncomeMonth;
    org.memberHistory[slot] = org.members;
    org.poolIncomeMonth = 0;
  }
}

export class MembershipError extends Error {
  override name = 'MembershipError';
}

/**
 * The manifesto: "ownership in a venture commune can only be acquired by contributions of
 * labor, not property". There is no price at which a share is sold: every attempt is refused.
 */
export function buyShare(_state: EconomyState, _person: number, _commune: number, _offeredCents: number): never {
  throw new MembershipError('a commune share cannot be bought: membership is earned only by labour with commune property');
}
