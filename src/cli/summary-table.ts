// The summary printed to stdout: one line per measurement, its final value, or its mean ±
// sd and 95% interval across replicates.
import type { Measurement, Summary } from './summary.ts';

/**
 * How far from 0, relative to the numbers it was computed from, a value can land by rounding
 * alone: a few units in the last place of a sum or a difference (64 of them, about 1.4e-14).
 */
const ROUNDING = 64 * Number.EPSILON;

/**
 * Four significant digits, without exponent for everyday magnitudes. `scale` is the magnitude of
 * the numbers the value was computed from and is shown beside (scaleOf the row): a value within
 * rounding of 0 at that scale is 0 (a claim's effect of 0 measured from its reference 0.8 comes
 * back as 0.8 - 0.8000000000000002, which printed -1.110e-16); a value small in its own right,
 * or beside numbers as small, is shown.
 */
export function formatValue(value: number | null, scale = 0): string {
  if (value === null || !Number.isFinite(value)) return 'n/a';
  const magnitude = Math.abs(value);
  if (magnitude <= ROUNDING * scale) return '0';
  if (magnitude >= 1e7 || magnitude < 1e-4) return value.toExponential(3);
  return String(Number(value.toPrecision(4)));
}

/** The largest finite magnitude among figures shown together: the scale formatValue judges rounding at. */
export function scaleOf(...figures: readonly (number | null | undefined)[]): number {
  let scale = 0;
  for (const figure of figures) if (typeof figure === 'number' && Number.isFinite(figure)) scale = Math.max(scale, Math.abs(figure));
  return scale;
}

/** Cells of one line: id, mean (or the single value), ± sd, interval, unit. */
function cells(m: Measurement, replicates: number): string[] {
  const { mean, sd, ci95 } = m.acrossReplicates;
  const unit = m.note === undefined ? m.unit : `${m.unit}  ${m.note}`;
  if (replicates <= 1) return [m.id, formatValue(mean), unit];
  // Replicates that agree give an sd of rounding (0.1, 0.1, 0.1: about 1.7e-17), shown as 0.
  const scale = scaleOf(mean, sd, ci95?.[0], ci95?.[1]);
  const interval = ci95 === null ? '' : `[${formatValue(ci95[0], scale)}, ${formatValue(ci95[1], scale)}]`;
  return [m.id, formatValue(mean, scale), `± ${formatValue(sd, scale)}`, interval, unit];
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
