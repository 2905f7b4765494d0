// The four reference models as engine models: one phase each (two for taxed yard-sale), the
// same ledger, and the same wealth reporters as the economy.
import type { ModelDefinition, Phase } from '../../model/engine.ts';
import type { RandomStreams } from '../../model/random.ts';
import { inequalityReporters, type DistributionReporter, type ScalarReporter } from '../../model/reporters.ts';
import { almostNothingBelow } from '../../model/inequality.ts';
import type { KineticScenario } from '../../scenarios/kinetic-schema.ts';
import {
  fixedAmountExchange, mesaGiveOneUnit, savingPropensityExchange, yardSaleExchange,
} from './exchange-rules.ts';
import { CENTS_PER_UNIT, createPopulation, sortedWealthUnits, wealthUnits, type KineticState } from './population.ts';
import { wealthTaxRedistribution } from './redistribution.ts';

export const wealthDistribution: DistributionReporter<KineticState> = {
  id: 'wealth',
  label: 'wealth',
  unit: 'money units',
  description: 'money held by each agent',
  values: wealthUnits,
  sortedValues: sortedWealthUnits,
};

const zeroShare: ScalarReporter<KineticState> = {
  id: 'wealth.zeroShare',
  label: 'Share of agents with (almost) nothing',
  unit: 'share 0-1',
  description: 'share of agents holding less than one hundredth of the mean',
  sample: (state, context) => {
    const sorted = context.sorted(state, 'wealth');
    const threshold = almostNothingBelow(sorted);
    let count = 0;
    while (count < sorted.length && sorted[count]! < threshold) count++;
    return count / sorted.length;
  },
};

function exchangePhase(scenario: KineticScenario, state: KineticState): Phase<KineticState> {
  const rng = state.streams.get('exchange');
  switch (scenario.kind) {
    case 'random-exchange': {
      if (scenario.rule === 'random-split') {
        return { name: 'random-split exchange', run: (s) => savingPropensityExchange(s, rng, 0) };
      }
      const amountCents = Math.max(1, Math.round(scenario.amount * CENTS_PER_UNIT));
      return { name: 'fixed-amount exchange', run: (s) => fixedAmountExchange(s, rng, amountCents) };
    }
    case 'saving-propensity': {
      const { lambda } = scenario;
      return { name: 'saving-propensity exchange', run: (s) => savingPropensityExchange(s, rng, lambda) };
    }
    case 'yard-sale': {
      const { stakeFraction } = scenario;
      return { name: 'yard-sale exchange', run: (s) => yardSaleExchange(s, rng, stakeFraction) };
    }
    case 'mesa-boltzmann':
      return { name: 'give one unit', run: (s) => mesaGiveOneUnit(s, rng, CENTS_PER_UNIT) };
  }
}

export function kineticModel(scenario: KineticScenario, streams: RandomStreams): ModelDefinition<KineticState> {
  const state = createPopulation(streams, scenario.agents, scenario.initialWealth);
  const phases: Phase<KineticState>[] = [exchangePhase(scenario, state)];
  if (scenario.kind === 'yard-sale' && scenario.tax > 0) {
    const pool = state.ledger.open();
    const { tax } = scenario;
    phases.push({ name: 'wealth tax and redistribution', run: (s) => wealthTaxRedistribution(s, pool, tax) });
  }
  return {
    kind: scenario.kind,
    state,
    phases,
    yearEndPhases: [],
    scalars: [...inequalityReporters(wealthDistribution), zeroShare],
    distributions: [wealthDistribution],
    agentCount: scenario.agents,
  };
}
