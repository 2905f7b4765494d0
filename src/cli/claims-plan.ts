// Which runs the claims command makes: the base scenario and every variant a chosen claim
// compares, each resolved through the same loader as the sim command. A variant the scenario
// rejects (a switch its schema lacks) or that equals the base where it must differ makes the
// tests reading it not measurable; a test whose reporters the scenario lacks too. Variants that
// resolve to the same scenario share one set of runs.
import { BASE, type ClaimDefinition } from '../model/claims/claim.ts';
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

  const plans = claims.map((claim): ClaimPlan => {
    const scenarioOf = new Map<string, number>([[BASE, 0]]);
    const unavailable = new Map<string, string>();
    const wanted = new Map<string, () => void>();
    for (const variant of claim.variants) {
      const overrides = variant.overrides(readBase);
      const paths = Object.keys(overrides);
      wanted.set(variant.name, () => {
        let input: ScenarioInput;
        try {
          const flags = Object.fromEntries(paths.map((p) => [p, `claim ${claim.id} variant "${variant.label}"`]));
          input = readScenarioInput(file, { ...commandOverrides, ...overrides }, { ...commandFlags, ...flags });
        } catch (error) {
          if (!(error instanceof InputError)) throw error;
          unavailable.set(variant.name, `scenario switch ${paths.join(' + ')} (${error.message.split('\n')[0]})`);
          return;
        }
        const key = canonical(input);
        if (variant.mustDifferFromBase === true && key === canonical(base)) {
          unavailable.set(variant.name, `a base scenario that differs from "${variant.label}" (it is the same scenario)`);
          return;
        }
        let index = byCanonical.get(key);
        if (index === undefined) {
          index = scenarios.length;
          scenarios.push({ name: `claim${claim.id}.${variant.name}`, overrides, input });
          byCanonical.set(key, index);
        }
        scenarioOf.set(variant.name, index);
      });
    }
    // Variants are resolved first (switches), then tests whose reporters are missing are blocked;
    // only variants some measurable test reads are scheduled.
    const blocked = new Map<string, string>();
    const runsForCheck = new Map(claim.variants.map((v) => [v.name, reporters] as const));
    runsForCheck.set(BASE, reporters);
    const needed = new Set<string>();
    for (const test of claim.tests) {
      const why = whyNotMeasurable(claim, test, runsForCheck, new Map());
      if (why !== undefined) blocked.set(test.id, why);
      else for (const use of test.uses) needed.add(use.variant);
    }
    for (const name of needed) wanted.get(name)?.();
    for (const test of claim.tests) {
      if (blocked.has(test.id)) continue;
      const why = whyNotMeasurable(claim, test, runsForCheck, unavailable);
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
