// MODEL.md 5, cooperative: an applicant is admitted when income per member does not fall
// (its expected output on the asset it would work, less that asset's depreciation and, for a
// new asset, interest at the base yield, against the trailing net income per member). It pays
// 25% of the buy-in (equity per member) up front; the rest is withheld from its distributions.
// The asset is the one the applicant rents from the cooperative (its lease ends: MODEL.md 10.8,
// possession.ts), else a vacant one of the cooperative, else a new one bought with member
// capital or by a bond issue (an admission can trigger a bond issue). Members still without an asset
// (founders) are equipped the same way, one a month per cooperative.
import { FLOW } from '../../model/ledger.ts';
import { grown } from '../../model/grown.ts';
import { payReserved, releaseReserved, reserveCents } from '../../model/market/reservation.ts';
import type { RandomStream } from '../../model/random.ts';
import type { EconomyState } from '../../model/economy/economy-state.ts';
import type { Organisation } from '../../model/economy/organisation-table.ts';
import { ORG_COOPERATIVE } from '../../model/economy/organisation-table.ts';
import { MODE_MEMBER_WORKER } from '../../model/economy/person-table.ts';
import { acquireAssetFor } from '../economy/enterprise-acquisition.ts';
import { endLeaseToOwnMember, leasedFrom, startWork } from '../economy/possession.ts';
import type { SaverQueue } from '../economy/savers.ts';
import { admitsMember, buyInTerms } from './admission.ts';
import { leaveCooperative } from './leaving.ts';

/**
 * Expected monthly net addition of person p on a new asset of class c (after depreciation and
 * interest), in an enterprise of the given productivity (enterprise-productivity.ts).
 */
function addedNetIncomeCents(state: EconomyState, p: number, c: number, financed: boolean, productivity: number): number {
  const { assets, params } = state;
  const output = (assets.classOutput[c]! * state.persons.skill[p]! * productivity * state.goodsPriceCents) / 100;
  const interest = financed ? (assets.classPrice[c]! * params.baseYield) / 12 : 0;
  return output - assets.classPrice[c]! / assets.classLife[c]! - interest;
}

/** The productive class that adds most to a member's net income. */
export function bestClassFor(state: EconomyState, p: number, productivity = 1): number {
  let best = -1, value = Number.NEGATIVE_INFINITY;
  for (let c = 0; c < state.classes.length; c++) {
    if (!state.classes[c]!.productive) continue;
    const v = addedNetIncomeCents(state, p, c, true, productivity);
    if (v > value) { value = v; best = c; }
  }
  return best;
}

/**
 * Tries to admit person p into `coop`; `vacant` lists the cooperative's vacant assets. The
 * up-front buy-in is reserved before the bond auction a new asset may trigger (MODEL.md 10.7):
 * the applicant may be one of that auction's savers, and must not lend away its buy-in.
 */
