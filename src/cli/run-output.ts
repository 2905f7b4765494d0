// Writing a run's files. The output directory is checked (and a staging directory beside it
// made and removed) before the run starts; the files are written into that staging directory
// only once the run is over and moved in when complete, so a failed or interrupted run never
// leaves a half-written output directory, nor a staging one.
import { createHash } from 'node:crypto';
import { mkdirSync, renameSync, rmSync, rmdirSync, statSync, writeFileSync, readdirSync } from 'node:fs';
import { dirname, basename, extname, join, resolve } from 'node:path';
import { MONTHS_PER_YEAR } from '../model/engine.ts';
import { InputError } from './scenario-input.ts';
import { replicateLabel, type RunMetrics, type Summary } from './summary.ts';
import type { OutputFormat, TableFormat } from './arguments.ts';
import { hasOrganisations, organisationsTable, survivalTable } from './survival-output.ts';
import { cellOf, columnTypeOf, tableCsv, tableJson, type Cell, type ColumnType, type Table } from './table.ts';
import { tableParquet } from './parquet-table.ts';
import { eventsTable } from './events-output.ts';
import type { Provenance } from './provenance.ts';

/** The default output directory: runs/<file stem>-<parts joined by '-'>. */
export function runDirectory(file: string, parts: readonly string[]): string {
  return join('runs', [basename(file, extname(file)) || 'scenario', ...parts].join('-'));
}

const shortHash = (text: string) => createHash('sha256').update(text).digest('hex').slice(0, 8);

/**
 * 'seed<seed>': the seed as it is when safe for a file name, else made safe and followed by a
 * short hash of the seed itself, so two different seeds never share a folder.
 */
export function seedPart(seed: string | number): string {
  const text = String(seed);
  if (/^[A-Za-z0-9_-][A-Za-z0-9._-]{0,63}$/.test(text) && (typeof seed === 'number' || !/^\d/.test(text))) return `seed${text}`;
  // A text seed that reads as a number ("5") is a different seed from the number 5.
  return `seed${text.replace(/[^A-Za-z0-9._-]+/g, '_').slice(0, 40)}~${shortHash(`${typeof seed}:${text}`)}`;
}

/** JSON with sorted keys: the same overrides give the same text in any order. */
function canonical(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? String(value);
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  const record = value as Record<string, unknown>;
  return `{${Object.keys(record).sort().map((key) => `${JSON.stringify(key)}:${canonical(record[key])}`).join(',')}}`;
}

/**
 * 'set-<hash>' of the overrides other than the seed (which has its own part), or nothing
 * without any: `--set tax=0.02` never lands in the plain run's folder.
 */
export function overridesPart(overrides: Readonly<Record<string, unknown>>, extra?: unknown): string[] {
  const rest = Object.fromEntries(Object.entries(overrides).filter(([path]) => path !== 'seed'));
  if (Object.keys(rest).length === 0 && extra === undefined) return [];
  return [`set-${shortHash(canonical({ overrides: rest, extra: extra ?? null }))}`];
}

/** series.csv's table: one row per replicate and sampled month, every reporter a column. */
export function seriesTable(metrics: RunMetrics, seed: string | number): Table {
  const ids = metrics.reporters.map((r) => r.id);
  const seedType = columnTypeOf([seed]);
  const rows: Cell[][] = [];
  metrics.replicates.forEach((result, r) => {
    const label = replicateLabel(result.replicateKey);
    const columns = ids.map((id) => metrics.column(r, id));
    for (let row = 0; row < result.ticks.length; row++) {
      const tick = result.ticks[row]!;
      const cells: Cell[] = [label, cellOf(seed, seedType), tick, tick / MONTHS_PER_YEAR];
      for (const column of columns) cells.push(column[row]!);
      rows.push(cells);
    }
  });
  return {
    columns: ['replicate', 'seed', 'tick', 'year', ...ids],
    types: ['text', seedType, 'integer', 'real', ...ids.map((): ColumnType => 'real')],
    rows,
  };
}

export function seriesCsv(metrics: RunMetrics, seed: string | number): string {
  return tableCsv(seriesTable(metrics, seed));
}

export function seriesJson(metrics: RunMetrics, seed: string | number): string {
  const ids = metrics.reporters.map((r) => r.id);
  const rows: Record<string, unknown>[] = [];
  metrics.replicates.forEach((result, r) => {
    const columns = ids.map((id) => metrics.column(r, id));
    for (let row = 0; row < result.ticks.length; row++) {
      const tick = result.ticks[row]!;
      const record: Record<string, unknown> = { replicate: replicateLabel(result.replicateKey), seed, tick, year: tick / MONTHS_PER_YEAR };
      ids.forEach((id, c) => {
        const v = columns[c]![row]!;
        record[id] = Number.isFinite(v) ? v : null;
      });
      rows.push(record);
    }
  });
  return `${JSON.stringify(rows)}\n`;
}

