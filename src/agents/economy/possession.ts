// MODEL.md 3-5, 10.1: who possesses an asset. A rental agreement gives possession of a let
// asset (any home, any commune asset, an enterprise's asset let out) at a monthly rent for a
// term; ending it (release, eviction, end of term) puts the asset back at auction. A firm's or
// cooperative's own asset is worked by its employee or member (`startWork`); when that ends the
// position is vacant, and the asset goes to auction only once its owner lets it out.
import {
  MODE_EMPLOYEE, MODE_MEMBER_WORKER, MODE_PRODUCER, MODE_SELF_EMPLOYED, type PersonTable,
} from '../../model/economy/person-table.ts';
import { attendRentalRules, type EconomyState } from '../../model/economy/economy-state.ts';
import { ORG_COMMUNE } from '../../model/economy/organisation-table.ts';
import { leaveCooperative } from '../cooperative/leaving.ts';

export function grantPossession(state: EconomyState, asset: number, person: number, rentCents: number, termMonths: number): void {
  const { assets, persons } = state;
  const productive = assets.classOf(asset).productive;
  const previous = productive ? persons.asset[person]! : persons.home[person]!;
  if (previous >= 0 && previous !== asset) endPossession(state, previous);
  const incumbent = assets.possessor[asset]!;
  if (incumbent >= 0 && incumbent !== person) endPossession(state, asset);
  assets.possessor[asset] = person;
  assets.rentCents[asset] = rentCents;
  assets.termEndTick[asset] = state.tick + termMonths;
  assets.missedRent[asset] = 0;
  assets.vacantMonths[asset] = 0;
  assets.onAuction[asset] = 0;
  attendRentalRules(state, asset);
  if (productive) {
    // A cooperative member without an asset of its own rents this one for its cooperative
    // (which pays the rent and sells the output); the worker still earns its commune share.
    const coop = persons.coopOf[person]!;
    persons.asset[person] = asset;
    persons.noteEquipment(person);
    persons.assetRentCents[person] = rentCents;
    persons.assetClass[person] = assets.cls[asset]!;
    persons.mode[person] = coop >= 0 ? MODE_MEMBER_WORKER : MODE_PRODUCER;
    persons.employer[person] = coop;
    // Working commune property makes a non-member a probationer at once (MODEL.md 5); renting
    // a firm's or cooperative's asset buys no membership of anything.
    const owner = assets.owner[asset]!;
    if (assets.ownerKind[asset] === ORG_COMMUNE && persons.memberOf[person] !== owner && persons.probationOf[person] !== owner) {
      persons.probationOf[person] = owner;
      persons.probationMonths[person] = 0;
    }
  } else {
    persons.home[person] = asset;
    persons.homeRentCents[person] = rentCents;
    persons.homeClass[person] = assets.cls[asset]!;
  }
}

/**
 * The possessor leaves; a productive possessor falls back on self-employment. A cooperative
 * member who leaves the asset it works leaves the cooperative, unless `keepMembership` (the
 * asset itself is gone: scrapped or sold; the member stays, waiting to be equipped again).
 */
export function endPossession(state: EconomyState, asset: number, keepMembership = false): void {
  const { assets, persons } = state;
  const person = assets.possessor[asset]!;
  const letOut = assets.letOut[asset]!;
  if (person >= 0) {
    // Leaving the asset one works as its cooperative's member is leaving the cooperative (its
    // capital account paid out). A hired non-member's job on it just ends: the test is how the
    // person worked it, not whose member it is now (engine fuzz: a co-op's hired worker admitted
    // as a member left the co-op again when its job ended, and worked on as a member of nothing).
    const asMember = !keepMembership && !letOut && persons.mode[person] === MODE_MEMBER_WORKER && persons.coopOf[person] === assets.owner[asset];
    vacate(persons, asset, person, assets.classOf(asset).productive);
    if (asMember) leaveCooperative(state, person);
  }
  assets.possessor[asset] = -1;
  assets.rentCents[asset] = 0;
  assets.missedRent[asset] = 0;
  assets.vacantMonths[asset] = 0;
  assets.onAuction[asset] = letOut ? assets.alive[asset]! : 0;
  if (assets.onAuction[asset]) state.rentalAuction.ids.push(asset);
  attendRentalRules(state, asset);
  // A firm's or cooperative's own position left vacant: letOutVacantAssets looks at it monthly.
  if (!letOut && assets.ownerKind[asset] !== ORG_COMMUNE) state.vacantPositions.ids.push(asset);
}

/** Puts a person to work on a firm's or cooperative's asset, ending what it worked before. */
export function startWork(state: EconomyState, asset: number, person: number, mode: number): void {
  const { assets, persons } = state;
  const previous = persons.asset[person]!;
  if (previous >= 0 && previous !== asset) endPossession(state, previous);
  assets.possessor[asset] = person;
  assets.rentCents[asset] = 0;
  assets.missedRent[asset] = 0;
  assets.vacantMonths[asset] = 0;
  assets.onAuction[asset] = 0;
  attendRentalRules(state, asset);
  persons.asset[person] = asset;
  persons.noteEquipment(person);
  persons.assetRentCents[person] = 0;
  persons.assetClass[person] = assets.cls[asset]!;
  persons.mode[person] = mode;
  persons.employer[person] = assets.owner[asset]!;
}

/**
 * Tenant and landlord become one (MODEL.md 10.8; a lease ends by "merger" when one party comes
 * to hold both the let estate and the landlord's, as in the common law of leases): the tenant of
 * a cooperative's let productive asset is now a member of that cooperative (admitted to it, or
 * its own cooperative merged with its landlord). A member works its cooperative's assets as a
 * member, never as a tenant (the rental auction's rule), so the lease ends: no rent, no term,
 * no auction at its end. The asset becomes the cooperative's own productive asset and the same
 * person goes on working it as a member-worker. Every path by which a tenant joins its landlord
 * calls this; v3's first version left the lease running, so the cooperative charged itself rent.
 */
export function endLeaseToOwnMember(state: EconomyState, asset: number): void {
  const { assets, persons } = state;
  const person = assets.possessor[asset]!;
  const owner = assets.owner[asset]!;
  if (person < 0 || !assets.letOut[asset] || !assets.classProductive[assets.cls[asset]!] || persons.coopOf[person] !== owner) {
    throw new Error(`asset ${asset} is not let to a member of its owner ${owner}`);
  }
  assets.letOut[asset] = 0;
  // A position again: the labour market's kept list takes it back at its next walk.
  state.positionList.returned.push(asset);
  assets.termEndTick[asset] = 0;
  attendRentalRules(state, asset);
  startWork(state, asset, person, MODE_MEMBER_WORKER);
}

/** The productive asset person p rents from organisation `owner`, or -1. */
export function leasedFrom(state: EconomyState, person: number, owner: number): number {
  const { assets } = state;
  const a = state.persons.asset[person]!;
  return a >= 0 && assets.letOut[a] && assets.owner[a] === owner ? a : -1;
}

function vacate(persons: PersonTable, asset: number, person: number, productive: boolean): void {
  if (productive) {
    if (persons.asset[person] === asset) {
      persons.asset[person] = -1;
      persons.noteEquipment(person);
      const m = persons.mode[person];
      if (m === MODE_PRODUCER || m === MODE_EMPLOYEE || m === MODE_MEMBER_WORKER) persons.mode[person] = MODE_SELF_EMPLOYED;
      persons.employer[person] = -1;
    }
  } else if (persons.home[person] === asset) {
    persons.home[person] = -1;
  }
}
