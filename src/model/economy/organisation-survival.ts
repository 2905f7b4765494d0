// MODEL.md 6, "survival curves by kind and size": Kaplan-Meier estimates of how long
// organisations last, by age in years, from every organisation's founding and ending.
//
// Two curves per group. `failure`: the event is a failure (liquidation, or winding up empty);
// an organisation absorbed by a merge or takeover is censored at that age, since it did not
// fail and what would have become of it is unknown. `any-exit`: the event is any end, failure
// or absorption: how long organisations stay independent. Organisations alive now are
// censored at their current age. By size: organisations are grouped by their size on their
// first anniversary (a landmark at one year), so those curves start at age one.
import { MONTHS_PER_YEAR } from '../engine.ts';
import { kaplanMeier, type SurvivalCurve } from '../survival.ts';
import type { EconomyState } from './economy-state.ts';
import { EXIT_ABSORBED, EXIT_FAILED, EXIT_NONE, ORG_COMMUNE, ORG_COOPERATIVE, ORG_FIRM, organisationSize } from './organisation-table.ts';
import { SIZE_CLASSES, sizeClassOf } from './size-classes.ts';

/** Every organisation's life so far, one entry per organisation id (what survival needs). */
export interface OrganisationLifetimes {
  /** The month observed: organisations alive then are censored at their age then. */
  readonly tick: number;
  readonly kind: Uint8Array;
  /** FIRM_LINE_PRODUCING or FIRM_LINE_LANDLORD; a firm's for life, meaningless for other kinds. */
  readonly line: Uint8Array;
  readonly foundedTick: Int32Array;
  /** -1 while alive. */
  readonly endedTick: Int32Array;
  /** EXIT_NONE, EXIT_FAILED or EXIT_ABSORBED. */
  readonly exit: Uint8Array;
  /** -1 if it has not reached (or did not live to) its first anniversary. */
  readonly sizeAtOneYear: Int32Array;
  /** Size at the observed month for those alive then, else at exit (the last monthly count while alive). */
  readonly sizeAtEnd: Int32Array;
}

export function organisationLifetimes(s: EconomyState): OrganisationLifetimes {
  const all = s.orgs.all;
  return {
    tick: s.tick,
    kind: Uint8Array.from(all, (o) => o.kind),
    line: Uint8Array.from(all, (o) => o.line),
    foundedTick: Int32Array.from(all, (o) => o.foundedTick),
    endedTick: Int32Array.from(all, (o) => (o.alive ? -1 : o.endedTick)),
    exit: Uint8Array.from(all, (o) => (o.alive ? EXIT_NONE : o.exit)),
    sizeAtOneYear: Int32Array.from(all, (o) => o.sizeAtOneYear),
    sizeAtEnd: Int32Array.from(all, (o) => (o.alive ? organisationSize(o) : o.sizeLastCounted)),
  };
}

/** Year of founding of organisation i. */
export function foundedYear(lives: OrganisationLifetimes, i: number): number {
  return lives.foundedTick[i]! / MONTHS_PER_YEAR;
}

/** Year organisation i ended, NaN while it is alive. */
export function endedYear(lives: OrganisationLifetimes, i: number): number {
  return lives.endedTick[i]! >= 0 ? lives.endedTick[i]! / MONTHS_PER_YEAR : Number.NaN;
}

/** Age in years at the end of the observation (its end, or now). */
export function ageYears(lives: OrganisationLifetimes, i: number): number {
  const end = lives.endedTick[i]! >= 0 ? lives.endedTick[i]! : lives.tick;
  return (end - lives.foundedTick[i]!) / MONTHS_PER_YEAR;
}

export type SurvivalEvent = 'failure' | 'any-exit';
export const SURVIVAL_EVENTS: readonly SurvivalEvent[] = ['failure', 'any-exit'];

export interface SurvivalGroup {
  /** ORG_COMMUNE, ORG_FIRM or ORG_COOPERATIVE. */
  readonly kind: number;
  /** Index into SIZE_CLASSES of the size at one year, or -1: every organisation of the kind. */
  readonly sizeClass: number;
  readonly event: SurvivalEvent;
  readonly curve: SurvivalCurve;
}

function isEvent(exit: number, event: SurvivalEvent): boolean {
  return event === 'failure' ? exit === EXIT_FAILED : exit === EXIT_FAILED || exit === EXIT_ABSORBED;
}

/** The curve of one kind (and size class at one year, or -1 for all) for one event. */
export function survivalCurve(lives: OrganisationLifetimes, kind: number, sizeClass: number, event: SurvivalEvent): SurvivalCurve {
  const ages: number[] = [];
  const ended: boolean[] = [];
  for (let i = 0; i < lives.kind.length; i++) {
    if (lives.kind[i] !== kind) continue;
    if (sizeClass >= 0 && (lives.sizeAtOneYear[i]! < 0 || sizeClassOf(lives.sizeAtOneYear[i]!) !== sizeClass)) continue;
    ages.push(ageYears(lives, i));
    ended.push(isEvent(lives.exit[i]!, event));
  }
  return kaplanMeier(ages, ended, sizeClass >= 0 ? 1 : 0);
}

