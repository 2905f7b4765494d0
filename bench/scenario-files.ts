// Scenario-file cases: a scenario as written, at a given size, timed against a wall-time
// target in a worker thread that is stopped at twice the target (four times with a second,
// compiled run). A missing or not-yet-loadable
// file is a skip with its reason, not a failure.
import { existsSync, readFileSync } from 'node:fs';
import { parseScenarioText, formatIssues } from '../src/scenarios/load.ts';
import { startWorker } from '../src/cli/typescript-worker.ts';
import type { ScenarioFileCase } from './cases.ts';
import { MONTHS_PER_YEAR } from '../src/model/engine.ts';

export type ScenarioFileOutcome =
  | { readonly status: 'skipped'; readonly reason: string }
  | { readonly status: 'stopped'; readonly afterSeconds: number }
  | {
    readonly status: 'ran'; readonly seconds: number; readonly agents: number; readonly ticks: number;
    /** CPU time of the worker thread over the first run (Linux; undefined elsewhere). */
    readonly cpuSeconds?: number;
    /** A second run in the same worker, JIT-compiled engine (only when asked for). */
    readonly warmSeconds?: number;
  };

/** How to run a case: the engine's worker module (bundle), overrides, the target, a second run. */
export interface ScenarioFileRun {
  /** The worker that runs the engine (the bench passes the bundle the page runs). */
  readonly workerModule: URL;
  readonly overrides: Readonly<Record<string, unknown>>;
  /** The target the cap is set from. */
  readonly targetSeconds: number;
  /** Run the scenario a second time in the same worker, engine compiled. */
  readonly again: boolean;
}

export async function runScenarioFileCase(fileCase: ScenarioFileCase, root: URL, run: ScenarioFileRun): Promise<ScenarioFileOutcome> {
  const { workerModule, overrides, targetSeconds, again } = run;
  const path = new URL(fileCase.file, root);
  if (!existsSync(path)) return { status: 'skipped', reason: `${fileCase.file} does not exist yet` };
  const allOverrides = { ...fileCase.overrides, ...overrides, recordEveryMonths: MONTHS_PER_YEAR };
  const outcome = parseScenarioText(readFileSync(path, 'utf8'), allOverrides);
  if (!outcome.ok) {
    const first = formatIssues(fileCase.file, outcome.issues.slice(0, 1));
    return { status: 'skipped', reason: `does not load with ${JSON.stringify(allOverrides)}: ${first}` };
  }
  const worker = startWorker(workerModule, { workerData: { scenarioData: outcome.raw, again } });
  // The cap is on the judged first run; a second run adds at most as long again.
  const capSeconds = (again ? 4 : 2) * targetSeconds;
  try {
    return await new Promise<ScenarioFileOutcome>((resolve, reject) => {
      const timer = setTimeout(() => resolve({ status: 'stopped', afterSeconds: capSeconds }), capSeconds * 1000 + 2000);
      worker.once('message', (result: { seconds: number; cpuSeconds?: number; agents: number; ticks: number; warmSeconds?: number }) => {
        clearTimeout(timer);
        resolve({ status: 'ran', ...result });
      });
      worker.once('error', (error) => {
        clearTimeout(timer);
        reject(error);
      });
    });
  } finally {
    await worker.terminate();
  }
}
