// The look shared by every component: plain controls, large enough to hit on a touch screen
// and to read from a projector.
import { css } from 'lit';

export const controlStyles = css`
  :host { font-family: system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif; color: #1f2933; }
  button, select, input, textarea { font: inherit; }
  button {
    border: 1px solid #9aa5b1; background: #fff; color: #1f2933; border-radius: 6px;
    padding: 0.35em 0.8em; cursor: pointer; min-height: 2.2em;
  }
  button:hover:not(:disabled) { background: #eef2f7; }
  button:disabled { opacity: 0.45; cursor: default; }
  button.primary { background: #0b5cab; border-color: #0b5cab; color: #fff; }
  button.primary:hover:not(:disabled) { background: #0a4f93; }
  input[type='number'], input[type='text'], select {
    border: 1px solid #9aa5b1; border-radius: 6px; padding: 0.3em 0.45em; background: #fff; min-width: 0;
  }
  .hint { color: #52606d; font-size: 0.88em; }
  h2 { font-size: 1.05em; margin: 0 0 0.5em; }
`;
