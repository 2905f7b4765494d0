// MODEL.md 5, at year end: workers found new communes at `foundingRatePerYear` (each by a few
// workers who hold no share yet; founders are members from the start), and a commune fails
// when it has neither members nor probationers, or has had no assets for 12 months, or (any
// month) fails the insolvency test every kind shares. A failing
// commune's assets are liquidated (bondholders first); what is left goes to its members, or
// back to `world` when there is nobody to receive it.
import { FLOW, WORLD } from '../../model/ledger.ts';
import type { RandomStream } from '../../model/random.ts';
import { equalShareCents } from '../../model/market/pro-rata.ts';
import type { EconomyState } from '../../model/economy/economy-state.ts';
import { ORG_COMMUNE, endOrganisation, EXIT_FAILED, type Organisation } from '../../model/economy/organisation-table.ts';
import { liquidateAssetsOf } from './asset-disposal.ts';

export function foundCommune(state: EconomyState, founders: readonly number[]): Organisation {
  const { ledger, orgs, persons } = state;
  const account = ledger.open(2);
  const org = orgs.add(ORG_COMMUNE, account, account + 1, state.tick);
  for (const p of founders) {
    persons.memberOf[p] = org.id;
    persons.founder[p] = 1;
    persons.memberLaborTick[p] = state.tick;
  }
  org.members = founders.length;
  state.counters.founded++;
  return org;
}

/** How many organisations of a kind are founded this year end: the rate's whole part, plus one with its fraction's chance. */
export function foundingsThisYear(ratePerYear: number, rng: RandomStream): number {
  return Math.floor(ratePerYear) + (rng.bernoulli(ratePerYear - Math.floor(ratePerYear)) ? 1 : 0);
}

/**
 * Up to `wanted` distinct founders drawn at random among the persons `eligible` accepts (a
 * capitalist never founds a workers' organisation), giving up after 50 draws per founder.
 */
export function drawFounders(state: EconomyState, rng: RandomStream, wanted: number, eligible: (p: number) => boolean): number[] {
  const { persons } = state;
  const founders: number[] = [];
  for (let tries = 0; tries < 50 * wanted && founders.length < wanted; tries++) {
    const p = rng.int(persons.count);
    if (persons.isCapitalist[p] || !eligible(p) || founders.includes(p)) continue;
    founders.push(p);
  }
  return founders;
}

export function foundNewCommunes(state: EconomyState, rng: RandomStream): void {
  const { params, persons } = state;
  const count = foundingsThisYear(params.foundingRatePerYear, rng);
  for (let k = 0; k < count; k++) {
    const founders = drawFounders(state, rng, params.foundersPerNewCommune, (p) => persons.memberOf[p]! < 0);
    if (founders.length === 0) return;
    const org = foundCommune(state, founders);
    state.events.push({ tick: state.tick, kind: 'founding', org: org.id, other: -1, sizeA: founders.length, sizeB: 0 });
  }
}

export function closeFailedCommunes(state: EconomyState): void {
  for (const org of state.orgs.all) {
    if (!org.alive || org.kind !== ORG_COMMUNE) continue;
    const empty = org.members + org.probationers === 0;
    if (!empty && org.monthsWithoutAssets < 12) continue;
    windUpCommune(state, org);
  }
}

/**
 * Monthly: a commune that fails the insolvency test every kind shares (its own account has not
 * covered what it owes for `graceMonths` months in a row; only a pool that backs its bonds owes
 * anything) is wound up like a failed one.
 */
export function closeInsolventCommunes(state: EconomyState): void {
  for (const org of state.orgs.all) {
    if (org.alive && org.kind === ORG_COMMUNE && org.missedPayments >= state.params.graceMonths) windUpCommune(state, org);
  }
}

// windUpCommune's walks are functions of their own, each ending with its loop: compiled on stack
// in a first winding up, its code had no feedback for what follows a walk and gave it up at
// later ones (Chromium: 5 to 7 deoptimisations a mixed 10,000 x 50 y run, and 6 to 8 compiles).

/** Lists the members of commune `org` into `members`, in person order. */
function listMembersOf(memberOf: Int32Array, count: number, org: number, members: number[]): void {
  for (let p = 0; p < count; p++) if (memberOf[p] === org) members.push(p);
}

/** Ends every probation at commune `org`. */
function endProbations(probationOf: Int32Array, count: number, org: number): void {
  for (let p = 0; p < count; p++) if (probationOf[p] === org) probationOf[p] = -1;
}

/** Liquidates a commune's assets (bondholders first) and shares what is left among its members. */
export function windUpCommune(state: EconomyState, org: Organisation): void {
  const { persons, ledger } = state;
  liquidateAssetsOf(state, org.id);
  if (ledger.balance(org.reserveAccount) > 0) ledger.transfer(org.reserveAccount, org.account, ledger.balance(org.reserveAccount), FLOW.liquidation);
  const members: number[] = [];
  listMembersOf(persons.memberOf, persons.count, org.id, members);
  const { shareCents } = equalShareCents(ledger.balance(org.account), members.length);
  for (const p of members) {
    if (shareCents > 0) ledger.transfer(org.account, persons.firstAccount + p, shareCents, FLOW.dividend);
    // Booked like a dividend, for the person and in the economy's total alike.
    persons.dividendYear[p]! += shareCents;
    state.counters.dividendsYear += shareCents;
    persons.memberOf[p] = -1;
    persons.founder[p] = 0;
  }
  if (ledger.balance(org.account) > 0) ledger.transfer(org.account, WORLD, ledger.balance(org.account), FLOW.other);
  endProbations(persons.probationOf, persons.count, org.id);
  endOrganisation(org, state.tick, EXIT_FAILED);
  state.counters.failed++;
  state.events.push({ tick: state.tick, kind: 'failure', org: org.id, other: -1, sizeA: members.length, sizeB: 0 });
}
