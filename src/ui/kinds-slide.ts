// The classroom's first slide: the three kinds of organisation in plain words, each with a
// small diagram of who owns it, who works in it and where its income goes, and the running
// model's numbers of each kind now (MODEL.md 5).
import { html } from 'lit';
import { customElement } from 'lit/decorators.js';
import { ChartElement, CHART_WIDTH, type Svg } from './charts/chart-element.ts';
import { fittingFontSize, INK } from './charts/axes.ts';
import { KIND_COLORS } from './charts/kind-colors.ts';
import type { RunRecord } from './run-record.ts';
import type { ChartSpec } from './chart-catalogue.ts';

interface Kind {
  readonly title: string;
  readonly color: string;
  /** Top box, arrow label, middle box, arrow label, bottom box. */
  readonly chain: readonly [string, string, string, string, string];
  readonly words: string;
  readonly now: (record: RunRecord) => string;
}

/** "3 communes", "1 commune": the reporter's latest value with the noun in the right number. */
const count = (record: RunRecord, id: string, one: string, many: string) => {
  const v = record.latest(id);
  if (v === undefined) return `– ${many}`;
  const n = Math.round(v);
  return `${n.toLocaleString('en')} ${n === 1 ? one : many}`;
};

const KINDS: readonly Kind[] = [
  {
    title: 'Capitalist firm', color: KIND_COLORS.employee,
    chain: ['Shareholders', 'own it, take profit', 'Firm', 'pays wages to', 'Employees'],
    words: 'Whoever puts in the capital owns it. The workers are paid a wage; the profit goes to the owners.',
    now: (r) => `${count(r, 'firms.count', 'firm', 'firms')}, ${count(r, 'firms.employees', 'employee', 'employees')}`,
  },
  {
    title: 'Cooperative', color: KIND_COLORS.coopMember,
    chain: ['Worker-members', 'own it, one vote each', 'Cooperative', 'shares its income with', 'the same members'],
    words: 'The people who work in it own it together and divide what it earns. Outsiders buy in to join.',
    now: (r) => `${count(r, 'cooperatives.count', 'co-op', 'co-ops')}, ${count(r, 'cooperatives.members', 'member', 'members')}`,
  },
  {
    title: 'Venture commune', color: KIND_COLORS.communeMember,
    chain: ['Savers', 'lend (bonds) to buy tools for', 'Commune', 'rents the tools to', 'whoever works them'],
    words: 'It owns the tools and rents them to whoever works with them; rent repays the bonds, then is shared equally. Every worker holds one share; money cannot buy one.',
    now: (r) => `${count(r, 'communes.count', 'commune', 'communes')}, ${count(r, 'communes.members', 'member', 'members')}`,
  },
];

/** Words of `text` in lines of at most `chars` characters. */
function wrap(text: string, chars: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/)) {
    if (line !== '' && line.length + 1 + word.length > chars) {
      lines.push(line);
      line = word;
    } else line = line === '' ? word : `${line} ${word}`;
  }
  if (line !== '') lines.push(line);
  return lines;
}

/** Below this width (CSS pixels) the three kinds stack, so their words stay readable on a phone. */
const NARROW_PX = 560;
const NARROW_WIDTH = 360;

@customElement('kinds-diagram')
export class KindsDiagram extends ChartElement {
  /** The diagram chooses its own narrow layout (the kinds stacked) in `draw`. */
  protected override layoutWidth(): number {
    return CHART_WIDTH;
  }

  protected override draw(svg: Svg, record: RunRecord): void {
    svg.selectAll('*').remove();
    const narrow = this.clientWidth > 0 && this.clientWidth < NARROW_PX;
    if (narrow) this.drawStacked(svg, record);
    else this.drawSideBySide(svg, record);
  }

  private setBox(svg: Svg, width: number, height: number): void {
    if (width === CHART_WIDTH) {
      if (this.height !== height) this.resize(svg, height);
      return;
    }
    svg.attr('viewBox', `0 0 ${width} ${height}`);
    const frame = svg.node()?.parentElement;
    if (frame) frame.style.aspectRatio = `${width} / ${height}`;
  }

