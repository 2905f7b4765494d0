// The page's ensemble pool with its workers faked in-process (a MessageChannel and Comlink, as a
// worker would expose them): a worker that stops making progress mid-job, as one the browser has
// closed does, fails that job with a message and the batch goes on on a new worker; a long job
// whose worker beats is left to run.
import { afterEach, describe, expect, it } from 'vitest';
import * as Comlink from 'comlink';
import { EnsemblePool } from '../../src/worker/ensemble-pool.ts';
import type { EnsembleJob, JobResult } from '../../src/worker/ensemble-job.ts';
import type { EnsembleWorkerApi } from '../../src/worker/ensemble-worker.ts';

/** How a fake worker runs a job: the result, after calling `beat` as it likes. */
type FakeRun = (job: EnsembleJob, beat: () => void) => Promise<JobResult>;

const pools: EnsemblePool[] = [];
afterEach(() => { for (const pool of pools.splice(0)) pool.terminate(); });

/** A pool whose workers run `runs[k]` for the k-th worker it starts; it checks often and calls a second without a beat a stall. */
function poolOf(runs: FakeRun[]): { pool: EnsemblePool; spawned: () => number; terminated: () => number } {
  let spawned = 0;
  let terminated = 0;
  const pool = new EnsemblePool(1, {
    stallMs: 1_000,
    checkEveryMs: 25,
    spawn: () => {
      const run = runs[spawned++]!;
      const { port1, port2 } = new MessageChannel();
      let beats: MessagePort | null = null;
      const api = {
        beatOn(port: MessagePort) { beats = port; },
        run: (job: EnsembleJob) => run(job, () => beats?.postMessage(null)),
      } satisfies Record<keyof EnsembleWorkerApi, unknown>;
      Comlink.expose(api, port2 as unknown as Comlink.Endpoint);
      return Object.assign(port1, {
        terminate: () => { terminated++; port1.close(); port2.close(); },
        onerror: null,
      }) as unknown as Worker;
    },
  });
  pools.push(pool);
  return { pool, spawned: () => spawned, terminated: () => terminated };
}

const job = (k: number): EnsembleJob => ({ text: `job ${k}`, measure: 'series' });
const answer = (job: EnsembleJob): JobResult => ({ ok: false, message: `ran ${job.text}` });
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('the ensemble pool', () => {
  it('fails the job of a worker that stops making progress, with a message, and runs the rest on a new worker', async () => {
    const { pool, spawned, terminated } = poolOf([
      // Answers the first job, then goes silent in the second, as a worker the browser closed.
      async (j) => (j.text === 'job 1' ? new Promise<JobResult>(() => {}) : answer(j)),
      async (j) => answer(j),
    ]);
    const outcome = await pool.run('test', [job(0), job(1), job(2)]);
    expect(outcome.cancelled).toBe(false);
    if (outcome.cancelled) return;
    expect(outcome.results[0]).toEqual({ ok: false, message: 'ran job 0' });
    expect(outcome.results[1]!.ok).toBe(false);
    expect((outcome.results[1] as { message: string }).message).toMatch(/^an ensemble worker stopped answering \(no progress for \d+ s\)/);
    expect(outcome.results[2]).toEqual({ ok: false, message: 'ran job 2' });
    expect([spawned(), terminated()]).toEqual([2, 1]);
  });

  it('lets a job run past the stall limit while its worker beats', async () => {
    const { pool, terminated } = poolOf([
      async (j, beat) => {
        // Three times the stall limit, beating every 50 ms.
        for (let t = 0; t < 3_000; t += 50) { beat(); await sleep(50); }
        return answer(j);
      },
    ]);
    const outcome = await pool.run('test', [job(0)]);
    expect(outcome).toEqual({ cancelled: false, results: [{ ok: false, message: 'ran job 0' }] });
    expect(terminated()).toBe(0);
  });
});
