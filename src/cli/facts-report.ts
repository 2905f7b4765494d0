// The facts as people and programs read them: a table for stdout, facts.json (provenance of
// every group of runs, then each fact's target, estimate, interval and result) and facts.csv
// (one row per fact, carrying the provenance a row needs to be traced: scenario file and hash,
// seed, replicate keys, persons, years, program version).
import type { FactRow } from '../model/facts.ts';
import type { Provenance } from './provenance.ts';
import { csvField, csvNumber } from './table.ts';

export const FACTS_FORMAT = 'commons-ledger-facts/1';

/** The provenance of one group of runs, with what it fed. */
export interface FactGroupProvenance {
  readonly group: string;
  readonly facts: readonly string[];
  readonly persons: number;
  readonly overrides: Readonly<Record<string, unknown>>;
  readonly provenance: Provenance;
}

export function factsJson(groups: readonly FactGroupProvenance[], rows: readonly FactRow[]): unknown {
  return {
    format: FACTS_FORMAT,
    allPass: rows.every((r) => r.pass),
    runs: groups,
    facts: rows,
  };
}

export const FACTS_CSV_COLUMNS = [
  'fact', 'scenario', 'statement', 'target', 'estimate', 'ci95Low', 'ci95High', 'unit', 'n', 'pass', 'intervalInTarget',
  'measure', 'scenarioFile', 'scenarioSha256', 'seed', 'replicateKeys', 'persons', 'years', 'version',
] as const;

export function factsCsv(groups: readonly FactGroupProvenance[], rows: readonly FactRow[]): string {
  const lines = [FACTS_CSV_COLUMNS.join(',')];
  for (const row of rows) {
    const group = groups.find((g) => g.facts.includes(row.id))!;
    const p = group.provenance;
    const number = (v: number | null | undefined) => csvNumber(v ?? Number.NaN);
    lines.push([
      csvField(row.id), csvField(row.scenario), csvField(row.statement), csvField(row.target.text),
      number(row.estimate), number(row.ci95?.[0]), number(row.ci95?.[1]), csvField(row.unit), String(row.n),
      row.pass ? 'pass' : 'fail', String(row.intervalInTarget), csvField(row.measure),
      csvField(p.scenarioFile), p.scenarioSha256, csvField(String(p.seed)), csvField(p.replicateKeys.join(' ')),
      String(group.persons), String(p.scenario.years), csvField(`${p.program.name} ${p.program.version}`),
    ].join(','));
  }
  return `${lines.join('\n')}\n`;
}

function shown(value: number | null | undefined): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return 'n/a';
  return Math.abs(value) >= 100 ? value.toFixed(0) : value.toFixed(3);
}

/** One line per fact: what it says, where, its target, estimate, interval and result. */
export function factsTable(rows: readonly FactRow[]): string {
  const header = ['fact', 'scenario', 'target', 'estimate', '95% interval', 'result'];
  const body = rows.map((r) => [
    r.id, r.scenario, r.target.text, shown(r.estimate),
    r.ci95 === null ? 'n/a' : `[${shown(r.ci95[0])}, ${shown(r.ci95[1])}]`,
    r.pass ? (r.intervalInTarget ? 'pass' : 'pass (interval crosses target)') : 'FAIL',
  ]);
  const widths = header.map((h, c) => Math.max(h.length, ...body.map((line) => line[c]!.length)));
  const format = (cells: readonly string[]) => cells.map((cell, c) => cell.padEnd(widths[c]!)).join('  ').trimEnd();
  const passed = rows.filter((r) => r.pass).length;
  return [
    format(header), format(widths.map((w) => '-'.repeat(w))), ...body.map(format), '',
    ...rows.map((r) => `${r.id}: ${r.statement}.`),
    '',
    `${passed} of ${rows.length} facts pass${passed === rows.length ? ' jointly' : ''}.`,
  ].join('\n');
}
