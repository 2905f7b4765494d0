// `--format parquet` of sim, sweep and claims, read back by an independent reader (DuckDB,
// through @duckdb/node-api; the writer is hyparquet-writer): every Parquet file has the CSV's
// columns in the CSV's order, the types a CSV reader infers, the same values row for row, and
// the run's provenance in its key-value metadata.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main as simMain } from '../../src/cli/main.ts';
import { main as sweepMain } from '../../src/cli/sweep-main.ts';
import { claimsMain } from '../../src/cli/claims-main.ts';

const dir = mkdtempSync(join(tmpdir(), 'parquet-output-'));
const scenario = join(dir, 'economy.yaml');
let duck: DuckDBConnection;

beforeAll(async () => {
  writeFileSync(scenario, [
    'kind: economy', 'name: small economy', 'seed: 3', 'years: 3',
    'persons: { count: 300, capitalistShare: 0.02 }',
    'communes: { initialCount: 2, foundersEach: 4 }',
    'firms: { enabled: true, initialCount: 2 }',
    'cooperatives: { initialCount: 2, foundersEach: 3 }', '',
  ].join('\n'));
  duck = await (await DuckDBInstance.create(':memory:')).connect();
});
afterAll(() => {
  duck?.closeSync();
  rmSync(dir, { recursive: true, force: true });
});

const quote = (text: string) => `'${text.replaceAll("'", "''")}'`;
const quoteName = (text: string) => `"${text.replaceAll('"', '""')}"`;

async function rows(sql: string): Promise<Record<string, unknown>[]> {
  return (await duck.runAndReadAll(sql)).getRowObjectsJson() as Record<string, unknown>[];
}

async function schema(source: string): Promise<{ name: string; type: string }[]> {
  return (await rows(`DESCRIBE SELECT * FROM ${source}`)).map((r) => ({ name: String(r.column_name), type: String(r.column_type) }));
}

/** Types a CSV reader may infer for a column the Parquet file holds as `parquetType`. */
function csvTypesFor(parquetType: string): string[] {
  // A real column whose values all happen to be whole reads as whole numbers from CSV; a
  // number column with no value at all (checked below) as text.
  if (parquetType === 'DOUBLE') return ['DOUBLE', 'BIGINT', 'VARCHAR'];
  return parquetType === 'BIGINT' ? ['BIGINT', 'VARCHAR'] : [parquetType];
}

/** Checks `stem`.parquet in `parquetDir` against `stem`.csv in `csvDir`; returns its key-value metadata. */
async function expectSameTable(csvDir: string, parquetDir: string, stem: string): Promise<Record<string, string>> {
  const parquet = `read_parquet(${quote(join(parquetDir, `${stem}.parquet`))})`;
  const csvPath = quote(join(csvDir, `${stem}.csv`));
  const parquetSchema = await schema(parquet);
  const sniffed = await schema(`read_csv(${csvPath}, header = true)`);
  expect(parquetSchema.map((c) => c.name)).toEqual(sniffed.map((c) => c.name));
  expect(parquetSchema.map((c) => c.type).every((t) => ['VARCHAR', 'BIGINT', 'DOUBLE'].includes(t))).toBe(true);
  for (const [i, column] of parquetSchema.entries()) {
    expect(csvTypesFor(column.type), `${stem}.${column.name}: CSV reads ${sniffed[i]!.type}`).toContain(sniffed[i]!.type);
    if (column.type !== 'VARCHAR' && sniffed[i]!.type === 'VARCHAR') {
      // Only a column with no value at all (every cell empty) reads as text from CSV where the Parquet has numbers.
      const [values] = await rows(`SELECT count(${quoteName(column.name)}) AS n FROM ${parquet}`);
      expect(values, `${stem}.${column.name}`).toEqual({ n: '0' });
    }
  }
  // The CSV read with the Parquet's types: the same multiset of rows, NULL where the CSV is empty.
  const columns = `{${parquetSchema.map((c) => `${quote(c.name)}: ${quote(c.type)}`).join(', ')}}`;
  const csv = `read_csv(${csvPath}, header = true, columns = ${columns})`;
  const [counts] = await rows(`SELECT (SELECT count(*) FROM ${parquet}) AS p, (SELECT count(*) FROM ${csv}) AS c,
    (SELECT count(*) FROM (SELECT * FROM ${parquet} EXCEPT ALL SELECT * FROM ${csv})) AS onlyParquet,
    (SELECT count(*) FROM (SELECT * FROM ${csv} EXCEPT ALL SELECT * FROM ${parquet})) AS onlyCsv`);
  expect(counts).toMatchObject({ onlyParquet: '0', onlyCsv: '0' });
  expect(Number(counts!.p)).toBeGreaterThan(0);
  expect(counts!.p).toBe(counts!.c);
  const metadata = await rows(`SELECT decode(key) AS key, decode(value) AS value FROM parquet_kv_metadata(${quote(join(parquetDir, `${stem}.parquet`))})`);
  return Object.fromEntries(metadata.map((m) => [String(m.key), String(m.value)]));
}