/** Writes `table` as STEM.csv, STEM.json or STEM.parquet (provenance in the Parquet file's metadata). */
export function writeTable(output: RunOutput, stem: string, table: Table, format: TableFormat, provenance: Provenance): void {
  if (format === 'parquet') output.write(`${stem}.parquet`, tableParquet(table, provenance));
  else output.write(`${stem}.${format}`, format === 'json' ? tableJson(table) : tableCsv(table));
}

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Staging directories of earlier runs to the same target that were killed before the end. */
function removeAbandonedStaging(directory: string): void {
  const parent = dirname(directory);
  const prefix = `.${basename(directory)}.partial-`;
  let names: string[];
  try {
    names = readdirSync(parent);
  } catch {
    return;
  }
  for (const name of names) {
    if (!name.startsWith(prefix)) continue;
    const pid = Number(name.slice(prefix.length));
    if (Number.isSafeInteger(pid) && pid > 0 && !processAlive(pid)) rmSync(join(parent, name), { recursive: true, force: true });
  }
}

/** Makes the missing directories above `directory` one level at a time (a recursive mkdir can loop for ever on /proc). */
function makeParents(directory: string): void {
  const missing: string[] = [];
  for (let path = resolve(directory); ; path = dirname(path)) {
    try {
      if (!statSync(path).isDirectory()) throw new InputError(`--out: ${path} is not a directory`);
      break;
    } catch (error) {
      if (error instanceof InputError) throw error;
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT' || dirname(path) === path) throw error;
      missing.push(path);
    }
  }
  for (const path of missing.reverse()) mkdirSync(path);
}

function whyUnwritable(error: NodeJS.ErrnoException): string {
  switch (error.code) {
    case 'EACCES': case 'EPERM': return 'permission denied';
    case 'EROFS': return 'a read-only file system';
    case 'ENOENT': return 'the file system there does not allow new folders';
    case 'ENOSPC': return 'no space left on the device';
    case 'ENOTDIR': return 'a part of the path is a file, not a directory';
    default: return error.message;
  }
}

const SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;

/** An output directory being prepared: checked before the run starts, written after it. */
export class RunOutput {
  readonly directory: string;
  private readonly staging: string;
  private staged = false;
  private readonly onSignal = (signal: NodeJS.Signals) => {
    this.discard();
    // Ended as the signal would have ended it, with nothing half-written left behind.
    process.kill(process.pid, signal);
  };

  /** Fails with an InputError (before anything runs) if `directory` cannot be an output. */
  constructor(directory: string) {
    this.directory = directory;
    try {
      if (!statSync(directory).isDirectory()) throw new InputError(`--out: ${directory} exists and is not a directory`);
    } catch (error) {
      if (error instanceof InputError) throw error;
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw new InputError(`--out: cannot write ${directory}: ${whyUnwritable(error as NodeJS.ErrnoException)}`);
    }
    this.staging = join(dirname(directory), `.${basename(directory)}.partial-${process.pid}`);
    try {
      makeParents(dirname(directory));
      removeAbandonedStaging(directory);
      // Proves the directory can be written before the run, then leaves nothing behind.
      mkdirSync(this.staging);
      rmdirSync(this.staging);
    } catch (error) {
      if (error instanceof InputError) throw error;
      throw new InputError(`--out: cannot write ${directory}: ${whyUnwritable(error as NodeJS.ErrnoException)}`);
    }
  }

  write(name: string, content: string | Uint8Array): void {
    if (!this.staged) {
      for (const signal of SIGNALS) process.once(signal, this.onSignal);
      mkdirSync(this.staging);
      this.staged = true;
    }
    writeFileSync(join(this.staging, name), content);
  }

  /** Moves the staged files into the directory (replacing files of the same names). */
  commit(): string[] {
    const names = this.staged ? readdirSync(this.staging) : [];
    mkdirSync(this.directory, { recursive: true });
    for (const name of names) renameSync(join(this.staging, name), join(this.directory, name));
    this.discard();
    return names;
  }

  discard(): void {
    if (!this.staged) return;
    rmSync(this.staging, { recursive: true, force: true });
    for (const signal of SIGNALS) process.off(signal, this.onSignal);
    this.staged = false;
  }
}

export function writeRunFiles(output: RunOutput, metrics: RunMetrics, summary: Summary, format: OutputFormat): string[] {
  const { provenance } = summary;
  const seed = provenance.seed;
  // series.json keeps its own shape (null for a missing value, the seed as given).
  if (format === 'json') output.write('series.json', seriesJson(metrics, seed));
  else writeTable(output, 'series', seriesTable(metrics, seed), format, provenance);
  // Economies: every organisation's life and the survival curves computed from them.
  if (hasOrganisations(metrics)) {
    writeTable(output, 'organisations', organisationsTable(metrics, seed), format, provenance);
    writeTable(output, 'survival', survivalTable(metrics, seed), format, provenance);
  }
  if (metrics.replicates.some((r) => r.events !== undefined)) writeTable(output, 'events', eventsTable(metrics, seed), format, provenance);
  output.write('summary.json', `${JSON.stringify(summary, null, 2)}\n`);
  return output.commit();
}
