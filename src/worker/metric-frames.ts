// Builds the frames the page draws from: the series rows it has not seen, a snapshot of every
// distribution now, the events since the last frame, and (economies) every organisation's life.
import type { Simulation } from '../model/engine.ts';
import { snapshotDistribution } from '../model/reporters.ts';
import { almostNothingBelow } from '../model/inequality.ts';
import { lifetimesOfModel } from '../model/economy/organisation-survival.ts';
import { eventCount, eventsFrom } from './run-events.ts';
import type { EconomyState } from '../model/economy/economy-state.ts';
import { PERSON_KIND_NAMES, personKinds } from '../model/economy/person-kinds.ts';
import { organisationSize } from '../model/economy/organisation-table.ts';
import { DRAWN_AGENTS_MAX, type DistributionFrame, type MetricFrame, type RunMode } from './protocol.ts';

/** The picture of an economy now: persons by kind (a sample to draw, counts of all) and organisations alive. */
function economyPicture(state: EconomyState): Pick<MetricFrame, 'agentKinds' | 'organisationsNow'> {
  const kinds = personKinds(state);
  const counts = new Float64Array(PERSON_KIND_NAMES.length);
  countKinds(kinds, counts);
  const stride = sampleStrideOf(kinds.length);
  const alive = state.orgs.all.filter((o) => o.alive);
  return {
    agentKinds: { sample: sampled(kinds, stride), sampleStride: stride, counts },
    organisationsNow: { ids: Int32Array.from(alive, (o) => o.id), sizes: Float64Array.from(alive, organisationSize) },
  };
}

/**
 * Adds each person to its kind's count. A function of its own, ending with its loop: compiled on
 * stack in a first frame's walk, economyPicture kept that code and gave it up after the loop at
 * frame after frame (Chromium: up to 43 deoptimisations a mixed 10,000 x 50 y playback).
 */
function countKinds(kinds: Uint8Array, counts: Float64Array): void {
  for (let p = 0; p < kinds.length; p++) counts[kinds[p]!]!++;
}

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

/** A large economy's sample: enough dots to show the shape, few enough to redraw at 20 frames a second. */
const ECONOMY_SAMPLE = 300;

/** Every agent of a small population, else every k-th: about ECONOMY_SAMPLE agents to draw. */
export function sampleStrideOf(agentCount: number): number {
  return agentCount <= DRAWN_AGENTS_MAX ? 1 : Math.ceil(agentCount / ECONOMY_SAMPLE);
}

function sampled<T extends Float64Array | Uint8Array>(all: T, stride: number): T {
  if (stride === 1) return all.slice() as T;
  const out = new (all.constructor as new (n: number) => T)(Math.ceil(all.length / stride));
  for (let i = 0, k = 0; i < all.length; i += stride, k++) out[k] = all[i]!;
  return out;
}

function distributionFrames(simulation: Simulation): DistributionFrame[] {
  const stride = sampleStrideOf(simulation.model.agentCount);
  // Kinetic models draw every agent of a small population only (their story is each agent);
  // an economy draws a fixed sample of a large one, coloured by kind beside the kinds' counts.
  const drawn = stride === 1 || simulation.model.kind === 'economy';
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
      values: drawn ? sampled(reporter.values(simulation.model.state, undefined), stride) : null,
      sampleStride: stride,
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
  const economy = simulation.model.kind === 'economy' ? economyPicture(simulation.model.state as EconomyState) : {};
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
    ...economy,
  };
}
