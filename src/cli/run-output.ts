// Writing a run's files. Everything is written into a staging directory beside the target
// and moved in only when complete, so a failed or interrupted run never leaves a
// half-written output directory.
import { mkdirSync, renameSync, rmSync, statSync, writeFileSync, readdirSync } from 'node:fs';
import { dirname, basename, extname, join } from 'node:path';
import { MONTHS_PER_YEAR } from '../model/engine.ts';
import { InputError } from './scenario-input.ts';
import { replicateLabel, type RunMetrics, type Summary } from './summary.ts';
import type { OutputFormat } from './arguments.ts';
import { hasOrganisations, organisationsTable, survivalTable, type Table } from './survival-output.ts';

/** The default output directory: runs/<file stem>-<parts joined by '-'>. */
export function runDirectory(file: string, parts: readonly string[]): string {
  return join('runs', [basename(file, extname(file)) || 'scenario', ...parts].join('-'));
}

/** 'seed<seed>', the seed made safe for a file name. */
export function seedPart(seed: string | number): string {
  return `seed${String(seed).replace(/[^A-Za-z0-9._-]+/g, '_').slice(0, 64)}`;
}

export function csvField(value: string): string {
  return /[",\n\r]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
}

/** Shortest text that reads back as the same double; empty for a missing value. */
export function csvNumber(value: number): string {
  return Number.isNaN(value) ? '' : String(value);
}

export function seriesCsv(metrics: RunMetrics, seed: string | number): string {
  const ids = metrics.reporters.map((r) => r.id);
  const lines = [['replicate', 'seed', 'tick', 'year', ...ids].map(csvField).join(',')];
  const seedText = csvField(String(seed));
  metrics.replicates.forEach((result, r) => {
    const label = csvField(replicateLabel(result.replicateKey));
    const columns = ids.map((id) => metrics.column(r, id));
    for (let row = 0; row < result.ticks.length; row++) {
      const tick = result.ticks[row]!;
      const cells = [label, seedText, String(tick), String(tick / MONTHS_PER_YEAR)];
      for (const column of columns) cells.push(csvNumber(column[row]!));
      lines.push(cells.join(','));
    }
  });
  return `${lines.join('\n')}\n`;
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

export function tableCsv(table: Table): string {
  const lines = [table.columns.map(csvField).join(',')];
  for (const row of table.rows) {
    lines.push(row.map((cell) => (cell === null ? '' : typeof cell === 'number' ? csvNumber(cell) : csvField(cell))).join(','));
  }
  return `${lines.join('\n')}\n`;
}

export function tableJson(table: Table): string {
  const records = table.rows.map((row) => Object.fromEntries(table.columns.map((column, i) => {
    const cell = row[i] ?? null;
    return [column, typeof cell === 'number' && !Number.isFinite(cell) ? null : cell];
  })));
  return `${JSON.stringify(records)}\n`;
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

/** An output directory being prepared: checked and staged before the run starts. */
export class RunOutput {
  readonly directory: string;
  private readonly staging: string;

  /** Fails with an InputError (before anything runs) if `directory` cannot be an output. */
  constructor(directory: string) {
    this.directory = directory;
    try {
      if (!statSync(directory).isDirectory()) throw new InputError(`--out: ${directory} exists and is not a directory`);
    } catch (error) {
      if (error instanceof InputError) throw error;
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw new InputError(`--out: ${directory}: ${(error as Error).message}`);
    }
    this.staging = join(dirname(directory), `.${basename(directory)}.partial-${process.pid}`);
    try {
      removeAbandonedStaging(directory);
      mkdirSync(this.staging, { recursive: true });
    } catch (error) {
      throw new InputError(`--out: cannot write beside ${directory}: ${(error as Error).message}`);
    }
  }

  write(name: string, text: string): void {
    writeFileSync(join(this.staging, name), text);
  }

  /** Moves the staged files into the directory (replacing files of the same names). */
  commit(): string[] {
    const names = readdirSync(this.staging);
    mkdirSync(this.directory, { recursive: true });
    for (const name of names) renameSync(join(this.staging, name), join(this.directory, name));
    this.discard();
    return names;
  }

  discard(): void {
    rmSync(this.staging, { recursive: true, force: true });
  }
}

export function writeRunFiles(output: RunOutput, metrics: RunMetrics, summary: Summary, format: OutputFormat): string[] {
  const seed = summary.provenance.seed;
  if (format === 'json') output.write('series.json', seriesJson(metrics, seed));
  else output.write('series.csv', seriesCsv(metrics, seed));
  // Economies: every organisation's life and the survival curves computed from them.
  if (hasOrganisations(metrics)) {
    const write = (stem: string, table: Table) => output.write(`${stem}.${format}`, format === 'json' ? tableJson(table) : tableCsv(table));
    write('organisations', organisationsTable(metrics, seed));
    write('survival', survivalTable(metrics, seed));
  }
  output.write('summary.json', `${JSON.stringify(summary, null, 2)}\n`);
  return output.commit();
}
