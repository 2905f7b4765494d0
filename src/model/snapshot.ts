// A run stopped at a month boundary and taken up again (issue 18 part 5): the model's state
// (ledger, tables, bond book, events, every random stream's generator state), what its phases
// keep between ticks, and the series sampled so far. Restored into an engine freshly built from
// the same scenario, the run continues with the same bits as one that never stopped.
import type { EngineState, Simulation } from './engine.ts';
import { encodeGraph, restoreGraph, SnapshotError, type Encoded } from './snapshot-codec.ts';

export { SnapshotError } from './snapshot-codec.ts';

/** The engine's part of a snapshot: plain JSON. */
export interface EngineSnapshot {
  readonly kind: string;
  /** Months completed when it was taken. */
  readonly tick: number;
  readonly totalTicks: number;
  readonly recordEveryTicks: number;
  readonly state: Encoded;
  readonly memory: Encoded;
  readonly series: Encoded;
}

/** What the engine carries from one month to the next. */
function parts(simulation: Simulation) {
  return { state: simulation.model.state, memory: simulation.model.memory ?? {}, series: simulation.series };
}

/** The whole state of a run now, between two months. */
export function captureEngine(simulation: Simulation): EngineSnapshot {
  const { state, memory, series } = parts(simulation);
  return {
    kind: simulation.model.kind,
    tick: simulation.tick,
    totalTicks: simulation.options.totalTicks,
    recordEveryTicks: simulation.options.recordEveryTicks,
    state: encodeGraph(state, '$.state'),
    memory: encodeGraph(memory, '$.memory'),
    series: encodeGraph(series, '$.series'),
  };
}

/** Names of the random streams a snapshot's state holds (created on first use, so a fresh engine may lack some). */
function streamNames(state: Encoded): string[] {
  const streams = (state as { streams?: { streams?: { $map?: [Encoded, Encoded][] } } } | null)?.streams?.streams?.$map;
  return Array.isArray(streams) ? streams.map(([name]) => String(name)) : [];
}

/**
 * Writes a snapshot into `fresh`, a run built by the same factory from the same scenario and
 * replicate key and not yet stepped. Afterwards `fresh` is the run the snapshot was taken of.
 */
export function restoreEngine(fresh: Simulation, snapshot: EngineSnapshot): void {
  if (fresh.model.kind !== snapshot.kind) {
    throw new SnapshotError(`the snapshot is of a ${snapshot.kind} model; this scenario builds a ${fresh.model.kind} model`);
  }
  if (fresh.tick !== 0) throw new SnapshotError(`a snapshot is restored into a fresh run; this one is at month ${fresh.tick}`);
  if (fresh.options.recordEveryTicks !== snapshot.recordEveryTicks) {
    throw new SnapshotError(`the snapshot samples every ${snapshot.recordEveryTicks} months; this scenario every ${fresh.options.recordEveryTicks}`);
  }
  if (!(snapshot.tick >= 0 && snapshot.tick <= fresh.options.totalTicks)) {
    throw new SnapshotError(`the snapshot is at month ${snapshot.tick}, outside this scenario's 0-${fresh.options.totalTicks}`);
  }
  const { state, memory, series } = parts(fresh);
  const streams = (state as EngineState).streams;
  for (const name of streamNames(snapshot.state)) streams.get(name);
  restoreGraph(state, snapshot.state, '$.state');
  restoreGraph(memory, snapshot.memory, '$.memory');
  restoreGraph(series, snapshot.series, '$.series');
  if (fresh.tick !== snapshot.tick) throw new SnapshotError(`the snapshot says month ${snapshot.tick} but its state is at month ${fresh.tick}`);
  // Every month of a run ends with money conserved (MODEL.md 1), so a ledger that does not
  // balance was damaged or edited: refused before the run replaces anything (a NaN balance was
  // resumed in the page, replaced the user's run and stopped 18 months later with "no such pair").
  const problem = (state as EngineState).ledger.audit();
  if (problem !== null) throw new SnapshotError(`the snapshot's ledger does not balance, so it was damaged or edited: ${problem}`);
}