  private drawSideBySide(svg: Svg, record: RunRecord): void {
    this.setBox(svg, CHART_WIDTH, 470);
    const column = CHART_WIDTH / 3;
    KINDS.forEach((kind, i) => {
      const g = svg.append('g').attr('transform', `translate(${i * column + 6},0)`);
      const w = column - 12;
      g.append('text').attr('x', w / 2).attr('y', 24).attr('text-anchor', 'middle').attr('font-size', 19)
        .attr('font-weight', 700).attr('fill', INK).text(kind.title);
      const box = (y: number, label: string, strong: boolean) => {
        g.append('rect').attr('x', 14).attr('y', y).attr('width', w - 28).attr('height', 34).attr('rx', 8)
          .attr('fill', strong ? kind.color : '#fff').attr('stroke', kind.color).attr('stroke-width', 2);
        g.append('text').attr('x', w / 2).attr('y', y + 23).attr('text-anchor', 'middle').attr('font-size', 16)
          .attr('font-weight', strong ? 700 : 400).attr('fill', strong ? '#fff' : INK).text(label);
      };
      const arrow = (y: number, label: string) => {
        g.append('line').attr('x1', w / 2).attr('x2', w / 2).attr('y1', y).attr('y2', y + 40)
          .attr('stroke', INK).attr('stroke-width', 2);
        g.append('path').attr('d', `M${w / 2 - 6},${y + 33} L${w / 2},${y + 42} L${w / 2 + 6},${y + 33}`).attr('fill', 'none')
          .attr('stroke', INK).attr('stroke-width', 2);
        wrap(label, 18).forEach((line, k) => g.append('text').attr('x', w / 2 + 8).attr('y', y + 16 + k * 15)
          .attr('font-size', 13).attr('fill', '#3e4c59').text(line));
      };
      box(40, kind.chain[0], false);
      arrow(76, kind.chain[1]);
      box(120, kind.chain[2], true);
      arrow(156, kind.chain[3]);
      box(200, kind.chain[4], false);
      wrap(kind.words, 25).forEach((line, k) => g.append('text').attr('x', 4).attr('y', 262 + k * 19)
        .attr('font-size', 15).attr('fill', INK).text(line));
      g.append('text').attr('x', 4).attr('y', 420).attr('font-size', 14).attr('fill', '#52606d').text('In this run now:');
      g.append('text').attr('x', 4).attr('y', 442).attr('font-size', 15).attr('font-weight', 700)
        .attr('fill', kind.color).attr('data-testid', 'kind-now').text(kind.now(record));
    });
  }

  /** A phone: the kinds one under another, each chain of boxes read left to right. */
  private drawStacked(svg: Svg, record: RunRecord): void {
    const w = NARROW_WIDTH;
    let y = 0;
    const blocks = KINDS.map((kind) => ({ kind, words: wrap(kind.words, 44) }));
    const blockHeight = (lines: number) => 22 + 54 + 18 + lines * 17 + 20 + 14;
    this.setBox(svg, w, blocks.reduce((sum, b) => sum + blockHeight(b.words.length), 0));
    for (const { kind, words } of blocks) {
      const g = svg.append('g').attr('transform', `translate(0,${y})`);
      g.append('text').attr('x', 2).attr('y', 17).attr('font-size', 17).attr('font-weight', 700).attr('fill', kind.color).text(kind.title);
      const boxW = 104;
      const gap = (w - 3 * boxW) / 2;
      [kind.chain[0], kind.chain[2], kind.chain[4]].forEach((label, i) => {
        const x = i * (boxW + gap);
        g.append('rect').attr('x', x).attr('y', 26).attr('width', boxW).attr('height', 40).attr('rx', 7)
          .attr('fill', i === 1 ? kind.color : '#fff').attr('stroke', kind.color).attr('stroke-width', 2);
        // Long names on two lines at a readable size (one line at 9.5 units was 9 px on a phone).
        const lines = wrap(label, 14);
        lines.forEach((line, k) => g.append('text').attr('x', x + boxW / 2).attr('y', 50 + (k - (lines.length - 1) / 2) * 14)
          .attr('text-anchor', 'middle').attr('font-size', fittingFontSize(line, 13, boxW - 8))
          .attr('font-weight', i === 1 ? 700 : 400).attr('fill', i === 1 ? '#fff' : INK).text(line));
        if (i < 2) {
          const ax = x + boxW + 3;
          g.append('path').attr('d', `M${ax},46 L${ax + gap - 6},46 M${ax + gap - 11},41 L${ax + gap - 6},46 L${ax + gap - 11},51`)
            .attr('fill', 'none').attr('stroke', INK).attr('stroke-width', 1.8);
        }
      });
      g.append('text').attr('x', 2).attr('y', 86).attr('font-size', 12.5).attr('fill', '#3e4c59')
        .text(`${kind.chain[1]}; ${kind.chain[3]}`);
      words.forEach((line, k) => g.append('text').attr('x', 2).attr('y', 106 + k * 17).attr('font-size', 14).attr('fill', INK).text(line));
      g.append('text').attr('x', 2).attr('y', 106 + words.length * 17 + 4).attr('font-size', 14).attr('font-weight', 700)
        .attr('fill', kind.color).attr('data-testid', 'kind-now').text(`Now: ${kind.now(record)}`);
      y += blockHeight(words.length);
    }
  }
}

export const KINDS_SLIDE: ChartSpec = {
  id: 'kinds', title: 'Three kinds of organisation',
  applies: (record) => record.info?.kind === 'economy',
  view: (record) => html`<kinds-diagram .record=${record} .version=${record.version} label="Three kinds of organisation"></kinds-diagram>`,
};
