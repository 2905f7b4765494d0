// Which series belong to one kind of organisation, so a chart leaves out a kind the run has
// not had (a capitalist-only run drew flat, empty commune and co-op panels), and the colour
// each such series wears: the kind's own, as in the agents' picture and the organisations view.
import type { RunRecord } from './run-record.ts';
import { KIND_COLORS, ORG_KIND_COLORS } from './charts/kind-colors.ts';

/** Per kind of organisation (ORG_* order): its count reporter and the series about its people. */
export const KIND_SERIES: readonly { readonly count: string; readonly ids: readonly string[] }[] = [
  { count: 'communes.count', ids: ['communes.count', 'persons.producerShare', 'wealth.communeMembers.mean', 'wealth.producers.mean'] },
  { count: 'firms.count', ids: ['firms.count', 'persons.employeeShare', 'wealth.employees.mean'] },
  { count: 'cooperatives.count', ids: ['cooperatives.count', 'persons.memberWorkerShare', 'wealth.cooperativeMembers.mean'] },
];

/** Whether the run has had any organisation of the kind whose count reporter is `countId` (true when it has no such reporter). */
export function kindPresent(record: RunRecord, countId: string): boolean {
  if (!record.has(countId)) return true;
  const counts = record.column(countId);
  for (let i = 0; i < counts.length; i++) if (counts[i]! > 0) return true;
  return false;
}

/** The series of kinds the run has not had so far (a kind founded later appears with its first organisation). */
export function absentKindSeries(record: RunRecord): Set<string> {
  return new Set(KIND_SERIES.flatMap((kind) => (kindPresent(record, kind.count) ? [] : kind.ids)));
}

const SERIES_COLORS: Readonly<Record<string, string>> = {
  'communes.count': ORG_KIND_COLORS[0]!,
  'firms.count': ORG_KIND_COLORS[1]!,
  'cooperatives.count': ORG_KIND_COLORS[2]!,
  'persons.producerShare': KIND_COLORS.communeMember,
  'persons.selfEmployedShare': KIND_COLORS.selfEmployed,
  'persons.idleShare': KIND_COLORS.idle,
  'persons.employeeShare': KIND_COLORS.employee,
  'persons.memberWorkerShare': KIND_COLORS.coopMember,
  'persons.hardshipShare': '#374151',
  'wealth.capitalists.mean': KIND_COLORS.capitalist,
  'wealth.communeMembers.mean': KIND_COLORS.communeMember,
  'wealth.producers.mean': KIND_COLORS.communeProducer,
  'wealth.selfEmployed.mean': KIND_COLORS.selfEmployed,
  'wealth.employees.mean': KIND_COLORS.employee,
  'wealth.cooperativeMembers.mean': KIND_COLORS.coopMember,
};

/** Every series with a kind colour. */
export const COLOURED_SERIES: readonly string[] = Object.keys(SERIES_COLORS);

/** The kind colour of a series about one kind of organisation or way of working; undefined for others. */
export function seriesColor(id: string): string | undefined {
  return SERIES_COLORS[id];
}
