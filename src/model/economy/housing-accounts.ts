// MODEL.md 10.1, what the housing market is measured by: rent received by each kind of owner
// (all let assets, and homes alone) and the kind's whole income (sales, rent, interest
// received), summed over the year in one small column per kind, so home rent as a share of
// the receiving kind's income is a ratio of two sums. Indexed by ORG_* (commune, firm, cooperative).

export const OWNER_KINDS = 3;
export const RENT_BY_KIND = 0;
export const HOME_RENT_BY_KIND = 3;
export const INTEREST_BY_KIND = 6;
export const SALES_BY_KIND = 9;
export const HOUSING_SLOTS = 12;

/** The year's sums, zeroed at year end after they move to last year's. */
export function newHousingYear(): Float64Array {
  return new Float64Array(HOUSING_SLOTS);
}

/** Income of organisations of `kind` over a year of sums: sales + rent + interest received. */
export function kindIncomeCents(year: Float64Array, kind: number): number {
  return year[SALES_BY_KIND + kind]! + year[RENT_BY_KIND + kind]! + year[INTEREST_BY_KIND + kind]!;
}
