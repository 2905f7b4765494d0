// The experiment views: Replicates (N runs of the current scenario, every series as its mean
// and 95% band, filling in as runs finish) and Compare (two to four scenarios on the same
// replicate keys, aligned charts on shared axes, and each one's difference from the first with
// its paired 95% interval). Runs go to the page's worker pool; the page redraws at most a few
// times a second, so the main thread stays free while they run.
import { LitElement, css, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { controlStyles } from '../theme.ts';
import { PRESETS } from '../presets.ts';
import { colorAt } from '../charts/palette.ts';
import { MONTHS_PER_YEAR } from '../../model/engine.ts';
import type { Scenario } from '../../scenarios/schema.ts';
import './band-chart.ts';
import { bandExtent, type BandLine } from './band-chart.ts';
import { seriesPanels, type SeriesPanel } from './series-groups.ts';
import { rangeOfUnit } from './unit-range.ts';
import { cancelExperiment, runExperiment, type ExperimentEntry, type ExperimentState } from './experiment-run.ts';
import {
  DEFAULT_REPLICATES, MAX_COMPARED, MAX_REPLICATES, VARIANTS, formatEntry, parseEntry, populationOf, populationOverride,
  experimentEntries, runPopulation, titleAtPopulation, type EntryRef, type ExperimentAddress,
} from './experiment-plan.ts';

export type ExperimentMode = 'replicates' | 'compare';

/** Redraws while runs finish: at most this often. */
const REDRAW_MS = 400;
const DEFAULT_COMPARE: readonly EntryRef[] = [{ source: 'current' }, { source: 'current', variant: 'communes-off' }];

@customElement('experiment-view')
export class ExperimentView extends LitElement {
  static override styles = [controlStyles, css`
    :host { display: block; }
    .controls { display: flex; flex-wrap: wrap; gap: 0.6em 1em; align-items: end; background: #fff; border: 1px solid #d9dee3;
      border-radius: 8px; padding: 0.7em 1em; }
    .controls label { display: grid; gap: 0.15em; font-weight: 600; }
    .controls input[type=number] { width: 7em; }
    .entries { display: grid; gap: 0.4em; width: 100%; }
    .entry { display: flex; gap: 0.5em; align-items: center; flex-wrap: wrap; }
    .entry .swatch { width: 1em; height: 1em; border-radius: 3px; display: inline-block; }
    .status { margin: 0.6em 0; display: flex; gap: 0.8em; align-items: center; flex-wrap: wrap; }
    .chips { display: flex; gap: 3px; flex-wrap: wrap; }
    .chip { width: 0.9em; height: 0.9em; border-radius: 2px; background: #d9dee3; }
    .chip.done { background: #0b6b3a; } .chip.failed { background: #a12d1f; }
    .failures { background: #fdecea; border: 1px solid #a12d1f; border-radius: 8px; padding: 0.5em 1em; margin: 0.5em 0; }
    .failures ul { margin: 0.2em 0 0; padding-left: 1.2em; }
    /* Two columns from a 1280-pixel screen on (one column there made every chart a screen high). */
    .grid { display: grid; grid-template-columns: repeat(auto-fill, minmax(min(100%, 24em), 1fr)); gap: 0.8em; }
    .row { display: grid; gap: 0.6em; grid-template-columns: repeat(var(--columns), minmax(0, 1fr)); }
    figure { margin: 0; background: #fff; border: 1px solid #d9dee3; border-radius: 8px; padding: 0.5em 0.8em; min-width: 0; }
    figcaption { font-weight: 600; }
    figcaption small { display: block; font-weight: normal; color: #52606d; }
    h3 { margin: 1em 0 0.4em; font-size: 1.1em; }
    .table-scroll { overflow-x: auto; }
    table { border-collapse: collapse; font-size: 0.9em; background: #fff; }
    th, td { border-bottom: 1px solid #e4e7eb; padding: 0.2em 0.6em; text-align: right; font-variant-numeric: tabular-nums; }
    th:first-child, td:first-child { text-align: left; }
  `];

  @property({ type: String }) mode: ExperimentMode = 'replicates';
  @property({ type: String }) scenarioText = '';
  @property({ attribute: false }) scenario: Scenario | null = null;
  @property({ type: String }) scenarioName = '';
  /** What the address asked for when the page opened; the view starts running it. */
  @property({ attribute: false }) address: ExperimentAddress | null = null;

  @state() private replicates = DEFAULT_REPLICATES;
  @state() private persons: number | undefined = undefined;
  @state() private compare: EntryRef[] = [...DEFAULT_COMPARE];
  @state() private run: ExperimentState | null = null;
  @state() private running = false;
  @state() private group = 'inequality';
  private revision = 0;
  private redrawTimer: ReturnType<typeof setTimeout> | undefined;
  private startedFor = '';

  override disconnectedCallback(): void {
    this.stop();
    super.disconnectedCallback();
  }

  protected override willUpdate(): void {
    if (this.address !== null) {
      this.replicates = this.address.replicates;
      this.persons = this.address.persons;
      if (this.address.compare.length >= 2) this.compare = [...this.address.compare];
      this.address = null;
      this.startedFor = '';
    }
  }

  protected override updated(): void {
    // Opening a view (or a share link to it) runs it for the scenario shown.
    const key = `${this.mode}\u0000${this.scenarioText}`;
    if (this.scenarioText !== '' && this.startedFor !== key) {
      this.startedFor = key;
      void this.start();
    }
  }

  private entries(): ExperimentEntry[] {
    const refs = this.mode === 'replicates' ? [{ source: 'current' } as EntryRef] : this.compare;
    return experimentEntries(refs, { text: this.scenarioText, name: this.scenarioName, scenario: this.scenario }, this.persons);
  }

  private emitAddress(): void {
    this.dispatchEvent(new CustomEvent<Partial<ExperimentAddress>>('experiment-address', {
      bubbles: true, composed: true,
      detail: { replicates: this.replicates, persons: this.persons, ...(this.mode === 'compare' ? { compare: this.compare } : {}) },
    }));
  }

  private async start(): Promise<void> {
    this.stop();
    const revision = ++this.revision;
    this.running = true;
    this.emitAddress();
    const done = await runExperiment(this.entries(), this.replicates, (s) => {
      if (revision !== this.revision) return;
      this.run = s;
      this.redrawTimer ??= setTimeout(() => {
        this.redrawTimer = undefined;
        this.requestUpdate();
      }, REDRAW_MS);
    });
    if (revision !== this.revision) return;
    this.run = done;
    this.running = false;
    this.requestUpdate();
  }

  private stop(): void {
    if (this.running) cancelExperiment();
    this.revision++;
    this.running = false;
  }

  private backToSingle(): void {
    this.stop();
    this.dispatchEvent(new CustomEvent('mode-change', { detail: 'single', bubbles: true, composed: true }));
  }

  private renderControls() {
    const population = this.persons ?? populationOf(this.scenario);
    // Each choice named at the population it would run.
    const override = populationOverride(this.scenario, this.persons);
    const current = titleAtPopulation(this.scenarioName, runPopulation(this.scenarioText, override));
    const refChoices = [
      { value: 'current', label: `${current} (current)` },
      ...Object.entries(VARIANTS).map(([id, v]) => ({ value: `current:${id}`, label: `${current}, ${v.label}` })),
      ...PRESETS.map((p) => ({ value: `preset:${p.id}`, label: titleAtPopulation(p.name, runPopulation(p.text, override)) })),
    ];
    return html`<div class="controls">
      <label>Replicates <input type="number" min="2" max=${MAX_REPLICATES} .value=${String(this.replicates)} data-testid="replicate-count"
        @change=${(e: Event) => { const v = Number((e.target as HTMLInputElement).value); if (Number.isInteger(v) && v >= 2 && v <= MAX_REPLICATES) this.replicates = v; }}></label>
      <label>${this.scenario?.kind === 'economy' ? 'Persons' : 'Agents'} <input type="number" min="10" step="100" .value=${String(population ?? '')}
        data-testid="experiment-population"
        @change=${(e: Event) => { const v = Number((e.target as HTMLInputElement).value); this.persons = Number.isInteger(v) && v >= 10 ? v : undefined; }}></label>
      ${this.mode === 'compare' ? html`<div class="entries">${this.compare.map((ref, k) => html`<div class="entry">
        <span class="swatch" style=${`background:${colorAt(k)}`}></span>
        <select data-testid=${`compare-entry-${k}`} @change=${(e: Event) => {
          const parsed = parseEntry((e.target as HTMLSelectElement).value);
          if (parsed !== null) this.compare = this.compare.map((r, j) => (j === k ? parsed : r));
        }}>${refChoices.map((c) => html`<option value=${c.value} ?selected=${c.value === formatEntry(ref)}>${k === 0 ? 'A: ' : `${String.fromCharCode(65 + k)}: `}${c.label}</option>`)}</select>
        ${this.compare.length > 2 ? html`<button @click=${() => { this.compare = this.compare.filter((_, j) => j !== k); }}>Remove</button>` : nothing}
      </div>`)}
      ${this.compare.length < MAX_COMPARED ? html`<div><button data-testid="compare-add" @click=${() => { this.compare = [...this.compare, { source: 'current' }]; }}>Add a scenario</button></div>` : nothing}
      </div>` : nothing}
      <button class="primary" data-testid="experiment-run" @click=${() => void this.start()}>${this.running ? 'Restart' : 'Run'}</button>
      <button data-testid="experiment-cancel" ?disabled=${!this.running} @click=${() => { this.stop(); this.requestUpdate(); }}>Cancel</button>
      <button data-testid="back-to-single" @click=${this.backToSingle}>Back to a single run</button>
    </div>`;
  }

  private renderStatus(run: ExperimentState) {
    const total = run.entries.length * run.replicates;
    const seconds = (run.wallMs / 1000).toFixed(0);
    const word = this.running ? 'running' : run.cancelled ? 'cancelled' : 'finished';
    return html`<div class="status" data-testid="experiment-status" data-done=${String(run.done)} data-total=${String(total)} data-state=${word}>
      <span>${run.done} of ${total} runs finished (${word}, ${seconds} s; replicate keys r1 to r${run.replicates}, as the CLI's
        <code>--replicates ${run.replicates}</code>)</span>
      ${run.progress.map((p, k) => html`<span class="chips" title=${run.entries[k]!.label}>${p.status.map((s, i) => html`<span class="chip ${s}" title=${`r${i + 1}: ${s}`}></span>`)}</span>`)}
    </div>
    ${run.failures.length > 0 ? html`<div class="failures" role="alert" data-testid="experiment-failures">${run.failures.length} run${run.failures.length > 1 ? 's' : ''} failed and ${run.failures.length > 1 ? 'are' : 'is'} left out; the others go on.
      <ul>${run.failures.slice(0, 8).map((f) => html`<li>${f}</li>`)}</ul></div>` : nothing}`;
  }

  private yearsOf(run: ExperimentState): number {
    return Math.max(1, run.totalTicks / MONTHS_PER_YEAR);
  }

  private renderReplicates(run: ExperimentState, panels: SeriesPanel[]) {
    const progress = run.progress[0]!;
    return html`<div class="grid" data-testid="replicate-bands">${panels.map((panel) => {
      const lines: BandLine[] = panel.reporters.flatMap((r) => {
        const band = progress.bands.band(r.id, rangeOfUnit(r.unit));
        return band === undefined ? [] : [{ label: r.label, color: r.color, band }];
      });
      return html`<figure data-chart=${panel.key}><figcaption>${panel.title}
        <small>Mean of ${progress.bands.replicates} replicates; the shaded band is the 95% interval of the mean.</small></figcaption>
        <band-chart .lines=${lines} years=${this.yearsOf(run)} unit=${panel.unit}></band-chart></figure>`;
    })}${this.renderLorenz(progress)}</div>
    ${this.renderFinals(run, panels)}`;
  }

  /** The spread of the final distribution: the replicates' Lorenz curves as a mean and 95% band. */
  private renderLorenz(progress: ExperimentState['progress'][number]) {
    const id = progress.lorenz.ids()[0];
    const band = id === undefined ? undefined : progress.lorenz.band(id, { min: Number.NEGATIVE_INFINITY, max: 1 });
    if (id === undefined || band === undefined) return nothing;
    const low = Math.min(0, ...band.low.filter(Number.isFinite));
    return html`<figure data-chart="lorenz" data-testid="replicate-lorenz"><figcaption>Lorenz curve of ${id} at the end
      <small>Share of all ${id} held by the poorest part of persons: mean of ${progress.lorenz.replicates} replicates' curves and its 95% band; dashed, perfect equality.</small></figcaption>
      <band-chart .lines=${[{ label: `${id}, final year`, color: colorAt(0), band }]} .yDomain=${[low, 1]} years="100" ticksPerUnit="1"
        xLabel="poorest share of persons (%)" unit=${`share of ${id} (0 to 1)`} equality></band-chart></figure>`;
  }

  private renderFinals(run: ExperimentState, panels: SeriesPanel[]) {
    const ids = panels.flatMap((p) => p.reporters).slice(0, 6);
    const finals = run.progress[0]!.finals;
    return html`<details><summary>Final values by replicate</summary><div class="table-scroll"><table data-testid="replicate-finals">
      <thead><tr><th>replicate</th>${ids.map((r) => html`<th>${r.label}</th>`)}</tr></thead>
      <tbody>${Array.from({ length: run.replicates }, (_, i) => html`<tr data-key=${`r${i + 1}`}><td>r${i + 1}</td>${ids.map((r) => {
        const v = finals.get(r.id)?.[i] ?? Number.NaN;
        return html`<td data-id=${r.id} data-value=${String(v)}>${Number.isFinite(v) ? v.toPrecision(4) : '–'}</td>`;
      })}</tr>`)}</tbody></table></div></details>`;
  }

  private renderCompare(run: ExperimentState, panels: SeriesPanel[]) {
    const panel = panels.find((p) => p.key === this.group) ?? panels[0];
    if (panel === undefined) return nothing;
    const columns = run.entries.length;
    const linesOf = (k: number): BandLine[] => panel.reporters.flatMap((r) => {
      const band = run.progress[k]!.bands.band(r.id, rangeOfUnit(r.unit));
      return band === undefined ? [] : [{ label: r.label, color: r.color, band }];
    });
    const all = run.entries.map((_, k) => linesOf(k));
    const shared = bandExtent(all.flat());
    const differences = run.entries.slice(1).map((_, j) => panel.reporters.flatMap((r) => {
      const band = run.progress[j + 1]!.difference?.band(r.id);
      return band === undefined ? [] : [{ label: r.label, color: r.color, band }];
    }));
    const sharedDifference = bandExtent(differences.flat());
    return html`<label>Chart <select data-testid="compare-chart" @change=${(e: Event) => { this.group = (e.target as HTMLSelectElement).value; }}>
        ${panels.map((p) => html`<option value=${p.key} ?selected=${p.key === panel.key}>${p.title}</option>`)}</select></label>
      <h3>Side by side (same axes)</h3>
      <div class="row" style=${`--columns:${columns}`} data-testid="compare-side-by-side">${run.entries.map((entry, k) => html`<figure data-entry=${String(k)}>
        <figcaption><span style=${`color:${colorAt(k)}`}>${String.fromCharCode(65 + k)}</span>: ${entry.label}
          <small>${panel.title}: mean of ${run.progress[k]!.bands.replicates} replicates, 95% band</small></figcaption>
        <band-chart .lines=${all[k]!} .yDomain=${shared} years=${this.yearsOf(run)} unit=${panel.unit}></band-chart></figure>`)}</div>
      <h3>Difference from A (paired on the same random numbers)</h3>
      <div class="row" style=${`--columns:${Math.max(2, columns - 1)}`} data-testid="compare-difference">${differences.map((lines, j) => html`<figure data-entry=${String(j + 1)}>
        <figcaption>${String.fromCharCode(66 + j)} − A: ${run.entries[j + 1]!.label} minus ${run.entries[0]!.label}
          <small>Mean paired difference over ${run.progress[j + 1]!.difference?.replicates ?? 0} replicate pairs; band: its 95% interval. Where the band leaves zero the difference is more than chance.</small></figcaption>
        <band-chart .lines=${lines} .yDomain=${sharedDifference} zero years=${this.yearsOf(run)} unit=${panel.unit}></band-chart></figure>`)}</div>`;
  }

  protected override render() {
    const run = this.run;
    const panels = run === null ? [] : seriesPanels(run.reporters);
    return html`${this.renderControls()}
      ${run === null ? nothing : this.renderStatus(run)}
      ${run === null || run.reporters.length === 0 ? html`<p class="hint">Charts appear when the first runs finish.</p>`
        : this.mode === 'replicates' ? this.renderReplicates(run, panels) : this.renderCompare(run, panels)}`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'experiment-view': ExperimentView;
  }
}
