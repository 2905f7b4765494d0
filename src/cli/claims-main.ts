// `npm run claims -- FILE [options]`: judges the manifesto's claims (MODEL.md 7) on a scenario.
// Runs the base scenario and every variant the chosen claims compare, K replicates each with
// the same replicate keys r1..rK (common random numbers), on worker threads; then each test's
// paired effects, bootstrap interval and verdict. The time estimate is calibrated on the
// command's own first runs (claims-estimate.ts). Exit codes as the sim command.
import { parseClaimsCommandLine } from './claims-arguments.ts';
import { CLAIMS_USAGE } from './claims-usage.ts';
import { claimsRunList, planClaims, type ClaimsPlan } from './claims-plan.ts';
import { claimsRows, claimsJson, claimsTable, judgePlan, type FailedRun } from './claims-report.ts';
import { robustnessRows, robustnessJson } from './claims-robustness.ts';
import { InputError, readScenarioInput } from './scenario-input.ts';
import { RunOutput, overridesPart, runDirectory, seedPart, writeTable } from './run-output.ts';
import { isRunFailure, runReplicatesSettled, threadsFor, type JobHooks, type PoolProgress, type RunFailure } from './replicate-pool.ts';
import { replicateKeys, type ReplicateRequest, type ReplicateResult } from './replicate-run.ts';
import { CalibratedOrder, estimateTotal, type Estimate } from './claims-estimate.ts';
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

import { appendFileSync, writeFileSync } from 'node:fs';

const ENTRY = 'src/cli/claims-main.ts';

/** Overrides as `--set path=value` arguments. */
function argvSets(overrides: Readonly<Record<string, unknown>>): string[] {
  return Object.entries(overrides).map(([path, value]) => `--set ${path}=${String(value)}`);
}

/** Persons x months of one run (economies: persons.count; other kinds count as one person). */
const personMonthsOf = (scenario: Scenario) => (scenario.kind === 'economy' ? scenario.persons.count : 1) * totalTicksOf(scenario);

/**
 * The runs on the pool with the time estimate calibrated on them (claims-estimate.ts): warm-up
 * runs in list order; once the threads are warm `onEstimate` gets the whole run's predicted length from `started` (performance.now() when the runs began),
 * and after every run that ends from then on `onRenewed` gets it again, timed on the latest
 * runs. Results in the order of `requests`.
 */
