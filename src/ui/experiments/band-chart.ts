// A time series of several runs' means with their 95% bands (replicates, or one line per
// compared scenario), or a difference with its paired interval around a zero line. The caller
// may fix the y domain, so compared scenarios share their axes. Drawn with d3 into a fixed
// viewBox, like every chart of the page.
import { LitElement, css, html } from 'lit';
import { customElement, property, query } from 'lit/decorators.js';
import * as d3 from 'd3';
import { bottomAxis, compact, INK, leftAxis } from '../charts/axes.ts';
import { drawLegend } from '../charts/legend.ts';
import { MONTHS_PER_YEAR } from '../../model/engine.ts';
import type { Band } from './series-bands.ts';
import { QueuedNarrowLayout } from './narrow-layout.ts';

export interface BandLine {
  readonly label: string;
  readonly color: string;
  readonly band: Band;
}

const PLOT_HEIGHT = 230;
const MARGIN = { left: 90, right: 20, bottom: 70 };

/** The lowest and highest value any band reaches (finite values only). */
export function bandExtent(lines: readonly BandLine[]): [number, number] {
  let low = Infinity;
  let high = -Infinity;
  for (const { band } of lines) {
    for (let i = 0; i < band.mean.length; i++) {
      if (Number.isFinite(band.low[i]!)) low = Math.min(low, band.low[i]!);
      if (Number.isFinite(band.high[i]!)) high = Math.max(high, band.high[i]!);
    }
  }
  return Number.isFinite(low) ? [low, high] : [0, 1];
}

@customElement('band-chart')
export class BandChart extends LitElement {
  static override styles = css`
    :host { display: block; }
    svg { display: block; width: 100%; height: auto; }
  `;

  @property({ attribute: false }) lines: readonly BandLine[] = [];
  /** Shared across aligned charts; else from the data. */
  @property({ attribute: false }) yDomain: readonly [number, number] | null = null;
  @property({ type: Number }) years = 1;
  @property({ type: String }) unit = '';
  /** Draw the zero line (difference views). */
  @property({ type: Boolean }) zero = false;
  /** Band ticks per x unit: months per year for time series; 1 for a Lorenz curve over percent of persons. */
  @property({ type: Number }) ticksPerUnit = MONTHS_PER_YEAR;
  @property({ type: String }) xLabel = 'years';
  /** Draw the line of equality from (0, 0) to (x's end, 1) (a Lorenz curve). */
  @property({ type: Boolean }) equality = false;

  @query('svg') private svg!: SVGSVGElement;

  protected override render() {
    return html`<svg role="img" aria-label=${this.lines.map((l) => l.label).join(', ')}></svg>`;
  }

  /** Draws in a task of its own, narrower layout when shown narrow (narrow-layout.ts). */
  private readonly layout = new QueuedNarrowLayout(this);

  draw(): void {
    const layoutWidth = this.layout.layoutWidth;
    const svg = d3.select(this.svg);
    svg.selectAll('*').remove();
    const root = svg.append('g');
    const legendHeight = drawLegend(root, this.lines.map((l) => ({ label: l.label, color: l.color })), MARGIN.left, 20, layoutWidth - MARGIN.left - MARGIN.right);
    const top = 20 + legendHeight + 10;
    const height = top + PLOT_HEIGHT + MARGIN.bottom;
    svg.attr('viewBox', `0 0 ${layoutWidth} ${height}`);
    const place = { left: MARGIN.left, top, width: layoutWidth - MARGIN.left - MARGIN.right, height: PLOT_HEIGHT };
    let [low, high] = this.yDomain ?? bandExtent(this.lines);
    if (this.zero) {
      low = Math.min(low, 0);
      high = Math.max(high, 0);
    }
    if (low === high) high = low + 1;
    const x = d3.scaleLinear().domain([0, this.years]).range([0, place.width]);
    const perUnit = this.ticksPerUnit;
    const y = d3.scaleLinear().domain([low, high]).nice().range([place.height, 0]);
    leftAxis(root, y, place, this.unit, 5, compact);
    bottomAxis(root, x, place, this.xLabel, 8, compact);
    const plot = root.append('g').attr('transform', `translate(${place.left},${place.top})`);
    if (this.equality) {
      plot.append('line').attr('class', 'equality').attr('x1', x(0)).attr('y1', y(0)).attr('x2', x(this.years)).attr('y2', y(1))
        .attr('stroke', INK).attr('stroke-width', 1.5).attr('stroke-dasharray', '6 5');
    }
    if (this.zero) plot.append('line').attr('x1', 0).attr('x2', place.width).attr('y1', y(0)).attr('y2', y(0)).attr('stroke', INK).attr('stroke-width', 1.5);
    for (const line of this.lines) {
      const { ticks, mean, low: lo, high: hi } = line.band;
      const indices = d3.range(mean.length).filter((i) => Number.isFinite(mean[i]!));
      const yearAt = (i: number) => x(ticks[i]! / perUnit);
      plot.append('path').datum(indices).attr('class', 'band')
        .attr('d', d3.area<number>().x(yearAt).y0((i) => y(lo[i]!)).y1((i) => y(hi[i]!)))
        .attr('fill', line.color).attr('fill-opacity', 0.22).attr('stroke', 'none');
      plot.append('path').datum(indices).attr('class', 'mean')
        .attr('d', d3.line<number>().x(yearAt).y((i) => y(mean[i]!)))
        .attr('fill', 'none').attr('stroke', line.color).attr('stroke-width', 3).attr('stroke-linejoin', 'round')
        .append('title').text(() => {
          const last = indices[indices.length - 1];
          return last === undefined ? line.label
            : `${line.label}: mean ${compact(mean[last]!)} (95% ${compact(lo[last]!)} to ${compact(hi[last]!)}) at ${(ticks[last]! / perUnit).toFixed(0)} ${this.xLabel}`;
        });
    }
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'band-chart': BandChart;
  }
}
