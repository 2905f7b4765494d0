// The Claims mode (issue 18 part 4): the manifesto's claims judged on the current scenario in
// the page's pool, by the CLI's definitions, plan and judge. It says which size it runs (chosen
// so the whole run takes about a minute here) and offers the full size; each claim shows its
// sentence and tests (evidence apart from checks of the rules), and fills in with each test's
// effect, interval and verdict when its runs are in. Exports are the CLI's claims.json/.csv.
import { LitElement, css, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { controlStyles } from '../theme.ts';
import type { Scenario } from '../../scenarios/schema.ts';
import { CLAIMS } from '../../model/claims/claim-definitions.ts';
import type { ClaimDefinition, ClaimTest } from '../../model/claims/claim.ts';
import type { ClaimReport, TestJudgement } from '../../model/claims/judge-claims.ts';
import { MIN_USABLE_REPLICATES } from '../../model/claims/verdict.ts';
import type { ClaimRobustness } from '../../model/claims/robustness.ts';
import { formatValue, scaleOf } from '../../cli/summary-table.ts';
import { MAX_REPLICATES, type ExperimentAddress } from '../experiments/experiment-plan.ts';
import { download, fileStem } from '../metrics-export.ts';
import { PRESETS } from '../presets.ts';
import { cancelClaims, runClaims, type ClaimsRunState } from './claims-run.ts';
import { claimsCsvText, claimsJsonText, equivalentCommandLine, robustnessTexts } from './claims-files.ts';

/** Replicates by default: the fewest that give verdicts (under 20 usable: too few runs); the CLI's default is 30. */
export const DEFAULT_CLAIMS_REPLICATES = MIN_USABLE_REPLICATES;
const REDRAW_MS = 400;

const KIND_WORDS = { evidence: 'evidence', 'by-design': 'check of the rules', repeat: 'repeat' } as const;

function duration(seconds: number): string {
  if (!Number.isFinite(seconds)) return '?';
  const s = Math.round(seconds);
  if (s < 60) return `${s} s`;
  const m = Math.floor(s / 60);
  if (m < 60) return `${m} min ${String(s % 60).padStart(2, '0')} s`;
  return `${Math.floor(m / 60)} h ${String(m % 60).padStart(2, '0')} min`;
}

/** `12 ms to set up, then 2.12 ms + 40.6 µs per person a month`, leaving out terms the fit put at zero (it read "0 ms to set up, then 0.00 ms + ..."). */
function costText(cost: { readonly setupMs: number; readonly fixedMs: number; readonly perPersonMs: number }, person: string): string {
  const monthly = [...(cost.fixedMs >= 0.005 ? [`${cost.fixedMs.toFixed(2)} ms`] : []), `${(cost.perPersonMs * 1000).toFixed(1)} µs per ${person}`].join(' + ');
  return `${cost.setupMs >= 0.5 ? `${cost.setupMs.toFixed(0)} ms to set up, then ` : ''}${monthly} a month`;
}

const claimedSide = (t: ClaimTest) => `${t.direction === 1 ? '>' : '<'} ${formatValue(t.reference + t.direction * t.delta)}`;

/** Text with `backticked` names as code (the definitions' own markup), through Lit's text bindings. */
function withCode(text: string) {
  return text.split('`').map((part, i) => (i % 2 === 1 ? html`<code>${part}</code>` : part));
}

async function sha256Hex(text: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text));
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
}

