// MODEL.md 5, capitalist firm: the wage rate (per unit of skill, per month) moves 1% a month
// up while a vacancy stays open and down while applicants queue, never below `wageFloor`, so
// wages follow workers' outside options instead of being set by the model.

export const WAGE_STEP = 0.01;

export function nextWageRate(
  rateCents: number, openVacancies: number, queuedApplicants: number, floorCents: number, step = WAGE_STEP,
): number {
  let next = rateCents;
  if (openVacancies > 0 && queuedApplicants === 0) next = rateCents * (1 + step);
  else if (queuedApplicants > 0 && openVacancies === 0) next = rateCents * (1 - step);
  return Math.max(floorCents, next);
}

/** An employee's monthly wage: the firm's rate times the employee's skill, in whole cents. */
export function wageCents(rateCents: number, skill: number): number {
  return Math.round(rateCents * skill);
}
