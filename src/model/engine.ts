// The engine loop (MODEL.md section 1): a tick is one month; each tick runs a fixed list of
// phases, year-end phases run after every twelfth tick, and reporters are sampled every
// `recordEveryTicks` into typed columns.
import { MoneyRangeError, moneyRangeError, WORLD, type Ledger } from './ledger.ts';
import type { RandomStreams } from './random.ts';
import { grown } from './grown.ts';
import {
  SampleContext, type DistributionReporter, type ScalarReporter,
} from './reporters.ts';

export const MONTHS_PER_YEAR = 12;

/** The tick (month) at which `years` years have passed, to the nearest month. */
export function ticksOfYears(years: number): number {
  return Math.round(years * MONTHS_PER_YEAR);
}

/** What every model's state carries. */
export interface EngineState {
  /** Months completed. */
  tick: number;
  readonly ledger: Ledger;
  readonly streams: RandomStreams;
}

export interface Phase<S> {
  readonly name: string;
  run(state: S): void;
}

/** A model as the engine sees it: built by a pure factory from a scenario and a seed. */
export interface ModelDefinition<S extends EngineState> {
  readonly kind: string;
  readonly state: S;
  readonly phases: readonly Phase<S>[];
  readonly yearEndPhases: readonly Phase<S>[];
  readonly scalars: readonly ScalarReporter<S>[];
  readonly distributions: readonly DistributionReporter<S>[];
  /** Number of agents, for throughput figures. */
  readonly agentCount: number;
  /**
   * State the phases keep between ticks outside `state` (plain data: a snapshot holds it
   * beside the state, see snapshot.ts). Scratch rebuilt every tick need not be listed.
   */
  readonly memory?: object;
}

export class ConservationError extends Error {
  override name = 'ConservationError';
}

/** Reporter values at the recorded ticks: one Float64Array column per reporter. */
export class SeriesRecorder {
  readonly ids: readonly string[];
  private ticksColumn: Float64Array;
  private columnsData: Float64Array[];
  private rows = 0;

  constructor(ids: readonly string[], expectedRows: number) {
    this.ids = ids;
    const capacity = Math.max(4, expectedRows);
    this.ticksColumn = new Float64Array(capacity);
    this.columnsData = ids.map(() => new Float64Array(capacity));
  }

  get length(): number {
    return this.rows;
  }

  append(tick: number, values: ArrayLike<number>): void {
    if (this.rows === this.ticksColumn.length) this.grow();
    this.ticksColumn[this.rows] = tick;
    for (let c = 0; c < this.columnsData.length; c++) this.columnsData[c]![this.rows] = values[c]!;
    this.rows++;
  }

  /** Recorded ticks (a view: copy it before the next append if you keep it). */
  ticks(): Float64Array {
    return this.ticksColumn.subarray(0, this.rows);
  }

  column(id: string): Float64Array {
    const index = this.ids.indexOf(id);
    if (index < 0) throw new Error(`no series named ${id}`);
    return this.columnsData[index]!.subarray(0, this.rows);
  }

  /** Rows from `fromRow` on, as fresh arrays (for frames sent across a worker boundary). */
  sliceFrom(fromRow: number): { ticks: Float64Array; columns: Float64Array[] } {
    return {
      ticks: this.ticksColumn.slice(fromRow, this.rows),
      columns: this.columnsData.map((column) => column.slice(fromRow, this.rows)),
    };
  }

  private grow(): void {
    const capacity = this.ticksColumn.length + 1;
    this.ticksColumn = grown(this.ticksColumn, capacity);
    this.columnsData = this.columnsData.map((column) => grown(column, capacity));
  }
}

export interface SimulationOptions {
  /** Ticks to run in all (the scenario's years x 12). */
  readonly totalTicks: number;
  /** Sample every reporter every this many ticks (and at tick 0 and the last tick). */
  readonly recordEveryTicks: number;
  /** Audit the ledger after every phase of every tick (tests, debug runs). */
  readonly checkConservation: boolean;
  /** What to lower when the money passes 2^53 cents, naming the scenario's fields (asked only then). */
  readonly moneyRangeAdvice?: () => string;
}

export type ProgressListener = (tick: number, totalTicks: number) => void;

export class Simulation<S extends EngineState = EngineState> {
  readonly model: ModelDefinition<S>;
  readonly options: SimulationOptions;
  readonly series: SeriesRecorder;
  private readonly context: SampleContext<S>;
  private readonly sampleRow: Float64Array;

