// `npm run sweep -- FILE --vary path=values [--vary ...]`: a parameter sweep (Mesa's batch_run,
// NetLogo's BehaviorSpace). Every combination of the varied values x every replicate runs on
// worker threads; `sweep.csv` has one flat row per run carrying its parameters, replicate,
// seed and the final value of every reporter; with `--series ID`, `sweep-series.csv` has the
// path of the chosen reporters (one row per run and sampled month), so a sweep can show how a
// result unfolds across the range, not only where it ends. Exit codes: 0 done, 2 bad input,
// 1 internal.
import { expandSweep, parseSweepAxis, SweepSpecError, type SweepAxis } from '../scenarios/sweep.ts';
import { InputError, readScenarioInputs, type ScenarioInput } from './scenario-input.ts';
import { createSimulation } from '../scenarios/create-simulation.ts';
import { MONTHS_PER_YEAR } from '../model/engine.ts';
import { commonOptionsOf, type CommonOptions, formatOf, MAX_REPLICATES, MAX_WORKERS, parseCommand, replicatesOf, UsageError } from './arguments.ts';
import { RunOutput, overridesPart, runDirectory, writeTable } from './run-output.ts';
import { cellOf, columnTypeOf, type Cell, type ColumnType, type Table } from './table.ts';
import { runReplicates, threadsFor } from './replicate-pool.ts';
import { replicateKeys, type ReplicateRequest, type ReplicateResult } from './replicate-run.ts';
import { collectProvenance } from './provenance.ts';
import { EXIT_OK } from './exit-codes.ts';
import { inputFailure, isEntryModule, runCommand, usageFailure } from './command.ts';
import { checkedMerge, commandLineOf, runShard, type MergedRuns } from './sharded-run.ts';

const ENTRY = 'src/cli/sweep-main.ts';

const USAGE = `Usage: npm run sweep -- FILE --vary PATH=VALUES [--vary ...] [options]

Runs every combination of the varied parameters, each with K replicates, and writes one row
per run with its parameters and the final value of every metric.

  --vary PATH=V1,V2,...      values of one scenario field (YAML scalars), e.g. lambda=0.2,0.5,0.8
  --vary PATH=START:STOP:STEP  an inclusive range, e.g. communes.solidarity=0:1:0.25
  --replicates K             replicates per combination, 1 to ${MAX_REPLICATES.toLocaleString('en-US')}, keys r1..rK
                             paired across combinations (default: one plain run of the seed)
  --seed S, --years N        override the scenario's seed and length
  --set PATH=VALUE           any other override, repeatable
  --series ID                also write sweep-series.csv: reporter ID at every sampled month of
                             every run (repeatable, e.g. --series communes.assetShareByBookValue)
  --format csv|parquet       sweep.csv and sweep-series.csv (default) or .parquet: the same
                             columns and types, provenance in the Parquet file's metadata
  --out DIR                  output directory (default runs/<file>-sweep-set-<hash of
                             the --vary, --set, --seed and --years given>)
  --workers N                worker threads, 0 to ${MAX_WORKERS} (default: min(runs, cores);
                             0 runs on the main thread)
  --shard I/N                run only shard I of N of the runs (runs I, I+N, ...) and write
                             shard-I-of-N.json; npm run merge -- DIR... writes sweep.csv and
                             sweep.json as one machine would
  -q, --quiet                print nothing but errors
  -h, --help                 this text

Example: npm run sweep -- scenarios/saving-propensity.yaml --vary lambda=0:0.8:0.2 --replicates 5 --years 20
`;

interface SweepOptions extends CommonOptions {
  readonly axes: SweepAxis[];
  readonly replicates: number | undefined;
  /** Reporter ids whose whole path goes to sweep-series.csv. */
  readonly series: readonly string[];
  readonly format: 'csv' | 'parquet';
}

