// MODEL.md 7: a claim is judged on "the mean over years 11 to the end" of a run. These read one
// run's sampled series (ticks in months, one column per reporter) over that window.
import { leastSquares } from './least-squares.ts';
import { MONTHS_PER_YEAR } from '../engine.ts';


/** One run as the claims read it: sampled months, reporter columns, the resolved scenario. */
export interface RunSeries {
  readonly ticks: ArrayLike<number>;
  /** The column of a reporter, or undefined when the run has no reporter of that id. */
  column(id: string): ArrayLike<number> | undefined;
  /** A resolved scenario parameter by dotted path (`bonds.newIssuerPremium`), or undefined. */
  parameter(path: string): unknown;
}

/** Years (fromYear, toYear]: samples after month 12 fromYear up to the end. */
export interface YearWindow {
  readonly fromYear: number;
  readonly toYear: number;
}

/**
 * Years 11 to the end (fromYear 10). A run of ten years or fewer has no such years; it is
 * judged on its second half instead, and the window says so wherever it is reported.
 */
export function claimWindow(years: number): YearWindow {
  return { fromYear: years > 10 ? 10 : Math.floor(years / 2), toYear: years };
}

/** A RunSeries over plain arrays (tests, and results that crossed a worker boundary). */
export function runSeriesOf(
  ticks: ArrayLike<number>, columns: Readonly<Record<string, ArrayLike<number>>>, parameters: unknown = {},
): RunSeries {
  return {
    ticks,
    column: (id) => columns[id],
    parameter: (path) => {
      let value: unknown = parameters;
      for (const key of path.split('.')) {
        if (value === null || typeof value !== 'object') return undefined;
        value = (value as Record<string, unknown>)[key];
      }
      return value;
    },
  };
}

function inWindow(tick: number, window: YearWindow): boolean {
  return tick > window.fromYear * MONTHS_PER_YEAR && tick <= window.toYear * MONTHS_PER_YEAR;
}

/** Mean of the finite values sampled in the window; NaN when there are none. */
export function windowMean(ticks: ArrayLike<number>, values: ArrayLike<number>, window: YearWindow): number {
  let sum = 0;
  let n = 0;
  for (let i = 0; i < ticks.length; i++) {
    const v = values[i]!;
    if (inWindow(ticks[i]!, window) && Number.isFinite(v)) {
      sum += v;
      n++;
    }
  }
  return n > 0 ? sum / n : Number.NaN;
}

/** The last finite value sampled at or before month 12 year; NaN when there is none. */
export function valueAtYear(ticks: ArrayLike<number>, values: ArrayLike<number>, year: number): number {
  let found = Number.NaN;
  for (let i = 0; i < ticks.length && ticks[i]! <= year * MONTHS_PER_YEAR; i++) {
    if (Number.isFinite(values[i]!)) found = values[i]!;
  }
  return found;
}

/** Value at the window's end minus its value at the window's start (claim 1's change). */
export function windowChange(ticks: ArrayLike<number>, values: ArrayLike<number>, window: YearWindow): number {
  return valueAtYear(ticks, values, window.toYear) - valueAtYear(ticks, values, window.fromYear);
}

/** Least-squares slope per year of the finite values sampled in the window; NaN below two. */
export function windowTrend(ticks: ArrayLike<number>, values: ArrayLike<number>, window: YearWindow): number {
  const xs: number[] = [];
  const ys: number[] = [];
  for (let i = 0; i < ticks.length; i++) {
    const v = values[i]!;
    if (inWindow(ticks[i]!, window) && Number.isFinite(v)) {
      xs.push(ticks[i]! / MONTHS_PER_YEAR);
      ys.push(v);
    }
  }
  return leastSquares(xs, ys).slope;
}

/** The first sampled year (months / 12) at which `a >= b`, or NaN if it never happens. */
export function firstYearAtLeast(ticks: ArrayLike<number>, a: ArrayLike<number>, b: ArrayLike<number>): number {
  for (let i = 0; i < ticks.length; i++) {
    if (Number.isFinite(a[i]!) && Number.isFinite(b[i]!) && a[i]! >= b[i]!) return ticks[i]! / MONTHS_PER_YEAR;
  }
  return Number.NaN;
}
