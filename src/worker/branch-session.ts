// A what-if in the worker (issue 18 part 5): one run played to a month, snapshot there, then the
// original and a branch (policy parameters changed, BRANCH_PARAMETERS only) continued in
// lockstep, month by month, from the same state and the same random stream states. The engine
// runs in slices like RunSession, so pause and seek messages get through, and frames carry
// only the series rows the page has not seen, for both runs.
import type { Simulation } from '../model/engine.ts';
import { parseScenarioText } from '../scenarios/load.ts';
import { createSimulation } from '../scenarios/create-simulation.ts';
import type { Scenario } from '../scenarios/schema.ts';
import { parseSnapshot, resumeSnapshot, snapshotOf, snapshotText, type SnapshotFile } from '../scenarios/snapshot-file.ts';
import { resumeBranch } from '../scenarios/branch.ts';
import type { RunInfo, RunMode } from './protocol.ts';
import type { SessionHooks } from './run-session.ts';
import type { BranchChanges, BranchFrame, BranchLoadOutcome, BranchOutcome, ResumeOutcome } from './branch-protocol.ts';

const SLICE_MS = 8;
const FRAME_INTERVAL_MS = 50;

export interface BranchSessionHooks extends Omit<SessionHooks, 'frame'> {
  frame(frame: BranchFrame): void;
}

/** Where the branch left the original, and what it changed. */
interface BranchPoint {
  readonly snapshot: SnapshotFile & { scenario: Scenario };
  readonly changes: BranchChanges;
  /** The branch's rows are sent from here: the last row at or before the branch month, so its line starts on the original's. */
  readonly row: number;
}

function describe(error: unknown): string {
  if (error instanceof Error) return `${error.name}: ${error.message}`;
  return `unexpected failure: ${String(error)}`;
}

function runInfoOf(simulation: Simulation, scenario: Scenario, runId: number): RunInfo {
  const model = simulation.model;
  return {
    runId, kind: scenario.kind, name: scenario.name, description: scenario.description, seed: scenario.seed,
    agentCount: model.agentCount, totalTicks: simulation.options.totalTicks, recordEveryMonths: simulation.options.recordEveryTicks,
    scalars: model.scalars.map(({ id, label, unit, description }) => ({ id, label, unit, description })),
    distributions: model.distributions.map(({ id, label, unit, description }) => ({ id, label, unit, description })),
  };
}

export class BranchSession {
  private readonly hooks: BranchSessionHooks;
  private readonly createdBy: string;
  private scenario: Scenario | null = null;
  private replicateKey: string | undefined;
  private original: Simulation | null = null;
  private branchRun: Simulation | null = null;
  private point: BranchPoint | null = null;
  private runId = 0;
  private mode: RunMode = 'paused';
  private target = 0;
  /** Rows of each run the page has. */
  private originalRows = 0;
  private branchRows = 0;
  private lastFrameAt = -Infinity;
  private loopPending = false;
  private broken = false;

  constructor(hooks: BranchSessionHooks, createdBy = 'commons-ledger page') {
    this.hooks = hooks;
    this.createdBy = createdBy;
  }

  load(text: string, overrides: Readonly<Record<string, unknown>>, replicateKey?: string): BranchLoadOutcome {
    const outcome = parseScenarioText(text, overrides);
    if (!outcome.ok) return { ok: false, issues: outcome.issues };
    try {
      this.start(outcome.scenario, replicateKey, createSimulation(outcome.scenario, replicateKey === undefined ? {} : { replicateKey }));
    } catch (error) {
      this.original = null;
      return { ok: false, issues: [{ path: '', message: `the engine could not build this scenario: ${describe(error)}` }] };
    }
    return { ok: true, info: runInfoOf(this.original!, outcome.scenario, this.runId) };
  }

  /** A snapshot file's run, at its month; a file that is not one is refused with the SnapshotError's message. */
  resume(text: string, source = 'snapshot file'): ResumeOutcome {
    let file: SnapshotFile & { scenario: Scenario };
    let simulation: Simulation;
    try {
      file = parseSnapshot(text, source);
      simulation = resumeSnapshot(file);
    } catch (error) {
      // Named by its file, as the CLI names it (parseSnapshot's own messages already are).
      const message = error instanceof Error ? error.message : String(error);
      return { ok: false, message: message.startsWith(source) ? message : `${source}: ${message}` };
    }
    this.start(file.scenario, file.replicateKey, simulation);
    return {
      ok: true, info: runInfoOf(simulation, file.scenario, this.runId),
      scenarioText: JSON.stringify(file.scenario, null, 2), replicateKey: file.replicateKey ?? null, tick: simulation.tick,
    };
  }

  private start(scenario: Scenario, replicateKey: string | undefined, simulation: Simulation): void {
    this.runId++;
    this.scenario = scenario;
    this.replicateKey = replicateKey;
    this.original = simulation;
    this.branchRun = null;
    this.point = null;
    this.mode = 'paused';
    this.broken = false;
    this.originalRows = 0;
    this.sendFrame();
  }

