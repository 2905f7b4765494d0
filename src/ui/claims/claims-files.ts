// The Claims panel's exports: claims.json and claims.csv written by the CLI's own writers
// (claimsJson, claimsRows and tableCsv, all free of Node), with a provenance of the page's
// run in place of the command's: what ran it, the scenario as run, its seed and keys.
import { name, version } from '../../../package.json';
import { claimsJson, claimsRows, type ClaimReport, type FailedRun } from '../../cli/claims-report.ts';
import type { Provenance } from '../../cli/provenance.ts';
import { tableCsv } from '../../cli/table.ts';
import { robustnessJson, robustnessRows } from '../../cli/claims-robustness.ts';
import type { ClaimRobustness } from '../../model/claims/robustness.ts';
import type { SetsTally } from './claims-sets.ts';
import { GENERATOR_NAME } from '../../model/random.ts';
import { DETMATH_IMPLEMENTATION } from '../../model/detmath.ts';
import type { YearWindow } from '../../model/claims/series-window.ts';
import { setupShortfalls } from '../../scenarios/setup-shortfalls.ts';
import type { PageClaims } from './claims-jobs.ts';

export interface PageRunFacts {
  /** Where the scenario came from: the preset's or the edited scenario's name. */
  readonly scenarioName: string;
  readonly scenarioSha256: string;
  /** The browser (navigator.userAgent), in the place of the Node version. */
  readonly platform: string;
  readonly date: Date;
}

/** The command line the page's run equals: the CLI's claims command with the panel's overrides. */
export function equivalentCommandLine(claims: PageClaims, scenarioName: string, draws = 0): string[] {
  const overrides = claims.plan.scenarios[0]!.input.overrides;
  return ['npm', 'run', 'claims', '--', scenarioName, '--replicates', String(claims.keys.length), ...(draws > 0 ? ['--robustness', String(draws)] : []),
    ...Object.entries(overrides).flatMap(([path, value]) => (path === 'years' ? ['--years', String(value)] : ['--set', `${path}=${String(value)}`]))];
}

export function pageProvenance(claims: PageClaims, facts: PageRunFacts, draws = 0): Provenance {
  const scenario = claims.plan.scenarios[0]!.input.scenario;
  return {
    program: { name, version },
    date: facts.date.toISOString(),
    node: 'browser (the page\'s Claims panel)',
    platform: facts.platform,
    randomGenerator: GENERATOR_NAME,
    maths: DETMATH_IMPLEMENTATION,
    commandLine: equivalentCommandLine(claims, facts.scenarioName, draws),
    scenarioFile: facts.scenarioName,
    scenarioSha256: facts.scenarioSha256,
    seed: scenario.seed,
    replicateKeys: [...claims.keys],
    scenario,
    notes: setupShortfalls(scenario),
  };
}

/** claims.json as the CLI writes it (with each claim's robustness when there were draws). */
export function claimsJsonText(
  claims: PageClaims, reports: readonly ClaimReport[], window: YearWindow, failures: readonly FailedRun[], facts: PageRunFacts,
  robustness?: readonly ClaimRobustness[], draws = 0,
): string {
  return `${JSON.stringify(claimsJson(pageProvenance(claims, facts, draws), claims.plan, reports, window, failures, robustness), null, 2)}\n`;
}

/** robustness.json and robustness.csv as the CLI writes them; undefined before every set is judged. */
export function robustnessTexts(sets: SetsTally, facts: PageRunFacts): { json: string; csv: string } | undefined {
  const robustness = sets.robustness();
  if (robustness === undefined) return undefined;
  const drawReports = sets.draws.map((t) => t.allReports());
  const provenance = pageProvenance(sets.sets.given, facts, sets.sets.draws.length);
  const { uncertainty, draws, judgedDraws } = sets.sets;
  return {
    json: `${JSON.stringify(robustnessJson(provenance, uncertainty, draws, judgedDraws, drawReports, robustness, sets.failures), null, 2)}\n`,
    csv: tableCsv(robustnessRows(uncertainty, judgedDraws, drawReports)),
  };
}

/** claims.csv as the CLI writes it. */
export function claimsCsvText(claims: PageClaims, reports: readonly ClaimReport[]): string {
  return tableCsv(claimsRows(reports, claims.keys));
}
