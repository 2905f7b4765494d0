// The replicate pool's figures (issue 19 item 1): replicates on 2 worker threads against 1 for
// runs of a second or more (target >= 1.8x, results identical), and a small claims run's run
// time against the command's own estimate (issue 15 item 5: within 30%; the estimate is
// calibrated on the command's first runs, see src/cli/claims-estimate.ts).
//
// Each pool runs in a process of its own (bench/pool-run.ts), started with the V8 background
// threads bin/launch.mjs gives a command with that many workers, so every measurement is a cold
// command as a user runs it. Timed interleaved (1 worker, 2 workers, 1, 2, ...) so load from
// other processes falls on both. Wall time on a shared two-core machine moved 2-3x between
// identical runs, and Linux shares the cores between sessions, not threads (autogroups,
// /proc/sys/kernel/sched_autogroup_enabled): while other sessions are busy a second worker
// gains no share of the machine, and the wall ratio falls to the ratio of the two pools' CPU
// times (0.65-0.80 measured at load 4-17). So beside the wall ratio (median of the pairs) the
// line gives a bound that load moves much less, from each thread's CPU time: on an idle machine
// a pool cannot end before its busiest thread nor before its process's CPU time spread over the
// cores.
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { poolSize } from '../bin/pool-size.mjs';
import { replicateWorkerBundle } from '../src/cli/engine-bundle.ts';
import type { PoolRunReport } from './pool-run.ts';

export const SPEED_UP_TARGET = 1.8;
/**
 * Runs in each timed pool when the target is judged. Every worker is a V8 isolate that compiles
 * the engine for itself (a cold first run costs about 0.4 s of CPU more than a warm one, and V8's
 * compiler threads about 1 s more), a fixed cost per worker that a short pool cannot spread: the
 * CPU-time bound measured 1.24-1.35x with 4 runs and about 1.8x with 20. Replicate studies,
 * sweeps and claims runs are that long or longer (a claims run on mixed is 210 runs), so the
 * target is judged on a pool of that length, not on the warm-up of a short one.
 */
export const JUDGED_RUNS = 20;
/**
 * The issue's condition: the target holds "for runs of a second or more". A pool whose warm runs
 * take less CPU than this fails the line whatever its ratio: the engine has twice made the
 * bench's case shorter than that (a342f0a; 0.87 s warm at 933de99), so the line checks the
 * condition rather than trusting a size chosen once.
 */
export const MIN_RUN_SECONDS = 1;
/** The claims command's estimate may miss its run time by this share of it and still pass (issue 15 item 5). */
export const ESTIMATE_MARGIN = 0.3;
/**
 * The wall-clock ratio is judged when other processes took less than this many cores on average
 * while the pools ran (the machine's busy time from /proc/stat less the pool's own process);
 * otherwise the CPU-time bound. A load average cannot tell: the pools raise it to about their
 * worker count themselves, and the bench's earlier sections leave it near 1.1 as the pools start,
 * so judged on it (below 0.5 a core, before and after) the ratio was never judged, even alone.
 */
const QUIET_OTHERS_CORES = 0.1;
/** Off Linux (no /proc/stat): the wall-clock ratio is judged below this 1-minute load average per core before the pools. */
const QUIET_LOAD_PER_CORE = 0.5;

