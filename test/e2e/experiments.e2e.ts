// Issue 18 in a real browser: replicates of `mixed` at 2,000 persons draw bands while they run
// (every series, and the final Lorenz curve),
// and their final values are the engine's in Node for the same replicate keys; a compare of
// `mixed` with communes off shows both, side by side, and their paired difference; each view
// reopens from its address (the share link's search part): N, population and the compared
// scenarios. Screenshots go to test-artifacts/.
import { describe, expect, inject, it } from 'vitest';
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { machineSlowdown, patience, useBrowser } from './browser-session.ts';
import { describeLongTasks, LONG_TASK_UNITS, recordLongTasks } from './long-tasks.ts';
import { runJob } from '../../src/worker/ensemble-job.ts';

const baseUrl = inject('baseUrl');
const MIXED = readFileSync(new URL('../../scenarios/mixed.yaml', import.meta.url), 'utf8');
const session = useBrowser();
const open = session.open;

async function runsDone(page: Page): Promise<number> {
  return Number(await page.getByTestId('experiment-status').getAttribute('data-done'));
}

/** Waits for `done` runs to finish, allowing `quietMs` (a quiet machine's time) times the page's slowdown. */
async function waitForRuns(page: Page, done: number, quietMs: number): Promise<void> {
  const { timeout } = await patience(page, quietMs);
  const until = Date.now() + timeout;
  for (;;) {
    const status = page.getByTestId('experiment-status');
    if (await status.count() > 0 && await runsDone(page) >= done) return;
    if (Date.now() > until) throw new Error(`fewer than ${done} runs finished in ${timeout} ms (${quietMs} ms on a quiet machine)`);
    await page.waitForTimeout(500);
  }
}

