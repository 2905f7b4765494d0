// Small economies built by hand for the rule tests: a scenario parsed by the real schema, the
// real setup, and direct access to the tables so a test can stage a situation.
import { economySchema, type EconomyScenario } from '../../src/scenarios/economy-schema.ts';
import { RandomStreams } from '../../src/model/random.ts';
import { createEconomyState } from '../../src/agents/economy/economy-setup.ts';
import type { EconomyState } from '../../src/model/economy/economy-state.ts';
import { FLOW, WORLD } from '../../src/model/ledger.ts';

export type ScenarioPatch = {
  [K in keyof EconomyScenario]?: EconomyScenario[K] extends readonly unknown[] ? EconomyScenario[K] : Partial<EconomyScenario[K]> | EconomyScenario[K];
};

export function smallScenario(patch: Record<string, unknown> = {}): EconomyScenario {
  const base: Record<string, unknown> = {
    kind: 'economy', years: 2, seed: 5,
    persons: { count: 20, capitalistShare: 0 },
    communes: { initialCount: 1, foundersEach: 4, foundingRatePerYear: 0, merges: false },
  };
  const merged: Record<string, unknown> = { ...base };
  for (const [k, v] of Object.entries(patch)) {
    merged[k] = v !== null && typeof v === 'object' && !Array.isArray(v) && typeof base[k] === 'object'
      ? { ...(base[k] as object), ...(v as object) } : v;
  }
  return economySchema.parse(merged);
}

export function handBuiltEconomy(patch: Record<string, unknown> = {}): EconomyState {
  return createEconomyState(smallScenario(patch), new RandomStreams(5));
}

/** Gives a person cash out of `world` (an endowment), to stage a situation. */
export function endow(state: EconomyState, person: number, cents: number): void {
  state.ledger.transfer(WORLD, state.persons.firstAccount + person, cents, FLOW.endowment);
}

export function cash(state: EconomyState, person: number): number {
  return state.ledger.balance(state.persons.firstAccount + person);
}
