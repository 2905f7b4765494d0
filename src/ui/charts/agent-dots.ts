// Every agent of a small population as a dot, poorest on the left, richest on the right (a
// fixed sample of a large economy, with the counts of the whole population in the legend).
// Dots keep their identity between frames and glide to their new rank. In an economy each dot
// is coloured by how the person makes a living; elsewhere a few agents are coloured so a class
// can follow them up and down.
import { customElement, property } from 'lit/decorators.js';
import * as d3 from 'd3';
import { ChartElement, DEFAULT_MARGIN, type Svg } from './chart-element.ts';
import { bottomAxis, compact, leftAxis, logTicks, spacedTicks } from './axes.ts';
import { drawLegend } from './legend.ts';
import { colorAt } from './palette.ts';
import { PERSON_KIND_COLORS } from './kind-colors.ts';
import { PERSON_KIND_LABELS } from '../../model/economy/person-kinds.ts';
import type { RunRecord } from '../run-record.ts';

const FOLLOWED = 4;
const GLIDE_MS = 150;
const SAMPLE_REDRAW_MS = 400;

interface Dot {
  readonly agent: number;
  readonly value: number;
  readonly rank: number;
  /** Person kind code in an economy, else -1. */
  readonly kind: number;
}

@customElement('agent-dots')
export class AgentDots extends ChartElement {
  @property({ type: String }) distribution = 'wealth';

  /** When the last drawing of a running economy sample was made (performance.now()). */
  private lastDrawnAt = -Infinity;

