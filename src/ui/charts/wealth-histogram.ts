// How many agents hold how much, on logarithmic bins: an exponential (Boltzmann) shape, a
// gamma hump, or a condensate with most agents near zero all read clearly on a log x axis.
import { customElement } from 'lit/decorators.js';
import * as d3 from 'd3';
import { CHART_WIDTH, DEFAULT_MARGIN } from './chart-element.ts';
import type { KeptLayers } from './kept-layers.ts';
import { DistributionChart } from './distribution-chart.ts';
import type { DistributionFrame, ReporterInfo } from '../../worker/protocol.ts';
import { bottomAxis, type AxisPlacement, compact, fittingFontSize, INK, leftAxis, logTicks } from './axes.ts';
import { colorAt } from './palette.ts';

@customElement('wealth-histogram')
export class WealthHistogram extends DistributionChart {
  protected override drawDistribution(layers: KeptLayers, snapshot: DistributionFrame, meta: ReporterInfo, place: AxisPlacement): void {
    const edges = Array.from(snapshot.edges);
    const counts = Array.from(snapshot.counts);
    // Trim empty bins at the top so the x axis ends near the richest agent.
    let last = counts.length - 1;
    while (last > 0 && counts[last] === 0) last--;
    const lowEdge = edges[0]!;
    const highEdge = edges[last + 1] ?? edges[edges.length - 1]!;
    // Holdings below the first edge (zero and near zero) get their own bar, one bin-width
    // apart from the rest, labelled "~0" since a log axis has no zero.
    const step = (edges[1] ?? lowEdge * 10) / lowEdge;
    const x = d3.scaleLog().domain([lowEdge / step ** 2, highEdge]).range([0, place.width]);
    const maxCount = Math.max(snapshot.below, d3.max(counts) ?? 0, 1);
    const y = d3.scaleLinear().domain([0, maxCount]).nice().range([place.height, 0]);
    // A narrow chart labels every other decade, clear of the "~0" bar's label.
    const ticks = logTicks(lowEdge, highEdge);
    const narrow = place.width < CHART_WIDTH - DEFAULT_MARGIN.left - DEFAULT_MARGIN.right && ticks.length > 4;
    const shownTicks = narrow ? ticks.filter((_, i) => i % 2 === 1) : ticks;
    // The axes stay while the bars change under them, until the bins or the tallest bar move them.
    layers.kept(JSON.stringify([place, y.domain(), x.domain(), shownTicks, meta.label, meta.unit]), (layer) => {
      leftAxis(layer, y, place, 'agents (count)', 5, compact);
      bottomAxis(layer, x, place, `${meta.label} (${meta.unit}, log scale)`, shownTicks, compact);
    });
    const root = layers.fresh();
    const plot = root.append('g').attr('transform', `translate(${place.left},${place.top})`);
    const bars = counts.slice(0, last + 1).map((count, k) => ({ from: edges[k]!, to: edges[k + 1]!, count }));
    const color = colorAt(0);
    plot.selectAll('rect.bin').data(bars).join('rect')
      .attr('x', (b) => x(b.from) + 0.5).attr('width', (b) => Math.max(1, x(b.to) - x(b.from) - 1))
      .attr('y', (b) => y(b.count)).attr('height', (b) => place.height - y(b.count))
      .attr('fill', color)
      .append('title').text((b) => `${compact(b.from)}-${compact(b.to)} ${meta.unit}: ${b.count} agents`);
    if (snapshot.below > 0) {
      plot.append('rect')
        .attr('x', x(lowEdge / step ** 2) + 0.5).attr('width', Math.max(1, x(lowEdge / step) - x(lowEdge / step ** 2) - 1))
        .attr('y', y(snapshot.below)).attr('height', place.height - y(snapshot.below))
        .attr('fill', colorAt(1))
        .append('title').text(`below ${compact(lowEdge)} ${meta.unit} (almost nothing): ${snapshot.below} agents`);
      root.append('text').attr('x', place.left + x(lowEdge / step ** 1.5)).attr('y', place.top + place.height + 22)
        .attr('text-anchor', 'middle').attr('font-size', 18).attr('fill', INK).text('~0');
    }
    const note = snapshot.below > 0 ? `orange: ${snapshot.below} agents with almost nothing (under ${compact(lowEdge)})` : 'one bar per range of holdings';
    const noteAt = this.legendPlace();
    root.append('text').attr('x', noteAt.left).attr('y', 26).attr('font-size', fittingFontSize(note, 17, noteAt.width)).attr('fill', INK).text(note);
  }
}
