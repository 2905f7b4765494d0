// Snapshot files that fail in the what-if view (issue 16 item 5): a damaged file is refused with
// its message while the run and branch the user had go on; a resumed file whose run then fails
// starts again from the file when Branch and run is pressed, not from the page's scenario.
// The files are written here in Node, as the CLI writes them (`sim --snapshot-at`).
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { patience, useBrowser } from './browser-session.ts';
import { injectMathFault } from './math-fault.ts';
import { loadScenario } from '../../src/scenarios/load.ts';
import { createSimulation } from '../../src/scenarios/create-simulation.ts';
import { snapshotOf, snapshotText, type SnapshotFile } from '../../src/scenarios/snapshot-file.ts';

const session = useBrowser();

/** mixed, 200 persons for 3 years, stopped at month 12, as a snapshot file's JSON. */
function snapshotOfMixed(): SnapshotFile {
  const scenario = loadScenario(readFileSync('scenarios/mixed.yaml', 'utf8'), 'mixed', { 'persons.count': 200, years: 3 });
  const simulation = createSimulation(scenario);
  simulation.runTo(12);
  return JSON.parse(snapshotText(snapshotOf(simulation, { scenario }, 'test'))) as SnapshotFile;
}

/** The file with account 5's balance NaN: it parses, and ran 18 months in the page before failing. */
function damaged(snapshot: SnapshotFile): string {
  const state = structuredClone(snapshot.engine.state) as { ledger: { balances: { bytes: string } } };
  const bytes = Buffer.from(state.ledger.balances.bytes, 'base64');
  bytes.writeDoubleLE(Number.NaN, 5 * 8);
  state.ledger.balances.bytes = bytes.toString('base64');
  return JSON.stringify({ ...snapshot, engine: { ...snapshot.engine, state } });
}

async function resumeFile(page: Page, name: string, text: string): Promise<void> {
  await page.getByTestId('whatif-resume').setInputFiles({ name, mimeType: 'application/json', buffer: Buffer.from(text) });
}

async function status(page: Page): Promise<{ state: string | null; tick: number; branchTick: string | null; text: string }> {
  const line = page.getByTestId('whatif-status');
  return {
    state: await line.getAttribute('data-state'), tick: Number(await line.getAttribute('data-tick')),
    branchTick: await line.getAttribute('data-branch-tick'), text: await line.innerText(),
  };
}

/** Branch at `year` on excess rent as dividends. */
async function branchAt(page: Page, year: number): Promise<void> {
  await page.getByTestId('whatif-year').fill(String(year));
  await page.getByTestId('whatif-year').dispatchEvent('change');
  await page.getByTestId('whatif-parameter-0').selectOption('communes.excessRent');
  await page.getByTestId('whatif-value-0').selectOption('dividend');
  await page.getByTestId('whatif-branch').click();
}

describe('snapshot files that fail in the what-if view', () => {
  it('a damaged snapshot file is refused with its message; the run and branch the user had stay, and run on', async () => {
    // The page's own 10,000 persons: the test pauses the two runs while they play, and at 200
    // persons both now play their 50 years in under a second, so Pause found them finished.
    const watched = await session.open('?preset=mixed&mode=whatif&persons=10000');
    const { page } = watched;
    await page.getByTestId('whatif-status').waitFor(await patience(page, 20_000));
    await branchAt(page, 1);
    const line = page.getByTestId('whatif-status');
    await line.and(page.locator('[data-state=running][data-branch-tick="12"]')).waitFor(await patience(page, 60_000));
    await expect.poll(async () => (await status(page)).tick, await patience(page, 30_000)).toBeGreaterThan(24);
    await page.getByTestId('whatif-play').click();
    await line.and(page.locator('[data-state=paused]')).waitFor(await patience(page, 10_000));
    const before = await status(page);

    await resumeFile(page, 'damaged.json', damaged(snapshotOfMixed()));
    const message = page.getByTestId('whatif-message');
    await message.waitFor(await patience(page, 20_000));
    expect(await message.innerText()).toMatch(/^Could not resume damaged\.json: the snapshot's ledger does not balance, so it was damaged or edited: account 5 holds a fraction of a cent: NaN$/);
    await watched.screenshot('whatif-damaged-snapshot');
    // Nothing of the file was taken: the page's run (50 years) at its month, with its branch.
    expect(await status(page)).toEqual(before);
    expect(before.text).toMatch(/ of 50, paused: the original and the branch/);
    expect(await page.getByTestId('whatif-notice').count()).toBe(0);
    expect(await page.getByTestId('whatif-population').count()).toBe(1);

    // And it goes on: Play runs the original and the branch on from there.
    await page.getByTestId('whatif-play').click();
    await expect.poll(async () => (await status(page)).tick, await patience(page, 30_000)).toBeGreaterThan(before.tick);
    expect((await status(page)).branchTick).toBe('12');
    expect(watched.errors).toEqual([]);
  });

  it('a resumed file whose run fails: Branch and run starts the file\'s run again, not the page\'s scenario', async () => {
    const watched = await session.open('?preset=mixed&mode=whatif&persons=200');
    const { page } = watched;
    await page.getByTestId('whatif-status').waitFor(await patience(page, 20_000));
    await resumeFile(page, 'mixed-month-12.json', JSON.stringify(snapshotOfMixed()));
    await page.getByTestId('whatif-notice').waitFor(await patience(page, 20_000));
    expect((await status(page)).text).toMatch(/^Year 1 of 3, paused/);

    const worker = page.workers().find((w) => /branch-worker/.test(w.url()))!;
    await injectMathFault(worker, 'throw');
    await page.getByTestId('whatif-play').click();
    const message = page.getByTestId('whatif-message');
    await message.waitFor(await patience(page, 20_000));
    expect(await message.innerText()).toMatch(/^The original run stopped at month \d+: Error: fault injected by the test[\s\S]*Branch and run starts the run again\.$/);

    await branchAt(page, 2);
    const line = page.getByTestId('whatif-status');
    await line.and(page.locator('[data-state=finished][data-branch-tick="24"]')).waitFor(await patience(page, 60_000));
    // The file's run (3 years), still named as the file's.
    expect((await status(page)).text).toMatch(/^Year 3 of 3, finished: the original and the branch/);
    expect(await page.getByText('Resumed from mixed-month-12.json').count()).toBe(1);
    expect(await message.count()).toBe(0);
    expect(watched.errors).toEqual([]);
  });
});
