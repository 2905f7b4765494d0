// A worker thread of the replicate pool: takes one replicate at a time, runs it with the
// same engine as the main thread, and posts progress and the finished series back.
import { parentPort, threadId } from 'node:worker_threads';
import { z } from 'zod';
import { scenarioSchema } from '../scenarios/schema.ts';
import { primeThread, runReplicate } from './replicate-run.ts';
import { threadCpuMs } from './thread-cpu.ts';

/** Main thread -> worker: run this replicate (the scenario data is parsed on arrival). */
export const replicateJobSchema = z.object({
  job: z.number().int().min(0),
  scenarioData: scenarioSchema,
  replicateKey: z.string().min(1).optional(),
  checkConservation: z.boolean(),
  recordEvents: z.boolean().optional(),
});
export interface ReplicateJob {
  readonly job: number;
  readonly scenarioData: unknown;
  readonly replicateKey?: string;
  readonly checkConservation: boolean;
  readonly recordEvents?: boolean;
}

/** Worker -> main thread. */
export type WorkerReport =
  | { readonly type: 'progress'; readonly job: number; readonly tick: number; readonly totalTicks: number; readonly agentCount: number }
  | { readonly type: 'result'; readonly job: number; readonly result: ReturnType<typeof runReplicate> }
  | { readonly type: 'error'; readonly job: number; readonly message: string; readonly stack: string; readonly name?: string };

const port = parentPort;
if (port === null) throw new Error('replicate-worker.ts runs only as a worker thread');

port.on('message', (message: unknown) => {
  const jobField = (message as { job?: unknown }).job;
  const jobId = typeof jobField === 'number' ? jobField : -1;
  try {
    const job = replicateJobSchema.parse(message);
    const { replicateKey, checkConservation, recordEvents } = job;
    primeThread(job.scenarioData);
    const cpuBefore = threadCpuMs();
    const run = runReplicate(
      { scenario: job.scenarioData, replicateKey, checkConservation, recordEvents: recordEvents === true },
      (tick, totalTicks, agentCount) => port.postMessage({ type: 'progress', job: jobId, tick, totalTicks, agentCount } satisfies WorkerReport),
    );
    const cpuAfter = threadCpuMs();
    const result = { ...run, threadId, ...(cpuBefore === undefined || cpuAfter === undefined ? {} : { cpuMs: cpuAfter - cpuBefore }) };
    // Copied, not transferred: the first ArrayBuffer a thread detaches invalidates V8's
    // assumption that none ever is, and with it every optimised function that reads a typed
    // array (78 of them after the first run of communes-only, compiled again in the second).
    // The series are a few hundred kilobytes; copying them costs a millisecond.
    port.postMessage({ type: 'result', job: jobId, result } satisfies WorkerReport);
  } catch (error) {
    const { message: text, stack, name } = error instanceof Error ? error : new Error(String(error));
    port.postMessage({ type: 'error', job: jobId, message: text, stack: stack ?? text, name } satisfies WorkerReport);
  }
});
