// A guard against runs far larger than the default preset (a share link or file may ask for a
// million agents over a thousand years): the page asks before such a run starts.
import { parseScenarioText } from '../scenarios/load.ts';
import { totalTicksOf } from '../scenarios/schema.ts';
import { defaultPreset } from './presets.ts';
import { valueAt } from './scenario-text.ts';
import type { RunInfo } from '../worker/protocol.ts';

/** How many times the default preset's agent-months a run may take before the page asks. */
export const CONFIRM_FACTOR = 20;

/** Where each kind keeps its population: `agents` (kinetic models), `persons.count` (economy). */
const POPULATION_PATHS: readonly (readonly string[])[] = [['agents'], ['persons', 'count'], ['population']];

/** Agents x months of the default preset (1000 agents if its kind names no population). */
function defaultCost(): number {
  const outcome = parseScenarioText(defaultPreset().text);
  if (!outcome.ok) return 1000 * 1200;
  const population = POPULATION_PATHS.map((path) => valueAt(outcome.scenario, path)).find((v) => typeof v === 'number');
  return (typeof population === 'number' ? population : 1000) * totalTicksOf(outcome.scenario);
}

let cachedDefault: number | undefined;

/** How many times the default run this one is, when that is over the limit; otherwise null. */
export function oversizeFactor(info: RunInfo): number | null {
  cachedDefault ??= defaultCost();
  const factor = (info.agentCount * info.totalTicks) / cachedDefault;
  return factor > CONFIRM_FACTOR ? factor : null;
}
