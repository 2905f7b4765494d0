// The messages between the page and the engine worker. Requests are parsed with zod on the
// worker side (the page is a different trust zone: share links and files are untrusted);
// frames carry arbitrary reporter columns, distribution snapshots and events, so a new
// scenario kind needs no protocol change.
import { z } from 'zod';
import type { ScenarioIssue } from '../scenarios/load.ts';
import type { OrganisationLifetimes } from '../model/economy/organisation-survival.ts';

export const MAX_SCENARIO_TEXT = 1_000_000;

export const loadRequestSchema = z.strictObject({
  text: z.string().max(MAX_SCENARIO_TEXT),
  overrides: z.record(
    z.string().min(1).max(200),
    z.union([z.number(), z.string().max(200), z.boolean()]),
  ).default({}),
});
export type LoadRequest = z.input<typeof loadRequestSchema>;

/** Months per second, or as fast as the engine goes. */
export const speedSchema = z.union([z.number().positive().max(1_000_000), z.literal('max')]);
export type Speed = z.output<typeof speedSchema>;

export const stepMonthsSchema = z.number().int().min(1).max(12_000);
export const seekYearSchema = z.number().min(0).max(1000);

export interface ReporterInfo {
  readonly id: string;
  readonly label: string;
  readonly unit: string;
  readonly description: string;
}

/** What the page needs to know about a loaded run before any frame arrives. */
export interface RunInfo {
  /** Changes on every load: frames of an older scenario are dropped. A reset keeps it and restarts at row 0. */
  readonly runId: number;
  readonly kind: string;
  readonly name: string;
  readonly description: string;
  readonly seed: string | number;
  readonly agentCount: number;
  readonly totalTicks: number;
  readonly recordEveryMonths: number;
  readonly scalars: readonly ReporterInfo[];
  readonly distributions: readonly ReporterInfo[];
}

export type LoadOutcome =
  | { readonly ok: true; readonly info: RunInfo }
  | { readonly ok: false; readonly issues: readonly ScenarioIssue[] };

export interface DistributionFrame {
  readonly id: string;
  /** 101 Lorenz ordinates: cumulative share held by the poorest 0%, 1%, ... 100%. */
  readonly lorenz: Float64Array;
  readonly edges: Float64Array;
  readonly counts: Float64Array;
  /** Agents below the first histogram edge (zero or negative). */
  readonly below: number;
  readonly gini: number;
  /**
   * Agents' values in agent order: every agent of a population small enough to draw, else
   * every `sampleStride`-th agent (a fixed sample of about DRAWN_AGENTS_MAX); null when the
   * model sends none.
   */
  readonly values: Float64Array | null;
  /** 1 when `values` holds every agent; k when it holds agents 0, k, 2k, ... */
  readonly sampleStride: number;
}

/** How the persons of an economy make a living now (person-kinds.ts codes). */
export interface AgentKindsFrame {
  /** The kind of each agent `values` holds (same sample, same order). */
  readonly sample: Uint8Array;
  readonly sampleStride: number;
  /** Persons of each kind in the whole population. */
  readonly counts: Float64Array;
}

/** Organisations alive now: what the organisations view draws (economies). */
export interface OrganisationsNow {
  /** Organisation ids (indices into OrganisationLifetimes) of those alive. */
  readonly ids: Int32Array;
  /** Persons each counts as its own (members, probationers, employees). */
  readonly sizes: Float64Array;
}

/** A merge, takeover or other dated event a model lists on `state.events`. */
export interface RunEvent {
  readonly tick: number;
  readonly kind: string;
  readonly fields: Readonly<Record<string, string | number | boolean>>;
}

export type RunMode = 'paused' | 'playing' | 'seeking';

export interface MetricFrame {
  readonly runId: number;
  readonly tick: number;
  readonly totalTicks: number;
  readonly mode: RunMode;
  /** Index of the first series row in this frame; 0 means the page starts its series afresh. */
  readonly fromRow: number;
  readonly ticks: Float64Array;
  /** One column per scalar reporter, in `RunInfo.scalars` order. */
  readonly columns: Float64Array[];
  readonly distributions: DistributionFrame[];
  /** Events from index `eventsFrom` of the run's list on. */
  readonly eventsFrom: number;
  readonly events: RunEvent[];
  /** Every organisation's life so far (economies), for the survival curves; absent otherwise. */
  readonly organisations?: OrganisationLifetimes;
  /** Economies: how persons make a living now, and the organisations alive with their sizes. */
  readonly agentKinds?: AgentKindsFrame;
  readonly organisationsNow?: OrganisationsNow;
}

/** Populations up to this size are sent agent by agent and drawn as dots. */
export const DRAWN_AGENTS_MAX = 500;

/** The buffers of a frame, moved rather than copied across the boundary. */
export function transferablesOf(frame: MetricFrame): ArrayBuffer[] {
  const buffers: ArrayBufferLike[] = [frame.ticks.buffer, ...frame.columns.map((c) => c.buffer)];
  for (const d of frame.distributions) {
    buffers.push(d.lorenz.buffer, d.edges.buffer, d.counts.buffer);
    if (d.values !== null) buffers.push(d.values.buffer);
  }
  const o = frame.organisations;
  if (o !== undefined) buffers.push(o.kind.buffer, o.line.buffer, o.foundedTick.buffer, o.endedTick.buffer, o.exit.buffer, o.sizeAtOneYear.buffer, o.sizeAtEnd.buffer);
  if (frame.agentKinds !== undefined) buffers.push(frame.agentKinds.sample.buffer, frame.agentKinds.counts.buffer);
  if (frame.organisationsNow !== undefined) buffers.push(frame.organisationsNow.ids.buffer, frame.organisationsNow.sizes.buffer);
  return [...new Set(buffers)].filter((b): b is ArrayBuffer => b instanceof ArrayBuffer);
}

/** The page's side of the conversation: the worker calls these. */
export interface FrameListener {
  frame(frame: MetricFrame): void;
  failure(message: string): void;
}

/** The worker's API as the page sees it through Comlink. */
export interface EngineApi {
  listen(listener: FrameListener): void;
  load(request: LoadRequest): LoadOutcome;
  play(): void;
  pause(): void;
  step(months: number): void;
  reset(): void;
  setSpeed(speed: Speed): void;
  seekYear(year: number): void;
  /** Warms the engine up in the worker's idle time (RunSession.prime); the page asks when it is idle after a load. */
  prime(): void;
  /** Answers at once between slices of a run: the page's check that the worker is alive. */
  ping(): boolean;
}
