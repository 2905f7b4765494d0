// A headless Chromium for the browser tests: Debian's /usr/bin/chromium, never a downloaded
// browser. Every page records console errors, page errors and long tasks, and screenshots go
// to test-artifacts/ for review.
import { existsSync, mkdirSync } from 'node:fs';
import { chromium, type Browser, type Page } from 'playwright-core';

export const CHROMIUM = '/usr/bin/chromium';
export const ARTIFACTS = 'test-artifacts';

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
  screenshot(name: string): Promise<string>;
}

export async function openPage(browser: Browser, url: string, viewport = { width: 1440, height: 1000 }): Promise<WatchedPage> {
  const context = await browser.newContext({ viewport, deviceScaleFactor: 1 });
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
  return {
    page,
    errors,
    longTasks: () => page.evaluate(() => (window as unknown as { __longTasks: number[] }).__longTasks.slice()),
    clearLongTasks: () => page.evaluate(() => { (window as unknown as { __longTasks: number[] }).__longTasks = []; }),
    screenshot: async (name: string) => {
      const path = `${ARTIFACTS}/${name}.png`;
      await page.screenshot({ path, fullPage: true });
      return path;
    },
  };
}
