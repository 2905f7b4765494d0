// How large the Claims panel runs (issue 18 part 4: "at a population the page chooses so that
// the whole run takes about a minute"). A run's cost is measured in the page's pool: a set-up
// once, then each month a fixed part (organisations, markets: about the same at 100 persons as
// at 300 in `mixed`) plus a part per person; a cost per person-month alone (the CLI's
// estimate, calibrated at 1,000 persons) overstates small runs several times. The panel
// takes the largest population whose runs fit the target; when even the smallest does not
// fit, it also shortens the years, never below MIN_YEARS (the claims' window is years 11 to
// the end), and says the estimate is over the target when that is still too long.
export const TARGET_SECONDS = 60;
export const MIN_PERSONS = 100;
export const MIN_YEARS = 20;
/** The calibration runs: small and large populations, short and long runs (years). */
export const CALIBRATION = { smallPersons: 100, largePersons: 400, shortYears: 5, years: 10 } as const;

/** Milliseconds a run costs: `setupMs` once (building the economy), then `fixedMs + perPersonMs * persons` a month. */
export interface MonthCost {
  readonly setupMs: number;
  readonly fixedMs: number;
  readonly perPersonMs: number;
}

export interface TimedRun {
  readonly persons: number;
  readonly months: number;
  readonly ms: number;
}

/**
 * The cost from three timed runs: `short` and `long` at the same population and different
 * lengths give the set-up and the monthly cost there; `large` (as long as `long`) gives the
 * cost per person. Never negative under noise. Rough: runs of one size differ several-fold
 * with their economy's course (mixed at 100 persons x 10 years: 30 to 220 ms in Node on the
 * replicate keys), and on a loaded two-core machine the estimate still misses by a third or
 * more; the status line gives the time left at the pace of the runs done.
 */
export function monthCostOf(short: TimedRun, long: TimedRun, large: TimedRun): MonthCost {
  const perMonthSmall = long.months > short.months ? Math.max(1e-6, (long.ms - short.ms) / (long.months - short.months)) : long.ms / Math.max(1, long.months);
  const setupMs = Math.max(0, long.ms - long.months * perMonthSmall);
  const perMonthLarge = Math.max(1e-6, (large.ms - setupMs) / Math.max(1, large.months));
  const span = large.persons - long.persons;
  const perPersonMs = Math.max(span > 0 ? (perMonthLarge - perMonthSmall) / span : 0, 1e-6);
  const fixedMs = Math.max(0, perMonthSmall - perPersonMs * long.persons);
  return { setupMs, fixedMs, perPersonMs };
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
  return (runs * (cost.setupMs + years * 12 * (cost.fixedMs + cost.perPersonMs * persons))) / 1000 / Math.max(1, workers);
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
  // Milliseconds each run may take, less its set-up: what its months may cost.
  const monthsBudgetMs = (targetSeconds * 1000 * Math.max(1, workers)) / runs - cost.setupMs;
  const fitting = (monthsBudgetMs / (fullYears * 12) - cost.fixedMs) / cost.perPersonMs;
  let persons = Math.min(fullPersons, Math.max(floor, roundDown(fitting)));
  let years = fullYears;
  if (fitting < floor) {
    persons = floor;
    const yearsFitting = Math.floor(monthsBudgetMs / (12 * (cost.fixedMs + cost.perPersonMs * floor)));
    years = Math.min(fullYears, Math.max(Math.min(fullYears, MIN_YEARS), yearsFitting));
  }
  return { persons, years, estimateSeconds: claimsSeconds(cost, runs, workers, persons, years), fullEstimateSeconds };
}

/**
 * `cost` corrected by runs timed at the size it chose: every part scaled by the runs' mean time
 * over what `cost` priced them at. The model is fitted on 100 and 400 persons and carried to the
 * chosen size; the check runs there measured it 1.4x over at 1,000 persons (bench, Chromium).
 * Undefined when the check gives nothing to scale by.
 */
export function checkedCost(cost: MonthCost, persons: number, years: number, checkMs: readonly number[]): MonthCost | undefined {
  const priced = claimsSeconds(cost, 1, 1, persons, years) * 1000;
  if (checkMs.length === 0 || !(priced > 0)) return undefined;
  const measured = checkMs.reduce((sum, ms) => sum + ms, 0) / checkMs.length;
  if (!(measured > 0)) return undefined;
  const factor = measured / priced;
  return { setupMs: cost.setupMs * factor, fixedMs: cost.fixedMs * factor, perPersonMs: cost.perPersonMs * factor };
}
