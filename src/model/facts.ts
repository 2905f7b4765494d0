// MODEL.md 10, "Stylised facts the default calibration reproduces": each fact measured on runs
// of the default presets, with its target, its estimate, a 95% interval and whether it holds.
// Runs in, rows out: the CLI (`npm run facts`) and any other front end read the same rows.
//
// A fact holds when its estimate meets the target; the interval says how sure that is, and
// `intervalInTarget` whether all of it meets the target too.
import { MONTHS_PER_YEAR } from './engine.ts';
import { acrossReplicates } from './replicate-statistics.ts';
import { fitDiscretePowerLaw } from './power-law.ts';
import { coxHazardRatio, type SurvivalSubject } from './hazard-ratio.ts';
import { kaplanMeier, survivalAt } from './survival.ts';
import { ageYears, type OrganisationLifetimes } from './economy/organisation-survival.ts';
import { EXIT_ABSORBED, EXIT_FAILED, ORG_COOPERATIVE, ORG_FIRM } from './economy/organisation-table.ts';

/** One replicate as the facts read it: its sampled series and its organisations. */
export interface FactRun {
  /** `r1`, `r2`, ... */
  readonly label: string;
  readonly ticks: Float64Array;
  column(id: string): Float64Array;
  readonly organisations: OrganisationLifetimes;
}

/** A closed or open interval of acceptable values; `text` says it for people. */
export interface FactTarget {
  readonly text: string;
  readonly min?: number;
  readonly max?: number;
  /** Whether the bounds themselves are outside the target (`< 0.03`, `> 0`). */
  readonly strict?: boolean;
}

export interface FactRow {
  readonly id: string;
  /** The preset it is measured on. */
  readonly scenario: string;
  /** What the fact says, in MODEL.md's words. */
  readonly statement: string;
  /** How the number is computed (estimator, population, window). */
  readonly measure: string;
  readonly unit: string;
  readonly target: FactTarget;
  readonly estimate: number | null;
  readonly ci95: readonly [number, number] | null;
  /** Replicates (or organisations, for pooled estimators) the estimate comes from. */
  readonly n: number;
  readonly pass: boolean;
  readonly intervalInTarget: boolean;
  readonly perReplicate?: Readonly<Record<string, number | null>>;
  readonly detail?: Readonly<Record<string, unknown>>;
}

export function meetsTarget(target: FactTarget, value: number | null): boolean {
  if (value === null || !Number.isFinite(value)) return false;
  const { min, max, strict = false } = target;
  if (min !== undefined && (strict ? value <= min : value < min)) return false;
  if (max !== undefined && (strict ? value >= max : value > max)) return false;
  return true;
}

type RowBase = Omit<FactRow, 'pass' | 'intervalInTarget'>;

function judged(row: RowBase): FactRow {
  const inside = row.ci95 !== null && meetsTarget(row.target, row.ci95[0]) && meetsTarget(row.target, row.ci95[1]);
  return { ...row, pass: meetsTarget(row.target, row.estimate), intervalInTarget: inside };
}

/** The value of series `id` at `year` (sampled then), NaN when it was not sampled. */
export function valueAtYear(run: FactRun, id: string, year: number): number {
  const tick = Math.round(year * MONTHS_PER_YEAR);
  const row = run.ticks.indexOf(tick);
  return row < 0 ? Number.NaN : run.column(id)[row]!;
}

/** Replicate label -> value, null where not finite (as summary.json does). */
function perReplicate(runs: readonly FactRun[], values: readonly number[]): Record<string, number | null> {
  return Object.fromEntries(runs.map((run, i) => [run.label, Number.isFinite(values[i]!) ? values[i]! : null]));
}

export const TOP10_TARGET = 0.5;
export const SETTLED_WINDOW_YEARS = 10;
export const SETTLED_TOLERANCE = 0.03;

/**
 * `capitalist-only`: the top 10% share of wealth (net worth) at the last year, at least 0.5,
 * and settled: its change over the last ten years smaller than 0.03 either way. Mean over
 * replicates with a Student-t interval.
 */
