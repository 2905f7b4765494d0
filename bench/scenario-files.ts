// Scenario-file cases: a scenario as written, at a given size, timed against a wall-time
// target. A missing or not-yet-loadable file is a skip with its reason, not a failure.
import { existsSync, readFileSync } from 'node:fs';
import { ScenarioError, loadScenario } from '../src/scenarios/load.ts';
import { createSimulation } from '../src/scenarios/create-simulation.ts';
import type { ScenarioFileCase } from './cases.ts';

export type ScenarioFileOutcome =
  | { readonly status: 'skipped'; readonly reason: string }
  | { readonly status: 'ran'; readonly seconds: number; readonly agents: number; readonly ticks: number; readonly pass: boolean };

export function runScenarioFileCase(fileCase: ScenarioFileCase, root: URL): ScenarioFileOutcome {
  const path = new URL(fileCase.file, root);
  if (!existsSync(path)) return { status: 'skipped', reason: `${fileCase.file} does not exist yet` };
  let scenario;
  try {
    scenario = loadScenario(readFileSync(path, 'utf8'), fileCase.file, { ...fileCase.overrides, recordEveryMonths: 12 });
  } catch (error) {
    const first = error instanceof ScenarioError ? error.message.split('\n')[0] : (error as Error).message;
    return { status: 'skipped', reason: `does not load with ${JSON.stringify(fileCase.overrides)}: ${first}` };
  }
  const start = performance.now();
  const simulation = createSimulation(scenario);
  simulation.runToEnd();
  const seconds = (performance.now() - start) / 1000;
  return {
    status: 'ran', seconds, agents: simulation.model.agentCount, ticks: simulation.tick,
    pass: seconds < fileCase.targetSeconds,
  };
}
