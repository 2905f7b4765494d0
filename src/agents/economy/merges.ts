// MODEL.md 5, commune merges: our assumption, not the manifesto's (which says only that
// interrelated communes merge). Interrelation of a pair = cross-held bonds / their total bonds
// + (members who moved or rent across the pair in the last 12 months) / their members. Once a
// year each pair above `mergeThreshold` votes, most interrelated first, each commune at most
// once; a member votes yes when the mean minus one standard deviation of its projected monthly
// (dividend - rent), on the pooled history of the last 24 months, is not worse than its current
// value by more than `solidarity x |current|` (MODEL.md 10.6, see votesYes). A majority in both
// merges them into the larger.
import { FLOW } from '../../model/ledger.ts';
import type { EconomyState } from '../../model/economy/economy-state.ts';
import { HISTORY_MONTHS, ORG_COMMUNE, type Organisation } from '../../model/economy/organisation-table.ts';
import { sqrt } from '../../model/detmath.ts';
import { grown } from '../../model/grown.ts';
import { pairKey } from './membership.ts';
import { absorbHoldings } from './absorption.ts';

/** Scratch by organisation id: its place among the communes alive (-1: not one). */
let placeOf = new Int32Array(64);

/**
 * Each walk below has a function of its own, ending with its loop: run once a year, V8 compiled
 * the whole on stack in its first long walk and kept that code, which gave up at the next walk
 * at every later call (Chromium: 12-65 deoptimisations a mixed 10,000 x 50 y run, each at the
 * same place). The scratch grows through `grown`, whose growth has run before (its feedback is
 * shared by every table): grown in place here, the growth ran first in the optimised code and
 * threw it away.
 */
export function interrelations(state: EconomyState, moves: ReadonlyMap<number, number>): Map<number, number> {
  const { orgs } = state;
  // Only pairs of communes alive vote: dense pair tables over their places in id order
  // (cross[i * k + j], i < j as ids), not over every organisation ever founded (3 MB a year
  // at 430), and only their series are walked.
  const n = orgs.all.length;
  const communes = orgs.aliveOfKind(ORG_COMMUNE);
  const k = communes.length;
  placeOf = grown(placeOf, n);
  placeOf.fill(-1, 0, n);
  placeCommunes(communes, placeOf);
  const crossBonds = new Float64Array(k * k);
  const crossing = new Float64Array(k * k);
  const totalBonds = new Float64Array(k);
  sumCommuneBonds(state, placeOf, k, crossBonds, totalBonds);
  addMoves(moves, placeOf, k, crossing);
  addWorkCrossings(state, placeOf, k, crossing);
  return pairValues(communes, k, crossBonds, crossing, totalBonds);
}

function placeCommunes(communes: readonly Organisation[], place: Int32Array): void {
  for (let i = 0; i < communes.length; i++) place[communes[i]!.id] = i;
}

/** Each commune's bonds outstanding, and those held by members of another commune, by pair. */
function sumCommuneBonds(state: EconomyState, place: Int32Array, k: number, crossBonds: Float64Array, totalBonds: Float64Array): void {
  const { bonds, persons } = state;
  for (let i = 0, activeIds = bonds.active(); i < activeIds.length; i++) {
    const s = activeIds[i]!;
    const issuer = bonds.issuer[s]!;
    const at = place[issuer]!;
    if (at < 0) continue;
    const end = bonds.firstHolding[s]! + bonds.holdingCount[s]!;
    for (let h = bonds.firstHolding[s]!; h < end; h++) {
      const principal = bonds.principalCents[h]!;
      totalBonds[at]! += principal;
      const p = persons.personOf(bonds.holder[h]!);
      const m = p >= 0 ? persons.memberOf[p]! : -1;
      const mAt = m >= 0 ? place[m]! : -1;
      if (mAt >= 0 && m !== issuer) crossBonds[Math.min(mAt, at) * k + Math.max(mAt, at)]! += principal;
    }
  }
}

/** The year's moves between communes, by ordered pair (from, to). */
function addMoves(moves: ReadonlyMap<number, number>, place: Int32Array, k: number, crossing: Float64Array): void {
  for (const [key, count] of moves) {
    const from = place[Math.floor(key / 1_048_576)]!;
    const to = place[key % 1_048_576]!;
    if (from >= 0 && to >= 0) crossing[from * k + to]! += count;
  }
}

/** Members working an asset of another commune, by pair. */
function addWorkCrossings(state: EconomyState, place: Int32Array, k: number, crossing: Float64Array): void {
  const { persons, assets } = state;
  for (let p = 0; p < persons.count; p++) {
    const m = persons.memberOf[p]!;
    const a = persons.asset[p]!;
    if (m >= 0 && a >= 0 && assets.owner[a] !== m) {
      const mAt = place[m]!;
      const oAt = place[assets.owner[a]!]!;
      if (mAt >= 0 && oAt >= 0) crossing[Math.min(mAt, oAt) * k + Math.max(mAt, oAt)]! += 1;
    }
  }
}

function pairValues(
  communes: readonly Organisation[], k: number, crossBonds: Float64Array, crossing: Float64Array, totalBonds: Float64Array,
): Map<number, number> {
  const out = new Map<number, number>();
  for (let i = 0; i < k; i++) {
    for (let j = i + 1; j < k; j++) {
      const a = communes[i]!;
      const b = communes[j]!;
      const cell = i * k + j;
      const bondsTotal = totalBonds[i]! + totalBonds[j]!;
      const members = a.members + b.members;
      const value = (bondsTotal > 0 ? crossBonds[cell]! / bondsTotal : 0) + (members > 0 ? crossing[cell]! / members : 0);
      if (value > 0) out.set(pairKey(a.id, b.id), value);
    }
  }
  return out;
}

