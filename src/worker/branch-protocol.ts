// The messages of the what-if worker (issue 18 part 5): one run played to a month, snapshot,
// then the original and a branch with policy parameters changed, continued in lockstep on the
// same random numbers. Requests are parsed with zod in the worker (share links and snapshot
// files are untrusted); frames carry only the series, as typed arrays moved across.
import { z } from 'zod';
import { MAX_SCENARIO_TEXT, type RunInfo, type RunMode } from './protocol.ts';
import type { ScenarioIssue } from '../scenarios/load.ts';

/** A snapshot of a large economy is a few megabytes of base64; far more is not one. */
export const MAX_SNAPSHOT_TEXT = 200_000_000;

const value = z.union([z.number(), z.string().max(200), z.boolean()]);

export const branchLoadSchema = z.strictObject({
  text: z.string().max(MAX_SCENARIO_TEXT),
  overrides: z.record(z.string().min(1).max(200), value).default({}),
  replicateKey: z.string().min(1).max(200).optional(),
});
export type BranchLoadRequest = z.input<typeof branchLoadSchema>;

/** Dotted parameter path -> new value. */
export const branchChangesSchema = z.record(z.string().min(1).max(200), value);
export type BranchChanges = z.output<typeof branchChangesSchema>;

export const branchMonthSchema = z.number().int().min(0).max(12_000);
export const snapshotTextSchema = z.string().max(MAX_SNAPSHOT_TEXT);
export const fileNameSchema = z.string().min(1).max(300);

export type BranchLoadOutcome =
  | { readonly ok: true; readonly info: RunInfo }
  | { readonly ok: false; readonly issues: readonly ScenarioIssue[] };

/** A resumed snapshot file: its run, and its scenario as text (JSON, which the scenario reader reads) for links. */
export type ResumeOutcome =
  | { readonly ok: true; readonly info: RunInfo; readonly scenarioText: string; readonly replicateKey: string | null; readonly tick: number }
  | { readonly ok: false; readonly message: string };

export type BranchOutcome =
  | { readonly ok: true; readonly branchTick: number }
  | { readonly ok: false; readonly message: string };

export interface BranchRows {
  /** The month the branch left the original (its snapshot's month). */
  readonly branchTick: number;
  /** The branch's changes, as applied. */
  readonly changes: BranchChanges;
  /** Index of the first row here in the branch's series; its rows before the branch point equal the original's. */
  readonly fromRow: number;
  readonly ticks: Float64Array;
  /** One column per scalar reporter, in `RunInfo.scalars` order. */
  readonly columns: Float64Array[];
}

export interface BranchFrame {
  readonly runId: number;
  readonly tick: number;
  readonly totalTicks: number;
  readonly mode: RunMode;
  /** The original's rows from `fromRow` on (0: start afresh; less than what the page has: drop the rest). */
  readonly fromRow: number;
  readonly ticks: Float64Array;
  readonly columns: Float64Array[];
  /** Null while there is no branch (before branching, or after it is cleared). */
  readonly branch: BranchRows | null;
}

export function branchFrameTransferables(frame: BranchFrame): ArrayBuffer[] {
  const arrays = [frame.ticks, ...frame.columns, ...(frame.branch === null ? [] : [frame.branch.ticks, ...frame.branch.columns])];
  return [...new Set(arrays.map((a) => a.buffer))].filter((b): b is ArrayBuffer => b instanceof ArrayBuffer);
}

export interface BranchFrameListener {
  frame(frame: BranchFrame): void;
  failure(message: string): void;
}

/** The what-if worker's API as the page sees it through Comlink. */
export interface BranchApi {
  listen(listener: BranchFrameListener): void;
  load(request: BranchLoadRequest): BranchLoadOutcome;
  /** `source` names the file in messages. */
  resume(snapshotText: string, source: string): ResumeOutcome;
  /** Runs the original (and the branch, if any) to this month, or rebuilds to reach an earlier one. */
  seekMonth(tick: number): void;
  branch(changes: BranchChanges): BranchOutcome;
  clearBranch(): void;
  play(): void;
  pause(): void;
  /** The snapshot at the branch point, or of the original now when there is no branch. */
  snapshotText(): string | null;
  /** Answers between slices; the page pings to tell a closed worker from a busy one (stall-watch.ts). */
  ping(): boolean;
}
