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

/** The fields of a Chromium trace event this reads. */
export interface TraceEvent {
  readonly ph: string;
  readonly name: string;
  readonly cat?: string;
  readonly pid: number;
  readonly tid: number;
  /** Thread CPU time of a complete event, in microseconds. */
  readonly tdur?: number;
  readonly args?: { readonly name?: string };
}

/** CPU seconds of the page's threads over a trace of top-level tasks: the engine's worker, the main thread, all others. */
export interface PageCpu {
  readonly worker: number;
  readonly main: number;
  readonly others: number;
}

/**
 * Sums each thread's top-level task CPU times (`toplevel` category): the busiest dedicated
 * worker is the engine's, the renderer's main thread is the page's own work (frames applied,
 * charts drawn), and the rest is Chromium's (compositing, raster, V8's compiler and GC threads).
 */
export function pageCpu(events: readonly TraceEvent[]): PageCpu {
  const names = new Map<string, string>();
  const cpu = new Map<string, number>();
  for (const e of events) {
    const thread = `${e.pid}:${e.tid}`;
    if (e.ph === 'M' && e.name === 'thread_name' && e.args?.name !== undefined) names.set(thread, e.args.name);
    else if (e.ph === 'X' && e.cat === 'toplevel' && e.tdur !== undefined) cpu.set(thread, (cpu.get(thread) ?? 0) + e.tdur / 1e6);
  }
  let worker = 0;
  let main = 0;
  let all = 0;
  for (const [thread, seconds] of cpu) {
    all += seconds;
    const name = names.get(thread) ?? '';
    if (name === 'CrRendererMain') main += seconds;
    else if (name.startsWith('DedicatedWorker') && seconds > worker) worker = seconds;
  }
  return { worker, main, others: all - worker - main };
}
