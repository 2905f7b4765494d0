// Reporters over time, read from their metadata: one line per reporter id, one panel per
// unit (shares and money never share an axis), optional marks at the run's events (merges,
// takeovers). Hovering shows every line's value at that year.
import { customElement, property } from 'lit/decorators.js';
import * as d3 from 'd3';
import { ChartElement, DEFAULT_MARGIN, type Svg } from './chart-element.ts';
import { bottomAxis, compact, INK, leftAxis } from './axes.ts';
import { drawLegend, legendMeasured, type LegendItem } from './legend.ts';
import { KeptLayers } from './kept-layers.ts';
import { colorAt } from './palette.ts';
import { seriesColor } from '../kind-series.ts';
import type { RunRecord } from '../run-record.ts';
import type { ReporterInfo, RunEvent } from '../../worker/protocol.ts';
import { MONTHS_PER_YEAR } from '../../model/engine.ts';

const PANEL_HEIGHT = 300;
/** Panels of a chart with several units are shorter, so the card stays near one screen. */
const STACKED_PANEL_HEIGHT = 230;

const isMerge = (event: RunEvent) => /merge|takeover/i.test(event.kind);
const EVENT_INK = '#9ca3af';
const EVENT_DASH = '3 3';
/** More distinct months than this and the marks become one a year (hundreds of takeovers made a grey comb). */
const MAX_EVENT_MARKS = 40;

/** Events as marks: one per month with any, or one per year when there would be too many. */
function eventMarks(events: readonly RunEvent[]): { byYear: boolean; rows: { year: number; events: RunEvent[] }[] } {
  const byMonth = d3.groups(events, (e) => e.tick);
  const byYear = byMonth.length > MAX_EVENT_MARKS;
  const groups = byYear ? d3.groups(events, (e) => Math.floor(e.tick / MONTHS_PER_YEAR)) : byMonth;
  return { byYear, rows: groups.map(([key, list]) => ({ year: byYear ? key + 0.5 : key / MONTHS_PER_YEAR, events: list })) };
}

/** Shares, ratios and indices on 0-1 go on one axis; other units each get their own. */
function unitGroup(unit: string): string {
  return /0-1/.test(unit) ? '0-1' : unit;
}

function groupLabel(reporters: readonly ReporterInfo[]): string {
  const units = [...new Set(reporters.map((r) => r.unit))];
  if (units.every((u) => /0-1/.test(u))) return 'share or index (0 to 1)';
  return units.join(', ');
}

@customElement('series-chart')
export class SeriesChart extends ChartElement {
  /** Compared by content: the page passes a fresh array on every frame. */
  @property({ attribute: false, hasChanged: (now: readonly string[], before?: readonly string[]) => !sameIds(now, before) })
  ids: readonly string[] = [];
  /** Draw a vertical mark at each event of the run. */
  @property({ type: Boolean }) markEvents = false;

