// The run's dated events (merges, takeovers) on a time line, one row per kind of event; a
// dot's size follows the first size-like number the event carries.
import { customElement } from 'lit/decorators.js';
import * as d3 from 'd3';
import { ChartElement, DEFAULT_MARGIN, type Svg } from './chart-element.ts';
import { bottomAxis, compact, fittingFontSize, INK } from './axes.ts';
import { colorAt } from './palette.ts';
import type { RunRecord } from '../run-record.ts';
import type { RunEvent } from '../../worker/protocol.ts';
import { MONTHS_PER_YEAR } from '../../model/engine.ts';

function sizeOf(event: RunEvent): number {
  for (const [key, value] of Object.entries(event.fields)) {
    if (/size|members/i.test(key) && typeof value === 'number') return value;
  }
  return 1;
}

@customElement('event-timeline')
export class EventTimeline extends ChartElement {
  protected override draw(svg: Svg, record: RunRecord): void {
    svg.selectAll('*').remove();
    const info = record.info;
    if (info === null) return;
    // Room on the left for the event kinds' names.
    const place = this.plotArea(DEFAULT_MARGIN.top, 150);
    const kinds = [...new Set(record.events.map((e) => e.kind))];
    const x = d3.scaleLinear().domain([0, info.totalTicks / MONTHS_PER_YEAR]).range([0, place.width]);
    const y = d3.scalePoint<string>().domain(kinds).range([0, place.height]).padding(0.5);
    const r = d3.scaleSqrt().domain([0, d3.max(record.events, sizeOf) ?? 1]).range([3, 16]);
    const root = svg.append('g');
    bottomAxis(root, x, place, 'years', 8, compact);
    const plot = root.append('g').attr('transform', `translate(${place.left},${place.top})`);
    plot.selectAll('text.kind').data(kinds).join('text')
      .attr('x', -12).attr('y', (k) => y(k)! + 5).attr('text-anchor', 'end').attr('font-size', 18).attr('fill', INK).text((k) => k);
    plot.selectAll('circle').data(record.events).join('circle')
      .attr('cx', (e) => x(e.tick / MONTHS_PER_YEAR)).attr('cy', (e) => y(e.kind)!).attr('r', (e) => r(sizeOf(e)))
      .attr('fill', (e) => colorAt(kinds.indexOf(e.kind))).attr('fill-opacity', 0.6).attr('stroke', INK).attr('stroke-width', 0.8)
      .append('title').text((e) => `year ${(e.tick / MONTHS_PER_YEAR).toFixed(1)}: ${e.kind}; ${Object.entries(e.fields).map(([k, v]) => `${k} ${String(v)}`).join(', ')}`);
    const note = `${record.events.length} events; dot size: size of the organisations involved`;
    const noteAt = this.legendPlace();
    root.append('text').attr('x', Math.max(noteAt.left, place.left)).attr('y', 26)
      .attr('font-size', fittingFontSize(note, 17, noteAt.left + noteAt.width - Math.max(noteAt.left, place.left))).attr('fill', INK).text(note);
  }
}
