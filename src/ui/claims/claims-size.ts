// How large the Claims panel runs (issue 18 part 4: "at a population the page chooses so that
// the whole run takes about a minute"). Cost per month is measured in the page's pool at two
// populations, so it is read as a fixed part (organisations, markets: about the same at 100
// persons as at 300 in `mixed`) plus a part per person; a cost per person-month alone (the
// CLI's estimate, calibrated at 1,000 persons) overstates small runs several times. The panel
// takes the largest population whose runs fit the target; when even the smallest does not
// fit, it also shortens the years, never below MIN_YEARS (the claims' window is years 11 to
// the end), and says the estimate is over the target when that is still too long.
export const TARGET_SECONDS = 60;
export const MIN_PERSONS = 100;
export const MIN_YEARS = 20;
/** The two calibration populations and the years they run (the months early in a run cost about as much as later ones at these sizes). */
export const CALIBRATION = { smallPersons: 100, largePersons: 400, years: 10 } as const;

/** Milliseconds per simulated month: `fixedMs + perPersonMs * persons`. */
export interface MonthCost {
  readonly fixedMs: number;
  readonly perPersonMs: number;
}

/** The cost line through two timed runs (persons, ms per month); never negative under noise. */
export function monthCostOf(small: { persons: number; msPerMonth: number }, large: { persons: number; msPerMonth: number }): MonthCost {
  const span = large.persons - small.persons;
  const slope = span > 0 ? (large.msPerMonth - small.msPerMonth) / span : 0;
  const perPersonMs = Math.max(slope, 1e-6);
  const fixedMs = Math.max(0, Math.min(small.msPerMonth, large.msPerMonth) - perPersonMs * Math.min(small.persons, large.persons));
  return { fixedMs, perPersonMs };
}

export interface SizeChoice {
  readonly persons: number;
  readonly years: number;
  readonly estimateSeconds: number;
  /** What the scenario's own size would take. */
  readonly fullEstimateSeconds: number;
}

/** Seconds for `runs` runs of `years` at `persons`, spread over `workers`. */
export function claimsSeconds(cost: MonthCost, runs: number, workers: number, persons: number, years: number): number {
  return (runs * years * 12 * (cost.fixedMs + cost.perPersonMs * persons)) / 1000 / Math.max(1, workers);
}

/** Two significant figures, rounded down (1,234 -> 1,200): a size a reader can repeat. */
function roundDown(persons: number): number {
  const step = 10 ** Math.max(0, Math.floor(Math.log10(Math.max(1, persons))) - 1);
  return Math.floor(persons / step) * step;
}

export function chooseSize(
  cost: MonthCost, runs: number, workers: number, fullPersons: number, fullYears: number, targetSeconds = TARGET_SECONDS,
): SizeChoice {
  const fullEstimateSeconds = claimsSeconds(cost, runs, workers, fullPersons, fullYears);
  const floor = Math.min(fullPersons, MIN_PERSONS);
  const perMonthMs = (targetSeconds * 1000 * Math.max(1, workers)) / (runs * fullYears * 12);
  const fitting = (perMonthMs - cost.fixedMs) / cost.perPersonMs;
  let persons = Math.min(fullPersons, Math.max(floor, roundDown(fitting)));
  let years = fullYears;
  if (fitting < floor) {
    persons = floor;
    const yearsFitting = Math.floor((targetSeconds * 1000 * Math.max(1, workers)) / (runs * 12 * (cost.fixedMs + cost.perPersonMs * floor)));
    years = Math.min(fullYears, Math.max(Math.min(fullYears, MIN_YEARS), yearsFitting));
  }
  return { persons, years, estimateSeconds: claimsSeconds(cost, runs, workers, persons, years), fullEstimateSeconds };
}
