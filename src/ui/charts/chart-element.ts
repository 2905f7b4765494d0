// The shared frame of every chart: a fixed viewBox that scales with the page (so text grows
// with the chart on a projector), redrawn with d3 whenever the run record's version changes.
// Styles are written as SVG attributes, not CSS, so an exported SVG looks like the screen.
import { LitElement, css, html } from 'lit';
import { property } from 'lit/decorators.js';
import * as d3 from 'd3';
import type { RunRecord } from '../run-record.ts';

export const CHART_WIDTH = 680;
export const CHART_HEIGHT = 420;
export const FONT_FAMILY = 'system-ui, -apple-system, "Segoe UI", Roboto, sans-serif';

export interface Margin {
  top: number;
  right: number;
  bottom: number;
  left: number;
}

export const DEFAULT_MARGIN: Margin = { top: 52, right: 26, bottom: 70, left: 90 };

export type Svg = d3.Selection<SVGSVGElement, unknown, null, undefined>;

export abstract class ChartElement extends LitElement {
  static override styles = css`
    :host { display: block; }
    svg { display: block; width: 100%; height: auto; overflow: visible; }
  `;

  @property({ attribute: false }) record: RunRecord | null = null;
  /** Set to the record's version to redraw. */
  @property({ type: Number }) version = 0;
  @property({ type: String }) label = '';

  protected height = CHART_HEIGHT;

  override render() {
    return html`<svg viewBox="0 0 ${CHART_WIDTH} ${this.height}" role="img" aria-label=${this.label}
      xmlns="http://www.w3.org/2000/svg" font-family=${FONT_FAMILY}></svg>`;
  }

  override updated(): void {
    const element = this.svgElement();
    if (element === null || this.record === null) return;
    this.draw(d3.select(element), this.record);
  }

  svgElement(): SVGSVGElement | null {
    return this.renderRoot.querySelector('svg');
  }

  /** Draws the chart into `svg` from the record (called after every update). */
  protected abstract draw(svg: Svg, record: RunRecord): void;
}
