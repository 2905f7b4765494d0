// A headless Chromium for the browser tests: Debian's /usr/bin/chromium, never a downloaded
// browser. useBrowser gives a test file its browser and closes the pages its tests open. Every
// page records console errors, page errors and long tasks (judged in units of a calibration task
// run in the same page, long-tasks.ts); waits for the page's work allow for how slow it runs now
// (slowdown, patience); screenshots go to test-artifacts/ for review.
import { existsSync, mkdirSync } from 'node:fs';
import { afterAll, afterEach, beforeAll, expect, inject } from 'vitest';
import { chromium, type Browser, type Page } from 'playwright-core';
import { machineSlowdown } from './machine-slowdown.ts';
import {
  ARTIFACTS, calibrationTask, CALIBRATION_RUNS, median, QUIET_CALIBRATION_MS, tasksFromTrace, type LongTaskVerdict, type TraceEvent,
} from './long-tasks.ts';

export { machineSlowdown };

export const CHROMIUM = '/usr/bin/chromium';

export async function launchBrowser(): Promise<Browser> {
  if (!existsSync(CHROMIUM)) {
    throw new Error(`${CHROMIUM} is missing. Install Debian's Chromium with \`apt-get install chromium\` (the tests never download a browser).`);
  }
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync'],
  });
}


export interface WatchedPage {
  readonly page: Page;
  /** Console errors and uncaught page errors, in order. */
  readonly errors: string[];
  /** Durations (ms) of long tasks since the last `clearLongTasks`. */
  longTasks(): Promise<number[]>;
  clearLongTasks(): Promise<void>;
  /** Runs the calibration task CALIBRATION_RUNS times in the page (apart, in their own tasks); their durations in ms. */
  calibrate(): Promise<number[]>;
  /** Starts a trace, calibrates, then forgets long tasks: the start of a watched period (one at a time per browser). */
  startWatching(): Promise<void>;
  /** Calibrates again and stops the trace: the longest task since `startWatching`, in calibration units. */
  stopWatching(): Promise<LongTaskVerdict>;
  screenshot(name: string): Promise<string>;
}

/** Browsers with a trace running (startWatching without its stopWatching yet), with the calibration runs it began with. */
const tracing = new WeakMap<Browser, number[]>();

/**
 * How many times slower than a quiet machine `page`'s work runs now, at least 1: the larger of
 * its slowest of two calibration runs in the page (against QUIET_CALIBRATION_MS) and the
 * machine's load per core. Inside a watched period it reuses the period's first calibration (a
 * new one would count as one of its tasks); a page that cannot run it (navigating) has the
 * machine's figure.
 */
export async function slowdown(page: Page): Promise<number> {
  const browser = page.context().browser();
  let runs = browser === null ? undefined : tracing.get(browser);
  if (runs === undefined) {
    try {
      runs = [await page.evaluate(calibrationTask), await page.evaluate(calibrationTask)];
    } catch {
      runs = [];
    }
  }
  return Math.max(machineSlowdown(), ...runs.map((ms) => ms / QUIET_CALIBRATION_MS));
}

/**
 * A wait's options for work of the page that takes `quietMs` on a quiet machine: that, times the
 * page's slowdown now. A loaded machine cannot fail such a wait; a hang still does.
 */
export async function patience(page: Page, quietMs: number): Promise<{ timeout: number }> {
  return { timeout: Math.round(quietMs * await slowdown(page)) };
}

/**
 * Waits until every chart has drawn the latest record: after a pause the readouts show the
 * final month at once, while charts catch up in tasks of their own (ChartElement's `data-stale`).
 */
export async function chartsSettled(page: Page, quietMs = 10_000): Promise<void> {
  await expect.poll(() => page.locator('[data-stale]').count(), await patience(page, quietMs)).toBe(0);
}

/** Playwright's own wait for an action (a click waits for its element to be visible, stable, enabled): its default on a quiet machine. */
const ACTION_QUIET_MS = 30_000;

