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

  /* Classroom: controls and headline numbers in a column, one chart as large as the screen allows. */
  .classroom { font-size: 19px; max-width: none; padding-top: 0.4em; }
  .classroom header { margin-bottom: 0.3em; }
  .classroom h1 { font-size: 1.25em; }
  .classroom .layout { grid-template-columns: minmax(15em, 19em) minmax(0, 1fr); gap: 0.8em; }
  .classroom .gallery, .classroom .parameters, .classroom .editor, .classroom .share, .classroom .description { display: none; }
  .classroom aside section { padding: 0.6em 0.8em; margin-bottom: 0.6em; }
  .classroom aside run-readouts { display: grid; grid-template-columns: 1fr 1fr; gap: 0.4em; }
  .classroom aside run-readouts { margin-bottom: 0.6em; }
  .preset-choice label { display: grid; gap: 0.3em; font-weight: 600; }
  .preset-choice select { width: 100%; }
  .classroom chart-card { font-size: 1.15em; padding: 0.5em 0.8em 0.4em; }
  .slide-nav { display: flex; align-items: center; justify-content: center; gap: 1em; margin-bottom: 0.4em; }
  /* The chart's width follows the screen's height, so the whole chart is in view. */
  .slide chart-card { max-width: min(100%, calc((100vh - 15em) * 1.62)); margin: 0 auto; }
`];
