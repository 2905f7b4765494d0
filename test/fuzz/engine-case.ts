// One engine fuzz case, run to its end: valid by the schema, then every month the ledger's
// conservation (audited after every phase) and the tables' invariants. The outcome says what
// happened; the runner decides what is a failure.
import { validateScenario, formatIssues } from '../../src/scenarios/load.ts';
import { createSimulation } from '../../src/scenarios/create-simulation.ts';
import { MoneyRangeError } from '../../src/model/ledger.ts';
import type { EconomyState } from '../../src/model/economy/economy-state.ts';
import { economyInvariantViolations } from '../economy/economy-invariants.ts';

export type EngineCaseOutcome =
  /** The schema refused it: for a generated case, a fault of the generator. */
  | { readonly kind: 'invalid'; readonly message: string }
  /** Ran every month with money conserved and every invariant holding. */
  | { readonly kind: 'ran'; readonly months: number; readonly ms: number }
  /** Stopped by a user-caused limit with a message saying what to change (money past 2^53 cents). */
  | { readonly kind: 'refused'; readonly months: number; readonly message: string }
  /** An exception, a conservation failure or a broken invariant. */
  | { readonly kind: 'crash'; readonly months: number; readonly message: string };

export function runEngineCase(raw: unknown): EngineCaseOutcome {
  const parsed = validateScenario(raw);
  if (!parsed.ok) return { kind: 'invalid', message: formatIssues('case', parsed.issues) };
  const started = performance.now();
  let months = 0;
  try {
    const sim = createSimulation(parsed.scenario, { checkConservation: true });
    const state = sim.state as unknown as EconomyState;
    while (!sim.done) {
      sim.step();
      months = sim.tick;
      const broken = economyInvariantViolations(state);
      if (broken.length > 0) return { kind: 'crash', months, message: `invariant broken: ${broken.join('; ')}` };
    }
  } catch (error) {
    if (error instanceof MoneyRangeError) return { kind: 'refused', months, message: error.message };
    const e = error as Error;
    return { kind: 'crash', months, message: `${e?.name}: ${e?.message}\n${e?.stack ?? ''}` };
  }
  return { kind: 'ran', months, ms: performance.now() - started };
}
