// A chart with its title, what to watch for, and buttons to save it as SVG or PNG.
import { LitElement, css, html } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { controlStyles } from './theme.ts';
import { chartPng, chartSvgText } from './chart-export.ts';
import { download } from './metrics-export.ts';
import type { ChartElement } from './charts/chart-element.ts';

@customElement('chart-card')
export class ChartCard extends LitElement {
  static override styles = [controlStyles, css`
    :host { display: block; background: #fff; border: 1px solid #d9dee3; border-radius: 8px; padding: 0.8em 1em 0.6em; }
    header { display: flex; justify-content: space-between; align-items: baseline; gap: 0.5em; flex-wrap: wrap; }
    h3 { margin: 0; font-size: 1.15em; }
    p { margin: 0.3em 0 0.5em; color: #3e4c59; }
    .export { display: flex; gap: 0.3em; }
    .export button { font-size: 0.85em; min-height: 0; padding: 0.15em 0.55em; }
  `];

  @property({ type: String }) heading = '';
  @property({ type: String }) caption = '';
  @property({ type: String }) chartId = '';
  @property({ type: String }) fileStem = 'chart';
  /** Scenario, seed, year and version, printed under an exported chart. */
  @property({ type: String }) stamp = '';

  private chart(): SVGSVGElement | null {
    const element = this.querySelector<ChartElement>('*');
    return element?.freshSvg?.() ?? null;
  }

  private saveSvg(): void {
    const svg = this.chart();
    if (svg !== null) download(`${this.fileStem}-${this.chartId}.svg`, chartSvgText(svg, this.label()), 'image/svg+xml');
  }

  private async savePng(): Promise<void> {
    const svg = this.chart();
    if (svg !== null) download(`${this.fileStem}-${this.chartId}.png`, await chartPng(svg, this.label()));
  }

  private label() {
    return { title: this.heading, stamp: this.stamp };
  }

  override render() {
    return html`
      <header><h3>${this.heading}</h3>
        <span class="export"><button data-testid=${`svg-${this.chartId}`} @click=${this.saveSvg}>SVG</button>
        <button data-testid=${`png-${this.chartId}`} @click=${this.savePng}>PNG</button></span></header>
      ${this.caption !== '' ? html`<p>${this.caption}</p>` : null}
      <slot></slot>`;
  }
}
