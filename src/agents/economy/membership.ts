// MODEL.md 5: membership is earned by labour only. Working a commune's productive asset is
// qualifying labour; a non-member who works one is a probationer and becomes a member after
// `laborToJoinMonths` (the commune may not refuse); a member without qualifying labour for
// `lapseMonths` loses its share. One share each, never bought: see `buyShare`.
import type { EconomyState } from '../../model/economy/economy-state.ts';
import { HISTORY_MONTHS, ORG_COMMUNE, organisationSize } from '../../model/economy/organisation-table.ts';
import { closeRentFold, foldRentIntoPerson, settleRent } from './rent-collection.ts';

/** Moves between communes in the last year, per unordered pair (interrelation, merges). */
export function pairKey(a: number, b: number): number {
  return a < b ? a * 1_048_576 + b : b * 1_048_576 + a;
}

export function creditLabour(state: EconomyState, moves: Map<number, number>): void {
  creditLabourCounting(state, moves, false, communesWorked(state));
}

/**
 * The month's rent (rent-collection.ts), labour credit and recountOrganisations, with one walk
 * over persons for the three, as the month runs them: each person's rent fold reads its
 * membership before its labour credit changes it, and its count reads only what its own labour
 * credit just wrote. The rent's walk over assets writes the commune whose asset each person
 * works, which the labour credit reads.
 */
export function collectRentCreditLabourAndRecount(state: EconomyState, moves: Map<number, number>): void {
  creditLabourCounting(state, moves, true, settleRent(state));
  closeRentFold(state);
  writeCounts(state);
}

let workedScratch = new Int32Array(0);

/** The commune whose asset each person works, or -1, read from the asset table. */
function communesWorked(state: EconomyState): Int32Array {
  const { persons, assets } = state;
  if (workedScratch.length < persons.count) workedScratch = new Int32Array(persons.count);
  for (let p = 0; p < persons.count; p++) {
    const a = persons.asset[p]!;
    workedScratch[p] = a >= 0 && assets.ownerKind[a] === ORG_COMMUNE ? assets.owner[a]! : -1;
  }
  return workedScratch;
}

/**
 * Persons per call of creditLabourRange. The walk runs in ranges, each a call: a function whose
 * one long loop runs once a month is compiled on stack (OSR) within its first month and compiled
 * again as a whole at a later call, and again both ways after each deoptimisation. This walk meets
 * a new path every few months as the economy forms (the first rent, employer, membership earned,
 * lapse, move, pool rent from a non-member), each without type feedback until then: as one
 * function V8 compiled it 12 times in the bench's single mixed 10,000 x 50 y run (7 whole, 5 on
 * stack) and Chromium 8-10 times (TurboFan, 280-420 ms), beside Maglev's. Called some 20 times
 * a month, a range is compiled as a whole from its call count, once for each new path, and
 * after a deoptimisation the month's next range runs the new code. The ranges run in person
 * order, so every sum, count and move is made in the same order as one walk.
 */
const RANGE = 512;

function creditLabourCounting(state: EconomyState, moves: Map<number, number>, recount: boolean, worked: Int32Array): void {
  const n = state.orgs.all.length;
  if (recount) clearCounts(n);
  const count = state.persons.count;
  for (let from = 0; from < count; from += RANGE) creditLabourRange(state, moves, recount, worked, n, from, Math.min(count, from + RANGE));
}

function creditLabourRange(
  state: EconomyState, moves: Map<number, number>, recount: boolean, worked: Int32Array, n: number, from: number, to: number,
): void {
  const { persons, params } = state;
  const { labourMonths, memberOf, memberLaborTick, probationOf, probationMonths, founder, coopOf, employer } = persons;
  const { tick } = state;
  const { laborToJoinMonths, lapseMonths } = params;
  const counted = counts;
  for (let p = from; p < to; p++) {
    if (recount) foldRentIntoPerson(p);
    const c = worked[p]!;
    if (c >= 0) {
      labourMonths[p]!++;
      if (memberOf[p] === c) {
        memberLaborTick[p] = tick;
      } else {
        if (probationOf[p] !== c) {
          probationOf[p] = c;
          probationMonths[p] = 0;
        }
        probationMonths[p]!++;
        if (probationMonths[p]! >= laborToJoinMonths) {
          const previous = memberOf[p]!;
          if (previous >= 0) moves.set(pairKey(previous, c), (moves.get(pairKey(previous, c)) ?? 0) + 1);
          memberOf[p] = c;
          founder[p] = 0;
          memberLaborTick[p] = tick;
          probationOf[p] = -1;
          probationMonths[p] = 0;
        }
      }
    }
    if (memberOf[p]! >= 0 && tick - memberLaborTick[p]! >= lapseMonths) {
      memberOf[p] = -1;
      founder[p] = 0;
    }
    if (recount) countPerson(p, memberOf, coopOf, employer, probationOf, c, counted, n);
  }
}

/**
 * Members, hired employees and probationers per organisation (scratch: three blocks of one entry
 * per organisation), and a spare entry after them (countPerson).
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
  const { asset, probationOf, memberOf, coopOf, employer } = persons;
  for (let p = 0; p < persons.count; p++) {
    // The asset's owner is a random read: only a probationer's is needed.
    const a = probationOf[p]! >= 0 ? asset[p]! : -1;
    const c = a >= 0 && ownerKind[a] === ORG_COMMUNE ? owner[a]! : -1;
    countPerson(p, memberOf, coopOf, employer, probationOf, c, counted, n);
  }
}

/**
 * Adds person `p`, working an asset of commune `worked` (or -1; needed only while p is on
 * probation), to the counts of `n` organisations: a member of its commune share and its
 * cooperative, hired by an employer that is not its cooperative, on probation where it works
 * the organisation's asset. The one rule both the monthly and the year-end recount use. The
 * columns are the caller's locals: inlined in its loop, each `persons.memberOf` and the like was
 * a map check and a field load, every person.
 */
function countPerson(
  p: number, memberOf: Int32Array, coopOf: Int32Array, employer: Int32Array, probationOf: Int32Array,
  worked: number, counted: Int32Array, n: number,
): void {
  const m = memberOf[p]!;
  if (m >= 0) counted[m]!++;
  const c = coopOf[p]!;
  if (c >= 0) counted[c]!++;
  const e = employer[p]!;
  // Hired: counted at n + e, else at the spare entry past the counts, choosing the index, not
  // branching: mixed hires its first employee after V8 has optimised the labour credit's walk
  // (which inlines this), and a branch of its own had no type feedback there.
  const hired = (e >= 0 ? 1 : 0) & (e !== c ? 1 : 0);
  const hiredAt = n + e;
  const spare = 3 * n;
  counted[hired === 1 ? hiredAt : spare]!++;
  const probation = probationOf[p]!;
  if (probation >= 0 && worked === probation) counted[2 * n + probation]!++;
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
