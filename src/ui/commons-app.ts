// The page: scenarios and run controls on the left, headline numbers and charts on the right,
// the editor and sharing below. Classroom mode shows one large chart at a time with what to
// watch for. Every scenario string is rendered through Lit's text bindings, never as HTML.
import { LitElement, html } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import { SimulatorController } from './simulator-controller.ts';
import { PRESETS, defaultPreset, presetById } from './presets.ts';
import { chartsFor } from './chart-catalogue.ts';
import { captionFor } from './captions.ts';
import { codeFromHash, decodeScenario } from './share-link.ts';
import { download, fileStem } from './metrics-export.ts';
import { appStyles } from './app-styles.ts';
import './run-controls.ts';
import './parameter-panel.ts';
import './scenario-gallery.ts';
import './scenario-editor.ts';
import './chart-card.ts';
import './run-readouts.ts';
import './share-panel.ts';
import './planner/commune-planner.ts';
import './experiments/experiment-view.ts';
import { DEFAULT_CLAIMS_REPLICATES } from './claims/claims-view.ts';
import './whatif/whatif-view.ts';
import { ALL_MODE_PARAMETERS, APP_MODES, modeFromParams, type AppModeId } from './app-modes.ts';
import { DEFAULT_REPLICATES, readExperimentAddress, writeExperimentAddress, type ExperimentAddress } from './experiments/experiment-plan.ts';
import { readWhatIfAddress, writeWhatIfAddress, type WhatIfAddress } from './whatif/whatif-plan.ts';
import type { Speed } from '../worker/protocol.ts';
import { MONTHS_PER_YEAR } from '../model/engine.ts';
import { APP_VERSION } from './app-version.ts';
import { KINDS_SLIDE } from './kinds-slide.ts';
import type { ChartSpec } from './chart-catalogue.ts';
import type { Scenario } from '../scenarios/schema.ts';
import { seedText } from '../scenarios/seed-text.ts';

/** The preset the planner opens on when the scenario has no commune to plan. */
const PLANNER_PRESET = 'commune-planner';
/** Search parameters the page reads; any other is named in a notice rather than ignored. */
const KNOWN_PARAMETERS = ['preset', 'classroom', 'view', 'mode', ...ALL_MODE_PARAMETERS];

function yearText(tick: number): string {
  return (tick / MONTHS_PER_YEAR).toFixed(tick % MONTHS_PER_YEAR === 0 ? 0 : 1);
}

function scenarioHasCommunes(scenario: Scenario | null): boolean {
  if (scenario === null || scenario.kind !== 'economy') return false;
  return scenario.communes.initialCount > 0;
}

/** What the address asked for that the page cannot do, in a sentence; null when nothing. */
function addressNotice(params: URLSearchParams, asked: string | null, shown: string): string | null {
  const problems: string[] = [];
  if (asked !== null && presetById(asked) === undefined) {
    problems.push(`There is no preset called "${asked}"; "${shown}" is shown instead (presets: ${PRESETS.map((p) => p.id).join(', ')}).`);
  }
  const unknown = [...new Set(params.keys())].filter((k) => !KNOWN_PARAMETERS.includes(k));
  if (unknown.length > 0) {
    problems.push(`This page does not read the address parameter${unknown.length > 1 ? 's' : ''} ${unknown.map((k) => `"${k}"`).join(', ')}; it reads ${KNOWN_PARAMETERS.join(', ')} (a scenario travels in a share link's #s= part).`);
  }
  return problems.length > 0 ? problems.join(' ') : null;
}

@customElement('commons-app')
export class CommonsApp extends LitElement {
  static override styles = appStyles;

  private readonly sim = new SimulatorController(this);
  @state() private classroom = new URLSearchParams(window.location.search).has('classroom');
  @state() private slide = 0;
  @state() private presetId = '';
  /** The organiser's planner: `?view=planner`, the planner preset, or the "Plan a commune" button. */
  @state() private planner = new URLSearchParams(window.location.search).get('view') === 'planner';
  /** Single run or an experiment (app-modes.ts); `?mode=` in the address. */
  @state() private mode: AppModeId = modeFromParams(new URLSearchParams(window.location.search));
  /** What the address asked of an experiment view when the page opened (consumed by the view). */
  private experimentAddress: ExperimentAddress | null = this.mode === 'single' ? null
    : readExperimentAddress(new URLSearchParams(window.location.search), this.mode === 'claims' ? DEFAULT_CLAIMS_REPLICATES : DEFAULT_REPLICATES);
  /** What the address asked of the what-if view when the page opened (consumed by the view). */
  private whatIfAddress: WhatIfAddress | null = this.mode === 'whatif' ? readWhatIfAddress(new URLSearchParams(window.location.search)) : null;
  /** The population an experiment or what-if runs at, when it is not the scenario's (the header says so). */
  @state() private modePopulation: number | undefined = this.experimentAddress?.persons ?? this.whatIfAddress?.persons;

