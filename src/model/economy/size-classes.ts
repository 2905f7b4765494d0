// Size classes of organisations (MODEL.md 6: size distribution, survival by size), the same
// for every kind. Size is `organisationSize`: persons belonging to or working for it.

export interface SizeClass {
  /** Part of a reporter id: `communes.sizes.<id>`. */
  readonly id: string;
  /** For people: `2-4`, `500+`. */
  readonly label: string;
  readonly min: number;
  readonly max: number;
}

/**
 * Roughly logarithmic classes (each about four to five times the last), with 0 and 1 apart:
 * a firm with no employee, a lone cooperative member. Fixed rather than relative to the run, so
 * classes mean the same across kinds, replicates and scenarios.
 */
export const SIZE_CLASSES: readonly SizeClass[] = [
  { id: '0', label: '0', min: 0, max: 0 },
  { id: '1', label: '1', min: 1, max: 1 },
  { id: '2to4', label: '2-4', min: 2, max: 4 },
  { id: '5to19', label: '5-19', min: 5, max: 19 },
  { id: '20to99', label: '20-99', min: 20, max: 99 },
  { id: '100to499', label: '100-499', min: 100, max: 499 },
  { id: '500up', label: '500+', min: 500, max: Number.POSITIVE_INFINITY },
];

export function sizeClassOf(size: number): number {
  for (let c = SIZE_CLASSES.length - 1; c >= 0; c--) if (size >= SIZE_CLASSES[c]!.min) return c;
  return 0;
}
