// The economy as an engine model: state from the scenario, the tick order, and the reporters
// of MODEL.md 6. `events` carries merges, foundings and failures for the UI's event table.
import type { ModelDefinition } from '../../model/engine.ts';
import type { RandomStreams } from '../../model/random.ts';
import type { EconomyEvent, EconomyState } from '../../model/economy/economy-state.ts';
import {
  communeClaimsDistribution, economyReporters, possessionDistribution, wealthDistribution,
} from '../../model/economy/metrics.ts';
import { correctedReporters, organisationReporters } from '../../model/economy/organisation-metrics.ts';
import type { EconomyScenario } from '../../scenarios/economy-schema.ts';
import { createEconomyState } from './economy-setup.ts';
import { economyPhases } from './tick-order.ts';

export interface EconomyModel extends ModelDefinition<EconomyState> {
  readonly events: readonly EconomyEvent[];
}

/** The economy's reporters: those of metrics.ts that must see firms and cooperatives replaced in place. */
function reporters() {
  const replacements = new Map(correctedReporters().map((r) => [r.id, r]));
  return [...economyReporters().map((r) => replacements.get(r.id) ?? r), ...organisationReporters()];
}

export function economyModelFromState(state: EconomyState): EconomyModel {
  const { phases, yearEndPhases } = economyPhases(state);
  return {
    kind: 'economy', state, phases, yearEndPhases,
    scalars: reporters(), distributions: [wealthDistribution, communeClaimsDistribution, possessionDistribution],
    agentCount: state.persons.count, events: state.events,
  };
}

export function economyModel(scenario: EconomyScenario, streams: RandomStreams): EconomyModel {
  return economyModelFromState(createEconomyState(scenario, streams));
}
