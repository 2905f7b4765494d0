// The scenario's main parameters as inputs, generated from its schema: a number box (with a
// slider when the range is short), a choice list or a checkbox, each with unit and range.
// A change is reported on commit (release of a slider, Enter or blur of a box), not on every
// keystroke, since each change restarts the run.
import { LitElement, css, html } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { controlStyles } from './theme.ts';
import type { ParameterField } from './parameter-fields.ts';
import { valueAt } from './scenario-text.ts';
import { live } from 'lit/directives/live.js';

function rangeText(field: ParameterField): string {
  if (field.min === undefined && field.max === undefined) return '';
  const number = (v: number) => v.toLocaleString('en');
  const low = field.min === undefined ? '' : `${field.minExclusive === true ? 'above ' : ''}${number(field.min)}`;
  return `${low}${field.max === undefined ? '+' : ` to ${number(field.max)}`}`;
}

function stepOf(field: ParameterField): string {
  return field.type === 'integer' ? '1' : 'any';
}

@customElement('parameter-panel')
export class ParameterPanel extends LitElement {
  static override styles = [controlStyles, css`
    :host { display: block; }
    .field { margin-bottom: 0.75em; }
    .name { display: flex; justify-content: space-between; gap: 0.5em; font-weight: 600; }
    .inputs { display: flex; gap: 0.5em; align-items: center; margin-top: 0.2em; }
    .inputs input[type='number'] { width: 7.5em; }
    .inputs input[type='range'] { flex: 1; min-width: 0; }
    .unit { font-weight: 400; color: #52606d; }
    details { border-top: 1px solid #d9dee3; padding: 0.4em 0; }
    summary { cursor: pointer; font-weight: 600; padding: 0.2em 0; }
    details[open] summary { margin-bottom: 0.5em; }
  `];

  @property({ attribute: false }) fields: readonly ParameterField[] = [];
  /** The parsed scenario the values are read from. */
  @property({ attribute: false }) scenario: Readonly<Record<string, unknown>> = {};
  /** Changes after every committed change, so a refused value is replaced by the one that runs. */
  @property({ type: Number }) revision = 0;

  private commit(field: ParameterField, raw: string | boolean): void {
    let value: unknown = raw;
    if (field.type === 'number' || field.type === 'integer') {
      value = Number(raw);
      if (raw === '' || !Number.isFinite(value)) return;
    }
    this.dispatchEvent(new CustomEvent('parameter-change', {
      detail: { path: field.path, value }, bubbles: true, composed: true,
    }));
  }

  private input(field: ParameterField) {
    const value = valueAt(this.scenario, field.path) ?? field.defaultValue;
    const id = `p-${field.path.join('-')}`;
    if (field.type === 'choice') {
      return html`<select id=${id} data-testid=${id} @change=${(e: Event) => this.commit(field, (e.target as HTMLSelectElement).value)}>
        ${field.choices!.map((c) => html`<option .selected=${live(c === value)}>${c}</option>`)}</select>`;
    }
    if (field.type === 'boolean') {
      return html`<input id=${id} data-testid=${id} type="checkbox" .checked=${live(value === true)}
        @change=${(e: Event) => this.commit(field, (e.target as HTMLInputElement).checked)}>`;
    }
    const text = typeof value === 'number' ? String(value) : '';
    const onChange = (e: Event) => this.commit(field, (e.target as HTMLInputElement).value);
    return html`
      <input id=${id} data-testid=${id} type="number" .value=${live(text)} min=${field.min ?? ''} max=${field.max ?? ''}
        step=${stepOf(field)} @change=${onChange}>
      ${field.slider ? html`<input type="range" aria-label=${field.label} .value=${live(text)} min=${field.min ?? 0}
        max=${field.max ?? 1} step=${stepOf(field)} @change=${onChange}>` : null}`;
  }

  private field(field: ParameterField) {
    return html`
      <div class="field" title=${field.description ?? ''}>
        <label class="name" for=${`p-${field.path.join('-')}`}>
          <span>${field.label}</span>
          <span class="unit">${field.unit ?? ''}${field.unit !== undefined && rangeText(field) !== '' ? ', ' : ''}${rangeText(field)}</span>
        </label>
        <div class="inputs">${this.input(field)}</div>
      </div>`;
  }

  /** Top-level fields first; each nested section (persons, bonds, ...) folds away. */
  override render() {
    const sections = new Map<string, ParameterField[]>();
    for (const field of this.fields.filter((f) => f.path.length > 1)) {
      const key = field.path.slice(0, -1).join('.');
      sections.set(key, [...(sections.get(key) ?? []), field]);
    }
    return html`${this.fields.filter((f) => f.path.length === 1).map((f) => this.field(f))}
      ${[...sections].map(([section, fields]) => html`<details>
        <summary>${section} <span class="unit">(${fields.length})</span></summary>
        ${fields.map((f) => this.field(f))}</details>`)}`;
  }
}