  protected override draw(svg: Svg, record: RunRecord): void {
    // A large economy's sample redraws a few times a second while it runs, not at every frame:
    // a few hundred dots restyled twenty times a second made tasks of over 100 ms on a loaded
    // machine. A paused run (the last frame of a seek, say) is always drawn.
    const sampledEconomy = record.agentKinds !== null && record.agentKinds.sampleStride > 1;
    const now = performance.now();
    if (sampledEconomy && record.mode !== 'paused' && now - this.lastDrawnAt < SAMPLE_REDRAW_MS && this.drawnRun === record.info?.runId) return;
    this.lastDrawnAt = now;
    const snapshot = record.distributions.get(this.distribution);
    const meta = record.info?.distributions.find((d) => d.id === this.distribution);
    const values = snapshot?.values;
    if (snapshot === undefined || meta === undefined || values === null || values === undefined || record.info === null) {
      svg.selectAll('*').remove();
      return;
    }
    const stride = snapshot.sampleStride ?? 1;
    const kinds = record.agentKinds !== null && record.agentKinds.sample.length === values.length ? record.agentKinds : null;
    svg.select('g.axes').remove();
    const axes = svg.insert('g', ':first-child').attr('class', 'axes');
    const legend = kinds === null
      ? [
        { label: 'one agent', color: '#94a3b8', shape: 'dot' as const },
        { label: `${FOLLOWED} agents to follow`, color: colorAt(1), shape: 'dot' as const },
      ]
      // Counts of the whole population, so a sample of a large one still says how many.
      : PERSON_KIND_LABELS.flatMap((label, k) => (kinds.counts[k]! > 0
        ? [{ label: `${label} ${kinds.counts[k]!.toLocaleString('en')}`, color: PERSON_KIND_COLORS[k]!, shape: 'dot' as const }] : []));
    const legendAt = this.legendPlace();
    const legendHeight = drawLegend(axes, [...legend, { label: 'mean', color: '#374151', dashed: true }], legendAt.left, 22, legendAt.width);
    const place = this.plotArea(Math.max(DEFAULT_MARGIN.top, 22 + legendHeight + 4));
    const order = d3.range(values.length).sort((a, b) => values[a]! - values[b]! || a - b);
    const dots: Dot[] = order.map((index, rank) => ({ agent: index * stride, value: values[index]!, rank, kind: kinds?.sample[index] ?? -1 }));
    const total = d3.sum(values);
    const mean = total / Math.max(1, values.length);
    // symlog: near-zero holdings and the richest agent both stay visible.
    const high = Math.max(d3.max(values) ?? 1, mean * 2);
    const y = d3.scaleSymlog().constant(Math.max(mean / 10, 1e-9)).domain([0, high]).range([place.height, 0]);
    const x = d3.scaleLinear().domain([0, Math.max(1, values.length - 1)]).range([0, place.width]);
    // symlog: powers of ten read better than the linear ticks, which bunch at the top.
    const tickCandidates = [0, ...logTicks(Math.max(mean / 10, 1e-9), high)];
    leftAxis(axes, y, place, `${meta.label} (${meta.unit})`, spacedTicks(tickCandidates, y), compact);
    bottomAxis(axes, x, place, stride === 1 ? 'agents, poorest to richest (rank)'
      : `every ${stride}th of ${record.info.agentCount.toLocaleString('en')} persons, poorest to richest`, 6, compact);
    axes.append('line').attr('x1', place.left).attr('x2', place.left + place.width)
      .attr('y1', place.top + y(mean)).attr('y2', place.top + y(mean))
      .attr('stroke', '#374151').attr('stroke-width', 1.5).attr('stroke-dasharray', '6 4');
    let plot = svg.select<SVGGElement>('g.dots');
    const freshRun = this.drawnRun !== record.info.runId;
    if (plot.empty() || freshRun) {
      plot.remove();
      plot = svg.append('g').attr('class', 'dots');
    }
    plot.attr('transform', `translate(${place.left},${place.top})`);
    const radius = values.length > 250 ? 3 : 4.5;
    // Coloured by kind, nobody is singled out: followed agents are a kinetic models' device.
    const followed = (d: Dot) => d.kind < 0 && d.agent < FOLLOWED;
    const circles = plot.selectAll<SVGCircleElement, Dot>('circle').data(dots, (d) => d.agent)
      .join((enter) => enter.append('circle')
        .attr('cx', (d) => x(d.rank)).attr('cy', (d) => y(d.value))
        .attr('r', (d) => (followed(d) ? radius + 3 : radius))
        .call((c) => c.append('title')));
    // Colour and kind change rarely: written only when they change (500 dots, 20 frames a second).
    circles.each(function (d) {
      const fill = d.kind >= 0 ? PERSON_KIND_COLORS[d.kind]! : followed(d) ? colorAt(d.agent + 1) : '#94a3b8';
      if (this.getAttribute('fill') === fill) return;
      this.setAttribute('fill', fill);
      this.setAttribute('fill-opacity', followed(d) || d.kind >= 0 ? '0.9' : '0.75');
      if (d.kind >= 0) this.setAttribute('data-kind', PERSON_KIND_LABELS[d.kind]!);
    });
    // Tooltips are read when the run stands still; rewriting them every frame cost most of a draw.
    if (record.mode === 'paused') {
      circles.select('title').text((d) => `${d.kind >= 0 ? `${PERSON_KIND_LABELS[d.kind]}, ` : ''}agent ${d.agent + 1}: ${compact(d.value)} ${meta.unit} (rank ${d.rank + 1} of ${values.length})`);
    }
    circles.filter(followed).raise();
    // A CSS transition glides the dots (d3-transition is not in the bundle); the attributes
    // carry the same position for SVG export.
    if (sampledEconomy) {
      // Dots of a sample jump between redraws; a glide would only add restyling work.
      circles.attr('cx', (d) => x(d.rank)).attr('cy', (d) => y(d.value));
    } else {
      circles.style('transition', freshRun ? 'none' : `cx ${GLIDE_MS}ms linear, cy ${GLIDE_MS}ms linear`)
        .attr('cx', (d) => x(d.rank)).attr('cy', (d) => y(d.value))
        .style('cx', (d) => `${x(d.rank)}px`).style('cy', (d) => `${y(d.value)}px`);
    }
  }
}
