// The Claims panel's run in the page's pool: a warm-up run on every worker (it also names the
// scenario's reporters), three timed runs that price a month (claims-size.ts), repeated until
// they settle, the size chosen and its price checked by runs at that size (or the size the
// address asks for), then every planned run, each claim judged as soon as its runs are in.
// Cancel ends the workers at once.
import { CLAIMS } from '../../model/claims/claim-definitions.ts';
import type { Scenario } from '../../scenarios/schema.ts';
import type { EnsembleJob, JobResult } from '../../worker/ensemble-job.ts';
import { cancelExperiment, experimentPool } from '../experiments/experiment-run.ts';
import { populationOf, populationOverride } from '../experiments/experiment-plan.ts';
import { pageClaims, type JobOverrides, type PageClaims } from './claims-jobs.ts';
import type { ClaimsTally } from './claims-tally.ts';
import { pageClaimsSets, SetsTally } from './claims-sets.ts';
import { CALIBRATION, checkedCost, chooseSize, claimsSeconds, monthCostOf, type MonthCost, type SizeChoice, type TimedRun } from './claims-size.ts';
import { replicateKeys } from '../../cli/replicate-run.ts';

const LANE = 'experiment';
/** Warm-up runs at most. */
const WARM_RUNS = 5;
/** Passes of the three timed runs at most, and how close two passes' large runs must be to stop. */
const TIMED_PASSES = 5;
const TIMED_SETTLED = 0.2;
/** Runs timed at the chosen size to check the price there. */
const CHECK_RUNS = 3;

export interface ClaimsAsked {
  readonly replicates: number;
  /** From the address or the user; undefined: the page chooses. */
  readonly persons: number | undefined;
  readonly years: number | undefined;
  /** Robustness draws (the CLI's --robustness N); 0: none. */
  readonly draws: number;
}

export type ClaimsPhase = 'calibrating' | 'running' | 'finished' | 'cancelled' | 'failed';

export interface ClaimsRunState {
  phase: ClaimsPhase;
  /** Why the run could not start (a scenario the panel's sizes make invalid, a failed calibration). */
  problem: string | undefined;
  workers: number;
  fullPersons: number | undefined;
  fullYears: number;
  cost: MonthCost | undefined;
  /** The size run, and whether the page chose it (else the address or the user did). */
  size: (SizeChoice & { readonly chosen: boolean }) | undefined;
  /** The scenario as given: its plan and tally (what the claims show). */
  claims: PageClaims | undefined;
  tally: ClaimsTally | undefined;
  /** Every set, the given one and each robustness draw. */
  sets: SetsTally | undefined;
  startedAt: Date;
  /** Wall time of the claims' runs (after calibration), and of everything. */
  runMs: number;
  wallMs: number;
}

/** A timed run as the cost model reads it, or undefined when it failed. */
const timedRun = (result: JobResult): TimedRun | undefined => (result.ok && result.measure === 'series'
  ? { persons: result.result.agentCount, months: result.result.totalTicks, ms: result.result.wallMs } : undefined);

function sizeOverrides(scenario: Scenario, persons: number | undefined, years: number): JobOverrides {
  return { ...populationOverride(scenario, persons), ...(years === scenario.years ? {} : { years }) };
}

export function cancelClaims(): void {
  cancelExperiment();
}

