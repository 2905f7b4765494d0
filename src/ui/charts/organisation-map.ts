// The organisations themselves, as NetLogo users expect to see them: each organisation a
// circle in its kind's lane, in a fixed cell in order of founding (so it keeps its place as
// the run plays), its area its members or employees now, coloured by kind. One absorbed by another (a merge, a takeover) stays as a
// ring linked to its absorber. Circles grow and shrink as the run plays. Past MAX_MARKS
// organisations alive, those of one kind founded in the same year share one circle (their
// total size, their count in its tooltip), so 10,000 persons stay readable.
import { customElement } from 'lit/decorators.js';
import * as d3 from 'd3';
import { ChartElement, DEFAULT_MARGIN, type Svg } from './chart-element.ts';
import { INK } from './axes.ts';
import { drawLegend, type LegendItem } from './legend.ts';
import { ORG_KIND_COLORS } from './kind-colors.ts';
import type { RunRecord } from '../run-record.ts';
import { MONTHS_PER_YEAR } from '../../model/engine.ts';
import { EXIT_ABSORBED, ORG_KIND_NAMES } from '../../model/economy/organisation-table.ts';

const MAX_MARKS = 600;
const LANE_NAMES = ['communes', 'firms', 'cooperatives'];

interface Mark {
  readonly key: string;
  readonly kind: number;
  /** Founding tick (orders the cells), or the founding year of an aggregated group. */
  readonly order: number;
  cx: number;
  cy: number;
  cell: number;
  readonly size: number;
  readonly count: number;
  readonly absorbed: boolean;
}

/** Places `marks` (one lane) in a grid of equal cells filling width x height, in order. */
function layOut(marks: Mark[], width: number, height: number, top: number): void {
  const n = marks.length;
  if (n === 0) return;
  const cols = Math.max(1, Math.min(n, Math.ceil(Math.sqrt((n * width) / height))));
  const rows = Math.ceil(n / cols);
  const cell = Math.min(width / cols, height / rows);
  marks.forEach((mark, i) => {
    mark.cx = (i % cols + 0.5) * cell;
    mark.cy = top + (Math.floor(i / cols) + 0.5) * cell;
    mark.cell = cell;
  });
}

