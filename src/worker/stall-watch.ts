// Telling a worker the browser has closed from one that is busy: no event says a worker is gone,
// so the page watches for silence. One mechanism for the page's three kinds of worker: the engine
// and what-if clients ping theirs (they run in slices and answer between them), the ensemble pool
// listens for the beats its workers send during a job (a job is one synchronous call).

/** How often a client pings its worker. */
export const PING_EVERY_MS = 2_000;
/**
 * A ping unanswered this long means the worker is gone. The engine and what-if workers answer
 * between slices of a few milliseconds; only one month of a very large economy runs longer
 * unbroken (about a second at a million persons, two for a what-if's pair), and a load, which
 * may build for longer, is not timed.
 */
export const PING_TIMEOUT_MS = 10_000;

/**
 * Calls `check` every `everyMs` until the returned function is called. `frozen` is true when the
 * page's own timers ran late (a frozen page, a background tab): no silence is held against a
 * worker then.
 */
export function watchSilence(everyMs: number, check: (now: number, frozen: boolean) => void): () => void {
  let checkedAt = performance.now();
  const timer = setInterval(() => {
    const now = performance.now();
    const frozen = now - checkedAt > 3 * everyMs;
    checkedAt = now;
    check(now, frozen);
  }, everyMs);
  return () => clearInterval(timer);
}

export interface PingWatch {
  readonly everyMs?: number;
  readonly timeoutMs?: number;
  /** True while the worker may rightly not answer (building a scenario). */
  excused(): boolean;
  /** Called once, with how long the ping has gone unanswered; the watch has stopped. */
  stalled(silentMs: number): void;
}

/** Pings a worker until the returned function is called or a ping goes unanswered too long. */
export function watchPings(ping: () => Promise<unknown>, watch: PingWatch): () => void {
  const timeoutMs = watch.timeoutMs ?? PING_TIMEOUT_MS;
  let sentAt: number | null = null;
  const stop = watchSilence(watch.everyMs ?? PING_EVERY_MS, (now, frozen) => {
    if (sentAt === null) {
      sentAt = now;
      ping().then(() => { sentAt = null; }, () => {});
    } else if (!watch.excused() && !frozen && now - sentAt > timeoutMs) {
      stop();
      watch.stalled(now - sentAt);
    }
  });
  return stop;
}

/** A silence in whole seconds, for messages. */
export const seconds = (ms: number): number => Math.round(ms / 1000);
