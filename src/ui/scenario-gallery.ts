// The preset scenarios, each with its name and one-line description.
import { LitElement, css, html } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { controlStyles } from './theme.ts';
import type { Preset } from './presets.ts';

@customElement('scenario-gallery')
export class ScenarioGallery extends LitElement {
  static override styles = [controlStyles, css`
    :host { display: block; }
    ul { list-style: none; margin: 0; padding: 0; display: grid; gap: 0.4em; }
    button { width: 100%; text-align: left; display: block; padding: 0.5em 0.7em; }
    button[aria-pressed='true'] { border-color: #0b5cab; box-shadow: inset 4px 0 0 #0b5cab; background: #eef5fc; }
    .name { font-weight: 600; display: block; }
    .summary { font-size: 0.88em; color: #52606d; display: block; margin-top: 0.15em; }
  `];

  @property({ attribute: false }) presets: readonly Preset[] = [];
  @property({ type: String }) active = '';

  override render() {
    return html`<ul>${this.presets.map((p) => html`<li>
      <button data-testid=${`preset-${p.id}`} aria-pressed=${p.id === this.active ? 'true' : 'false'}
        @click=${() => this.dispatchEvent(new CustomEvent('preset-select', { detail: p.id, bubbles: true, composed: true }))}>
        <span class="name">${p.name}</span><span class="summary">${p.summary}</span>
      </button></li>`)}</ul>`;
  }
}
