// One time-series panel of a what-if: each reporter's original as a solid line over the whole
// run and its branch as a dashed line of the same colour from the branch point on, with the
// branch point marked. Both runs share the axis, so a departure reads directly.
import { LitElement, css, html } from 'lit';
import { customElement, property, query } from 'lit/decorators.js';
import * as d3 from 'd3';
import { bottomAxis, compact, INK, leftAxis } from '../charts/axes.ts';
import { drawLegend, type LegendItem } from '../charts/legend.ts';
import { MONTHS_PER_YEAR } from '../../model/engine.ts';
import type { SeriesPanel } from '../experiments/series-groups.ts';
import type { BranchRecord } from './branch-record.ts';
import { QueuedNarrowLayout } from '../experiments/narrow-layout.ts';

const PLOT_HEIGHT = 230;
const MARGIN = { left: 90, right: 20, bottom: 70 };
export const BRANCH_DASH = '9 6';
const STYLE_INK = '#52606d';

@customElement('whatif-chart')
export class WhatIfChart extends LitElement {
  static override styles = css`
    :host { display: block; }
    svg { display: block; width: 100%; height: auto; }
  `;

  @property({ attribute: false }) record: BranchRecord | null = null;
  /** The record's version: a new frame redraws. */
  @property({ type: Number }) version = 0;
  @property({ attribute: false }) panel: SeriesPanel | null = null;
  @property({ type: Number }) years = 1;

  @query('svg') private svg!: SVGSVGElement;

  protected override render() {
    return html`<svg role="img" aria-label=${this.panel?.title ?? ''}></svg>`;
  }

  /** Draws in a task of its own, narrower layout when shown narrow (narrow-layout.ts). */
  private readonly layout = new QueuedNarrowLayout(this);

  draw(): void {
    if (!this.isConnected) return;
    const record = this.record;
    const panel = this.panel;
    const layoutWidth = this.layout.layoutWidth;
    const svg = d3.select(this.svg);
    svg.selectAll('*').remove();
    if (record === null || panel === null) return;
    const columns = panel.reporters.map((r) => ({ ...r, k: record.columnIndex(r.id) })).filter((r) => r.k !== undefined);
    const branch = record.branch;
    const root = svg.append('g');
    const items: LegendItem[] = columns.map((r) => ({ label: r.label, color: r.color }));
    if (branch !== null) {
      items.push({ label: 'original', color: STYLE_INK }, { label: 'branch', color: STYLE_INK, dashed: BRANCH_DASH });
    }
    const legendHeight = drawLegend(root, items, MARGIN.left, 20, layoutWidth - MARGIN.left - MARGIN.right);
    const top = 20 + legendHeight + 10;
    svg.attr('viewBox', `0 0 ${layoutWidth} ${top + PLOT_HEIGHT + MARGIN.bottom}`);
    const place = { left: MARGIN.left, top, width: layoutWidth - MARGIN.left - MARGIN.right, height: PLOT_HEIGHT };

    let low = Infinity;
    let high = -Infinity;
    const extend = (values: Float64Array) => {
      for (const v of values) if (Number.isFinite(v)) { low = Math.min(low, v); high = Math.max(high, v); }
    };
    for (const r of columns) {
      extend(record.original.column(r.k!));
      if (branch !== null) extend(branch.rows.column(r.k!));
    }
    if (!Number.isFinite(low)) [low, high] = [0, 1];
    if (low === high) high = low + 1;
    const x = d3.scaleLinear().domain([0, this.years]).range([0, place.width]);
    const y = d3.scaleLinear().domain([low, high]).nice().range([place.height, 0]);
    leftAxis(root, y, place, panel.unit, 5, compact);
    bottomAxis(root, x, place, 'years', 8, compact);
    const plot = root.append('g').attr('transform', `translate(${place.left},${place.top})`);

    if (branch !== null) {
      const at = x(branch.tick / MONTHS_PER_YEAR);
      const mark = plot.append('g').attr('class', 'branch-point');
      mark.append('line').attr('x1', at).attr('x2', at).attr('y1', -6).attr('y2', place.height)
        .attr('stroke', INK).attr('stroke-width', 1.5).attr('stroke-dasharray', '2 4');
      mark.append('text').attr('x', at + (at > place.width * 0.7 ? -6 : 6)).attr('y', 12)
        .attr('text-anchor', at > place.width * 0.7 ? 'end' : 'start').attr('font-size', 16).attr('fill', INK)
        .text(`branch point, year ${compact(branch.tick / MONTHS_PER_YEAR)}`);
    }

    const drawLine = (ticks: Float64Array, values: Float64Array, color: string, kind: 'original' | 'branch', label: string) => {
      const indices = d3.range(values.length).filter((i) => Number.isFinite(values[i]!));
      const path = plot.append('path').datum(indices).attr('class', kind).attr('data-id', label)
        .attr('d', d3.line<number>().x((i) => x(ticks[i]! / MONTHS_PER_YEAR)).y((i) => y(values[i]!)))
        .attr('fill', 'none').attr('stroke', color).attr('stroke-width', 3).attr('stroke-linejoin', 'round');
      if (kind === 'branch') path.attr('stroke-dasharray', BRANCH_DASH);
      const last = indices[indices.length - 1];
      path.append('title').text(last === undefined ? label : `${label} (${kind}): ${compact(values[last]!)} in year ${compact(ticks[last]! / MONTHS_PER_YEAR)}`);
    };
    const ticks = record.original.ticks();
    for (const r of columns) drawLine(ticks, record.original.column(r.k!), r.color, 'original', r.id);
    if (branch !== null) for (const r of columns) drawLine(branch.rows.ticks(), branch.rows.column(r.k!), r.color, 'branch', r.id);
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'whatif-chart': WhatIfChart;
  }
}
