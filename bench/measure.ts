// Timing one engine run or one bare loop. Reporters are sampled only at the first and last
// month (recordEveryMonths 1200) so that the figure is the exchange itself; sampling is timed
// apart (`sampleCostMs`).
import { loadScenario } from '../src/scenarios/load.ts';
import { createSimulation } from '../src/scenarios/create-simulation.ts';
import type { KineticState } from '../src/agents/kinetic/population.ts';
import { BareExchange } from './bare-loops.ts';
import { MONTHS_PER_YEAR } from '../src/model/engine.ts';
import type { ModelCase } from './cases.ts';

const NO_SAMPLING = 1200;

export interface Timing {
  /** Wall seconds of the months run (set-up excluded). */
  readonly seconds: number;
  readonly setupSeconds: number;
  /** Cents per agent at the end, to check that engine and bare loop did the same exchange. */
  readonly wealth: Float64Array;
}

function kineticScenario(modelCase: ModelCase, agents: number, ticks: number, recordEveryMonths: number) {
  return loadScenario(
    `${modelCase.scenario}\nagents: ${agents}\nyears: ${ticks / MONTHS_PER_YEAR}\nrecordEveryMonths: ${recordEveryMonths}\n`,
    modelCase.id,
  );
}

export function timeEngine(modelCase: ModelCase, agents: number, ticks: number, recordEveryMonths = NO_SAMPLING): Timing {
  const scenario = kineticScenario(modelCase, agents, ticks, recordEveryMonths);
  const setupStart = performance.now();
  const simulation = createSimulation(scenario);
  const start = performance.now();
  simulation.runToEnd();
  const end = performance.now();
  if (simulation.tick !== ticks) throw new Error(`${modelCase.id}: ran ${simulation.tick} months, not ${ticks}`);
  const state = simulation.state as unknown as KineticState;
  const wealth = state.ledger.copyBalances(state.firstAccount, state.agentCount, new Float64Array(state.agentCount));
  return { seconds: (end - start) / 1000, setupSeconds: (start - setupStart) / 1000, wealth };
}

/** `inline`: the loop with the generator stepped inline (BareExchange; the mesa rule only). */
export function timeBare(modelCase: ModelCase, agents: number, ticks: number, inline = false): Timing {
  const setupStart = performance.now();
  const bare = new BareExchange(modelCase.bare, agents, modelCase.initialCents, 1, inline);
  const start = performance.now();
  bare.run(ticks);
  const end = performance.now();
  return { seconds: (end - start) / 1000, setupSeconds: (start - setupStart) / 1000, wealth: bare.wealth };
}

/** Milliseconds one sample of every reporter costs: a run sampled monthly minus one sampled never. */
export function sampleCostMs(modelCase: ModelCase, agents: number, ticks: number): number {
  const monthly = timeEngine(modelCase, agents, ticks, 1).seconds;
  const never = timeEngine(modelCase, agents, ticks).seconds;
  return Math.max(0, (monthly - never) * 1000 / ticks);
}

export function sameWealth(a: Float64Array, b: Float64Array): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}
