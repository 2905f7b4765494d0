// One replicate, start to end: the unit of work of the pool. The same function runs on the
// main thread and inside a worker thread, so both give the same numbers bit for bit.
import { createSimulation } from '../scenarios/create-simulation.ts';
import type { Simulation } from '../model/engine.ts';
import type { Scenario } from '../scenarios/schema.ts';
import { lifetimesOfModel, type OrganisationLifetimes } from '../model/economy/organisation-survival.ts';
import { eventColumns, startEventLog, type EventColumns } from '../model/economy/event-log.ts';
import type { EconomyState } from '../model/economy/economy-state.ts';

/** A run's replicate keys: none for the plain run of the seed, else r1..rK (each seeds its streams). */
export function replicateKeys(replicates: number): string[];
export function replicateKeys(replicates: number | undefined): (string | undefined)[];
export function replicateKeys(replicates: number | undefined): (string | undefined)[] {
  if (replicates === undefined) return [undefined];
  return Array.from({ length: replicates }, (_, i) => `r${i + 1}`);
}

export interface ReplicateRequest {
  readonly scenario: Scenario;
  /**
   * The same scenario as data before parsing (file plus overrides): what crosses to a worker,
   * which parses it again, so schemas with transforms never see their own output.
   */
  readonly scenarioData: unknown;
  /** Undefined for the plain run of a seed (what the browser runs); `r<k>` for replicate k. */
  readonly replicateKey: string | undefined;
  readonly checkConservation: boolean;
  /** Keep the event ledger (`--events`): defaults, liquidations, ownership changes and state.events. */
  readonly recordEvents?: boolean;
}

export interface ReporterInfo {
  readonly id: string;
  readonly label: string;
  readonly unit: string;
  readonly description: string;
}

/** Everything a replicate measured: its sampled series, one column per reporter. */
export interface ReplicateResult {
  readonly replicateKey: string | undefined;
  readonly reporters: readonly ReporterInfo[];
  readonly ticks: Float64Array;
  readonly columns: readonly Float64Array[];
  /** Every organisation's founding, end and size at one year, for survival (economies only). */
  readonly organisations?: OrganisationLifetimes;
  /** The event ledger, when the request asked for it (economies only). */
  readonly events?: EventColumns;
  readonly agentCount: number;
  readonly totalTicks: number;
  readonly wallMs: number;
  /** The worker thread's CPU time for the run, where the system tells it (thread-cpu.ts); the pool sets it. */
  readonly cpuMs?: number;
  /** 0 on the main thread, else the worker thread's id (set by the pool). */
  readonly threadId: number;
}

export type TickListener = (tick: number, totalTicks: number, agentCount: number) => void;

/** Progress roughly every million agent-ticks: frequent enough for a bar, cheap enough to ignore. */
export function progressInterval(agentCount: number): number {
  return Math.max(1, Math.ceil(1_000_000 / Math.max(1, agentCount)));
}

const primedKinds = new Set<Scenario['kind']>();

/** The small economy primeThread runs to its end: persons, and years at most. */
export const PRIME_PERSONS = 200;
export const PRIME_YEARS = 12;

