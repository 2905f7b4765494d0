// The economy as an engine model: state from the scenario, the tick order, and the reporters
// of MODEL.md 6. `events` carries merges, foundings and failures for the UI's event table.
import type { ModelDefinition } from '../../model/engine.ts';
import type { RandomStreams } from '../../model/random.ts';
import type { EconomyEvent, EconomyState } from '../../model/economy/economy-state.ts';
import {
  communeClaimsDistribution, economyReporters, possessionDistribution, wealthDistribution,
} from '../../model/economy/metrics.ts';
import { organisationReporters } from '../../model/economy/organisation-metrics.ts';
import type { EconomyScenario } from '../../scenarios/economy-schema.ts';
import { createEconomyState } from './economy-setup.ts';
import { economyPhases } from './tick-order.ts';

export interface EconomyModel extends ModelDefinition<EconomyState> {
  readonly events: readonly EconomyEvent[];
}

/** The economy's reporters: MODEL.md 6's population and commune metrics, then firms' and cooperatives'. */
function reporters() {
  organisationScalars ??= organisationReporters();
  return [...economyReporters(), ...organisationScalars];
}

/**
 * The organisation reporters, made once per thread and shared by every model (their memos are
 * keyed by state and tick). Made afresh for each run, their closures died with the run and V8
 * dropped their optimised code with them: a replicate worker compiled them again run after run.
 */
let organisationScalars: ReturnType<typeof organisationReporters> | undefined;

export function economyModelFromState(state: EconomyState): EconomyModel {
  const { phases, yearEndPhases, memory } = economyPhases(state);
  return {
    kind: 'economy', state, phases, yearEndPhases, memory,
    scalars: reporters(), distributions: [wealthDistribution, communeClaimsDistribution, possessionDistribution],
    agentCount: state.persons.count, events: state.events,
  };
}

export function economyModel(scenario: EconomyScenario, streams: RandomStreams): EconomyModel {
  return economyModelFromState(createEconomyState(scenario, streams));
}
