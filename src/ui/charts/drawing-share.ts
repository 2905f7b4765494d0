// How much of the main thread charts may take while a run plays: a bucket of drawing time that
// fills at `share` of the wall clock up to `savedMaxMs`; each redraw spends what it took. Flat
// out on two cores the page's main thread and the engine's worker share the machine with
// Chromium's own threads: `mixed`'s half-dozen visible charts, redrawn at each of the worker's
// frames (20 a second on a quiet machine), were about half of the main thread's work per
// simulated year, time the engine's worker waited for a core.

export interface DrawingShare {
  /** Drawing time the charts may spend now (ms; negative: they are ahead of their share). */
  credit(now: number): number;
  /** A redraw from `started` to `ended` (ms). */
  spend(started: number, ended: number): void;
  /** How long until the credit is back to zero (ms; 0 when it is not below). */
  waitMs(now: number): number;
}

export function drawingShare(share: number, savedMaxMs: number): DrawingShare {
  let credit = savedMaxMs;
  let at = -Infinity;
  const creditAt = (now: number) => {
    credit = Math.min(savedMaxMs, credit + (now - at) * share);
    at = now;
    return credit;
  };
  return {
    credit: creditAt,
    spend(started, ended) {
      creditAt(ended);
      credit -= ended - started;
    },
    waitMs: (now) => Math.max(0, Math.ceil(-creditAt(now) / share)),
  };
}
