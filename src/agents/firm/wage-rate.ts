// MODEL.md 5, capitalist firm: the wage rate (per unit of skill, per month) moves 1% a month
// up while a vacancy stays open and down while applicants queue, never below `wageFloor`, so
// wages follow workers' outside options instead of being set by the model. A raise stops at
// what a unit of skill produces on the open position (its value); a position nobody takes at
// that wage is given up (idle-capital.ts lets it out), so the firm goes on growing elsewhere.

export const WAGE_STEP = 0.01;

/**
 * Next month's rate. A raise stops at `ceilingCents`, the value a unit of skill produces on the
 * position the firm is trying to fill (output x the firm's productivity x the goods price): past
 * it every month the position is filled loses money, so the filled job is worth no more than the
 * vacancy (Pissarides 2000, ch. 1, free entry: a vacancy is kept open only while a filled job is
 * worth more; wage posting bounded by the marginal revenue product, Burdett & Mortensen 1998).
 * The ceiling never cuts a wage already paid.
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
