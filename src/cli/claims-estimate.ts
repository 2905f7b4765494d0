// The claims command's time estimate (issue 15 item 5: within 30% of the real time). Calibrated
// on the command's own runs, not on a stand-in, at the real size, on the real threads, so their
// times hold the machine's load, the workers' start-up and the scenarios' own cost profile (a
// run's early years, when organisations buy their assets, cost several times its late ones, so
// a short run would time the wrong mix); their results are kept, so nothing runs twice.
//
// Warm-up. Each worker thread is its own V8 isolate and optimises the engine on its own: a
// thread's CPU time per person-month falls about fourfold over its first ~1.5 million
// person-months (mixed at 1,000 persons x 15 years, CPU per run 0.72, 0.75, 0.36, 0.33, 0.25,
// 0.20, 0.21, 0.19 s; at 30 years 1.0, 1.0, 0.6, 0.4, 0.4 s), whatever the load. Under load the
// wall time per run also swings with the other processes (wall/CPU 9 then 3-5 within a minute at
// a load of 13), so the wall time cannot tell warm-up from load: a run of 11, 9, 8 s passed the
// old test ("each run at least 0.8 of the one before") while CPU still fell, and the estimate
// came out 2.4x the real time. So the warm-up runs go in list order (the first scenario's
// replicates: alike, so a fall is warm-up, not a cheaper scenario) until every thread's last
// WARM_RUNS runs agree in CPU per person-month within WARM_SPREAD (the thread's own CPU clock,
// thread-cpu.ts; wall time where there is none).
//
// Mix. Scenarios and robustness draws differ in cost, so the rate is then timed on a sample
// spread evenly over the whole list: the first estimate. Load changes after it (other work
// starting or ending), so the estimate is renewed at every run's end from the wall time of the
// last RECENT_ROUNDS runs per thread since the warm-up: what the pool really gets through now,
// shared cores and all. Pure bookkeeping here; the command reads the clock.

/** Warm-up runs per thread at most: after these the sample is taken even if the threads still speed up. */
export const MAX_WARM_UP_ROUNDS = 10;
/** A thread is warm when its last WARM_RUNS runs... */
export const WARM_RUNS = 3;
/** ...cost within this ratio of each other (largest over smallest, CPU per person-month). */
export const WARM_SPREAD = 1.2;
/** Rounds of the threads the timed sample takes once they are warm. */
export const SAMPLE_ROUNDS = 3;
/** Runs per thread the renewed estimate is timed on (the latest since the warm-up). */
export const RECENT_ROUNDS = 10;

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

/** Seconds (wall, and the thread's CPU where known) per person-month of each timed run, by thread, in the order they ended. */
export class RunTimes {
  private readonly wall = new Map<number, number[]>();
  private readonly cpu = new Map<number, number[]>();
  private count = 0;

  record(thread: number, seconds: number, personMonths: number, cpuSeconds?: number): void {
    if (!(personMonths > 0) || !(seconds >= 0)) return;
    const wall = this.wall.get(thread) ?? [];
    const cpu = this.cpu.get(thread) ?? [];
    wall.push(seconds / personMonths);
    cpu.push(cpuSeconds !== undefined && cpuSeconds > 0 ? cpuSeconds / personMonths : Number.NaN);
    this.wall.set(thread, wall);
    this.cpu.set(thread, cpu);
    this.count++;
  }

  get timedRuns(): number {
    return this.count;
  }

  /**
   * Every one of `threads` threads has run and stopped getting faster: its last WARM_RUNS runs
   * lie within WARM_SPREAD of each other, in CPU per person-month when the thread's CPU time of
   * each is known, else in wall time.
   */
  warm(threads: number): boolean {
    if (this.wall.size < Math.max(1, threads)) return false;
    for (const [thread, wall] of this.wall) {
      const cpu = this.cpu.get(thread)!.slice(-WARM_RUNS);
      const last = cpu.every(Number.isFinite) ? cpu : wall.slice(-WARM_RUNS);
      if (last.length < WARM_RUNS || Math.max(...last) > WARM_SPREAD * Math.min(...last)) return false;
    }
    return true;
  }

  /** The wall rate the rest will run at: the median of every thread's last two runs (NaN before any). */
  rate(): number {
    const last = [...this.wall.values()].flatMap((rates) => rates.slice(-2));
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
  /** Wall seconds per person-month of every run ended since the warm-up, in the order they ended. */
  private readonly recent: number[] = [];
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
  ended(job: number, thread: number | undefined, seconds: number | undefined, cpuSeconds?: number): boolean {
    this.endedCount++;
    const due = this.phaseEnded(job, thread, seconds, cpuSeconds) || this.endedCount === this.started.length;
    if (!due || this.told) return false;
    this.told = true;
    return true;
  }

  private phaseEnded(job: number, thread: number | undefined, seconds: number | undefined, cpuSeconds: number | undefined): boolean {
    const timed = thread !== undefined && seconds !== undefined;
    if (this.phase === 'warm-up') {
      this.warmUpEnded++;
      if (timed) this.warmUp.record(thread, seconds, this.personMonths[job]!, cpuSeconds);
      if (this.warmUp.warm(this.threads) || this.warmUpEnded >= MAX_WARM_UP_ROUNDS * Math.max(1, this.threads)) return this.startSample();
      return false;
    }
    if (timed && this.personMonths[job]! > 0) this.recent.push(seconds / this.personMonths[job]!);
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
    return this.warmUp.warm(this.threads);
  }

  /** Whether the warm-up is over (the estimate is given or due). */
  get warmedUp(): boolean {
    return this.phase !== 'warm-up';
  }

  /**
   * The rate now, for the renewed estimate: the median seconds per person-month of the last
   * RECENT_ROUNDS runs per thread ended since the warm-up (the sample's first ones included;
   * NaN before any).
   */
  recentRate(): number {
    const last = this.recent.slice(-RECENT_ROUNDS * Math.max(1, this.threads));
    return last.length > 0 ? median(last) : Number.NaN;
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