@customElement('claims-view')
export class ClaimsView extends LitElement {
  static override styles = [controlStyles, css`
    :host { display: block; }
    .controls { display: flex; flex-wrap: wrap; gap: 0.6em 1em; align-items: end; background: #fff; border: 1px solid #d9dee3;
      border-radius: 8px; padding: 0.7em 1em; }
    .controls label { display: grid; gap: 0.15em; font-weight: 600; }
    .controls input[type=number] { width: 4.8em; }
    .size { margin: 0.7em 0 0; line-height: 1.45; }
    .size .note { margin: 0.2em 0 0; }
    .exports { margin-left: auto; display: flex; gap: 0.5em; }
    .status { margin: 0.4em 0 0.8em; display: flex; gap: 0.8em; align-items: center; flex-wrap: wrap; }
    progress { width: 14em; }
    .failures { background: #fdecea; border: 1px solid #a12d1f; border-radius: 8px; padding: 0.5em 1em; margin: 0.5em 0; }
    .failures ul { margin: 0.2em 0 0; padding-left: 1.2em; }
    .problem { background: #fdecea; border: 1px solid #a12d1f; border-radius: 8px; padding: 0.5em 1em; }
    .claims { display: grid; gap: 0.8em; }
    section.claim { background: #fff; border: 1px solid #d9dee3; border-radius: 8px; padding: 0.6em 1em 0.7em; min-width: 0; }
    .head { display: flex; gap: 0.8em; align-items: baseline; justify-content: space-between; flex-wrap: wrap; }
    .head h3 { margin: 0; font-size: 1.05em; }
    .sentence { margin: 0.25em 0 0.1em; font-size: 1.02em; }
    .measures { margin: 0 0 0.4em; }
    .verdict { font-weight: 700; border-radius: 999px; padding: 0.1em 0.7em; font-size: 0.9em; white-space: nowrap; border: 1px solid transparent; }
    .v-supported { background: #e3f4ea; color: #0b5e33; border-color: #0b6b3a; }
    .v-not-supported { background: #fdecea; color: #8a2417; border-color: #a12d1f; }
    .v-inconclusive { background: #fff4d6; color: #6b4e00; border-color: #b58800; }
    .v-too-few-runs, .v-not-measurable { background: #eef2f7; color: #3e4c59; border-color: #9aa5b1; }
    .v-waiting { background: #fff; color: #52606d; border-color: #d9dee3; font-weight: 600; }
    .table-scroll { overflow-x: auto; }
    table { border-collapse: collapse; font-size: 0.9em; width: 100%; }
    th, td { border-bottom: 1px solid #e4e7eb; padding: 0.25em 0.5em; text-align: right; font-variant-numeric: tabular-nums; vertical-align: top; }
    th { font-weight: 600; color: #3e4c59; white-space: nowrap; }
    th:first-child, td:first-child { text-align: left; }
    td.label { min-width: 11em; }
    td.kind { white-space: normal; max-width: 6.5em; }
    .how { margin-top: 0.9em; }
    td.verdict-cell, td.effect { white-space: nowrap; }
    /* An interval breaks after its comma, not inside a bound: two wide intervals pushed the verdict out of sight at 1280x720. */
    td.interval span { white-space: nowrap; }
    .size-actions { display: flex; gap: 0.6em; flex-wrap: wrap; align-items: center; margin: 0.4em 0 0; }
    code { font-size: 0.95em; background: #eef2f7; border-radius: 3px; padding: 0 0.2em; }
    /* The command wraps between its arguments, never inside one ("-" / "- scenarios/..." at 1280x720). */
    code.command span { white-space: nowrap; }
    tr.by-design td, tr.repeat td { color: #52606d; }
    tr.by-design td.label::before { content: 'check: '; font-style: italic; }
    td .why { display: block; font-size: 0.85em; color: #52606d; }
    tr.noted td { border-bottom: none; }
    tr.notes td { padding-top: 0; text-align: left; }
    .note { font-size: 0.88em; color: #52606d; margin: 0.3em 0 0; }
    .robustness { margin: 0 0 0.4em; font-size: 0.92em; }
    .r-robust { background: #e6f0fa; color: #0b4a8a; border-color: #0b5cab; }
  `];

  @property({ type: String }) scenarioText = '';
  @property({ attribute: false }) scenario: Scenario | null = null;
  @property({ type: String }) scenarioName = '';
  /** What the address asked for when the page opened; the view starts running it. */
  @property({ attribute: false }) address: ExperimentAddress | null = null;

