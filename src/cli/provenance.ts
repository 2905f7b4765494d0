// Where a run's numbers came from: enough to run it again and get the same bits.
import { readFileSync } from 'node:fs';
import { GENERATOR_NAME } from '../model/random.ts';
import { DETMATH_IMPLEMENTATION } from '../model/detmath.ts';
import type { Scenario } from '../scenarios/schema.ts';
import { setupShortfalls } from '../scenarios/setup-shortfalls.ts';

export interface Provenance {
  readonly program: { readonly name: string; readonly version: string };
  readonly date: string;
  readonly node: string;
  readonly platform: string;
  readonly randomGenerator: string;
  readonly maths: string;
  readonly commandLine: readonly string[];
  readonly scenarioFile: string;
  readonly scenarioSha256: string;
  readonly seed: Scenario['seed'];
  /** Keys the replicates' streams derive from; null is the plain run of the seed. */
  readonly replicateKeys: readonly (string | null)[];
  /** The scenario after overrides and defaults: what actually ran. */
  readonly scenario: Scenario;
  /** What the scenario asked for and the run could not do (fewer initial organisations than asked). */
  readonly notes: readonly string[];
}

export function packageInfo(): { name: string; version: string } {
  const text = readFileSync(new URL('../../package.json', import.meta.url), 'utf8');
  const { name, version } = JSON.parse(text) as { name?: unknown; version?: unknown };
  return { name: String(name), version: String(version) };
}

export function collectProvenance(input: {
  readonly scenario: Scenario;
  readonly scenarioFile: string;
  readonly scenarioSha256: string;
  readonly replicateKeys: readonly (string | undefined)[];
  readonly commandLine: readonly string[];
  readonly date?: Date;
}): Provenance {
  return {
    program: packageInfo(),
    date: (input.date ?? new Date()).toISOString(),
    node: process.version,
    platform: `${process.platform}-${process.arch}`,
    randomGenerator: GENERATOR_NAME,
    maths: DETMATH_IMPLEMENTATION,
    commandLine: input.commandLine,
    scenarioFile: input.scenarioFile,
    scenarioSha256: input.scenarioSha256,
    seed: input.scenario.seed,
    replicateKeys: input.replicateKeys.map((key) => key ?? null),
    scenario: input.scenario,
    notes: setupShortfalls(input.scenario),
  };
}
