// The Lorenz curve: the share of the total held by the poorest x% of agents. The further it
// sags below the diagonal, the higher the Gini (twice the area between them).
import { customElement } from 'lit/decorators.js';
import * as d3 from 'd3';
import type { KeptLayers } from './kept-layers.ts';
import { DistributionChart } from './distribution-chart.ts';
import type { DistributionFrame, ReporterInfo } from '../../worker/protocol.ts';
import { bottomAxis, type AxisPlacement, INK, leftAxis } from './axes.ts';
import { drawLegend, legendMeasured, type LegendItem } from './legend.ts';
import { colorAt } from './palette.ts';

const percent = (v: number) => `${Math.round(v * 100)}%`;

@customElement('lorenz-curve')
export class LorenzCurve extends DistributionChart {
  protected override drawDistribution(layers: KeptLayers, snapshot: DistributionFrame, meta: ReporterInfo, place: AxisPlacement): void {
    const x = d3.scaleLinear().domain([0, 1]).range([0, place.width]);
    const y = d3.scaleLinear().domain([0, 1]).range([place.height, 0]);
    const legend: LegendItem[] = [
      { label: 'Lorenz curve', color: colorAt(0) },
      { label: 'perfect equality', color: '#6b7280', dashed: true },
    ];
    // Axes and legend stay while the curve moves (the legend sits above the plot, clear of it).
    layers.kept(JSON.stringify([place, meta.label, legendMeasured(legend)]), (layer) => {
      leftAxis(layer, y, place, `share of all ${meta.label}`, 5, percent);
      bottomAxis(layer, x, place, `share of agents, poorest first`, 5, percent);
      drawLegend(layer, legend, place.left, 22, place.width);
    });
    const root = layers.fresh();
    const points = Array.from(snapshot.lorenz, (v, i) => [i / (snapshot.lorenz.length - 1), v] as const);
    const plot = root.append('g').attr('transform', `translate(${place.left},${place.top})`);
    const area = d3.area<readonly [number, number]>().x((p) => x(p[0])).y0((p) => y(p[0])).y1((p) => y(p[1]));
    plot.append('path').datum(points).attr('d', area).attr('fill', colorAt(0)).attr('fill-opacity', 0.15);
    plot.append('line').attr('x1', x(0)).attr('y1', y(0)).attr('x2', x(1)).attr('y2', y(1))
      .attr('stroke', '#6b7280').attr('stroke-width', 2).attr('stroke-dasharray', '6 4');
    const line = d3.line<readonly [number, number]>().x((p) => x(p[0])).y((p) => y(p[1]));
    plot.append('path').datum(points).attr('d', line).attr('fill', 'none').attr('stroke', colorAt(0)).attr('stroke-width', 3.5);
    plot.selectAll('circle.q').data(points.filter((_, i) => i % 10 === 0)).join('circle')
      .attr('cx', (p) => x(p[0])).attr('cy', (p) => y(p[1])).attr('r', 4).attr('fill', colorAt(0))
      .append('title').text((p) => `the poorest ${percent(p[0])} hold ${(p[1] * 100).toFixed(1)}% of all ${meta.label}`);
    plot.append('text').attr('x', 16).attr('y', 28).attr('font-size', 24).attr('font-weight', 600).attr('fill', INK)
      .text(`Gini ${snapshot.gini.toFixed(3)}`);
  }
}