  constructor(model: ModelDefinition<S>, options: SimulationOptions) {
    this.model = model;
    this.options = options;
    this.context = new SampleContext(model.distributions);
    this.sampleRow = new Float64Array(model.scalars.length);
    this.series = new SeriesRecorder(
      model.scalars.map((r) => r.id),
      Math.ceil(options.totalTicks / options.recordEveryTicks) + 2,
    );
    // Past exact cents the audit's sums are not exact either: the range is checked first.
    this.checkMoneyRange();
    this.audit('setup');
    this.record();
  }

  get state(): S {
    return this.model.state;
  }

  get tick(): number {
    return this.model.state.tick;
  }

  get done(): boolean {
    return this.tick >= this.options.totalTicks;
  }

  /** Advances one month: every phase in order, then the year-end phases after month 12k. */
  step(): void {
    const state = this.model.state;
    const check = this.options.checkConservation;
    // The money's range after every phase, checked or not: a phase can take the world's
    // overdraft past 2^53 and the next bring it back (sales, then consumption), leaving its
    // balance a few cents off for ever; one comparison a phase.
    try {
      for (const phase of this.model.phases) {
        phase.run(state);
        if (check) this.audit(phase.name);
        else this.checkMoneyRange();
      }
      state.tick++;
      if (state.tick % MONTHS_PER_YEAR === 0) {
        for (const phase of this.model.yearEndPhases) {
          phase.run(state);
          if (check) this.audit(phase.name);
          else this.checkMoneyRange();
        }
      }
    } catch (error) {
      // A transfer past 2^53 inside a phase knows no scenario: say what to lower in its terms.
      const advice = this.options.moneyRangeAdvice;
      if (error instanceof MoneyRangeError && error.unadvised !== undefined && advice !== undefined) {
        throw moneyRangeError(error.unadvised.cents, `month ${state.tick}: ${error.unadvised.what}`, advice());
      }
      throw error;
    }
    if (state.tick % this.options.recordEveryTicks === 0 || state.tick === this.options.totalTicks) {
      this.record();
    }
  }

  /** All money came out of `world`: while its overdraft is exact, every balance and sum is (MODEL.md 1). */
  private checkMoneyRange(): void {
    const overdraft = -this.model.state.ledger.balance(WORLD);
    if (overdraft > Number.MAX_SAFE_INTEGER) {
      throw moneyRangeError(overdraft, `month ${this.model.state.tick}: the economy's money`, this.options.moneyRangeAdvice?.());
    }
  }

  /** Runs until `tick` (capped at the scenario's end), reporting progress every `every` ticks. */
  runTo(tick: number, onProgress?: ProgressListener, every = MONTHS_PER_YEAR): void {
    const target = Math.min(tick, this.options.totalTicks);
    while (this.tick < target) {
      this.step();
      if (onProgress !== undefined && (this.tick % every === 0 || this.tick === target)) {
        onProgress(this.tick, this.options.totalTicks);
      }
    }
  }

  runToEnd(onProgress?: ProgressListener, every?: number): void {
    this.runTo(this.options.totalTicks, onProgress, every);
  }

  /** Sorted values of a distribution now (a reused buffer: copy it to keep it). */
  sortedDistribution(id: string): Float64Array {
    this.context.reset();
    return this.context.sorted(this.model.state, id);
  }

  private record(): void {
    const state = this.model.state;
    if (this.series.length > 0 && this.series.ticks()[this.series.length - 1] === state.tick) return;
    this.context.reset();
    const scalars = this.model.scalars;
    for (let i = 0; i < scalars.length; i++) this.sampleRow[i] = scalars[i]!.sample(state, this.context);
    this.series.append(state.tick, this.sampleRow);
  }

  private audit(phase: string): void {
    // Past exact cents the audit's sum is not exact either, and would report a lost cent that
    // is only rounding: the range is checked first (engine fuzz: output at baseOutput 1e7 took
    // the world's overdraft past 2^53 within a month's sales, reported as 1 cent lost).
    this.checkMoneyRange();
    const problem = this.model.state.ledger.audit();
    if (problem !== null) {
      throw new ConservationError(`tick ${this.model.state.tick}, after ${phase}: ${problem}`);
    }
  }
}