export function parseSweepCommandLine(argv: readonly string[]): SweepOptions {
  const parsed = parseCommand(argv, { vary: { type: 'string', multiple: true }, series: { type: 'string', multiple: true }, format: { type: 'string' } });
  const { values } = parsed;
  // --set, --seed and --years as in `sim`, so a bad value names its flag.
  const common = commonOptionsOf(parsed);
  const axes = (values.vary ?? []).map((spec) => {
    try {
      return parseSweepAxis(spec);
    } catch (error) {
      throw new UsageError(`--vary ${(error as SweepSpecError).message}`);
    }
  });
  if (!common.help && axes.length === 0) throw new UsageError('give at least one --vary PATH=VALUES');
  return {
    ...common,
    axes,
    replicates: replicatesOf(values.replicates, 1, undefined),
    series: values.series ?? [],
    format: formatOf(values.format, ['csv', 'parquet']),
  };
}

/** Final value of each reporter in a replicate's series. */
function finalValues(result: ReplicateResult): number[] {
  return result.columns.map((column) => (column.length > 0 ? column[column.length - 1]! : Number.NaN));
}

interface SweepRun { point: number; values: Record<string, unknown>; seed: unknown; result: ReplicateResult }

/** The columns every sweep row starts with: the run's point, its parameters, replicate and seed. */
function runColumns(axes: readonly SweepAxis[], runs: readonly SweepRun[]) {
  const axisTypes = axes.map((a) => columnTypeOf(runs.map((run) => run.values[a.path])));
  const seedType = columnTypeOf(runs.map((run) => run.seed));
  return {
    columns: ['point', ...axes.map((a) => a.path), 'replicate', 'seed'],
    types: ['integer', ...axisTypes, 'text', seedType] as ColumnType[],
    cells: (run: SweepRun): Cell[] => [
      run.point, ...axes.map((a, i) => cellOf(run.values[a.path], axisTypes[i]!)), run.result.replicateKey ?? 'base', cellOf(run.seed, seedType),
    ],
  };
}

/** sweep.csv's table: one row per run, its parameters and the final value of every reporter. */
export function sweepTable(axes: readonly SweepAxis[], runs: readonly SweepRun[]): Table {
  const ids = runs[0]?.result.reporters.map((r) => r.id) ?? [];
  const fixed = runColumns(axes, runs);
  return {
    columns: [...fixed.columns, ...ids.map((id) => `final.${id}`)],
    types: [...fixed.types, ...ids.map((): ColumnType => 'real')],
    rows: runs.map((run) => [...fixed.cells(run), ...finalValues(run.result)]),
  };
}

/** The chosen reporters' paths: one row per run and sampled month, the run's parameters first. */
export function sweepSeriesTable(axes: readonly SweepAxis[], ids: readonly string[], runs: readonly SweepRun[]): Table {
  const fixed = runColumns(axes, runs);
  const rows: Cell[][] = [];
  for (const run of runs) {
    const columns = ids.map((id) => run.result.columns[run.result.reporters.findIndex((r) => r.id === id)]!);
    const cells = fixed.cells(run);
    run.result.ticks.forEach((tick, row) => {
      rows.push([...cells, tick, tick / MONTHS_PER_YEAR, ...columns.map((column) => column[row]!)]);
    });
  }
  return {
    columns: [...fixed.columns, 'tick', 'year', ...ids],
    types: [...fixed.types, 'integer', 'real', ...ids.map((): ColumnType => 'real')],
    rows,
  };
}

