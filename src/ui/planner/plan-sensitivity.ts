// The planner's sensitivity: the rules an organiser can change before founding, and how a
// change moves the headline figures across an ensemble. The variant and the scenario as loaded
// run on the same replicate keys (common random numbers), so each key gives one paired
// difference and the interval is the CLI's 95% t-interval of their mean.
import { acrossReplicates, type AcrossReplicates } from '../../cli/replicate-statistics.ts';
import { HEADLINE_KEYS, type HeadlineKey, type PlanHeadline } from '../../model/economy/commune-plan.ts';

export interface Lever {
  /** Dotted scenario path the lever overrides. */
  readonly path: string;
  readonly label: string;
  readonly hint: string;
  readonly choices: readonly (number | string)[];
  readonly format: (value: number | string) => string;
}

const percent = (v: number | string) => `${(Number(v) * 100).toFixed(0)}%`;
const plain = (v: number | string) => String(v);

export const LEVERS: readonly Lever[] = [
  { path: 'rental.format', label: 'Rent rule', hint: 'second-price: the winner pays the runner-up\'s bid; first-price: its own',
    choices: ['second-price', 'first-price'], format: plain },
  { path: 'bonds.maxYield', label: 'Bond yield cap', hint: 'no series clears above it; askers offer rent at it',
    choices: [0.06, 0.08, 0.1, 0.12, 0.15, 0.2, 0.25], format: percent },
  { path: 'communes.excessRent', label: 'Rent above debt service', hint: 'prepay redeems bonds early; dividend pays members',
    choices: ['prepay', 'dividend'], format: plain },
  { path: 'communes.laborToJoinMonths', label: 'Probation', hint: 'months of work before a newcomer is a member',
    choices: [0, 3, 6, 12, 24], format: (v) => `${v} months` },
  { path: 'communes.foundersEach', label: 'Founders', hint: 'members from the start',
    choices: [5, 12, 24, 36, 60, 100], format: plain },
];

/** The value a scenario gives a lever's path (raw scenario data, defaults not applied). */
export function leverValue(scenario: Record<string, unknown> | null, path: string): number | string | undefined {
  let node: unknown = scenario;
  for (const key of path.split('.')) {
    if (node === null || typeof node !== 'object') return undefined;
    node = (node as Record<string, unknown>)[key];
  }
  return typeof node === 'number' || typeof node === 'string' ? node : undefined;
}

/** A lever's choices with the scenario's own value among them (in order for numbers). */
export function choicesWith(lever: Lever, current: number | string | undefined): (number | string)[] {
  const choices = [...lever.choices];
  if (current !== undefined && !choices.includes(current)) {
    choices.push(current);
    if (typeof current === 'number') choices.sort((a, b) => Number(a) - Number(b));
  }
  return choices;
}

export interface HeadlineChange {
  /** The figure across the variant's runs. */
  readonly level: AcrossReplicates;
  /** Variant minus as-loaded, paired by replicate key. */
  readonly change: AcrossReplicates;
}

export function headlineChanges(base: readonly PlanHeadline[], variant: readonly PlanHeadline[]): Record<HeadlineKey, HeadlineChange> {
  const out = {} as Record<HeadlineKey, HeadlineChange>;
  for (const key of HEADLINE_KEYS) {
    const n = Math.min(base.length, variant.length);
    const differences: number[] = [];
    for (let i = 0; i < n; i++) differences.push(variant[i]![key] - base[i]![key]);
    out[key] = { level: acrossReplicates(variant.map((h) => h[key])), change: acrossReplicates(differences) };
  }
  return out;
}
