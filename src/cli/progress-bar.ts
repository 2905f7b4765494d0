// A one-line progress bar for terminals: ticks (months) done / total, %, agent-ticks per second and
// the time left. Drawn at most ten times a second; the caller creates it only for a TTY.
import type { WriteStream } from 'node:tty';

const REDRAW_MS = 100;
const WIDTH = 24;

export function formatDuration(seconds: number): string {
  if (!Number.isFinite(seconds) || seconds < 0) return '--:--';
  const s = Math.round(seconds);
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const rest = String(s % 60).padStart(2, '0');
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${rest}` : `${m}:${rest}`;
}

export function formatRate(perSecond: number): string {
  if (perSecond >= 1e9) return `${(perSecond / 1e9).toFixed(2)}G`;
  if (perSecond >= 1e6) return `${(perSecond / 1e6).toFixed(1)}M`;
  if (perSecond >= 1e3) return `${(perSecond / 1e3).toFixed(1)}k`;
  return perSecond.toFixed(0);
}

/**
 * The bar's text for `done` of `total` months after `elapsedMs`. The time left is `etaSeconds`
 * when the caller knows better (NaN shows as --:--), else the elapsed time's pace so far, with
 * `paceNote` after it when the caller says what that pace is worth.
 */
export function progressLine(done: number, total: number, agentCount: number, elapsedMs: number, etaSeconds?: number, paceNote?: string): string {
  const fraction = total > 0 ? Math.min(1, done / total) : 1;
  const filled = Math.round(fraction * WIDTH);
  const seconds = elapsedMs / 1000;
  const rate = seconds > 0 ? (done * agentCount) / seconds : 0;
  const eta = etaSeconds ?? (done > 0 ? seconds * (total - done) / done : Number.NaN);
  return `[${'#'.repeat(filled)}${'.'.repeat(WIDTH - filled)}] ${done}/${total} ticks `
    + `${(fraction * 100).toFixed(1)}%  ${formatRate(rate)} agent-ticks/s  ETA ${formatDuration(eta)}${etaSeconds === undefined && paceNote !== undefined ? ` (${paceNote})` : ''}`;
}

export class ProgressBar {
  private readonly stream: WriteStream;
  private readonly totalTicks: number;
  private readonly started = performance.now();
  private lastDrawn = -Infinity;
  private drawn = false;
  /** When the runs should end (performance.now() ms), if the caller estimates it; NaN: not yet known. */
  private end: number | undefined;
  private paceNote: string | undefined;

  constructor(stream: WriteStream, totalTicks: number) {
    this.stream = stream;
    this.totalTicks = totalTicks;
  }

  update(ticksDone: number, agentCount: number): void {
    const now = performance.now();
    if (now - this.lastDrawn < REDRAW_MS && ticksDone < this.totalTicks) return;
    this.lastDrawn = now;
    const line = progressLine(ticksDone, this.totalTicks, agentCount, now - this.started,
      this.end === undefined ? undefined : Math.max(0, (this.end - now) / 1000), this.paceNote);
    // A terminal of unknown width (columns 0) gets the whole line.
    const width = (this.stream.columns ?? 0) > 20 ? this.stream.columns - 1 : line.length;
    this.stream.write(`\r${line.slice(0, width)}\x1b[K`);
    this.drawn = true;
  }

  /** The time left counts down to `endMs` (performance.now() ms) instead of the pace so far. */
  setEnd(endMs: number): void {
    this.end = endMs;
  }

  /** Said after the pace's time left until an end is set (the claims command: warm-up pace, so high). */
  notePace(note: string): void {
    this.paceNote = note;
  }

  /** Clears the line so what follows starts clean. */
  finish(): void {
    if (this.drawn) this.stream.write('\r\x1b[K');
  }
}
