// The page's pool of ensemble workers (issue 17's planner; issue 18 grows it for replicates,
// comparisons and claims): navigator.hardwareConcurrency - 1 workers (at least one, leaving a
// core to the page and the simulator's own worker), each running one job at a time from a
// shared queue. A batch resolves with its results in job order. A newer batch in the same lane
// supersedes an older one: its queued jobs are dropped and it resolves as cancelled, so a
// slider dragged across ten values runs the last value, not ten ensembles.
import * as Comlink from 'comlink';
import type { EnsembleJob, JobResult } from './ensemble-job.ts';
import type { EnsembleWorkerApi } from './ensemble-worker.ts';

export type BatchOutcome =
  | { readonly cancelled: false; readonly results: readonly JobResult[] }
  | { readonly cancelled: true };

interface Slot {
  readonly worker: Worker;
  readonly api: Comlink.Remote<EnsembleWorkerApi>;
  busy: boolean;
  current: Queued | null;
}

interface Queued {
  readonly job: EnsembleJob;
  readonly lane: string;
  readonly generation: number;
  readonly priority: number;
  readonly done: (result: JobResult) => void;
}

/** Workers the page may use: all cores but one, at least one. */
export function poolSizeFor(hardwareConcurrency: number | undefined): number {
  return Math.max(1, Math.floor(hardwareConcurrency ?? 2) - 1);
}

export class EnsemblePool {
  readonly size: number;
  private readonly slots: Slot[] = [];
  private readonly queue: Queued[] = [];
  private readonly generations = new Map<string, number>();
  private readonly cancels = new Map<string, () => void>();

  constructor(size = poolSizeFor(navigator.hardwareConcurrency)) {
    this.size = size;
  }

  /**
   * Runs `jobs` (in lane `lane`), calling `progress` as each finishes. Jobs of a higher
   * `priority` go ahead of those queued with a lower one (the run a user waits to see first).
   */
  run(
    lane: string, jobs: readonly EnsembleJob[], progress?: (done: number, total: number, index: number, result: JobResult) => void, priority = 0,
  ): Promise<BatchOutcome> {
    const generation = (this.generations.get(lane) ?? 0) + 1;
    this.generations.set(lane, generation);
    this.cancels.get(lane)?.();
    for (let i = this.queue.length - 1; i >= 0; i--) if (this.queue[i]!.lane === lane) this.queue.splice(i, 1);
    return new Promise<BatchOutcome>((resolve) => {
      const results: JobResult[] = new Array(jobs.length);
      let finished = 0;
      this.cancels.set(lane, () => resolve({ cancelled: true }));
      if (jobs.length === 0) resolve({ cancelled: false, results });
      jobs.forEach((job, index) => {
        let at = this.queue.length;
        while (at > 0 && this.queue[at - 1]!.priority < priority) at--;
        this.queue.splice(at, 0, {
          job, lane, generation, priority,
          done: (result) => {
            if (this.generations.get(lane) !== generation || index in results) return;
            results[index] = result;
            finished++;
            progress?.(finished, jobs.length, index, result);
            if (finished === jobs.length) {
              this.cancels.delete(lane);
              resolve({ cancelled: false, results });
            }
          },
        });
      });
      this.pump();
    });
  }

  /** Stops every worker; queued batches resolve as cancelled. */
  terminate(): void {
    this.queue.length = 0;
    for (const cancel of this.cancels.values()) cancel();
    this.cancels.clear();
    for (const slot of this.slots) slot.worker.terminate();
    this.slots.length = 0;
  }

  private slot(): Slot | undefined {
    const idle = this.slots.find((s) => !s.busy);
    if (idle !== undefined || this.slots.length >= this.size) return idle;
    const worker = new Worker(new URL('./ensemble-worker.ts', import.meta.url), { type: 'module' });
    const slot: Slot = { worker, api: Comlink.wrap<EnsembleWorkerApi>(worker), busy: false, current: null };
    // A worker that dies mid-job fails that job (a readable message) and is replaced by the next pump.
    worker.addEventListener('error', (event) => {
      event.preventDefault();
      worker.terminate();
      this.slots.splice(this.slots.indexOf(slot), 1);
      const item = slot.current;
      slot.current = null;
      item?.done({ ok: false, message: `an ensemble worker failed: ${event.message || 'it could not start'}` });
      this.pump();
    });
    this.slots.push(slot);
    return slot;
  }

  private pump(): void {
    while (this.queue.length > 0) {
      const slot = this.slot();
      if (slot === undefined) return;
      const item = this.queue.shift()!;
      slot.busy = true;
      slot.current = item;
      slot.api.run(item.job).then(
        (result) => item.done(result),
        (error: unknown) => item.done({ ok: false, message: `an ensemble worker failed: ${(error as Error).message ?? String(error)}` }),
      ).finally(() => {
        slot.busy = false;
        slot.current = null;
        this.pump();
      });
    }
  }
}
