// Builds the frames the page draws from: the series rows it has not seen, a snapshot of every
// distribution now, the events since the last frame, and (economies) every organisation's life.
import type { Simulation } from '../model/engine.ts';
import { snapshotDistribution } from '../model/reporters.ts';
import { almostNothingBelow } from '../model/inequality.ts';
import { lifetimesOfModel } from '../model/economy/organisation-survival.ts';
import { eventCount, eventsFrom } from './run-events.ts';
import { DRAWN_AGENTS_MAX, type DistributionFrame, type MetricFrame, type RunMode } from './protocol.ts';

/** What has already been sent for one run. */
export interface FrameCursor {
  rows: number;
  events: number;
}

/**
 * The log histogram starts at "almost nothing" (1 when nobody holds anything), so its bins
 * stay put while money is conserved.
 */
function histogramFloor(sorted: Float64Array): number {
  const floor = almostNothingBelow(sorted);
  return floor > 0 ? floor : 1;
}

function distributionFrames(simulation: Simulation): DistributionFrame[] {
  const small = simulation.model.agentCount <= DRAWN_AGENTS_MAX;
  return simulation.model.distributions.map((reporter) => {
    // Copy: the sorted buffer is reused by the next sample.
    const sorted = simulation.sortedDistribution(reporter.id).slice();
    const snapshot = snapshotDistribution(sorted, reporter.id, histogramFloor(sorted));
    return {
      id: reporter.id,
      lorenz: snapshot.lorenz.slice(),
      edges: snapshot.histogram.edges.slice(),
      counts: snapshot.histogram.counts.slice(),
      below: snapshot.histogram.below,
      gini: snapshot.gini,
      values: small ? reporter.values(simulation.model.state, undefined).slice() : null,
    };
  });
}

export function buildFrame(
  simulation: Simulation, runId: number, mode: RunMode, cursor: FrameCursor,
): MetricFrame {
  const fromRow = cursor.rows;
  const rows = simulation.series.sliceFrom(fromRow);
  const eventsStart = cursor.events;
  const events = eventsFrom(simulation.model.state, eventsStart);
  cursor.rows = simulation.series.length;
  cursor.events = eventCount(simulation.model.state);
  // A few hundred organisations: small enough to send whole with every frame.
  const organisations = lifetimesOfModel(simulation.model);
  return {
    runId,
    tick: simulation.tick,
    totalTicks: simulation.options.totalTicks,
    mode,
    fromRow,
    ticks: rows.ticks,
    columns: rows.columns,
    distributions: distributionFrames(simulation),
    eventsFrom: eventsStart,
    events,
    ...(organisations === null ? {} : { organisations }),
  };
}
