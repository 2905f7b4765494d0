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
// No spread sample. Until session 12 the rate was then timed on a sample of 6 runs spread over
// the list (scenarios and robustness draws differ in cost); on a quiet machine that sample came
// out 1.5-2.2x the real rate (mixed, 1,000 persons x 30 years, 1,260 runs: estimates 9:13 and
// 6:45 for 4:36 and 4:38 real). Each sample run was the first of its scenario and draw on its
// thread, and such a run costs 1.5-2x its neighbours in CPU (job 315: 0.58 s against 0.32 and 0.39
// for jobs 314 and 316 run in list order; 525: 0.72 against 0.38 and 0.35), with wall/CPU 1.6
// against 1.1: V8 deoptimises and recompiles on its background threads when a run's parameters
// change shape. In list order a thread changes scenario once per 20 runs and the cost vanishes
// in the mean. The scenarios and draws themselves differ less (median CPU per run 0.32-0.43 s
// by scenario, 0.33-0.45 s by draw, around a mean of 0.39), so the warm-up's last runs, in
// list order like the rest, time the machine better than any jumping sample. The estimate is
// given when the warm-up ends, and renewed at every run's end from the wall time of the last
// RECENT_ROUNDS runs per thread since the warm-up: what the pool really gets through now,
// shared cores and all. Pure bookkeeping here; the command reads the clock.

/** Warm-up runs per thread at most: after these the estimate is given even if the threads still speed up. */
export const MAX_WARM_UP_ROUNDS = 20;
/** A thread is warm when its last WARM_RUNS runs... */
export const WARM_RUNS = 3;
/** ...cost within this ratio of each other (largest over smallest, CPU per person-month). */
export const WARM_SPREAD = 1.2;
/**
 * Person-months a thread runs before it can count as warm: V8 optimises in tiers, and a thread's
 * CPU time per run can sit on a plateau before it falls again. Quiet machine, mixed at 1,000
 * persons x 30 years (360,000 person-months a run), CPU per run on one thread: 1.09, then
 * 0.53-0.47 for eight runs (agreeing within 1.2), then 0.26-0.32 from its 14th run (about 4.7
 * million person-months) on; the estimate timed on the plateau came out 6:50 for 4:10 real.
 */
export const MIN_WARM_PERSON_MONTHS = 5_000_000;
/** Runs per thread the renewed estimate is timed on (the latest since the warm-up). */
export const RECENT_ROUNDS = 10;

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
  private readonly personMonths = new Map<number, number>();
  private count = 0;

  record(thread: number, seconds: number, personMonths: number, cpuSeconds?: number): void {
    if (!(personMonths > 0) || !(seconds >= 0)) return;
    const wall = this.wall.get(thread) ?? [];
    const cpu = this.cpu.get(thread) ?? [];
    wall.push(seconds / personMonths);
    cpu.push(cpuSeconds !== undefined && cpuSeconds > 0 ? cpuSeconds / personMonths : Number.NaN);
    this.wall.set(thread, wall);
    this.cpu.set(thread, cpu);
    this.personMonths.set(thread, (this.personMonths.get(thread) ?? 0) + personMonths);
    this.count++;
  }

  get timedRuns(): number {
    return this.count;
  }

  /**
   * Every one of `threads` threads has run MIN_WARM_PERSON_MONTHS and stopped getting faster:
   * its last WARM_RUNS runs lie within WARM_SPREAD of each other, in CPU per person-month when
   * the thread's CPU time of each is known, else in wall time.
   */
  warm(threads: number): boolean {
    if (this.wall.size < Math.max(1, threads)) return false;
    for (const [thread, wall] of this.wall) {
      if (this.personMonths.get(thread)! < MIN_WARM_PERSON_MONTHS) return false;
      const cpu = this.cpu.get(thread)!.slice(-WARM_RUNS);
      const last = cpu.every(Number.isFinite) ? cpu : wall.slice(-WARM_RUNS);
      if (last.length < WARM_RUNS || Math.max(...last) > WARM_SPREAD * Math.min(...last)) return false;
    }
    return true;
  }

  /** The wall rate the rest will run at: the median of every thread's last WARM_RUNS runs (NaN before any). */
  rate(): number {
    const last = [...this.wall.values()].flatMap((rates) => rates.slice(-WARM_RUNS));
    return last.length > 0 ? median(last) : Number.NaN;
  }

  /** How many runs `rate()` is the median of. */
  get rateRuns(): number {
    return [...this.wall.values()].reduce((n, rates) => n + Math.min(WARM_RUNS, rates.length), 0);
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
 * The runs go to the threads in list order. The estimate is due when the warm-up ends: every
 * thread warm, or MAX_WARM_UP_ROUNDS runs per thread; `ended` returns true once, then (or when the
 * last run ends, for a list too short to warm up), and `rate()` is the median seconds per
 * person-month of each thread's last WARM_RUNS runs.
 */
export class CalibratedOrder {
  private next_ = 0;
  private warmingUp = true;
  private readonly warmUp = new RunTimes();
  private warmUpEnded = 0;
  /** Wall seconds per person-month of every run ended since the warm-up, in the order they ended. */
  private readonly recent: number[] = [];
  private endedCount = 0;
  private told = false;

  constructor(private readonly personMonths: readonly number[], private readonly threads: number) {}

  /** The next job to start (every index once, in list order). */
  next(): number {
    return this.next_++;
  }

  /**
   * A run ended (`thread` and `seconds` undefined when it failed); true once, when the estimate
   * is due (at the latest when the last run ends).
   */
  ended(job: number, thread: number | undefined, seconds: number | undefined, cpuSeconds?: number): boolean {
    this.endedCount++;
    const due = this.phaseEnded(job, thread, seconds, cpuSeconds) || this.endedCount === this.personMonths.length;
    if (!due || this.told) return false;
    this.told = true;
    return true;
  }

  private phaseEnded(job: number, thread: number | undefined, seconds: number | undefined, cpuSeconds: number | undefined): boolean {
    const timed = thread !== undefined && seconds !== undefined;
    if (this.warmingUp) {
      this.warmUpEnded++;
      if (timed) this.warmUp.record(thread, seconds, this.personMonths[job]!, cpuSeconds);
      if (this.warmUp.warm(this.threads) || this.warmUpEnded >= MAX_WARM_UP_ROUNDS * Math.max(1, this.threads)) {
        this.warmingUp = false;
        return true;
      }
      return false;
    }
    if (timed && this.personMonths[job]! > 0) this.recent.push(seconds / this.personMonths[job]!);
    return false;
  }

  /** Whether the threads were found warm when the estimate was given. */
  get warm(): boolean {
    return this.warmUp.warm(this.threads);
  }

  /** Whether the warm-up is over (the estimate is given or due). */
  get warmedUp(): boolean {
    return !this.warmingUp;
  }

  /**
   * The rate now, for the renewed estimate: the median seconds per person-month of the last
   * RECENT_ROUNDS runs per thread ended since the warm-up (NaN before any).
   */
  recentRate(): number {
    const last = this.recent.slice(-RECENT_ROUNDS * Math.max(1, this.threads));
    return last.length > 0 ? median(last) : Number.NaN;
  }

  /** Median seconds per person-month of each thread's last WARM_RUNS warm-up runs. */
  rate(): number {
    return this.warmUp.rate();
  }

  /** How many runs `rate()` is timed on. */
  get timedRuns(): number {
    return this.warmUp.rateRuns;
  }

  /** Person-months of the runs not started yet, in the order they will start. */
  waiting(): number[] {
    return this.personMonths.slice(this.next_);
  }
}
