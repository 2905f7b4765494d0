// The page's pool of ensemble workers (issue 17's planner; issue 18 grows it for replicates,
// comparisons and claims): navigator.hardwareConcurrency - 1 workers (at least one, leaving a
// core to the page and the simulator's own worker), each running one job at a time from a
// shared queue. A batch resolves with its results in job order. A newer batch in the same lane
// supersedes an older one: its queued jobs are dropped and it resolves as cancelled, so a
// slider dragged across ten values runs the last value, not ten ensembles.
// A worker that throws outside a job, or stops making progress in one (the browser closed or
// killed it: no event says so), fails its job with a readable message and is replaced, so the
// batch goes on and the page can run again.
import * as Comlink from 'comlink';
import type { EnsembleJob, JobResult } from './ensemble-job.ts';
import type { EnsembleWorkerApi } from './ensemble-worker.ts';
import { seconds, watchSilence } from './stall-watch.ts';

export type BatchOutcome =
  | { readonly cancelled: false; readonly results: readonly JobResult[] }
  | { readonly cancelled: true };

interface Slot {
  readonly worker: Worker;
  readonly api: Comlink.Remote<EnsembleWorkerApi>;
  busy: boolean;
  current: Queued | null;
  /** The page's end of the port the worker beats on while it runs a job. */
  readonly beats: MessagePort;
  /** When the worker last showed progress on its job (performance.now()). */
  beatAt: number;
}

interface Queued {
  readonly job: EnsembleJob;
  readonly lane: string;
  readonly generation: number;
  readonly priority: number;
  readonly done: (result: JobResult) => void;
}

/** How often the pool looks for workers that stopped making progress. */
export const CHECK_EVERY_MS = 2_000;
/**
 * A job without progress this long means its worker is gone. A worker beats once its scenario
 * is built and after every month (at most every BEAT_EVERY_MS), so the longest silence is a
 * build or a month: in mixed, 0.2 s and 0.33 s at 10,000 persons, 1.2 s and 1.3 s at 100,000,
 * measured in Node at a load of 12-13 on two cores.
 */
export const STALL_MS = 30_000;

export interface PoolOptions {
  /** Makes one worker of the pool (a test hands in its own). */
  readonly spawn?: () => Worker;
  readonly stallMs?: number;
  readonly checkEveryMs?: number;
}

const spawnEnsembleWorker = () => new Worker(new URL('./ensemble-worker.ts', import.meta.url), { type: 'module' });

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
  private readonly spawn: () => Worker;
  private readonly stallMs: number;
  private readonly checkEveryMs: number;
  private stopWatch: (() => void) | undefined;

  constructor(size = poolSizeFor(navigator.hardwareConcurrency), options: PoolOptions = {}) {
    this.size = size;
    this.spawn = options.spawn ?? spawnEnsembleWorker;
    this.stallMs = options.stallMs ?? STALL_MS;
    this.checkEveryMs = options.checkEveryMs ?? CHECK_EVERY_MS;
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
    for (const slot of this.slots) {
      slot.worker.terminate();
      slot.beats.close();
    }
    this.slots.length = 0;
    this.stopWatching();
  }

  private slot(): Slot | undefined {
    const idle = this.slots.find((s) => !s.busy);
    if (idle !== undefined || this.slots.length >= this.size) return idle;
    const worker = this.spawn();
    const api = Comlink.wrap<EnsembleWorkerApi>(worker);
    // Its beats come on a port of their own: the worker posts them while its job runs, and
    // Comlink's calls are answered only between jobs.
    const beats = new MessageChannel();
    const slot: Slot = { worker, api, busy: false, current: null, beats: beats.port1, beatAt: performance.now() };
    beats.port1.onmessage = () => { slot.beatAt = performance.now(); };
    void api.beatOn(Comlink.transfer(beats.port2, [beats.port2])).catch(() => {});
    worker.addEventListener('error', (event) => {
      event.preventDefault();
      this.retire(slot, `an ensemble worker failed: ${event.message || 'it could not start'}`);
    });
    this.slots.push(slot);
    return slot;
  }

  /** Ends `slot`'s worker and fails its job with `message`; the next pump starts another. */
  private retire(slot: Slot, message: string): void {
    slot.worker.terminate();
    slot.beats.close();
    const at = this.slots.indexOf(slot);
    if (at >= 0) this.slots.splice(at, 1);
    const item = slot.current;
    slot.current = null;
    item?.done({ ok: false, message });
    this.pump();
  }

  /** Checks every checkEveryMs, while jobs run, that each busy worker still makes progress. */
  private watch(): void {
    if (this.stopWatch !== undefined) return;
    this.stopWatch = watchSilence(this.checkEveryMs, (now, frozen) => {
      const busy = this.slots.filter((slot) => slot.current !== null);
      if (busy.length === 0) {
        this.stopWatching();
        return;
      }
      for (const slot of busy) {
        // While the page was frozen each job's clock starts again.
        if (frozen) slot.beatAt = now;
        else if (now - slot.beatAt > this.stallMs) {
          this.retire(slot, `an ensemble worker stopped answering (no progress for ${seconds(now - slot.beatAt)} s): the browser may have closed it or run out of memory for it`);
        }
      }
    });
  }

  private stopWatching(): void {
    this.stopWatch?.();
    this.stopWatch = undefined;
  }

  private pump(): void {
    while (this.queue.length > 0) {
      const slot = this.slot();
      if (slot === undefined) return;
      const item = this.queue.shift()!;
      slot.busy = true;
      slot.current = item;
      slot.beatAt = performance.now();
      this.watch();
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
