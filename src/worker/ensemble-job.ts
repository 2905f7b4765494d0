// One job of the page's ensemble: a scenario (text plus overrides) run to its end under one
// replicate key, measured one way. Pure (no worker API), so the worker, Node and the tests run
// the same function. Replicate keys are the CLI's (replicateKeys in src/cli/replicate-run.ts):
// r1..rK, each seeding its own streams, so a page ensemble and `npm run sim -- --replicates K`
// draw the same runs. New measures (issue 18: series for bands, claims) join `JobMeasure`.
import { z } from 'zod';
import { parseScenarioText } from '../scenarios/load.ts';
import { createSimulation } from '../scenarios/create-simulation.ts';
import { finishReplicate, primeThread, type ReplicateResult } from '../cli/replicate-run.ts';
import { lorenzCurve } from '../model/inequality.ts';
import type { EconomyState } from '../model/economy/economy-state.ts';
import { CommunePlanRecorder, type CommunePlan } from '../model/economy/commune-plan.ts';
import { MAX_SCENARIO_TEXT } from './protocol.ts';

export const jobSchema = z.strictObject({
  text: z.string().max(MAX_SCENARIO_TEXT),
  overrides: z.record(z.string().min(1).max(200), z.union([z.number(), z.string().max(200), z.boolean()])).default({}),
  /** Undefined: the plain run of the seed (what the simulator shows); else `r<k>`. */
  replicateKey: z.string().regex(/^r\d{1,6}$/).optional(),
  measure: z.enum(['plan', 'series']),
});
export type EnsembleJob = z.input<typeof jobSchema>;

export type JobResult =
  | { readonly ok: true; readonly measure: 'plan'; readonly replicateKey: string | undefined; readonly plan: CommunePlan }
  | {
    readonly ok: true; readonly measure: 'series'; readonly replicateKey: string | undefined; readonly result: ReplicateResult;
    /** The Lorenz curve of the main distribution (wealth, else the model's first) at the end: LORENZ_POINTS + 1 ordinates. */
    readonly lorenz?: { readonly distribution: string; readonly ordinates: Float64Array };
  }
  | { readonly ok: false; readonly message: string };

/** Population fractions 0, 1/100, ..., 1 of a series job's final Lorenz curve (the single run's chart draws as many). */
export const LORENZ_POINTS = 100;

/**
 * Runs one job to the end of its scenario. Problems come back as a message, never a throw.
 * `progress` is called once the scenario is built and after every month, so a watcher can tell
 * a long job from a dead one.
 */
export function runJob(input: EnsembleJob, progress?: () => void): JobResult {
  const parsedJob = jobSchema.safeParse(input);
  if (!parsedJob.success) return { ok: false, message: `malformed ensemble job: ${parsedJob.error.issues[0]?.message ?? ''}` };
  const job = parsedJob.data;
  const parsed = parseScenarioText(job.text, job.overrides);
  if (!parsed.ok) {
    return { ok: false, message: parsed.issues.map((i) => `${i.path === '' ? '' : `${i.path}: `}${i.message}`).join('; ') };
  }
  const scenario = parsed.scenario;
  try {
    primeThread(scenario, { smallRun: false });
    if (job.measure === 'series') {
      // runReplicate's run, keeping the simulation to read its final distribution.
      const started = performance.now();
      const simulation = createSimulation(scenario, { ...(job.replicateKey === undefined ? {} : { replicateKey: job.replicateKey }), checkConservation: false });
      // Run here, reporting every month (finishReplicate reports every million person-months, a
      // silence that grows with the load), so the longest silence is one month; it then only
      // reads the finished run.
      progress?.();
      simulation.runToEnd(progress, 1);
      const result = finishReplicate(simulation, job.replicateKey, started);
      const ids = simulation.model.distributions.map((d) => d.id);
      const main = ids.includes('wealth') ? 'wealth' : ids[0];
      const lorenz = main === undefined ? undefined : { distribution: main, ordinates: lorenzCurve(simulation.sortedDistribution(main), LORENZ_POINTS) };
      return { ok: true, measure: 'series', replicateKey: job.replicateKey, result, ...(lorenz === undefined ? {} : { lorenz }) };
    }
    if (scenario.kind !== 'economy') return { ok: false, message: `the planner needs an economy scenario, not ${scenario.kind}` };
    return { ok: true, measure: 'plan', replicateKey: job.replicateKey, plan: planOf(scenario, job.replicateKey, progress) };
  } catch (error) {
    return { ok: false, message: error instanceof Error ? `${error.name}: ${error.message}` : String(error) };
  }
}

/** The planner's figures of one run: the commune watched every month to the end. */
export function planOf(scenario: Parameters<typeof createSimulation>[0], replicateKey: string | undefined, progress?: () => void): CommunePlan {
  const simulation = createSimulation(scenario, replicateKey === undefined ? {} : { replicateKey });
  const state = simulation.model.state as EconomyState;
  const recorder = new CommunePlanRecorder(state, simulation.options.totalTicks);
  while (!simulation.done) {
    progress?.();
    simulation.step();
    recorder.observe(state);
  }
  return recorder.finish(state);
}
