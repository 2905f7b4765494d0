// A worker of the page's ensemble pool: runs one job at a time (ensemble-job.ts). The job is
// parsed with zod in runJob. While a job runs it beats on the pool's port (ensemble-pool.ts),
// so the pool can tell a long job from a worker the browser has closed.
import * as Comlink from 'comlink';
import { runJob, type EnsembleJob, type JobResult } from './ensemble-job.ts';

/** At most one beat this often: the pool waits seconds (STALL_MS), not milliseconds. */
const BEAT_EVERY_MS = 250;

export interface EnsembleWorkerApi {
  /** The port beats go to. */
  beatOn(port: MessagePort): void;
  run(job: EnsembleJob): JobResult;
}

let beats: MessagePort | null = null;
let beatAt = -Infinity;

function beat(): void {
  const now = performance.now();
  if (now - beatAt < BEAT_EVERY_MS) return;
  beatAt = now;
  beats?.postMessage(null);
}

const api: EnsembleWorkerApi = {
  beatOn(port: MessagePort): void {
    beats = port;
  },
  // The result is copied, not transferred: the first ArrayBuffer a thread detaches invalidates
  // V8's assumption that none ever is, and with it every optimised function that reads a typed
  // array. Measured in the CLI's replicate workers (Node 20, src/cli/replicate-worker.ts): the
  // engine was compiled again after each worker's first run. The series are a few hundred kilobytes.
  run: (job: EnsembleJob): JobResult => runJob(job, beat),
};

Comlink.expose(api);
