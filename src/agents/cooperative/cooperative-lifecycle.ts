// MODEL.md 5, cooperative: founded by its member-workers (the initial ones with endowments
// spread evenly from (1 - endowmentSpread) to (1 + endowmentSpread) times the mean, so
// unequal endowments are a parameter, not noise); it fails when it fails the insolvency test
// every kind shares (`graceMonths` months in a row without the cash for what it owes; a series
// behind schedule only costs it that series' asset, defaults.ts) or has no members at year end. A failing cooperative may merge into a healthy
// one (no missed payment, positive trailing net income) if the healthy one's members vote for
// it: one vote each, yes when their income per member would not fall and their cash covers
// the failing one's arrears. Otherwise its assets are liquidated (bondholders first, by the
// shared waterfall) and what is left is divided equally among its members.
import { FLOW, WORLD } from '../../model/ledger.ts';
import type { RandomStream } from '../../model/random.ts';
import { equalShareCents } from '../../model/market/pro-rata.ts';
import type { EconomyState } from '../../model/economy/economy-state.ts';
import { ORG_COOPERATIVE, endOrganisation, EXIT_FAILED, type Organisation } from '../../model/economy/organisation-table.ts';
import { MODE_MEMBER_WORKER, MODE_PRODUCER, MODE_SELF_EMPLOYED, type PersonTable } from '../../model/economy/person-table.ts';
import { liquidateAssetsOf } from '../economy/asset-disposal.ts';
import { drawFounders, foundingsThisYear } from '../economy/founding.ts';
import { absorbHoldings } from '../economy/absorption.ts';
import { endLeaseToOwnMember, leasedFrom } from '../economy/possession.ts';

export function foundCooperative(state: EconomyState, founders: readonly number[], endowmentCents: number): Organisation {
  const { ledger, orgs, persons } = state;
  const account = ledger.open(2);
  const coop = orgs.add(ORG_COOPERATIVE, account, account + 1, state.tick);
  if (endowmentCents > 0) ledger.transfer(WORLD, coop.account, endowmentCents, FLOW.endowment);
  const each = founders.length > 0 ? Math.floor(endowmentCents / founders.length) : 0;
  for (const p of founders) {
    persons.coopOf[p] = coop.id;
    persons.noteEquipment(p);
    persons.capitalAccountCents[p] = each;
  }
  coop.members = founders.length;
  state.counters.coopsFounded++;
  return coop;
}

/** Year end: workers found new cooperatives (founders: self-employed persons in no cooperative). */
export function foundNewCooperatives(state: EconomyState, rng: RandomStream): void {
  const { params, persons } = state;
  const count = foundingsThisYear(params.coopFoundingRatePerYear, rng);
  for (let k = 0; k < count; k++) {
    const founders = drawFounders(state, rng, params.foundersPerNewCoop, (p) => persons.coopOf[p]! < 0 && persons.mode[p] === MODE_SELF_EMPLOYED);
    if (founders.length === 0) return;
    const coop = foundCooperative(state, founders, 0);
    state.events.push({ tick: state.tick, kind: 'founding', org: coop.id, other: -1, sizeA: founders.length, sizeB: 0 });
  }
}

function mergeInto(state: EconomyState, healthy: Organisation, failing: Organisation): void {
  const { ledger, persons, counters } = state;
  const sizeA = healthy.members;
  const sizeB = failing.members;
  if (ledger.balance(failing.account) > 0) ledger.transfer(failing.account, healthy.account, ledger.balance(failing.account), FLOW.other);
  absorbHoldings(state, failing, healthy);
  // Bonds it bought with idle capital go with its cash (MODEL.md 10.8).
  if (failing.lender) state.bonds.reassignHoldings(failing.account, [healthy.account]);
  if (failing.lender && !healthy.lender) { healthy.lender = true; state.orgs.lenders++; }
  for (let p = 0; p < persons.count; p++) {
    if (persons.coopOf[p] === failing.id) persons.coopOf[p] = healthy.id;
    if (persons.employer[p] === failing.id) persons.employer[p] = healthy.id;
    // A member of either who rented the other's asset is now a member of its landlord: the
    // lease ends and the asset is worked as the merged cooperative's own (MODEL.md 10.8).
    if (persons.coopOf[p] === healthy.id) {
      const leased = leasedFrom(state, p, healthy.id);
      if (leased >= 0) endLeaseToOwnMember(state, leased);
    }
  }
  healthy.members += failing.members;
  healthy.hired += failing.hired;
  healthy.trailingNetIncome += failing.trailingNetIncome;
  counters.coopMerges++;
  state.events.push({ tick: state.tick, kind: 'merge', org: healthy.id, other: failing.id, sizeA, sizeB });
}

