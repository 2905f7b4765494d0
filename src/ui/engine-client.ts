// The page's handle on the engine worker. A worker that throws, fails to load or receives a
// message it cannot read is reported as a readable message; so is one that stops answering (the
// browser closed or killed it: no event says so, so the page pings it). The next load or reset
// starts a fresh worker, so the page stays usable.
import * as Comlink from 'comlink';
import type { EngineApi, LoadOutcome, LoadRequest, MetricFrame, Speed } from '../worker/protocol.ts';
import { seconds, watchPings } from '../worker/stall-watch.ts';

/** The longest the page waits for an idle moment before asking the worker to prime anyway. */
const PRIME_IDLE_TIMEOUT_MS = 1000;

export interface EngineEvents {
  frame(frame: MetricFrame): void;
  failure(message: string): void;
}

export class EngineClient {
  private readonly events: EngineEvents;
  private worker: Worker | null = null;
  private api: Comlink.Remote<EngineApi> | null = null;
  /** True after a crash: commands are ignored until a load starts a new worker. */
  dead = false;
  /** Rejects when the current worker crashes, so a call in flight does not wait forever. */
  private crashed: Promise<never> = new Promise(() => {});
  private rejectCrashed: (error: Error) => void = () => {};
  private stopWatching: () => void = () => {};
  /** Loads in flight: the worker may be busy building a large scenario and not answer pings. */
  private loading = 0;

  constructor(events: EngineEvents) {
    this.events = events;
  }

  private start(): Comlink.Remote<EngineApi> {
    this.worker?.terminate();
    const worker = new Worker(new URL('../worker/engine-worker.ts', import.meta.url), { type: 'module' });
    worker.addEventListener('error', (event) => {
      event.preventDefault();
      this.crash(`The engine worker failed: ${event.message || 'it could not start or threw outside a run'}`);
    });
    worker.addEventListener('messageerror', () => {
      this.crash('The engine worker sent a message the page could not read.');
    });
    this.crashed = new Promise<never>((_, reject) => { this.rejectCrashed = reject; });
    this.crashed.catch(() => {});
    const api = Comlink.wrap<EngineApi>(worker);
    void api.listen(Comlink.proxy({
      frame: (frame: MetricFrame) => this.events.frame(frame),
      failure: (message: string) => this.events.failure(message),
    }));
    this.worker = worker;
    this.api = api;
    this.dead = false;
    this.watch(api);
    return api;
  }

  /** Pings `api` while it is the current worker; one unanswered for PING_TIMEOUT_MS is a crash. */
  private watch(api: Comlink.Remote<EngineApi>): void {
    this.stopWatching();
    this.stopWatching = watchPings(() => api.ping(), {
      excused: () => this.loading > 0,
      stalled: (silentMs) => this.crash(`The engine worker stopped answering (for ${seconds(silentMs)} s): the browser may have closed it or run out of memory for it.`),
    });
  }

  private crash(message: string): void {
    if (this.dead) return;
    this.dead = true;
    this.stopWatching();
    this.worker?.terminate();
    this.worker = null;
    this.api = null;
    this.rejectCrashed(new Error(message));
    this.events.failure(message);
  }

  /**
   * Loads a scenario, starting a worker first if there is none (or it crashed). Null when the
   * worker failed: that is no fault of the scenario, and the failure has been reported.
   */
  async load(request: LoadRequest): Promise<LoadOutcome | null> {
    const api = this.api ?? this.start();
    this.loading++;
    try {
      return await Promise.race([api.load(request), this.crashed]);
    } catch (error) {
      this.crash(`The engine worker failed while loading: ${(error as Error).message ?? String(error)}`);
      return null;
    } finally {
      this.loading--;
    }
  }

  private command(run: (api: Comlink.Remote<EngineApi>) => Promise<void>): void {
    const api = this.api;
    if (api === null || this.dead) return;
    run(api).catch((error: unknown) => {
      this.events.failure(`The engine refused a command: ${(error as Error).message ?? String(error)}`);
    });
  }

  play(): void { this.command((api) => api.play()); }
  pause(): void { this.command((api) => api.pause()); }
  step(months: number): void { this.command((api) => api.step(months)); }
  reset(): void { this.command((api) => api.reset()); }
  setSpeed(speed: Speed): void { this.command((api) => api.setSpeed(speed)); }
  seekYear(year: number): void { this.command((api) => api.seekYear(year)); }

  /**
   * Lets the worker warm its engine up (RunSession.prime) once the page is idle: after the
   * load's first paint, never in its way. A browser without idle callbacks asks a moment later.
   */
  primeWhenIdle(): void {
    const ask = () => this.command((api) => api.prime());
    if (typeof requestIdleCallback === 'function') requestIdleCallback(ask, { timeout: PRIME_IDLE_TIMEOUT_MS });
    else setTimeout(ask, PRIME_IDLE_TIMEOUT_MS);
  }
}
