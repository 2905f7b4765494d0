// The organiser's planner: one commune's bond payoff schedule, what each member nets, the
// pool, defaults and recoveries, and the headline figures that answer "does it pay off its
// bonds, and what does each member net?". Every number comes from the model (CommunePlan),
// run in the page's ensemble pool; levers re-run a small ensemble on the CLI's replicate keys
// and show each headline's change with its 95% interval. Prints as a one-page summary.
import { LitElement, css, html, type PropertyValues } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import * as d3 from 'd3';
import { controlStyles } from '../theme.ts';
import { EnsemblePool } from '../../worker/ensemble-pool.ts';
import type { EnsembleJob } from '../../worker/ensemble-job.ts';
import type { CommunePlan, HeadlineKey, PlanHeadline } from '../../model/economy/commune-plan.ts';
import { replicateKeys } from '../../cli/replicate-run.ts';
import { MONTHS_PER_YEAR } from '../../model/engine.ts';
import { LEVERS, choicesWith, headlineChanges, leverValue, type HeadlineChange } from './plan-sensitivity.ts';
import { PLAN_HEIGHT, PLAN_WIDTH, drawDefaults, drawMemberNet, drawPool, drawSchedule } from './plan-charts.ts';
import { APP_VERSION } from '../app-version.ts';

type Value = number | string;

const FIGURES: readonly { key: HeadlineKey; label: string; testId: string; format: (v: number) => string; unit: string }[] = [
  { key: 'yearsToFoundingDebtFree', label: 'Founding bonds settled after', testId: 'plan-years', unit: 'years',
    format: (v) => (Number.isFinite(v) ? v.toFixed(1) : 'not within the run') },
  { key: 'medianMemberNet', label: 'Median member nets (dividend − rent)', testId: 'plan-median-net', unit: 'per month',
    format: (v) => (Number.isFinite(v) ? v.toFixed(0) : '–') },
  { key: 'shareBetterThanSelfEmployed', label: 'Members better off than self-employed', testId: 'plan-better-share', unit: '',
    format: (v) => (Number.isFinite(v) ? `${(v * 100).toFixed(0)}%` : '–') },
  { key: 'redeemedShare', label: 'Bond face repaid (not defaulted)', testId: 'plan-redeemed-share', unit: '',
    format: (v) => (Number.isFinite(v) ? `${(v * 100).toFixed(0)}%` : '–') },
];

const CHARTS = [
  { id: 'schedule', title: 'Bond payoff schedule', draw: drawSchedule,
    caption: 'Principal still owed, by the year each series was issued; the dashed line is when the founders\' series are all settled.' },
  { id: 'member-net', title: 'What each member nets', draw: drawMemberNet,
    caption: 'Each dot is a member of the last full year: dividends minus rent per month, against how much property it used.' },
  { id: 'pool', title: 'The pool and the dividend', draw: drawPool,
    caption: 'Rent of redeemed assets flows into the pool and is divided equally among members.' },
  { id: 'defaults', title: 'Defaults and recoveries', draw: drawDefaults,
    caption: 'When a series defaults its asset is liquidated; bondholders recover part and lose the rest.' },
] as const;

@customElement('commune-planner')
export class CommunePlanner extends LitElement {
  static override styles = [controlStyles, css`
    :host { display: block; }
    .head { display: flex; flex-wrap: wrap; gap: 0.6em; align-items: baseline; justify-content: space-between; }
    h2 { font-size: 1.3em; margin: 0; }
    .figures { display: grid; grid-template-columns: repeat(auto-fit, minmax(12em, 1fr)); gap: 0.6em; margin: 0.8em 0; }
    .figure { background: #fff; border: 1px solid #d9dee3; border-radius: 8px; padding: 0.5em 0.8em; }
    .figure span { display: block; color: #52606d; font-size: 0.9em; }
    .figure strong { font-size: 1.8em; font-variant-numeric: tabular-nums; }
    .figure small { display: block; color: #3e4c59; font-size: 0.85em; min-height: 1.2em; }
    .change.up { color: #0b6b3a; } .change.down { color: #a12d1f; }
    .levers { display: grid; grid-template-columns: repeat(auto-fit, minmax(14em, 1fr)); gap: 0.6em 1.2em; background: #fff;
      border: 1px solid #d9dee3; border-radius: 8px; padding: 0.7em 1em; }
    .levers label { display: grid; gap: 0.15em; font-weight: 600; }
    .levers input[type=range] { width: 100%; }
    .levers .hint { font-weight: normal; }
    .status { margin: 0.4em 0; min-height: 1.4em; }
    .charts { display: grid; grid-template-columns: repeat(auto-fill, minmax(22em, 1fr)); gap: 0.8em; margin-top: 0.8em; }
    figure { margin: 0; background: #fff; border: 1px solid #d9dee3; border-radius: 8px; padding: 0.6em 0.8em; }
    figcaption h3 { margin: 0; font-size: 1.05em; } figcaption p { margin: 0.2em 0 0.4em; color: #3e4c59; font-size: 0.9em; }
    svg { width: 100%; height: auto; display: block; }
    .table-scroll { max-width: 100%; overflow-x: auto; }
    table { border-collapse: collapse; font-size: 0.9em; margin-top: 0.8em; background: #fff; }
    th, td { border-bottom: 1px solid #e4e7eb; padding: 0.2em 0.6em; text-align: right; font-variant-numeric: tabular-nums; }
    th:first-child, td:first-child { text-align: left; }
    .print-only { display: none; }
    @media print {
      :host { font-size: 10px; }
      .levers, .no-print { display: none; }
      .print-only { display: block; }
      .charts { grid-template-columns: 1fr 1fr; gap: 0.4em; }
      figure { break-inside: avoid; padding: 0.2em; }
      table { font-size: 0.85em; }
    }
  `];

