// Which runs the claims command makes: the plan of src/scenarios/claims-plan.ts (shared with
// the page's Claims panel) with every variant read from the scenario FILE through the same
// loader as the sim command, under the command line's overrides and the variant's own.
import type { ClaimDefinition } from '../model/claims/claim.ts';
import {
  planClaimRuns, type ClaimsPlan as PlanOf, type PlannedScenario as PlannedOf,
} from '../scenarios/claims-plan.ts';
import { InputError, readScenarioInput, type ScenarioInput } from './scenario-input.ts';
import type { ReplicateRequest } from './replicate-run.ts';

export type { ClaimPlan } from '../scenarios/claims-plan.ts';
export type PlannedScenario = PlannedOf<ScenarioInput>;
export type ClaimsPlan = PlanOf<ScenarioInput>;

/**
 * `reporterIds`: the reporters the base scenario's model has (all variants share its kind).
 * `base` has the command line's overrides applied; so does every variant, under its own.
 */
export function planClaims(
  file: string, base: ScenarioInput, commandOverrides: Readonly<Record<string, unknown>>,
  commandFlags: Readonly<Record<string, string>>, claims: readonly ClaimDefinition[], reporterIds: readonly string[],
): ClaimsPlan {
  return planClaimRuns<ScenarioInput>(base, (overrides, because) => {
    const flags = Object.fromEntries(Object.keys(overrides).map((p) => [p, because]));
    try {
      return readScenarioInput(file, { ...commandOverrides, ...overrides }, { ...commandFlags, ...flags });
    } catch (error) {
      if (!(error instanceof InputError)) throw error;
      return { problem: error.message.split('\n')[0]! };
    }
  }, claims, reporterIds);
}

/**
 * Every scenario of the plan under the same replicate keys, scenario by scenario: replicate k
 * of every variant draws from streams keyed by (seed, key k), so its effects are paired.
 */
export function replicateRequests(plan: ClaimsPlan, keys: readonly string[]): ReplicateRequest[] {
  return plan.scenarios.flatMap((s) => keys.map((replicateKey) => ({
    scenario: s.input.scenario, scenarioData: s.input.data, replicateKey, checkConservation: false,
  })));
}

/** One run of the claims command: parameter set (0 as given, d a robustness draw), scenario, replicate. */
export interface ClaimsRun {
  readonly set: number;
  /** Index into the set's plan's scenarios. */
  readonly scenario: number;
  readonly scenarioName: string;
  readonly request: ReplicateRequest;
}

/**
 * Every run of the command in one fixed order (parameter set, then scenario, then replicate):
 * a plain deterministic list, so it can be split into shards and merged back by position.
 */
export function claimsRunList(plans: readonly ClaimsPlan[], keys: readonly string[]): ClaimsRun[] {
  return plans.flatMap((plan, set) => plan.scenarios.flatMap((s, scenario) => keys.map((replicateKey) => ({
    set, scenario, scenarioName: s.name,
    request: { scenario: s.input.scenario, scenarioData: s.input.data, replicateKey, checkConservation: false },
  }))));
}
