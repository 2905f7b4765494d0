// Kaplan-Meier survival curves of organisations (MODEL.md 6): of those founded, the share
// still going at each age. By kind, or for one kind by its size at one year. Solid lines count
// only failures (a merged or taken-over organisation leaves the count without failing); dashed
// lines count any exit. Short ticks on the solid lines mark organisations whose lives were cut
// short of an answer: still alive now, or absorbed.
import { css, html } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import * as d3 from 'd3';
import { ChartElement, DEFAULT_MARGIN, type Svg } from './chart-element.ts';
import { bottomAxis, compact, fittingFontSize, INK, leftAxis } from './axes.ts';
import { drawLegend, type LegendItem } from './legend.ts';
import { colorAt } from './palette.ts';
import { ORG_KIND_COLORS } from './kind-colors.ts';
import { controlStyles } from '../theme.ts';
import type { RunRecord } from '../run-record.ts';
import { survivalGroups, type SurvivalGroup } from '../../model/economy/organisation-survival.ts';
import { SIZE_CLASSES } from '../../model/economy/size-classes.ts';
import { KIND_PREFIXES } from '../../model/economy/organisation-sizes.ts';
import { ABSORBED_WORDING } from '../../model/economy/organisation-table.ts';
const percent = (v: number) => `${Math.round(v * 100)}%`;

/** 'kind', or the kind (an ORG_* number) whose size classes are compared. */
type View = 'kind' | number;

@customElement('survival-curves')
export class SurvivalCurves extends ChartElement {
  static override styles = [ChartElement.styles, controlStyles, css`
    .view { display: flex; gap: 0.5em; align-items: center; margin: 0 0 0.4em; }
  `];

  @state() private view: View = 'kind';

  /** Kinds the run has organisations of. */
  private kinds(): number[] {
    const lives = this.record?.organisations ?? null;
    return [...KIND_PREFIXES.keys()].filter((k) => lives !== null && lives.kind.includes(k));
  }

  /** The chosen view, or every kind when the chosen kind is not in this run (another scenario). */
  private effectiveView(): View {
    return this.view !== 'kind' && !this.kinds().includes(this.view) ? 'kind' : this.view;
  }

  override render() {
    const kinds = this.kinds();
    const view = this.effectiveView();
    return html`<label class="view">Show
      <select data-testid="survival-view" @change=${(e: Event) => {
        const v = (e.target as HTMLSelectElement).value;
        this.view = v === 'kind' ? 'kind' : Number(v);
      }}>
        <option value="kind" ?selected=${view === 'kind'}>every kind</option>
        ${kinds.map((k) => html`<option value=${k} ?selected=${view === k}>${KIND_PREFIXES[k]} by size at age one</option>`)}
      </select></label>${super.render()}`;
  }

  protected override draw(svg: Svg, record: RunRecord): void {
    svg.selectAll('*').remove();
    const lives = record.organisations;
    if (lives === null || record.info === null) return;
    const all = survivalGroups(lives);
    const view = this.effectiveView();
    const shown = all.filter((g) => (view === 'kind' ? g.sizeClass < 0 : g.kind === view && g.sizeClass >= 0));
    // Kinds in their own colours (as everywhere); size classes of one kind in the palette's.
    const colourOf = (g: SurvivalGroup) => (view === 'kind' ? ORG_KIND_COLORS[g.kind]! : colorAt(g.sizeClass));
    const failures = shown.filter((g) => g.event === 'failure');
    // Legend labels stay fixed (the legend measures each new label, which forces a layout); the
    // counts go on a line of their own.
    const legend: LegendItem[] = failures.map((g) => ({
      label: view === 'kind' ? KIND_PREFIXES[g.kind]! : `size ${SIZE_CLASSES[g.sizeClass]!.label}`,
      color: colourOf(g),
    }));
    legend.push({ label: 'not failed', color: INK }, { label: 'still independent', color: INK, dashed: true });
    const m = DEFAULT_MARGIN;
    const root = svg.append('g');
    const legendAt = this.legendPlace();
    const legendHeight = drawLegend(root, legend, legendAt.left, 20, legendAt.width);
    const counts = view === 'kind'
      ? `founded: ${failures.map((g) => `${g.curve.n} ${KIND_PREFIXES[g.kind]}`).join(', ')}`
      : `${KIND_PREFIXES[view]} alive at age one: ${failures.map((g) => `${g.curve.n} of size ${SIZE_CLASSES[g.sizeClass]!.label}`).join(', ')}`;
    root.append('text').attr('x', legendAt.left).attr('y', 20 + legendHeight + 10).attr('font-size', fittingFontSize(counts, 15, legendAt.width))
      .attr('fill', INK).text(counts);
    const top = 20 + legendHeight + 30;
    const place = this.plotArea(top);
    const longest = d3.max(shown, (g) => g.curve.time[g.curve.time.length - 1]) ?? 1;
    const x = d3.scaleLinear().domain([0, Math.max(1, longest)]).nice().range([0, place.width]);
    const y = d3.scaleLinear().domain([0, 1]).range([place.height, 0]);
    leftAxis(root, y, place, 'share still going', 5, percent);
    bottomAxis(root, x, place, view === 'kind' ? 'age (years since founding)' : `age (years); ${KIND_PREFIXES[view]} grouped by size at age one`, 8, compact);
    const plot = root.append('g').attr('transform', `translate(${place.left},${place.top})`);
    if (shown.length === 0) {
      plot.append('text').attr('x', place.width / 2).attr('y', place.height / 2).attr('text-anchor', 'middle')
        .attr('font-size', 18).attr('fill', INK).text(view === 'kind' ? 'no organisations yet' : 'none has reached age one yet');
      return;
    }
    const line = d3.line<readonly [number, number]>().x((p) => x(p[0])).y((p) => y(p[1])).curve(d3.curveStepAfter);
    for (const g of shown) {
      const c = g.curve;
      // From the start at 1, then each row's survival from its time on.
      const points: [number, number][] = [[c.time[0]!, 1]];
      for (let k = 0; k < c.time.length; k++) points.push([c.time[k]!, c.survival[k]!]);
      const name = view === 'kind' ? KIND_PREFIXES[g.kind] : `${KIND_PREFIXES[g.kind]} of size ${SIZE_CLASSES[g.sizeClass]!.label} at age one`;
      plot.append('path').datum(points).attr('d', line).attr('fill', 'none').attr('stroke', colourOf(g))
        .attr('stroke-width', g.event === 'failure' ? 3.5 : 2.5).attr('stroke-dasharray', g.event === 'failure' ? null : '7 5')
        .append('title').text(`${name}, ${g.event === 'failure' ? 'not failed' : `still independent (neither failed nor ${ABSORBED_WORDING[g.kind]})`}: ${c.n} organisations`);
      if (g.event !== 'failure') continue;
      const censored = Array.from(c.time, (t, k) => ({ t, s: c.survival[k]!, n: c.censored[k]! })).filter((r) => r.n > 0);
      plot.selectAll(null).data(censored).join('line')
        .attr('x1', (r) => x(r.t)).attr('x2', (r) => x(r.t)).attr('y1', (r) => y(r.s) - 6).attr('y2', (r) => y(r.s) + 6)
        .attr('stroke', colourOf(g)).attr('stroke-width', 2)
        .append('title').text((r) => `${name}: ${r.n} still going or absorbed at age ${compact(r.t)}; ${percent(r.s)} not failed`);
    }
  }
}
