// The Claims panel's runs: the claims' plan (src/scenarios/claims-plan.ts, the CLI's own) over
// the page's scenario text, and one pool job per planned scenario and replicate key r1..rK, in
// the CLI's order (scenario, then replicate). A job is the text with the panel's overrides
// (population, years) and the variant's on top, parsed again in the worker by the same loader,
// so each run is the one `npm run claims -- FILE --set ...` makes. Pure: Node runs it in tests.
import type { ClaimDefinition } from '../../model/claims/claim.ts';
import { planClaimRuns, type ClaimsPlan, type ClaimsScenarioInput } from '../../scenarios/claims-plan.ts';
import { parseScenarioText } from '../../scenarios/load.ts';
import type { EnsembleJob } from '../../worker/ensemble-job.ts';
import { replicateKeys } from '../../cli/replicate-run.ts';

export type JobOverrides = Readonly<Record<string, number | string | boolean>>;

/** A scenario as the panel runs it: parsed, and the overrides each of its jobs carries. */
export interface PageScenarioInput extends ClaimsScenarioInput {
  readonly overrides: JobOverrides;
}

export interface PageClaimsRun {
  /** Index into the plan's scenarios. */
  readonly scenario: number;
  readonly scenarioName: string;
  readonly replicate: number;
  readonly replicateKey: string;
}

export interface PageClaims {
  readonly plan: ClaimsPlan<PageScenarioInput>;
  readonly keys: readonly string[];
  readonly runs: readonly PageClaimsRun[];
  readonly jobs: readonly EnsembleJob[];
}

const isJobValue = (value: unknown): value is number | string | boolean =>
  typeof value === 'number' || typeof value === 'string' || typeof value === 'boolean';

/**
 * The scenario text under `overrides`, as the panel's jobs will read it, or its first problem;
 * one caused by an override of `flagged` is named after `because`, as the CLI names its flag.
 */
export function readPageScenario(
  text: string, overrides: JobOverrides, flagged: readonly string[] = [], because = '',
): PageScenarioInput | { readonly problem: string } {
  const parsed = parseScenarioText(text, overrides);
  if (!parsed.ok) {
    const issue = parsed.issues.find((i) => flagged.some((p) => i.path === p || i.path.startsWith(`${p}.`))) ?? parsed.issues[0];
    if (issue === undefined) return { problem: 'the scenario is not valid' };
    const by = flagged.some((p) => issue.path === p || issue.path.startsWith(`${p}.`)) ? `${because}: ` : '';
    return { problem: `${by}${issue.path === '' ? '' : `${issue.path}: `}${issue.message}` };
  }
  return { scenario: parsed.scenario, data: parsed.raw, overrides };
}

/**
 * The claims' plan and jobs for the scenario `text` under the panel's `overrides` (every run's,
 * like the CLI's --set and --years). `reporterIds`: the reporters of a run of this scenario.
 */
export function pageClaims(
  text: string, overrides: JobOverrides, claims: readonly ClaimDefinition[], reporterIds: readonly string[], replicates: number,
): PageClaims | { readonly problem: string } {
  const base = readPageScenario(text, overrides);
  if ('problem' in base) return base;
  const plan = planClaimRuns<PageScenarioInput>(base, (variant, because) => {
    const entries = Object.entries(variant);
    const odd = entries.find(([, value]) => !isJobValue(value));
    if (odd !== undefined) return { problem: `${odd[0]}: ${JSON.stringify(odd[1])} cannot travel to a page worker` };
    return readPageScenario(text, { ...overrides, ...Object.fromEntries(entries) as JobOverrides }, Object.keys(variant), because);
  }, claims, reporterIds);
  const keys = replicateKeys(replicates);
  const runs = plan.scenarios.flatMap((s, scenario) => keys.map((replicateKey, replicate) => ({ scenario, scenarioName: s.name, replicate, replicateKey })));
  const jobs = runs.map((run): EnsembleJob => ({
    text, overrides: { ...plan.scenarios[run.scenario]!.input.overrides }, replicateKey: run.replicateKey, measure: 'series',
  }));
  return { plan, keys, runs, jobs };
}
