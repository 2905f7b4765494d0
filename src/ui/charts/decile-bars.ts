// The latest value of a reporter measured per decile (ids `<prefix>.decile1` .. `decile10`),
// as bars around zero: for rent minus dividend, who pays into the commons and who draws on it.
import { customElement, property } from 'lit/decorators.js';
import * as d3 from 'd3';
import { ChartElement, type Svg } from './chart-element.ts';
import { bottomAxis, compact, INK, leftAxis } from './axes.ts';
import { colorAt } from './palette.ts';
import { drawLegend } from './legend.ts';
import type { RunRecord } from '../run-record.ts';

export function decileIds(ids: readonly string[], prefix: string): string[] {
  const pattern = new RegExp(`^${prefix.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\.decile(\\d+)$`);
  return ids.filter((id) => pattern.test(id))
    .sort((a, b) => Number(pattern.exec(a)![1]) - Number(pattern.exec(b)![1]));
}

@customElement('decile-bars')
export class DecileBars extends ChartElement {
  @property({ type: String }) decilesOf = 'rentMinusDividend';

  protected override draw(svg: Svg, record: RunRecord): void {
    svg.selectAll('*').remove();
    const info = record.info;
    if (info === null) return;
    const ids = decileIds(info.scalars.map((s) => s.id), this.decilesOf);
    if (ids.length === 0) return;
    const meta = info.scalars.find((s) => s.id === ids[0]);
    // A decile with nobody in it (NaN) gets no bar.
    const all = ids.map((id, k) => ({ id, decile: k + 1, value: record.latest(id) ?? Number.NaN }));
    const bars = all.filter((b) => Number.isFinite(b.value));
    // Room for a legend of two rows on a narrow chart.
    const place = this.plotArea(76);
    const x = d3.scaleBand<number>().domain(all.map((b) => b.decile)).range([0, place.width]).padding(0.2);
    const extent: [number, number] = bars.length > 0 ? d3.extent(bars, (b) => b.value) as [number, number] : [0, 1];
    const y = d3.scaleLinear().domain([Math.min(0, extent[0]), Math.max(0, extent[1], 1e-9)]).nice().range([place.height, 0]);
    const root = svg.append('g');
    leftAxis(root, y, place, meta?.unit ?? '', 5, compact);
    const xAxisScale = d3.scaleLinear().domain([0.5, all.length + 0.5]).range([0, place.width]);
    bottomAxis(root, xAxisScale, place, 'decile of property use relative to the commune average (1 = least)', all.length, (v) => String(v));
    const plot = root.append('g').attr('transform', `translate(${place.left},${place.top})`);
    plot.selectAll('rect.bar').data(bars).join('rect').attr('class', 'bar')
      .attr('x', (b) => x(b.decile)!).attr('width', x.bandwidth())
      .attr('y', (b) => y(Math.max(0, b.value))).attr('height', (b) => Math.abs(y(b.value) - y(0)))
      .attr('fill', (b) => (b.value >= 0 ? colorAt(1) : colorAt(2)))
      .append('title').text((b) => `${info.scalars.find((s) => s.id === b.id)?.label ?? b.id}: ${compact(b.value)} ${meta?.unit ?? ''}`);
    if (bars.length === 0) {
      plot.append('text').attr('x', place.width / 2).attr('y', place.height / 2).attr('text-anchor', 'middle')
        .attr('font-size', 18).attr('fill', INK).text('no commune members with a full year yet');
    }
    plot.append('line').attr('x1', 0).attr('x2', place.width).attr('y1', y(0)).attr('y2', y(0)).attr('stroke', INK).attr('stroke-width', 1.5);
    drawLegend(root, [
      { label: 'pays more than it receives', color: colorAt(1), shape: 'box' },
      { label: 'receives more than it pays', color: colorAt(2), shape: 'box' },
    ], place.left, 22, place.width);
  }
}