  /** The scenario as loaded (its text), its raw data (the levers' starting values), name and seed. */
  @property({ type: String }) scenarioText = '';
  @property({ attribute: false }) scenarioData: Record<string, unknown> | null = null;
  @property({ type: String }) scenarioName = '';
  @property({ type: String }) seed = '';
  /** Runs per ensemble (replicate keys r1..rK). */
  @property({ type: Number }) ensembleSize = 6;

  @state() private ready = false;
  @state() private plan: CommunePlan | null = null;
  @state() private overrides: Record<string, Value> = {};
  @state() private status = '';
  @state() private failure = '';
  @state() private changes: Record<HeadlineKey, HeadlineChange> | null = null;
  private pool: EnsemblePool | null = null;
  private base: { text: string; size: number; headlines: Promise<PlanHeadline[] | null> } | null = null;

  override disconnectedCallback(): void {
    this.pool?.terminate();
    this.pool = null;
    this.base = null;
    super.disconnectedCallback();
  }

  override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('scenarioText') && this.scenarioText !== '') {
      this.overrides = {};
      this.base = null;
      this.changes = null;
      void this.rerun();
    }
  }

  override updated(): void {
    if (!this.ready) return;
    // One chart per task: four charts at once would make one long task on a slow machine.
    const plan = this.plan;
    if (plan === null) return;
    CHARTS.forEach((chart, i) => setTimeout(() => {
      if (this.plan !== plan) return;
      const svg = this.renderRoot.querySelector<SVGSVGElement>(`svg[data-chart="${chart.id}"]`);
      if (svg !== null && svg.dataset['drawn'] !== String(plan.months) + this.planStamp) {
        chart.draw(d3.select(svg), plan);
        svg.dataset['drawn'] = String(plan.months) + this.planStamp;
      }
    }, i));
  }

  /** Changes each time a new plan arrives, so charts redraw once per plan. */
  private planStamp = 0;
  /** Bumped by every re-run, so an older run's ensemble never lands on a newer plan. */
  private generation = 0;

  private ensemblePool(): EnsemblePool {
    this.pool ??= new EnsemblePool();
    return this.pool;
  }

  private job(replicateKey: string | undefined, overrides: Record<string, Value>): EnsembleJob {
    return { text: this.scenarioText, overrides, measure: 'plan', ...(replicateKey === undefined ? {} : { replicateKey }) };
  }

  /** The ensemble of the scenario as loaded, run once per text and size. */
  private baseHeadlines(): Promise<PlanHeadline[] | null> {
    if (this.base === null || this.base.text !== this.scenarioText || this.base.size !== this.ensembleSize) {
      const jobs = replicateKeys(this.ensembleSize).map((key) => this.job(key, {}));
      const headlines = this.ensemblePool().run('base', jobs).then((outcome) => {
        if (outcome.cancelled) return null;
        const plans = outcome.results.map((r) => (r.ok && r.measure === 'plan' ? r.plan.headline : null));
        return plans.every((p) => p !== null) ? (plans as PlanHeadline[]) : null;
      });
      this.base = { text: this.scenarioText, size: this.ensembleSize, headlines };
    }
    return this.base.headlines;
  }

  /** Runs the seed's plan with the levers as set, then the paired ensembles. */
  private async rerun(): Promise<void> {
    const overrides = { ...this.overrides };
    const generation = ++this.generation;
    const pool = this.ensemblePool();
    this.failure = '';
    this.status = 'Running the scenario\'s seed…';
    const plain = await pool.run('plan', [this.job(undefined, overrides)], undefined, 2);
    if (plain.cancelled || generation !== this.generation) return;
    const result = plain.results[0]!;
    if (!result.ok || result.measure !== 'plan') {
      this.failure = result.ok ? 'unexpected result' : result.message;
      this.status = '';
      return;
    }
    this.plan = result.plan;
    this.planStamp++;
    this.dispatchEvent(new CustomEvent('plan-ready', { bubbles: true, composed: true }));
    const k = this.ensembleSize;
    this.status = `Running ${k} replicates (keys r1..r${k}) to show the spread…`;
    const base = this.baseHeadlines();
    const variantJobs = replicateKeys(k).map((key) => this.job(key, overrides));
    const variant = Object.keys(overrides).length === 0
      ? base.then((b) => (b === null ? null : { cancelled: false as const, headlines: b }))
      : pool.run('variant', variantJobs, (done, total) => { this.status = `Re-running the ensemble: ${done} of ${total} runs done…`; }, 1)
        .then((o) => (o.cancelled ? null : { cancelled: false as const, headlines: o.results.map((r) => (r.ok && r.measure === 'plan' ? r.plan.headline : null)) }));
    const [b, v] = await Promise.all([base, variant]);
    if (b === null || v === null || generation !== this.generation) return;
    if (v.headlines.some((h) => h === null)) {
      this.failure = 'A run of the ensemble failed; the interval is not shown.';
      this.status = '';
      return;
    }
    this.changes = headlineChanges(b, v.headlines as PlanHeadline[]);
    this.status = `${k} paired runs (replicate keys r1..r${k}, as in the CLI's --replicates ${k}).`;
  }

  private setLever(path: string, value: Value): void {
    const loaded = leverValue(this.scenarioData, path);
    const next = { ...this.overrides };
    if (value === loaded) delete next[path];
    else next[path] = value;
    this.overrides = next;
    this.changes = null;
    void this.rerun();
  }

  private renderFigure(figure: (typeof FIGURES)[number]) {
    const value = this.plan?.headline[figure.key];
    const change = this.changes?.[figure.key];
    const edited = Object.keys(this.overrides).length > 0;
    let note = '';
    if (change !== undefined && change.level.ci95 !== null) {
      const [lo, hi] = change.level.ci95;
      note = `${change.level.n} runs, 95% CI ${figure.format(lo)} to ${figure.format(hi)}`;
      if (edited && change.change.mean !== null) {
        const ci = change.change.ci95;
        const sign = (v: number) => (v > 0 ? '+' : '');
        const fmt = (v: number) => (figure.key === 'shareBetterThanSelfEmployed' || figure.key === 'redeemedShare'
          ? `${sign(v)}${(v * 100).toFixed(0)} pts` : `${sign(v)}${v.toFixed(figure.key === 'medianMemberNet' ? 0 : 1)}`);
        note = `change ${fmt(change.change.mean)}${ci === null ? '' : ` (95%: ${fmt(ci[0])} to ${fmt(ci[1])})`}`;
      }
    }
    const direction = change?.change.ci95 != null && edited
      ? change.change.ci95[0] > 0 ? 'up' : change.change.ci95[1] < 0 ? 'down' : '' : '';
    return html`<div class="figure"><span>${figure.label}</span>
      <strong data-testid=${figure.testId} data-value=${value === undefined ? '' : String(value)}>${value === undefined ? '…' : figure.format(value)}</strong>
      ${figure.unit !== '' && value !== undefined && Number.isFinite(value) ? html` ${figure.unit}` : null}
      <small class=${`change ${direction}`} data-testid=${`${figure.testId}-change`}>${note}</small></div>`;
  }

  private renderSeriesTable(plan: CommunePlan) {
    const rows = d3.rollups(d3.range(plan.series.face.length), (ks) => {
      const closes = ks.filter((k) => plan.series.outcome[k] === 1).map((k) => plan.series.closedMonth[k]! / MONTHS_PER_YEAR);
      return {
        count: ks.length, face: d3.sum(ks, (k) => plan.series.face[k]!),
        redeemed: closes.length, defaulted: ks.filter((k) => plan.series.outcome[k] === 2).length,
        open: ks.filter((k) => plan.series.outcome[k] === 0).length,
        lastRedemption: closes.length > 0 ? d3.max(closes)! : Number.NaN,
      };
    }, (k) => Math.floor(plan.series.issuedMonth[k]! / MONTHS_PER_YEAR)).sort((a, b) => a[0] - b[0]);
    const shown = rows.length > 8 ? [...rows.slice(0, 5), ...rows.slice(-2)] : rows;
    return html`<div class="table-scroll"><table data-testid="plan-series-table"><caption class="hint">Bond series by year of issue (${plan.series.face.length} in all${rows.length > shown.length ? '; middle years left out' : ''})</caption>
      <tr><th>issued in year</th><th>series</th><th>face</th><th>redeemed</th><th>last redeemed in year</th><th>defaulted</th><th>still owed</th></tr>
      ${shown.map(([year, r]) => html`<tr><td>${year + 1}</td><td>${r.count}</td><td>${d3.format('.3~s')(r.face)}</td><td>${r.redeemed}</td>
        <td>${Number.isFinite(r.lastRedemption) ? (r.lastRedemption).toFixed(1) : '–'}</td><td>${r.defaulted}</td><td>${r.open}</td></tr>`)}
    </table></div>`;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    // The planner's first render in a task of its own, not in the page's (a long task otherwise).
    setTimeout(() => { this.ready = true; }, 0);
  }

  override render() {
    if (!this.ready) return html`<h2>Plan a commune</h2><p class="hint">Preparing the planner…</p>`;
    const plan = this.plan;
    const edited = Object.keys(this.overrides).length > 0;
    const settings = LEVERS.map((l) => `${l.label}: ${l.format(this.overrides[l.path] ?? leverValue(this.scenarioData, l.path) ?? '')}`).join(' · ');
    return html`
      <div class="head"><h2 data-testid="planner-title">Plan a commune: ${this.scenarioName}${edited ? ' (edited)' : ''}</h2>
        <span class="no-print"><button data-testid="print-plan" ?disabled=${plan === null} @click=${() => window.print()}>Print summary</button></span></div>
      <p class="print-only">Scenario: ${this.scenarioName}${edited ? ' (edited)' : ''} · seed ${this.seed} · ${settings} · Commons Ledger ${APP_VERSION} · printed ${new Date().toISOString().slice(0, 10)}</p>
      <p class="hint">One commune from its founding: does it pay off its bonds, and what does each member net? Figures are the
        model's, for seed ${this.seed}${plan === null ? '' : ` over ${plan.years} years`}; the small print under each is the 95% interval of the mean over ${this.ensembleSize} replicates, and after a change, the change paired run by run.</p>
      <div class="figures">${FIGURES.map((f) => this.renderFigure(f))}</div>
      ${plan !== null && Number.isFinite(plan.headline.selfEmployedMedianIncome)
        ? html`<p class="hint">Self-employed benchmark: the median self-employed person earned ${plan.headline.selfEmployedMedianIncome.toFixed(0)} a month last year; a member's income counts its own output net of rent plus dividends.</p>` : null}
      <div class="levers" data-testid="plan-levers">
        ${LEVERS.map((lever) => {
          const loaded = leverValue(this.scenarioData, lever.path);
          const choices = choicesWith(lever, loaded);
          const current = this.overrides[lever.path] ?? loaded ?? choices[0]!;
          const index = Math.max(0, choices.indexOf(current));
          return html`<label>${lever.label}: ${lever.format(current)}${current !== loaded && loaded !== undefined ? html` <span class="hint">(was ${lever.format(loaded)})</span>` : null}
            <input type="range" min="0" max=${choices.length - 1} step="1" .value=${String(index)} data-testid=${`lever-${lever.path}`}
              aria-valuetext=${lever.format(current)}
              @change=${(e: Event) => this.setLever(lever.path, choices[Number((e.target as HTMLInputElement).value)]!)}>
            <span class="hint">${lever.hint}</span></label>`;
        })}
      </div>
      <div class="status hint" data-testid="plan-status" role="status">${this.failure !== '' ? html`<span style="color:#a12d1f">${this.failure}</span>` : this.status}</div>
      <div class="charts">${CHARTS.map((c) => html`<figure><figcaption><h3>${c.title}</h3><p>${c.caption}</p></figcaption>
        <svg data-chart=${c.id} viewBox="0 0 ${PLAN_WIDTH} ${PLAN_HEIGHT}" role="img" aria-label=${c.title} xmlns="http://www.w3.org/2000/svg"
          font-family="system-ui, sans-serif"></svg></figure>`)}</div>
      ${plan !== null ? this.renderSeriesTable(plan) : null}`;
  }
}
