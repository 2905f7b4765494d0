// The planner's four pictures of one commune, drawn with d3 from the model's CommunePlan (the
// numbers are the model's; these functions only place them). Styles are SVG attributes, so a
// printed or exported chart looks like the screen.
import * as d3 from 'd3';
import { bottomAxis, compact, INK, leftAxis } from '../charts/axes.ts';
import { drawLegend, type LegendItem } from '../charts/legend.ts';
import { colorAt } from '../charts/palette.ts';
import { MONTHS_PER_YEAR } from '../../model/engine.ts';
import type { CommunePlan } from '../../model/economy/commune-plan.ts';

export const PLAN_WIDTH = 680;
export const PLAN_HEIGHT = 400;
const M = { top: 60, right: 26, bottom: 70, left: 90 };
type Svg = d3.Selection<SVGSVGElement, unknown, null, undefined>;

function frame(svg: Svg): { root: d3.Selection<SVGGElement, unknown, null, undefined>; width: number; height: number } {
  svg.selectAll('*').remove();
  svg.attr('viewBox', `0 0 ${PLAN_WIDTH} ${PLAN_HEIGHT}`);
  return { root: svg.append('g'), width: PLAN_WIDTH - M.left - M.right, height: PLAN_HEIGHT - M.top - M.bottom };
}

const yearsOf = (plan: CommunePlan) => d3.range(plan.months + 1).map((m) => m / MONTHS_PER_YEAR);

/** Outstanding principal stacked by the year each series was issued, the total on top. */
export function drawSchedule(svg: Svg, plan: CommunePlan): void {
  const { root, width, height } = frame(svg);
  const place = { left: M.left, top: M.top, width, height };
  const rows = plan.months + 1;
  const years = yearsOf(plan);
  const x = d3.scaleLinear().domain([0, plan.months / MONTHS_PER_YEAR]).range([0, width]);
  const y = d3.scaleLinear().domain([0, Math.max(1, d3.max(plan.monthly.outstandingTotal) ?? 1)]).nice().range([height, 0]);
  leftAxis(root, y, place, 'outstanding (money units)', 5, compact);
  bottomAxis(root, x, place, 'year', 6);
  const issueYears = d3.range(plan.years).filter((yr) => {
    for (let m = 0; m < rows; m++) if (plan.monthly.outstandingByIssueYear[yr * rows + m]! > 0) return true;
    return false;
  });
  const color = d3.scaleSequential(d3.interpolateYlGnBu).domain([-plan.years * 0.3, plan.years]);
  const plot = root.append('g').attr('transform', `translate(${M.left},${M.top})`);
  // Quarter ends (and the last month) are enough points for a 30-year area; months would be 12k points.
  const points = d3.range(0, rows, 3);
  if (points[points.length - 1] !== rows - 1) points.push(rows - 1);
  const below = new Float64Array(rows);
  for (const yr of issueYears) {
    const top = Float64Array.from(below, (b, m) => b + plan.monthly.outstandingByIssueYear[yr * rows + m]!);
    const area = d3.area<number>().x((m) => x(years[m]!)).y0((m) => y(below[m]!)).y1((m) => y(top[m]!));
    plot.append('path').attr('d', area(points)).attr('fill', color(yr)).attr('stroke', 'none')
      .append('title').text(`series issued in year ${yr + 1}`);
    below.set(top);
  }
  const line = d3.line<number>().x((m) => x(years[m]!)).y((m) => y(plan.monthly.outstandingTotal[m]!));
  plot.append('path').attr('d', line(d3.range(rows))).attr('fill', 'none').attr('stroke', INK).attr('stroke-width', 2);
  const debtFree = plan.headline.yearsToFoundingDebtFree;
  const legend: LegendItem[] = [
    { label: 'issued in year 1', color: color(0), shape: 'box' },
    { label: 'issued later (darker)', color: color(plan.years * 0.7), shape: 'box' },
    { label: 'total', color: INK },
  ];
  if (Number.isFinite(debtFree)) {
    plot.append('line').attr('x1', x(debtFree)).attr('x2', x(debtFree)).attr('y1', 0).attr('y2', height)
      .attr('stroke', colorAt(1)).attr('stroke-width', 2).attr('stroke-dasharray', '6 4');
    legend.push({ label: `founding bonds settled: year ${debtFree.toFixed(1)}`, color: colorAt(1), dashed: true });
  }
  drawLegend(root, legend, M.left, 16, width, true);
}

