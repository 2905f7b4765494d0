// Sharing and exporting: a link that reproduces the run (the scenario text, seed included, in
// the URL hash), and the metrics as CSV or JSON with the CLI's columns.
import { LitElement, css, html } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { controlStyles } from './theme.ts';
import { encodeScenario, shareUrl } from './share-link.ts';
import { download, metricsCsv, metricsJson } from './metrics-export.ts';
import type { RunRecord } from './run-record.ts';

@customElement('share-panel')
export class SharePanel extends LitElement {
  static override styles = [controlStyles, css`
    :host { display: block; }
    .row { display: flex; flex-wrap: wrap; gap: 0.4em; align-items: center; margin-bottom: 0.5em; }
    input.link { flex: 1; min-width: 12em; font-family: ui-monospace, monospace; font-size: 0.85em; }
  `];

  @property({ attribute: false }) record: RunRecord | null = null;
  @property({ type: String }) scenarioText = '';
  @property({ type: String }) fileStem = 'scenario';
  @state() private link = '';
  @state() private copied = false;

  override willUpdate(changed: Map<string, unknown>): void {
    // A link describes one scenario text; a new text needs a new link.
    if (changed.has('scenarioText')) this.link = '';
  }

  private async makeLink(): Promise<void> {
    this.link = shareUrl(window.location, await encodeScenario(this.scenarioText));
    this.copied = false;
    try {
      await navigator.clipboard.writeText(this.link);
      this.copied = true;
    } catch {
      // Clipboard access is not granted everywhere; the link is shown to copy by hand.
    }
  }

  override render() {
    const record = this.record;
    return html`
      <div class="row">
        <button data-testid="make-share-link" ?disabled=${this.scenarioText === ''} @click=${this.makeLink}>Make share link</button>
        ${this.link !== '' ? html`<input class="link" data-testid="share-link" readonly .value=${this.link}
          @focus=${(e: Event) => (e.target as HTMLInputElement).select()} aria-label="share link">
          <span class="hint">${this.copied ? 'copied' : ''}</span>` : html`<span class="hint">Same scenario and seed, same numbers.</span>`}
      </div>
      <div class="row">
        <button data-testid="export-csv" ?disabled=${record === null || record.length === 0}
          @click=${() => download(`${this.fileStem}-metrics.csv`, metricsCsv(record!), 'text/csv')}>Metrics as CSV</button>
        <button data-testid="export-json" ?disabled=${record === null || record.length === 0}
          @click=${() => download(`${this.fileStem}-metrics.json`, metricsJson(record!), 'application/json')}>Metrics as JSON</button>
      </div>`;
  }
}