  @state() private replicates = DEFAULT_CLAIMS_REPLICATES;
  /** Undefined: the page chooses (about a minute). */
  @state() private persons: number | undefined = undefined;
  @state() private years: number | undefined = undefined;
  /** Robustness draws (the CLI's --robustness N), when the scenario declares its uncertain parameters. */
  @state() private draws = 0;
  @state() private run: ClaimsRunState | null = null;
  @state() private running = false;
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
      this.years = this.address.years;
      this.draws = this.address.draws ?? 0;
      this.address = null;
      this.startedFor = '';
    }
  }

  protected override updated(): void {
    // Opening the mode (or a share link to it) runs it for the scenario shown.
    if (this.scenarioText !== '' && this.scenario !== null && this.startedFor !== this.scenarioText) {
      this.startedFor = this.scenarioText;
      void this.start();
    }
  }

  private emitAddress(): void {
    this.dispatchEvent(new CustomEvent<Partial<ExperimentAddress>>('experiment-address', {
      bubbles: true, composed: true,
      detail: { replicates: this.replicates, persons: this.persons, years: this.years, draws: this.uncertainCount() > 0 && this.draws > 0 ? this.draws : undefined },
    }));
  }

  private async start(): Promise<void> {
    if (this.scenario === null) return;
    this.stop();
    const revision = ++this.revision;
    this.running = true;
    this.run = null;
    let sized = false;
    const done = await runClaims(this.scenarioText, this.scenario, { replicates: this.replicates, persons: this.persons, years: this.years, draws: this.uncertainCount() > 0 ? this.draws : 0 }, (s) => {
      if (revision !== this.revision) return;
      if (!sized && s.size !== undefined) {
        // The size the page chose goes into the address, so a share link runs the same runs.
        sized = true;
        this.persons = s.size.persons;
        this.years = s.size.years === s.fullYears ? undefined : s.size.years;
        this.emitAddress();
      }
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
    if (this.running) cancelClaims();
    this.revision++;
    this.running = false;
  }

  private runFullSize(): void {
    this.persons = this.run?.fullPersons;
    this.years = undefined;
    void this.start();
  }

  private chooseAgain(): void {
    this.persons = undefined;
    this.years = undefined;
    void this.start();
  }

  /** The file the CLI would read: the preset's in scenarios/, else the edited scenario saved from the editor. */
  private get scenarioFile(): string {
    const preset = PRESETS.find((p) => p.text === this.scenarioText);
    return preset === undefined ? 'SCENARIO.yaml' : `scenarios/${preset.id}.yaml`;
  }

  private backToSingle(): void {
    this.stop();
    this.dispatchEvent(new CustomEvent('mode-change', { detail: 'single', bubbles: true, composed: true }));
  }

  /** Uncertain parameters the scenario declares (its `uncertainty:` block). */
  private uncertainCount(): number {
    return this.scenario?.kind === 'economy' ? this.scenario.uncertainty.length : 0;
  }

  private async export(kind: 'json' | 'csv' | 'robustness.json' | 'robustness.csv'): Promise<void> {
    const run = this.run;
    if (run?.claims === undefined || run.tally === undefined || run.sets === undefined) return;
    const reports = run.tally.allReports();
    const draws = run.sets.sets.draws.length;
    if (kind === 'robustness.json' || kind === 'robustness.csv') {
      const facts = { scenarioName: this.scenarioFile, scenarioSha256: await sha256Hex(this.scenarioText), platform: navigator.userAgent, date: run.startedAt };
      const texts = robustnessTexts(run.sets, facts);
      if (texts === undefined) return;
      const stem = `${fileStem(this.scenarioName)}-robustness`;
      if (kind === 'robustness.csv') download(`${stem}.csv`, texts.csv, 'text/csv');
      else download(`${stem}.json`, texts.json, 'application/json');
      return;
    }
    const stem = `${fileStem(this.scenarioName)}-claims`;
    if (kind === 'csv') {
      download(`${stem}.csv`, claimsCsvText(run.claims, reports), 'text/csv');
      return;
    }
    const facts = { scenarioName: this.scenarioFile, scenarioSha256: await sha256Hex(this.scenarioText), platform: navigator.userAgent, date: run.startedAt };
    download(`${stem}.json`, claimsJsonText(run.claims, reports, run.tally.window, run.sets.failures, facts, run.sets.robustness(), draws), 'application/json');
  }

  private renderControls() {
    const people = this.scenario?.kind === 'economy' ? 'Persons' : 'Agents';
    return html`<div class="controls">
      <label>Replicates <input type="number" min="2" max=${MAX_REPLICATES} .value=${String(this.replicates)} data-testid="claims-replicates"
        @change=${(e: Event) => { const v = Number((e.target as HTMLInputElement).value); if (Number.isInteger(v) && v >= 2 && v <= MAX_REPLICATES) this.replicates = v; }}></label>
      <label>${people} <input type="number" min="10" step="100" placeholder="page chooses" .value=${this.persons === undefined ? '' : String(this.persons)}
        data-testid="claims-persons"
        @change=${(e: Event) => { const v = Number((e.target as HTMLInputElement).value); this.persons = Number.isInteger(v) && v >= 10 ? v : undefined; }}></label>
      <label>Years <input type="number" min="1" .value=${String(this.years ?? this.scenario?.years ?? '')} data-testid="claims-years"
        @change=${(e: Event) => { const v = Number((e.target as HTMLInputElement).value); this.years = Number.isInteger(v) && v >= 1 && v < (this.scenario?.years ?? 0) ? v : undefined; }}></label>
      <label title=${this.uncertainCount() > 0 ? `Parameter sets drawn from the scenario's ${this.uncertainCount()} uncertain parameters` : 'The scenario declares no uncertain parameters (an uncertainty: block)'}>Robustness draws
        <input type="number" min="0" max="100" .value=${String(this.draws)} ?disabled=${this.uncertainCount() === 0} data-testid="claims-draws"
        @change=${(e: Event) => { const v = Number((e.target as HTMLInputElement).value); this.draws = Number.isInteger(v) && v >= 0 && v <= 100 ? v : 0; }}></label>
      <button class="primary" data-testid="claims-run" @click=${() => void this.start()}>${this.running ? 'Restart' : 'Run'}</button>
      <button data-testid="claims-cancel" ?disabled=${!this.running} @click=${() => { this.stop(); this.requestUpdate(); }}>Cancel</button>
      <button data-testid="back-to-single" @click=${this.backToSingle}>Back to a single run</button>
    </div>`;
  }

  private renderSize(run: ClaimsRunState) {
    const size = run.size;
    if (size === undefined || run.cost === undefined) return nothing;
    const runs = run.sets?.total ?? 0;
    const draws = run.sets?.sets.judgedDraws.length ?? 0;
    const scenarios = run.claims?.plan.scenarios.length ?? 0;
    const full = run.fullPersons;
    const people = this.scenario?.kind === 'economy' ? 'persons' : 'agents';
    const isFull = size.persons === full && size.years === run.fullYears;
    const yearsText = size.years === run.fullYears ? `${size.years} years` : `${size.years} years (of ${run.fullYears})`;
    const workers = `${run.workers} worker${run.workers === 1 ? '' : 's'}`;
    return html`<div class="size" data-testid="claims-size" data-persons=${String(size.persons)} data-years=${String(size.years)}
      data-estimate=${String(size.estimateSeconds)} data-chosen=${String(size.chosen)}>
      <strong>${size.persons.toLocaleString('en-US')} ${people}${full !== undefined && size.persons !== full ? ` (of ${full.toLocaleString('en-US')})` : ''},
        ${yearsText}, ${this.replicates} replicates: ${runs} runs, about ${duration(size.estimateSeconds)}</strong>
      <span class="hint">${size.chosen ? `chosen by the page for about a minute on this machine's ${workers}` : `as asked, on this machine's ${workers}`}</span>
      <p class="note">${scenarios} scenario${scenarios === 1 ? '' : 's'} (the base and the variants the claims compare)${draws > 0 ? `, as given and under ${draws} robustness draw${draws === 1 ? '' : 's'},` : ''} on replicate keys r1 to r${this.replicates},
        the runs of <code class="command">${(run.claims === undefined ? ['npm', 'run', 'claims'] : equivalentCommandLine(run.claims, this.scenarioFile, run.sets?.sets.draws.length ?? 0))
          .map((arg, i) => html`${i === 0 ? '' : ' '}<span>${arg}</span>`)}</code>.
        A run costs ${costText(run.cost, people.slice(0, -1))} here (timed in the pool).
        ${size.chosen && size.estimateSeconds > 90 ? 'Even the smallest size takes longer than a minute on this machine. ' : ''}Verdicts are about the model at this size;
        the scenario's numbers of organisations are not scaled with it.</p>
      <div class="size-actions">
      ${isFull ? nothing : html`<button data-testid="claims-full-size" @click=${this.runFullSize}>Full size: ${full?.toLocaleString('en-US') ?? '?'} ${people}, ${run.fullYears} years (about ${duration(size.fullEstimateSeconds)})</button>`}
      ${size.chosen ? nothing : html`<button data-testid="claims-choose" @click=${this.chooseAgain}>Let the page choose</button>`}
      </div></div>`;
  }

  private renderStatus(run: ClaimsRunState) {
    const total = run.sets?.total ?? 0;
    const done = run.sets?.done ?? 0;
    const failures = run.sets?.failures ?? [];
    const robust = run.phase === 'finished' && run.sets?.robustness() !== undefined;
    const word = run.phase;
    const exportable = run.phase === 'finished';
    return html`<div class="status" data-testid="claims-status" data-state=${word} data-done=${String(done)} data-total=${String(total)}
      data-run-ms=${String(Math.round(run.runMs))}>
      ${run.phase === 'calibrating' ? html`<span>Timing two short runs in the pool to choose the size…</span>`
        : html`<progress max=${String(Math.max(1, total))} .value=${done}></progress>
          <span>${done} of ${total} runs finished (${word}, ${duration(run.runMs / 1000)}${run.phase === 'running' && done > 0
            ? `; about ${duration((run.runMs / done) * (total - done) / 1000)} left at this pace` : ''})</span>`}
      <span class="exports">
        <button data-testid="claims-export-json" ?disabled=${!exportable} @click=${() => void this.export('json')}>claims.json</button>
        <button data-testid="claims-export-csv" ?disabled=${!exportable} @click=${() => void this.export('csv')}>claims.csv</button>
        ${robust ? html`<button data-testid="claims-export-robustness-json" @click=${() => void this.export('robustness.json')}>robustness.json</button>
          <button data-testid="claims-export-robustness-csv" @click=${() => void this.export('robustness.csv')}>robustness.csv</button>` : nothing}</span>
    </div>
    ${run.problem !== undefined ? html`<p class="problem" role="alert" data-testid="claims-problem">${run.problem}</p>` : nothing}
    ${failures.length > 0 ? html`<div class="failures" role="alert" data-testid="claims-failures">${failures.length} run${failures.length > 1 ? 's' : ''} failed and ${failures.length > 1 ? 'are' : 'is'} left out (verdicts from the rest):
      <ul>${failures.slice(0, 8).map((f) => html`<li>${f.set === 0 ? '' : `robustness draw ${f.set}, `}${f.scenario}, replicate ${f.replicateKey}: ${f.message}</li>`)}</ul>
      ${failures.length > 8 ? html`<span class="hint">and ${failures.length - 8} more (all in claims.json)</span>` : nothing}</div>` : nothing}`;
  }

  private renderTestRow(test: ClaimTest, judged: TestJudgement | undefined, blocked: string | undefined) {
    const kind = KIND_WORDS[test.role];
    const why = judged?.reason ?? blocked;
    const s = judged?.summary;
    const verdict = judged?.verdict ?? (blocked !== undefined ? 'not measurable' : undefined);
    // As the CLI's table: rounding judged at the scale of the effect, its interval and the reference.
    const scale = scaleOf(s?.mean, s?.low, s?.high, test.reference, test.reference + test.direction * test.delta);
    // Why a test holds by design or cannot be measured: a row of its own under the test, across
    // the table (in the label's cell it made every row a dozen lines high at 1280x720).
    const notes = [...(test.byDesignBecause !== undefined ? [`true by design: ${test.byDesignBecause}`] : []),
      ...(why !== undefined ? [`not measurable: ${why}`] : [])];
    return html`<tr class="${test.role}${notes.length > 0 ? ' noted' : ''}" data-test=${test.id} data-verdict=${verdict ?? 'waiting'}>
      <td class="label">${test.label} <span class="hint">[${test.unit}]</span></td>
      <td class="kind">${kind}</td>
      <td class="effect">${s === undefined ? (verdict === undefined ? '…' : 'n/a') : formatValue(s.mean, scale)}</td>
      <td class="interval">${s === undefined ? '' : html`<span>[${formatValue(s.low, scale)},</span> <span>${formatValue(s.high, scale)}]</span>`}</td>
      <td>${claimedSide(test)}</td>
      <td>${s === undefined || !Number.isFinite(s.pAdjusted) ? '' : s.pAdjusted.toPrecision(2)}</td>
      <td class="verdict-cell">${verdict === undefined ? html`<span class="hint">waiting</span>` : verdict}</td>
      <td>${s?.replicates ?? ''}</td>
    </tr>${notes.length > 0 ? html`<tr class="${test.role} notes"><td colspan="8">${notes.map((n) => html`<span class="why">${n}</span>`)}</td></tr>` : nothing}`;
  }

  private renderRobustness(robust: ClaimRobustness | undefined, draws: number) {
    if (robust === undefined) return nothing;
    const shares = Object.entries(robust.shares).map(([v, share]) => `${v} ${Math.round(100 * share!)}%`).join(', ');
    const moved = robust.sensitivity.find((x) => x.path === robust.mostInfluential);
    return html`<p class="robustness" data-testid="claim-robustness" data-label=${robust.label}>
      <span class="verdict ${robust.label === 'robust' ? 'r-robust' : 'v-inconclusive'}">${robust.label}</span>
      across ${draws} parameter draw${draws === 1 ? '' : 's'}: ${shares}${moved === undefined ? '' : `; moved most by ${moved.path} (first-order index ${formatValue(moved.index)}, ${formatValue(robust.noiseFloor)} by chance)`}</p>`;
  }

  private renderClaim(claim: ClaimDefinition, run: ClaimsRunState | null, robustness: readonly ClaimRobustness[] | undefined) {
    const tally = run?.tally;
    const report: ClaimReport | undefined = tally?.reports.get(claim.id);
    const plan = run?.claims?.plan.claims.find((c) => c.claim.id === claim.id);
    const progress = tally?.progress(claim.id);
    const verdict = report?.verdict;
    const badge = verdict === undefined
      ? html`<span class="verdict v-waiting">${progress === undefined ? 'waiting' : `${progress.done} of ${progress.total} runs`}</span>`
      : html`<span class="verdict v-${verdict.replaceAll(' ', '-')}">${verdict}</span>`;
    const tests = [...claim.tests].sort((a, b) => Number(a.role === 'by-design') - Number(b.role === 'by-design'));
    return html`<section class="claim" data-claim=${String(claim.id)} data-verdict=${verdict ?? 'waiting'}>
      <div class="head"><h3>Claim ${claim.id}</h3>${badge}</div>
      <p class="sentence">“${claim.sentence.replace(/^["“]+|["”]+$/g, '')}”</p>
      <p class="measures hint">${withCode(claim.measures)}</p>
      ${this.renderRobustness(robustness?.find((r) => r.claimId === claim.id), run?.sets?.sets.judgedDraws.length ?? 0)}
      <div class="table-scroll"><table>
        <thead><tr><th>test</th><th>kind</th><th>effect</th><th>95% interval</th><th>claimed</th><th>p (Holm)</th><th>verdict</th><th>n</th></tr></thead>
        <tbody>${tests.map((t) => this.renderTestRow(t, report?.tests.find((j) => j.test.id === t.id), plan?.blocked.get(t.id)))}</tbody>
      </table></div>
    </section>`;
  }

  protected override render() {
    const run = this.run;
    const robustness = run?.phase === 'finished' ? run.sets?.robustness() : undefined;
    return html`${this.renderControls()}
      ${run === null ? nothing : html`${this.renderSize(run)}${this.renderStatus(run)}`}
      <div class="claims" data-testid="claims-list">${CLAIMS.map((c) => this.renderClaim(c, run, robustness))}</div>
      <p class="note how">A claim holds when all its evidence does; checks of the rules hold by design and stay out of the verdict.
        Intervals are 95% two-sided; p one-sided, Holm-adjusted within each claim; under ${MIN_USABLE_REPLICATES} usable replicates a test says “too few runs”.
        With robustness draws, each claim is judged again under parameter sets drawn from the scenario's uncertainty block (as npm run claims -- --robustness N): robust when at least 80% of draws agree.</p>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'claims-view': ClaimsView;
  }
}
