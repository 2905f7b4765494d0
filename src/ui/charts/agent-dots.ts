// Every agent of a small population as a dot, poorest on the left, richest on the right.
// Dots keep their identity between frames and glide to their new rank; a few agents are
// coloured so a class can follow them up and down.
import { customElement, property } from 'lit/decorators.js';
import * as d3 from 'd3';
import { ChartElement, type Svg } from './chart-element.ts';
import { bottomAxis, compact, leftAxis, logTicks, spacedTicks } from './axes.ts';
import { drawLegend } from './legend.ts';
import { colorAt } from './palette.ts';
import type { RunRecord } from '../run-record.ts';

const FOLLOWED = 4;
const GLIDE_MS = 150;

interface Dot {
  readonly agent: number;
  readonly value: number;
  readonly rank: number;
}

@customElement('agent-dots')
export class AgentDots extends ChartElement {
  @property({ type: String }) distribution = 'wealth';

  protected override draw(svg: Svg, record: RunRecord): void {
    const snapshot = record.distributions.get(this.distribution);
    const meta = record.info?.distributions.find((d) => d.id === this.distribution);
    const values = snapshot?.values;
    if (snapshot === undefined || meta === undefined || values === null || values === undefined || record.info === null) {
      svg.selectAll('*').remove();
      return;
    }
    const place = this.plotArea();
    const order = d3.range(values.length).sort((a, b) => values[a]! - values[b]! || a - b);
    const dots: Dot[] = order.map((agent, rank) => ({ agent, value: values[agent]!, rank }));
    const total = d3.sum(values);
    const mean = total / Math.max(1, values.length);
    // symlog: near-zero holdings and the richest agent both stay visible.
    const high = Math.max(d3.max(values) ?? 1, mean * 2);
    const y = d3.scaleSymlog().constant(Math.max(mean / 10, 1e-9)).domain([0, high]).range([place.height, 0]);
    const x = d3.scaleLinear().domain([0, Math.max(1, values.length - 1)]).range([0, place.width]);
    svg.select('g.axes').remove();
    const axes = svg.insert('g', ':first-child').attr('class', 'axes');
    // symlog: powers of ten read better than the linear ticks, which bunch at the top.
    const tickCandidates = [0, ...logTicks(Math.max(mean / 10, 1e-9), high)];
    leftAxis(axes, y, place, `${meta.label} (${meta.unit})`, spacedTicks(tickCandidates, y), compact);
    bottomAxis(axes, x, place, 'agents, poorest to richest (rank)', 6, compact);
    drawLegend(axes, [
      { label: 'one agent', color: '#94a3b8', shape: 'dot' },
      { label: `${FOLLOWED} agents to follow`, color: colorAt(1), shape: 'dot' },
      { label: 'mean', color: '#374151', dashed: true },
    ], place.left, 22, place.width);
    axes.append('line').attr('x1', place.left).attr('x2', place.left + place.width)
      .attr('y1', place.top + y(mean)).attr('y2', place.top + y(mean))
      .attr('stroke', '#374151').attr('stroke-width', 1.5).attr('stroke-dasharray', '6 4');
    let plot = svg.select<SVGGElement>('g.dots');
    const freshRun = this.drawnRun !== record.info.runId;
    if (plot.empty() || freshRun) {
      plot.remove();
      plot = svg.append('g').attr('class', 'dots').attr('transform', `translate(${place.left},${place.top})`);
    }
    const radius = values.length > 250 ? 3 : 4.5;
    const followed = (d: Dot) => d.agent < FOLLOWED;
    const circles = plot.selectAll<SVGCircleElement, Dot>('circle').data(dots, (d) => d.agent)
      .join((enter) => enter.append('circle')
        .attr('cx', (d) => x(d.rank)).attr('cy', (d) => y(d.value))
        .attr('r', (d) => (followed(d) ? radius + 3 : radius))
        .attr('fill', (d) => (followed(d) ? colorAt(d.agent + 1) : '#94a3b8'))
        .attr('fill-opacity', (d) => (followed(d) ? 1 : 0.75))
        .call((c) => c.append('title')));
    circles.select('title').text((d) => `agent ${d.agent + 1}: ${compact(d.value)} ${meta.unit} (rank ${d.rank + 1} of ${values.length})`);
    circles.filter(followed).raise();
    // A CSS transition glides the dots (d3-transition is not in the bundle); the attributes
    // carry the same position for SVG export.
    circles.style('transition', freshRun ? 'none' : `cx ${GLIDE_MS}ms linear, cy ${GLIDE_MS}ms linear`)
      .attr('cx', (d) => x(d.rank)).attr('cy', (d) => y(d.value))
      .style('cx', (d) => `${x(d.rank)}px`).style('cy', (d) => `${y(d.value)}px`);
  }
}
