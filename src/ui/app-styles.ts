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
  .mode-size { font-weight: 600; color: #0b5cab; }
  section[hidden] { display: none; }
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
  .planner { background: #f9fbfd; }
  .modes { display: flex; flex-wrap: wrap; gap: 0.4em; align-items: center; margin-bottom: 0.8em; }
  .modes .mode[aria-pressed='true'] { background: #0b5cab; border-color: #0b5cab; color: #fff; }
  .modes .hint { margin-left: 0.4em; }
  main > section.experiment { background: #f9fbfd; }
  /* A narrow screen: one column, run controls first, then the charts, then the gallery and parameters. */
  @media (max-width: 900px) {
    .page { padding: 0.6em 0.6em 2em; }
    .layout { grid-template-columns: minmax(0, 1fr); }
    .charts { grid-template-columns: minmax(0, 1fr); }
    aside { display: contents; }
    .layout > *, aside > * { min-width: 0; }
    aside .preset-choice { order: 0; } aside .controls { order: 1; } aside run-readouts { order: 1; }
    main { order: 2; } aside .gallery { order: 3; } aside .parameters { order: 4; }
  }
  @media print {
    :host { background: #fff; }
    header button, aside, .banner, main > :not(.planner) { display: none !important; }
    .layout { display: block; }
    .planner { border: none; padding: 0; }
  }

  /* Classroom: controls and headline numbers in a column, one chart as large as the screen allows. */
  .classroom { font-size: 19px; max-width: none; padding-top: 0.4em; }
  .classroom header { margin-bottom: 0.3em; }
  .classroom h1 { font-size: 1.25em; }
  .classroom .layout { grid-template-columns: minmax(15em, 19em) minmax(0, 1fr); gap: 0.8em; }
  .classroom .gallery, .classroom .parameters, .classroom .editor, .classroom .share, .classroom .description { display: none; }
  .classroom aside section { padding: 0.6em 0.8em; margin-bottom: 0.6em; }
  /* Two readouts a row inside the column (their minimum width pushed the second past its edge). */
  .classroom aside run-readouts { display: grid; grid-template-columns: repeat(2, minmax(0, 1fr)); gap: 0.4em; }
  .classroom aside run-readouts::part(readout) { min-width: 0; padding: 0.3em 0.7em; }
  .classroom aside run-readouts { margin-bottom: 0.6em; }
  .preset-choice label { display: grid; gap: 0.3em; font-weight: 600; }
  .preset-choice select { width: 100%; }
  .classroom chart-card { font-size: 1.15em; padding: 0.5em 0.8em 0.4em; }
  .slide-nav { display: flex; align-items: center; justify-content: center; gap: 1em; margin-bottom: 0.4em; flex: none; }
  /*
   * A slide is exactly the height left on the screen: its card is a column whose chart takes
   * what the title and caption leave, and the chart's SVG scales to fit that box (both ways),
   * so no slide scrolls, whatever its chart's proportions.
   */
  .classroom.page { box-sizing: border-box; height: 100vh; height: 100dvh; display: flex; flex-direction: column; padding-bottom: 0.4em; }
  .classroom .layout { flex: 1; min-height: 0; }
  .classroom aside { max-height: 100%; overflow-y: auto; }
  .classroom main { height: 100%; display: flex; flex-direction: column; min-height: 0; }
  .slide { flex: 1; min-height: 0; display: flex; flex-direction: column; }
  .slide chart-card { flex: 1; min-height: 0; display: flex; flex-direction: column; box-sizing: border-box; }
  .slide chart-card > * { flex: 1; min-height: 0; display: flex; flex-direction: column; }
  .slide chart-card > *::part(frame) { aspect-ratio: auto !important; flex: 1; min-height: 0; height: auto; }
  /* A phone in class: the slide first and a screen high, the controls below it. */
  @media (max-width: 900px) {
    .classroom { font-size: 15px; }
    .classroom.page { height: auto; display: block; }
    .classroom .layout { grid-template-columns: minmax(0, 1fr); }
    .classroom aside run-readouts { display: flex; flex-wrap: wrap; }
    .classroom header { gap: 0.2em 0.6em; align-items: center; }
    .classroom header h1 { font-size: 1.05em; }
    .classroom .scenario-name { font-size: 0.95em; }
    .classroom header .toggle { min-height: 0; padding: 0.2em 0.6em; }
    .classroom .slide-nav button { min-height: 0; padding: 0.2em 0.7em; }
    .classroom main { order: 0; height: calc(100vh - 6.4em); height: calc(100dvh - 6.4em); }
    .classroom .preset-choice, .classroom .controls, .classroom aside run-readouts { order: 1; }
    .classroom aside { max-height: none; overflow: visible; }
    .classroom chart-card { font-size: 1em; }
  }
`];
