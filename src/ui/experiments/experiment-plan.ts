// What an experiment runs, as plain data the address can carry: the entries (the current
// scenario, a preset, either with overrides such as communes off), the number of replicates
// and the population. Each entry becomes N pool jobs on the CLI's replicate keys r1..rN, so
// entries compared side by side draw the same random numbers replicate by replicate.
import type { EnsembleJob } from '../../worker/ensemble-job.ts';
import { replicateKeys } from '../../cli/replicate-run.ts';
import type { Scenario } from '../../scenarios/schema.ts';
import { parseScenarioText } from '../../scenarios/load.ts';
import { PRESETS, presetById } from '../presets.ts';
import type { ExperimentEntry } from './experiment-run.ts';

export const DEFAULT_REPLICATES = 10;
export const MAX_REPLICATES = 100;
export const MAX_COMPARED = 4;

/** Named changes an entry may apply to its scenario (economies only). */
export const VARIANTS = {
  'communes-off': { label: 'communes off', overrides: { 'communes.initialCount': 0, 'communes.foundingRatePerYear': 0 } },
  'coops-off': { label: 'co-ops off', overrides: { 'cooperatives.initialCount': 0, 'cooperatives.foundingRatePerYear': 0 } },
  'firms-off': { label: 'firms off', overrides: { 'firms.enabled': false } },
  'excess-dividend': { label: 'excess rent as dividend', overrides: { 'communes.excessRent': 'dividend' } },
} as const;
export type VariantId = keyof typeof VARIANTS;

/** `current`, `current:communes-off`, `preset:coops-only`, `preset:mixed:communes-off`. */
export interface EntryRef {
  readonly source: 'current' | { readonly preset: string };
  readonly variant?: VariantId;
}

export function formatEntry(ref: EntryRef): string {
  const base = ref.source === 'current' ? 'current' : `preset:${ref.source.preset}`;
  return ref.variant === undefined ? base : `${base}:${ref.variant}`;
}

export function parseEntry(text: string): EntryRef | null {
  const parts = text.split(':');
  let source: EntryRef['source'];
  let rest: string[];
  if (parts[0] === 'current') {
    source = 'current';
    rest = parts.slice(1);
  } else if (parts[0] === 'preset' && parts[1] !== undefined && /^[a-z0-9-]+$/.test(parts[1])) {
    source = { preset: parts[1] };
    rest = parts.slice(2);
  } else return null;
  if (rest.length > 1) return null;
  if (rest.length === 0) return { source };
  const variant = rest[0]!;
  return variant in VARIANTS ? { source, variant: variant as VariantId } : null;
}

/** The population override for a scenario kind: persons in an economy, agents in a kinetic model. */
export function populationOverride(scenario: Scenario | null, persons: number | undefined): Record<string, number> {
  if (persons === undefined || scenario === null) return {};
  return scenario.kind === 'economy' ? { 'persons.count': persons } : { agents: persons };
}

export function populationOf(scenario: Scenario | null): number | undefined {
  if (scenario === null) return undefined;
  const data = scenario as unknown as { persons?: { count?: number }; agents?: number };
  return scenario.kind === 'economy' ? data.persons?.count : data.agents;
}

export interface RunPopulation {
  readonly count: number;
  readonly people: 'persons' | 'agents';
}

/** Populations already read, by overrides and text (the entry choices are labelled at every redraw). */
const populations = new Map<string, RunPopulation | undefined>();
const MAX_REMEMBERED = 200;

/**
 * The population an entry runs at: its scenario's after the experiment's overrides (a preset
 * compared at the page's size runs at that size); undefined when its kind names none or the
 * overrides do not fit it.
 */
export function runPopulation(text: string, overrides: Readonly<Record<string, unknown>>): RunPopulation | undefined {
  const key = `${JSON.stringify(overrides)}\u0000${text}`;
  if (populations.has(key)) return populations.get(key);
  const outcome = parseScenarioText(text, overrides);
  const count = outcome.ok ? populationOf(outcome.scenario) : undefined;
  const population = outcome.ok && count !== undefined ? { count, people: outcome.scenario.kind === 'economy' ? 'persons' as const : 'agents' as const } : undefined;
  if (populations.size >= MAX_REMEMBERED) populations.clear();
  populations.set(key, population);
  return population;
}

/** A population as a title writes it: `2,000 persons`. */
const POPULATION_WORDS = /\b\d[\d,]*\s+(?:persons|agents)\b/;

