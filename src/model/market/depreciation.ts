// MODEL.md section 3: straight-line depreciation at 1/lifespan, scrap value zero.

export function bookValueCents(priceCents: number, ageMonths: number, lifespanMonths: number): number {
  if (ageMonths >= lifespanMonths) return 0;
  return Math.round(priceCents * (1 - ageMonths / lifespanMonths));
}

/** Monthly depreciation of a new asset (the replacement reserve's rate). */
export function depreciationPerMonthCents(priceCents: number, lifespanMonths: number): number {
  return Math.round(priceCents / lifespanMonths);
}
