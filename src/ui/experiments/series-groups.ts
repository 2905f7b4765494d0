// The time-series charts of the experiment views: the single run's series charts (same titles,
// same reporters), split by unit so shares and money never share an axis.
import { colorAt } from '../charts/palette.ts';

export interface SeriesGroup {
  readonly id: string;
  readonly title: string;
  readonly pick: (ids: readonly string[]) => string[];
}

const among = (wanted: readonly string[]) => (ids: readonly string[]) => wanted.filter((id) => ids.includes(id));

export const SERIES_GROUPS: readonly SeriesGroup[] = [
  { id: 'inequality', title: 'Inequality over time', pick: among(['wealth.gini', 'wealth.top10', 'wealth.top1']) },
  { id: 'property', title: 'Property concentration', pick: (ids) => ids.filter((id) => id.startsWith('property.')) },
  { id: 'organisations', title: 'Organisations by kind', pick: (ids) => ids.filter((id) => /^[a-zA-Z]+\.count$/.test(id)) },
  { id: 'commune-finance', title: 'Commune finance', pick: among(['communes.ownedOutrightShare', 'communes.ownedOutrightCeilingOnSchedule', 'communes.interestShareOfRent', 'communes.dividendPerMember']) },
  { id: 'commune-bonds', title: 'Commune bonds', pick: among(['bonds.outstanding', 'bonds.losses', 'bonds.clearedShare', 'bonds.lossRate', 'bonds.clearingYield']) },
  { id: 'groups', title: 'Mean wealth by group', pick: (ids) => ids.filter((id) => /^wealth\.[a-zA-Z]+\.mean$/.test(id)) },
  { id: 'work', title: 'How people work', pick: (ids) => ids.filter((id) => /^persons\.[a-zA-Z]+Share$/.test(id)) },
];

export interface ReporterMeta {
  readonly id: string;
  readonly label: string;
  readonly unit: string;
}

/** Shares, ratios and indices on 0-1 share an axis; other units each get their own. */
export function unitGroup(unit: string): string {
  return /0-1/.test(unit) ? 'share or index (0 to 1)' : unit;
}

export interface SeriesPanel {
  readonly key: string;
  readonly title: string;
  readonly unit: string;
  readonly reporters: readonly (ReporterMeta & { color: string })[];
}

/** One panel per group and unit that the run reports. */
export function seriesPanels(reporters: readonly ReporterMeta[]): SeriesPanel[] {
  const ids = reporters.map((r) => r.id);
  return SERIES_GROUPS.flatMap((group) => {
    const picked = group.pick(ids).map((id, i) => ({ ...reporters.find((r) => r.id === id)!, color: colorAt(i) }));
    const units = [...new Set(picked.map((r) => unitGroup(r.unit)))];
    return units.map((unit) => ({
      key: units.length > 1 ? `${group.id}:${unit}` : group.id,
      title: units.length > 1 ? `${group.title} (${unit})` : group.title,
      unit,
      reporters: picked.filter((r) => unitGroup(r.unit) === unit),
    }));
  });
}