/**
 * A scenario's title at the population that runs: the population it names replaced
 * (`Mixed economy, 10,000 persons` run at 2,000 is `Mixed economy, 2,000 persons`), or added.
 */
export function titleAtPopulation(title: string, population: RunPopulation | undefined): string {
  if (population === undefined) return title;
  const size = `${population.count.toLocaleString('en-US')} ${population.people}`;
  return POPULATION_WORDS.test(title) ? title.replace(POPULATION_WORDS, size) : `${title}, ${size}`;
}

/** The scenario on the page: its text, its title and what it parsed to. */
export interface CurrentScenario {
  readonly text: string;
  readonly name: string;
  readonly scenario: Scenario | null;
}

/**
 * What each entry runs, and its names at the population it runs: the page's persons when set
 * (a preset's title names its file's 10,000 persons), else the entry's own.
 */
export function experimentEntries(refs: readonly EntryRef[], current: CurrentScenario, persons: number | undefined): ExperimentEntry[] {
  const population = populationOverride(current.scenario, persons);
  return refs.map((ref) => {
    const preset = ref.source === 'current' ? undefined : presetById(ref.source.preset);
    const text = preset?.text ?? current.text;
    const variant = ref.variant === undefined ? [] : [VARIANTS[ref.variant].label];
    const overrides = { ...population, ...(ref.variant === undefined ? {} : VARIANTS[ref.variant].overrides) };
    const runs = runPopulation(text, overrides);
    const title = ref.source === 'current' ? current.name : preset?.name ?? ref.source.preset;
    const stem = PRESETS.find((p) => p.text === text)?.id ?? 'edited scenario';
    return {
      label: [titleAtPopulation(title, runs), ...variant].join(', '),
      // `mixed, communes off, 2,000 persons`: the file, the variant and the size the entry runs.
      runName: [stem, ...variant, ...(runs === undefined ? [] : [`${runs.count.toLocaleString('en-US')} ${runs.people}`])].join(', '),
      text,
      overrides,
    };
  });
}

/** N series jobs of one scenario text with its overrides, on the CLI's replicate keys. */
export function seriesJobs(text: string, overrides: Readonly<Record<string, number | string | boolean>>, replicates: number): EnsembleJob[] {
  return replicateKeys(replicates).map((replicateKey) => ({ text, overrides: { ...overrides }, replicateKey, measure: 'series' }));
}

/** An experiment as the address carries it (`?mode=replicates&n=10&persons=2000&compare=...`). */
export interface ExperimentAddress {
  readonly replicates: number;
  readonly persons: number | undefined;
  readonly compare: readonly EntryRef[];
  /** Length of every run when shortened (the claims panel's size; `&years=20`). */
  readonly years?: number | undefined;
  /** Robustness draws of the claims panel (`&draws=8`). */
  readonly draws?: number | undefined;
}

/** `defaultReplicates`: the opening mode's own default when the address names no `n`. */
export function readExperimentAddress(params: URLSearchParams, defaultReplicates = DEFAULT_REPLICATES): ExperimentAddress {
  const n = Number(params.get('n'));
  const persons = Number(params.get('persons'));
  const years = Number(params.get('years'));
  const draws = Number(params.get('draws'));
  const compare = (params.get('compare') ?? '').split(',').filter((s) => s !== '')
    .map(parseEntry).filter((e): e is EntryRef => e !== null).slice(0, MAX_COMPARED);
  return {
    replicates: Number.isInteger(n) && n >= 2 && n <= MAX_REPLICATES ? n : defaultReplicates,
    persons: Number.isInteger(persons) && persons >= 10 ? persons : undefined,
    compare,
    years: params.has('years') && Number.isInteger(years) && years >= 1 ? years : undefined,
    draws: Number.isInteger(draws) && draws >= 1 && draws <= 100 ? draws : undefined,
  };
}

export function writeExperimentAddress(params: URLSearchParams, address: Partial<ExperimentAddress>): void {
  if (address.replicates !== undefined) params.set('n', String(address.replicates));
  if (address.persons !== undefined) params.set('persons', String(address.persons));
  else if ('persons' in address) params.delete('persons');
  if (address.compare !== undefined) params.set('compare', address.compare.map(formatEntry).join(','));
  if (address.years !== undefined) params.set('years', String(address.years));
  else if ('years' in address) params.delete('years');
  if (address.draws !== undefined) params.set('draws', String(address.draws));
  else if ('draws' in address) params.delete('draws');
}
