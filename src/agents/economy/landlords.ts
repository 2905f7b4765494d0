// MODEL.md 4-5, 10.1 and 10.8: whom an asker asks for a new asset, and whether that owner takes
// the rental agreement it offers (rent = the debt service at the expected clearing yield, term = the bond
// maturity). One market for every kind of owner; each kind keeps its own rule for saying yes:
// - a commune houses and equips anyone who asks (MODEL.md 5), if its bonds clear under the rent;
// - a landlord firm lets a home when the rent beats its hurdle yield (a landlord firm is a firm
//   whose assets are homes; it hires nobody); a producing firm lets none (firm/line-of-business.ts);
// - a cooperative lets a home to its own members, and lets a productive asset to anyone out of
//   idle capital when the rent beats the hurdle (MODEL.md 10.8).
// Homes may be asked of the kinds in `housing.owners`; productive assets of communes and of
// cooperatives with idle capital. The asker asks its own commune (member or probationer) for a
// productive asset; otherwise it asks one owner drawn at random among those open to it.
import type { RandomStream } from '../../model/random.ts';
import type { EconomyState } from '../../model/economy/economy-state.ts';
import { FIRM_LINE_LANDLORD, ORG_COMMUNE, ORG_COOPERATIVE, ORG_FIRM, type Organisation } from '../../model/economy/organisation-table.ts';
import { idleCapitalCents, lendsAssetOut, rentBeatsHurdle } from '../cooperative/idle-capital.ts';

/** This month's owners open to askers, listed once per month (ids in id order). */
export interface Landlords {
  communes: Organisation[];
  /** Landlord firms: a producing firm is never asked for a home (MODEL.md 10.1). */
  firms: Organisation[];
  cooperatives: Organisation[];
  /** Cooperatives whose idle capital buys at least the cheapest productive asset (MODEL.md 10.8). */
  lenders: Organisation[];
}

export function newLandlords(): Landlords {
  return { communes: [], firms: [], cooperatives: [], lenders: [] };
}

export function listLandlords(state: EconomyState, out: Landlords): Landlords {
  out.communes.length = 0; out.firms.length = 0; out.cooperatives.length = 0; out.lenders.length = 0;
  let cheapest = Number.POSITIVE_INFINITY;
  for (let c = 0; c < state.classes.length; c++) if (state.classes[c]!.productive) cheapest = Math.min(cheapest, state.assets.classPrice[c]!);
  for (const org of state.orgs.all) {
    if (!org.alive) continue;
    if (org.kind === ORG_COMMUNE) out.communes.push(org);
    else if (org.kind === ORG_FIRM) { if (org.line === FIRM_LINE_LANDLORD) out.firms.push(org); }
    else {
      out.cooperatives.push(org);
      if (state.params.coopRentOut && idleCapitalCents(state, org) >= cheapest) out.lenders.push(org);
    }
  }
  return out;
}

/** The owner person p asks for a new asset of class `cls` at `rentCents`, or undefined. */
export function landlordFor(
  state: EconomyState, p: number, cls: number, rentCents: number, landlords: Landlords, rng: RandomStream,
): Organisation | undefined {
  const { persons, orgs, params } = state;
  if (state.classes[cls]!.productive) {
    const own = persons.memberOf[p]! >= 0 ? persons.memberOf[p]! : persons.probationOf[p]!;
    if (own >= 0 && orgs.get(own).alive) return orgs.get(own);
    const { communes, lenders } = landlords;
    const n = communes.length + lenders.length;
    if (n === 0) return undefined;
    const k = rng.int(n);
    return k < communes.length ? communes[k] : lenders[k - communes.length];
  }
  const kinds = params.homeOwnerKinds;
  const communes = kinds[ORG_COMMUNE] ? landlords.communes.length : 0;
  const firms = kinds[ORG_FIRM] ? landlords.firms.length : 0;
  const coop = kinds[ORG_COOPERATIVE] && persons.coopOf[p]! >= 0 && orgs.get(persons.coopOf[p]!).alive ? 1 : 0;
  const n = communes + firms + coop;
  if (n === 0) return undefined;
  const k = rng.int(n);
  if (k < communes) return landlords.communes[k];
  if (k < communes + firms) return landlords.firms[k - communes];
  return orgs.get(persons.coopOf[p]!);
}

/** Whether a firm or cooperative takes the rental agreement (a commune's test is its bond auction). */
export function takesRentalAgreement(state: EconomyState, owner: Organisation, p: number, cls: number, rentCents: number): boolean {
  if (owner.kind === ORG_FIRM) return owner.line === FIRM_LINE_LANDLORD && !state.classes[cls]!.productive && rentBeatsHurdle(state, cls, rentCents);
  if (owner.kind === ORG_COOPERATIVE) {
    if (!state.classes[cls]!.productive) return state.persons.coopOf[p] === owner.id;
    return state.persons.coopOf[p] !== owner.id && lendsAssetOut(state, owner, cls, rentCents);
  }
  return true;
}