  override connectedCallback(): void {
    super.connectedCallback();
    window.addEventListener('hashchange', this.openFromLocation);
    window.addEventListener('keydown', this.classroomKeys);
    void this.openFromLocation();
  }

  override disconnectedCallback(): void {
    window.removeEventListener('hashchange', this.openFromLocation);
    window.removeEventListener('keydown', this.classroomKeys);
    super.disconnectedCallback();
  }

  /** A share link in the hash opens its scenario; otherwise the preset named, or the default. */
  private readonly openFromLocation = async (): Promise<void> => {
    const code = codeFromHash(window.location.hash);
    let unreadable: string | null = null;
    if (code !== null) {
      try {
        const text = await decodeScenario(code);
        this.presetId = PRESETS.find((p) => p.text === text)?.id ?? '';
        // An experiment or what-if view starts its own runs; only the single run waits for Play.
        const notice = this.mode === 'single' ? 'Opened from a share link. Press Play to run it.' : 'Opened from a share link.';
        if (await this.sim.load(text, { notice })) return;
        this.sim.failure = 'The share link holds a scenario with problems; they are listed under the editor.';
        this.requestUpdate();
        return;
      } catch (error) {
        unreadable = `This share link could not be read (${(error as Error).message}). The default scenario is shown instead.`;
      }
    }
    // `?preset=classroom-exchange` opens a preset directly (a link for a lesson plan).
    const params = new URLSearchParams(window.location.search);
    const asked = params.get('preset');
    const preset = presetById(asked ?? '') ?? defaultPreset();
    this.presetId = preset.id;
    if (preset.id === PLANNER_PRESET) this.planner = true;
    await this.sim.load(preset.text, { notice: addressNotice(params, asked, preset.name) ?? undefined });
    // After the load, which clears old failures.
    if (unreadable !== null) {
      this.sim.failure = unreadable;
      this.requestUpdate();
    }
  };

  /** A presenter's clicker sends arrows and page keys; space plays and pauses. */
  private readonly classroomKeys = (event: KeyboardEvent): void => {
    if (!this.classroom || event.altKey || event.ctrlKey || event.metaKey) return;
    // Keys reach the slides after any control except where they type or choose (a button
    // keeps focus after a click; Space must still play, not press it again).
    const focused = event.composedPath()[0];
    if (focused instanceof HTMLElement && (focused.tagName === 'TEXTAREA' || focused.isContentEditable)) return;
    // A menu keeps focus after a choice made with the mouse (the speed, the survival chart's
    // kind): its up and down arrows still choose, but Space, left and right, and the page keys
    // work the slides and the run.
    if (focused instanceof HTMLSelectElement && (event.key === 'ArrowUp' || event.key === 'ArrowDown')) return;
    if (focused instanceof HTMLInputElement && !/^(button|checkbox|radio|submit|reset)$/.test(focused.type)) return;
    const last = this.slides().length - 1;
    if (event.key === 'ArrowRight' || event.key === 'PageDown') this.slide = Math.min(last, this.slide + 1);
    else if (event.key === 'ArrowLeft' || event.key === 'PageUp') this.slide = Math.max(0, this.slide - 1);
    else if (event.key === ' ') {
      if (this.sim.record.mode === 'paused') this.sim.play();
      else this.sim.pause();
    } else return;
    event.preventDefault();
  };

  private selectPreset(id: string): void {
    const preset = presetById(id);
    if (preset === undefined) return;
    this.presetId = id;
    this.slide = 0;
    if (id === PLANNER_PRESET) this.planner = true;
    void this.sim.load(preset.text);
  }

