// Replicates in parallel on worker threads (or all on the main thread with 0 workers). The
// workers start once, on the engine bundled into one module (engine-bundle.ts), and each takes
// the next waiting replicate when it finishes one; results come back in the order of the
// requests, whatever order they finish in.
import { availableParallelism } from 'node:os';
import type { Worker } from 'node:worker_threads';
import { startWorker } from './typescript-worker.ts';
import { MoneyRangeError } from '../model/ledger.ts';
import { replicateWorkerBundle } from './engine-bundle.ts';
import { primeThread, runReplicate, type ReplicateRequest, type ReplicateResult } from './replicate-run.ts';
import type { ReplicateJob, WorkerReport } from './replicate-worker.ts';

/** Months completed so far summed over all replicates, and agents per replicate. */
export type PoolProgress = (ticksDone: number, agentCount: number) => void;

export class ReplicateFailure extends Error {
  override name = 'ReplicateFailure';
}

/** The same worker through tsx: used only when the bundle cannot be built (no vite installed). */
const TYPESCRIPT_WORKER_URL = new URL('./replicate-worker.ts', import.meta.url);

/** The bundled worker module, or the TypeScript one (with a warning) when bundling fails. */
async function workerModule(): Promise<URL> {
  try {
    return await replicateWorkerBundle();
  } catch (error) {
    process.stderr.write(`note: worker threads run the engine through tsx (slower): could not bundle it: ${(error as Error).message}\n`);
    return TYPESCRIPT_WORKER_URL;
  }
}

/** Worker threads for `runs` replicates: `--workers` when given, else one per run up to the cores. */
export function threadsFor(workers: number | undefined, runs: number): number {
  return workers ?? Math.min(runs, availableParallelism());
}

/** The requests on `threads` worker threads, or all on the main thread with 0. */
export async function runReplicates(
  requests: readonly ReplicateRequest[], threads: number, onProgress?: PoolProgress,
): Promise<ReplicateResult[]> {
  return threads === 0 ? runOnMainThread(requests, onProgress) : runOnWorkers(requests, threads, onProgress);
}

/** A run that threw, in place of its result (the claims command reports it and goes on). */
export interface RunFailure {
  readonly failed: true;
  readonly replicateKey: string | undefined;
  readonly message: string;
}

export const isRunFailure = (r: ReplicateResult | RunFailure): r is RunFailure => 'failed' in r;

/**
 * Told when a job (an index into the requests) starts on a thread and when it ends; `next`, if
 * given, chooses which waiting job a free thread takes (called once per job, it must return
 * every index once; otherwise they go in order).
 */
export interface JobHooks {
  next?(): number;
  onStart?(job: number): void;
  onEnd?(job: number, result: ReplicateResult | RunFailure): void;
}

/**
 * As runReplicates, but a replicate that throws is returned as a RunFailure and the others
 * go on (a worker thread that dies still stops everything: that is not a model fault).
 */
export async function runReplicatesSettled(
  requests: readonly ReplicateRequest[], threads: number, onProgress?: PoolProgress, hooks?: JobHooks,
): Promise<(ReplicateResult | RunFailure)[]> {
  if (threads !== 0) return runOnWorkers(requests, threads, onProgress, true, hooks);
  let finishedTicks = 0;
  const results: (ReplicateResult | RunFailure)[] = new Array<ReplicateResult | RunFailure>(requests.length);
  for (let n = 0; n < requests.length; n++) {
    const job = hooks?.next ? hooks.next() : n;
    const request = requests[job]!;
    hooks?.onStart?.(job);
    let outcome: ReplicateResult | RunFailure;
    try {
      if (requests.length > 1) primeThread(request.scenario);
      outcome = runReplicate(request, onProgress && ((tick, _total, agents) => onProgress(finishedTicks + tick, agents)));
      finishedTicks += outcome.totalTicks;
    } catch (error) {
      finishedTicks += request.scenario.years * 12;
      outcome = { failed: true, replicateKey: request.replicateKey, message: (error as Error).message };
    }
    hooks?.onEnd?.(job, outcome);
    results[job] = outcome;
  }
  return results;
}

