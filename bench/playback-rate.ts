// The page's playback rate as the user sees it: from the moment Play is pressed to the moment
// the displayed year first reads the last year, in simulated years per second of wall time.
// The page shows the year of each frame it draws, so the samples are (time, year shown) pairs
// taken whenever the readout changed.

/** A readout change: page time in ms and the year then shown. */
export type YearSample = readonly [ms: number, year: number];

/** The target of issue 19: the browser plays `mixed` at 30 simulated years a second or more. */
export const PLAYBACK_TARGET_YEARS_PER_SECOND = 30;

/**
 * Years per second from `startMs` (Play pressed, year `fromYear` shown) to the first sample
 * showing `toYear` or later; undefined when no sample reaches it.
 */
export function yearsPerSecond(samples: readonly YearSample[], startMs: number, fromYear: number, toYear: number): number | undefined {
  const reached = samples.find(([ms, year]) => ms >= startMs && year >= toYear);
  if (reached === undefined) return undefined;
  const seconds = (reached[0] - startMs) / 1000;
  return seconds > 0 ? (reached[1] - fromYear) / seconds : undefined;
}

/** The middle value (the lower of the two middle ones for an even count). */
export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor((sorted.length - 1) / 2)]!;
}

/** How much longer the page takes than the engine alone: 0.25 means 25% more time for the same years. */
export function pageOverhead(pageRate: number, engineRate: number): number {
  return engineRate / pageRate - 1;
}
