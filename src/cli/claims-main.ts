// `npm run claims -- FILE [options]`: judges the manifesto's claims (MODEL.md 7) on a scenario.
// Runs the base scenario and every variant the chosen claims compare, K replicates each with
// the same replicate keys r1..rK (common random numbers), on worker threads; then each test's
// paired effects, bootstrap interval and verdict. Exit codes as the sim command.
import { relative } from 'node:path';
import { parseClaimsCommandLine } from './claims-arguments.ts';
import { CLAIMS_USAGE } from './claims-usage.ts';
import { planClaims, replicateRequests } from './claims-plan.ts';
import { claimsCsv, claimsJson, claimsTable, judgeClaims } from './claims-report.ts';
import { readScenarioInput } from './scenario-input.ts';
import { RunOutput, overridesPart, runDirectory, seedPart } from './run-output.ts';
import { runReplicates, threadsFor } from './replicate-pool.ts';
import { replicateKeys, type ReplicateResult } from './replicate-run.ts';
import { ProgressBar, formatDuration } from './progress-bar.ts';
import { collectProvenance } from './provenance.ts';
import { CLAIMS } from '../model/claims/claim-definitions.ts';
import { claimWindow } from '../model/claims/series-window.ts';
import { createSimulation } from '../scenarios/create-simulation.ts';
import { totalTicksOf } from '../scenarios/schema.ts';
import { EXIT_OK } from './exit-codes.ts';
import { inputFailure, runCommand, usageFailure } from './command.ts';

const WARM_UP_MONTHS = 6;
const CALIBRATION_MONTHS = 12;

/** Overrides as `--set path=value` arguments. */
function argvSets(overrides: Readonly<Record<string, unknown>>): string[] {
  return Object.entries(overrides).map(([path, value]) => `--set ${path}=${String(value)}`);
}

export async function claimsMain(argv: readonly string[]): Promise<number> {
  let options;
  try {
    options = parseClaimsCommandLine(argv, CLAIMS.map((c) => c.id));
  } catch (error) {
    return usageFailure('claims', error);
  }
  if (options.help) {
    process.stdout.write(CLAIMS_USAGE);
    return EXIT_OK;
  }
  const say = (text: string) => { if (!options.quiet) process.stdout.write(text); };

  let base;
  let output;
  try {
    base = readScenarioInput(options.file, options.overrides, options.overrideFlags);
    output = new RunOutput(options.out ?? runDirectory(options.file, ['claims', seedPart(base.scenario.seed), `x${options.replicates}`, ...overridesPart(options.overrides)]));
  } catch (error) {
    return inputFailure(error);
  }

  let bar: ProgressBar | undefined;
  try {
    const startedAt = new Date();
    const claims = options.only === undefined ? CLAIMS : CLAIMS.filter((c) => options.only!.includes(c.id));
    // A short run of the base scenario: its reporters (what is measurable) and a time per month.
    const calibration = createSimulation(base.scenario, { replicateKey: 'calibration' });
    const reporterIds = calibration.model.scalars.map((r) => r.id);
    // The first months are timed after a few of warm-up, so compilation does not count.
    calibration.runTo(WARM_UP_MONTHS);
    const calibrationStart = performance.now();
    calibration.runTo(WARM_UP_MONTHS + CALIBRATION_MONTHS);
    const msPerMonth = (performance.now() - calibrationStart) / Math.max(1, calibration.tick - WARM_UP_MONTHS);

    const plan = planClaims(options.file, base, options.overrides, options.overrideFlags, claims, reporterIds);
    const keys = replicateKeys(options.replicates);
    const requests = replicateRequests(plan, keys);
    const workers = threadsFor(options.workers, requests.length);
    const totalMonths = plan.scenarios.reduce((sum, s) => sum + totalTicksOf(s.input.scenario), 0) * keys.length;
    const estimate = (msPerMonth * totalMonths) / 1000 / Math.max(1, workers);
    say(`${plan.scenarios.length} scenario${plan.scenarios.length === 1 ? '' : 's'} (${plan.scenarios.map((s) => s.name).join(', ')})`
      + ` x ${keys.length} replicates = ${requests.length} runs of ${base.scenario.years} years on ${Math.max(1, workers)} thread${workers === 1 ? '' : 's'};`
      + ` rough estimate ${formatDuration(estimate)} (timed on ${CALIBRATION_MONTHS} early months of one run, usually high: early months, when most assets are bought, are the busiest).`
      + ' Shrink with --years, --replicates, --only or --set.\n');

    if (!options.quiet && process.stderr.isTTY) bar = new ProgressBar(process.stderr, totalMonths);
    const shown = bar;
    const progress = shown && ((done: number, agents: number) => shown.update(done, agents));
    let flat: ReplicateResult[];
    try {
      flat = await runReplicates(requests, workers, progress);
    } catch (error) {
      // A run that fails is a fault of the model, not of the claims; say how to reproduce it.
      bar?.finish();
      bar = undefined;
      const commands = plan.scenarios.map((s) => `  npm run sim -- ${[options.file, ...argvSets(options.overrides), ...argvSets(s.overrides)].join(' ')} --replicates ${keys.length}`);
      process.stderr.write(`claims: a run failed, so no verdicts: ${(error as Error).message}\n`
        + `Each scenario it ran, as a sim command that runs the same replicates:\n${commands.join('\n')}\n`);
      throw error;
    }
    bar?.finish();
    bar = undefined;
    const results: ReplicateResult[][] = plan.scenarios.map((_, s) => flat.slice(s * keys.length, (s + 1) * keys.length));

    const window = claimWindow(base.scenario.years);
    const reports = judgeClaims(plan, results, window, base.scenario.seed);
    const provenance = collectProvenance({
      scenario: base.scenario,
      scenarioFile: options.file,
      scenarioSha256: base.sha256,
      replicateKeys: keys,
      date: startedAt,
      commandLine: [relative(process.cwd(), process.argv[1] ?? 'src/cli/claims-main.ts'), ...argv],
    });
    output.write('claims.json', `${JSON.stringify(claimsJson(provenance, plan, reports, window), null, 2)}\n`);
    output.write('claims.csv', claimsCsv(reports, keys));
    const files = output.commit();
    const seconds = (Date.now() - startedAt.getTime()) / 1000;
    say(`${claimsTable(reports, window)}\n\n${requests.length} runs in ${formatDuration(seconds)}. Wrote ${files.sort().join(', ')} to ${output.directory}\n`);
    return EXIT_OK;
  } finally {
    bar?.finish();
    output.discard();
  }
}

runCommand('claims', claimsMain);
