// Which charts a run gets. Each chart names the reporters or events it needs; a chart whose
// reporters the scenario does not provide stays hidden, so the same page serves the kinetic
// reference models and the economy.
import { html, type TemplateResult } from 'lit';
import type { RunRecord } from './run-record.ts';
import { decileIds } from './charts/decile-bars.ts';
import './charts/agent-dots.ts';
import './charts/wealth-histogram.ts';
import './charts/lorenz-curve.ts';
import './charts/series-chart.ts';
import './charts/decile-bars.ts';
import './charts/event-timeline.ts';
import './charts/size-class-bars.ts';
import './charts/survival-curves.ts';
import './charts/organisation-map.ts';
import { KIND_PREFIXES, sizeClassReporterIds } from '../model/economy/organisation-sizes.ts';
import { absentKindSeries, kindPresent } from './kind-series.ts';

export interface ChartSpec {
  readonly id: string;
  readonly title: string;
  readonly applies: (record: RunRecord) => boolean;
  readonly view: (record: RunRecord) => TemplateResult;
}

function scalarIds(record: RunRecord): string[] {
  return record.info?.scalars.map((s) => s.id) ?? [];
}

/** The distribution the single-distribution charts draw: wealth, or the first there is. */
export function mainDistribution(record: RunRecord): string | undefined {
  const ids = record.info?.distributions.map((d) => d.id) ?? [];
  return ids.includes('wealth') ? 'wealth' : ids[0];
}

function seriesSpec(id: string, title: string, pick: (ids: string[]) => string[], markEvents = false): ChartSpec {
  // The reporters drawn, from the run's metadata, less those of kinds the run has not had.
  const ids = (record: RunRecord) => {
    const absent = absentKindSeries(record);
    return pick(scalarIds(record)).filter((i) => !absent.has(i));
  };
  return {
    id, title,
    applies: (record) => ids(record).length > 0,
    view: (record) => html`<series-chart .record=${record} .version=${record.version} .ids=${ids(record)}
      ?markEvents=${markEvents} label=${title}></series-chart>`,
  };
}

/** The reporters among `wanted` that the run has, in the order given. */
const among = (wanted: readonly string[]) => (ids: string[]) => wanted.filter((id) => ids.includes(id));

/** Every kind's size-class reporters (the size chart shows whichever the run has). */
const SIZE_CLASS_IDS = KIND_PREFIXES.flatMap(sizeClassReporterIds);

/** MODEL.md 6 and 7 (v3), commune finance: ownership beside its true ceiling (every series paid on schedule; the v2 pooled figure was no bound), interest leaving, dividends. */
const COMMUNE_FINANCE = ['communes.ownedOutrightShare', 'communes.ownedOutrightCeilingOnSchedule', 'communes.interestShareOfRent', 'communes.dividendPerMember'];
/** MODEL.md 6, commune finance: requests cleared, bonds outstanding and lost, clearing yield. */
const COMMUNE_BONDS = ['bonds.outstanding', 'bonds.losses', 'bonds.clearedShare', 'bonds.lossRate', 'bonds.clearingYield'];

export const CHARTS: readonly ChartSpec[] = [
  {
    id: 'agents', title: 'Every agent',
    applies: (record) => {
      const d = mainDistribution(record);
      return d !== undefined && (record.distributions.get(d)?.values ?? null) !== null;
    },
    view: (record) => html`<agent-dots .record=${record} .version=${record.version}
      distribution=${mainDistribution(record) ?? 'wealth'} label="Every agent"></agent-dots>`,
  },
  seriesSpec('inequality', 'Inequality over time', (ids) => ['wealth.gini', 'wealth.top10', 'wealth.top1'].filter((id) => ids.includes(id))),
  {
    id: 'histogram', title: 'How wealth is spread',
    applies: (record) => mainDistribution(record) !== undefined,
    view: (record) => html`<wealth-histogram .record=${record} .version=${record.version}
      distribution=${mainDistribution(record) ?? 'wealth'} label="How wealth is spread"></wealth-histogram>`,
  },
  {
    id: 'lorenz', title: 'Lorenz curve',
    applies: (record) => mainDistribution(record) !== undefined,
    view: (record) => html`<lorenz-curve .record=${record} .version=${record.version}
      distribution=${mainDistribution(record) ?? 'wealth'} label="Lorenz curve"></lorenz-curve>`,
  },
  seriesSpec('property', 'Property concentration', (ids) => ids.filter((id) => id.startsWith('property.'))),
  seriesSpec('organisations', 'Organisations by kind', (ids) => ids.filter((id) => /^[a-zA-Z]+\.count$/.test(id)), true),
  {
    id: 'org-map', title: 'The organisations',
    applies: (record) => record.organisationsNow !== null && (record.organisations?.kind.length ?? 0) > 0,
    view: (record) => html`<organisation-map .record=${record} .version=${record.version} label="The organisations"></organisation-map>`,
  },
  {
    id: 'merges', title: 'Organisation events',
    applies: (record) => record.events.length > 0,
    view: (record) => html`<event-timeline .record=${record} .version=${record.version} label="Organisation events"></event-timeline>`,
  },
  {
    id: 'org-sizes', title: 'Organisation sizes',
    applies: (record) => SIZE_CLASS_IDS.some((id) => record.has(id)),
    view: (record) => html`<size-class-bars .record=${record} .version=${record.version} label="Organisation sizes"></size-class-bars>`,
  },
  {
    id: 'survival', title: 'How long organisations last',
    applies: (record) => record.info?.kind === 'economy' && record.organisations !== null,
    view: (record) => html`<survival-curves .record=${record} .version=${record.version} label="How long organisations last"></survival-curves>`,
  },
  seriesSpec('commune-finance', 'Commune finance', among(COMMUNE_FINANCE)),
  seriesSpec('commune-bonds', 'Commune bonds', among(COMMUNE_BONDS)),
  seriesSpec('groups', 'Mean wealth by group', (ids) => ids.filter((id) => /^wealth\.[a-zA-Z]+\.mean$/.test(id))),
  seriesSpec('work', 'How people work', (ids) => ids.filter((id) => /^persons\.[a-zA-Z]+Share$/.test(id))),
  {
    id: 'rent-dividend', title: 'Rent minus dividend by decile',
    applies: (record) => decileIds(scalarIds(record), 'rentMinusDividend').length > 0,
    view: (record) => html`<decile-bars .record=${record} .version=${record.version} decilesOf="rentMinusDividend"
      label="Rent minus dividend by decile"></decile-bars>`,
  },
];

/** Charts about communes, hidden while the run has none (a capitalist-only run drew them flat). */
const COMMUNE_CHARTS = new Set(['commune-finance', 'commune-bonds', 'rent-dividend']);

export function chartsFor(record: RunRecord): ChartSpec[] {
  const communes = kindPresent(record, 'communes.count');
  return CHARTS.filter((spec) => spec.applies(record) && (communes || !COMMUNE_CHARTS.has(spec.id)));
}
