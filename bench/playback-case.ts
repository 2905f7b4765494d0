// The page playing `mixed` (issue 19: "the browser >= 30 simulated years a second on
// `mixed`"): the built site in Debian's Chromium, opened on the preset at the size the page
// plays it (the file's own 10,000 persons x 50 years: the single run takes no size from the
// address), speed "as fast as possible", timed from Play to the year readout first showing the
// last year, as the user watches it. Beside it, the same scenario on the engine bundled as the
// page's worker bundles it, in a Node worker thread: the engine's own time, so the report
// separates it from the page's (frames, drawing, yields). Page and Node runs alternate, so load
// from other processes falls on both. --quick plays the first QUICK_YEARS years once, unjudged.
import { loadavg } from 'node:os';
import type { Browser } from 'playwright-core';
import { withBuiltSite } from './browser-cases.ts';
import { runScenarioFileCase } from './scenario-files.ts';
import { MONTHS_PER_YEAR } from '../src/model/engine.ts';
import {
  PLAYBACK_TARGET_YEARS_PER_SECOND, median, pageCpu, pageOverhead, yearsPerSecond, type PageCpu, type TraceEvent, type YearSample,
} from './playback-rate.ts';

const QUICK_YEARS = 5;
const RUNS = 3;

/**
 * Records every change of the year readout at the animation frame that shows it, and the moment
 * Play is pressed (the controls' `run-play` event). A mutation of the readouts asks for one
 * animation frame, where the readout is read: a requestAnimationFrame loop polling it at every
 * frame made Chromium run the page's rendering 60 times a second (layerize, commit, the
 * compositor's frame; 120 main frames in 2 s of an idle page against none), about 3 ms of the
 * main thread and 3 ms of Chromium's other threads per simulated year of mixed, work the page
 * does not do for a user and that shared the two cores with the engine's worker. Passed as
 * text: tsx's helpers do not exist in the page.
 */
const WATCH_YEAR = `(() => {
  const readouts = () => document.querySelector('commons-app')?.shadowRoot?.querySelector('run-readouts')?.shadowRoot;
  window.__yearSamples = [];
  document.addEventListener('run-play', () => { window.__playedAt ??= performance.now(); }, { capture: true });
  let shown = '';
  let asked = false;
  const look = () => {
    asked = false;
    const text = readouts()?.querySelector('[data-testid=year-readout]')?.textContent ?? '';
    if (text !== shown) {
      shown = text;
      window.__yearSamples.push([performance.now(), Number(text)]);
    }
  };
  new MutationObserver(() => {
    if (asked) return;
    asked = true;
    requestAnimationFrame(look);
  }).observe(readouts(), { subtree: true, childList: true, characterData: true });
  look();
})()`;

interface PageRun {
  readonly rate: number;
  /** CPU seconds per simulated year, by thread (a trace of top-level tasks from Play to the end). */
  readonly cpuPerYear: PageCpu;
  readonly persons: number;
  readonly years: number;
  readonly errors: readonly string[];
}

async function playOnPage(browser: Browser, base: string, years: number | undefined): Promise<PageRun> {
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  try {
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await page.goto(`${base}/?preset=mixed`);
    await page.getByTestId('readout-wealth.gini').waitFor({ timeout: 300_000 });
    const persons = Number((await page.getByTestId('agents-readout').innerText()).replace(/,/g, ''));
    const total = Number(/of (\d+) years/.exec(await page.getByTestId('clock').innerText())?.[1]);
    const until = Math.min(years ?? total, total);
    await page.getByTestId('speed').selectOption({ label: 'as fast as possible' });
    await page.evaluate(WATCH_YEAR);
    await browser.startTracing(page, { categories: ['toplevel', '__metadata'] });
    let events: TraceEvent[];
    try {
      await page.getByTestId('play').click();
      await page.waitForFunction(`(window.__yearSamples.at(-1)?.[1] ?? 0) >= ${until}`, undefined, { timeout: 1_800_000, polling: 250 });
    } finally {
      events = (JSON.parse((await browser.stopTracing()).toString()) as { traceEvents: TraceEvent[] }).traceEvents;
    }
    const { samples, playedAt } = await page.evaluate('({ samples: window.__yearSamples, playedAt: window.__playedAt })') as {
      samples: YearSample[]; playedAt: number;
    };
    const rate = yearsPerSecond(samples, playedAt, 0, until);
    if (rate === undefined) throw new Error(`bench: the page never showed year ${until}`);
    const cpu = pageCpu(events);
    const cpuPerYear = { worker: cpu.worker / until, main: cpu.main / until, others: cpu.others / until };
    return { rate, cpuPerYear, persons, years: until, errors };
  } finally {
    await context.close();
  }
}