/**
 * Builds one run of `scenario` and drops it, the first time this thread meets its kind of
 * model. V8 gives an object literal a boilerplate the second time the literal runs, and widens
 * its fields' types then: every function optimised in a thread's first run that reads the run's
 * state (made once a run, by literals) was thrown away when the second run began and compiled
 * again (75-166 functions; about 0.6 s of compiler CPU and 0.5 s of slower second run in each
 * worker, communes-only 5,000 persons x 30 years). Built twice before anything is optimised,
 * the literals keep one shape for every later run. The dropped run draws from its own streams.
 * For a thread that will run more than one run (a worker; the main thread given several): the
 * setup of one run costs 0.05-0.3 s (mixed, 10,000-100,000 persons).
 *
 * An economy then runs a small copy of itself (PRIME_PERSONS persons, up to PRIME_YEARS years)
 * to its end. V8 optimises the monthly walks within the first year and throws that code away
 * at the first month a path in them runs that had not run before (a member joining after six
 * months' labour, a membership lapsing, a series maturing at ten years, a failure, a merger),
 * then compiles the function again: 37-50 deoptimisations in a worker's first run of
 * communes-only, creditLabourCounting alone compiled 9 times. The small run takes those paths
 * first, mostly before its own functions are hot enough to be optimised, so the first real run
 * is optimised on fuller feedback (deoptimisations in the first run 48 -> 31). Measured on
 * communes-only 5,000 persons x 45 years, 20 runs on one worker, two interleaved pairs: the
 * small run costs the worker 0.09-0.11 s, its first real run took 0.14-0.23 s less, and V8's
 * compiler thread 0.10-0.16 s less CPU. Its own streams (key `prime`) and a run of its own:
 * the real runs' results are unchanged. A small copy that cannot run (a scenario that does not
 * fit 200 persons) is dropped: the real runs then warm up as before. The page's ensemble worker
 * passes `smallRun: false`: not measured in a browser's engine.
 */
export function primeThread(scenario: Scenario, { smallRun = true }: { smallRun?: boolean } = {}): void {
  if (primedKinds.has(scenario.kind)) return;
  primedKinds.add(scenario.kind);
  createSimulation(scenario);
  if (!smallRun || scenario.kind !== 'economy') return;
  const small: Scenario = {
    ...scenario,
    persons: { ...scenario.persons, count: Math.min(scenario.persons.count, PRIME_PERSONS) },
    years: Math.min(scenario.years, PRIME_YEARS),
  };
  try {
    createSimulation(small, { replicateKey: 'prime' }).runToEnd();
  } catch {
    // Only the warm-up is lost.
  }
}

export function runReplicate(request: Omit<ReplicateRequest, 'scenarioData'>, onTick?: TickListener): ReplicateResult {
  const started = performance.now();
  const simulation = createSimulation(request.scenario, {
    ...(request.replicateKey === undefined ? {} : { replicateKey: request.replicateKey }),
    checkConservation: request.checkConservation,
  });
  return finishReplicate(simulation, request.replicateKey, started, onTick, undefined, request.recordEvents === true);
}

/**
 * Runs `simulation` from where it stands to its end and collects its result: a fresh run, one
 * resumed from a snapshot, or one that stops on the way to write a snapshot (`pauseAt`).
 */
export function finishReplicate(
  simulation: Simulation, replicateKey: string | undefined, started: number, onTick?: TickListener,
  pauseAt?: { tick: number; then: (simulation: Simulation) => void }, recordEvents = false,
): ReplicateResult {
  const economy = simulation.model.kind === 'economy' ? simulation.model.state as EconomyState : undefined;
  const log = recordEvents && economy !== undefined ? startEventLog(economy) : undefined;
  const { agentCount } = simulation.model;
  const totalTicks = simulation.options.totalTicks;
  const progress = onTick === undefined ? undefined : (tick: number, total: number) => onTick(tick, total, agentCount);
  onTick?.(simulation.tick, totalTicks, agentCount);
  if (pauseAt !== undefined) {
    simulation.runTo(pauseAt.tick, progress, progressInterval(agentCount));
    pauseAt.then(simulation);
  }
  simulation.runToEnd(progress, progressInterval(agentCount));
  const { ticks, columns } = simulation.series.sliceFrom(0);
  const organisations = lifetimesOfModel(simulation.model);
  return {
    replicateKey,
    reporters: simulation.model.scalars.map(({ id, label, unit, description }) => ({ id, label, unit, description })),
    ticks,
    columns,
    ...(organisations === null ? {} : { organisations }),
    ...(log === undefined ? {} : { events: eventColumns(economy!, log) }),
    agentCount,
    totalTicks,
    wallMs: performance.now() - started,
    threadId: 0,
  };
}