export function wealthConcentrationFacts(runs: readonly FactRun[], years: number): FactRow[] {
  const end = runs.map((run) => valueAtYear(run, 'wealth.top10', years));
  const before = runs.map((run) => valueAtYear(run, 'wealth.top10', years - SETTLED_WINDOW_YEARS));
  const change = end.map((v, i) => v - before[i]!);
  const level = acrossReplicates(end);
  const drift = acrossReplicates(change);
  return [
    judged({
      id: 'wealth-top10', scenario: 'capitalist-only',
      statement: 'capitalist-only: the top 10% hold at least half of all wealth',
      measure: `top 10% share of net worth at year ${years}, mean over replicates (Student t interval)`,
      unit: 'share 0-1', target: { text: `>= ${TOP10_TARGET}`, min: TOP10_TARGET },
      estimate: level.mean, ci95: level.ci95, n: level.n, perReplicate: perReplicate(runs, end),
    }),
    judged({
      id: 'wealth-top10-settled', scenario: 'capitalist-only',
      statement: `capitalist-only: that share has settled (changes by less than ${SETTLED_TOLERANCE} over the last ${SETTLED_WINDOW_YEARS} years)`,
      measure: `top 10% share at year ${years} minus at year ${years - SETTLED_WINDOW_YEARS}, mean over replicates (Student t interval)`,
      unit: 'share change', target: { text: `between -${SETTLED_TOLERANCE} and ${SETTLED_TOLERANCE}`, min: -SETTLED_TOLERANCE, max: SETTLED_TOLERANCE, strict: true },
      estimate: drift.mean, ci95: drift.ci95, n: drift.n, perReplicate: perReplicate(runs, change),
    }),
  ];
}

export const ZIPF_TARGET = { min: 0.8, max: 1.4 } as const;

/** Employees of the firms alive at the run's end that have at least one. */
export function firmSizesAtEnd(lives: OrganisationLifetimes): number[] {
  const sizes: number[] = [];
  for (let i = 0; i < lives.kind.length; i++) {
    if (lives.kind[i] === ORG_FIRM && lives.endedTick[i]! < 0 && lives.sizeAtEnd[i]! >= 1) sizes.push(lives.sizeAtEnd[i]!);
  }
  return sizes;
}

/**
 * Firm sizes (employees, firms with at least one, at the run's end): the tail exponent of the
 * discrete power law fitted by Clauset, Shalizi & Newman (2009), alpha - 1 (Axtell 2001's
 * Zipf exponent, 1.06 for US firms). Mean over replicates with a Student-t interval; with one
 * replicate, the fit's own asymptotic standard error.
 */
export function firmSizeFact(runs: readonly FactRun[], persons: number): FactRow {
  const fits = runs.map((run) => fitDiscretePowerLaw(firmSizesAtEnd(run.organisations)));
  const exponents = fits.map((fit) => fit?.tailExponent ?? Number.NaN);
  const stats = acrossReplicates(exponents);
  let ci95 = stats.ci95;
  if (ci95 === null && stats.n === 1) {
    const fit = fits.find((f) => f !== null)!;
    ci95 = [fit.tailExponent - 1.959963984540054 * fit.standardError, fit.tailExponent + 1.959963984540054 * fit.standardError];
  }
  return judged({
    id: 'firm-size-zipf', scenario: 'capitalist-only',
    statement: `firm sizes are heavy-tailed: Zipf exponent between ${ZIPF_TARGET.min} and ${ZIPF_TARGET.max} (Axtell 2001: 1.06)`,
    measure: `employees of firms with at least one, at the end, ${persons.toLocaleString('en-US')} persons: alpha - 1 of the discrete power law `
      + '(Clauset, Shalizi & Newman 2009: alpha by maximum likelihood, xmin minimising the KS distance), mean over replicates',
    unit: 'exponent of P(S >= s)', target: { text: `${ZIPF_TARGET.min} to ${ZIPF_TARGET.max}`, ...ZIPF_TARGET },
    estimate: stats.mean, ci95, n: stats.n, perReplicate: perReplicate(runs, exponents),
    detail: {
      fits: Object.fromEntries(runs.map((run, i) => [run.label, fits[i] === null ? null : {
        alpha: fits[i]!.alpha, xmin: fits[i]!.xmin, firmsInTail: fits[i]!.nTail, firms: fits[i]!.n, ks: fits[i]!.ks,
        largest: Math.max(...firmSizesAtEnd(run.organisations)),
      }])),
    },
  });
}

export const HAZARD_RATIO_TARGET = { min: 0.5, max: 0.95 } as const;
export const SURVIVAL_YEARS = 5;

/**
 * Co-operatives (group 1) and firms (group 0) of every replicate as survival subjects, by age:
 * the event is dissolution (liquidation or winding up); an organisation absorbed by a merge or
 * a takeover did not dissolve and is censored then, as are those alive at the end. With
 * `anyExit`, absorption counts as an end too. With `employersOnly` (the facts' sample), only
 * organisations that were employers at their first anniversary (at least one employee, member
 * or hired worker then: `sizeAtOneYear` >= 1): the population the literature observes, firms
 * and co-operatives in social security records of employers (Burdín 2014). A firm that never
 * bought an asset or hired anyone and was wound up or bought as an empty shell is not in it.
 * Every subject is then alive at age one (a landmark analysis: risk sets from age one on).
 */