  protected override draw(svg: Svg, record: RunRecord): void {
    const info = record.info;
    if (info === null) {
      svg.node()?.replaceChildren();
      return;
    }
    const reporters = this.ids.map((id) => info.scalars.find((s) => s.id === id)).filter((r): r is ReporterInfo => r !== undefined);
    const groups = d3.groups(reporters, (r) => unitGroup(r.unit));
    const m = DEFAULT_MARGIN;
    // A series about one kind wears the kind's colour (as the agents and the organisations do).
    const colorOf = (r: ReporterInfo) => seriesColor(r.id) ?? colorAt(reporters.indexOf(r));
    const legendItems: LegendItem[] = reporters.map((r) => ({ label: r.label, color: colorOf(r) }));
    const marks = this.markEvents ? eventMarks(record.events.filter(isMerge)) : null;
    if (marks !== null && marks.rows.length > 0) {
      legendItems.push({ label: `merge or takeover${marks.byYear ? ' (one mark a year, thicker for more)' : ''}`, color: EVENT_INK, dashed: EVENT_DASH });
    }
    // The legend and each panel's axes stay from one redraw to the next until they change (a
    // y axis when the lines outgrow it); the lines are drawn over them afresh.
    const layers = new KeptLayers(svg.node()!);
    const legendAt = this.legendPlace();
    const legendKey = JSON.stringify([legendItems, legendAt, legendMeasured(legendItems)]);
    const legendHeight = layers.kept(legendKey, (layer) => drawLegend(layer, legendItems, legendAt.left, 20, legendAt.width));
    const top = 20 + legendHeight + 8;
    const panelHeight = groups.length > 1 ? STACKED_PANEL_HEIGHT : PANEL_HEIGHT;
    const height = top + groups.length * panelHeight + 12;
    if (Math.abs(height - this.height) > 0.5) this.resize(svg, height);
    const ticks = record.ticks();
    const years = Array.from(ticks, (t) => t / MONTHS_PER_YEAR);
    const x = d3.scaleLinear().domain([0, info.totalTicks / MONTHS_PER_YEAR]).range([0, this.width - m.left - m.right]);
    const panels = groups.map(([, members], g) => {
      const place = { left: m.left, top: top + g * panelHeight, width: this.width - m.left - m.right, height: panelHeight - m.bottom };
      const columns = members.map((r) => record.column(r.id));
      let low = d3.min(columns, (c) => d3.min(c)) ?? 0;
      let high = d3.max(columns, (c) => d3.max(c)) ?? 1;
      if (unitGroup(members[0]!.unit) === '0-1') {
        low = Math.min(0, low);
        high = Math.max(high, 0.1);
      }
      if (low === high) high = low + 1;
      const y = d3.scaleLinear().domain([Math.min(0, low), high]).nice().range([place.height, 0]);
      const label = groupLabel(members);
      layers.kept(JSON.stringify([place, y.domain(), x.domain(), x.range(), label]), (layer) => {
        leftAxis(layer, y, place, label, 5, compact);
        bottomAxis(layer, x, place, 'years', 8, compact);
      });
      return { members, place, columns, y };
    });
    // Panels do not overlap, so their lines drawn after every panel's axes look as before.
    const root = layers.fresh();
    const readouts: { y: d3.ScaleLinear<number, number>; top: number; values: Float64Array[]; colors: string[] }[] = [];
    panels.forEach(({ members, place, columns, y }) => {
      const plot = root.append('g').attr('transform', `translate(${place.left},${place.top})`);
      if (marks !== null) {
        plot.selectAll('line.event').data(marks.rows).join('line').attr('class', 'event')
          .attr('x1', (e) => x(e.year)).attr('x2', (e) => x(e.year))
          .attr('y1', 0).attr('y2', place.height).attr('stroke', EVENT_INK)
          .attr('stroke-width', (e) => 1.5 + Math.log2(e.events.length)).attr('stroke-dasharray', EVENT_DASH)
          .append('title').text((e) => (e.events.length === 1
            ? `year ${e.year.toFixed(1)}: ${e.events[0]!.kind} ${Object.entries(e.events[0]!.fields).map(([k, v]) => `${k} ${String(v)}`).join(', ')}`
            : `${marks.byYear ? `year ${Math.floor(e.year) + 1}` : `year ${e.year.toFixed(1)}`}: ${e.events.length} merges or takeovers`));
      }
      const colors: string[] = [];
      members.forEach((r, k) => {
        const color = colorOf(r);
        colors.push(color);
        const column = columns[k]!;
        const line = d3.line<number>().x((_, i) => x(years[i]!)).y((v) => y(v)).defined((v) => Number.isFinite(v));
        plot.append('path').datum(Array.from(column)).attr('d', line).attr('fill', 'none')
          .attr('stroke', color).attr('stroke-width', 3.5).attr('stroke-linejoin', 'round');
        // The latest value as a dot: visible from the first sample, before there is a line.
        const last = column.length - 1;
        if (last >= 0 && Number.isFinite(column[last]!)) {
          plot.append('circle').attr('cx', x(years[last]!)).attr('cy', y(column[last]!)).attr('r', 5).attr('fill', color)
            .append('title').text(`${r.label}: ${compact(column[last]!)} ${r.unit} in year ${years[last]!.toFixed(1)}`);
        }
      });
      readouts.push({ y, top: place.top, values: columns, colors });
    });
    this.hoverLayer(root, x, years, readouts, top, groups.length * panelHeight - m.bottom);
  }

  /** A vertical rule with each line's value at the hovered year. */
  private hoverLayer(
    root: d3.Selection<SVGGElement, unknown, null, undefined>, x: d3.ScaleLinear<number, number>, years: number[],
    panels: { y: d3.ScaleLinear<number, number>; top: number; values: Float64Array[]; colors: string[] }[],
    top: number, height: number,
  ): void {
    if (years.length === 0) return;
    const m = DEFAULT_MARGIN;
    const width = this.width - m.left - m.right;
    const layer = root.append('g').attr('transform', `translate(${m.left},0)`);
    const rule = layer.append('line').attr('y1', top).attr('y2', top + height).attr('stroke', INK).attr('stroke-width', 1).attr('visibility', 'hidden');
    const labels = layer.append('g').attr('visibility', 'hidden');
    layer.append('rect').attr('x', 0).attr('y', top).attr('width', width).attr('height', height)
      .attr('fill', 'transparent')
      .on('pointerleave', () => {
        rule.attr('visibility', 'hidden');
        labels.attr('visibility', 'hidden');
      })
      .on('pointermove', (event: PointerEvent) => {
        const [px] = d3.pointer(event);
        const i = Math.max(0, Math.min(years.length - 1, d3.bisectCenter(years, x.invert(px))));
        const xi = x(years[i]!);
        rule.attr('x1', xi).attr('x2', xi).attr('visibility', 'visible');
        labels.selectAll('*').remove();
        labels.attr('visibility', 'visible');
        const anchor = xi > width * 0.7 ? 'end' : 'start';
        const dx = anchor === 'end' ? -8 : 8;
        for (const panel of panels) {
          panel.values.forEach((column, k) => {
            const v = column[i]!;
            if (!Number.isFinite(v)) return;
            labels.append('text').attr('x', xi + dx).attr('y', panel.top + panel.y(v) - 6)
              .attr('text-anchor', anchor).attr('font-size', 17).attr('font-weight', 600)
              .attr('fill', panel.colors[k]!).attr('stroke', 'white').attr('stroke-width', 3).attr('paint-order', 'stroke')
              .text(compact(v));
          });
        }
        labels.append('text').attr('x', xi + dx).attr('y', top + 16).attr('text-anchor', anchor).attr('font-size', 17)
          .attr('fill', INK).text(`year ${years[i]!.toFixed(years[i]! % 1 === 0 ? 0 : 1)}`);
      });
  }
}

function sameIds(a: readonly string[], b: readonly string[] | undefined): boolean {
  return b !== undefined && a.length === b.length && a.every((id, i) => id === b[i]);
}
