// The what-if view's handle on its own worker (branch-worker.ts). A worker that fails is
// reported as a readable message; the next load starts a fresh one, so the page stays usable.
import * as Comlink from 'comlink';
import type {
  BranchApi, BranchChanges, BranchFrame, BranchLoadOutcome, BranchLoadRequest, BranchOutcome, ResumeOutcome,
} from '../../worker/branch-protocol.ts';

export interface BranchEvents {
  frame(frame: BranchFrame): void;
  failure(message: string): void;
}

export class BranchClient {
  private readonly events: BranchEvents;
  private worker: Worker | null = null;
  private api: Comlink.Remote<BranchApi> | null = null;

  constructor(events: BranchEvents) {
    this.events = events;
  }

  private start(): Comlink.Remote<BranchApi> {
    this.worker?.terminate();
    const worker = new Worker(new URL('../../worker/branch-worker.ts', import.meta.url), { type: 'module' });
    worker.addEventListener('error', (event) => {
      event.preventDefault();
      this.crash(`The what-if worker failed: ${event.message || 'it could not start or threw outside a run'}`);
    });
    worker.addEventListener('messageerror', () => this.crash('The what-if worker sent a message the page could not read.'));
    const api = Comlink.wrap<BranchApi>(worker);
    void api.listen(Comlink.proxy({
      frame: (frame: BranchFrame) => this.events.frame(frame),
      failure: (message: string) => this.events.failure(message),
    }));
    this.worker = worker;
    this.api = api;
    return api;
  }

  private crash(message: string): void {
    this.worker?.terminate();
    this.worker = null;
    this.api = null;
    this.events.failure(message);
  }

  /** Calls the worker; a refusal or a crash becomes a failure message and `fallback`. */
  private async call<T>(run: (api: Comlink.Remote<BranchApi>) => Promise<T>, fallback: T, start = false): Promise<T> {
    const api = this.api ?? (start ? this.start() : null);
    if (api === null) return fallback;
    try {
      return await run(api);
    } catch (error) {
      this.events.failure(`The what-if worker refused a request: ${(error as Error).message ?? String(error)}`);
      return fallback;
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

  close(): void {
    this.worker?.terminate();
    this.worker = null;
    this.api = null;
  }
}
