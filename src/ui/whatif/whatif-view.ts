// The what-if view (issue 18 part 5): run the scenario to a month, change one or more policy
// parameters there (those BRANCH_PARAMETERS allows), and continue the original and the branch
// on the same random numbers; every time-series chart shows both from the branch point on. The
// snapshot at the branch point saves to a file the CLI resumes (`sim --resume`), and a file
// resumes here. The view runs its own worker, so the single run's stays as it was.
import { LitElement, css, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { controlStyles } from '../theme.ts';
import { download, fileStem } from '../metrics-export.ts';
import { encodeScenario, shareUrl } from '../share-link.ts';
import { valueAt } from '../scenario-text.ts';
import { parameterFields, type ParameterField } from '../parameter-fields.ts';
import { populationOf, populationOverride } from '../experiments/experiment-plan.ts';
import { seriesPanels } from '../experiments/series-groups.ts';
import { compact } from '../charts/axes.ts';
import { parseScenarioText } from '../../scenarios/load.ts';
import { BRANCH_PARAMETERS } from '../../scenarios/branch.ts';
import type { Scenario } from '../../scenarios/schema.ts';
import { MONTHS_PER_YEAR } from '../../model/engine.ts';
import type { BranchChanges, BranchFrame } from '../../worker/branch-protocol.ts';
import { BranchClient } from './branch-client.ts';
import { BranchRecord } from './branch-record.ts';
import { formatChanges, parseValue, type WhatIfAddress } from './whatif-plan.ts';
import './whatif-chart.ts';

/** Redraws while both runs go: at most this often. */
const REDRAW_MS = 500;
/** Snapshot files above this size are refused before they are read. */
const MAX_FILE_BYTES = 200_000_000;
/** Reporters in the table of values now. */
const TABLE_ROWS = 10;

const BRANCH_FIELDS = new Map<string, { path: string; field: ParameterField | undefined }[]>();

interface Change {
  readonly path: string;
  readonly value: string | number | boolean;
}

function yearsText(tick: number): string {
  return (tick / MONTHS_PER_YEAR).toFixed(tick % MONTHS_PER_YEAR === 0 ? 0 : 1);
}

/** A value that differs from `current`: the next choice, the other boolean, or the number itself. */
function proposedValue(field: ParameterField | undefined, current: unknown): string | number | boolean {
  if (field?.type === 'choice') return field.choices!.find((c) => c !== current) ?? field.choices![0]!;
  if (field?.type === 'boolean') return current !== true;
  return typeof current === 'number' || typeof current === 'string' || typeof current === 'boolean' ? current : '';
}

@customElement('whatif-view')
export class WhatIfView extends LitElement {
  static override styles = [controlStyles, css`
    :host { display: block; }
    .controls { display: grid; gap: 0.6em; background: #fff; border: 1px solid #d9dee3; border-radius: 8px; padding: 0.7em 1em; }
    .line { display: flex; flex-wrap: wrap; gap: 0.5em 1em; align-items: end; }
    label { display: grid; gap: 0.15em; font-weight: 600; }
    label.inline { display: flex; gap: 0.4em; align-items: center; }
    input[type=number] { width: 7em; }
    .change { display: flex; flex-wrap: wrap; gap: 0.5em; align-items: center; }
    .change select.path { max-width: 22em; }
    .message { background: #fde2e1; border: 1px solid #c62828; color: #7f1d1d; border-radius: 8px; padding: 0.5em 1em; margin: 0.6em 0; white-space: pre-line; }
    .notice { background: #e8f1fb; border: 1px solid #0b5cab; border-radius: 8px; padding: 0.5em 1em; margin: 0.6em 0; }
    .status { margin: 0.6em 0; }
    /* Two columns from a 1280-pixel screen on: one column there made every chart a screen high. */
    .grid { display: grid; grid-template-columns: repeat(auto-fill, minmax(min(100%, 24em), 1fr)); gap: 0.8em; }
    figure { margin: 0; background: #fff; border: 1px solid #d9dee3; border-radius: 8px; padding: 0.5em 0.8em; min-width: 0; }
    figcaption { font-weight: 600; }
    .table-scroll { overflow-x: auto; margin: 0.8em 0; }
    table { border-collapse: collapse; font-size: 0.9em; background: #fff; }
    th, td { border-bottom: 1px solid #e4e7eb; padding: 0.2em 0.6em; text-align: right; font-variant-numeric: tabular-nums; }
    th:first-child, td:first-child { text-align: left; }
    input.link { flex: 1; min-width: 12em; font-family: ui-monospace, monospace; font-size: 0.85em; }
    .file { position: relative; overflow: hidden; }
    .file input { position: absolute; inset: 0; opacity: 0; cursor: pointer; }
  `];

  /** The page's scenario: what runs unless a snapshot file was resumed. */
  @property({ type: String }) scenarioText = '';
  @property({ attribute: false }) scenario: Scenario | null = null;
  /** What the address asked for when the page opened; the view runs it. */
  @property({ attribute: false }) address: WhatIfAddress | null = null;

  private readonly record = new BranchRecord();
  private readonly client = new BranchClient({
    frame: (frame) => this.onFrame(frame),
    // The run stopped with an error, or its worker failed or stopped answering: no frame will
    // come, so the view stops waiting, and the next Branch and run starts the run again.
    failure: (message) => {
      this.message = `${message}\nBranch and run starts the run again.`;
      this.pending = null;
      this.failed = true;
      this.record.mode = 'paused';
    },
  });

  /** The scenario running here: the page's, or a resumed file's. */
  @state() private text = '';
  @state() private running: Scenario | null = null;
  @state() private fileName: string | null = null;
  @state() private replicateKey: string | undefined = undefined;
  @state() private persons: number | undefined = undefined;
  @state() private atMonth = 0;
  @state() private changes: Change[] = [];
  @state() private message: string | null = null;
  @state() private notice: string | null = null;
  @state() private link = '';
  /** The run stopped with an error or lost its worker: it must be loaded again before it can branch. */
  @state() private failed = false;
  /** Branch with these changes when the original reaches this month, paused. */
  private pending: { tick: number; changes: BranchChanges } | null = null;
  /** The snapshot file running here, if one was resumed: after a failure, Branch and run resumes it again. */
  private resumed: { text: string; name: string } | null = null;
  private loadedFor = '';
  private redrawTimer: ReturnType<typeof setTimeout> | undefined;

  override disconnectedCallback(): void {
    this.client.close();
    clearTimeout(this.redrawTimer);
    this.loadedFor = '';
    super.disconnectedCallback();
  }

  protected override willUpdate(): void {
    const address = this.address;
    if (address !== null) {
      this.address = null;
      this.persons = address.persons;
      this.replicateKey = address.replicateKey;
      if (address.at !== undefined) {
        this.atMonth = address.at;
        if (Object.keys(address.changes).length > 0) {
          this.changes = Object.entries(address.changes).map(([path, value]) => ({ path, value }));
          this.pending = { tick: address.at, changes: address.changes };
        }
      }
    }
  }

  protected override updated(): void {
    // The page's scenario runs here unless a file was resumed; a new page scenario replaces the file's.
    const key = this.loadKey();
    if (this.scenarioText !== '' && this.loadedFor !== key) {
      this.loadedFor = key;
      void this.load();
    }
  }

  /** What the page's scenario was last loaded here for: the scenario, its population and replicate key. */
  private loadKey(): string {
    return `${this.scenarioText}\u0000${this.persons ?? ''}\u0000${this.replicateKey ?? ''}`;
  }

  private get kind() {
    return this.running?.kind ?? this.scenario?.kind;
  }

  /** Fields a branch may change, with their schema metadata where the form knows it. */
  private branchFields(): { path: string; field: ParameterField | undefined }[] {
    const kind = this.kind;
    if (kind === undefined) return [];
    // Read off the JSON Schema once per kind: building it took tens of milliseconds on every redraw.
    let fields = BRANCH_FIELDS.get(kind);
    if (fields === undefined) {
      const all = parameterFields(kind);
      fields = BRANCH_PARAMETERS[kind].map((path) => ({ path, field: all.find((f) => f.path.join('.') === path) }));
      BRANCH_FIELDS.set(kind, fields);
    }
    return fields;
  }

  private currentValue(path: string): unknown {
    return valueAt(this.running ?? this.scenario, path.split('.'));
  }

  private async load(): Promise<void> {
    const text = this.scenarioText;
    const outcome = await this.client.load({
      text, overrides: populationOverride(this.scenario, this.persons),
      ...(this.replicateKey === undefined ? {} : { replicateKey: this.replicateKey }),
    });
    if (outcome === null) return;
    if (!outcome.ok) {
      this.message = `The scenario could not run: ${outcome.issues.map((i) => `${i.path === '' ? '' : `${i.path}: `}${i.message}`).join('; ')}`;
      return;
    }
    this.text = text;
    this.failed = false;
    const parsed = parseScenarioText(text, populationOverride(this.scenario, this.persons));
    this.running = parsed.ok ? parsed.scenario : this.scenario;
    this.fileName = null;
    this.resumed = null;
    this.link = '';
    this.record.begin(outcome.info);
    if (this.pending === null && this.atMonth === 0) {
      // Halfway, on a year: somewhere to start.
      this.atMonth = Math.round(outcome.info.totalTicks / 2 / MONTHS_PER_YEAR) * MONTHS_PER_YEAR;
    }
    if (this.changes.length === 0) this.changes = this.proposeChange();
    if (this.pending !== null) this.client.seekMonth(this.pending.tick);
    this.requestUpdate();
  }

  private proposeChange(): Change[] {
    const first = this.branchFields()[0];
    if (first === undefined) return [];
    return [{ path: first.path, value: proposedValue(first.field, this.currentValue(first.path)) }];
  }

  private onFrame(frame: BranchFrame): void {
    if (!this.record.apply(frame)) return;
    const pending = this.pending;
    if (pending !== null && frame.mode === 'paused' && frame.tick === pending.tick) {
      this.pending = null;
      void this.branchNow(pending.changes);
    }
    if (frame.mode === 'paused') {
      clearTimeout(this.redrawTimer);
      this.redrawTimer = undefined;
      this.requestUpdate();
      return;
    }
    this.redrawTimer ??= setTimeout(() => {
      this.redrawTimer = undefined;
      this.requestUpdate();
    }, REDRAW_MS);
  }

  private changesObject(): BranchChanges {
    return Object.fromEntries(this.changes.map((c) => [c.path, c.value]));
  }

  private async branchNow(changes: BranchChanges): Promise<void> {
    const outcome = await this.client.branch(changes);
    if (!outcome.ok) {
      this.message = `This branch was refused: ${outcome.message}`;
      return;
    }
    this.message = null;
    this.emitAddress(outcome.branchTick, changes);
    this.client.play();
  }

  /** Branch at the chosen month with the changes, then run both to the end. */
  private branchAndRun(): void {
    const tick = Math.min(Math.max(0, this.atMonth), this.record.info?.totalTicks ?? 0);
    const changes = this.changesObject();
    this.message = null;
    this.notice = null;
    this.link = '';
    if (this.failed) {
      // The run that failed starts again: the resumed file's, else the page's scenario.
      this.failed = false;
      this.pending = { tick, changes };
      void this.restart();
      return;
    }
    const branch = this.record.branch;
    if (branch !== null && branch.tick === tick) {
      void this.branchNow(changes);
      return;
    }
    if (branch !== null) this.client.clearBranch();
    this.pending = { tick, changes };
    this.client.seekMonth(tick);
  }

  private emitAddress(at: number | undefined, changes: BranchChanges): void {
    this.dispatchEvent(new CustomEvent<WhatIfAddress>('whatif-address', {
      bubbles: true, composed: true,
      detail: { at, changes, persons: this.fileName === null ? this.persons : undefined, replicateKey: this.replicateKey },
    }));
  }

  private async saveSnapshot(): Promise<void> {
    const text = await this.client.snapshotText();
    if (text === null) return;
    const month = this.record.branch?.tick ?? this.record.tick;
    download(`${fileStem(this.record.info?.name ?? 'scenario')}-snapshot-month-${month}.json`, text, 'application/json');
  }

  private async resumeFile(event: Event): Promise<void> {
    const input = event.target as HTMLInputElement;
    const file = input.files?.[0];
    input.value = '';
    if (file === undefined) return;
    if (file.size > MAX_FILE_BYTES) {
      this.message = `${file.name}: ${file.size.toLocaleString('en')} bytes is more than a snapshot file can be (${MAX_FILE_BYTES.toLocaleString('en')})`;
      return;
    }
    const tick = await this.resume(await file.text(), file.name);
    if (tick === null) return;
    this.atMonth = tick;
    this.pending = null;
    this.changes = this.proposeChange();
    this.notice = `Resumed ${file.name} at month ${tick} (year ${yearsText(tick)}). Choose a change and branch, or play on.`;
  }

  /**
   * Runs a snapshot file here in place of what ran; its month, or null. A refused file changes
   * nothing: the run that was here goes on and the message says why.
   */
  private async resume(text: string, name: string): Promise<number | null> {
    const outcome = await this.client.resume(text, name);
    if (outcome === null) return null;
    if (!outcome.ok) {
      this.message = `Could not resume ${outcome.message}`;
      return null;
    }
    const parsed = parseScenarioText(outcome.scenarioText);
    this.running = parsed.ok ? parsed.scenario : null;
    this.text = outcome.scenarioText;
    this.resumed = { text, name };
    this.fileName = name;
    this.failed = false;
    this.replicateKey = outcome.replicateKey ?? undefined;
    // The file's replicate key is not a new page scenario to load over the file's run.
    this.loadedFor = this.loadKey();
    this.record.begin(outcome.info);
    this.message = null;
    this.link = '';
    return outcome.tick;
  }

  /** After a failure: the resumed file's run again, or the page's scenario, then the pending branch. */
  private async restart(): Promise<void> {
    const file = this.resumed;
    if (file === null) {
      await this.load();
      return;
    }
    const tick = await this.resume(file.text, file.name);
    if (tick !== null && this.pending !== null) this.client.seekMonth(this.pending.tick);
  }

  private async makeLink(): Promise<void> {
    const url = new URL(window.location.href);
    url.searchParams.set('mode', 'whatif');
    const branch = this.record.branch;
    if (branch !== null) {
      url.searchParams.set('at', String(branch.tick));
      url.searchParams.set('set', formatChanges(branch.changes));
    }
    if (this.fileName !== null) url.searchParams.delete('persons');
    if (this.replicateKey !== undefined) url.searchParams.set('key', this.replicateKey);
    const code = await encodeScenario(this.text);
    this.link = shareUrl({ ...window.location, search: `?${url.searchParams.toString()}` } as Location, code);
  }

  private renderChange(change: Change, k: number, fields: { path: string; field: ParameterField | undefined }[]) {
    const allowed = fields.some((f) => f.path === change.path);
    const field = fields.find((f) => f.path === change.path)?.field;
    const set = (value: string | number | boolean) => { this.changes = this.changes.map((c, j) => (j === k ? { ...c, value } : c)); };
    const now = this.currentValue(change.path);
    let editor;
    if (field?.type === 'choice' || field?.type === 'boolean') {
      const choices = field.type === 'choice' ? field.choices! : ['true', 'false'];
      editor = html`<select data-testid=${`whatif-value-${k}`} aria-label="new value"
        @change=${(e: Event) => set(parseValue((e.target as HTMLSelectElement).value))}>
        ${choices.map((c) => html`<option value=${c} ?selected=${String(change.value) === c}>${c}</option>`)}</select>`;
    } else {
      editor = html`<input type="number" step="any" data-testid=${`whatif-value-${k}`} aria-label="new value"
        min=${field?.min ?? nothing} max=${field?.max ?? nothing} .value=${String(change.value)}
        @change=${(e: Event) => set(Number((e.target as HTMLInputElement).value))}>`;
    }
    return html`<div class="change">
      <select class="path" data-testid=${`whatif-parameter-${k}`} aria-label="parameter" @change=${(e: Event) => {
        const path = (e.target as HTMLSelectElement).value;
        const f = fields.find((x) => x.path === path)?.field;
        this.changes = this.changes.map((c, j) => (j === k ? { path, value: proposedValue(f, this.currentValue(path)) } : c));
      }}>${allowed ? nothing : html`<option value=${change.path} selected>${change.path} (may not change in a branch)</option>`}
        ${fields.map((f) => html`<option value=${f.path} ?selected=${f.path === change.path}>${f.path}</option>`)}</select>
      → ${editor}
      <span class="hint">now ${String(now)}${field?.unit === undefined ? '' : ` ${field.unit}`}</span>
      ${this.changes.length > 1 ? html`<button @click=${() => { this.changes = this.changes.filter((_, j) => j !== k); }}>Remove</button>` : nothing}
    </div>`;
  }

  private renderControls() {
    const info = this.record.info;
    const fields = this.branchFields();
    const years = (info?.totalTicks ?? 0) / MONTHS_PER_YEAR;
    const playing = this.record.mode !== 'paused';
    const population = this.persons ?? populationOf(this.running ?? this.scenario);
    return html`<div class="controls">
      <div class="line">
        <label>Branch at year <input type="number" min="0" max=${years} step="any" data-testid="whatif-year"
          .value=${yearsText(this.atMonth)}
          @change=${(e: Event) => {
            const v = Number((e.target as HTMLInputElement).value);
            if (Number.isFinite(v) && v >= 0 && v <= years) this.atMonth = Math.round(v * MONTHS_PER_YEAR);
          }}></label>
        <button data-testid="whatif-use-month" ?disabled=${playing || this.record.tick === this.atMonth}
          @click=${() => { this.atMonth = this.record.tick; }}>Use month ${this.record.tick} (year ${yearsText(this.record.tick)})</button>
        ${this.fileName === null ? html`<label>${this.kind === 'economy' ? 'Persons' : 'Agents'} <input type="number" min="10" step="100"
          data-testid="whatif-population" .value=${String(population ?? '')}
          @change=${(e: Event) => { const v = Number((e.target as HTMLInputElement).value); this.persons = Number.isInteger(v) && v >= 10 ? v : undefined; }}></label>`
          : html`<span class="hint">Resumed from ${this.fileName}</span>`}
      </div>
      ${fields.length === 0 ? html`<p class="hint">A ${this.kind ?? ''} scenario has no parameter a branch may change: its rules take theirs when the run is built.</p>`
        : html`<div>${this.changes.map((c, k) => this.renderChange(c, k, fields))}
          <p class="hint">Only policies the economy reads afresh every month may change in a branch; its size, seed, assets and
            starting organisations were fixed when it was built.</p></div>`}
      <div class="line">
        <button class="primary" data-testid="whatif-branch" ?disabled=${info === null || fields.length === 0}
          @click=${() => this.branchAndRun()}>Branch at year ${yearsText(this.atMonth)} and run both</button>
        ${fields.length > 0 && this.changes.length < fields.length ? html`<button data-testid="whatif-add-change"
          @click=${() => { this.changes = [...this.changes, ...this.proposeChange()]; }}>Add a change</button>` : nothing}
        <button data-testid="whatif-play" ?disabled=${info === null || this.failed} @click=${() => (playing ? this.client.pause() : this.client.play())}>${playing ? 'Pause' : 'Play'}</button>
        ${this.record.branch !== null ? html`<button data-testid="whatif-clear" @click=${() => { this.client.clearBranch(); this.emitAddress(undefined, {}); }}>Drop the branch</button>` : nothing}
      </div>
      <div class="line">
        <button data-testid="whatif-save" ?disabled=${info === null || playing} @click=${() => void this.saveSnapshot()}>
          Save snapshot (month ${this.record.branch?.tick ?? this.record.tick})</button>
        <span class="file"><button tabindex="-1">Resume from a file…</button><input type="file" accept=".json,application/json"
          data-testid="whatif-resume" aria-label="Resume from a snapshot file" @change=${(e: Event) => void this.resumeFile(e)}></span>
        <button data-testid="whatif-make-link" ?disabled=${this.text === ''} @click=${() => void this.makeLink()}>Make share link</button>
        ${this.link !== '' ? html`<input class="link" readonly data-testid="whatif-link" .value=${this.link} aria-label="share link"
          @focus=${(e: Event) => (e.target as HTMLInputElement).select()}>` : nothing}
      </div>
    </div>`;
  }

  private renderStatus() {
    const { record } = this;
    const info = record.info;
    if (info === null) return nothing;
    const branch = record.branch;
    const state = record.mode === 'paused' ? (record.tick >= info.totalTicks ? 'finished' : 'paused') : 'running';
    const what = branch === null ? 'the original' : `the original and the branch (${formatChanges(branch.changes).replaceAll(',', ', ')}) in step from year ${yearsText(branch.tick)}`;
    return html`<p class="status" data-testid="whatif-status" data-tick=${String(record.tick)} data-state=${state}
      data-branch-tick=${branch === null ? '' : String(branch.tick)}>
      Year ${yearsText(record.tick)} of ${yearsText(info.totalTicks)}, ${state}: ${what}. Both draw the same random numbers:
      what differs after the branch point is the change's doing.</p>`;
  }

  private renderTable() {
    const { record } = this;
    const info = record.info;
    const branch = record.branch;
    if (info === null || branch === null) return nothing;
    // The reporters the change moved most (relative to their size) first.
    const departure = (id: string) => {
      const { original, branch: b } = record.latest(id);
      if (original === undefined || b === undefined || !Number.isFinite(original) || !Number.isFinite(b)) return -1;
      return Math.abs(b - original) / Math.max(Math.abs(original), Math.abs(b), 1e-12);
    };
    const ids = seriesPanels(info.scalars).flatMap((p) => p.reporters)
      .map((r) => ({ ...r, departure: departure(r.id) })).sort((a, b) => b.departure - a.departure).slice(0, TABLE_ROWS);
    return html`<div class="table-scroll"><table data-testid="whatif-values">
      <caption class="hint">At year ${yearsText(record.tick)}: the ${TABLE_ROWS} series the change moved most</caption>
      <thead><tr><th>reporter</th><th>original</th><th>branch</th><th>branch − original</th></tr></thead>
      <tbody>${ids.map((r) => {
        const { original, branch: b } = record.latest(r.id);
        const show = (v: number | undefined) => (v === undefined || !Number.isFinite(v) ? '–' : compact(v));
        const difference = original !== undefined && b !== undefined ? b - original : undefined;
        return html`<tr data-id=${r.id} data-original=${String(original)} data-branch=${String(b)}>
          <td>${r.label}</td><td>${show(original)}</td><td>${show(b)}</td><td>${show(difference)}</td></tr>`;
      })}</tbody></table></div>`;
  }

  protected override render() {
    const info = this.record.info;
    const panels = info === null ? [] : seriesPanels(info.scalars);
    const years = Math.max(1, (info?.totalTicks ?? MONTHS_PER_YEAR) / MONTHS_PER_YEAR);
    return html`${this.renderControls()}
      ${this.message !== null ? html`<div class="message" role="alert" data-testid="whatif-message">${this.message}</div>` : nothing}
      ${this.notice !== null ? html`<div class="notice" data-testid="whatif-notice">${this.notice}</div>` : nothing}
      ${this.renderStatus()}
      <div class="grid" data-testid="whatif-charts">${panels.map((panel) => html`<figure data-chart=${panel.key}>
        <figcaption>${panel.title}</figcaption>
        <whatif-chart .record=${this.record} version=${this.record.version} .panel=${panel} years=${years}></whatif-chart></figure>`)}</div>
      ${this.renderTable()}`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'whatif-view': WhatIfView;
  }
}
