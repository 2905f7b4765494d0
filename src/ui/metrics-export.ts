// Metrics as files with the CLI's columns (src/cli/run-output.ts): replicate, seed, tick,
// year, then one column per reporter id; the page's run is the CLI's `base` replicate.
import type { RunRecord } from './run-record.ts';
import { MONTHS_PER_YEAR } from '../model/engine.ts';

const REPLICATE = 'base';

function csvField(value: string): string {
  return /[",\n\r]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
}

export function metricsCsv(record: RunRecord): string {
  const ids = record.info?.scalars.map((s) => s.id) ?? [];
  const seed = csvField(String(record.info?.seed ?? ''));
  const lines = [['replicate', 'seed', 'tick', 'year', ...ids].map(csvField).join(',')];
  const columns = ids.map((id) => record.column(id));
  record.ticks().forEach((tick, row) => {
    const cells = [REPLICATE, seed, String(tick), String(tick / MONTHS_PER_YEAR)];
    for (const column of columns) cells.push(Number.isNaN(column[row]!) ? '' : String(column[row]!));
    lines.push(cells.join(','));
  });
  return `${lines.join('\n')}\n`;
}

/** The CLI's row records; the page adds nothing inside them so the files compare. */
export function metricsJson(record: RunRecord): string {
  const ids = record.info?.scalars.map((s) => s.id) ?? [];
  const seed = record.info?.seed ?? null;
  const columns = ids.map((id) => record.column(id));
  const rows = Array.from(record.ticks(), (tick, row) => {
    const out: Record<string, unknown> = { replicate: REPLICATE, seed, tick, year: tick / MONTHS_PER_YEAR };
    ids.forEach((id, c) => {
      const v = columns[c]![row]!;
      out[id] = Number.isFinite(v) ? v : null;
    });
    return out;
  });
  return `${JSON.stringify(rows)}\n`;
}

export function download(filename: string, content: Blob | string, type = 'text/plain'): void {
  const blob = typeof content === 'string' ? new Blob([content], { type }) : content;
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** A file name from a scenario name: lower case, dashes, nothing a file system minds. */
export function fileStem(name: string): string {
  const stem = name.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 60);
  return stem === '' ? 'scenario' : stem;
}
