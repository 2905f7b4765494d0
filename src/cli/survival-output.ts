// The organisation tables of an economy run (MODEL.md 6, survival curves by kind and size):
// `organisations.csv`, one row per organisation and replicate (a firm's line of business, its
// founding, end, how it ended, its size at one year and at its end), and `survival.csv`, the
// Kaplan-Meier curves computed from them, one row per age at which something happened. Tidy,
// like series.csv: one observation a row.
import { EXIT_NAMES, FIRM_LINE_NAMES, ORG_FIRM, ORG_KIND_NAMES } from '../model/economy/organisation-table.ts';
import { SIZE_CLASSES, sizeClassOf } from '../model/economy/size-classes.ts';
import { ageYears, endedYear, foundedYear, survivalGroups, type OrganisationLifetimes } from '../model/economy/organisation-survival.ts';
import { replicateLabel, type RunMetrics } from './summary.ts';
import { cellOf, columnTypeOf, type Cell, type ColumnType, type Table } from './table.ts';

export const ORGANISATION_COLUMNS = [
  'replicate', 'seed', 'organisation', 'kind', 'line', 'foundedYear', 'endedYear', 'ageYears', 'exit', 'sizeAtOneYear', 'sizeClassAtOneYear', 'sizeAtEnd',
] as const;
const ORGANISATION_TYPES: readonly ColumnType[] = [
  'text', 'text', 'integer', 'text', 'text', 'real', 'real', 'real', 'text', 'integer', 'text', 'integer',
];

export const SURVIVAL_COLUMNS = [
  'replicate', 'seed', 'kind', 'sizeAtOneYear', 'event', 'ageYears', 'atRisk', 'events', 'censored', 'survival', 'standardError',
] as const;
const SURVIVAL_TYPES: readonly ColumnType[] = [
  'text', 'text', 'text', 'text', 'text', 'real', 'integer', 'integer', 'integer', 'real', 'real',
];

/** Column types with the seed's (column 1): a number seed is a number column, a text seed text. */
const typesWithSeed = (types: readonly ColumnType[], seedType: ColumnType) => types.map((t, i) => (i === 1 ? seedType : t));

/** Rows from every replicate that has organisations, each replicate's rows from `rowsOf`. */
function replicateRows(metrics: RunMetrics, rowsOf: (lives: OrganisationLifetimes, label: string) => Cell[][]): Cell[][] {
  return metrics.replicates.flatMap((result) => (
    result.organisations === undefined ? [] : rowsOf(result.organisations, replicateLabel(result.replicateKey))));
}

/**
 * An organisation alive at the end has no end year; one that never reached one year no size then;
 * only a firm has a line (producer or landlord, its founder's choice for life).
 */
export function organisationsTable(metrics: RunMetrics, seed: string | number): Table {
  const seedType = columnTypeOf([seed]);
  const rows = replicateRows(metrics, (lives, label) => Array.from(lives.kind, (kind, i) => {
    const size = lives.sizeAtOneYear[i]!;
    return [
      label, cellOf(seed, seedType), i, ORG_KIND_NAMES[kind]!, kind === ORG_FIRM ? FIRM_LINE_NAMES[lives.line[i]!]! : null,
      foundedYear(lives, i), endedYear(lives, i), ageYears(lives, i),
      EXIT_NAMES[lives.exit[i]!]!, size >= 0 ? size : Number.NaN, size >= 0 ? SIZE_CLASSES[sizeClassOf(size)]!.label : null,
      lives.sizeAtEnd[i]!,
    ];
  }));
  return { columns: ORGANISATION_COLUMNS, types: typesWithSeed(ORGANISATION_TYPES, seedType), rows };
}

export function survivalTable(metrics: RunMetrics, seed: string | number): Table {
  const seedType = columnTypeOf([seed]);
  const rows = replicateRows(metrics, (lives, label) => survivalGroups(lives).flatMap((group) => {
    const c = group.curve;
    const size = group.sizeClass < 0 ? 'all' : SIZE_CLASSES[group.sizeClass]!.label;
    return Array.from(c.time, (time, k): Cell[] => [
      label, cellOf(seed, seedType), ORG_KIND_NAMES[group.kind]!, size, group.event, time, c.atRisk[k]!, c.events[k]!,
      c.censored[k]!, c.survival[k]!, c.standardError[k]!,
    ]);
  }));
  return { columns: SURVIVAL_COLUMNS, types: typesWithSeed(SURVIVAL_TYPES, seedType), rows };
}

/** True when the run has organisations to describe (economy scenarios). */
export function hasOrganisations(metrics: RunMetrics): boolean {
  return metrics.replicates.some((r) => r.organisations !== undefined);
}
