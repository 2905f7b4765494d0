// MODEL.md 10.4, willingness to pay is the real alternative: what an asset is worth a month to
// whoever would work it is its expected output minus the best open alternative income, wage
// offers included. One rule for every kind's requests and auctions: a person's rental bid and
// request to a commune, and a firm's or cooperative's purchase (whose alternative for the
// position is the wage the worker could earn elsewhere).
import type { EconomyState } from '../../model/economy/economy-state.ts';
import { MODE_EMPLOYEE, MODE_MEMBER_WORKER } from '../../model/economy/person-table.ts';

/** Expected output minus the best alternative, in whole cents a month (may be negative). */
export function surplusOverAlternativeCents(expectedOutputCents: number, alternativeCents: number): number {
  return Math.floor(expectedOutputCents - alternativeCents);
}

/**
 * Person p's best open alternative income a month: self-employment, the best wage offered
 * this month for its skill as far as it could get it (open positions; its own job if it has
 * one), or its cooperative's trailing distribution per member if it is a member. An offer counts
 * at its expected value to whoever is looking (Harris & Todaro 1970, *AER* 60(1)): the chance of
 * landing one of the open positions (`jobFindingChance`) times the wage, else self-employment.
 * Counted in full, a few vacancies of one productive firm set every person's alternative and
 * stopped every request to a commune (MODEL-CHOICES, "The commune sector's wind-down").
 */
export function bestAlternativeIncomeCents(state: EconomyState, p: number): number {
  const { persons, params, orgs } = state;
  const skill = persons.skill[p]!;
  const selfEmployed = (params.baseOutputCents * skill * state.goodsPriceCents) / 100;
  let best = selfEmployed;
  const chance = state.jobFindingChance;
  const offer = chance * state.bestOpenWageRateCents * skill + (1 - chance) * selfEmployed;
  if (offer > best) best = offer;
  const employer = persons.employer[p]!;
  if (employer >= 0) {
    const org = orgs.all[employer]!;
    const mode = persons.mode[p];
    const current = mode === MODE_EMPLOYEE ? org.wageRateCents * skill : mode === MODE_MEMBER_WORKER ? org.trailingDividendMonthly : 0;
    if (current > best) best = current;
  }
  return best;
}

/** Most person p would pay a month for an asset of class c (a home: the rent it saves). */
export function willingnessToPayCents(state: EconomyState, p: number, c: number): number {
  const cls = state.classes[c]!;
  if (!cls.productive) return cls.outputCents;
  const expected = (cls.outputCents * state.persons.skill[p]! * state.goodsPriceCents) / 100;
  return surplusOverAlternativeCents(expected, bestAlternativeIncomeCents(state, p));
}
