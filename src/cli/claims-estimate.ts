// The claims command's time estimate (issue 15 item 5: within 30% of the real time). Calibrated
// on the command's own first runs, not on a stand-in: the first runs handed to the pool are a
// sample spread over the run list (every scenario and draw in proportion), at the real size, on
// the real threads, so their times hold the machine's load, the workers' start-up and the
// scenarios' own cost profile (a run's early years, when organisations buy their assets, cost
// several times its late ones, so a short run would time the wrong mix). Their results are
// kept: the calibration costs no extra run. The catch is warm-up: on this 2-core machine under
// load a worker's first runs took 14, 7 and 5 s where its later ones took 1.5-2 s (2,000 persons
// x 20 years: V8's compiler tiers arrive late when the cores are busy), so the rate is read
// only once each thread's runs have stopped getting faster, from their last two runs. Pure arithmetic here; the command
// does the timing.

/** Runs per thread the sample may take at most before the estimate is given anyway. */
export const MAX_SAMPLE_ROUNDS = 10;
/** A thread is warm when its last run cost at least this share of its previous one (per person-month). */
export const WARM_RATIO = 0.8;

/** How many runs the sample holds: up to MAX_SAMPLE_ROUNDS rounds of the threads. */
export function sampleCount(runs: number, threads: number): number {
  return Math.min(runs, MAX_SAMPLE_ROUNDS * Math.max(1, threads));
}

/** Positions of `count` runs spread evenly over `runs` (the middle of each of `count` equal stretches). */
export function samplePositions(runs: number, count: number): number[] {
  return Array.from({ length: count }, (_, i) => Math.floor(((i + 0.5) * runs) / count));
}

/** The run order: the sample first, then the rest in their order. */
export function sampleFirst(runs: number, count: number): number[] {
  const sample = samplePositions(runs, count);
  const chosen = new Set(sample);
  return [...sample, ...Array.from({ length: runs }, (_, i) => i).filter((i) => !chosen.has(i))];
}

export interface PoolState {
  /** Seconds since the runs started (pool start-up and the sample included). */
  readonly elapsedSeconds: number;
  readonly threads: number;
  /** Runs under way: their person-months and how long they have been running. */
  readonly running: readonly { readonly personMonths: number; readonly seconds: number }[];
  /** Person-months of the runs not started yet, in the order the pool will hand them out. */
  readonly waiting: readonly number[];
}

export interface Estimate {
  /** Seconds from the start of the runs to the end of the last. */
  readonly totalSeconds: number;
  /** Seconds per person-month the rest is predicted at. */
  readonly secondsPerPersonMonth: number;
  /** Timed runs so far. */
  readonly timedRuns: number;
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** Seconds per person-month of each timed run, by thread, in the order they ended. */
export class RunTimes {
  private readonly byThread = new Map<number, number[]>();
  private count = 0;

  record(thread: number, seconds: number, personMonths: number): void {
    if (!(personMonths > 0) || !(seconds >= 0)) return;
    const rates = this.byThread.get(thread) ?? [];
    rates.push(seconds / personMonths);
    this.byThread.set(thread, rates);
    this.count++;
  }

  get timedRuns(): number {
    return this.count;
  }

  /**
   * Every thread that ran has stopped getting faster: each of its last two runs cost at least
   * WARM_RATIO of the run before it (two steps, as one run of a cheaper scenario after a dearer
   * one can pass for the end of warm-up on its own).
   */
  warm(): boolean {
    if (this.byThread.size === 0) return false;
    for (const r of this.byThread.values()) {
      const n = r.length;
      if (n < 3 || r[n - 1]! < WARM_RATIO * r[n - 2]! || r[n - 2]! < WARM_RATIO * r[n - 3]!) return false;
    }
    return true;
  }

  /** The rate the rest will run at: the median of every thread's last two runs (NaN before any). */
  rate(): number {
    const last = [...this.byThread.values()].flatMap((rates) => rates.slice(-2));
    return last.length > 0 ? median(last) : Number.NaN;
  }
}

/**
 * The whole run's length: the time already spent plus the rest as the pool will hand it out.
 * Each run waiting or under way costs its person-months at `rate` (less what a running one has
 * already done), and goes to the thread that frees first, as the pool does.
 */
export function estimateTotal(rate: number, timedRuns: number, pool: PoolState): Estimate {
  if (!Number.isFinite(rate)) return { totalSeconds: Number.NaN, secondsPerPersonMonth: Number.NaN, timedRuns };
  const threads = Math.max(1, pool.threads);
  const free = Array.from({ length: threads }, (_, i) => {
    const run = pool.running[i];
    return run === undefined ? 0 : Math.max(0, run.personMonths * rate - run.seconds);
  });
  for (const personMonths of pool.waiting) {
    let first = 0;
    for (let i = 1; i < threads; i++) if (free[i]! < free[first]!) first = i;
    free[first]! += personMonths * rate;
  }
  return { totalSeconds: pool.elapsedSeconds + Math.max(...free), secondsPerPersonMonth: rate, timedRuns };
}