/** Runs the claims for `text`; `changed` is called after each step and each finished run. */
export async function runClaims(
  text: string, scenario: Scenario, asked: ClaimsAsked, changed: (state: ClaimsRunState) => void,
): Promise<ClaimsRunState> {
  const pool = experimentPool();
  const started = performance.now();
  const fullPersons = populationOf(scenario);
  const state: ClaimsRunState = {
    phase: 'calibrating', problem: undefined, workers: pool.size, fullPersons, fullYears: scenario.years,
    cost: undefined, size: undefined, claims: undefined, tally: undefined, sets: undefined, startedAt: new Date(), runMs: 0, wallMs: 0,
  };
  const fail = (problem: string) => {
    state.phase = 'failed';
    state.problem = problem;
    state.wallMs = performance.now() - started;
    changed(state);
    return state;
  };
  changed(state);

  const at = (persons: number, years: number): EnsembleJob => ({
    text, overrides: { ...populationOverride(scenario, fullPersons === undefined ? undefined : Math.min(fullPersons, persons)), years: Math.min(scenario.years, years) }, measure: 'series',
  });
  // Warm every worker until a short run costs within a quarter of the one before (at most
  // WARM_RUNS runs): the engine's first runs in a worker are the dearest. It also names the reporters.
  let first: JobResult | undefined;
  let previous = Number.NaN;
  for (let i = 0; i < WARM_RUNS; i++) {
    const warm = await pool.run(LANE, Array.from({ length: pool.size }, () => at(CALIBRATION.smallPersons, CALIBRATION.shortYears)));
    if (warm.cancelled) return Object.assign(state, { phase: 'cancelled' as const });
    first = warm.results[0]!;
    if (!first.ok || first.measure !== 'series') return fail(`the scenario's warm-up run failed: ${first.ok ? 'no series' : first.message}`);
    const cost = first.result.wallMs;
    if (Math.abs(cost - previous) <= 0.25 * previous) break;
    previous = cost;
  }
  if (first === undefined || !first.ok || first.measure !== 'series') return fail('the scenario\'s warm-up run failed');
  const reporterIds = first.result.reporters.map((r) => r.id);
  // The three timed runs, again until the large one costs within TIMED_SETTLED of the pass
  // before (at most TIMED_PASSES passes): warm at 100 persons x 5 years, a worker still compiles
  // what longer and larger runs reach, and one pass priced the month 4-6x over the 140 runs
  // that followed (bench, Chromium: 8-12 s of runs, 59 s estimated), so the page chose 100
  // persons and cut the years where the minute held five times the population. The long runs
  // are as long as the claims' runs, so the cost per month is not carried from 10 years to 50.
  const timedYears = Math.min(scenario.years, asked.years ?? scenario.years);
  let runs3: (TimedRun | undefined)[] = [];
  let previousLarge = Number.NaN;
  for (let pass = 0; pass < TIMED_PASSES; pass++) {
    const timed = await pool.run(LANE, [
      at(CALIBRATION.smallPersons, CALIBRATION.shortYears), at(CALIBRATION.smallPersons, timedYears), at(CALIBRATION.largePersons, timedYears),
    ]);
    if (timed.cancelled) return Object.assign(state, { phase: 'cancelled' as const });
    runs3 = timed.results.map(timedRun);
    if (runs3.some((r) => r === undefined)) {
      const bad = timed.results.find((r) => !r.ok);
      return fail(`a calibration run failed: ${bad !== undefined && !bad.ok ? bad.message : 'no series'}`);
    }
    const large = runs3[2]!.ms;
    if (Math.abs(large - previousLarge) <= TIMED_SETTLED * previousLarge) break;
    previousLarge = large;
  }
  state.cost = monthCostOf(runs3[0]!, runs3[1]!, runs3[2]!);

  // The plan's number of scenarios does not depend on the size, so it is planned once at full size to count runs.
  const counted = pageClaimsSets(text, {}, CLAIMS, reporterIds, asked.replicates, asked.draws);
  if ('problem' in counted) return fail(counted.problem);
  const runs = counted.jobs.length;
  let choice = chooseSize(state.cost, runs, pool.size, fullPersons ?? CALIBRATION.largePersons, scenario.years);
  const chosen = asked.persons === undefined && asked.years === undefined;
  if (chosen) {
    // The price checked at the size chosen (runs of distinct replicate keys, whose economies
    // differ), and the size chosen again from the corrected price.
    const checked = await pool.run(LANE, replicateKeys(CHECK_RUNS).map((replicateKey) => ({ ...at(choice.persons, choice.years), replicateKey })));
    if (checked.cancelled) return Object.assign(state, { phase: 'cancelled' as const });
    const bad = checked.results.find((r) => !r.ok || r.measure !== 'series');
    if (bad !== undefined) return fail(`a run at ${choice.persons} persons and ${choice.years} years failed: ${bad.ok ? 'no series' : bad.message}`);
    const corrected = checkedCost(state.cost, choice.persons, choice.years, checked.results.map((r) => timedRun(r)!.ms));
    if (corrected !== undefined) {
      state.cost = corrected;
      choice = chooseSize(corrected, runs, pool.size, fullPersons ?? CALIBRATION.largePersons, scenario.years);
    }
  }
  const persons = asked.persons ?? (fullPersons === undefined ? undefined : choice.persons);
  const years = Math.min(scenario.years, asked.years ?? choice.years);
  state.size = {
    persons: persons ?? choice.persons, years, chosen, fullEstimateSeconds: choice.fullEstimateSeconds,
    estimateSeconds: chosen ? choice.estimateSeconds : claimsSeconds(state.cost, runs, pool.size, persons ?? choice.persons, years),
  };

  const planned = pageClaimsSets(text, sizeOverrides(scenario, persons, years), CLAIMS, reporterIds, asked.replicates, asked.draws);
  if ('problem' in planned) return fail(`at ${persons} persons and ${years} years: ${planned.problem}`);
  const sets = new SetsTally(planned);
  Object.assign(state, { phase: 'running' as const, claims: planned.given, tally: sets.given, sets });
  changed(state);
  const runStarted = performance.now();
  const outcome = await pool.run(LANE, planned.jobs, (_done, _total, index, result) => {
    sets.add(index, result);
    state.runMs = performance.now() - runStarted;
    state.wallMs = performance.now() - started;
    changed(state);
  });
  state.phase = outcome.cancelled ? 'cancelled' : 'finished';
  state.runMs = performance.now() - runStarted;
  state.wallMs = performance.now() - started;
  changed(state);
  return state;
}
