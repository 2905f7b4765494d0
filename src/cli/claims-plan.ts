// Which runs the claims command makes: the base scenario and every variant a chosen claim
// compares, each resolved through the same loader as the sim command. A variant the scenario
// rejects (a switch its schema lacks) or that equals the base where it must differ makes the
// tests reading it not measurable; a test whose reporters the scenario lacks too. Variants that
// resolve to the same scenario share one set of runs.
import { BASE, type ClaimDefinition, type ClaimVariant } from '../model/claims/claim.ts';
import { whyNotMeasurable } from '../model/claims/judge-claims.ts';
import { runSeriesOf } from '../model/claims/series-window.ts';
import { InputError, readScenarioInput, type ScenarioInput } from './scenario-input.ts';
import type { ReplicateRequest } from './replicate-run.ts';

export interface PlannedScenario {
  /** `base`, or the first claim variant that asked for it (`claim3.communesOff`). */
  readonly name: string;
  /** Overrides on top of the command line's, as applied. */
  readonly overrides: Readonly<Record<string, unknown>>;
  readonly input: ScenarioInput;
}

export interface ClaimPlan {
  readonly claim: ClaimDefinition;
  /** Variant name (`base` included) -> index into the plan's scenarios. */
  readonly scenarioOf: ReadonlyMap<string, number>;
  /** Variant name -> why it cannot run. */
  readonly unavailable: ReadonlyMap<string, string>;
  /** Test id -> why it is not measurable, decided before anything runs. */
  readonly blocked: ReadonlyMap<string, string>;
}

export interface ClaimsPlan {
  readonly scenarios: readonly PlannedScenario[];
  readonly claims: readonly ClaimPlan[];
}

const canonical = (input: ScenarioInput) => JSON.stringify(input.scenario);

/**
 * `reporterIds`: the reporters the base scenario's model has (all variants share its kind).
 * `base` has the command line's overrides applied; so does every variant, under its own.
 */
export function planClaims(
  file: string, base: ScenarioInput, commandOverrides: Readonly<Record<string, unknown>>,
  commandFlags: Readonly<Record<string, string>>, claims: readonly ClaimDefinition[], reporterIds: readonly string[],
): ClaimsPlan {
  const scenarios: PlannedScenario[] = [{ name: BASE, overrides: {}, input: base }];
  const byCanonical = new Map<string, number>([[canonical(base), 0]]);
  const readBase = (path: string) => {
    let value: unknown = base.scenario;
    for (const key of path.split('.')) value = value !== null && typeof value === 'object' ? (value as Record<string, unknown>)[key] : undefined;
    return value;
  };
  const reporters = runSeriesOf([], Object.fromEntries(reporterIds.map((id) => [id, []])), base.scenario);

  /** The scenario index a variant runs as (shared when it resolves to a planned one), or why it cannot run. */
  const resolve = (claim: ClaimDefinition, variant: ClaimVariant): number | string => {
    const overrides = variant.overrides(readBase);
    const paths = Object.keys(overrides);
    let input: ScenarioInput;
    try {
      const flags = Object.fromEntries(paths.map((p) => [p, `claim ${claim.id} variant "${variant.label}"`]));
      input = readScenarioInput(file, { ...commandOverrides, ...overrides }, { ...commandFlags, ...flags });
    } catch (error) {
      if (!(error instanceof InputError)) throw error;
      return `scenario switch ${paths.join(' + ')} (${error.message.split('\n')[0]})`;
    }
    const key = canonical(input);
    if (variant.mustDifferFromBase === true && key === canonical(base)) {
      return `a base scenario that differs from "${variant.label}" (it is the same scenario)`;
    }
    let index = byCanonical.get(key);
    if (index === undefined) {
      index = scenarios.length;
      scenarios.push({ name: `claim${claim.id}.${variant.name}`, overrides, input });
      byCanonical.set(key, index);
    }
    return index;
  };

  const plans = claims.map((claim): ClaimPlan => {
    const everyVariant = new Map([[BASE, reporters], ...claim.variants.map((v) => [v.name, reporters] as const)]);
    // Tests the scenario's reporters cannot measure are blocked first, so only variants some
    // measurable test reads are resolved and run.
    const blocked = new Map<string, string>();
    const needed = new Set<string>();
    for (const test of claim.tests) {
      const why = whyNotMeasurable(claim, test, everyVariant, new Map());
      if (why !== undefined) blocked.set(test.id, why);
      else for (const use of test.uses) needed.add(use.variant);
    }
    const scenarioOf = new Map<string, number>([[BASE, 0]]);
    const unavailable = new Map<string, string>();
    for (const variant of claim.variants) {
      if (!needed.has(variant.name)) continue;
      const outcome = resolve(claim, variant);
      if (typeof outcome === 'string') unavailable.set(variant.name, outcome);
      else scenarioOf.set(variant.name, outcome);
    }
    for (const test of claim.tests) {
      if (blocked.has(test.id)) continue;
      const why = whyNotMeasurable(claim, test, everyVariant, unavailable);
      if (why !== undefined) blocked.set(test.id, why);
    }
    return { claim, scenarioOf, unavailable, blocked };
  });
  return { scenarios, claims: plans };
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