/** The provenance a run wrote beside its tables must be the Parquet metadata's. */
function expectProvenance(metadata: Record<string, string>, provenance: { scenario: unknown; seed: unknown; program: { version: string }; commandLine: string[] }, command: string) {
  expect(JSON.parse(metadata.scenario!)).toEqual(provenance.scenario);
  expect(JSON.parse(metadata.seed!)).toEqual(provenance.seed);
  expect(metadata.version).toBe(`commons-ledger ${provenance.program.version}`);
  expect(metadata.command).toBe(provenance.commandLine.join(' '));
  expect(metadata.command).toContain(command);
  expect(metadata.command).toContain('--format parquet');
  expect(JSON.parse(metadata.provenance!)).toEqual(provenance);
}

async function bothFormats(run: (argv: string[]) => Promise<number>, name: string, argv: string[]): Promise<{ csv: string; parquet: string }> {
  const csv = join(dir, `${name}-csv`);
  const parquet = join(dir, `${name}-parquet`);
  expect(await run([...argv, '--out', csv, '-q', '--workers', '0'])).toBe(0);
  expect(await run([...argv, '--out', parquet, '-q', '--workers', '0', '--format', 'parquet'])).toBe(0);
  return { csv, parquet };
}

describe('--format parquet, read by DuckDB', () => {
  it('sim: series, organisations, survival and events have the CSV\'s columns, types and values', async () => {
    const { csv, parquet } = await bothFormats((argv) => simMain(argv), 'sim', [scenario, '--replicates', '2', '--events']);
    const summary = JSON.parse(readFileSync(join(parquet, 'summary.json'), 'utf8'));
    for (const stem of ['series', 'organisations', 'survival', 'events']) {
      expectProvenance(await expectSameTable(csv, parquet, stem), summary.provenance, '--replicates 2');
    }
    // A firm's line is text, set for every firm and for nothing else.
    const organisations = `read_parquet(${quote(join(parquet, 'organisations.parquet'))})`;
    expect((await schema(organisations)).find((c) => c.name === 'line')?.type).toBe('VARCHAR');
    const lines = await rows(`SELECT kind, line, count(*) AS n FROM ${organisations} GROUP BY ALL ORDER BY ALL`);
    expect(lines.length).toBeGreaterThan(0);
    for (const { kind, line } of lines) expect(kind === 'firm' ? ['producer', 'landlord'] : [null]).toContain(line);
    expect(lines.some((r) => r.kind === 'firm')).toBe(true);
  }, 120_000);

  it('sweep: sweep rows and the chosen series have the CSV\'s columns, types and values', async () => {
    const { csv, parquet } = await bothFormats((argv) => sweepMain(argv), 'sweep',
      [scenario, '--vary', 'bonds.maxYield=0.1,0.2', '--vary', 'communes.excessRent=prepay,dividend', '--series', 'wealth.gini']);
    const { provenance } = JSON.parse(readFileSync(join(parquet, 'sweep.json'), 'utf8'));
    for (const stem of ['sweep', 'sweep-series']) expectProvenance(await expectSameTable(csv, parquet, stem), provenance, '--vary bonds.maxYield');
  }, 120_000);

  it('claims: claims rows have the CSV\'s columns, types and values', async () => {
    const { csv, parquet } = await bothFormats((argv) => claimsMain(argv), 'claims', [scenario, '--replicates', '2', '--only', '1,6']);
    const { provenance } = JSON.parse(readFileSync(join(parquet, 'claims.json'), 'utf8'));
    expectProvenance(await expectSameTable(csv, parquet, 'claims'), provenance, '--only 1,6');
  }, 120_000);
});
