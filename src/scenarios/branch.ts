// What-if branches (issue 18 part 5): from a snapshot, change a policy parameter and continue.
// Only parameters that mean something mid-run may change: rules the phases read afresh every
// month (how excess rent is spent, the yield cap, payout ratios, founding rates ...). What was
// fixed when the economy was built (its size, seed, assets, initial organisations, length) is
// refused. The branch restores the same random stream states as the original, so both continue
// on common random numbers: with no change it IS the original, bit for bit.
import type { Simulation } from '../model/engine.ts';
import type { EconomyState } from '../model/economy/economy-state.ts';
import { economyParams } from '../agents/economy/economy-setup.ts';
import { SnapshotError } from '../model/snapshot.ts';
import { applyOverrides } from './overrides.ts';
import { formatIssues, validateScenario } from './load.ts';
import type { Scenario, ScenarioKind } from './schema.ts';
import { resumeSnapshot, type SnapshotFile } from './snapshot-file.ts';

export class BranchError extends Error {
  override name = 'BranchError';
}

/** Economy parameters a branch may change mid-run: each is read from `state.params` when used. */
const ECONOMY_BRANCH_PARAMETERS = [
  'communes.excessRent', 'communes.reserve', 'communes.poolBacksBonds', 'communes.foundingRatePerYear',
  'communes.merges', 'communes.mergeThreshold', 'communes.solidarity',
  'bonds.maxYield', 'bonds.eligibility', 'bonds.format', 'bonds.saversFraction',
  'rental.format', 'rental.liquidationDiscount', 'rental.graceMonths',
  'firms.foundingRatePerYear', 'firms.payoutRatio', 'firms.takeovers', 'firms.takeoverPremium', 'firms.wageFloor',
  'cooperatives.foundingRatePerYear', 'cooperatives.retention', 'cooperatives.split', 'cooperatives.hiredLabor',
  'cooperatives.merges', 'cooperatives.coordinationCost',
] as const;

/** Per scenario kind, the dotted paths a branch may change. Kinetic rules capture theirs when built. */
export const BRANCH_PARAMETERS: Readonly<Record<ScenarioKind, readonly string[]>> = {
  economy: ECONOMY_BRANCH_PARAMETERS,
  'saving-propensity': ['lambda'],
  'yard-sale': ['stakeFraction'],
  'random-exchange': [],
  'mesa-boltzmann': [],
};

/** The scenario of a branch: `changes` (dotted path -> value) applied and validated, or a BranchError. */
export function branchScenario(scenario: Scenario, changes: Readonly<Record<string, unknown>>): Scenario {
  const allowed = BRANCH_PARAMETERS[scenario.kind];
  const refused = Object.keys(changes).filter((path) => !allowed.includes(path));
  if (refused.length > 0) {
    throw new BranchError(`${refused.join(', ')}: cannot change in the middle of a run (fixed when the economy was built); `
      + (allowed.length === 0 ? `a ${scenario.kind} scenario has no parameter a branch may change` : `a branch may change: ${allowed.join(', ')}`));
  }
  const overridden = applyOverrides(scenario, changes);
  const outcome = overridden.ok ? validateScenario(overridden.raw) : overridden;
  if (!outcome.ok) throw new BranchError(formatIssues('branch', outcome.issues));
  return outcome.scenario;
}

/**
 * A run resumed from `snapshot` with `changes` in effect from its month on. An economy's
 * parameters live in its state (restored from the snapshot, then replaced by the branch's); a
 * kinetic rule's parameter is captured by its phase, built here from the branch's scenario.
 */
export function resumeBranch(
  snapshot: Pick<SnapshotFile, 'replicateKey' | 'engine'> & { scenario: Scenario }, changes: Readonly<Record<string, unknown>>,
  options: { checkConservation?: boolean } = {},
): { simulation: Simulation; scenario: Scenario } {
  const scenario = branchScenario(snapshot.scenario, changes);
  const simulation = resumeSnapshot({ ...snapshot, scenario }, options);
  if (scenario.kind === 'economy') {
    const state = simulation.model.state as unknown as EconomyState;
    const before = state.params as unknown as Record<string, unknown>;
    const after = economyParams(scenario);
    const moved = Object.keys(after).filter((key) => JSON.stringify((after as unknown as Record<string, unknown>)[key]) !== JSON.stringify(before[key]));
    if (Object.keys(changes).length === 0 && moved.length > 0) {
      throw new SnapshotError(`the snapshot's parameters differ from its scenario's (${moved.join(', ')}): it was edited by hand`);
    }
    (state as { params: EconomyState['params'] }).params = after;
  }
  return { simulation, scenario };
}
