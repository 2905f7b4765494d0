// What `npm run facts` runs: the default presets the stylised facts of MODEL.md 10 are measured
// on, each with the overrides the command line asks for, as scenario inputs checked before
// anything runs. The firm-size run is the `capitalist-only` preset at `--persons`, its
// organisation counts and founding rates scaled in proportion so the economy keeps the preset's
// densities (firms per capitalist, communes per worker) at the larger size.
import { fileURLToPath } from 'node:url';
import { relative } from 'node:path';
import { parseCommand, overridesOf, replicatesOf, MAX_WORKERS, UsageError } from './arguments.ts';
import { readScenarioInput, type ScenarioInput } from './scenario-input.ts';

export const DEFAULT_FACT_REPLICATES = 10;
export const DEFAULT_FACT_PERSONS = 100_000;
export const DEFAULT_FACT_YEARS = 50;
/** The settled test compares the last year with ten years before it. */
export const MIN_FACT_YEARS = 11;
export const MAX_FACT_PERSONS = 1_000_000;

export interface FactsOptions {
  readonly help: boolean;
  readonly replicates: number;
  readonly persons: number;
  readonly years: number;
  /** --seed and --set, applied to every preset. */
  readonly overrides: Readonly<Record<string, unknown>>;
  readonly overrideFlags: Readonly<Record<string, string>>;
  readonly workers: number | undefined;
  readonly out: string | undefined;
  readonly quiet: boolean;
}

function wholeNumber(flag: string, text: string | undefined, min: number, max: number, fallback: number): number {
  if (text === undefined) return fallback;
  const value = Number(text);
  if (!/^\s*\d+\s*$/.test(text) || !Number.isSafeInteger(value) || value < min || value > max) {
    throw new UsageError(`${flag}: got "${text}"; allowed: a whole number from ${min.toLocaleString('en-US')} to ${max.toLocaleString('en-US')}`);
  }
  return value;
}

export function parseFactsCommandLine(argv: readonly string[]): FactsOptions {
  const parsed = parseCommand(argv, { persons: { type: 'string' } });
  const { values, positionals } = parsed;
  if (positionals.length > 0) {
    throw new UsageError(`facts runs the default presets and takes no scenario file; got ${positionals.join(' ')}`);
  }
  const { overrides, overrideFlags } = overridesOf(values.set, values.seed, undefined);
  if (values.out !== undefined && values.out.trim() === '') throw new UsageError('--out: got an empty path; allowed: a directory path');
  return {
    help: values.help === true,
    replicates: replicatesOf(values.replicates, 2, DEFAULT_FACT_REPLICATES),
    persons: wholeNumber('--persons', values.persons, 100, MAX_FACT_PERSONS, DEFAULT_FACT_PERSONS),
    years: wholeNumber('--years', values.years, MIN_FACT_YEARS, 500, DEFAULT_FACT_YEARS),
    overrides,
    overrideFlags,
    workers: values.workers === undefined ? undefined : wholeNumber('--workers', values.workers, 0, MAX_WORKERS, 0),
    out: values.out,
    quiet: values.quiet === true,
  };
}

/** One group of runs: a preset with its overrides, replicated. */
export interface FactRunGroup {
  /** `wealth`, `firm-sizes`, `survival`: which facts it feeds. */
  readonly name: string;
  /** The preset as the user would name it (relative to the project). */
  readonly file: string;
  readonly input: ScenarioInput;
  /** The overrides beyond the preset: the command line's and the population's. */
  readonly overrides: Readonly<Record<string, unknown>>;
}

const PROJECT = new URL('../../', import.meta.url);

function presetPath(name: string): { absolute: string; shown: string } {
  const absolute = fileURLToPath(new URL(`scenarios/${name}.yaml`, PROJECT));
  return { absolute, shown: relative(process.cwd(), absolute) || absolute };
}

/** Counts and rates of organisations, scaled with the population (MODEL.md 9's densities). */
const SCALED_WITH_PERSONS = [
  'communes.initialCount', 'communes.foundingRatePerYear',
  'firms.initialCount', 'firms.foundingRatePerYear',
  'cooperatives.initialCount', 'cooperatives.foundingRatePerYear',
] as const;

function fieldOf(scenario: unknown, path: string): unknown {
  return path.split('.').reduce<unknown>((node, key) => (node as Record<string, unknown> | undefined)?.[key], scenario);
}

/** Overrides that run `scenario` at `persons` persons with its organisations scaled in proportion. */
export function scaledPopulation(scenario: unknown, persons: number): Record<string, unknown> {
  const current = fieldOf(scenario, 'persons.count');
  if (typeof current !== 'number' || current <= 0) throw new Error('an economy preset has persons.count');
  const factor = persons / current;
  const overrides: Record<string, unknown> = { 'persons.count': persons };
  for (const path of SCALED_WITH_PERSONS) {
    const value = fieldOf(scenario, path);
    if (typeof value !== 'number') continue;
    overrides[path] = path.endsWith('initialCount') ? Math.round(value * factor) : value * factor;
  }
  return overrides;
}

/**
 * The three groups, each checked (schema, overrides) before anything runs; an InputError names
 * the flag that is wrong. The firm-size group comes first: its runs are the longest, so the
 * pool starts them first.
 */
export function planFacts(options: FactsOptions): FactRunGroup[] {
  const common = { ...options.overrides, years: options.years };
  const flags = { ...options.overrideFlags, years: '--years' };
  const group = (name: string, preset: string, extra: (scenario: unknown) => Record<string, unknown>): FactRunGroup => {
    const { absolute, shown } = presetPath(preset);
    const own = extra(readScenarioInput(absolute, common, flags).scenario);
    const overrides = { ...common, ...own };
    const input = readScenarioInput(absolute, overrides, { ...flags, ...Object.fromEntries(Object.keys(own).map((k) => [k, '--persons'])) });
    return { name, file: shown, input: { ...input, source: shown }, overrides };
  };
  return [
    group('firm-sizes', 'capitalist-only', (scenario) => scaledPopulation(scenario, options.persons)),
    group('wealth', 'capitalist-only', () => ({})),
    group('survival', 'mixed', () => ({})),
  ];
}