export function runOnMainThread(requests: readonly ReplicateRequest[], onProgress?: PoolProgress): ReplicateResult[] {
  let finishedTicks = 0;
  return requests.map((request) => {
    if (requests.length > 1) primeThread(request.scenario);
    const result = runReplicate(request, onProgress && ((tick, _total, agents) => onProgress(finishedTicks + tick, agents)));
    finishedTicks += result.totalTicks;
    return result;
  });
}

export async function runOnWorkers(
  requests: readonly ReplicateRequest[], workerCount: number, onProgress?: PoolProgress,
): Promise<ReplicateResult[]>;
export async function runOnWorkers(
  requests: readonly ReplicateRequest[], workerCount: number, onProgress: PoolProgress | undefined, settle: true, hooks?: JobHooks,
): Promise<(ReplicateResult | RunFailure)[]>;
export async function runOnWorkers(
  requests: readonly ReplicateRequest[], workerCount: number, onProgress?: PoolProgress, settle = false, hooks?: JobHooks,
): Promise<(ReplicateResult | RunFailure)[]> {
  const results: (ReplicateResult | RunFailure | undefined)[] = requests.map(() => undefined);
  const ticksDone = new Float64Array(requests.length);
  const workers: Worker[] = [];
  const module = await workerModule();
  let next = 0;
  let finished = 0;
  try {
    await new Promise<void>((resolve, reject) => {
      const fail = (error: Error) => reject(error);
      const assign = (worker: Worker) => {
        if (next >= requests.length) return;
        next++;
        const job = hooks?.next ? hooks.next() : next - 1;
        const request = requests[job]!;
        hooks?.onStart?.(job);
        worker.postMessage({
          job,
          scenarioData: request.scenarioData,
          ...(request.replicateKey === undefined ? {} : { replicateKey: request.replicateKey }),
          checkConservation: request.checkConservation,
          ...(request.recordEvents === true ? { recordEvents: true } : {}),
        } satisfies ReplicateJob);
      };
      const count = Math.max(1, Math.min(workerCount, requests.length));
      for (let w = 0; w < count; w++) {
        const worker = startWorker(module);
        workers.push(worker);
        worker.on('message', (report: WorkerReport) => {
          if (report.type === 'progress') {
            ticksDone[report.job] = report.tick;
            if (onProgress) {
              let sum = 0;
              for (let i = 0; i < ticksDone.length; i++) sum += ticksDone[i]!;
              onProgress(sum, report.agentCount);
            }
          } else if (report.type === 'result') {
            results[report.job] = report.result;
            hooks?.onEnd?.(report.job, report.result);
            finished++;
            if (finished === requests.length) resolve();
            else assign(worker);
          } else if (settle) {
            const failure: RunFailure = { failed: true, replicateKey: requests[report.job]?.replicateKey, message: report.message };
            results[report.job] = failure;
            hooks?.onEnd?.(report.job, failure);
            finished++;
            if (finished === requests.length) resolve();
            else assign(worker);
          } else {
            // Money past 2^53 cents is the scenario's doing, not the program's: it keeps its kind
            // (the command exits 2 with the message that names what to lower).
            const Failure = report.name === 'MoneyRangeError' ? MoneyRangeError : ReplicateFailure;
            const failure = new Failure(`replicate ${requests[report.job]?.replicateKey ?? report.job}: ${report.message}`);
            failure.stack = `${failure.name}: ${failure.message}\n(in worker) ${report.stack}`;
            fail(failure);
          }
        });
        worker.on('error', fail);
        worker.on('exit', (code) => {
          if (finished < requests.length) fail(new ReplicateFailure(`a worker thread exited early (code ${code})`));
        });
        assign(worker);
      }
    });
  } finally {
    await Promise.all(workers.map((worker) => worker.terminate()));
  }
  return results.map((result, i) => {
    if (result === undefined) throw new ReplicateFailure(`replicate ${i} returned nothing`);
    return result;
  });
}
