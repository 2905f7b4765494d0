// MODEL.md 5, capitalist firm: the wage rate (per unit of skill, per month) moves 1% a month
// up while a vacancy stays open and down while applicants queue, never below `wageFloor`, so
// wages follow workers' outside options instead of being set by the model. A raise stops at
// what the open position can pay a unit of skill after its capital's user cost; a position
// nobody takes at that wage is given up (idle-capital.ts lets it out), so the firm goes on
// growing elsewhere. A rate above what the firm's best position can pay falls 1% a month.
import type { EconomyState } from '../../model/economy/economy-state.ts';

export const WAGE_STEP = 0.01;

/**
 * Next month's rate. A raise stops at `ceilingCents`, what the position the firm is trying to
 * fill can pay a unit of skill (`wageCeilingOf`: output x the firm's productivity x the goods
 * price, less the capital's user cost): past it every month the position is filled loses money,
 * so the filled job is worth no more than the vacancy (Pissarides 2000, ch. 1, free entry: a
 * vacancy is kept open only while a filled job is worth more; wage posting bounded by the
 * marginal revenue product, Burdett & Mortensen 1998). The ceiling never cuts a wage already
 * paid; `cutToPayable` does, 1% a month.
 */
export function nextWageRate(
  rateCents: number, openVacancies: number, queuedApplicants: number, floorCents: number, step = WAGE_STEP,
  ceilingCents = Number.POSITIVE_INFINITY,
): number {
  let next = rateCents;
  if (openVacancies > 0 && queuedApplicants === 0) next = Math.max(rateCents, Math.min(rateCents * (1 + step), ceilingCents));
  else if (queuedApplicants > 0 && openVacancies === 0) next = rateCents * (1 - step);
  return Math.max(floorCents, next);
}

/** What a unit of skill produces on a position of output `classOutputCents` (goods cents) a month, in cents. */
export function positionValueCents(classOutputCents: number, productivity: number, goodsPriceCents: number): number {
  return (classOutputCents * productivity * goodsPriceCents) / 100;
}

/**
 * Whether a firm paying `rateCents` can no longer raise its offer for a position worth
 * `valueCents`: the next raise would pass the position's value.
 */
export function offerAtPositionValue(rateCents: number, valueCents: number, step = WAGE_STEP): boolean {
  return rateCents * (1 + step) > valueCents;
}

/** An employee's monthly wage: the firm's rate times the employee's skill, in whole cents. */
export function wageCents(rateCents: number, skill: number): number {
  return Math.round(rateCents * skill);
}

/**
 * The most a firm can pay a unit of skill on a position and still cover the position's capital:
 * its value less the user cost of the asset (depreciation plus the hurdle yield on its price:
 * Jorgenson 1963, AER 53(2)). Pissarides' free entry keeps a vacancy open only while the filled
 * job is worth more than the vacancy, and the job must pay for the capital it stands on.
 */
export function positionWageCeilingCents(valueCents: number, priceCents: number, lifeMonths: number, hurdle: number): number {
  return valueCents - priceCents / lifeMonths - (hurdle * priceCents) / 12;
}

/**
 * A rate above what the firm's best position can pay (`payableCents`, its value net of the
 * capital's user cost at the firm's productivity) falls 1% a month toward it, never below the
 * floor: the raise's rule run the other way. Without it a rate, once raised, fell only while
 * applicants queued at a full firm, so a firm whose productivity or goods price fell kept paying
 * more than its positions earned until its cash ran out (issue 14: employer firms failing at
 * 8% a year, the survivors a handful of the most productive).
 */
export function cutToPayable(rateCents: number, payableCents: number, floorCents: number, step = WAGE_STEP): number {
  if (!(rateCents > payableCents)) return rateCents;
  return Math.max(floorCents, payableCents, rateCents * (1 - step));
}

/** The highest rate a firm of `productivity` offers for a position of class `cls`: its value net of the user cost. */
export function wageCeilingOf(state: EconomyState, productivity: number, cls: number, hurdle: number): number {
  const { assets } = state;
  const value = positionValueCents(assets.classOutput[cls]!, productivity, state.goodsPriceCents);
  return positionWageCeilingCents(value, assets.classPrice[cls]!, assets.classLife[cls]!, hurdle);
}
