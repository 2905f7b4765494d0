// The pure factory of a run: (scenario, replicate key) -> Simulation. The CLI, the worker,
// the benchmark and the tests all build runs here, so they all run the same engine.
import { Simulation, type EngineState, type ModelDefinition } from '../model/engine.ts';
import { RandomStreams } from '../model/random.ts';
import { kineticModel } from '../agents/kinetic/kinetic-model.ts';
import { economyModel } from '../agents/economy/economy-model.ts';
import { totalTicksOf, type Scenario } from './schema.ts';
import { moneyRangeAdvice } from './money-range-advice.ts';

export interface RunOptions {
  /** Distinguishes replicates of one scenario; streams derive from (seed, replicateKey). */
  readonly replicateKey?: string;
  /** Audit the ledger after every phase (tests and debug runs). */
  readonly checkConservation?: boolean;
}

export function buildModel(scenario: Scenario, streams: RandomStreams): ModelDefinition<EngineState> {
  switch (scenario.kind) {
    case 'random-exchange':
    case 'saving-propensity':
    case 'yard-sale':
    case 'mesa-boltzmann':
      return kineticModel(scenario, streams) as unknown as ModelDefinition<EngineState>;
    case 'economy':
      return economyModel(scenario, streams) as unknown as ModelDefinition<EngineState>;
  }
}

export function createSimulation(scenario: Scenario, options: RunOptions = {}): Simulation {
  const streams = new RandomStreams(scenario.seed, options.replicateKey);
  return new Simulation(buildModel(scenario, streams), {
    totalTicks: totalTicksOf(scenario),
    recordEveryTicks: scenario.recordEveryMonths,
    checkConservation: options.checkConservation ?? false,
    moneyRangeAdvice: () => moneyRangeAdvice(scenario),
  });
}