describe('experiments in the browser', () => {
  it('draws bands of 10 replicates of mixed at 2,000 persons, equal to the engine in Node for the same keys', async () => {
    const watched = await open('/?preset=mixed&mode=replicates&n=10&persons=2000');
    const { page } = watched;
    await waitForRuns(page, 2, 150_000);
    await watched.startWatching();
    await waitForRuns(page, 3, 150_000);
    await page.waitForTimeout(600); // the view redraws at most every 400 ms
    await page.locator('html:not([data-charts-drawing])').waitFor({ state: 'attached', ...await patience(page, 10_000) });
    const bands = page.getByTestId('replicate-bands');
    expect(await bands.locator('figure').count()).toBeGreaterThanOrEqual(4);
    expect(await bands.locator('band-chart path.band').count()).toBeGreaterThanOrEqual(4);
    // The final distribution's spread: the replicates' Lorenz curves as a band, beside equality.
    const lorenz = page.getByTestId('replicate-lorenz');
    expect(await lorenz.locator('band-chart path.band').count()).toBe(1);
    expect(await lorenz.locator('band-chart line.equality').count()).toBe(1);
    const caption = await lorenz.locator('figcaption').innerText();
    expect(caption).toMatch(/^Lorenz curve of wealth/);
    expect(Number(/mean of (\d+) replicates/.exec(caption)?.[1])).toBeGreaterThanOrEqual(3);
    expect(await page.getByTestId('experiment-status').getAttribute('data-total')).toBe('10');
    // While the ensemble runs, in calibration units (long-tasks.ts: 50 ms on a quiet machine).
    const verdict = await watched.stopWatching();
    recordLongTasks('replicates: third run', verdict);
    expect(verdict.units, describeLongTasks(verdict)).toBeLessThan(LONG_TASK_UNITS.ensemble);
    await watched.screenshot('experiments-replicates-1440');

    const link = page.url();
    const params = new URL(link).searchParams;
    expect([params.get('mode'), params.get('n'), params.get('persons')]).toEqual(['replicates', '10', '2000']);
    // The first replicates' final Gini as the page shows them, read before cancelling the rest
    // (the Node runs below take long enough for the page to finish all ten).
    const shown: Record<string, string | null> = {};
    for (const key of ['r1', 'r2']) {
      shown[key] = await page.locator(`[data-testid=replicate-finals] tr[data-key=${key}] td[data-id="wealth.gini"]`).getAttribute('data-value');
    }
    await page.getByTestId('experiment-cancel').click();
    await page.getByTestId('experiment-status').and(page.locator('[data-state=cancelled]')).waitFor(await patience(page, 10_000));

    // They equal the engine's on the same keys in Node.
    for (const key of ['r1', 'r2']) {
      if (shown[key] === 'NaN') continue; // this key was still running
      const node = runJob({ text: MIXED, overrides: { 'persons.count': 2000 }, replicateKey: key, measure: 'series' });
      if (!node.ok || node.measure !== 'series') throw new Error('the Node run failed');
      const column = node.result.columns[node.result.reporters.findIndex((r) => r.id === 'wealth.gini')]!;
      expect(Number(shown[key])).toBe(column[column.length - 1]);
    }
    await page.getByTestId('back-to-single').click();
    await page.locator('[data-chart=inequality]').first().waitFor(await patience(page, 10_000));
    expect(new URL(page.url()).searchParams.get('mode')).toBeNull();
    expect(watched.errors).toEqual([]);

    // The link reopens the Replicates view with its N and population, running.
    const reopened = await open(link.replace(baseUrl, ''), { width: 1280, height: 720 });
    const again = reopened.page;
    // Running: Cancel is enabled from the start (the status line waits for the first run, over 30 s under load).
    await expect.poll(() => again.getByTestId('experiment-cancel').isEnabled(), await patience(again, 30_000)).toBe(true);
    expect(await again.locator('[data-testid=mode-switch] button[data-mode=replicates]').getAttribute('aria-pressed')).toBe('true');
    expect(await again.getByTestId('replicate-count').inputValue()).toBe('10');
    expect(await again.getByTestId('experiment-population').inputValue()).toBe('2000');
    expect(await again.getByTestId('notice').count()).toBe(0);
    await again.context().close();
    expect(reopened.errors).toEqual([]);
  }, 400_000 * machineSlowdown());

  it('compares mixed with communes off on shared axes with the paired difference, reopening from its link', async () => {
    const watched = await open('/?preset=mixed');
    const { page } = watched;
    await page.locator('[data-testid=mode-switch] button[data-mode=compare]').click();
    await page.getByTestId('experiment-population').fill('400');
    await page.getByTestId('experiment-population').dispatchEvent('change');
    await page.getByTestId('replicate-count').fill('3');
    await page.getByTestId('replicate-count').dispatchEvent('change');
    await page.getByTestId('experiment-run').click();
    await page.getByTestId('experiment-status').and(page.locator('[data-state=finished][data-done="6"]')).waitFor(await patience(page, 200_000));
    const link = page.url();
    const params = new URL(link).searchParams;
    expect(params.get('mode')).toBe('compare');
    expect(params.get('compare')).toBe('current,current:communes-off');
    expect(params.get('n')).toBe('3');

    const reopened = await open(link.replace(baseUrl, ''));
    const again = reopened.page;
    await again.getByTestId('experiment-status').and(again.locator('[data-state=finished][data-done="6"]')).waitFor(await patience(again, 200_000));
    // Charts draw one per task after the view (draw-queue.ts): wait for the last.
    await again.locator('html:not([data-charts-drawing])').waitFor({ state: 'attached', ...await patience(again, 10_000) });
    const side = again.getByTestId('compare-side-by-side');
    expect(await side.locator('figure').count()).toBe(2);
    expect(await side.locator('figure').nth(1).innerText()).toMatch(/communes off/);
    expect(await side.locator('band-chart path.band').count()).toBeGreaterThanOrEqual(2);
    // Shared axes: both panels label the same y ticks.
    const ticksOf = (k: number) => side.locator('figure').nth(k).locator('band-chart .tick text').allInnerTexts();
    expect(await ticksOf(0)).toEqual(await ticksOf(1));
    const difference = again.getByTestId('compare-difference');
    expect(await difference.locator('figure').count()).toBe(1);
    expect(await difference.locator('band-chart path.mean').count()).toBeGreaterThanOrEqual(1);
    await reopened.screenshot('experiments-compare-1440');
    expect([...watched.errors, ...reopened.errors]).toEqual([]);
  }, 500_000 * machineSlowdown());
});