/**
 * Years a second of the same run on the bundled engine in a worker thread (set-up included: a
 * few % of the run), and the thread's CPU seconds per simulated year.
 */
async function playInNode(root: URL, workerModule: URL, years: number | undefined): Promise<{ rate: number; cpuPerYear?: number }> {
  const fileCase = { id: 'mixed playback', file: 'scenarios/mixed.yaml', overrides: {}, targetSeconds: 900, runs: 1 };
  const outcome = await runScenarioFileCase(fileCase, root, {
    workerModule, overrides: years === undefined ? {} : { years }, targetSeconds: fileCase.targetSeconds, again: false,
  });
  if (outcome.status !== 'ran') throw new Error(`bench: the Node run of mixed did not finish (${outcome.status})`);
  const simulatedYears = outcome.ticks / MONTHS_PER_YEAR;
  return { rate: simulatedYears / outcome.seconds, cpuPerYear: outcome.cpuSeconds === undefined ? undefined : outcome.cpuSeconds / simulatedYears };
}

const list = (rates: readonly number[]) => rates.map((r) => r.toFixed(2)).join(', ');

export async function pagePlaybackRate(root: URL, workerModule: URL, quick: boolean): Promise<string> {
  const years = quick ? QUICK_YEARS : undefined;
  const runs = quick ? 1 : RUNS;
  let loadBefore = 0;
  const pageRates: number[] = [];
  const nodeRates: number[] = [];
  const pageCpus: PageCpu[] = [];
  const nodeCpus: number[] = [];
  let last: PageRun | undefined;
  const errors: string[] = [];
  await withBuiltSite(root, async (browser, base) => {
    loadBefore = loadavg()[0]!;
    for (let run = 0; run < runs; run++) {
      last = await playOnPage(browser, base, years);
      pageRates.push(last.rate);
      pageCpus.push(last.cpuPerYear);
      errors.push(...last.errors);
      const node = await playInNode(root, workerModule, years);
      nodeRates.push(node.rate);
      if (node.cpuPerYear !== undefined) nodeCpus.push(node.cpuPerYear);
    }
  });
  const loadAfter = loadavg()[0]!;
  const page = median(pageRates);
  const node = median(nodeRates);
  const of = runs > 1 ? ` (median of ${runs}: ${list(pageRates)})` : '';
  const nodeOf = runs > 1 ? ` (${list(nodeRates)})` : '';
  const ms = (seconds: number) => (1000 * seconds).toFixed(0);
  const nodeCpu = nodeCpus.length === runs ? `, the Node engine's thread ${ms(median(nodeCpus))} ms` : '';
  // Load moves wall time much more than CPU time: the engine's CPU per year in the page beside
  // Node's tells a slower engine from a page that leaves it less of the machine.
  const cpu = `CPU per simulated year (medians): the page's engine worker ${ms(median(pageCpus.map((c) => c.worker)))} ms${nodeCpu}; `
    + `the page's main thread ${ms(median(pageCpus.map((c) => c.main)))} ms and Chromium's other threads ${ms(median(pageCpus.map((c) => c.others)))} ms`;
  const verdict = quick ? 'not judged under --quick'
    : `target >= ${PLAYBACK_TARGET_YEARS_PER_SECOND} years/s: ${page >= PLAYBACK_TARGET_YEARS_PER_SECOND ? 'PASS' : 'FAIL'}`;
  return `Playback of mixed (Chromium, "as fast as possible", ${last!.persons.toLocaleString('en')} persons, the page's own size), `
    + `years 0-${last!.years}${quick ? ' (--quick)' : ''}: page ${page.toFixed(2)} simulated years/s${of} from Play to the readout's last year; `
    + `the engine alone (bundled, Node worker thread, same run) ${node.toFixed(2)} years/s${nodeOf}: the page takes ${(100 * pageOverhead(page, node)).toFixed(0)}% longer; `
    + `${cpu}; load average ${loadBefore.toFixed(1)} before, ${loadAfter.toFixed(1)} after${errors.length > 0 ? `; page errors: ${errors.join('; ')}` : ''}; ${verdict}`;
}
