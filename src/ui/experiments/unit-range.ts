// The values a reporter can take, read from its unit: counts (persons, firms, merges...) are
// never negative and shares, indices and ratios marked 0-1 stay within [0, 1]. A band of the
// mean is cut to that range: Student's t interval is symmetric and, for a count near zero,
// reaches below a value no run can have (seen in Replicates: communes alive, mean 0.3, band to
// -0.2). Differences between scenarios are not cut; they can be negative.
export interface UnitRange {
  readonly min: number;
  readonly max: number;
}

const COUNT_UNITS = new Set(['persons', 'firms', 'cooperatives', 'communes', 'requests', 'merges', 'members', 'assets', 'takeovers', 'series']);

export function rangeOfUnit(unit: string): UnitRange {
  if (/\b0-1\b/.test(unit)) return { min: 0, max: 1 };
  if (COUNT_UNITS.has(unit)) return { min: 0, max: Number.POSITIVE_INFINITY };
  return { min: Number.NEGATIVE_INFINITY, max: Number.POSITIVE_INFINITY };
}