const median = (values: readonly number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

/** One pool of `workers` threads in a fresh process (bench/pool-run.ts). */
function poolRun(root: URL, file: string, persons: number, years: number, replicates: number, workers: number): Promise<PoolRunReport> {
  const args = [`--v8-pool-size=${poolSize(availableParallelism(), workers)}`, '--import', 'tsx', 'bench/pool-run.ts', file, String(persons), String(years), String(replicates), String(workers)];
  return new Promise((resolve, reject) => {
    execFile(process.execPath, args, { cwd: root.pathname, maxBuffer: 1 << 20 }, (error, stdout, stderr) => {
      if (error !== null) return reject(new Error(`bench/pool-run.ts ${workers} workers failed: ${stderr || error.message}`));
      // NaN travels as null in JSON.
      resolve(JSON.parse(stdout.trim().split('\n').pop()!, (_key, value: unknown) => (value === null ? Number.NaN : value)) as PoolRunReport);
    });
  });
}

/** Cores other processes took on average while the pool ran; NaN off Linux. */
function othersCores(report: PoolRunReport): number {
  return Math.max(0, report.machineBusySeconds - report.processCpuSeconds) / report.wallSeconds;
}

/** Seconds an idle machine with `cores` cores needs at least: the busiest thread, or all the CPU spread over the cores. */
function idleBound(report: PoolRunReport, cores: number): number {
  return Math.max(...report.workerCpuSeconds, report.processCpuSeconds / cores);
}

/**
 * The smallest number of such runs at which the CPU-time bound reaches the target: every run
 * beyond the measured ones adds one warm run's CPU to the single worker and half of one to each
 * of two (the warm-up stays as measured). Undefined past 1,000 runs.
 */
function runsToTarget(one: PoolRunReport, two: PoolRunReport, replicates: number, warmRunSeconds: number): number | undefined {
  for (let n = replicates; n <= 1000; n++) {
    const extra = (n - replicates) * warmRunSeconds;
    const t1 = Math.max(one.workerCpuSeconds[0]! + extra, (one.processCpuSeconds + extra) / 2);
    const t2 = Math.max(Math.max(...two.workerCpuSeconds) + extra / 2, (two.processCpuSeconds + extra) / 2);
    if (t1 / t2 >= SPEED_UP_TARGET) return n;
  }
  return undefined;
}

/**
 * A scenario at `persons` x `years`, `replicates` runs, on 1 worker then 2, `pairs` times. The
 * bench runs communes-only: when this was written, replicates of mixed at 4,000-5,000 persons
 * stopped with a ledger error (a cooperative charged rent for its own asset, paid to itself).
 */
export async function replicateSpeedUp(
  root: URL, scenarioFile: string, persons: number, years: number, replicates: number, pairs: number, judged: boolean,
): Promise<string> {
  await replicateWorkerBundle(root);
  const cores = availableParallelism();
  const loadBefore = loadavg()[0]!;
  const measured: { one: PoolRunReport; two: PoolRunReport }[] = [];
  for (let p = 0; p < pairs; p++) {
    const one = await poolRun(root, scenarioFile, persons, years, replicates, 1);
    const two = await poolRun(root, scenarioFile, persons, years, replicates, 2);
    measured.push({ one, two });
  }
  const loadAfter = loadavg()[0]!;
  const same = measured.every(({ one, two }) => one.resultsHash === measured[0]!.one.resultsHash && two.resultsHash === one.resultsHash);
  const wallRatio = median(measured.map(({ one, two }) => one.wallSeconds / two.wallSeconds));
  const cpuBound = median(measured.map(({ one, two }) => idleBound(one, cores) / idleBound(two, cores)));
  // One worker runs the requests in order: its first run is cold, the later ones warm.
  const warmRun = median(measured.flatMap(({ one }) => one.runs.slice(1).map((r) => r.cpuSeconds)));
  const firstRun = median(measured.map(({ one }) => one.runs[0]!.cpuSeconds));
  const m = (pick: (x: { one: PoolRunReport; two: PoolRunReport }) => number) => median(measured.map(pick)).toFixed(2);
  const typical = measured.find(({ one, two }) => idleBound(one, cores) / idleBound(two, cores) === cpuBound)!;
  const needed = Number.isNaN(warmRun) ? undefined : runsToTarget(typical.one, typical.two, replicates, warmRun);
  const others = median(measured.flatMap(({ one, two }) => [othersCores(one), othersCores(two)]));
  const quiet = Number.isNaN(others) ? loadBefore < QUIET_LOAD_PER_CORE * cores : others < QUIET_OTHERS_CORES;
  const judgedOn = quiet ? wallRatio : cpuBound;
  const verdict = !judged ? 'not judged under --quick'
    : cores < 2 ? 'not judged: fewer than 2 cores'
      // Counted as a failure so the summary names it: the case, not the pool, needs mending.
      : warmRun < MIN_RUN_SECONDS ? `target >= ${SPEED_UP_TARGET}x for runs of a second or more: FAIL (the case's warm run took ${warmRun.toFixed(2)} s of CPU; enlarge it, bench/main.ts POOL_PERSONS)`
      : Number.isNaN(judgedOn) ? 'not judged: no thread CPU times on this system'
        : `target >= ${SPEED_UP_TARGET}x on ${quiet ? 'the wall-clock ratio (machine quiet)' : 'the CPU-time bound (machine busy)'}: ${judgedOn >= SPEED_UP_TARGET ? 'PASS' : 'FAIL'}`;
  return `Replicate pool, ${scenarioFile} ${persons.toLocaleString('en')} persons x ${years} years, ${replicates} replicates, each pool a fresh process `
    + `(load ${loadBefore.toFixed(1)} before, ${loadAfter.toFixed(1)} after, ${cores} cores; `
    + `${Number.isNaN(others) ? 'no /proc/stat to tell what other processes took' : `other processes took ${others.toFixed(2)} cores while the pools ran (median), quiet below ${QUIET_OTHERS_CORES}`}): `
    + `1 worker / 2 workers ${measured.map(({ one, two }) => `${one.wallSeconds.toFixed(2)}/${two.wallSeconds.toFixed(2)}`).join(', ')} s wall, `
    + `ratio ${wallRatio.toFixed(2)} (median of ${pairs}); CPU-time bound on an idle machine ${cpuBound.toFixed(2)}x `
    + `(1 worker: its thread ${m(({ one }) => one.workerCpuSeconds[0]!)} s of CPU, the process ${m(({ one }) => one.processCpuSeconds)} s; `
    + `2 workers: their threads ${m(({ two }) => Math.max(...two.workerCpuSeconds))} s at most, the process ${m(({ two }) => two.processCpuSeconds)} s); `
    + `a run's CPU ${firstRun.toFixed(2)} s cold, ${warmRun.toFixed(2)} s warm: each worker is a V8 isolate that compiles the engine for itself, `
    + `so the bound reaches ${SPEED_UP_TARGET}x ${needed === undefined ? 'beyond 1,000 such runs' : `from ${needed} such runs`}; `
    + `results identical: ${same ? 'yes' : 'NO'}; ${verdict}`
    + (judged ? ` (judged on ${replicates} runs a pool, the length of a replicate study or claims run: a worker's warm-up is a fixed cost that 4 runs cannot spread, 1.24-1.35x measured there)` : '');
}

/** Seconds in the claims command's `m:ss` or `h:mm:ss`. */
function seconds(text: string): number {
  return text.split(':').map(Number).reduce((sum, part) => sum * 60 + part, 0);
}

/** `npm run claims` on mixed at a small size, as a user runs it; wall time against its own estimate. */
export async function claimsWallTime(root: URL, args: readonly string[], judged: boolean): Promise<string> {
  const out = mkdtempSync(join(tmpdir(), 'bench-claims-'));
  const started = performance.now();
  try {
    const stdout = await new Promise<string>((resolve, reject) => {
      execFile(process.execPath, [new URL('bin/launch.mjs', root).pathname, 'src/cli/claims-main.ts', 'scenarios/mixed.yaml', ...args, '--out', out],
        { cwd: root.pathname, maxBuffer: 16 << 20 }, (error, text) => (error === null ? resolve(text) : reject(error)));
    });
    const wall = (performance.now() - started) / 1000;
    const estimate = /estimate (\d+(?::\d+)+)/.exec(stdout)?.[1];
    const ran = /(\d+) runs in (\d+(?::\d+)+)/.exec(stdout);
    if (estimate === undefined || ran === null) return `Claims run (${args.join(' ')}): ${wall.toFixed(1)} s wall; its estimate or run time was not in its output`;
    const miss = (seconds(estimate) - seconds(ran[2]!)) / Math.max(1, seconds(ran[2]!));
    const verdict = judged ? `estimate ${miss >= 0 ? '+' : ''}${Math.round(100 * miss)}% of the run time, target within ${100 * ESTIMATE_MARGIN}%: ${Math.abs(miss) <= ESTIMATE_MARGIN ? 'PASS' : 'FAIL'}` : 'not judged under --quick';
    return `Claims run, mixed ${args.join(' ')}: ${ran[1]} runs in ${ran[2]} (estimated ${estimate}), ${wall.toFixed(1)} s wall in all (calibration, start-up and output included); ${verdict}`;
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
}
