// Reporters run only when the engine samples, after every phase of a tick, so within one
// sample the state is fixed: what one reporter computes (organisation equity, net worth)
// serves every other reporter of the same sample instead of being recomputed by each.
import type { ScalarReporter } from '../reporters.ts';
import { CENTS_PER_UNIT, type EconomyState } from './economy-state.ts';
import { sortedCopy } from '../inequality.ts';
import { addOrganisationClaims, organisationEquity } from './net-worth.ts';
import { MODE_COUNT, MODE_EMPLOYEE, MODE_PRODUCER, MODE_SELF_EMPLOYED } from './person-table.ts';

/**
 * One computation per state and tick, shared by the reporters sampled together. `compute` is
 * given the previous sample's value to write over (its arrays are reused: no reporter keeps a
 * memo's value past its sample), undefined the first time.
 */
export function perSample<T>(compute: (s: EconomyState, previous: T | undefined) => T): (s: EconomyState) => T {
  let state: EconomyState | undefined;
  let tick = -1;
  let value: T | undefined;
  return (s) => {
    if (s !== state || s.tick !== tick || value === undefined) {
      value = compute(s, value);
      state = s;
      tick = s.tick;
    }
    return value;
  };
}

/** `previous` when it has `n` entries (every caller overwrites all of them), else a fresh array. */
export function perPerson(previous: Float64Array | undefined, n: number): Float64Array {
  return previous !== undefined && previous.length === n ? previous : new Float64Array(n);
}

/** Book equity of every organisation at this sample (read-only: callers must not write it). */
export const equityAtSample = perSample((s, previous: Float64Array | undefined) => organisationEquity(s, previous));

/** Net worth of every person in cents at this sample (read-only). */
export const netWorthAtSample = (s: EconomyState): Float64Array => wealthAtSample(s).cents;

/** Net worth of every person in money units (cents / 100, person by person) at this sample (read-only). */
export const wealthUnitsAtSample = (s: EconomyState): Float64Array => wealthAtSample(s).units;

/** Net worth of all capitalists together in cents, summed in person order (read-only). */
export const capitalistWealthCentsAtSample = (s: EconomyState): number => wealthAtSample(s).groups.cents[0]!;

/**
 * Each organisation's kind by id at this sample (read-only): the claims' walks test the issuer
 * of each of some 10,000 active series and the commune of each member, a byte each, not an
 * organisation's record each.
 */
export const orgKindsAtSample = perSample((s, previous: Uint8Array | undefined) => {
  const all = s.orgs.all;
  const kinds = previous !== undefined && previous.length === all.length ? previous : new Uint8Array(all.length);
  for (let i = 0; i < all.length; i++) kinds[i] = all[i]!.kind;
  return kinds;
});

/** The groups whose mean net worth is reported, each read off the person table. */
const WEALTH_GROUPS = ['capitalists', 'communeMembers', 'selfEmployed', 'producers', 'employees', 'cooperativeMembers'] as const;
type WealthGroup = (typeof WEALTH_GROUPS)[number];
/** The groups whose mean was first published from money units summed person by person. */
const MEAN_OF_UNITS: readonly WealthGroup[] = ['capitalists', 'communeMembers', 'selfEmployed', 'producers'];

/** Each wealth group's net worth summed in cents and in money units, and its size. */
interface GroupWealth { cents: Float64Array; units: Float64Array; members: Int32Array }

/** What one walk over persons' net worth gives a sample. */
interface WealthAtSample {
  readonly cents: Float64Array;
  readonly units: Float64Array;
  readonly groups: GroupWealth;
  /** Persons in each mode of work, indexed by mode (one count for every share). */
  readonly modeCounts: Int32Array;
}

/**
 * Net worth in cents (netWorthCents' terms in its order: principal held, claims on
 * organisations, then the balance), and from the walk that adds the balances: each person's
 * worth in money units (the wealth distribution's values), each group's sums (`cents` sums
 * cents, `units` money units person by person; each group's mean keeps the arithmetic it was
 * first published with, `MEAN_OF_UNITS`, so its series stays bit for bit) and the mode counts.
 * Three walks over persons after netWorthCents' did these.
 */
const wealthAtSample = perSample((s, previous: WealthAtSample | undefined): WealthAtSample => {
  const { persons } = s;
  const { count } = persons;
  const g = WEALTH_GROUPS.length;
  const value = previous !== undefined && previous.cents.length === count ? previous : {
    cents: new Float64Array(count), units: new Float64Array(count),
    groups: { cents: new Float64Array(g), units: new Float64Array(g), members: new Int32Array(g) }, modeCounts: new Int32Array(MODE_COUNT),
  };
  const { cents, units, groups, modeCounts } = value;
  groups.cents.fill(0); groups.units.fill(0); groups.members.fill(0);
  modeCounts.fill(0);
  cents.set(s.bonds.personHeldCents);
  addOrganisationClaims(s, equityAtSample(s), cents);
  const { isCapitalist, memberOf, mode, coopOf } = persons;
  addBalancesAndSumGroups(
    cents, s.ledger.balancesOf(persons.firstAccount, count), units, isCapitalist, memberOf, mode, coopOf, count,
    groups.cents, groups.units, groups.members, modeCounts,
  );
  return value;
});

// The walk in a function of its own, ending with its loop, each group's sums written out (no
// closure): the first sample compiles the loop on stack, and code after it would deoptimise it.
function addBalancesAndSumGroups(
  worth: Float64Array, balances: Float64Array, worthUnits: Float64Array,
  isCapitalist: Uint8Array, memberOf: Int32Array, mode: Uint8Array, coopOf: Int32Array, count: number,
  cents: Float64Array, units: Float64Array, members: Int32Array, modeCounts: Int32Array,
): void {
  for (let p = 0; p < count; p++) {
    const w = worth[p]! + balances[p]!;
    worth[p] = w;
    const u = w / CENTS_PER_UNIT;
    worthUnits[p] = u;
    const m = mode[p]!;
    modeCounts[m]!++;
    if (isCapitalist[p] === 1) { cents[0]! += w; units[0]! += u; members[0]!++; }
    if (memberOf[p]! >= 0) { cents[1]! += w; units[1]! += u; members[1]!++; }
    if (m === MODE_SELF_EMPLOYED) { cents[2]! += w; units[2]! += u; members[2]!++; }
    else if (m === MODE_PRODUCER) { cents[3]! += w; units[3]! += u; members[3]!++; }
    else if (m === MODE_EMPLOYEE) { cents[4]! += w; units[4]! += u; members[4]!++; }
    if (coopOf[p]! >= 0) { cents[5]! += w; units[5]! += u; members[5]!++; }
  }
}

/** The reporter `wealth.<group>.mean`: the group's mean net worth in money units (NaN for an empty group). */
export function meanWealthReporter(label: string, group: WealthGroup): ScalarReporter<EconomyState> {
  const g = WEALTH_GROUPS.indexOf(group);
  const fromUnits = MEAN_OF_UNITS.includes(group);
  return {
    id: `wealth.${group}.mean`, label: `Mean wealth: ${label}`, unit: 'money units', description: `mean net worth of ${label}`,
    sample: (s) => {
      const { cents, units, members } = wealthAtSample(s).groups;
      const n = members[g]!;
      if (n === 0) return Number.NaN;
      return fromUnits ? units[g]! / n : cents[g]! / n / CENTS_PER_UNIT;
    },
  };
}

/** Share of persons in a mode of work at this sample. */
export function modeShare(s: EconomyState, mode: number): number {
  return wealthAtSample(s).modeCounts[mode]! / s.persons.count;
}
