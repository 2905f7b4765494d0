// The organisation tables of an economy run (MODEL.md 6, survival curves by kind and size):
// `organisations.csv`, one row per organisation and replicate (its founding, end, how it ended
// and its size at one year), and `survival.csv`, the Kaplan-Meier curves computed from them,
// one row per age at which something happened. Tidy, like series.csv: one observation a row.
import { MONTHS_PER_YEAR } from '../model/engine.ts';
import { ORG_KIND_NAMES, EXIT_NAMES } from '../model/economy/organisation-table.ts';
import { SIZE_CLASSES, sizeClassOf } from '../model/economy/size-classes.ts';
import { ageYears, survivalGroups } from '../model/economy/organisation-survival.ts';
import { replicateLabel, type RunMetrics } from './summary.ts';

/** A missing value is NaN or null: empty in CSV, null in JSON. */
export type Cell = string | number | null;
export interface Table {
  readonly columns: readonly string[];
  readonly rows: readonly (readonly Cell[])[];
}


export const ORGANISATION_COLUMNS = [
  'replicate', 'seed', 'organisation', 'kind', 'foundedYear', 'endedYear', 'ageYears', 'exit', 'sizeAtOneYear', 'sizeClassAtOneYear',
] as const;

export const SURVIVAL_COLUMNS = [
  'replicate', 'seed', 'kind', 'sizeAtOneYear', 'event', 'ageYears', 'atRisk', 'events', 'censored', 'survival', 'standardError',
] as const;

type Lives = NonNullable<RunMetrics['replicates'][number]['organisations']>;

/** Rows from every replicate that has organisations, each replicate's rows from `rowsOf`. */
function replicateRows(metrics: RunMetrics, rowsOf: (lives: Lives, label: string, rows: Cell[][]) => void): Cell[][] {
  const rows: Cell[][] = [];
  for (const result of metrics.replicates) {
    if (result.organisations !== undefined) rowsOf(result.organisations, replicateLabel(result.replicateKey), rows);
  }
  return rows;
}

/** An organisation alive at the end has no end year; one that never reached one year no size then. */
export function organisationsTable(metrics: RunMetrics, seed: string | number): Table {
  const rows = replicateRows(metrics, (lives, label, out) => {
    for (let i = 0; i < lives.kind.length; i++) {
      const size = lives.sizeAtOneYear[i]!;
      out.push([
        label, seed, i, ORG_KIND_NAMES[lives.kind[i]!]!, lives.foundedTick[i]! / MONTHS_PER_YEAR,
        lives.endedTick[i]! >= 0 ? lives.endedTick[i]! / MONTHS_PER_YEAR : Number.NaN, ageYears(lives, i),
        EXIT_NAMES[lives.exit[i]!]!, size >= 0 ? size : Number.NaN, size >= 0 ? SIZE_CLASSES[sizeClassOf(size)]!.label : null,
      ]);
    }
  });
  return { columns: ORGANISATION_COLUMNS, rows };
}

export function survivalTable(metrics: RunMetrics, seed: string | number): Table {
  const rows = replicateRows(metrics, (lives, label, out) => {
    for (const group of survivalGroups(lives)) {
      const c = group.curve;
      const size = group.sizeClass < 0 ? 'all' : SIZE_CLASSES[group.sizeClass]!.label;
      for (let k = 0; k < c.time.length; k++) {
        out.push([
          label, seed, ORG_KIND_NAMES[group.kind]!, size, group.event, c.time[k]!, c.atRisk[k]!, c.events[k]!,
          c.censored[k]!, c.survival[k]!, c.standardError[k]!,
        ]);
      }
    }
  });
  return { columns: SURVIVAL_COLUMNS, rows };
}

/** True when the run has organisations to describe (economy scenarios). */
export function hasOrganisations(metrics: RunMetrics): boolean {
  return metrics.replicates.some((r) => r.organisations !== undefined);
}
