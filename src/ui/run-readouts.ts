// The headline numbers of the run now, large: the figures a class watches change.
import { LitElement, css, html } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { controlStyles } from './theme.ts';
import type { RunRecord } from './run-record.ts';
import { MONTHS_PER_YEAR } from '../model/engine.ts';

const HEADLINES: readonly { id: string; label: string; format: (v: number) => string }[] = [
  { id: 'wealth.gini', label: 'Gini', format: (v) => v.toFixed(4) },
  { id: 'wealth.top10', label: 'Richest 10% hold', format: (v) => `${(v * 100).toFixed(1)}%` },
  { id: 'wealth.top1', label: 'Richest 1% hold', format: (v) => `${(v * 100).toFixed(1)}%` },
  { id: 'communes.count', label: 'Communes', format: (v) => String(Math.round(v)) },
];

@customElement('run-readouts')
export class RunReadouts extends LitElement {
  static override styles = [controlStyles, css`
    :host { display: flex; flex-wrap: wrap; gap: 0.6em; }
    div { background: #fff; border: 1px solid #d9dee3; border-radius: 8px; padding: 0.4em 0.9em; min-width: 7.5em; }
    span { display: block; font-size: 0.85em; color: #52606d; }
    strong { font-size: 1.7em; font-variant-numeric: tabular-nums; }
    small { display: block; font-size: 0.75em; color: #52606d; }
  `];

  @property({ attribute: false }) record: RunRecord | null = null;
  @property({ type: Number }) version = 0;

  override render() {
    const record = this.record;
    if (record === null || record.info === null) return null;
    const yearOf = (tick: number) => (tick / MONTHS_PER_YEAR).toFixed(tick % MONTHS_PER_YEAR === 0 ? 0 : 1);
    const year = yearOf(record.tick);
    const shown = HEADLINES.filter((h) => record.has(h.id));
    // The figures are those of the last sample. When the scenario samples less often than
    // monthly (a yearly record, say) each says which year it is from, on a line of its own
    // (the label would widen every card past one row) that is always there, so the row keeps
    // its height while the run plays; a monthly record is always current and has no such line.
    const ticks = record.ticks();
    const sampled = ticks.length > 0 ? ticks[ticks.length - 1]! : record.tick;
    const asOf = record.info.recordEveryMonths > 1
      ? html`<small data-testid="readouts-as-of">${sampled === record.tick ? 'now' : `as of year ${yearOf(sampled)}`}</small>`
      : null;
    return html`
      <div part="readout"><span>Year</span><strong data-testid="year-readout">${year}</strong></div>
      <div part="readout"><span>Agents</span><strong data-testid="agents-readout">${record.info.agentCount.toLocaleString('en')}</strong></div>
      ${shown.map((h) => {
        const value = record.latest(h.id);
        const text = value === undefined ? '–' : h.format(value);
        return html`<div part="readout" title=${record.info!.scalars.find((s) => s.id === h.id)?.description ?? ''}>
          <span>${h.label}</span><strong data-testid=${`readout-${h.id}`}>${text}</strong>${asOf}</div>`;
      })}`;
  }
}
