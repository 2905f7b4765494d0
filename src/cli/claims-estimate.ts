// The claims command's time estimate (issue 15 item 5: within 30% of the real time). Calibrated
// on the command's own runs, not on a stand-in, at the real size, on the real threads, so their
// times hold the machine's load, the workers' start-up and the scenarios' own cost profile (a
// run's early years, when organisations buy their assets, cost several times its late ones, so
// a short run would time the wrong mix); their results are kept, so nothing runs twice. Two
// catches, two phases. Warm-up: on this 2-core machine under load a worker's first runs of one
// scenario took 11, 9, 4 s where its later ones took 2-2.7 s (1,000 persons x 30 years: V8's
// optimising tiers arrive late when the cores are busy), so the runs go in list order (the
// first scenario's replicates: alike, so a drop is warm-up, not a cheaper scenario) until each
// thread's runs stop getting faster. Mix: scenarios and robustness draws differ in cost (a
// draw with more foundings costs more), so the rate is then timed on a sample spread evenly
// over the whole list. Pure bookkeeping here; the command reads the clock.

/** Warm-up runs per thread at most: after these the sample is taken even if the threads still speed up. */
export const MAX_WARM_UP_ROUNDS = 8;
/** A thread is warm when its last run cost at least this share of its previous one (per person-month). */
export const WARM_RATIO = 0.8;
/** Rounds of the threads the timed sample takes once they are warm. */
export const SAMPLE_ROUNDS = 3;

/** Positions of `count` runs spread evenly over `runs` (the middle of each of `count` equal stretches). */
export function samplePositions(runs: number, count: number): number[] {
  return Array.from({ length: count }, (_, i) => Math.floor(((i + 0.5) * runs) / count));
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

/**
 * The order the runs go to the threads in, and when the estimate can be given: warm-up runs in
 * list order until every thread is warm (or MAX_WARM_UP_ROUNDS per thread), then a sample of
 * SAMPLE_ROUNDS runs per thread spread over the list (each the first run not yet started at or
 * after its even position), then the rest in order. `ended` returns true once, when the last
 * sample run ends; `rate()` is then the median seconds per person-month of the sample's runs.
 */
export class CalibratedOrder {
  private readonly started: boolean[];
  private front = 0;
  private phase: 'warm-up' | 'sample' | 'rest' = 'warm-up';
  private readonly warmUp = new RunTimes();
  private warmUpEnded = 0;
  private readonly sample = new Set<number>();
  private queue: number[] = [];
  private readonly sampleRates: number[] = [];
  private startedCount = 0;
  private endedCount = 0;
  private told = false;

  constructor(private readonly personMonths: readonly number[], private readonly threads: number) {
    this.started = personMonths.map(() => false);
  }

  /** The next job to start (every index once). */
  next(): number {
    const fromQueue = this.phase === 'sample' ? this.queue.shift() : undefined;
    let job = fromQueue;
    if (job === undefined) {
      while (this.started[this.front]) this.front++;
      job = this.front;
    }
    this.started[job] = true;
    this.startedCount++;
    return job;
  }

  /**
   * A run ended (`thread` and `seconds` undefined when it failed); true once, when the estimate
   * is due (at the latest when the last run ends: a list too short to warm up and sample).
   */
  ended(job: number, thread: number | undefined, seconds: number | undefined): boolean {
    this.endedCount++;
    const due = this.phaseEnded(job, thread, seconds) || this.endedCount === this.started.length;
    if (!due || this.told) return false;
    this.told = true;
    return true;
  }

  private phaseEnded(job: number, thread: number | undefined, seconds: number | undefined): boolean {
    const timed = thread !== undefined && seconds !== undefined;
    if (this.phase === 'warm-up') {
      this.warmUpEnded++;
      if (timed) this.warmUp.record(thread, seconds, this.personMonths[job]!);
      if (this.warmUp.warm() || this.warmUpEnded >= MAX_WARM_UP_ROUNDS * Math.max(1, this.threads)) return this.startSample();
      return false;
    }
    if (this.phase === 'sample' && this.sample.delete(job)) {
      if (timed && this.personMonths[job]! > 0) this.sampleRates.push(seconds / this.personMonths[job]!);
      if (this.sample.size === 0) {
        this.phase = 'rest';
        return true;
      }
    }
    return false;
  }

  /** Whether the threads were found warm before the sample was taken. */
  get warm(): boolean {
    return this.warmUp.warm();
  }

  /** Median seconds per person-month of the sample (of the warm-up's last runs when no sample run could be timed). */
  rate(): number {
    return this.sampleRates.length > 0 ? median(this.sampleRates) : this.warmUp.rate();
  }

  get timedRuns(): number {
    return this.sampleRates.length;
  }

  /** Person-months of the runs not started yet, in the order they will start. */
  waiting(): number[] {
    const out: number[] = [];
    for (let j = 0; j < this.started.length; j++) if (!this.started[j]) out.push(this.personMonths[j]!);
    return out;
  }

  private startSample(): boolean {
    const free = this.started.length - this.startedCount;
    const count = Math.min(free, SAMPLE_ROUNDS * Math.max(1, this.threads));
    const taken = new Set<number>();
    for (const position of samplePositions(this.started.length, count)) {
      let j = position;
      while (j < this.started.length && (this.started[j] || taken.has(j))) j++;
      if (j >= this.started.length) {
        j = position;
        while (j >= 0 && (this.started[j] || taken.has(j))) j--;
      }
      if (j >= 0) taken.add(j);
    }
    this.queue = [...taken];
    for (const j of taken) this.sample.add(j);
    if (this.sample.size === 0) {
      this.phase = 'rest';
      return true;
    }
    this.phase = 'sample';
    return false;
  }
}