  /** "Plan a commune": the planner, on the planner preset unless the scenario has communes to plan. */
  private openPlanner(): void {
    this.planner = !this.planner;
    if (this.planner && !scenarioHasCommunes(this.sim.scenario)) this.selectPreset(PLANNER_PRESET);
    const url = new URL(window.location.href);
    if (this.planner) url.searchParams.set('view', 'planner');
    else url.searchParams.delete('view');
    history.replaceState(null, '', url.toString().replace('classroom=', 'classroom'));
  }

  private setMode(id: AppModeId): void {
    this.mode = id;
    this.modePopulation = undefined;
    // The experiments take every core the pool has; the single run waits.
    if (id !== 'single') this.sim.pause();
    const url = new URL(window.location.href);
    // The new view starts from its own defaults and writes its settings as it runs.
    for (const key of ALL_MODE_PARAMETERS) url.searchParams.delete(key);
    if (id === 'single') url.searchParams.delete('mode');
    else url.searchParams.set('mode', id);
    history.replaceState(null, '', url.toString().replace('classroom=', 'classroom'));
  }

  /** An experiment view's settings go into the address, so a share link reopens it. */
  private readonly noteExperiment = (event: CustomEvent<Partial<ExperimentAddress>>): void => {
    const url = new URL(window.location.href);
    if (!('compare' in event.detail)) url.searchParams.delete('compare');
    if (!('years' in event.detail)) url.searchParams.delete('years');
    if (!('draws' in event.detail)) url.searchParams.delete('draws');
    writeExperimentAddress(url.searchParams, event.detail);
    if ('persons' in event.detail) this.modePopulation = event.detail.persons;
    history.replaceState(null, '', url.toString().replace('classroom=', 'classroom'));
  };

  /** The what-if view's branch point and changes go into the address, so a share link reopens it. */
  private readonly noteWhatIf = (event: CustomEvent<WhatIfAddress>): void => {
    const url = new URL(window.location.href);
    writeWhatIfAddress(url.searchParams, event.detail);
    this.modePopulation = event.detail.persons;
    history.replaceState(null, '', url.toString().replace('classroom=', 'classroom'));
  };

  /** In an experiment or what-if, the size it runs at: the scenario's name says the file's. */
  private renderModeSize() {
    if (this.mode === 'single' || this.classroom) return null;
    const label = APP_MODES.find((m) => m.id === this.mode)?.label ?? this.mode;
    const people = this.sim.scenario?.kind === 'economy' ? 'persons' : 'agents';
    const size = this.modePopulation === undefined ? '' : ` at ${this.modePopulation.toLocaleString('en-US')} ${people}`;
    return html`<span class="mode-size" data-testid="mode-size"> · ${label}${size}</span>`;
  }

  private renderModeSwitch() {
    const current = APP_MODES.find((m) => m.id === this.mode) ?? APP_MODES[0]!;
    return html`<nav class="modes" aria-label="Mode" data-testid="mode-switch">
      ${APP_MODES.map((m) => html`<button class="mode" data-mode=${m.id} aria-pressed=${m.id === this.mode ? 'true' : 'false'}
        @click=${() => this.setMode(m.id)}>${m.label}</button>`)}
      <span class="hint">${current.hint}</span></nav>`;
  }

  /** The main column's view for the mode: the single run's charts, or an experiment. */
  private renderMode(stem: string) {
    const { info } = this.sim.record;
    if ((this.mode === 'replicates' || this.mode === 'compare') && info !== null) {
      const address = this.experimentAddress;
      this.experimentAddress = null;
      return html`<section class="experiment" data-testid=${`${this.mode}-view`}>
        <experiment-view mode=${this.mode} scenarioText=${this.sim.runningText} .scenario=${this.sim.scenario}
          scenarioName=${info.name} .address=${address}
          @experiment-address=${this.noteExperiment}
          @mode-change=${(e: CustomEvent<AppModeId>) => this.setMode(e.detail)}></experiment-view></section>`;
    }
    if (this.mode === 'claims' && info !== null) {
      const address = this.experimentAddress;
      this.experimentAddress = null;
      return html`<section class="experiment" data-testid="claims-view">
        <claims-view scenarioText=${this.sim.runningText} .scenario=${this.sim.scenario} scenarioName=${info.name} .address=${address}
          @experiment-address=${this.noteExperiment}
          @mode-change=${(e: CustomEvent<AppModeId>) => this.setMode(e.detail)}></claims-view></section>`;
    }
    if (this.mode === 'whatif' && info !== null) {
      const address = this.whatIfAddress;
      this.whatIfAddress = null;
      return html`<section class="experiment" data-testid="whatif-view">
        <whatif-view scenarioText=${this.sim.runningText} .scenario=${this.sim.scenario} .address=${address}
          @whatif-address=${this.noteWhatIf}></whatif-view></section>`;
    }
    return this.renderCharts(stem);
  }