/**
 * Every curve there is data for: per kind that has organisations, all of them, then each size
 * class at one year that has any; each for both events.
 */
export function survivalGroups(lives: OrganisationLifetimes): SurvivalGroup[] {
  const groups: SurvivalGroup[] = [];
  for (const kind of [ORG_COMMUNE, ORG_FIRM, ORG_COOPERATIVE]) {
    const present = new Uint8Array(SIZE_CLASSES.length);
    let any = false;
    for (let i = 0; i < lives.kind.length; i++) {
      if (lives.kind[i] !== kind) continue;
      any = true;
      if (lives.sizeAtOneYear[i]! >= 0) present[sizeClassOf(lives.sizeAtOneYear[i]!)] = 1;
    }
    if (!any) continue;
    for (let c = -1; c < SIZE_CLASSES.length; c++) {
      if (c >= 0 && present[c] === 0) continue;
      for (const event of SURVIVAL_EVENTS) groups.push({ kind, sizeClass: c, event, curve: survivalCurve(lives, kind, c, event) });
    }
  }
  return groups;
}

/** The lifetimes of a model's organisations, for models that have them (the economy), else null. */
export function lifetimesOfModel(model: { readonly kind: string; readonly state: unknown }): OrganisationLifetimes | null {
  return model.kind === 'economy' ? organisationLifetimes(model.state as EconomyState) : null;
}

/**
 * Organisations of one kind counted by age in whole months at the end of their observation
 * (their end, or now): all of them, and those whose observation ended in each event.
 */
export interface AgeCounts {
  n: number;
  /** The longest observation in months, -1 when there is none. */
  longestMonths: number;
  readonly observed: Int32Array;
  readonly failed: Int32Array;
  readonly exited: Int32Array;
}

/**
 * The age counts of each kind (indexed by ORG_*), or null if some age falls outside 0..tick
 * (then only the curves answer). Every age is a whole number of months, so these counts give
 * the rows of `survivalCurve`'s Kaplan-Meier estimate, in order, without its sort.
 */
export function ageCountsByKind(s: EconomyState): AgeCounts[] | null {
  const months = s.tick + 1;
  // An array literal, not Array.prototype.map: once the caller is optimised, TurboFan's inlined
  // map makes a holey array where the builtin made a packed one, and countAges, optimised on the
  // packed map, deoptimised on "wrong map" at the next sample (in a worker's third run).
  const counts = [ageCounts(months), ageCounts(months), ageCounts(months)];
  return countAges(s.orgs.all, s.tick, counts) ? counts : null;
}

function ageCounts(months: number): AgeCounts {
  return { n: 0, longestMonths: -1, observed: new Int32Array(months), failed: new Int32Array(months), exited: new Int32Array(months) };
}

function countAges(all: EconomyState['orgs']['all'], tick: number, counts: AgeCounts[]): boolean {
  for (let i = 0; i < all.length; i++) {
    const o = all[i]!;
    const c = counts[o.kind];
    if (c === undefined) continue;
    // As organisationLifetimes and ageYears have it: alive (or never given an end) is observed until now.
    const ended = !o.alive && o.endedTick >= 0;
    const age = (ended ? o.endedTick : tick) - o.foundedTick;
    if (!(age >= 0 && age <= tick)) return false;
    const exit = o.alive ? EXIT_NONE : o.exit;
    c.n++;
    c.observed[age]!++;
    if (isEvent(exit, 'failure')) c.failed[age]!++;
    if (isEvent(exit, 'any-exit')) c.exited[age]!++;
    if (age > c.longestMonths) c.longestMonths = age;
  }
  return true;
}

/**
 * `survivalAt(survivalCurve(lives, kind, -1, event), ageMonths / 12)` from the kind's age
 * counts, bit for bit: the same factors 1 - events / at risk, multiplied in the same order
 * (ascending age); NaN past the longest observation unless the estimate has reached 0.
 */
export function survivalAtMonths(counts: AgeCounts, event: SurvivalEvent, ageMonths: number): number {
  if (counts.n === 0) return Number.NaN;
  const beyond = ageMonths > counts.longestMonths;
  const s = productLimit(counts.n, counts.observed, event === 'failure' ? counts.failed : counts.exited, beyond ? counts.longestMonths : ageMonths);
  if (!beyond) return s;
  return s === 0 ? 0 : Number.NaN;
}

/** The product over ages 0..last (months) of 1 - events / at risk, at risk = n less those observed for less. */
function productLimit(n: number, observed: Int32Array, events: Int32Array, last: number): number {
  let s = 1;
  let shorter = 0;
  for (let m = 0; m <= last; m++) {
    const c = observed[m]!;
    if (c === 0) continue;
    const d = events[m]!;
    if (d > 0) s *= 1 - d / (n - shorter);
    shorter += c;
  }
  return s;
}
