// A worker of the page's ensemble pool: runs one job at a time (ensemble-job.ts) and moves the
// result's typed arrays back rather than copying them. The job is parsed with zod in runJob.
import * as Comlink from 'comlink';
import { runJob, type EnsembleJob, type JobResult } from './ensemble-job.ts';
import { planBuffers } from '../model/economy/commune-plan.ts';

function buffersOf(result: JobResult): ArrayBuffer[] {
  if (!result.ok) return [];
  if (result.measure === 'plan') return planBuffers(result.plan);
  const r = result.result;
  return [r.ticks, ...r.columns].map((a) => a.buffer).filter((b): b is ArrayBuffer => b instanceof ArrayBuffer);
}

export interface EnsembleWorkerApi {
  run(job: EnsembleJob): JobResult;
}

const api: EnsembleWorkerApi = {
  run(job: EnsembleJob): JobResult {
    const result = runJob(job);
    return Comlink.transfer(result, [...new Set(buffersOf(result))]);
  },
};

Comlink.expose(api);
