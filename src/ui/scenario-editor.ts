// The scenario as text (YAML or JSON) with line numbers. Problems are marked at their line in
// the gutter and behind the text, and listed below; clicking one puts the cursor there.
// Opening a file and saving the current text live here too: both are the same text.
import { LitElement, css, html } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { live } from 'lit/directives/live.js';
import { controlStyles } from './theme.ts';
import type { ScenarioIssue } from '../scenarios/load.ts';
import { MAX_SCENARIO_TEXT } from '../worker/protocol.ts';

function emit(target: EventTarget, name: string, detail?: unknown): void {
  target.dispatchEvent(new CustomEvent(name, { detail, bubbles: true, composed: true }));
}

@customElement('scenario-editor')
export class ScenarioEditor extends LitElement {
  static override styles = [controlStyles, css`
    :host { display: block; --line: 1.5em; }
    .frame { display: flex; border: 1px solid #9aa5b1; border-radius: 6px; height: 22em; overflow: hidden;
      font: 14px/var(--line) ui-monospace, 'DejaVu Sans Mono', Menlo, Consolas, monospace; background: #fff; }
    .gutter { flex: none; width: 3.2em; background: #f1f4f8; color: #7b8794; text-align: right; overflow: hidden; border-right: 1px solid #d9dee3; }
    .scroller > div { height: var(--line); padding-right: 0.5em; white-space: pre; }
    .scroller > div.error { color: #fff; background: #c62828; font-weight: 700; }
    .area { position: relative; flex: 1; min-width: 0; }
    .backdrop { position: absolute; inset: 0; overflow: hidden; pointer-events: none; }
    .backdrop .scroller > div.error { background: #fde2e1; }
    .scroller { padding-top: 4px; }
    textarea { position: absolute; inset: 0; width: 100%; height: 100%; box-sizing: border-box; margin: 0; border: 0;
      padding: 4px 0.5em 0; resize: none; background: transparent; font: inherit; line-height: var(--line);
      white-space: pre; overflow: auto; color: #1f2933; outline: none; tab-size: 2; }
    .actions { display: flex; flex-wrap: wrap; gap: 0.4em; margin-top: 0.5em; align-items: center; }
    ul.issues { margin: 0.5em 0 0; padding: 0; list-style: none; }
    ul.issues li { color: #9b1c1c; margin: 0.25em 0; }
    ul.issues button { min-height: 0; padding: 0 0.4em; margin-right: 0.4em; border-color: #c62828; color: #9b1c1c; }
    .ok { color: #1d6b3a; }
  `];

  @property({ type: String }) text = '';
  @property({ attribute: false }) issues: readonly ScenarioIssue[] = [];
  /** True while the text differs from the scenario that runs. */
  @property({ type: Boolean }) dirty = false;
  @property({ type: String }) fileStem = 'scenario';

  private textScrollTop = 0;

  override render() {
    const lineCount = this.text.split('\n').length;
    const errorLines = new Set(this.issues.map((i) => i.line).filter((l): l is number => l !== undefined));
    const lines = Array.from({ length: lineCount }, (_, i) => i + 1);
    const offset = `transform: translateY(${-this.textScrollTop}px)`;
    return html`
      <div class="frame">
        <div class="gutter" aria-hidden="true"><div class="scroller" style=${offset}>
          ${lines.map((n) => html`<div class=${errorLines.has(n) ? 'error' : ''}>${n}</div>`)}</div></div>
        <div class="area">
          <div class="backdrop" aria-hidden="true"><div class="scroller" style=${offset}>
            ${lines.map((n) => html`<div class=${errorLines.has(n) ? 'error' : ''}> </div>`)}</div></div>
          <textarea data-testid="scenario-text" spellcheck="false" wrap="off" aria-label="scenario text (YAML or JSON)"
            .value=${live(this.text)}
            @input=${(e: Event) => emit(this, 'scenario-input', (e.target as HTMLTextAreaElement).value)}
            @scroll=${(e: Event) => { this.textScrollTop = (e.target as HTMLTextAreaElement).scrollTop; this.requestUpdate(); }}
            @keydown=${(e: KeyboardEvent) => { if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) emit(this, 'scenario-apply'); }}
          ></textarea>
        </div>
      </div>
      <div class="actions">
        <button class="primary" data-testid="apply" ?disabled=${this.issues.length > 0} @click=${() => emit(this, 'scenario-apply')}
          title="Ctrl+Enter">Run this scenario</button>
        <button @click=${() => this.renderRoot.querySelector<HTMLInputElement>('input[type=file]')?.click()}>Open file…</button>
        <input type="file" accept=".yaml,.yml,.json,text/yaml,application/json" hidden data-testid="open-file" @change=${this.openFile}>
        <button data-testid="save" @click=${() => emit(this, 'scenario-save')}>Save</button>
        ${this.issues.length === 0 ? html`<span class=${this.dirty ? 'hint' : 'ok'}>${this.dirty ? 'edited: run it to apply' : 'valid'}</span>` : null}
      </div>
      ${this.issues.length > 0 ? html`<ul class="issues" data-testid="issues" role="alert">
        ${this.issues.map((issue) => html`<li>
          ${issue.line !== undefined ? html`<button @click=${() => this.goToLine(issue.line!)}>line ${issue.line}</button>` : null}${issue.path === '' ? '' : `${issue.path}: `}${issue.message}</li>`)}
      </ul>` : null}`;
  }

  private goToLine(line: number): void {
    const area = this.renderRoot.querySelector('textarea');
    if (area === null) return;
    const lines = area.value.split('\n');
    const start = lines.slice(0, line - 1).reduce((sum, l) => sum + l.length + 1, 0);
    area.focus();
    area.setSelectionRange(start, start + (lines[line - 1]?.length ?? 0));
    const lineHeight = parseFloat(getComputedStyle(area).lineHeight) || 21;
    area.scrollTop = Math.max(0, (line - 3) * lineHeight);
  }

  private async openFile(event: Event): Promise<void> {
    const input = event.target as HTMLInputElement;
    const file = input.files?.[0];
    input.value = '';
    if (file === undefined) return;
    if (file.size > MAX_SCENARIO_TEXT) {
      emit(this, 'scenario-file-error', `${file.name} is ${file.size} bytes; a scenario file is at most ${MAX_SCENARIO_TEXT}.`);
      return;
    }
    emit(this, 'scenario-input', await file.text());
    emit(this, 'scenario-apply');
  }
}
