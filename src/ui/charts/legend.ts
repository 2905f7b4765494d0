// A legend laid out left to right along the top of a chart, wrapping onto a new row rather
// than running over the plot.
import type * as d3 from 'd3';
import { INK } from './axes.ts';

export interface LegendItem {
  readonly label: string;
  readonly color: string;
  /** True for the usual dash, or the chart's own dash pattern (so the legend's mark matches the chart's). */
  readonly dashed?: boolean | string;
  readonly shape?: 'line' | 'dot' | 'box';
}

const FONT_SIZE = 17;
/** Rough width of a character at FONT_SIZE, enough to keep entries apart. */
const CHAR_WIDTH = 9.5;

/**
 * Rendered widths by label shape. Measuring forces a layout of the page, which at twenty frames
 * a second across ten charts became most of the main thread's time; a label is measured once.
 */
const widths = new Map<string, number>();

/**
 * A label with its digits as zeros: counts that change with every frame ("Commune members
 * 1,234") are measured once for their number of digits, not once per value (a forced layout
 * per frame of a running economy, and a map that grew by a label a frame).
 */
const shapeOf = (label: string) => label.replace(/[0-9]/g, '0');

function labelWidth(label: string, node: SVGTextElement | null): number {
  const known = widths.get(shapeOf(label));
  if (known !== undefined) return known;
  // An estimate when the chart is not laid out (detached or hidden).
  const measured = node?.getComputedTextLength() ?? 0;
  if (measured > 0) widths.set(shapeOf(label), measured);
  return measured > 0 ? measured : label.length * CHAR_WIDTH;
}

/** Whether every label's width is known (measured once): a legend drawn before that used estimates. */
export function legendMeasured(items: readonly LegendItem[]): boolean {
  return items.every((item) => widths.has(shapeOf(item.label)));
}

/**
 * Draws the legend and returns its height. `estimate` lays it out from an estimate of each
 * label's width instead of measuring it (measuring forces a layout of the whole page, which
 * a chart drawn once, like the planner's, need not pay).
 */
export function drawLegend(
  parent: d3.Selection<SVGGElement, unknown, null, undefined>, items: readonly LegendItem[],
  left: number, top: number, width: number, estimate = false,
): number {
  let x = 0;
  let row = 0;
  const g = parent.append('g').attr('transform', `translate(${left},${top})`);
  for (const item of items) {
    const entry = g.append('g');
    const text = entry.append('text').attr('x', 30).attr('y', 5).attr('font-size', FONT_SIZE).attr('fill', INK).text(item.label);
    let textWidth = estimate ? widths.get(shapeOf(item.label)) ?? item.label.length * CHAR_WIDTH * 0.92 : labelWidth(item.label, text.node());
    // A label longer than the legend's whole width (a narrow chart's) is set smaller to fit.
    if (30 + textWidth > width) {
      const size = Math.max(9, (FONT_SIZE * (width - 32)) / textWidth);
      text.attr('font-size', size);
      textWidth = (textWidth * size) / FONT_SIZE;
    }
    const entryWidth = 30 + textWidth + 22;
    if (x > 0 && x + entryWidth > width) {
      x = 0;
      row++;
    }
    entry.attr('transform', `translate(${x},${row * 24})`);
    if (item.shape === 'dot') entry.append('circle').attr('cx', 11).attr('cy', 0).attr('r', 6).attr('fill', item.color);
    else if (item.shape === 'box') entry.append('rect').attr('x', 2).attr('y', -7).attr('width', 18).attr('height', 14).attr('fill', item.color);
    else {
      entry.append('line').attr('x1', 0).attr('x2', 22).attr('y1', 0).attr('y2', 0)
        .attr('stroke', item.color).attr('stroke-width', 3.5)
        .attr('stroke-dasharray', item.dashed === true ? '6 4' : typeof item.dashed === 'string' ? item.dashed : null);
    }
    x += entryWidth;
  }
  return (row + 1) * 24;
}
