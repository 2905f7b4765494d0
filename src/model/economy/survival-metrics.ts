// MODEL.md 6, survival curves as numbers a series can carry: the Kaplan-Meier share of each
// kind of organisation still going at ages 5 and 10, for failures only and for any exit. The
// whole curves are in the CLI's survival.csv and the browser's survival chart.
import type { ScalarReporter } from '../reporters.ts';
import { survivalAt } from '../survival.ts';
import type { EconomyState } from './economy-state.ts';
import { ABSORBED_WORDING, ORG_COMMUNE, ORG_COOPERATIVE, ORG_FIRM } from './organisation-table.ts';
import { ageCountsByKind, organisationLifetimes, survivalAtMonths, survivalCurve, type SurvivalEvent } from './organisation-survival.ts';
import { KIND_PREFIXES } from './organisation-sizes.ts';
import { perSample } from './sample-memo.ts';
import { MONTHS_PER_YEAR } from '../engine.ts';

type R = ScalarReporter<EconomyState>;
const AGES_YEARS = [5, 10] as const;

/** Organisations counted by age in months at this sample: the curves' rows without sorting every organisation. */
const ageCountsNow = perSample((s) => ageCountsByKind(s));

/** Survival of a kind at an age: from the age counts, or from the whole curve if some age was out of range. */
function survivalNow(s: EconomyState, kind: number, event: SurvivalEvent, ageYears: number): number {
  const counts = ageCountsNow(s);
  if (counts !== null) return survivalAtMonths(counts[kind]!, event, ageYears * MONTHS_PER_YEAR);
  return survivalAt(survivalCurve(organisationLifetimes(s), kind, -1, event), ageYears);
}

/** Kaplan-Meier survival at ages 5 and 10, per kind and event: NaN until some organisation is that old. */
export function survivalReporters(): R[] {
  const out: R[] = [];
  for (const kind of [ORG_COMMUNE, ORG_FIRM, ORG_COOPERATIVE]) {
    const plural = KIND_PREFIXES[kind]!;
    const prefix = plural;
    const Plural = `${plural[0]!.toUpperCase()}${plural.slice(1)}`;
    for (const age of AGES_YEARS) {
      out.push({
        id: `${prefix}.survival${age}y`, label: `${Plural} not failed at age ${age}`, unit: 'share 0-1',
        description: `Kaplan-Meier estimate of the share of ${plural} that have not failed ${age} years after founding (${ABSORBED_WORDING[kind]} ones censored)`,
        sample: (s) => survivalNow(s, kind, 'failure', age),
      });
      out.push({
        id: `${prefix}.anyExitSurvival${age}y`, label: `${Plural} neither failed nor ${ABSORBED_WORDING[kind]} at age ${age}`, unit: 'share 0-1',
        description: `Kaplan-Meier estimate of the share of ${plural} still independent ${age} years after founding (neither failed nor ${ABSORBED_WORDING[kind]})`,
        sample: (s) => survivalNow(s, kind, 'any-exit', age),
      });
    }
  }
  return out;
}