/** Mean and standard deviation of the pooled monthly pool income per member. */
function pooledDividend(a: Organisation, b: Organisation): { mean: number; sd: number } {
  let n = 0, sum = 0, sumSq = 0;
  for (let m = 0; m < HISTORY_MONTHS; m++) {
    const members = a.memberHistory[m]! + b.memberHistory[m]!;
    if (members <= 0) continue;
    const d = (a.poolIncomeHistory[m]! + b.poolIncomeHistory[m]!) / members;
    n++; sum += d; sumSq += d * d;
  }
  if (n === 0) return { mean: 0, sd: 0 };
  const mean = sum / n;
  return { mean, sd: sqrt(Math.max(0, sumSq / n - mean * mean)) };
}

/**
 * MODEL.md 10.6: yes when the lower bound of the projected monthly net (dividend - rent) is not
 * worse than the current net by more than `solidarity x |current|`: for a net receiver exactly
 * v2's `projected >= (1 - solidarity) x current`, which for a net payer (current < 0) demanded
 * a net better than now (at solidarity 0.5 a member paying 100 a month voted no to a merge that
 * cut it to 60). MODEL.md 10.6 writes the tolerance `(1 - solidarity) x |current|`; the two agree
 * at the default 0.5, and this one keeps solidarity meaning what the schema says (more
 * solidarity, more loss accepted for the pooled community; docs/MODEL-CHOICES.md).
 */
export function votesYes(projectedLowCents: number, currentCents: number, solidarity: number): boolean {
  return projectedLowCents >= currentCents - solidarity * Math.abs(currentCents);
}

// The walks over persons below are functions of their own, each ending with its loop: merges
// are rare, and V8 compiled a first vote's or merge's loop on stack and kept that code when it
// deoptimised after the loop (where the code, not yet run, had no type feedback), so later
// votes and merges deoptimised there (44 and 17 times in mixed 10,000 x 50 y runs).

/** Yes votes and voters of one commune's members on merging with `other`. */
export function tallyVotes(state: EconomyState, commune: Organisation, other: Organisation): { yes: number; voters: number } {
  const voters = countMembers(state.persons.memberOf, state.persons.count, commune.id);
  const yes = countYesVotes(state, commune, pooledDividend(commune, other));
  return { yes, voters };
}

function countMembers(memberOf: Int32Array, count: number, communeId: number): number {
  let members = 0;
  for (let p = 0; p < count; p++) if (memberOf[p] === communeId) members++;
  return members;
}

function countYesVotes(state: EconomyState, commune: Organisation, pooled: { mean: number; sd: number }): number {
  const { persons, assets, params } = state;
  let yes = 0;
  for (let p = 0; p < persons.count; p++) {
    if (persons.memberOf[p] !== commune.id) continue;
    let rent = 0;
    if (persons.asset[p]! >= 0) rent += assets.rentCents[persons.asset[p]!]!;
    if (persons.home[p]! >= 0) rent += assets.rentCents[persons.home[p]!]!;
    const current = commune.dividendPerMemberMonthly - rent;
    const projected = pooled.mean - pooled.sd - rent;
    if (votesYes(projected, current, params.solidarity)) yes++;
  }
  return yes;
}

export function mergeCommunes(state: EconomyState, absorber: Organisation, absorbed: Organisation): void {
  const { persons, ledger } = state;
  const sizeA = absorber.members;
  const sizeB = absorbed.members;
  moveMembers(persons.memberOf, persons.probationOf, persons.count, absorbed.id, absorber.id);
  absorbHoldings(state, absorbed, absorber);
  const pool = ledger.balance(absorbed.account);
  if (pool > 0) ledger.transfer(absorbed.account, absorber.account, pool, FLOW.other);
  const reserve = ledger.balance(absorbed.reserveAccount);
  if (reserve > 0) ledger.transfer(absorbed.reserveAccount, absorber.reserveAccount, reserve, FLOW.other);
  for (let m = 0; m < HISTORY_MONTHS; m++) {
    absorber.poolIncomeHistory[m]! += absorbed.poolIncomeHistory[m]!;
    absorber.memberHistory[m]! += absorbed.memberHistory[m]!;
  }
  absorber.members += absorbed.members;
  absorbed.members = 0;
  state.counters.merged++;
  state.events.push({ tick: state.tick, kind: 'merge', org: absorber.id, other: absorbed.id, sizeA, sizeB });
}

/** The absorbed commune's members and probationers become the absorber's. */
function moveMembers(memberOf: Int32Array, probationOf: Int32Array, count: number, fromId: number, toId: number): void {
  for (let p = 0; p < count; p++) {
    if (memberOf[p] === fromId) memberOf[p] = toId;
    if (probationOf[p] === fromId) probationOf[p] = toId;
  }
}

export function holdMergeVotes(state: EconomyState, moves: ReadonlyMap<number, number>): void {
  if (!state.params.merges) return;
  const { orgs, params } = state;
  const related = interrelations(state, moves);
  const candidates = [...related.entries()]
    .filter(([, v]) => v > params.mergeThreshold)
    .sort((x, y) => y[1] - x[1] || x[0] - y[0]);
  const done = new Set<number>();
  for (const [key] of candidates) {
    const a = orgs.get(Math.floor(key / 1_048_576));
    const b = orgs.get(key % 1_048_576);
    if (done.has(a.id) || done.has(b.id) || !a.alive || !b.alive) continue;
    done.add(a.id);
    done.add(b.id);
    const va = tallyVotes(state, a, b);
    const vb = tallyVotes(state, b, a);
    if (2 * va.yes <= va.voters || 2 * vb.yes <= vb.voters) continue;
    const [absorber, absorbed] = a.members >= b.members ? [a, b] : [b, a];
    mergeCommunes(state, absorber, absorbed);
  }
}