export async function openPage(browser: Browser, url: string, viewport = { width: 1440, height: 1000 }): Promise<WatchedPage> {
  const context = await browser.newContext({ viewport, deviceScaleFactor: 1 });
  context.setDefaultTimeout(ACTION_QUIET_MS * machineSlowdown());
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(`console: ${message.text()}`);
  });
  page.on('pageerror', (error) => errors.push(`page: ${error.message}`));
  await page.addInitScript(() => {
    const w = window as unknown as { __longTasks: number[] };
    w.__longTasks = [];
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) w.__longTasks.push(entry.duration);
    }).observe({ type: 'longtask', buffered: true });
  });
  await page.goto(url);
  mkdirSync(ARTIFACTS, { recursive: true });
  const longTasks = () => page.evaluate(() => (window as unknown as { __longTasks: number[] }).__longTasks.slice());
  const clearLongTasks = () => page.evaluate(() => { (window as unknown as { __longTasks: number[] }).__longTasks = []; });
  const calibrate = async (): Promise<number[]> => {
    const runs: number[] = [];
    for (let k = 0; k < CALIBRATION_RUNS; k++) {
      runs.push(await page.evaluate(calibrationTask));
      await page.waitForTimeout(100);
    }
    return runs;
  };
  const stopTrace = async (): Promise<Buffer> => {
    tracing.delete(browser);
    return browser.stopTracing();
  };
  return {
    page,
    errors,
    longTasks,
    clearLongTasks,
    calibrate,
    startWatching: async () => {
      // A trace left running by a test that failed while watching (one trace at a time per browser).
      if (tracing.has(browser)) await stopTrace();
      // Task boundaries and their CPU time (tdur); the calibration's marks (user timing).
      await browser.startTracing(page, { categories: ['toplevel', 'blink.user_timing'] });
      tracing.set(browser, []); // running, its calibration not yet known
      tracing.set(browser, await calibrate());
      await clearLongTasks();
    },
    stopWatching: async () => {
      const longestMs = Math.max(0, ...await longTasks());
      const calibrationMs = [...tracing.get(browser) ?? [], ...await calibrate()];
      const trace = JSON.parse((await stopTrace()).toString()) as { traceEvents: TraceEvent[] };
      const { calibrationCpuMs, longestCpuMs } = tasksFromTrace(trace.traceEvents);
      return {
        longestCpuMs, calibrationCpuMs, units: longestCpuMs / median(calibrationCpuMs),
        longestMs, calibrationMs, wallUnits: longestMs / median(calibrationMs),
      };
    },
    screenshot: async (name: string) => {
      const path = `${ARTIFACTS}/${name}.png`;
      await page.screenshot({ path, fullPage: true });
      return path;
    },
  };
}

export interface BrowserSession {
  /** The file's browser (launched before its tests). */
  readonly browser: Browser;
  /**
   * Opens `path`, read against the preview's address (`?preset=mixed`, `/?mode=claims`, a
   * whole address), in a context of its own that is closed after the test.
   */
  open(path?: string, viewport?: { width: number; height: number }): Promise<WatchedPage>;
}

/**
 * A test file's browser: launched before its tests and closed after them, with every page a
 * test opens closed after that test. With `pageErrorsFail`, a test also fails on any console
 * or page error its pages logged.
 */
export function useBrowser(options: { pageErrorsFail?: boolean } = {}): BrowserSession {
  const baseUrl = inject('baseUrl');
  let browser: Browser | undefined;
  const opened: WatchedPage[] = [];
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterEach(async () => {
    const errors = opened.flatMap((w) => w.errors);
    for (const w of opened.splice(0)) await w.page.context().close();
    if (options.pageErrorsFail === true) expect(errors).toEqual([]);
  });
  afterAll(async () => {
    await browser?.close();
  });
  const session: BrowserSession = {
    get browser(): Browser {
      if (browser === undefined) throw new Error('the browser is launched in beforeAll: use it in a test or a hook');
      return browser;
    },
    async open(path = '', viewport) {
      const watched = await openPage(session.browser, new URL(path, baseUrl).href, viewport);
      opened.push(watched);
      return watched;
    },
  };
  return session;
}
