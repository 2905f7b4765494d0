// One run in the worker: load, play at a speed, pause, step, seek, reset. The engine runs in
// slices of a few milliseconds with a yield between them, so pause, step and speed messages
// get through while a run is going, and frames leave at most every FRAME_INTERVAL_MS (flat
// out, FLAT_OUT_FRAME_INTERVAL_MS).
import { ticksOfYears, type Simulation } from '../model/engine.ts';
import { parseScenarioText } from '../scenarios/load.ts';
import { createSimulation } from '../scenarios/create-simulation.ts';
import type { Scenario } from '../scenarios/schema.ts';
import { buildFrame, type FrameCursor } from './metric-frames.ts';
import { primingRun } from './priming-run.ts';
import type { LoadOutcome, MetricFrame, RunInfo, RunMode, Speed } from './protocol.ts';

const SLICE_MS = 8;
const FRAME_INTERVAL_MS = 50;
/**
 * Flat out (speed max, or seeking) the page paces its charts to a few redraws a second
 * (chart-element.ts), so frames past ten a second would carry little but the year readout,
 * each at a frame's cost to the worker (a few % of `mixed` at 20 a second) and a message for
 * the page's main thread to take in.
 */
const FLAT_OUT_FRAME_INTERVAL_MS = 100;
/**
 * Flat out (speed max, or seeking), a frame waits until the engine has stepped this many
 * times as long as the last frame took to build: frames take at most a twentieth of the
 * worker's time. Every 50 ms of wall time alone, `mixed` at 10,000 persons spent a fifth of
 * the worker on frames on a loaded machine (its 2.7 ms distributions against the few months
 * the worker got through in 50 ms there); on a quiet one the 50 ms still rule.
 */
const STEPPING_PER_FRAME_COST = 19;

export interface SessionHooks {
  frame(frame: MetricFrame): void;
  failure(message: string): void;
  now(): number;
  /** Runs `task` after `delayMs`, letting queued messages in first. */
  later(task: () => void, delayMs: number): void;
}

function describe(error: unknown): string {
  if (error instanceof Error) return `${error.name}: ${error.message}`;
  return `unexpected failure: ${String(error)}`;
}

export class RunSession {
  private readonly hooks: SessionHooks;
  private scenario: Scenario | null = null;
  private simulation: Simulation | null = null;
  private runId = 0;
  private mode: RunMode = 'paused';
  private speed: Speed = 60;
  /** Tick at which seeking (a step or a seek) stops. */
  private target = 0;
  private cursor: FrameCursor = { rows: 0, events: 0 };
  private lastFrameAt = -Infinity;
  /** Cost of the last frame, so huge populations get fewer frames. */
  private frameCostMs = 0;
  /** Time spent stepping since the last frame. */
  private steppingMs = 0;
  private paceStart = 0;
  private paceTicks = 0;
  private loopPending = false;
  private broken = false;
  /** The small run that warms V8 up while the page waits for the user (priming-run.ts), if one is going. */
  private primer: Simulation | null = null;
  private readonly primedKinds = new Set<Scenario['kind']>();

  constructor(hooks: SessionHooks) {
    this.hooks = hooks;
  }

  load(text: string, overrides: Readonly<Record<string, unknown>>): LoadOutcome {
    const outcome = parseScenarioText(text, overrides);
    if (!outcome.ok) return { ok: false, issues: outcome.issues };
    this.scenario = outcome.scenario;
    this.runId++;
    const built = this.rebuild();
    if (!built.ok) return built;
    return { ok: true, info: built.info };
  }

  play(): void {
    if (this.simulation === null || this.broken || this.simulation.done) return;
    this.mode = 'playing';
    this.restartPace();
    this.schedule(0);
  }

  pause(): void {
    if (this.mode === 'paused') return;
    this.mode = 'paused';
    this.sendFrame();
  }

  step(months: number): void {
    if (this.simulation === null || this.broken) return;
    this.seekTick(this.simulation.tick + months);
  }

  seekYear(year: number): void {
    if (this.scenario === null) return;
    const tick = ticksOfYears(year);
    if (this.simulation === null || this.broken || tick < this.simulation.tick) {
      if (!this.rebuild().ok) return;
    }
    this.seekTick(tick);
  }

  reset(): void {
    if (this.scenario === null) return;
    this.rebuild();
  }

  /**
   * Warms V8 up for the loaded scenario's kind of model, once a worker: a priming run
   * (priming-run.ts), a slice at a time while nothing else is to do. The page asks when it is
   * idle after a load. It is dropped for good as soon as the user's run has work to do, so Play
   * waits at most a slice for it.
   */
  prime(): void {
    const scenario = this.scenario;
    if (scenario === null || this.primedKinds.has(scenario.kind) || !this.idle()) return;
    this.primedKinds.add(scenario.kind);
    this.primer = primingRun(scenario);
    this.primeSlice();
  }

  private idle(): boolean {
    return this.mode === 'paused' && !this.loopPending;
  }

