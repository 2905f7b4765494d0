// MODEL.md 5, capitalist firm: the wage rate (per unit of skill, per month) moves 1% a month
// up while a vacancy stays open and down while applicants queue, never below `wageFloor`, so
// wages follow workers' outside options instead of being set by the model.

export const WAGE_STEP = 0.01;

/**
 * Next month's rate. A raise stops at `ceilingCents`, the value a unit of skill produces on the
 * position the firm is trying to fill (its output x the firm's productivity x the goods price):
 * past it every month the position is filled loses money, so a firm that cannot fill it at a
 * wage it earns leaves it open rather than bid more (wage posting bounded by the marginal
 * revenue product; Burdett & Mortensen 1998). The ceiling never cuts a wage already paid.
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

/** An employee's monthly wage: the firm's rate times the employee's skill, in whole cents. */
export function wageCents(rateCents: number, skill: number): number {
  return Math.round(rateCents * skill);
}