  /** The classroom's slides: what the three kinds are (economies), then every chart. */
  private slides(): ChartSpec[] {
    const charts = chartsFor(this.sim.record);
    return this.sim.record.info?.kind === 'economy' ? [KINDS_SLIDE, ...charts] : charts;
  }

  private toggleClassroom(): void {
    this.classroom = !this.classroom;
    const url = new URL(window.location.href);
    if (this.classroom) url.searchParams.set('classroom', '');
    else url.searchParams.delete('classroom');
    history.replaceState(null, '', url.toString().replace('classroom=', 'classroom'));
  }

  private renderCharts(stem: string) {
    const { record, scenario } = this.sim;
    if (record.info === null) return null;
    const charts = this.classroom ? this.slides() : chartsFor(record);
    const kind = record.info.kind;
    const raw = (scenario ?? {}) as Record<string, unknown>;
    const stamp = `${record.info.name} · seed ${String(record.info.seed)} · year ${yearText(record.tick)} · Commons Ledger ${APP_VERSION}`;
    const card = (spec: (typeof charts)[number]) => html`<chart-card data-chart=${spec.id} heading=${spec.title}
      chartId=${spec.id} fileStem=${stem} stamp=${stamp} caption=${captionFor(spec.id, kind, raw)}>${spec.view(record)}</chart-card>`;
    if (!this.classroom) return html`<div class="charts">${charts.map(card)}</div>`;
    const index = Math.min(this.slide, charts.length - 1);
    const spec = charts[index];
    if (spec === undefined) return null;
    return html`<div class="slide">
      <nav class="slide-nav">
        <button data-testid="previous-chart" ?disabled=${index === 0} @click=${() => { this.slide = index - 1; }}>◀ Previous</button>
        <span>${index + 1} / ${charts.length}</span>
        <button data-testid="next-chart" ?disabled=${index === charts.length - 1} @click=${() => { this.slide = index + 1; }}>Next ▶</button>
      </nav>
      ${card(spec)}</div>`;
  }