async function runTimed(
  requests: readonly ReplicateRequest[], threads: number, onProgress: PoolProgress | undefined,
  started: number, onEstimate: (estimate: Estimate, warm: boolean) => void, onRenewed: (estimate: Estimate, ended: number, runs: number) => void,
): Promise<(ReplicateResult | RunFailure)[]> {
  const cost = requests.map((r) => personMonthsOf(r.scenario));
  const order = new CalibratedOrder(cost, Math.max(1, threads));
  const running = new Map<number, number>();
  // A diagnostic: CLAIMS_TIMING_LOG=FILE writes each run's times (how the estimates were checked).
  const timingLog = process.env['CLAIMS_TIMING_LOG'];
  if (timingLog !== undefined) writeFileSync(timingLog, 'job,thread,personMonths,wallSeconds,cpuSeconds,endedAt,renewedEstimate\n');
  let ended = 0;
  const hooks: JobHooks = {
    next: () => order.next(),
    onStart: (job) => { running.set(job, performance.now()); },
    onEnd: (job, result) => {
      const now = performance.now();
      const began = running.get(job) ?? now;
      running.delete(job);
      ended++;
      const failed = isRunFailure(result);
      const seconds = (now - began) / 1000;
      const cpuSeconds = failed || result.cpuMs === undefined ? undefined : result.cpuMs / 1000;
      const due = order.ended(job, failed ? undefined : result.threadId, failed ? undefined : seconds, cpuSeconds);
      const pool = {
        elapsedSeconds: (now - started) / 1000,
        threads: Math.max(1, threads),
        running: [...running].map(([j, at]) => ({ personMonths: cost[j]!, seconds: (now - at) / 1000 })),
        waiting: order.waiting(),
      };
      if (due) onEstimate(estimateTotal(order.rate(), order.timedRuns, pool), order.warm);
      const recent = order.warmedUp ? order.recentRate() : Number.NaN;
      const renewed = Number.isFinite(recent) ? estimateTotal(recent, order.timedRuns, pool) : undefined;
      if (renewed !== undefined) onRenewed(renewed, ended, requests.length);
      if (timingLog !== undefined) {
        appendFileSync(timingLog, `${job},${failed ? '' : result.threadId},${cost[job]},${seconds.toFixed(3)},${cpuSeconds?.toFixed(3) ?? ''},${pool.elapsedSeconds.toFixed(1)},${renewed?.totalSeconds.toFixed(1) ?? ''}\n`);
      }
    },
  };
  return runReplicatesSettled(requests, threads, onProgress, hooks);
}

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
    // The reporters the scenario's model has (built, not run: the runs themselves time the machine).
    const reporterIds = createSimulation(base.scenario, { replicateKey: 'reporters' }).model.scalars.map((r) => r.id);
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
    const threads = Math.max(1, workers);
    const drawsText = draws.length > 0 ? ` x ${draws.length + 1} parameter sets (as given + ${draws.length} robustness draws)` : '';
    say(`${plan.scenarios.length} scenario${plan.scenarios.length === 1 ? '' : 's'} (${plan.scenarios.map((s) => s.name).join(', ')})`
      + ` x ${keys.length} replicates${drawsText} = ${runs.length} runs of ${base.scenario.years} years on ${threads} thread${threads === 1 ? '' : 's'};`
      + (merged === undefined ? ` a time estimate follows once the threads are warm (their runs stop getting faster), timed on their last runs.` : '')
      + ' Shrink with --years, --replicates, --only or --set.\n');

    const totalMonths = runs.reduce((sum, r) => sum + totalTicksOf(r.request.scenario), 0);
    if (!options.quiet && process.stderr.isTTY) bar = new ProgressBar(process.stderr, totalMonths);
    const shown = bar;
    const progress = shown && ((done: number, agents: number) => shown.update(done, agents));
    const runStarted = performance.now();
    const requests = runs.map((r) => r.request);
    let estimate = Number.NaN;
    let halfWay = Number.NaN;
    let nextQuarter = 1;
    shown?.notePace('warm-up pace, high');
    const tell = (e: Estimate, warm: boolean) => {
      estimate = e.totalSeconds;
      shown?.finish();
      say(`Time: estimate ${formatDuration(e.totalSeconds)} for the runs, start-up included (timed on the threads' last ${e.timedRuns} warm-up runs, at this size on this machine as loaded now: `
        + `${(e.secondsPerPersonMonth * 1e6).toFixed(2)} us per person-month (median)${warm ? ' after the threads\' warm-up' : ', the threads perhaps still warming up, so likely high'}; longer if other work starts sharing the cores; `
        + `renewed as the runs go, from the latest runs${shown === undefined ? ', at each quarter' : ', in the progress line'}).\n`);
    };
    // The estimate renewed at every run's end: the progress line counts down to it, and a line
    // at each quarter of the runs says it where there is no progress line (a log).
    const renew = (e: Estimate, ended: number, count: number) => {
      shown?.setEnd(runStarted + e.totalSeconds * 1000);
      if (ended * 2 >= count && !Number.isFinite(halfWay)) halfWay = e.totalSeconds;
      // Quarters passed before the first estimate (a list short beside its warm-up) are skipped.
      if (!Number.isFinite(estimate)) {
        while (nextQuarter < 4 && ended * 4 >= nextQuarter * count) nextQuarter++;
        return;
      }
      if (nextQuarter < 4 && ended * 4 >= nextQuarter * count && ended < count) {
        while (nextQuarter < 4 && ended * 4 >= nextQuarter * count) nextQuarter++;
        shown?.finish();
        say(`Time: ${ended} of ${count} runs done in ${formatDuration((performance.now() - runStarted) / 1000)}; renewed estimate ${formatDuration(e.totalSeconds)} for the runs `
          + `(${(e.secondsPerPersonMonth * 1e6).toFixed(2)} us per person-month, the median of the latest runs).\n`);
      }
    };
    const run = (list: readonly ReplicateRequest[], count: number, onProgress?: PoolProgress) => runTimed(list, count, onProgress, runStarted, tell, renew);
    if (options.shard !== undefined) {
      const name = await runShard(output, 'claims', argv, ENTRY, base.sha256, requests, options.shard, workers, progress, run);
      bar?.finish();
      say(`Wrote ${name} to ${output.directory}; combine the shards with npm run merge\n`);
      return EXIT_OK;
    }
    const flat = merged === undefined ? await run(requests, workers, progress) : checkedMergeSettled(merged, requests, base.sha256);
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
    // A draw whose runs failed, or whose parameters made no valid scenario, is counted apart,
    // not as a verdict (the failure says nothing about the parameters).
    const runsFailed = judgedDraws.map((d) => failures.some((f) => f.set === d.index + 1 && f.replicateKey !== '*'));
    const robustness = draws.length > 0 ? robustnessOf(reports, drawReports, uncertainty, judgedDraws, runsFailed, draws.length - judgedDraws.length) : undefined;

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
      output.write('robustness.json', `${JSON.stringify(robustnessJson(provenance, uncertainty, draws, judgedDraws, drawReports, robustness, failures), null, 2)}\n`);
      writeTable(output, 'robustness', robustnessRows(uncertainty, judgedDraws, drawReports), options.format, provenance);
    }
    const files = output.commit();
    const seconds = (Date.now() - startedAt.getTime()) / 1000;
    if (failures.length > 0) {
      process.stderr.write(`claims: ${failures.length} run${failures.length === 1 ? '' : 's'} failed and ${failures.length === 1 ? 'is' : 'are'} left out (verdicts from the rest; under 20 usable replicates a test says "too few runs"):\n`
        + failures.map((f) => `  ${f.set === 0 ? 'as given' : `draw ${f.set}`}, ${f.scenario}, replicate ${f.replicateKey}: ${f.message}`).join('\n')
        + `\nTo reproduce one: npm run sim -- ${[options.file, ...argvSets(options.overrides)].join(' ')} --replicates ${keys.length} (plus the variant's --set)\n`);
    }
    say(`${claimsTable(reports, window, robustness)}\n\n${runs.length} runs in ${formatDuration(runSeconds)} (${merged !== undefined ? 'merged from shards' : `estimated ${formatDuration(estimate)}${Number.isFinite(halfWay) ? `, ${formatDuration(halfWay)} at half-way` : ''}`}); ${formatDuration(seconds)} in all. Wrote ${files.sort().join(', ')} to ${output.directory}\n`);
    return EXIT_OK;
  } finally {
    bar?.finish();
    output.discard();
  }
}

if (isEntryModule(import.meta.url)) runCommand('claims', claimsMain);
