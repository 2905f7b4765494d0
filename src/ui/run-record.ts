// Everything the page has received about the current run: the series so far (growing typed
// columns, one per reporter), the latest distribution snapshots, the event list and (economies)
// the latest table of organisations' lives.
import type { AgentKindsFrame, DistributionFrame, MetricFrame, OrganisationsNow, RunEvent, RunInfo, RunMode } from '../worker/protocol.ts';
import type { OrganisationLifetimes } from '../model/economy/organisation-survival.ts';

export class RunRecord {
  info: RunInfo | null = null;
  tick = 0;
  mode: RunMode = 'paused';
  /**
   * The engine runs as fast as it can (speed "as fast as possible"): charts then leave it the
   * machine while the run plays (chart-element.ts).
   */
  flatOut = false;
  /** Bumped on every change, so components can tell a new frame from an old one. */
  version = 0;
  private rows = 0;
  private ticksData = new Float64Array(64);
  private columnsData: Float64Array[] = [];
  private readonly columnIndex = new Map<string, number>();
  readonly distributions = new Map<string, DistributionFrame>();
  events: RunEvent[] = [];
  organisations: OrganisationLifetimes | null = null;
  agentKinds: AgentKindsFrame | null = null;
  organisationsNow: OrganisationsNow | null = null;
  /** Frames of a run whose load has not answered yet (the worker sends its first frame while loading). */
  private early: MetricFrame[] = [];

  begin(info: RunInfo): void {
    this.info = info;
    this.tick = 0;
    this.mode = 'paused';
    this.rows = 0;
    this.ticksData = new Float64Array(64);
    this.columnsData = info.scalars.map(() => new Float64Array(64));
    this.columnIndex.clear();
    info.scalars.forEach((s, i) => this.columnIndex.set(s.id, i));
    this.distributions.clear();
    this.events = [];
    this.organisations = null;
    this.agentKinds = null;
    this.organisationsNow = null;
    this.version++;
    const early = this.early.filter((f) => f.runId === info.runId);
    this.early = [];
    for (const frame of early) this.apply(frame);
  }

  /** Adds a frame of the current run; frames of older runs are ignored (returns false). */
  apply(frame: MetricFrame): boolean {
    if (this.info === null || frame.runId > this.info.runId) {
      this.early = [...this.early.slice(-8), frame];
      return false;
    }
    if (frame.runId !== this.info.runId) return false;
    if (frame.fromRow === 0) {
      this.rows = 0;
      this.events = [];
    }
    this.ensureCapacity(frame.fromRow + frame.ticks.length);
    this.ticksData.set(frame.ticks, frame.fromRow);
    frame.columns.forEach((column, c) => this.columnsData[c]?.set(column, frame.fromRow));
    this.rows = frame.fromRow + frame.ticks.length;
    this.events = [...this.events.slice(0, frame.eventsFrom), ...frame.events];
    for (const d of frame.distributions) this.distributions.set(d.id, d);
    this.organisations = frame.organisations ?? null;
    this.agentKinds = frame.agentKinds ?? null;
    this.organisationsNow = frame.organisationsNow ?? null;
    this.tick = frame.tick;
    this.mode = frame.mode;
    this.version++;
    return true;
  }

  get length(): number {
    return this.rows;
  }

  ticks(): Float64Array {
    return this.ticksData.subarray(0, this.rows);
  }

  has(id: string): boolean {
    return this.columnIndex.has(id);
  }

  column(id: string): Float64Array {
    const index = this.columnIndex.get(id);
    if (index === undefined) return new Float64Array(0);
    return this.columnsData[index]!.subarray(0, this.rows);
  }

  /** The last recorded value of a reporter, or undefined before the first row. */
  latest(id: string): number | undefined {
    const index = this.columnIndex.get(id);
    if (index === undefined || this.rows === 0) return undefined;
    return this.columnsData[index]![this.rows - 1];
  }

  private ensureCapacity(rows: number): void {
    if (rows <= this.ticksData.length) return;
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
}
