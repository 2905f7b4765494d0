// How many organisations of each kind there are in each size class at the latest sample
// (reporters `<kind>.sizes.<class>`), as grouped bars: one group per size class, one bar per
// kind. The classes grow about fivefold a step, so small and very large organisations share
// one axis.
import { customElement } from 'lit/decorators.js';
import * as d3 from 'd3';
import { ChartElement, DEFAULT_MARGIN, type Svg } from './chart-element.ts';
import { bottomAxis, compact, INK, leftAxis } from './axes.ts';
import { drawLegend } from './legend.ts';
import { ORG_KIND_COLORS } from './kind-colors.ts';
import type { RunRecord } from '../run-record.ts';
import { SIZE_CLASSES } from '../../model/economy/size-classes.ts';
import { KIND_PREFIXES, SIZE_MEANING, sizeClassReporterIds } from '../../model/economy/organisation-sizes.ts';

@customElement('size-class-bars')
export class SizeClassBars extends ChartElement {
  protected override draw(svg: Svg, record: RunRecord): void {
    svg.selectAll('*').remove();
    if (record.info === null) return;
    const kinds = KIND_PREFIXES.map((prefix, k) => ({
      k, prefix, counts: sizeClassReporterIds(prefix).map((id) => record.latest(id) ?? Number.NaN),
    })).filter((kind) => kind.counts.some((c) => c > 0));
    const m = DEFAULT_MARGIN;
    const root = svg.append('g');
    const legendAt = this.legendPlace();
    const legendHeight = drawLegend(root, kinds.map((kind) => ({ label: `${kind.prefix} (${SIZE_MEANING[kind.k]})`, color: ORG_KIND_COLORS[kind.k]!, shape: 'box' as const })),
      legendAt.left, 20, legendAt.width);
    const top = 20 + legendHeight + 8;
    const place = this.plotArea(top);
    const classes = SIZE_CLASSES.map((c, i) => ({ i, label: c.label }));
    const x = d3.scaleBand<number>().domain(classes.map((c) => c.i)).range([0, place.width]).padding(0.18);
    const inner = d3.scaleBand<number>().domain(kinds.map((kind) => kind.k)).range([0, x.bandwidth()]).padding(0.08);
    const most = d3.max(kinds, (kind) => d3.max(kind.counts.filter(Number.isFinite))) ?? 0;
    const y = d3.scaleLinear().domain([0, Math.max(1, most)]).nice().range([place.height, 0]);
    leftAxis(root, y, place, 'organisations', 5, compact);
    const axisScale = d3.scaleLinear().domain([-0.5, classes.length - 0.5]).range([0, place.width]);
    bottomAxis(root, axisScale, place, 'size (persons)', classes.map((c) => c.i), (v) => classes[v]?.label ?? '');
    const plot = root.append('g').attr('transform', `translate(${place.left},${place.top})`);
    if (kinds.length === 0) {
      plot.append('text').attr('x', place.width / 2).attr('y', place.height / 2).attr('text-anchor', 'middle')
        .attr('font-size', 18).attr('fill', INK).text('no organisations alive');
      return;
    }
    const bars = kinds.flatMap((kind) => kind.counts.map((count, i) => ({ kind, i, count: Number.isFinite(count) ? count : 0 })));
    plot.selectAll('rect.bar').data(bars.filter((b) => b.count > 0)).join('rect').attr('class', 'bar')
      .attr('x', (b) => x(b.i)! + inner(b.kind.k)!).attr('width', inner.bandwidth())
      .attr('y', (b) => y(b.count)).attr('height', (b) => place.height - y(b.count))
      .attr('fill', (b) => ORG_KIND_COLORS[b.kind.k]!)
      .append('title').text((b) => `${b.count} ${b.kind.prefix} with ${classes[b.i]!.label} ${SIZE_MEANING[b.kind.k]}`);
  }
}