export function admitMember(
  state: EconomyState, coop: Organisation, p: number, equityCents: number, vacant: number[], queue: SaverQueue, rng: RandomStream,
): boolean {
  const { persons, ledger, assets, holdAccount } = state;
  const terms = buyInTerms(Math.max(0, equityCents), coop.members);
  const payer = persons.firstAccount + p;
  if (ledger.balance(payer) < terms.upfrontCents) return false;
  // A tenant of this cooperative joins on the asset it rents from it (endLeaseToOwnMember): the
  // cooperative gains its output and loses its rent; it bore the depreciation already.
  const leased = leasedFrom(state, p, coop.id);
  const reused = leased >= 0 ? leased : vacant.length > 0 ? vacant[vacant.length - 1]! : -1;
  const cls = reused >= 0 ? assets.cls[reused]! : bestClassFor(state, p, coop.productivity);
  if (cls < 0) return false;
  // Output at the cooperative's productivity (enterprise-productivity.ts).
  const output = (assets.classOutput[cls]! * persons.skill[p]! * coop.productivity * state.goodsPriceCents) / 100;
  const added = leased >= 0 ? output - assets.rentCents[leased]! : addedNetIncomeCents(state, p, cls, reused < 0, coop.productivity);
  if (!admitsMember(coop.trailingNetIncome, coop.members, added)) return false;
  reserveCents(ledger, holdAccount, payer, terms.upfrontCents);
  let asset = reused;
  if (asset < 0) {
    asset = acquireAssetFor(state, coop, cls, output, queue, rng);
    if (asset < 0) {
      releaseReserved(ledger, holdAccount, payer, terms.upfrontCents);
      return false;
    }
  } else if (leased < 0) vacant.pop();
  if (persons.coopOf[p]! >= 0) leaveCooperative(state, p);
  payReserved(ledger, holdAccount, coop.account, terms.upfrontCents, FLOW['buy-in']);
  // Its lending budget this month can no longer exceed the cash it has left.
  persons.bondBudget[p] = Math.min(persons.bondBudget[p]!, ledger.balance(payer));
  persons.coopOf[p] = coop.id;
  persons.noteEquipment(p);
  persons.capitalAccountCents[p] = terms.upfrontCents;
  persons.buyInOwedCents[p] = terms.totalCents - terms.upfrontCents;
  persons.buyInInstalmentCents[p] = terms.instalmentCents;
  coop.members++;
  if (leased >= 0) endLeaseToOwnMember(state, leased);
  else startWork(state, asset, p, MODE_MEMBER_WORKER);
  return true;
}

/** Scratch by organisation id: a cooperative that equipped a member this month. */
let equipped = new Uint8Array(64);
/** Scratch: this month's members without an asset, in person order. */
let unequipped = new Int32Array(64);

/**
 * Lists the members without an asset (a few hundred of 10,000 persons), in id order, from the
 * person table's kept bits (PersonTable.unequippedMember), not a walk of every person. Equipping
 * one changes no other person's membership or asset, so walking the list is walking the persons.
 */
function listUnequipped(words: Int32Array): number {
  const list = unequipped = grown(unequipped, 32 * words.length);
  let n = 0;
  // The set bits low to high, as drainMarks reads them (id-marks.ts), without clearing them.
  for (let w = 0; w < words.length; w++) {
    let x = words[w]!;
    while (x !== 0) {
      const lowest = x & -x;
      list[n++] = (w << 5) + 31 - Math.clz32(lowest);
      x ^= lowest;
    }
  }
  return n;
}

/** Members without an asset (founders of a new cooperative) get one: one a month per cooperative. */
export function equipMembers(state: EconomyState, vacantByOrg: number[][], queue: SaverQueue, rng: RandomStream): void {
  const { persons, orgs, assets } = state;
  // Grown by the shared `grown` (warm type feedback: a growth mid-run does not deoptimise this).
  equipped = grown(equipped, orgs.all.length);
  const done = equipped;
  done.fill(0, 0, orgs.all.length);
  // The person table's columns are fixed for the run.
  const { coopOf, asset: worked } = persons;
  const n = listUnequipped(persons.unequippedMember);
  const list = unequipped;
  for (let k = 0; k < n; k++) {
    const p = list[k]!;
    const c = coopOf[p]!;
    if (c < 0 || worked[p]! >= 0 || done[c]) continue;
    const coop = orgs.get(c);
    if (!coop.alive || coop.kind !== ORG_COOPERATIVE) continue;
    done[c] = 1;
    const vacant = vacantByOrg[c]!;
    let asset = vacant.length > 0 ? vacant.pop()! : -1;
    if (asset < 0) {
      const cls = bestClassFor(state, p, coop.productivity);
      if (cls < 0) continue;
      const output = (assets.classOutput[cls]! * persons.skill[p]! * coop.productivity * state.goodsPriceCents) / 100;
      asset = acquireAssetFor(state, coop, cls, output, queue, rng);
    }
    if (asset >= 0) startWork(state, asset, p, MODE_MEMBER_WORKER);
  }
}
