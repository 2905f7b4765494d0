// Axes with units, large tick labels and light grid lines, drawn the same way on every chart.
import * as d3 from 'd3';

export const AXIS_FONT_SIZE = 18;
export const LABEL_FONT_SIZE = 19;
export const INK = '#1f2933';
export const GRID = '#d9dee3';

type Group = d3.Selection<SVGGElement, unknown, null, undefined>;

export interface AxisPlacement {
  readonly width: number;
  readonly height: number;
  readonly left: number;
  readonly top: number;
}

/** Width of an average character of system-ui text, in ems (an estimate: measuring forces a layout). */
const CHAR_EM = 0.56;

/**
 * The font size at which `text` fits in `room` units: `size`, or smaller for a text too long
 * for a narrow chart (a phone's), never below 9 units.
 */
export function fittingFontSize(text: string, size: number, room: number): number {
  const estimate = text.length * size * CHAR_EM;
  return estimate > room ? Math.max(9, (size * room) / estimate) : size;
}

function style(axis: Group): void {
  axis.attr('font-size', AXIS_FONT_SIZE).attr('font-family', null).attr('color', INK);
}

/** The plot width of a full-width chart (680 units less the default margins), and below what a plot counts as narrow. */
const FULL_PLOT = 564;
const NARROW_PLOT = 400;

export function bottomAxis(
  parent: Group, scale: d3.AxisScale<number>, place: AxisPlacement, label: string, ticks?: number | number[],
  format?: (value: number) => string,
): void {
  const axis = d3.axisBottom(scale).tickSizeOuter(0);
  if (Array.isArray(ticks)) axis.tickValues(ticks);
  // A narrow plot (a phone's chart) asks for fewer ticks, in proportion, so labels keep apart.
  else axis.ticks(place.width < NARROW_PLOT ? Math.max(3, Math.round((ticks ?? 6) * place.width / FULL_PLOT)) : ticks ?? 6);
  if (format !== undefined) axis.tickFormat((v) => format(Number(v)));
  const g = parent.append('g').attr('transform', `translate(${place.left},${place.top + place.height})`).call(axis);
  style(g);
  // Named ticks on a narrow plot: smaller until the longest fits its share of the width; past
  // that, slanted (size classes' names at a phone's width), with the axis title moved below them.
  let titleBelow = 56;
  if (Array.isArray(ticks) && ticks.length > 0 && place.width < NARROW_PLOT) {
    const names = ticks.map((t) => (format === undefined ? String(t) : format(t)));
    const longest = names.reduce((a, b) => (b.length > a.length ? b : a), '');
    const size = fittingFontSize(longest, AXIS_FONT_SIZE, (place.width / ticks.length) * 0.92);
    if (size >= 14) g.attr('font-size', size);
    else {
      g.attr('font-size', 15).selectAll('.tick text').attr('text-anchor', 'end').attr('dx', '-0.5em').attr('dy', '0.2em').attr('transform', 'rotate(-40)');
      titleBelow = 68;
    }
  }
  // Centred under the plot; the room runs into the right margin (about 20 units) on each side.
  parent.append('text')
    .attr('x', place.left + place.width / 2).attr('y', place.top + place.height + titleBelow)
    .attr('text-anchor', 'middle').attr('font-size', fittingFontSize(label, LABEL_FONT_SIZE, place.width + 40)).attr('fill', INK)
    .text(label);
}

export function leftAxis(
  parent: Group, scale: d3.AxisScale<number>, place: AxisPlacement, label: string, ticks?: number | number[],
  format?: (value: number) => string,
): void {
  const axis = d3.axisLeft(scale).tickSizeOuter(0);
  if (Array.isArray(ticks)) axis.tickValues(ticks);
  else axis.ticks(ticks ?? 5);
  if (format !== undefined) axis.tickFormat((v) => format(Number(v)));
  const g = parent.append('g').attr('transform', `translate(${place.left},${place.top})`).call(axis);
  style(g);
  g.selectAll('.tick line').clone().attr('x2', place.width).attr('stroke', GRID).lower();
  parent.append('text')
    .attr('transform', `translate(${place.left - 70},${place.top + place.height / 2}) rotate(-90)`)
    .attr('text-anchor', 'middle').attr('font-size', LABEL_FONT_SIZE).attr('fill', INK)
    .text(label);
}

/** Tick values at least `minGap` pixels apart (a symlog scale bunches its upper ticks). */
export function spacedTicks(values: readonly number[], scale: (v: number) => number, minGap = 22): number[] {
  const kept: number[] = [];
  for (const v of [...values].sort((a, b) => a - b)) {
    const last = kept[kept.length - 1];
    if (last === undefined || Math.abs(scale(v) - scale(last)) >= minGap) kept.push(v);
  }
  return kept;
}

/** Short numbers for tick labels: 0.25, 1.2k, 3.4M. */
export function compact(value: number): string {
  const abs = Math.abs(value);
  if (abs >= 1e3) return d3.format('.2~s')(value).replace('G', 'B');
  if (abs >= 1 || value === 0) return d3.format('~g')(Number(value.toPrecision(3)));
  return d3.format('.2~g')(value);
}

/** Tick values for a log axis that never crowd: powers of ten, with 2 and 5 between when few. */
export function logTicks(low: number, high: number): number[] {
  const first = Math.ceil(Math.log10(low) - 1e-9);
  const last = Math.floor(Math.log10(high) + 1e-9);
  const decades = last - first + 1;
  const stride = Math.max(1, Math.ceil(decades / 7));
  const values: number[] = [];
  for (let k = first; k <= last; k += stride) {
    values.push(10 ** k);
    if (decades <= 3) for (const m of [2, 5]) if (m * 10 ** k <= high) values.push(m * 10 ** k);
  }
  return values.sort((a, b) => a - b);
}
