// The few ways a claim reads a reporter's series over its window: mean, change, trend, final
// value, ratios of means, growth between two cumulative counters.
import type { ClaimMeasurement } from './claim.ts';
import { MONTHS_PER_YEAR } from '../engine.ts';
import {
  valueAtYear, windowChange, windowMean, windowTrend, type RunSeries, type YearWindow,
} from './series-window.ts';

function columnOf(run: RunSeries, id: string): ArrayLike<number> {
  const column = run.column(id);
  // Availability is checked before measuring; reaching this is a programming error.
  if (column === undefined) throw new Error(`claim measurement needs reporter ${id}`);
  return column;
}

type Reader = (run: RunSeries, window: YearWindow) => number;

function measurement(id: string, label: string, unit: string, needs: readonly string[], read: Reader): ClaimMeasurement {
  return { id, label, unit, needs, measure: read };
}

/** Mean over the window (MODEL.md 7's default). */
export function meanOf(id: string, reporter: string, label: string, unit: string): ClaimMeasurement {
  return measurement(id, label, unit, [reporter], (run, w) => windowMean(run.ticks, columnOf(run, reporter), w));
}

/** Value at the window's end minus value at its start. */
export function changeOf(id: string, reporter: string, label: string, unit: string): ClaimMeasurement {
  return measurement(id, label, unit, [reporter], (run, w) => windowChange(run.ticks, columnOf(run, reporter), w));
}

/** Least-squares slope per year over the window. */
export function trendOf(id: string, reporter: string, label: string, unit: string): ClaimMeasurement {
  return measurement(id, label, unit, [reporter], (run, w) => windowTrend(run.ticks, columnOf(run, reporter), w));
}

/** Value at the end of the run. */
export function finalOf(id: string, reporter: string, label: string, unit: string): ClaimMeasurement {
  return measurement(id, label, unit, [reporter], (run, w) => valueAtYear(run.ticks, columnOf(run, reporter), w.toYear));
}

/** Value at the end of the run of one reporter divided by another's. */
export function ratioAtEnd(id: string, numerator: string, denominator: string, label: string, unit: string): ClaimMeasurement {
  return measurement(id, label, unit, [numerator, denominator], (run, w) => {
    // Both from the one sample at the window's end (the last at or before it), NaN when either is
    // undefined there: each column's own last finite value could come from different years (a
    // commune sector that owns nothing at the end reads share 0 beside an undefined ceiling, and
    // the ceiling of the last year it owned something would make a 0 of it).
    let last = -1;
    for (let i = 0; i < run.ticks.length && run.ticks[i]! <= w.toYear * MONTHS_PER_YEAR; i++) last = i;
    if (last < 0) return Number.NaN;
    const ratio = columnOf(run, numerator)[last]! / columnOf(run, denominator)[last]!;
    return Number.isFinite(ratio) ? ratio : Number.NaN;
  });
}

/** Growth over the window of one cumulative counter divided by another's (events in the window). */
export function ratioOfChanges(id: string, numerator: string, denominator: string, label: string, unit: string): ClaimMeasurement {
  return measurement(id, label, unit, [numerator, denominator], (run, w) =>
    windowChange(run.ticks, columnOf(run, numerator), w) / windowChange(run.ticks, columnOf(run, denominator), w));
}

/** Anything else: a reader over the named reporters. */
export function custom(id: string, label: string, unit: string, needs: readonly string[], read: Reader): ClaimMeasurement {
  return measurement(id, label, unit, needs, read);
}

export { columnOf };
