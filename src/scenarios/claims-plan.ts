// Which runs the claims make: the base scenario and every variant a chosen claim compares,
// each read by the caller's reader (a file for the CLI, the page's scenario text for the
// Claims panel), so both front ends plan the same runs. A variant the scenario rejects (a
// switch its schema lacks) or that equals the base where it must differ makes the tests
// reading it not measurable; a test whose reporters the scenario lacks too. Variants that
// resolve to the same scenario share one set of runs. No files, no Node: plain data in and out.
import { BASE, type ClaimDefinition, type ClaimVariant } from '../model/claims/claim.ts';
import { whyNotMeasurable } from '../model/claims/judge-claims.ts';
import { runSeriesOf } from '../model/claims/series-window.ts';
import type { Scenario } from './schema.ts';

/** A scenario as parsed, and the data it was parsed from (what crosses to a worker). */
export interface ClaimsScenarioInput {
  readonly scenario: Scenario;
  readonly data: unknown;
}

/**
 * Reads the scenario with `overrides` (a variant's) on top of the base's; `because` names the
 * variant for messages. Returns the input, or the first line of why the scenario refuses them.
 */
export type VariantReader<I extends ClaimsScenarioInput> =
  (overrides: Readonly<Record<string, unknown>>, because: string) => I | { readonly problem: string };

export interface PlannedScenario<I extends ClaimsScenarioInput = ClaimsScenarioInput> {
  /** `base`, or the first claim variant that asked for it (`claim3.communesOff`). */
  readonly name: string;
  /** The variant's overrides on top of the base's, as applied. */
  readonly overrides: Readonly<Record<string, unknown>>;
  readonly input: I;
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

export interface ClaimsPlan<I extends ClaimsScenarioInput = ClaimsScenarioInput> {
  readonly scenarios: readonly PlannedScenario<I>[];
  readonly claims: readonly ClaimPlan[];
}

const canonical = (input: ClaimsScenarioInput) => JSON.stringify(input.scenario);

/** `reporterIds`: the reporters the base scenario's model has (all variants share its kind). */
export function planClaimRuns<I extends ClaimsScenarioInput>(
  base: I, readVariant: VariantReader<I>, claims: readonly ClaimDefinition[], reporterIds: readonly string[],
): ClaimsPlan<I> {
  const scenarios: PlannedScenario<I>[] = [{ name: BASE, overrides: {}, input: base }];
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
    const input = readVariant(overrides, `claim ${claim.id} variant "${variant.label}"`);
    if ('problem' in input) return `scenario switch ${paths.join(' + ')} (${input.problem})`;
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
