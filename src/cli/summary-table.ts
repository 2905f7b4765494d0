// The summary printed to stdout: one line per measurement, its final value, or its mean ±
// sd and 95% interval across replicates.
import type { Measurement, Summary } from './summary.ts';

/** Four significant digits, without exponent for everyday magnitudes. */
export function formatValue(value: number | null): string {
  if (value === null || !Number.isFinite(value)) return 'n/a';
  if (value === 0) return '0';
  const magnitude = Math.abs(value);
  if (magnitude >= 1e7 || magnitude < 1e-4) return value.toExponential(3);
  return String(Number(value.toPrecision(4)));
}

/** Cells of one line: id, mean (or the single value), ± sd, interval, unit. */
function cells(m: Measurement, replicates: number): string[] {
  const { mean, sd, ci95 } = m.acrossReplicates;
  const unit = m.note === undefined ? m.unit : `${m.unit}  ${m.note}`;
  if (replicates <= 1) return [m.id, formatValue(mean), unit];
  const interval = ci95 === null ? '' : `[${formatValue(ci95[0])}, ${formatValue(ci95[1])}]`;
  return [m.id, formatValue(mean), `± ${formatValue(sd)}`, interval, unit];
}

/** Left-aligned text columns, numbers right-aligned (the second column). */
function alignColumns(rows: readonly string[][]): string[] {
  const widths: number[] = [];
  for (const row of rows) row.forEach((cell, i) => { widths[i] = Math.max(widths[i] ?? 0, cell.length); });
  return rows.map((row) => `  ${row.map((cell, i) => {
    if (i === row.length - 1) return cell;
    return i === 1 ? cell.padStart(widths[i]!) : cell.padEnd(widths[i]!);
  }).join('  ')}`);
}

export function summaryTable(summary: Summary): string {
  const lines: string[] = [];
  const scenario = summary.provenance.scenario;
  const replicates = summary.replicates.length;
  const first = summary.replicates[0];
  lines.push(`${scenario.name} (${scenario.kind}), seed ${JSON.stringify(scenario.seed)}, `
    + `${scenario.years} years, ${first?.agentCount ?? '?'} agents, `
    + `${replicates === 1 ? `replicate ${first?.replicate}` : `${replicates} replicates`}`);
  for (const [key, measurements] of Object.entries(summary.sections)) {
    lines.push('');
    const heading = replicates > 1 ? `${key}: mean ± sd  [95% interval of the mean]` : `${key}:`;
    lines.push(heading);
    lines.push(...alignColumns(measurements.map((m) => cells(m, replicates))));
  }
  return lines.join('\n');
}
