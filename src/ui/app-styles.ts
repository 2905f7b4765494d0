// The page layout: a control column and a chart area; classroom mode enlarges everything,
// hides the editing tools and leaves one chart on screen.
import { css } from 'lit';
import { controlStyles } from './theme.ts';

export const appStyles = [controlStyles, css`
  :host { display: block; min-height: 100vh; background: #f5f7fa; font-size: 16px; }
  .page { max-width: 1600px; margin: 0 auto; padding: 0.8em 1.2em 2em; }
  header { display: flex; align-items: baseline; gap: 1em; flex-wrap: wrap; margin-bottom: 0.6em; }
  h1 { font-size: 1.5em; margin: 0; }
  .scenario-name { font-size: 1.15em; color: #3e4c59; flex: 1; }
  .layout { display: grid; grid-template-columns: minmax(290px, 360px) minmax(0, 1fr); gap: 1.2em; align-items: start; }
  aside section, main > section { background: #fff; border: 1px solid #d9dee3; border-radius: 8px; padding: 0.8em 1em; margin-bottom: 1em; }
  main { min-width: 0; }
  .description { margin: 0 0 0.8em; white-space: pre-line; color: #3e4c59; max-width: 75em; }
  run-readouts { margin-bottom: 1em; }
  .charts { display: grid; grid-template-columns: repeat(auto-fill, minmax(460px, 1fr)); gap: 1em; margin-bottom: 1em; }
  .banner { display: flex; gap: 0.8em; align-items: center; flex-wrap: wrap; padding: 0.6em 1em; border-radius: 8px; margin-bottom: 0.8em; }
  .banner span { flex: 1; }
  .failure { background: #fde2e1; border: 1px solid #c62828; color: #7f1d1d; }
  .notice { background: #e8f1fb; border: 1px solid #0b5cab; }
  .confirm { background: #fff4d6; border: 1px solid #b7791f; }
  @media (max-width: 900px) { .layout { grid-template-columns: 1fr; } .charts { grid-template-columns: 1fr; } }

  .classroom { font-size: 22px; max-width: none; }
  /* Controls become a strip above one chart as large as the screen allows. */
  .classroom .layout { grid-template-columns: 1fr; gap: 0.4em; }
  .classroom aside section.controls { margin-bottom: 0.4em; }
  .classroom .description { display: none; }
  .classroom .gallery, .classroom .parameters, .classroom .editor, .classroom .share { display: none; }
  .classroom chart-card { font-size: 1.1em; }
  .slide { margin-bottom: 1em; }
  .slide-nav { display: flex; align-items: center; gap: 1em; margin-bottom: 0.6em; }
  .slide chart-card { max-width: min(100%, calc((100vh - 14em) * 1.55)); margin: 0 auto; }
  .slide-nav { justify-content: center; }
`];
