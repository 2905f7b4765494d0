// `npm run claims -- FILE [options]`: judges the manifesto's claims (MODEL.md 7) on a scenario.
// Runs the base scenario and every variant the chosen claims compare, K replicates each with
// the same replicate keys r1..rK (common random numbers), on worker threads; then each test's
// paired effects, bootstrap interval and verdict. Exit codes as the sim command.
import { parseClaimsCommandLine } from './claims-arguments.ts';
import { CLAIMS_USAGE } from './claims-usage.ts';
import { claimsRunList, planClaims, type ClaimsPlan } from './claims-plan.ts';
import { claimsRows, claimsJson, claimsTable, judgePlan, type FailedRun } from './claims-report.ts';
import { robustnessRows, robustnessJson } from './claims-robustness.ts';
import { InputError, readScenarioInput } from './scenario-input.ts';
import { RunOutput, overridesPart, runDirectory, seedPart, writeTable } from './run-output.ts';
import { isRunFailure, runReplicatesSettled, threadsFor } from './replicate-pool.ts';
import { replicateKeys, type ReplicateResult } from './replicate-run.ts';
import { ProgressBar, formatDuration } from './progress-bar.ts';
import { collectProvenance } from './provenance.ts';
import { CLAIMS } from '../model/claims/claim-definitions.ts';
import { claimWindow } from '../model/claims/series-window.ts';
import { createSimulation } from '../scenarios/create-simulation.ts';
import { totalTicksOf, type Scenario } from '../scenarios/schema.ts';
import { drawParameterSets, robustnessOf, type UncertainParameter } from '../model/claims/robustness.ts';
import { RandomStreams } from '../model/random.ts';
import { EXIT_OK } from './exit-codes.ts';
import { inputFailure, isEntryModule, runCommand, usageFailure } from './command.ts';
import { checkedMergeSettled, commandLineOf, runShard, type MergedRuns } from './sharded-run.ts';

const ENTRY = 'src/cli/claims-main.ts';

/** Persons and years of the calibration run that times this machine (after a short warm-up run). */
const CALIBRATION_PERSONS = 1000;
const WARM_UP = { persons: 300, years: 3 };

/** Overrides as `--set path=value` arguments. */
function argvSets(overrides: Readonly<Record<string, unknown>>): string[] {
  return Object.entries(overrides).map(([path, value]) => `--set ${path}=${String(value)}`);
}

/**
 * Microseconds per person-month on this machine, from one run of the base scenario at up to
 * CALIBRATION_PERSONS persons over its full length (cost per person-month changes over a run:
 * early months buy assets, later ones carry more of them), timed after a short warm-up run so
 * the compiler's first passes do not count; plus what the warm-up itself cost (each worker
 * thread pays it once). Cost grows about linearly with persons (6.6-6.7 us at 2,000 and 8,000).
 */
function calibrate(scenario: Scenario): { usPerPersonMonth: number; warmUpSeconds: number; reporterIds: string[] } {
  const sized = (persons: number, years: number) => economyOrSame(scenario, persons, years);
  const warmStart = performance.now();
  createSimulation(sized(WARM_UP.persons, WARM_UP.years), { replicateKey: 'calibration-warm-up' }).runToEnd();
  const warmUpSeconds = (performance.now() - warmStart) / 1000;
  const calibration = createSimulation(sized(CALIBRATION_PERSONS, scenario.years), { replicateKey: 'calibration' });
  const started = performance.now();
  calibration.runToEnd();
  const ms = performance.now() - started;
  const persons = calibration.model.agentCount;
  return { usPerPersonMonth: (ms * 1000) / Math.max(1, persons * calibration.tick), warmUpSeconds, reporterIds: calibration.model.scalars.map((r) => r.id) };
}

/** The scenario at another size (economies: persons.count; other kinds unchanged). */
function economyOrSame(scenario: Scenario, persons: number, years: number): Scenario {
  if (scenario.kind !== 'economy') return { ...scenario, years: Math.min(scenario.years, years) };
  return { ...scenario, years: Math.min(scenario.years, years), persons: { ...scenario.persons, count: Math.min(scenario.persons.count, persons) } };
}

