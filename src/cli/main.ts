// `npm run sim -- FILE [options]`: runs a scenario headless on the browser's engine and writes
// its metrics. Exit codes: 0 done, 2 bad input (nothing written), 1 internal error.
import { parseCommandLine, type CliOptions } from './arguments.ts';
import { USAGE } from './usage.ts';
import { readScenarioInput } from './scenario-input.ts';
import { RunOutput, overridesPart, runDirectory, seedPart, writeRunFiles } from './run-output.ts';
import { runReplicates, threadsFor } from './replicate-pool.ts';
import { finishReplicate, replicateKeys, type ReplicateRequest, type ReplicateResult, type TickListener } from './replicate-run.ts';
import { writeFileSync } from 'node:fs';
import { checkSnapshotOut, readSnapshotInput, type SnapshotInput } from './snapshot-input.ts';
import { InputError } from './scenario-input.ts';
import { createSimulation } from '../scenarios/create-simulation.ts';
import { snapshotOf, snapshotText } from '../scenarios/snapshot-file.ts';
import type { Scenario } from '../scenarios/schema.ts';
import { ProgressBar } from './progress-bar.ts';
import { collectProvenance, packageInfo } from './provenance.ts';
import { buildSummary, DEFAULT_SECTIONS, RunMetrics } from './summary.ts';
import { claimsSection } from './claims-section.ts';
import { summaryTable } from './summary-table.ts';
import { totalTicksOf } from '../scenarios/schema.ts';
import { setupShortfalls } from '../scenarios/setup-shortfalls.ts';

import { EXIT_OK } from './exit-codes.ts';
import { inputFailure, isEntryModule, runCommand, usageFailure } from './command.ts';
import { checkedMerge, commandLineOf, runShard, type MergedRuns } from './sharded-run.ts';

const ENTRY = 'src/cli/main.ts';

/** `merged`: the results of `npm run merge` instead of running (the same files as one machine's run). */
export async function main(argv: readonly string[], merged?: MergedRuns): Promise<number> {
  let options: CliOptions;
  try {
    options = parseCommandLine(argv);
  } catch (error) {
    return usageFailure('sim', error);
  }
  if (options.help) {
    process.stdout.write(USAGE);
    return EXIT_OK;
  }

  // Everything that can be wrong with the input is found here, before any file is written.
  let input;
  let output;
  let resumed: SnapshotInput | undefined;
  let keys = replicateKeys(options.replicates);
  try {
    if (options.resume !== undefined) {
      resumed = readSnapshotInput(options.resume, options.overrides, options.check);
      keys = [resumed.replicateKey];
      input = { scenario: resumed.scenario, data: resumed.scenario as unknown as Record<string, unknown>, source: options.resume, sha256: resumed.sha256 };
    } else {
      input = readScenarioInput(options.file, options.overrides, options.overrideFlags);
    }
    const total = totalTicksOf(input.scenario);
    if (options.snapshotAt !== undefined && options.snapshotAt > total) {
      throw new InputError(`--snapshot-at: month ${options.snapshotAt} is past the run's end (month ${total})`);
    }
    if (options.snapshotOut !== undefined) checkSnapshotOut(options.snapshotOut);
    const replicatesPart = options.replicates === undefined ? [] : [`x${options.replicates}`];
    output = new RunOutput(options.out ?? runDirectory(options.file, [seedPart(input.scenario.seed), ...replicatesPart, ...overridesPart(options.overrides)]));
  } catch (error) {
    return inputFailure(error);
  }

  // Asked for and not possible, though not invalid: said before the run, and kept in summary.json.
  if (!options.quiet) for (const note of setupShortfalls(input.scenario)) process.stderr.write(`note: ${note}\n`);
  const startedAt = new Date();
  let bar: ProgressBar | undefined;
  try {
    const { scenario } = input;
    const requests = keys.map((replicateKey) => ({
      scenario, scenarioData: input.data, replicateKey, checkConservation: options.check, recordEvents: options.events,
    }));
    if (!options.quiet && process.stderr.isTTY) bar = new ProgressBar(process.stderr, totalTicksOf(scenario) * requests.length);
    const shown = bar;
    // The plain run of the seed (no --replicates) runs on the main thread.
    const threads = options.replicates === undefined ? 0 : threadsFor(options.workers, requests.length);
    const progress = shown && ((done: number, agents: number) => shown.update(done, agents));
    if (options.shard !== undefined) {
      const name = await runShard(output, 'sim', argv, ENTRY, input.sha256, requests, options.shard, threads, progress);
      bar?.finish();
      if (!options.quiet) process.stdout.write(`Wrote ${name} to ${output.directory}; combine the shards with npm run merge\n`);
      return EXIT_OK;
    }
    const onTick = shown && ((tick: number, total: number, agents: number) => shown.update(tick, agents));
    const results = resumed !== undefined
      ? [finishReplicate(resumed.simulation, resumed.replicateKey, performance.now(), onTick)]
      : options.snapshotAt !== undefined
        ? [runWithSnapshot(scenario, options.snapshotAt, options.snapshotOut, output, options.check, onTick)]
        : merged === undefined ? await runReplicates(requests, threads, progress) : checkedMerge(merged, requests, input.sha256);
    // Cleared before the summary is printed (and by `finally` if the run fails).
    bar?.finish();
    bar = undefined;

    const metrics = new RunMetrics(results);
    const provenance = collectProvenance({
      scenario,
      scenarioFile: options.file,
      scenarioSha256: input.sha256,
      replicateKeys: keys,
      date: merged?.startedAt ?? startedAt,
      commandLine: merged?.commandLine ?? commandLineOf(ENTRY, argv, false),
    });
    // MODEL.md 7: economy runs also report the claims' measurements in this scenario.
    const sections = scenario.kind === 'economy' ? [...DEFAULT_SECTIONS, claimsSection(scenario)] : DEFAULT_SECTIONS;
    const summary = buildSummary(provenance, metrics, sections);
    const files = writeRunFiles(output, metrics, summary, options.format);
    if (!options.quiet) {
      process.stdout.write(`${summaryTable(summary)}\n\nWrote ${files.sort().join(', ')} to ${output.directory}\n`);
    }
    return EXIT_OK;
  } finally {
    bar?.finish();
    output.discard();
  }
}

/** The plain run of the seed, stopping after month `month` to write its snapshot (to `file`, else into the output folder). */
function runWithSnapshot(
  scenario: Scenario, month: number, file: string | undefined, output: RunOutput, checkConservation: boolean, onTick?: TickListener,
): ReplicateResult {
  const started = performance.now();
  const simulation = createSimulation(scenario, { checkConservation });
  return finishReplicate(simulation, undefined, started, onTick, {
    tick: month,
    then: (paused) => {
      const { name, version } = packageInfo();
      const text = snapshotText(snapshotOf(paused, { scenario }, `${name} ${version}`));
      if (file === undefined) output.write(`snapshot-month-${month}.json`, text);
      else writeFileSync(file, text);
    },
  });
}

if (isEntryModule(import.meta.url)) runCommand('sim', main);
