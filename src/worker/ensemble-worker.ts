// A worker of the page's ensemble pool: runs one job at a time (ensemble-job.ts). The job is
// parsed with zod in runJob.
import * as Comlink from 'comlink';
import { runJob, type EnsembleJob, type JobResult } from './ensemble-job.ts';

export interface EnsembleWorkerApi {
  run(job: EnsembleJob): JobResult;
}

const api: EnsembleWorkerApi = {
  // The result is copied, not transferred: the first ArrayBuffer a thread detaches invalidates
  // V8's assumption that none ever is, and with it every optimised function that reads a typed
  // array. Measured in the CLI's replicate workers (Node 20, src/cli/replicate-worker.ts): the
  // engine was compiled again after each worker's first run. The series are a few hundred kilobytes.
  run: (job: EnsembleJob): JobResult => runJob(job),
};

Comlink.expose(api);