const personsOf = (scenario: Scenario) => (scenario.kind === 'economy' ? scenario.persons.count : CALIBRATION_PERSONS);

/** `merged`: the results of `npm run merge` instead of running (the same files as one machine's run). */
export async function claimsMain(argv: readonly string[], merged?: MergedRuns): Promise<number> {
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
  const claims = options.only === undefined ? CLAIMS : CLAIMS.filter((c) => options.only!.includes(c.id));

  let base;
  let output;
  let uncertainty: readonly UncertainParameter[] = [];
  try {
    base = readScenarioInput(options.file, options.overrides, options.overrideFlags);
    if (options.robustness > 0) {
      uncertainty = base.scenario.kind === 'economy' ? base.scenario.uncertainty : [];
      if (uncertainty.length === 0) {
        throw new InputError(`--robustness: ${options.file} declares no uncertain parameters; add an uncertainty: block (a list of { path, low, high } or { path, values }, see docs/CLAIMS.md)`);
      }
    }
    const parts = ['claims', seedPart(base.scenario.seed), `x${options.replicates}`, ...(options.robustness > 0 ? [`r${options.robustness}`] : []), ...overridesPart(options.overrides)];
    output = new RunOutput(options.out ?? runDirectory(options.file, parts));
  } catch (error) {
    return inputFailure(error);
  }

  let bar: ProgressBar | undefined;
  try {
    const startedAt = new Date();
    const { usPerPersonMonth, warmUpSeconds, reporterIds } = calibrate(base.scenario);
    const plan = planClaims(options.file, base, options.overrides, options.overrideFlags, claims, reporterIds);

    // Robustness (MODEL.md 7 (v3)): N parameter sets by Latin hypercube from the scenario's
    // seed; each is the base plus its draw, with every claim variant on top.
    const draws = drawParameterSets(uncertainty, options.robustness, new RandomStreams(base.scenario.seed, 'robustness').get('latin-hypercube'));
    const failures: FailedRun[] = [];
    const drawPlans: (ClaimsPlan | undefined)[] = draws.map((draw) => {
      const overrides = { ...options.overrides, ...draw.overrides };
      const flags = { ...options.overrideFlags, ...Object.fromEntries(Object.keys(draw.overrides).map((p) => [p, `robustness draw ${draw.index + 1}`])) };
      try {
        return planClaims(options.file, readScenarioInput(options.file, overrides, flags), overrides, flags, claims, reporterIds);
      } catch (error) {
        if (!(error instanceof InputError)) throw error;
        failures.push({ set: draw.index + 1, scenario: 'base', replicateKey: '*', message: `the drawn parameters make an invalid scenario: ${error.message.split('\n')[0]}` });
        return undefined;
      }
    });
    const plans = [plan, ...drawPlans.filter((p): p is ClaimsPlan => p !== undefined)];
    const setOf = [0, ...drawPlans.flatMap((p, d) => (p === undefined ? [] : [d + 1]))];
    const keys = replicateKeys(options.replicates);
    const runs = claimsRunList(plans, keys);
    const workers = threadsFor(options.workers, runs.length);
    const personMonths = runs.reduce((sum, r) => sum + personsOf(r.request.scenario) * totalTicksOf(r.request.scenario), 0);
    const threads = Math.max(1, workers);
    const estimate = (usPerPersonMonth * personMonths) / 1e6 / threads + (workers > 0 ? warmUpSeconds : 0);
    const drawsText = draws.length > 0 ? ` x ${draws.length + 1} parameter sets (as given + ${draws.length} robustness draws)` : '';
    say(`${plan.scenarios.length} scenario${plan.scenarios.length === 1 ? '' : 's'} (${plan.scenarios.map((s) => s.name).join(', ')})`
      + ` x ${keys.length} replicates${drawsText} = ${runs.length} runs of ${base.scenario.years} years on ${threads} thread${threads === 1 ? '' : 's'};`
      + ` estimate ${formatDuration(estimate)} (from a calibration run on this machine: ${usPerPersonMonth.toFixed(1)} us per person-month; slower if other work shares the cores).`
      + ' Shrink with --years, --replicates, --only or --set.\n');

    const totalMonths = runs.reduce((sum, r) => sum + totalTicksOf(r.request.scenario), 0);
    if (!options.quiet && process.stderr.isTTY) bar = new ProgressBar(process.stderr, totalMonths);
    const shown = bar;
    const progress = shown && ((done: number, agents: number) => shown.update(done, agents));
    const runStarted = performance.now();
    const requests = runs.map((r) => r.request);
    if (options.shard !== undefined) {
      const name = await runShard(output, 'claims', argv, ENTRY, base.sha256, requests, options.shard, workers, progress, runReplicatesSettled);
      bar?.finish();
      say(`Wrote ${name} to ${output.directory}; combine the shards with npm run merge\n`);
      return EXIT_OK;
    }
    const flat = merged === undefined ? await runReplicatesSettled(requests, workers, progress) : checkedMergeSettled(merged, requests, base.sha256);
    const runSeconds = (performance.now() - runStarted) / 1000;
    bar?.finish();
    bar = undefined;

    // Results by parameter set, scenario, replicate; a failed run is reported and left out.
    const bySet = plans.map((p) => p.scenarios.map(() => keys.map((): ReplicateResult | undefined => undefined)));
    runs.forEach((run, i) => {
      const result = flat[i]!;
      const k = keys.indexOf(run.request.replicateKey!);
      if (isRunFailure(result)) {
        failures.push({ set: setOf[run.set]!, scenario: run.scenarioName, replicateKey: run.request.replicateKey!, message: result.message });
      } else {
        bySet[run.set]![run.scenario]![k] = result;
      }
    });

    const window = claimWindow(base.scenario.years);
    const reports = judgePlan(plan, bySet[0]!, window, base.scenario.seed);
    const drawReports = plans.slice(1).map((p, i) => judgePlan(p, bySet[i + 1]!, window, base.scenario.seed, `claims:draw${setOf[i + 1]}`));
    const judgedDraws = draws.filter((_, d) => drawPlans[d] !== undefined);
    const robustness = draws.length > 0 ? robustnessOf(reports, drawReports, uncertainty, judgedDraws) : undefined;

    const provenance = collectProvenance({
      scenario: base.scenario,
      scenarioFile: options.file,
      scenarioSha256: base.sha256,
      replicateKeys: keys,
      date: merged?.startedAt ?? startedAt,
      commandLine: merged?.commandLine ?? commandLineOf(ENTRY, argv, false),
    });
    failures.sort((a, b) => a.set - b.set);
    output.write('claims.json', `${JSON.stringify(claimsJson(provenance, plan, reports, window, failures, robustness), null, 2)}\n`);
    writeTable(output, 'claims', claimsRows(reports, keys), options.format, provenance);
    if (robustness !== undefined) {
      output.write('robustness.json', `${JSON.stringify(robustnessJson(provenance, uncertainty, judgedDraws, drawReports, robustness, failures), null, 2)}\n`);
      writeTable(output, 'robustness', robustnessRows(uncertainty, judgedDraws, drawReports), options.format, provenance);
    }
    const files = output.commit();
    const seconds = (Date.now() - startedAt.getTime()) / 1000;
    if (failures.length > 0) {
      process.stderr.write(`claims: ${failures.length} run${failures.length === 1 ? '' : 's'} failed and ${failures.length === 1 ? 'is' : 'are'} left out (verdicts from the rest; under 20 usable replicates a test says "too few runs"):\n`
        + failures.map((f) => `  ${f.set === 0 ? 'as given' : `draw ${f.set}`}, ${f.scenario}, replicate ${f.replicateKey}: ${f.message}`).join('\n')
        + `\nTo reproduce one: npm run sim -- ${[options.file, ...argvSets(options.overrides)].join(' ')} --replicates ${keys.length} (plus the variant's --set)\n`);
    }
    say(`${claimsTable(reports, window, robustness)}\n\n${runs.length} runs in ${formatDuration(runSeconds)} (estimated ${formatDuration(estimate)}); ${formatDuration(seconds)} in all. Wrote ${files.sort().join(', ')} to ${output.directory}\n`);
    return EXIT_OK;
  } finally {
    bar?.finish();
    output.discard();
  }
}

if (isEntryModule(import.meta.url)) runCommand('claims', claimsMain);
