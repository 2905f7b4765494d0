// MODEL.md 3-5: who possesses an asset. A rental agreement gives possession at a monthly rent
// for a term; ending it (release, eviction, end of term) puts the asset back at auction.
import {
  MODE_PRODUCER, MODE_SELF_EMPLOYED, type PersonTable,
} from '../../model/economy/person-table.ts';
import type { EconomyState } from '../../model/economy/economy-state.ts';

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
  if (productive) {
    persons.asset[person] = asset;
    persons.mode[person] = MODE_PRODUCER;
    // Working commune property makes a non-member a probationer at once (MODEL.md 5).
    const owner = assets.owner[asset]!;
    if (persons.memberOf[person] !== owner && persons.probationOf[person] !== owner) {
      persons.probationOf[person] = owner;
      persons.probationMonths[person] = 0;
    }
  } else {
    persons.home[person] = asset;
  }
}

/** The possessor leaves; a productive possessor falls back on self-employment. */
export function endPossession(state: EconomyState, asset: number): void {
  const { assets, persons } = state;
  const person = assets.possessor[asset]!;
  if (person >= 0) vacate(persons, asset, person, assets.classOf(asset).productive);
  assets.possessor[asset] = -1;
  assets.rentCents[asset] = 0;
  assets.missedRent[asset] = 0;
  assets.vacantMonths[asset] = 0;
  assets.onAuction[asset] = assets.alive[asset]!;
}

function vacate(persons: PersonTable, asset: number, person: number, productive: boolean): void {
  if (productive) {
    if (persons.asset[person] === asset) {
      persons.asset[person] = -1;
      if (persons.mode[person] === MODE_PRODUCER) persons.mode[person] = MODE_SELF_EMPLOYED;
    }
  } else if (persons.home[person] === asset) {
    persons.home[person] = -1;
  }
}
