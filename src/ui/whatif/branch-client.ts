// The what-if view's handle on its own worker (branch-worker.ts). A worker that throws, fails to
// load or sends a message the page cannot read is reported as a readable message; so is one that
// stops answering (the browser closed or killed it: no event says so, so the page pings it, as
// it pings the engine worker: stall-watch.ts). A call in flight when the worker fails settles
// with its fallback; the next load starts a fresh worker, so the page stays usable.
import * as Comlink from 'comlink';
import type {
  BranchApi, BranchChanges, BranchFrame, BranchLoadOutcome, BranchLoadRequest, BranchOutcome, ResumeOutcome,
} from '../../worker/branch-protocol.ts';
import { seconds, watchPings } from '../../worker/stall-watch.ts';

export interface BranchEvents {
  frame(frame: BranchFrame): void;
  failure(message: string): void;
}

export class BranchClient {
  private readonly events: BranchEvents;
  private worker: Worker | null = null;
  private api: Comlink.Remote<BranchApi> | null = null;
  /** Rejects when the current worker fails, so a call in flight does not wait for ever. */
  private crashed: Promise<never> = new Promise(() => {});
  private rejectCrashed: (error: Error) => void = () => {};
  private stopWatching: () => void = () => {};
  /** Loads and resumes in flight: the worker may be building a large economy and not answer pings. */
  private building = 0;

  constructor(events: BranchEvents) {
    this.events = events;
  }

  private start(): Comlink.Remote<BranchApi> {
    this.close();
    const worker = new Worker(new URL('../../worker/branch-worker.ts', import.meta.url), { type: 'module' });
    worker.addEventListener('error', (event) => {
      event.preventDefault();
      this.crash(worker, `The what-if worker failed: ${event.message || 'it could not start or threw outside a run'}`);
    });
    worker.addEventListener('messageerror', () => this.crash(worker, 'The what-if worker sent a message the page could not read.'));
    this.crashed = new Promise<never>((_, reject) => { this.rejectCrashed = reject; });
    this.crashed.catch(() => {});
    const api = Comlink.wrap<BranchApi>(worker);
    void api.listen(Comlink.proxy({
      frame: (frame: BranchFrame) => this.events.frame(frame),
      failure: (message: string) => this.events.failure(message),
    }));
    this.worker = worker;
    this.api = api;
    this.stopWatching = watchPings(() => api.ping(), {
      excused: () => this.building > 0,
      stalled: (silentMs) => this.crash(worker, `The what-if worker stopped answering (for ${seconds(silentMs)} s): the browser may have closed it or run out of memory for it.`),
    });
    return api;
  }

  /** Ends `worker` if it is still the current one and reports `message` once. */
  private crash(worker: Worker, message: string): void {
    if (this.worker !== worker) return;
    this.close();
    this.events.failure(message);
  }

  /** Calls the worker; a refusal or a crash becomes a failure message and `fallback`. */
  private async call<T>(run: (api: Comlink.Remote<BranchApi>) => Promise<T>, fallback: T, start = false): Promise<T> {
    const api = this.api ?? (start ? this.start() : null);
    if (api === null) return fallback;
    const crashed = this.crashed;
    if (start) this.building++;
    try {
      return await Promise.race([run(api), crashed]);
    } catch (error) {
      // A crash has been reported already.
      if (this.api === api) this.events.failure(`The what-if worker refused a request: ${(error as Error).message ?? String(error)}`);
      return fallback;
    } finally {
      if (start && this.api === api) this.building--;
    }
  }

  load(request: BranchLoadRequest): Promise<BranchLoadOutcome | null> {
    return this.call<BranchLoadOutcome | null>((api) => api.load(request), null, true);
  }

  resume(text: string, source: string): Promise<ResumeOutcome | null> {
    return this.call<ResumeOutcome | null>((api) => api.resume(text, source), null, true);
  }

  branch(changes: BranchChanges): Promise<BranchOutcome> {
    return this.call<BranchOutcome>((api) => api.branch(changes), { ok: false, message: 'no run is loaded' });
  }

  snapshotText(): Promise<string | null> {
    return this.call((api) => api.snapshotText(), null);
  }

  seekMonth(tick: number): void { void this.call((api) => api.seekMonth(tick), undefined); }
  clearBranch(): void { void this.call((api) => api.clearBranch(), undefined); }
  play(): void { void this.call((api) => api.play(), undefined); }
  pause(): void { void this.call((api) => api.pause(), undefined); }

  /** Ends the worker; calls in flight settle with their fallbacks. */
  close(): void {
    this.rejectCrashed(new Error('the what-if worker was closed'));
    this.stopWatching();
    this.stopWatching = () => {};
    this.worker?.terminate();
    this.worker = null;
    this.api = null;
    this.building = 0;
  }
}
