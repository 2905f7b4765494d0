// Node == Chromium (issue 16 item 4, MODEL.md section 1): every preset, run a few years in the
// page's own worker, exports the same series bit for bit as the same run in Node. The page's
// CSV writes every value with String(number), which reads back to the same double, so equal
// files are equal bits; Node's file comes from the worker's RunSession and the page's RunRecord
// and exporter, driven in this process.
import { describe, expect, inject, it } from 'vitest';
import type { Page } from 'playwright-core';
import { loadavg } from 'node:os';
import { machineSlowdown, patience, slowdown, useBrowser } from './browser-session.ts';
import { PRESETS } from '../fuzz/input-arbitraries.ts';
import { RunSession } from '../../src/worker/run-session.ts';
import { RunRecord } from '../../src/ui/run-record.ts';
import { metricsCsv } from '../../src/ui/metrics-export.ts';

const baseUrl = inject('baseUrl');
/** Years each preset runs: a few years of every kind (economies are the slow ones). */
const YEARS = 3;
/**
 * Quiet-machine allowances (ms), multiplied by the page's slowdown where they are used, and never
 * shorter than the fixed waits they replace. A run of 3 years took 0.2-3.5 s in the page at a
 * load of 13; a click and its download 0.03-1.1 s (60 downloads at a load of 13).
 */
const RUN_QUIET_MS = 60_000;
const DOWNLOAD_QUIET_MS = 30_000;
const LOAD_QUIET_MS = 10_000;
const session = useBrowser();

/** The metrics file of `text` run to `years` by the worker's session in Node, as the page exports it. */
function nodeCsv(text: string, years: number): string {
  const record = new RunRecord();
  const queue: (() => void)[] = [];
  let failure: string | null = null;
  let clock = 0;
  const session = new RunSession({
    frame: (frame) => { record.apply(frame); },
    failure: (message) => { failure = message; },
    // A clock that moves a millisecond a reading: slices end and frames go out as in a page.
    now: () => clock++,
    later: (task) => { queue.push(task); },
  });
  const outcome = session.load(text, {});
  if (!outcome.ok) throw new Error(`Node refused the preset: ${JSON.stringify(outcome.issues)}`);
  record.begin(outcome.info);
  session.seekYear(years);
  while (queue.length > 0) queue.shift()!();
  if (failure !== null) throw new Error(failure);
  return metricsCsv(record);
}

/**
 * The file the page downloads when `testId` is clicked. The click and the download are allowed
 * DOWNLOAD_QUIET_MS times the page's slowdown: on a quiet machine both take well under a second.
 */
async function download(page: Page, testId: string): Promise<string> {
  const { timeout } = await patience(page, DOWNLOAD_QUIET_MS);
  const event = page.waitForEvent('download', { timeout });
  let clicked = false;
  try {
    await page.getByTestId(testId).click({ timeout });
    clicked = true;
    const file = await event;
    const chunks: Buffer[] = [];
    for await (const chunk of await file.createReadStream()) chunks.push(chunk as Buffer);
    return Buffer.concat(chunks).toString('utf8');
  } catch (error) {
    event.catch(() => {});
    // Says which step stalled and how loaded the machine was, so a failure can be told from a slow machine.
    throw new Error(`${testId}: ${clicked ? 'clicked, but no download came' : 'could not be clicked'} within ${(timeout / 1000).toFixed(0)} s `
      + `(slowdown ${(timeout / DOWNLOAD_QUIET_MS).toFixed(1)}, load ${loadavg()[0]!.toFixed(1)}): ${(error as Error).message}`);
  }
}

const text = (page: Page, testId: string) => page.getByTestId(testId).innerText();

describe('Node and Chromium compute the same bits', () => {
  it(`for every preset run ${YEARS} years in the page's worker: every series equal to Node's, value for value`, async () => {
    const watched = await session.open();
    const { page } = watched;
    await page.getByTestId('readout-wealth.gini').waitFor();
    const compared: string[] = [];
    for (const preset of PRESETS) {
      const id = preset.file.replace(/^.*\//, '').replace(/\.yaml$/, '');
      // Every wait below is for the page's own work, so each allows its quiet-machine time
      // stretched by how slow the page runs now (measured before each preset).
      const slow = await slowdown(page);
      // The gallery's button where it has one, else the preset's address.
      const button = page.getByTestId(`preset-${id}`);
      if (await button.count() > 0) await button.click();
      else await page.goto(`${baseUrl}?preset=${id}`);
      const loaded = { timeout: LOAD_QUIET_MS * slow };
      await expect.poll(() => text(page, 'scenario-name'), loaded).toBe((preset.data as { name: string }).name);
      await expect.poll(async () => Number(await text(page, 'year-readout')), loaded).toBe(0);
      await page.getByTestId('seek-year').fill(String(YEARS));
      await page.getByTestId('seek').click();
      // Node's run while the page's worker runs (Chromium is another process).
      const expected = nodeCsv(preset.text, YEARS);
      // Done when the page says so: the year reached and the run paused (and no chart waiting
      // in the draw queue, draw-queue.ts, which the single-run view's charts do not use yet).
      const ran = { timeout: RUN_QUIET_MS * slow };
      await expect.poll(async () => Number(await text(page, 'year-readout')), ran).toBe(YEARS);
      await page.getByTestId('play').waitFor(ran);
      await page.locator('html:not([data-charts-drawing])').waitFor({ state: 'attached', ...ran });
      const browserCsv = await download(page, 'export-csv');
      const [header, ...rows] = expected.trim().split('\n');
      // A real comparison: the run has every yearly row and series that move.
      expect(rows.length, id).toBeGreaterThanOrEqual(YEARS + 1);
      expect(header!.split(',').length, id).toBeGreaterThan(5);
      expect(new Set(rows.map((row) => row.split(',').slice(4).join(','))).size, `${id}: the series never change`).toBeGreaterThan(1);
      // Compared row by row so a failure names the first month that differs.
      const got = browserCsv.trim().split('\n');
      expect(got[0], `${id}: columns`).toBe(header);
      for (let r = 0; r < rows.length; r++) expect(got[r + 1], `${id}: row ${r + 1}`).toBe(rows[r]);
      expect(got).toHaveLength(rows.length + 1);
      compared.push(`${id} (${rows.length} rows x ${header!.split(',').length - 4} series)`);
    }
    expect(compared).toHaveLength(PRESETS.length);
    expect(watched.errors).toEqual([]);
  }, 300_000 * machineSlowdown());
});