/** Each member's monthly net (dividend - rent) against the property it used, median marked. */
export function drawMemberNet(svg: Svg, plan: CommunePlan): void {
  const { root, width, height } = frame(svg);
  const place = { left: M.left, top: M.top, width, height };
  const { netMonthly: net, relativeUse: use } = plan.members;
  const x = d3.scaleLinear().domain([0, Math.max(2, d3.max(use) ?? 2)]).nice().range([0, width]);
  const y = d3.scaleLinear().domain(d3.extent([0, ...net]) as [number, number]).nice().range([height, 0]);
  leftAxis(root, y, place, 'dividend − rent (per month)', 5, compact);
  bottomAxis(root, x, place, 'property used (1 = the commune\'s average)', 6);
  const plot = root.append('g').attr('transform', `translate(${M.left},${M.top})`);
  plot.append('line').attr('x1', 0).attr('x2', width).attr('y1', y(0)).attr('y2', y(0)).attr('stroke', INK).attr('stroke-width', 1);
  const median = plan.headline.medianMemberNet;
  if (Number.isFinite(median)) {
    plot.append('line').attr('x1', 0).attr('x2', width).attr('y1', y(median)).attr('y2', y(median))
      .attr('stroke', colorAt(1)).attr('stroke-width', 2).attr('stroke-dasharray', '6 4');
  }
  // Beyond a few thousand members the dots are a cloud: draw a sample in member order.
  const stride = Math.max(1, Math.ceil(net.length / 3000));
  for (let i = 0; i < net.length; i += stride) {
    plot.append('circle').attr('cx', x(use[i]!)).attr('cy', y(net[i]!)).attr('r', 3.5)
      .attr('fill', colorAt(0)).attr('fill-opacity', 0.6);
  }
  drawLegend(root, [
    { label: `one member (${net.length} last year)`, color: colorAt(0), shape: 'dot' },
    { label: `median ${compact(median)}`, color: colorAt(1), dashed: true },
  ], M.left, 16, width, true);
}

function lines(svg: Svg, plan: CommunePlan, series: { label: string; values: Float64Array; color: string }[], axis: string): void {
  const { root, width, height } = frame(svg);
  const place = { left: M.left, top: M.top, width, height };
  const years = yearsOf(plan);
  const x = d3.scaleLinear().domain([0, plan.months / MONTHS_PER_YEAR]).range([0, width]);
  const high = d3.max(series, (s) => d3.max(s.values) ?? 0) ?? 0;
  const y = d3.scaleLinear().domain([0, Math.max(1, high)]).nice().range([height, 0]);
  leftAxis(root, y, place, axis, 5, compact);
  bottomAxis(root, x, place, 'year', 6);
  const plot = root.append('g').attr('transform', `translate(${M.left},${M.top})`);
  for (const s of series) {
    const line = d3.line<number>().x((m) => x(years[m]!)).y((m) => y(s.values[m]!));
    plot.append('path').attr('d', line(d3.range(plan.months + 1))).attr('fill', 'none').attr('stroke', s.color).attr('stroke-width', 2.5);
  }
  drawLegend(root, series.map((s) => ({ label: s.label, color: s.color })), M.left, 16, width, true);
}

/**
 * The dividend per member (top) and the pool (bottom, its own scale): the pool fills between
 * dividends and empties at each, so on one axis with the dividend it would hide it.
 */
export function drawPool(svg: Svg, plan: CommunePlan): void {
  const { root, width } = frame(svg);
  const years = yearsOf(plan);
  const x = d3.scaleLinear().domain([0, plan.months / MONTHS_PER_YEAR]).range([0, width]);
  const panel = (values: Float64Array, top: number, height: number, label: string, color: string, fill: boolean) => {
    const y = d3.scaleLinear().domain([0, Math.max(1, d3.max(values) ?? 1)]).nice().range([height, 0]);
    const place = { left: M.left, top, width, height };
    leftAxis(root, y, place, label, 3, compact);
    const g = root.append('g').attr('transform', `translate(${M.left},${top})`);
    const index = d3.range(plan.months + 1);
    if (fill) {
      const area = d3.area<number>().x((m) => x(years[m]!)).y0(height).y1((m) => y(values[m]!));
      g.append('path').attr('d', area(index)).attr('fill', color).attr('fill-opacity', 0.35).attr('stroke', 'none');
    } else {
      const line = d3.line<number>().x((m) => x(years[m]!)).y((m) => y(values[m]!));
      g.append('path').attr('d', line(index)).attr('fill', 'none').attr('stroke', color).attr('stroke-width', 2.5);
    }
    return place;
  };
  const gap = 26;
  const inner = PLAN_HEIGHT - M.top - M.bottom - gap;
  panel(plan.monthly.dividendPerMember, M.top, inner / 2, 'dividend', colorAt(2), false);
  const lower = panel(plan.monthly.pool, M.top + inner / 2 + gap, inner / 2, 'pool', colorAt(0), true);
  bottomAxis(root, x, lower, 'year', 6);
  drawLegend(root, [
    { label: 'dividend per member (per month)', color: colorAt(2) },
    { label: 'pool, filling between dividends', color: colorAt(0), shape: 'box' },
  ], M.left, 16, width, true);
}

/** Bondholders' losses on defaulted series and what they recovered, cumulative. */
export function drawDefaults(svg: Svg, plan: CommunePlan): void {
  const n = plan.monthly.defaultedSeries[plan.months] ?? 0;
  lines(svg, plan, [
    { label: `lost (${n} series defaulted)`, values: plan.monthly.bondLosses, color: colorAt(1) },
    { label: 'recovered from liquidations', values: plan.monthly.recovered, color: colorAt(2) },
  ], 'cumulative (money units)');
}