@customElement('organisation-map')
export class OrganisationMap extends ChartElement {
  protected override draw(svg: Svg, record: RunRecord): void {
    const lives = record.organisations;
    const now = record.organisationsNow;
    const info = record.info;
    svg.selectAll('g.axes').remove();
    if (lives === null || now === null || info === null) {
      svg.selectAll('*').remove();
      return;
    }
    const kindsPresent = [0, 1, 2].filter((k) => lives.kind.includes(k));
    const axes = svg.insert('g', ':first-child').attr('class', 'axes');
    const m = DEFAULT_MARGIN;
    const width = this.width - m.left - m.right;
    const legend: LegendItem[] = kindsPresent.map((k) => ({ label: ORG_KIND_NAMES[k]!, color: ORG_KIND_COLORS[k]!, shape: 'dot' }));
    const aggregated = now.ids.length > MAX_MARKS;
    if (!aggregated && lives.exit.includes(EXIT_ABSORBED)) legend.push({ label: 'absorbed (ring), linked to absorber', color: '#7b8794' });
    const legendAt = this.legendPlace();
    const legendHeight = drawLegend(axes, legend, legendAt.left, 22, legendAt.width);
    const top = 22 + legendHeight + 4;
    const place = this.plotArea(top);
    const lane = d3.scaleBand<number>().domain(kindsPresent).range([0, place.height]).paddingInner(0.08);
    axes.append('text').attr('x', place.left + width / 2).attr('y', place.top + place.height + 40).attr('text-anchor', 'middle')
      .attr('font-size', 18).attr('fill', INK)
      .text(aggregated ? 'one circle per kind and founding year, oldest first' : 'in order of founding, oldest first');
    for (const k of kindsPresent) {
      // The lane's name written upward beside it, so long names never run off the left edge.
      const middle = place.top + lane(k)! + lane.bandwidth() / 2;
      axes.append('text').attr('transform', `translate(${place.left - 14},${middle}) rotate(-90)`)
        .attr('text-anchor', 'middle').attr('font-size', 16).attr('fill', ORG_KIND_COLORS[k]!)
        .attr('font-weight', 700).text(LANE_NAMES[k]!);
      axes.append('line').attr('x1', place.left).attr('x2', place.left + width)
        .attr('y1', place.top + lane(k)! + lane.bandwidth()).attr('y2', place.top + lane(k)! + lane.bandwidth()).attr('stroke', '#e4e7eb');
    }
    const marks: Mark[] = [];
    const byId = new Map<number, Mark>();
    if (aggregated) {
      const groups = new Map<string, Mark>();
      for (let i = 0; i < now.ids.length; i++) {
        const id = now.ids[i]!;
        const kind = lives.kind[id]!;
        const year = Math.floor(lives.foundedTick[id]! / MONTHS_PER_YEAR);
        const key = `${kind}:${year}`;
        const g = groups.get(key);
        groups.set(key, { key, kind, order: year, cx: 0, cy: 0, cell: 0, size: (g?.size ?? 0) + now.sizes[i]!, count: (g?.count ?? 0) + 1, absorbed: false });
      }
      marks.push(...groups.values());
    } else {
      for (let i = 0; i < now.ids.length; i++) {
        const id = now.ids[i]!;
        const mark = { key: String(id), kind: lives.kind[id]!, order: lives.foundedTick[id]!, cx: 0, cy: 0, cell: 0, size: now.sizes[i]!, count: 1, absorbed: false };
        marks.push(mark);
        byId.set(id, mark);
      }
      for (let id = 0; id < lives.kind.length; id++) {
        if (lives.exit[id] !== EXIT_ABSORBED) continue;
        const mark = { key: String(id), kind: lives.kind[id]!, order: lives.foundedTick[id]!, cx: 0, cy: 0, cell: 0, size: 0, count: 1, absorbed: true };
        marks.push(mark);
        byId.set(id, mark);
      }
    }
    for (const k of kindsPresent) {
      const inLane = marks.filter((d) => d.kind === k).sort((a, b) => a.order - b.order || Number(a.key) - Number(b.key));
      layOut(inLane, width, lane.bandwidth(), lane(k)!);
    }
    // Areas comparable across lanes: the biggest organisation fills its cell.
    const biggest = Math.max(1, d3.max(marks, (d) => d.size) ?? 1);
    const radius = (d: Mark) => (d.absorbed ? Math.min(3.5, Math.max(1.5, d.cell * 0.15)) : Math.max(1.2, 0.47 * d.cell * Math.sqrt(d.size / biggest)));
    let plot = svg.select<SVGGElement>('g.orgs');
    if (plot.empty() || this.drawnRun !== info.runId) {
      plot.remove();
      plot = svg.append('g').attr('class', 'orgs');
    }
    plot.attr('transform', `translate(${place.left},${place.top})`);
    // Links: absorbed -> absorber, from the run's merge and takeover events.
    const links = aggregated ? [] : record.events.flatMap((e) => {
      if (!/merge|takeover/.test(e.kind)) return [];
      const a = byId.get(Number(e.fields['org']));
      const b = byId.get(Number(e.fields['other']));
      return a !== undefined && b !== undefined ? [{ a, b, kind: e.kind }] : [];
    });
    plot.selectAll<SVGPathElement, (typeof links)[number]>('path.link').data(links, (l) => `${l.a.key}-${l.b.key}`)
      .join('path').attr('class', 'link').attr('fill', 'none').attr('stroke', '#7b8794').attr('stroke-width', 1.2).attr('stroke-opacity', 0.7)
      .attr('d', (l) => {
        const [x1, y1, x2, y2] = [l.b.cx, l.b.cy, l.a.cx, l.a.cy];
        return `M${x1},${y1} Q${(x1 + x2) / 2},${Math.min(y1, y2) - 20} ${x2},${y2}`;
      });
    const circles = plot.selectAll<SVGCircleElement, Mark>('circle').data(marks, (d) => d.key)
      .join((enter) => enter.append('circle').call((c) => c.append('title')));
    circles.attr('cx', (d) => d.cx).attr('cy', (d) => d.cy).attr('r', radius)
      .attr('fill', (d) => (d.absorbed ? 'none' : ORG_KIND_COLORS[d.kind]!)).attr('fill-opacity', 0.75)
      .attr('stroke', (d) => (d.absorbed ? ORG_KIND_COLORS[d.kind]! : INK)).attr('stroke-width', (d) => (d.absorbed ? 1.5 : 0.6))
      .attr('data-kind', (d) => ORG_KIND_NAMES[d.kind]!)
      .style('transition', 'r 200ms linear');
    circles.select('title').text((d) => (d.count > 1
      ? `${d.count} ${LANE_NAMES[d.kind]} founded in year ${d.order + 1}: ${d.size.toLocaleString('en')} persons in all`
      : `${ORG_KIND_NAMES[d.kind]} ${d.key}${d.absorbed ? ', absorbed' : `: ${d.size.toLocaleString('en')} persons`}`));
    // Circles large enough to hold it say how many persons they are (the planner's one commune was an unlabelled disc).
    const labelled = marks.filter((d) => !d.absorbed && radius(d) >= 16);
    plot.selectAll<SVGTextElement, Mark>('text.size').data(labelled, (d) => d.key).join('text').attr('class', 'size')
      .attr('x', (d) => d.cx).attr('y', (d) => d.cy).attr('dy', '0.35em').attr('text-anchor', 'middle')
      .attr('font-size', (d) => Math.min(20, radius(d) * 0.6)).attr('font-weight', 700).attr('fill', INK).attr('pointer-events', 'none')
      .text((d) => d.size.toLocaleString('en'));
    plot.selectAll('path.link').lower();
  }
}