  /** Branches at the original's month now, or, when there is a branch, replaces it from the same point. */
  branch(changes: BranchChanges): BranchOutcome {
    const original = this.original;
    if (original === null || this.scenario === null) return { ok: false, message: 'no run is loaded' };
    if (this.broken) return { ok: false, message: 'the run stopped with an error; reset it first' };
    this.mode = 'paused';
    const snapshot = this.point?.snapshot ?? {
      ...snapshotOf(original, { scenario: this.scenario, ...(this.replicateKey === undefined ? {} : { replicateKey: this.replicateKey }) }, this.createdBy),
      scenario: this.scenario,
    };
    let branchRun: Simulation;
    try {
      branchRun = resumeBranch(snapshot, changes).simulation;
    } catch (error) {
      return { ok: false, message: error instanceof Error ? error.message : String(error) };
    }
    if (this.point !== null) {
      // A new branch from the old point: the original goes back there too, so both start level.
      this.original = resumeSnapshot(snapshot);
      this.originalRows = Math.min(this.originalRows, this.point.row + 1);
    }
    const row = Math.max(0, branchRun.series.length - 1);
    this.point = { snapshot, changes: { ...changes }, row };
    this.branchRun = branchRun;
    this.branchRows = row;
    this.sendFrame();
    return { ok: true, branchTick: snapshot.engine.tick };
  }

  /** Back to the original alone, where it is now. */
  clearBranch(): void {
    this.branchRun = null;
    this.point = null;
    this.sendFrame();
  }

  play(): void {
    if (this.original === null || this.broken || this.original.done) return;
    this.target = this.original.options.totalTicks;
    this.mode = 'playing';
    this.schedule();
  }

  pause(): void {
    if (this.mode === 'paused') return;
    this.mode = 'paused';
    this.sendFrame();
  }

  seekMonth(tick: number): void {
    if (this.original === null || this.scenario === null) return;
    if (this.broken || tick < this.original.tick) {
      const point = this.point;
      if (point !== null && !this.broken && tick >= point.snapshot.engine.tick) {
        // Both back to the branch point, then on again in step.
        this.original = resumeSnapshot(point.snapshot);
        this.branchRun = resumeBranch(point.snapshot, point.changes).simulation;
        this.originalRows = Math.min(this.originalRows, point.row + 1);
        this.branchRows = point.row;
      } else {
        try {
          this.start(this.scenario, this.replicateKey,
            createSimulation(this.scenario, this.replicateKey === undefined ? {} : { replicateKey: this.replicateKey }));
        } catch (error) {
          this.broken = true;
          this.hooks.failure(`The engine could not rebuild the run: ${describe(error)}`);
          return;
        }
      }
    }
    this.target = Math.min(tick, this.original!.options.totalTicks);
    if (this.target <= this.original!.tick) {
      this.mode = 'paused';
      this.sendFrame();
      return;
    }
    this.mode = 'seeking';
    this.schedule();
  }

  /** The snapshot file's text: at the branch point when there is a branch, else of the original now. */
  snapshotText(): string | null {
    if (this.point !== null) return snapshotText(this.point.snapshot);
    if (this.original === null || this.scenario === null || this.broken) return null;
    const origin = { scenario: this.scenario, ...(this.replicateKey === undefined ? {} : { replicateKey: this.replicateKey }) };
    return snapshotText(snapshotOf(this.original, origin, this.createdBy));
  }

  private schedule(): void {
    if (this.loopPending) return;
    this.loopPending = true;
    this.hooks.later(() => {
      this.loopPending = false;
      this.runSlice();
    }, 0);
  }

  private runSlice(): void {
    const original = this.original;
    if (original === null || this.mode === 'paused' || this.broken) return;
    const branchRun = this.branchRun;
    const sliceEnd = this.hooks.now() + SLICE_MS;
    let which = 'original';
    try {
      // Lockstep: the branch never runs ahead of the original or behind it.
      while (original.tick < this.target && this.hooks.now() < sliceEnd) {
        which = 'original';
        original.step();
        if (branchRun !== null) {
          which = 'branch';
          branchRun.step();
        }
      }
    } catch (error) {
      this.broken = true;
      this.mode = 'paused';
      this.sendFrame();
      this.hooks.failure(`The ${which} run stopped at month ${original.tick}: ${describe(error)}`);
      return;
    }
    const finished = original.tick >= this.target;
    if (finished) this.mode = 'paused';
    if (finished || this.hooks.now() - this.lastFrameAt >= FRAME_INTERVAL_MS) this.sendFrame();
    if (!finished) this.schedule();
  }

  private sendFrame(): void {
    const original = this.original;
    if (original === null) return;
    const fromRow = this.originalRows;
    const rows = original.series.sliceFrom(fromRow);
    this.originalRows = original.series.length;
    let branch: BranchFrame['branch'] = null;
    if (this.branchRun !== null && this.point !== null) {
      const branchFrom = this.branchRows;
      const branchRows = this.branchRun.series.sliceFrom(branchFrom);
      this.branchRows = this.branchRun.series.length;
      branch = {
        branchTick: this.point.snapshot.engine.tick, changes: this.point.changes,
        fromRow: branchFrom, ticks: branchRows.ticks, columns: branchRows.columns,
      };
    }
    this.lastFrameAt = this.hooks.now();
    this.hooks.frame({
      runId: this.runId, tick: original.tick, totalTicks: original.options.totalTicks, mode: this.mode,
      fromRow, ticks: rows.ticks, columns: rows.columns, branch,
    });
  }
}
