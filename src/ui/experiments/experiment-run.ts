// One experiment in the page's pool: every entry (a scenario with its overrides) run on the
// same replicate keys r1..rN. Each finished replicate is folded into its entry's bands and,
// once its partner on the same key has finished too, into the paired difference of every entry
// against the first (common random numbers). A failed replicate is reported and left out; the
// others go on. Cancel stops the workers at once.
import { EnsemblePool } from '../../worker/ensemble-pool.ts';
import type { EnsembleJob, JobResult } from '../../worker/ensemble-job.ts';
import { SeriesBands, pairedDifference, type ReplicateColumns } from './series-bands.ts';
import { seriesJobs } from './experiment-plan.ts';
import type { ReporterMeta } from './series-groups.ts';

export interface ExperimentEntry {
  readonly label: string;
  /**
   * What a failed run is called: the scenario file's stem, the variant and the population run
   * (the label is the scenario's title, which names the file's population, not the run's).
   */
  readonly runName: string;
  readonly text: string;
  readonly overrides: Readonly<Record<string, number | string | boolean>>;
}

export type ReplicateStatus = 'waiting' | 'done' | 'failed';

export interface EntryProgress {
  readonly bands: SeriesBands;
  /** Entry k > 0 minus entry 0, replicate by replicate. */
  readonly difference: SeriesBands | null;
  readonly status: ReplicateStatus[];
  /** Every replicate's final value of each reporter (NaN until it finishes), for the table and the tests. */
  readonly finals: Map<string, Float64Array>;
  /**
   * The final Lorenz curves' mean and band, kept as a series over the population fraction in
   * percent (its "ticks" are 0..100) under the distribution's id.
   */
  readonly lorenz: SeriesBands;
}

export interface ExperimentState {
  readonly entries: readonly ExperimentEntry[];
  readonly replicates: number;
  readonly progress: readonly EntryProgress[];
  readonly reporters: readonly ReporterMeta[];
  readonly totalTicks: number;
  readonly failures: readonly string[];
  done: number;
  finished: boolean;
  cancelled: boolean;
  wallMs: number;
}

const LANE = 'experiment';
let sharedPool: EnsemblePool | null = null;

/** The page's one pool for experiments (replicates, compare, claims): the cores are shared, not multiplied. */
export function experimentPool(): EnsemblePool {
  sharedPool ??= new EnsemblePool();
  return sharedPool;
}

/** Stops the running experiment: its workers are ended, queued replicates dropped. */
export function cancelExperiment(): void {
  sharedPool?.terminate();
}

function columnsOf(result: JobResult): ReplicateColumns | null {
  if (!result.ok || result.measure !== 'series') return null;
  const r = result.result;
  return { ids: r.reporters.map((x) => x.id), ticks: r.ticks, columns: r.columns };
}

/** Runs the experiment; `changed` is called after each replicate (the caller batches redraws). */
export async function runExperiment(
  entries: readonly ExperimentEntry[], replicates: number, changed: (state: ExperimentState) => void,
): Promise<ExperimentState> {
  const started = performance.now();
  const jobs: EnsembleJob[] = entries.flatMap((e) => seriesJobs(e.text, e.overrides, replicates));
  const reporters: ReporterMeta[] = [];
  const finished: (ReplicateColumns | null)[] = new Array(jobs.length).fill(null);
  const state: ExperimentState = {
    entries, replicates, reporters, totalTicks: 0, failures: [], done: 0, finished: false, cancelled: false, wallMs: 0,
    progress: entries.map((_, k) => ({
      bands: new SeriesBands(), difference: k === 0 ? null : new SeriesBands(),
      status: new Array<ReplicateStatus>(replicates).fill('waiting'), finals: new Map(), lorenz: new SeriesBands(),
    })),
  };
  const onResult = (done: number, _total: number, index: number, result: JobResult) => {
    const entry = Math.floor(index / replicates);
    const replicate = index % replicates;
    const progress = state.progress[entry]!;
    state.done = done;
    const columns = columnsOf(result);
    if (columns === null || !result.ok || result.measure !== 'series') {
      progress.status[replicate] = 'failed';
      (state.failures as string[]).push(`${entries.length > 1 ? `${String.fromCharCode(65 + entry)}: ` : ''}${entries[entry]!.runName}, replicate r${replicate + 1}: ${result.ok ? 'no series' : result.message}`);
    } else {
      progress.status[replicate] = 'done';
      if (reporters.length === 0) {
        reporters.push(...result.result.reporters.map(({ id, label, unit }) => ({ id, label, unit })));
        (state as { totalTicks: number }).totalTicks = result.result.totalTicks;
      }
      progress.bands.add(columns);
      const lorenz = result.lorenz;
      if (lorenz !== undefined) {
        const percents = Float64Array.from(lorenz.ordinates, (_, i) => (100 * i) / (lorenz.ordinates.length - 1));
        progress.lorenz.add({ ids: [lorenz.distribution], ticks: percents, columns: [lorenz.ordinates] });
      }
      columns.ids.forEach((id, k) => {
        let finals = progress.finals.get(id);
        if (finals === undefined) progress.finals.set(id, finals = new Float64Array(replicates).fill(Number.NaN));
        const column = columns.columns[k]!;
        finals[replicate] = column[column.length - 1] ?? Number.NaN;
      });
      finished[index] = columns;
      // Pair with the first entry on the same key; keep a run only while its partner is pending.
      if (entry === 0) {
        for (let e = 1; e < entries.length; e++) {
          const other = finished[e * replicates + replicate];
          if (other !== null && other !== undefined) {
            state.progress[e]!.difference!.add(pairedDifference(columns, other));
            finished[e * replicates + replicate] = null;
          }
        }
        if (entries.length === 1) finished[index] = null;
      } else {
        const base = finished[replicate];
        if (base !== null && base !== undefined) {
          progress.difference!.add(pairedDifference(base, columns));
          finished[index] = null;
        }
      }
    }
    state.wallMs = performance.now() - started;
    changed(state);
  };
  const outcome = await experimentPool().run(LANE, jobs, onResult);
  state.cancelled = outcome.cancelled;
  state.finished = true;
  state.wallMs = performance.now() - started;
  changed(state);
  return state;
}