/** The healthy cooperative whose members vote to absorb `failing`, or undefined. */
function rescuer(state: EconomyState, failing: Organisation): Organisation | undefined {
  const arrears = failing.wagesMonth + failing.serviceMonth;
  let best: Organisation | undefined;
  for (const org of state.orgs.all) {
    if (!org.alive || org.kind !== ORG_COOPERATIVE || org === failing || org.missedPayments > 0) continue;
    if (!(org.trailingNetIncome > 0) || org.members === 0) continue;
    if (state.ledger.balance(org.account) < arrears) continue;
    // Every member's share moves with income per member (equal or by-skill): the vote is unanimous.
    const perMemberAfter = (org.trailingNetIncome + failing.trailingNetIncome) / (org.members + failing.members);
    if (perMemberAfter < org.trailingNetIncome / org.members) continue;
    if (best === undefined || org.trailingNetIncome / org.members > best.trailingNetIncome / best.members) best = org;
  }
  return best;
}

/**
 * Lists the members of cooperative `coop` into `members` and releases them, their capital
 * accounts and buy-ins closed. A function of its own, ending with its loop: compiled on stack in
 * a first long walk, liquidateCooperative kept that code and gave it up after the loop at each
 * later liquidation (Chromium: up to 51 deoptimisations a mixed 10,000 x 50 y run).
 */
function releaseMembers(persons: PersonTable, coop: number, members: number[]): void {
  for (let p = 0; p < persons.count; p++) {
    if (persons.coopOf[p] !== coop) continue;
    members.push(p);
    persons.coopOf[p] = -1;
    persons.noteEquipment(p);
    persons.capitalAccountCents[p] = 0;
    persons.buyInOwedCents[p] = 0;
    persons.buyInInstalmentCents[p] = 0;
  }
}

export function liquidateCooperative(state: EconomyState, coop: Organisation): void {
  const { persons, ledger, counters } = state;
  const members: number[] = [];
  releaseMembers(persons, coop.id, members);
  liquidateAssetsOf(state, coop.id);
  // Bonds it bought with idle capital are divided among its members in kind, holding by holding
  // in turn (there is no market to sell them in); without members they go on to `world`.
  if (coop.lender) state.bonds.reassignHoldings(coop.account, members.length > 0 ? members.map((p) => persons.firstAccount + p) : [WORLD]);
  const { shareCents } = equalShareCents(ledger.balance(coop.account), members.length);
  for (const p of members) {
    if (shareCents > 0) ledger.transfer(coop.account, persons.firstAccount + p, shareCents, FLOW.liquidation);
    // A commune asset worked for the cooperative stays with the worker, now alone.
    if (persons.mode[p] === MODE_MEMBER_WORKER) persons.mode[p] = persons.asset[p]! >= 0 ? MODE_PRODUCER : MODE_SELF_EMPLOYED;
    if (persons.employer[p] === coop.id) persons.employer[p] = -1;
  }
  if (ledger.balance(coop.account) > 0) ledger.transfer(coop.account, WORLD, ledger.balance(coop.account), FLOW.other);
  coop.members = 0;
  endOrganisation(coop, state.tick, EXIT_FAILED);
  counters.coopsFailed++;
  state.events.push({ tick: state.tick, kind: 'failure', org: coop.id, other: -1, sizeA: members.length, sizeB: 0 });
}

/** Monthly: cooperatives that missed payments for `graceMonths` merge or fail. */
export function resolveFailingCooperatives(state: EconomyState): void {
  for (const coop of state.orgs.all) {
    if (!coop.alive || coop.kind !== ORG_COOPERATIVE || coop.missedPayments < state.params.graceMonths) continue;
    const healthy = state.params.coopMerges ? rescuer(state, coop) : undefined;
    if (healthy !== undefined) mergeInto(state, healthy, coop);
    else liquidateCooperative(state, coop);
  }
}

/** Year end: a cooperative without members winds up. */
export function closeEmptyCooperatives(state: EconomyState): void {
  for (const coop of state.orgs.all) if (coop.alive && coop.kind === ORG_COOPERATIVE && coop.members === 0) liquidateCooperative(state, coop);
}