export function coopFirmSubjects(runs: readonly FactRun[], anyExit = false, employersOnly = true): SurvivalSubject[] {
  const subjects: SurvivalSubject[] = [];
  runs.forEach((run, stratum) => {
    const lives = run.organisations;
    for (let i = 0; i < lives.kind.length; i++) {
      const kind = lives.kind[i];
      if (kind !== ORG_FIRM && kind !== ORG_COOPERATIVE) continue;
      if (employersOnly && !(lives.sizeAtOneYear[i]! >= 1)) continue;
      const exit = lives.exit[i]!;
      const event = exit === EXIT_FAILED || (anyExit && exit === EXIT_ABSORBED);
      subjects.push({ duration: ageYears(lives, i), event, group: kind === ORG_COOPERATIVE ? 1 : 0, stratum });
    }
  });
  return subjects;
}

/** Kaplan-Meier survival at `years` of one group of subjects, with its Greenwood standard error. */
function survivalOfGroup(subjects: readonly SurvivalSubject[], group: 0 | 1, years: number): { survival: number; standardError: number; n: number } {
  const mine = subjects.filter((s) => s.group === group);
  const curve = kaplanMeier(mine.map((s) => s.duration), mine.map((s) => s.event));
  const survival = survivalAt(curve, years);
  let row = 0;
  while (row + 1 < curve.time.length && curve.time[row + 1]! <= years) row++;
  return { survival, standardError: curve.standardError[row] ?? Number.NaN, n: mine.length };
}

/**
 * `mixed`: co-operatives dissolve less often than firms. The hazard ratio co-op/firm by Cox's
 * model stratified by replicate (Burdín 2014: about 0.71), and the difference of their 5-year
 * survival (Kaplan-Meier over all replicates' organisations; Québec: 64% vs 36%).
 */
export function coopFirmSurvivalFacts(runs: readonly FactRun[]): FactRow[] {
  const subjects = coopFirmSubjects(runs);
  const hr = coxHazardRatio(subjects);
  const anyExit = coxHazardRatio(coopFirmSubjects(runs, true));
  // Every organisation founded, employers or not (the measure until session 11), beside it.
  const everyOrganisation = coopFirmSubjects(runs, false, false);
  const all = coxHazardRatio(everyOrganisation);
  const coop = survivalOfGroup(subjects, 1, SURVIVAL_YEARS);
  const firm = survivalOfGroup(subjects, 0, SURVIVAL_YEARS);
  const difference = coop.survival - firm.survival;
  const se = Math.sqrt(coop.standardError ** 2 + firm.standardError ** 2);
  const z = 1.959963984540054;
  return [
    judged({
      id: 'coop-firm-hazard-ratio', scenario: 'mixed',
      statement: `co-operatives dissolve less often than firms: hazard ratio co-op/firm between ${HAZARD_RATIO_TARGET.min} and ${HAZARD_RATIO_TARGET.max} (Burdín 2014: about 0.71)`,
      measure: 'Cox proportional hazards by age, stratified by replicate (Breslow ties; Wald interval), organisations that were employers at their '
        + 'first anniversary (landmark at age one); dissolution = liquidation or winding up, merged or taken over = censored',
      unit: 'hazard ratio', target: { text: `${HAZARD_RATIO_TARGET.min} to ${HAZARD_RATIO_TARGET.max}`, ...HAZARD_RATIO_TARGET },
      estimate: hr?.ratio ?? null, ci95: hr?.ci95 ?? null, n: subjects.length,
      detail: {
        dissolutions: { cooperatives: hr?.events[0] ?? null, firms: hr?.events[1] ?? null },
        organisations: { cooperatives: subjects.filter((s) => s.group === 1).length, firms: subjects.filter((s) => s.group === 0).length },
        // Beside it: how long they stay independent (a merge or takeover ends that too).
        anyExitHazardRatio: anyExit === null ? null : { estimate: anyExit.ratio, ci95: anyExit.ci95 },
        // And over every organisation founded, including firms that never employed anyone.
        everyOrganisationHazardRatio: all === null ? null : {
          estimate: all.ratio, ci95: all.ci95, dissolutions: { cooperatives: all.events[0], firms: all.events[1] },
          organisations: { cooperatives: everyOrganisation.filter((s) => s.group === 1).length, firms: everyOrganisation.filter((s) => s.group === 0).length },
        },
      },
    }),
    judged({
      id: 'coop-firm-survival5y', scenario: 'mixed',
      statement: `co-operatives' ${SURVIVAL_YEARS}-year survival is higher than firms' (Québec: 64% vs 36%)`,
      measure: `Kaplan-Meier survival to age ${SURVIVAL_YEARS} (dissolution; absorbed censored) of the organisations that were employers at their first anniversary, `
        + `co-operatives minus firms, all replicates' organisations pooled; `
        + 'interval from Greenwood standard errors',
      unit: 'survival difference', target: { text: '> 0', min: 0, strict: true },
      estimate: Number.isFinite(difference) ? difference : null,
      ci95: Number.isFinite(difference) && Number.isFinite(se) ? [difference - z * se, difference + z * se] : null,
      n: subjects.length,
      detail: { cooperatives: coop.survival, firms: firm.survival },
    }),
  ];
}
