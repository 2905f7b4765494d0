// MODEL.md 6, survival curves as numbers a series can carry: the Kaplan-Meier share of each
// kind of organisation still going at ages 5 and 10, for failures only and for any exit. The
// whole curves are in the CLI's survival.csv and the browser's survival chart.
import type { ScalarReporter } from '../reporters.ts';
import { survivalAt } from '../survival.ts';
import type { EconomyState } from './economy-state.ts';
import { ABSORBED_WORDING, ORG_COMMUNE, ORG_COOPERATIVE, ORG_FIRM } from './organisation-table.ts';
import { organisationLifetimes, survivalCurve } from './organisation-survival.ts';
import { KIND_PREFIXES } from './organisation-sizes.ts';
import { perSample } from './sample-memo.ts';

type R = ScalarReporter<EconomyState>;
const AGES_YEARS = [5, 10] as const;

const curvesNow = perSample((s) => {
  const lives = organisationLifetimes(s);
  return [ORG_COMMUNE, ORG_FIRM, ORG_COOPERATIVE].map((kind) => ({
    failure: survivalCurve(lives, kind, -1, 'failure'), anyExit: survivalCurve(lives, kind, -1, 'any-exit'),
  }));
});

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
        sample: (s) => survivalAt(curvesNow(s)[kind]!.failure, age),
      });
      out.push({
        id: `${prefix}.anyExitSurvival${age}y`, label: `${Plural} neither failed nor ${ABSORBED_WORDING[kind]} at age ${age}`, unit: 'share 0-1',
        description: `Kaplan-Meier estimate of the share of ${plural} still independent ${age} years after founding (neither failed nor ${ABSORBED_WORDING[kind]})`,
        sample: (s) => survivalAt(curvesNow(s)[kind]!.anyExit, age),
      });
    }
  }
  return out;
}