  private primeSlice(): void {
    const primer = this.primer;
    if (primer === null) return;
    if (!this.idle()) {
      this.primer = null;
      return;
    }
    const sliceEnd = this.hooks.now() + SLICE_MS;
    try {
      while (!primer.done && this.hooks.now() < sliceEnd) primer.step();
    } catch {
      // Only the warm-up is lost.
      this.primer = null;
      return;
    }
    if (primer.done) this.primer = null;
    else this.hooks.later(() => this.primeSlice(), 0);
  }

  setSpeed(speed: Speed): void {
    this.speed = speed;
    this.restartPace();
  }

  private seekTick(tick: number): void {
    const simulation = this.simulation!;
    this.target = Math.min(tick, simulation.options.totalTicks);
    if (this.target <= simulation.tick) {
      this.mode = 'paused';
      this.sendFrame();
      return;
    }
    this.mode = 'seeking';
    this.schedule(0);
  }

  /** A fresh simulation of the current scenario (same run id); its first frame goes out at once. */
  private rebuild(): { ok: true; info: RunInfo } | { ok: false; issues: { path: string; message: string }[] } {
    const scenario = this.scenario!;
    this.mode = 'paused';
    this.broken = false;
    this.cursor = { rows: 0, events: 0 };
    try {
      this.simulation = createSimulation(scenario);
    } catch (error) {
      this.simulation = null;
      this.broken = true;
      return { ok: false, issues: [{ path: '', message: `the engine could not build this scenario: ${describe(error)}` }] };
    }
    const model = this.simulation.model;
    const info: RunInfo = {
      runId: this.runId,
      kind: scenario.kind,
      name: scenario.name,
      description: scenario.description,
      seed: scenario.seed,
      agentCount: model.agentCount,
      totalTicks: this.simulation.options.totalTicks,
      recordEveryMonths: this.simulation.options.recordEveryTicks,
      scalars: model.scalars.map(({ id, label, unit, description }) => ({ id, label, unit, description })),
      distributions: model.distributions.map(({ id, label, unit, description }) => ({ id, label, unit, description })),
    };
    this.sendFrame();
    return { ok: true, info };
  }

  private restartPace(): void {
    this.paceStart = this.hooks.now();
    this.paceTicks = 0;
  }

  private schedule(delayMs: number): void {
    if (this.loopPending) return;
    this.loopPending = true;
    this.hooks.later(() => {
      this.loopPending = false;
      this.runSlice();
    }, delayMs);
  }

  /** Ticks the current speed allows now (all of them when seeking or at max speed). */
  private ticksDue(): number {
    const simulation = this.simulation!;
    const left = (this.mode === 'seeking' ? this.target : simulation.options.totalTicks) - simulation.tick;
    if (this.mode === 'seeking' || this.speed === 'max') return left;
    const allowed = Math.floor(((this.hooks.now() - this.paceStart) * this.speed) / 1000) - this.paceTicks;
    return Math.min(left, Math.max(0, allowed));
  }

  private runSlice(): void {
    const simulation = this.simulation;
    if (simulation === null || this.mode === 'paused' || this.broken) return;
    const sliceStart = this.hooks.now();
    const sliceEnd = sliceStart + SLICE_MS;
    let due = this.ticksDue();
    try {
      while (due > 0 && this.hooks.now() < sliceEnd) {
        simulation.step();
        this.paceTicks++;
        due--;
      }
    } catch (error) {
      this.broken = true;
      this.mode = 'paused';
      this.sendFrame();
      this.hooks.failure(`The engine stopped at month ${simulation.tick}: ${describe(error)}`);
      return;
    }
    const finished = simulation.done || (this.mode === 'seeking' && simulation.tick >= this.target);
    if (finished) this.mode = 'paused';
    const now = this.hooks.now();
    this.steppingMs += now - sliceStart;
    if (finished || this.frameDue(now)) this.sendFrame();
    if (finished) return;
    if (due > 0 || this.mode === 'seeking' || this.speed === 'max') this.schedule(0);
    else this.schedule(Math.max(1, 1000 / this.speed - (now - this.paceStart) % (1000 / this.speed)));
  }

  private frameDue(now: number): boolean {
    const flatOut = this.mode === 'seeking' || this.speed === 'max';
    const interval = flatOut ? FLAT_OUT_FRAME_INTERVAL_MS : FRAME_INTERVAL_MS;
    if (now - this.lastFrameAt < Math.max(interval, 4 * this.frameCostMs)) return false;
    return !flatOut || this.steppingMs >= STEPPING_PER_FRAME_COST * this.frameCostMs;
  }

  private sendFrame(): void {
    const simulation = this.simulation;
    if (simulation === null) return;
    const started = this.hooks.now();
    let frame: MetricFrame;
    try {
      frame = buildFrame(simulation, this.runId, this.mode, this.cursor);
    } catch (error) {
      this.broken = true;
      this.mode = 'paused';
      this.hooks.failure(`The engine could not measure month ${simulation.tick}: ${describe(error)}`);
      return;
    }
    this.lastFrameAt = this.hooks.now();
    this.frameCostMs = this.lastFrameAt - started;
    this.steppingMs = 0;
    this.hooks.frame(frame);
  }
}
