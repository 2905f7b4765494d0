// A small run that warms the engine worker's V8 up before the user presses Play. The page's
// first run otherwise pays V8's warm-up inside the run: functions optimised on the first months'
// feedback are thrown away at the first month a path in them runs that had not run before (a
// member joining after six months' labour, a series maturing, a failure, a merger) and compiled
// again, on the compiler thread that shares the machine with the engine. A small copy of the
// economy run to its end takes those paths first, as the CLI's workers do (primeThread,
// src/cli/replicate-run.ts). Its own streams (key `prime`) and a simulation of its own: the
// user's run draws and computes exactly as without it.
import type { Simulation } from '../model/engine.ts';
import { createSimulation } from '../scenarios/create-simulation.ts';
import type { Scenario } from '../scenarios/schema.ts';
import { PRIME_PERSONS, PRIME_YEARS } from '../cli/replicate-run.ts';

/** The priming run of `scenario`'s kind: a small copy of an economy; null for the kinetic models (nothing to warm up worth a run) or a copy that cannot be built. */
export function primingRun(scenario: Scenario): Simulation | null {
  if (scenario.kind !== 'economy') return null;
  const small: Scenario = {
    ...scenario,
    persons: { ...scenario.persons, count: Math.min(scenario.persons.count, PRIME_PERSONS) },
    years: Math.min(scenario.years, PRIME_YEARS),
  };
  try {
    return createSimulation(small, { replicateKey: 'prime' });
  } catch {
    return null;
  }
}
