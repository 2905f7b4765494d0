// One replicate pool in a process of its own, started as bin/launch.mjs starts a command with
// that many workers (V8's background threads included), for the bench's pool line: prints
// one JSON line with the pool's wall time, the CPU time of every thread of the process while
// it ran (Linux, /proc/self/task), the whole machine's busy CPU time over the same span (Linux,
// /proc/stat: what other processes took is the difference), each run's thread and CPU time, and
// a hash of the results.
//   node --v8-pool-size=2 --import tsx bench/pool-run.ts scenarios/communes-only.yaml 5000 30 4 2
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { readScenarioInput } from '../src/cli/scenario-input.ts';
import { isRunFailure, runReplicatesSettled } from '../src/cli/replicate-pool.ts';
import { replicateKeys, type ReplicateResult } from '../src/cli/replicate-run.ts';

export interface PoolRunReport {
  readonly wallSeconds: number;
  /** CPU seconds of the whole process while the pool ran (every thread). */
  readonly processCpuSeconds: number;
  /**
   * Busy CPU seconds of the whole machine, every core and process, over the same span as
   * processCpuSeconds; NaN off Linux. Less processCpuSeconds, it is what other processes took.
   */
  readonly machineBusySeconds: number;
  /** CPU seconds of each worker thread over its life (start, engine load, every run), NaN off Linux. */
  readonly workerCpuSeconds: readonly number[];
  /** Each run in the order asked: the thread that ran it and that thread's CPU seconds for it. */
  readonly runs: readonly { readonly threadId: number; readonly cpuSeconds: number }[];
  /** sha256 of every result's ticks and columns, in order. */
  readonly resultsHash: string;
}

/** CPU seconds of every thread of this process so far, by thread id (empty where /proc is missing). */
function threadCpu(): Map<string, number> {
  const seconds = new Map<string, number>();
  try {
    for (const task of readdirSync('/proc/self/task')) {
      try {
        seconds.set(task, Number(readFileSync(`/proc/self/task/${task}/schedstat`, 'utf8').split(' ')[0]) / 1e9);
      } catch {
        // The thread ended between the listing and the read.
      }
    }
  } catch {
    // Not Linux.
  }
  return seconds;
}

/** Clock ticks per second of /proc/stat: USER_HZ, 100 on every Linux architecture Node runs on. */
const USER_HZ = 100;

/**
 * Busy CPU seconds of the machine since boot, all cores: /proc/stat's first line less its idle
 * and iowait (guest time is already inside user time). NaN where /proc is missing.
 */
function machineBusy(): number {
  try {
    const [, ...ticks] = readFileSync('/proc/stat', 'utf8').split('\n', 1)[0]!.trim().split(/\s+/).map(Number);
    const [user = 0, nice = 0, system = 0, , , irq = 0, softirq = 0, steal = 0] = ticks;
    return (user + nice + system + irq + softirq + steal) / USER_HZ;
  } catch {
    return Number.NaN;
  }
}

function hashOf(results: readonly ReplicateResult[]): string {
  const hash = createHash('sha256');
  for (const r of results) for (const view of [r.ticks, ...r.columns]) hash.update(new Uint8Array(view.buffer, view.byteOffset, view.byteLength));
  return hash.digest('hex');
}

const [file, persons, years, replicates, workers] = process.argv.slice(2);
if (workers === undefined) throw new Error('usage: bench/pool-run.ts <scenario> <persons> <years> <replicates> <workers>');
const input = readScenarioInput(file!, { 'persons.count': Number(persons), years: Number(years) }, {});
const requests = replicateKeys(Number(replicates)).map((replicateKey) => ({
  scenario: input.scenario, scenarioData: input.data, replicateKey, checkConservation: false,
}));
const before = threadCpu();
let atLastEnd = new Map<string, number>();
let ended = 0;
const started = performance.now();
const cpuStart = process.cpuUsage();
const busyStart = machineBusy();
// Sampled when the last run ends, while the workers' threads still exist.
const settled = await runReplicatesSettled(requests, Number(workers), undefined, {
  onEnd: () => { if (++ended === requests.length) atLastEnd = threadCpu(); },
});
const wallSeconds = (performance.now() - started) / 1000;
const used = process.cpuUsage(cpuStart);
const machineBusySeconds = machineBusy() - busyStart;
const failure = settled.find(isRunFailure);
if (failure !== undefined) throw new Error(`run ${failure.replicateKey}: ${failure.message}`);
const results = settled as ReplicateResult[];
const workerCpuSeconds = [...atLastEnd].filter(([task]) => !before.has(task)).map(([, seconds]) => seconds)
  .sort((a, b) => b - a).slice(0, Number(workers));
const report: PoolRunReport = {
  wallSeconds,
  processCpuSeconds: (used.user + used.system) / 1e6,
  machineBusySeconds,
  workerCpuSeconds: workerCpuSeconds.length === Number(workers) ? workerCpuSeconds : Array.from({ length: Number(workers) }, () => Number.NaN),
  runs: results.map((r) => ({ threadId: r.threadId, cpuSeconds: (r.cpuMs ?? Number.NaN) / 1000 })),
  resultsHash: hashOf(results),
};
process.stdout.write(`${JSON.stringify(report)}\n`);
