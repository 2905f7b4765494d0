// Play, pause, step a month or a year, reset, speed, seed and "go to year". The component only
// reports what the user asked for; the app decides what the engine does.
import { LitElement, css, html, type PropertyValues } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { controlStyles } from './theme.ts';
import type { RunMode, Speed } from '../worker/protocol.ts';
import { MONTHS_PER_YEAR } from '../model/engine.ts';

export const SPEEDS: readonly { label: string; value: Speed }[] = [
  { label: '1 month/s', value: 1 },
  { label: '1 year/s', value: 12 },
  { label: '5 years/s', value: 60 },
  { label: '20 years/s', value: 240 },
  { label: 'as fast as possible', value: 'max' },
];

function emit(target: EventTarget, name: string, detail?: unknown): void {
  target.dispatchEvent(new CustomEvent(name, { detail, bubbles: true, composed: true }));
}

@customElement('run-controls')
export class RunControls extends LitElement {
  static override styles = [controlStyles, css`
    :host { display: block; }
    .row { display: flex; flex-wrap: wrap; gap: 0.4em; align-items: center; margin-bottom: 0.55em; }
    label { display: flex; gap: 0.4em; align-items: center; }
    input.seed { width: 8em; }
    input.year { width: 5em; }
    .clock { font-variant-numeric: tabular-nums; font-weight: 600; }
    progress { width: 100%; height: 0.7em; }
  `];

  @property({ type: String }) mode: RunMode = 'paused';
  @property({ type: Number }) tick = 0;
  @property({ type: Number }) totalTicks = 1;
  @property({ attribute: false }) speed: Speed = 60;
  /** The running seed as typed (seedText): text that would read as a number is in quotes. */
  @property({ type: String }) seed = '1';
  /** Bumped on a parameter change or a refused seed, so the field shows the running seed again. */
  @property({ type: Number }) revision = 0;
  @property({ type: Boolean }) disabled = false;

  protected override updated(changed: PropertyValues<this>): void {
    // After a refused seed the field shows the running seed again; not on every render, which
    // comes every frame of a run and would undo what the user is typing.
    if (changed.has('revision')) {
      const input = this.renderRoot.querySelector<HTMLInputElement>('input.seed');
      if (input !== null) input.value = this.seed;
    }
  }

  override render() {
    const running = this.mode !== 'paused';
    const ended = this.tick >= this.totalTicks;
    const years = Math.floor(this.tick / MONTHS_PER_YEAR);
    const months = this.tick % MONTHS_PER_YEAR;
    return html`
      <div class="row">
        ${running
          ? html`<button class="primary" data-testid="pause" @click=${() => emit(this, 'run-pause')}>❚❚ Pause</button>`
          : html`<button class="primary" data-testid="play" ?disabled=${this.disabled || ended} @click=${() => emit(this, 'run-play')}>▶ Play</button>`}
        <button data-testid="step-month" ?disabled=${this.disabled || ended} @click=${() => emit(this, 'run-step', 1)}>+1 month</button>
        <button data-testid="step-year" ?disabled=${this.disabled || ended} @click=${() => emit(this, 'run-step', 12)}>+1 year</button>
        <button data-testid="reset" @click=${() => emit(this, 'run-reset')}>↺ Reset</button>
      </div>
      <div class="row">
        <span class="clock" data-testid="clock">Year ${years}, month ${months} of ${Math.round(this.totalTicks / MONTHS_PER_YEAR)} years</span>
      </div>
      <progress max=${this.totalTicks} .value=${this.tick} aria-label="progress of the run"></progress>
      <div class="row">
        <label>Speed
          <select data-testid="speed" @change=${(e: Event) => {
            const index = Number((e.target as HTMLSelectElement).value);
            emit(this, 'run-speed', SPEEDS[index]!.value);
          }}>
            ${SPEEDS.map((s, i) => html`<option value=${i} ?selected=${s.value === this.speed}>${s.label}</option>`)}
          </select>
        </label>
      </div>
      <div class="row">
        <label>Seed <input class="seed" type="text" data-testid="seed" .value=${this.seed}
          title="Same seed, same run. A whole number from 0 to 2^53 - 1, or any text (in quotes when it reads as a number: &quot;-1&quot;)."
          @change=${(e: Event) => emit(this, 'run-seed', (e.target as HTMLInputElement).value)}></label>
        <label>Go to year <input class="year" type="number" min="0" max=${Math.round(this.totalTicks / MONTHS_PER_YEAR)} step="1"
          data-testid="seek-year" @keydown=${(e: KeyboardEvent) => { if (e.key === 'Enter') this.seek(); }}></label>
        <button data-testid="seek" ?disabled=${this.disabled} @click=${() => this.seek()}>Go</button>
      </div>`;
  }

  private seek(): void {
    const input = this.renderRoot.querySelector<HTMLInputElement>('input.year');
    const year = Number(input?.value);
    if (input === null || input.value === '' || !Number.isFinite(year) || year < 0) return;
    emit(this, 'run-seek', Math.min(year, this.totalTicks / MONTHS_PER_YEAR));
  }
}
