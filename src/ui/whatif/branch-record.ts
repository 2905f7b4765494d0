// What the what-if view has received: the original's series and, from the branch point on,
// the branch's, each as growing typed columns placed at the row the worker says.
import type { RunInfo, RunMode } from '../../worker/protocol.ts';
import type { BranchChanges, BranchFrame } from '../../worker/branch-protocol.ts';

/** Rows of one run: a frame's rows go at its `fromRow`, and a frame that starts earlier cuts what followed. */
export class SeriesRows {
  private rows = 0;
  private ticksData = new Float64Array(64);
  private columnsData: Float64Array[];

  constructor(columns: number) {
    this.columnsData = Array.from({ length: columns }, () => new Float64Array(64));
  }

  get length(): number {
    return this.rows;
  }

  place(fromRow: number, ticks: Float64Array, columns: readonly Float64Array[]): void {
    const rows = fromRow + ticks.length;
    if (rows > this.ticksData.length) {
      let capacity = this.ticksData.length;
      while (capacity < rows) capacity *= 2;
      const grow = (old: Float64Array) => {
        const next = new Float64Array(capacity);
        next.set(old);
        return next;
      };
      this.ticksData = grow(this.ticksData);
      this.columnsData = this.columnsData.map(grow);
    }
    this.ticksData.set(ticks, fromRow);
    columns.forEach((column, c) => this.columnsData[c]?.set(column, fromRow));
    this.rows = rows;
  }

  ticks(): Float64Array {
    return this.ticksData.subarray(0, this.rows);
  }

  column(index: number): Float64Array {
    return this.columnsData[index]?.subarray(0, this.rows) ?? new Float64Array(0);
  }
}

export interface BranchState {
  readonly tick: number;
  readonly changes: BranchChanges;
  /** The branch's row index of its first row kept here (the last one at or before the branch point). */
  readonly firstRow: number;
  readonly rows: SeriesRows;
}

export class BranchRecord {
  info: RunInfo | null = null;
  tick = 0;
  mode: RunMode = 'paused';
  /** Bumped on every change, so charts can tell a new frame from an old one. */
  version = 0;
  original = new SeriesRows(0);
  branch: BranchState | null = null;
  private readonly index = new Map<string, number>();
  /** Frames of a run whose load has not answered yet (the worker sends its first frame while loading). */
  private early: BranchFrame[] = [];

  begin(info: RunInfo): void {
    this.info = info;
    this.tick = 0;
    this.mode = 'paused';
    this.original = new SeriesRows(info.scalars.length);
    this.branch = null;
    this.index.clear();
    info.scalars.forEach((s, i) => this.index.set(s.id, i));
    this.version++;
    const early = this.early.filter((f) => f.runId === info.runId);
    this.early = [];
    for (const frame of early) this.apply(frame);
  }

  /** A frame of the current run (older runs' frames are dropped: false). */
  apply(frame: BranchFrame): boolean {
    if (this.info === null || frame.runId > this.info.runId) {
      this.early = [...this.early.slice(-8), frame];
      return false;
    }
    if (frame.runId !== this.info.runId) return false;
    this.original.place(frame.fromRow, frame.ticks, frame.columns);
    const b = frame.branch;
    if (b === null) this.branch = null;
    else {
      const current = this.branch;
      // A new branch (or one restarted from its point) starts its rows afresh.
      const fresh = current === null || current.tick !== b.branchTick || b.fromRow <= current.firstRow
        || JSON.stringify(current.changes) !== JSON.stringify(b.changes);
      const state = fresh ? { tick: b.branchTick, changes: b.changes, firstRow: b.fromRow, rows: new SeriesRows(this.info.scalars.length) } : current;
      state.rows.place(b.fromRow - state.firstRow, b.ticks, b.columns);
      this.branch = state;
    }
    this.tick = frame.tick;
    this.mode = frame.mode;
    this.version++;
    return true;
  }

  columnIndex(id: string): number | undefined {
    return this.index.get(id);
  }

  /** The last value of a reporter in each run (the branch's only once it has one past its point). */
  latest(id: string): { original: number | undefined; branch: number | undefined } {
    const k = this.index.get(id);
    if (k === undefined) return { original: undefined, branch: undefined };
    const o = this.original.column(k);
    const b = this.branch?.rows.column(k);
    return { original: o[o.length - 1], branch: b !== undefined && b.length > 1 ? b[b.length - 1] : undefined };
  }
}