/** `merged`: the results of `npm run merge` instead of running (the same files as one machine's run). */
export async function main(argv: readonly string[], merged?: MergedRuns): Promise<number> {
  let options: SweepOptions;
  try {
    options = parseSweepCommandLine(argv);
  } catch (error) {
    return usageFailure('sweep', error);
  }
  if (options.help) {
    process.stdout.write(USAGE);
    return EXIT_OK;
  }
  let points: Record<string, unknown>[];
  const inputs: ScenarioInput[] = [];
  let output: RunOutput;
  try {
    points = expandSweep(options.axes);
    const flags = { ...options.overrideFlags, ...Object.fromEntries(options.axes.map((a) => [a.path, `--vary ${a.path}`])) };
    // Every combination is validated before anything runs or is written.
    inputs.push(...readScenarioInputs(options.file, points.map((point) => ({ ...options.overrides, ...point })), flags));
    // A --series id must be one of the scenario's reporters: checked on a simulation built, not run.
    const known = options.series.length === 0 ? [] : createSimulation(inputs[0]!.scenario).model.scalars.map((r) => r.id);
    const unknown = options.series.filter((id) => !known.includes(id));
    if (unknown.length > 0) {
      throw new InputError(`--series: got ${unknown.join(', ')}; allowed: a reporter of this scenario (${known.length} of them, e.g. ${known.slice(0, 3).join(', ')}; every one is a column of series.csv from npm run sim)`);
    }
    output = new RunOutput(options.out ?? runDirectory(options.file, ['sweep', ...overridesPart(options.overrides, { seed: options.overrides.seed ?? null, axes: options.axes })]));
  } catch (error) {
    return inputFailure(error);
  }
  try {
    // The same keys for every combination, so combinations are paired replicate by replicate.
    const keys = replicateKeys(options.replicates);
    const requests: ReplicateRequest[] = [];
    const meta: { point: number; values: Record<string, unknown>; seed: unknown }[] = [];
    inputs.forEach((input, point) => {
      for (const replicateKey of keys) {
        requests.push({ scenario: input.scenario, scenarioData: input.data, replicateKey, checkConservation: false });
        meta.push({ point, values: points[point]!, seed: input.scenario.seed });
      }
    });
    if (!options.quiet) process.stderr.write(`sweep: ${points.length} combinations x ${keys.length} replicates = ${requests.length} runs\n`);
    const threads = threadsFor(options.workers, requests.length);
    if (options.shard !== undefined) {
      const name = await runShard(output, 'sweep', argv, ENTRY, inputs[0]!.sha256, requests, options.shard, threads);
      if (!options.quiet) process.stdout.write(`Wrote ${name} to ${output.directory}; combine the shards with npm run merge\n`);
      return EXIT_OK;
    }
    const results = merged === undefined ? await runReplicates(requests, threads) : checkedMerge(merged, requests, inputs[0]!.sha256);
    const runs = results.map((result, i) => ({ ...meta[i]!, result }));
    const provenance = collectProvenance({
      scenario: inputs[0]!.scenario,
      scenarioFile: options.file,
      scenarioSha256: inputs[0]!.sha256,
      replicateKeys: keys,
      commandLine: merged?.commandLine ?? commandLineOf(ENTRY, argv, false),
      ...(merged === undefined ? {} : { date: merged.startedAt }),
    });
    writeTable(output, 'sweep', sweepTable(options.axes, runs), options.format, provenance);
    if (options.series.length > 0) writeTable(output, 'sweep-series', sweepSeriesTable(options.axes, options.series, runs), options.format, provenance);
    const reporters = results[0]?.reporters ?? [];
    output.write('sweep.json', `${JSON.stringify({ provenance, axes: options.axes, points, reporters }, null, 2)}\n`);
    output.commit();
    if (!options.quiet) {
      const gini = reporters.findIndex((r) => r.id === 'wealth.gini');
      for (let p = 0; p < points.length; p++) {
        const finals = runs.filter((r) => r.point === p).map((r) => finalValues(r.result)[gini] ?? Number.NaN);
        const mean = finals.reduce((a, b) => a + b, 0) / finals.length;
        process.stdout.write(`${options.axes.map((a) => `${a.path}=${String(points[p]![a.path])}`).join(' ')}  final wealth.gini ${mean.toFixed(4)}\n`);
      }
      process.stdout.write(`Wrote sweep.${options.format}, ${options.series.length > 0 ? `sweep-series.${options.format}, ` : ''}sweep.json to ${output.directory}\n`);
    }
    return EXIT_OK;
  } finally {
    output.discard();
  }
}

if (isEntryModule(import.meta.url)) runCommand('sweep', main);