  override render() {
    const sim = this.sim;
    const { record } = sim;
    const info = record.info;
    const stem = fileStem(info?.name ?? 'scenario');
    const readouts = html`<run-readouts .record=${record} .version=${record.version}></run-readouts>`;
    return html`
      <div class=${this.classroom ? 'page classroom' : 'page'}>
        <header>
          <h1>Commons Ledger</h1>
          <span class="scenario-name"><span data-testid="scenario-name">${info?.name ?? ''}</span>${this.renderModeSize()}</span>
          ${this.classroom ? null : html`<button class="toggle" data-testid="plan-commune" aria-pressed=${this.planner ? 'true' : 'false'}
            @click=${this.openPlanner}>${this.planner ? 'Close the planner' : 'Plan a commune'}</button>`}
          <button class="toggle" data-testid="classroom-toggle" aria-pressed=${this.classroom ? 'true' : 'false'}
            @click=${this.toggleClassroom}>${this.classroom ? 'Leave classroom mode' : 'Classroom mode'}</button>
        </header>
        ${sim.failure !== null ? html`<div class="banner failure" role="alert" data-testid="failure">
          <span>${sim.failure}</span><button data-testid="failure-reset" @click=${() => sim.reset()}>Reset the run</button></div>` : null}
        ${sim.notice !== null ? html`<div class="banner notice" data-testid="notice">${sim.notice}</div>` : null}
        ${sim.confirming !== null && sim.oversize !== null ? html`<div class="banner confirm" role="alertdialog" data-testid="confirm-large">
          <span>This run is ${Math.round(sim.oversize)} times the size of the default scenario
          (${info?.agentCount.toLocaleString('en')} agents for ${Math.round((info?.totalTicks ?? 0) / MONTHS_PER_YEAR)} years)
          and may keep this tab busy for a long time. Run it anyway?</span>
          <button class="primary" data-testid="confirm-run" @click=${() => sim.confirm(true)}>Run it</button>
          <button data-testid="cancel-run" @click=${() => sim.confirm(false)}>Cancel</button></div>` : null}
        <div class="layout">
          <aside>
            ${this.classroom ? html`<section class="preset-choice"><label>Scenario
              <select data-testid="preset-select" @change=${(e: Event) => {
                // Focus leaves the menu, so Space plays and the arrows turn slides (not presets).
                const select = e.target as HTMLSelectElement;
                this.selectPreset(select.value);
                select.blur();
              }}>
                ${this.presetId === '' ? html`<option selected value="">${info?.name ?? ''}</option>` : null}
                ${PRESETS.map((p) => html`<option value=${p.id} ?selected=${p.id === this.presetId}>${p.name}</option>`)}
              </select></label></section>` : null}
            <!-- The Run panel drives the single run; the other modes have their own controls. -->
            <section class="controls" ?hidden=${!this.classroom && this.mode !== 'single'}>
              ${this.classroom ? null : html`<h2>Run</h2>`}
              <run-controls mode=${record.mode} tick=${record.tick} totalTicks=${info?.totalTicks ?? 1} .speed=${sim.speed}
                seed=${sim.scenario === null ? '' : seedText(sim.scenario.seed)} revision=${sim.parameterRevision} ?disabled=${info === null}
                @run-play=${() => sim.play()} @run-pause=${() => sim.pause()}
                @run-step=${(e: CustomEvent<number>) => sim.step(e.detail)} @run-reset=${() => sim.reset()}
                @run-speed=${(e: CustomEvent<Speed>) => sim.setSpeed(e.detail)}
                @run-seed=${(e: CustomEvent<string>) => void sim.setSeed(e.detail)}
                @run-seek=${(e: CustomEvent<number>) => sim.seek(e.detail)}></run-controls>
            </section>
            ${this.classroom ? readouts : null}
            <section class="gallery">
              <h2>Scenarios</h2>
              <scenario-gallery .presets=${PRESETS} active=${this.presetId}
                @preset-select=${(e: CustomEvent<string>) => this.selectPreset(e.detail)}></scenario-gallery>
            </section>
            <section class="parameters">
              <h2>Parameters <span class="hint">(a change restarts the run)</span></h2>
              <parameter-panel .fields=${sim.fields} .scenario=${(sim.scenario ?? {}) as Record<string, unknown>}
                revision=${sim.parameterRevision}
                @parameter-change=${(e: CustomEvent<{ path: string[]; value: unknown }>) => void sim.setParameter(e.detail.path, e.detail.value)}>
              </parameter-panel>
            </section>
          </aside>
          <main>
            ${info !== null && info.description !== '' && !this.classroom ? html`<p class="description">${info.description}</p>` : null}
            ${this.planner && !this.classroom && info?.kind === 'economy' ? html`<section class="planner" data-testid="planner">
              <commune-planner scenarioText=${sim.runningText} .scenarioData=${(sim.scenario ?? null) as Record<string, unknown> | null}
                scenarioName=${info.name} seed=${String(info.seed)}></commune-planner></section>` : null}
            ${this.classroom ? null : this.renderModeSwitch()}
            ${this.classroom || this.mode !== 'single' ? null : readouts}
            ${this.classroom ? this.renderCharts(stem) : this.renderMode(stem)}
            <section class="editor">
              <h2>Scenario</h2>
              <scenario-editor .text=${sim.editorText} .issues=${sim.editorIssues} ?dirty=${sim.dirty}
                @scenario-input=${(e: CustomEvent<string>) => { this.presetId = ''; sim.edit(e.detail); }}
                @scenario-apply=${() => void sim.applyEditor()}
                @scenario-save=${() => download(`${stem}.yaml`, sim.editorText, 'text/yaml')}
                @scenario-file-error=${(e: CustomEvent<string>) => { sim.failure = e.detail; this.requestUpdate(); }}></scenario-editor>
            </section>
            <section class="share">
              <h2>Share and export</h2>
              <share-panel .record=${record} scenarioText=${sim.runningText} fileStem=${stem}></share-panel>
            </section>
          </main>
        </div>
      </div>`;
  }
}
