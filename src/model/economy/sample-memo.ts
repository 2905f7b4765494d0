// Reporters run only when the engine samples, after every phase of a tick, so within one
// sample the state is fixed: what one reporter computes (organisation equity, net worth)
// serves every other reporter of the same sample instead of being recomputed by each.
import type { ScalarReporter } from '../reporters.ts';
import { CENTS_PER_UNIT, type EconomyState } from './economy-state.ts';
import { sortedCopy } from '../inequality.ts';
import { communeClaimsCents, netWorthCents, organisationEquity } from './net-worth.ts';
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
export const netWorthAtSample = perSample((s, previous: Float64Array | undefined) =>
  netWorthCents(s, perPerson(previous, s.persons.count), equityAtSample(s)));

/** Each person's commune claims in cents at this sample (read-only). */
export const communeClaimsAtSample = perSample((s, previous: Float64Array | undefined) =>
  communeClaimsCents(s, perPerson(previous, s.persons.count), equityAtSample(s), orgKindsAtSample(s)));

/** Each person's commune claims in cents at this sample, sorted ascending (read-only). */
export const sortedCommuneClaimsAtSample = perSample((s, previous: Float64Array | undefined) => sortedCopy(communeClaimsAtSample(s), previous));

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

/** Persons in each mode of work at this sample, indexed by mode (one pass for every share). */
const modeCountsAtSample = perSample((s) => {
  const counts = new Int32Array(MODE_COUNT);
  const { mode, count } = s.persons;
  for (let p = 0; p < count; p++) counts[mode[p]!]!++;
  return counts;
});

/** The groups whose mean net worth is reported, each read off the person table. */
const WEALTH_GROUPS = ['capitalists', 'communeMembers', 'selfEmployed', 'producers', 'employees', 'cooperativeMembers'] as const;
type WealthGroup = (typeof WEALTH_GROUPS)[number];
/** The groups whose mean was first published from money units summed person by person. */
const MEAN_OF_UNITS: readonly WealthGroup[] = ['capitalists', 'communeMembers', 'selfEmployed', 'producers'];

/**
 * Net worth summed over each group's persons and the group's size, in one pass over persons:
 * `cents` sums cents, `units` money units person by person (cents / 100, as the wealth
 * distribution has them). Each group's mean keeps the arithmetic it was first published with
 * (`MEAN_OF_UNITS`), so its series stays bit for bit.
 */
const groupWealthAtSample = perSample((s, previous: { cents: Float64Array; units: Float64Array; members: Int32Array } | undefined) => {
  const n = WEALTH_GROUPS.length;
  const sums = previous ?? { cents: new Float64Array(n), units: new Float64Array(n), members: new Int32Array(n) };
  sums.cents.fill(0); sums.units.fill(0); sums.members.fill(0);
  const { isCapitalist, memberOf, mode, coopOf, count } = s.persons;
  sumGroupWealth(netWorthAtSample(s), isCapitalist, memberOf, mode, coopOf, count, sums.cents, sums.units, sums.members);
  return sums;
});

// The walk in a function of its own, ending with its loop, each group's sums written out (no
// closure): the first sample compiles the loop on stack, and code after it would deoptimise it.
function sumGroupWealth(
  worth: Float64Array, isCapitalist: Uint8Array, memberOf: Int32Array, mode: Uint8Array, coopOf: Int32Array, count: number,
  cents: Float64Array, units: Float64Array, members: Int32Array,
): void {
  for (let p = 0; p < count; p++) {
    const w = worth[p]!;
    const m = mode[p]!;
    if (isCapitalist[p] === 1) { cents[0]! += w; units[0]! += w / CENTS_PER_UNIT; members[0]!++; }
    if (memberOf[p]! >= 0) { cents[1]! += w; units[1]! += w / CENTS_PER_UNIT; members[1]!++; }
    if (m === MODE_SELF_EMPLOYED) { cents[2]! += w; units[2]! += w / CENTS_PER_UNIT; members[2]!++; }
    else if (m === MODE_PRODUCER) { cents[3]! += w; units[3]! += w / CENTS_PER_UNIT; members[3]!++; }
    else if (m === MODE_EMPLOYEE) { cents[4]! += w; units[4]! += w / CENTS_PER_UNIT; members[4]!++; }
    if (coopOf[p]! >= 0) { cents[5]! += w; units[5]! += w / CENTS_PER_UNIT; members[5]!++; }
  }
}

/** The reporter `wealth.<group>.mean`: the group's mean net worth in money units (NaN for an empty group). */
export function meanWealthReporter(label: string, group: WealthGroup): ScalarReporter<EconomyState> {
  const g = WEALTH_GROUPS.indexOf(group);
  const fromUnits = MEAN_OF_UNITS.includes(group);
  return {
    id: `wealth.${group}.mean`, label: `Mean wealth: ${label}`, unit: 'money units', description: `mean net worth of ${label}`,
    sample: (s) => {
      const { cents, units, members } = groupWealthAtSample(s);
      const n = members[g]!;
      if (n === 0) return Number.NaN;
      return fromUnits ? units[g]! / n : cents[g]! / n / CENTS_PER_UNIT;
    },
  };
}

/** Share of persons in a mode of work at this sample. */
export function modeShare(s: EconomyState, mode: number): number {
  return modeCountsAtSample(s)[mode]! / s.persons.count;
}
