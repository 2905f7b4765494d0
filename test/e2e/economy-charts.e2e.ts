// The economy's charts before the economy exists: a synthetic run with the reporter ids and
// merge events the economy will publish is handed to the page's run record, and every chart
// that needs them must appear and draw without an error. (Reaches into the app's controller,
// which TypeScript keeps private but the built page leaves reachable.)
import { expect, it } from 'vitest';
import { useBrowser } from './browser-session.ts';
import { sizeClassReporterIds } from '../../src/model/economy/organisation-sizes.ts';
import { MONTHS_PER_YEAR } from '../../src/model/engine.ts';

const session = useBrowser();

/** The model's names the synthetic run uses, passed into the page (it cannot import them). */
const MODEL_NAMES = { sizeIds: sizeClassReporterIds('communes'), monthsPerYear: MONTHS_PER_YEAR };
interface SyntheticRun { runId: number; mode: 'paused' | 'playing'; sizeIds: string[]; monthsPerYear: number }

/**
 * Hands the page's run record a synthetic economy run (runs in the page: everything it uses is
 * defined inside it): the reporter ids, events and organisations' lives the economy publishes.
 */
function beginSyntheticRun({ runId, mode, sizeIds, monthsPerYear }: SyntheticRun): void {
  const scalar = (id: string, label: string, unit: string) => ({ id, label, unit, description: label });
  const scalars = [
    scalar('wealth.gini', 'Gini of wealth', 'ratio 0-1'),
    scalar('wealth.top10', 'Top 10% share of wealth', 'share 0-1'),
    scalar('wealth.top1', 'Top 1% share of wealth', 'share 0-1'),
    scalar('communes.count', 'Communes', 'organisations'),
    scalar('firms.count', 'Capitalist firms', 'organisations'),
    scalar('cooperatives.count', 'Cooperatives', 'organisations'),
    scalar('property.top10', 'Top 10% share of property', 'share 0-1'),
    scalar('property.herfindahl', 'Herfindahl index of property', 'index 0-1'),
    scalar('bonds.outstanding', 'Commune bonds outstanding', 'money units'),
    scalar('communes.ownedOutrightShare', 'Share of commune assets owned outright', 'share 0-1'),
    scalar('communes.dividendPerMember', 'Dividend per member', 'money units per month'),
    ...Array.from({ length: 10 }, (_, k) => scalar(`rentMinusDividend.decile${k + 1}`, `Rent minus dividend, decile ${k + 1}`, 'money units per month')),
    ...sizeIds.map((id) => scalar(id, `Communes, size class ${id}`, 'communes')),
  ];
  const rows = 21;
  const ticks = Float64Array.from({ length: rows }, (_, i) => i * monthsPerYear);
  const curve = (f: (year: number) => number) => Float64Array.from(ticks, (t) => f(t / monthsPerYear));
  const columns = [
    curve((y) => 0.3 + 0.01 * y), curve((y) => 0.35 + 0.005 * y), curve((y) => 0.08 + 0.001 * y),
    curve((y) => Math.max(3, 12 - Math.floor(y / 3))), curve((y) => 40 - y), curve((y) => 10 + y / 2),
    curve((y) => 0.6 - 0.01 * y), curve((y) => 0.05 + 0.001 * y),
    curve((y) => 2e6 * Math.exp(-y / 8)), curve((y) => 1 - Math.exp(-y / 6)), curve((y) => 50 * y),
    // The lowest decile is empty (NaN): it gets no bar and no error.
    ...Array.from({ length: 10 }, (_, k) => curve(() => (k === 0 ? Number.NaN : 300 - 60 * k))),
    // Six of the seven size classes hold communes.
    ...[0, 1, 3, 8, 5, 2, 1].map((n) => curve(() => n)),
  ];
  const edges = Float64Array.from({ length: 16 }, (_, k) => 10 ** (1 + k / 5));
  const counts = Float64Array.from({ length: 15 }, (_, k) => Math.round(400 * Math.exp(-((k - 6) ** 2) / 8)));
  const lorenz = Float64Array.from({ length: 101 }, (_, i) => (i / 100) ** 2.2);
  const info = {
    runId, kind: 'economy', name: 'Synthetic economy', description: 'Synthetic frames for the chart test.',
    seed: 1, agentCount: 5000, totalTicks: 240, recordEveryMonths: 12, scalars,
    distributions: [{ id: 'wealth', label: 'wealth', unit: 'money units', description: 'net worth' }],
  };
  const events = [
    { tick: 10, kind: 'founding', fields: { org: 30, sizeA: 5 } },
    { tick: 40, kind: 'merge', fields: { absorber: 3, absorbed: 7, sizes: '12 / 5', absorbedSize: 5 } },
    { tick: 95, kind: 'merge', fields: { absorber: 3, absorbed: 9, sizes: '17 / 8', absorbedSize: 8 } },
    { tick: 130, kind: 'takeover', fields: { absorber: 21, absorbed: 22, absorbedSize: 30 } },
  ];
  const frame = {
    runId, tick: 240, totalTicks: 240, mode, fromRow: 0, ticks, columns,
    distributions: [{ id: 'wealth', lorenz, edges, counts, below: 120, gini: 0.5, values: null }],
    eventsFrom: 0, events,
    // Three communes (one failed, one alive, one merged) and two firms (one failed).
    organisations: {
      tick: 240, kind: Uint8Array.from([0, 0, 0, 1, 1]), foundedTick: Int32Array.from([0, 0, 12, 0, 24]),
      endedTick: Int32Array.from([60, -1, 100, 30, -1]), exit: Uint8Array.from([1, 0, 2, 1, 0]),
      sizeAtOneYear: Int32Array.from([5, 40, 3, -1, 2]),
    },
  };
  const app = document.querySelector('commons-app') as unknown as {
    sim: { record: { begin(i: unknown): void; apply(f: unknown): boolean } }; requestUpdate(): void;
  };
  app.sim.record.begin(info);
  if (!app.sim.record.apply(frame)) throw new Error('the synthetic frame was refused');
  app.requestUpdate();
}

it('draws property, organisation, merge, commune-finance, decile, size and survival charts when a run provides them', async () => {
  const watched = await session.open();
  const { page } = watched;
  await page.getByTestId('readout-wealth.gini').waitFor();
  await page.evaluate(beginSyntheticRun, { runId: 999, mode: 'paused' as const, ...MODEL_NAMES });
  for (const chart of ['property', 'organisations', 'merges', 'commune-finance', 'commune-bonds', 'rent-dividend', 'org-sizes', 'survival']) {
    await page.locator(`chart-card[data-chart="${chart}"] svg path, chart-card[data-chart="${chart}"] svg circle, chart-card[data-chart="${chart}"] svg rect`).first().waitFor({ state: 'attached' });
  }
  // Organisations: three lines and a dashed mark per merge or takeover (not per founding).
  expect(await page.locator('chart-card[data-chart="organisations"] path[stroke-width="3.5"]').count()).toBe(3);
  expect(await page.locator('chart-card[data-chart="organisations"] line.event[stroke-dasharray="3 3"]').count()).toBe(3);
  // The legend's mark is dashed the same way as the chart's.
  expect(await page.locator('chart-card[data-chart="organisations"] line:not(.event)[stroke-dasharray="3 3"]').count()).toBe(1);
  // Commune finance mixes money and shares: two panels, so two y-axis titles.
  expect(await page.locator('chart-card[data-chart="commune-finance"] text[transform*="rotate(-90)"]').count()).toBe(2);
  expect(await page.locator('chart-card[data-chart="rent-dividend"] rect.bar').count()).toBe(9);
  // Every event on the timeline, one row per kind.
  expect(await page.locator('chart-card[data-chart="merges"] circle').count()).toBe(4);
  expect(await page.locator('chart-card[data-chart="agents"]').count()).toBe(0);
  // A bar per size class that holds communes; survival: a solid and a dashed curve per kind.
  expect(await page.locator('chart-card[data-chart="org-sizes"] rect.bar').count()).toBe(6);
  const survivalPaths = page.locator('chart-card[data-chart="survival"] svg path[stroke-dasharray]');
  expect(await page.locator('chart-card[data-chart="survival"] svg path[stroke-width="3.5"]').count()).toBe(2);
  expect(await survivalPaths.count()).toBe(2);
  // Communes by size at age one: three classes (2-4, 5-19, 20-99), two curves each.
  await page.getByTestId('survival-view').selectOption('0');
  await expect.poll(() => page.locator('chart-card[data-chart="survival"] svg path[stroke-width="3.5"]').count()).toBe(3);
  await watched.screenshot('11-economy-charts');
  expect(watched.errors).toEqual([]);
});

it('blanks an off-screen chart reused for a new run until it can draw that run, instead of showing the old drawing', async () => {
  const watched = await session.open();
  const { page } = watched;
  await page.getByTestId('readout-wealth.gini').waitFor();
  await page.evaluate(beginSyntheticRun, { runId: 999, mode: 'paused' as const, ...MODEL_NAMES });
  // The last chart of the page, far below the fold: drawn once the run is paused.
  const last = page.locator('chart-card[data-chart="survival"] survival-curves');
  const drawn = () => last.evaluate((el) => el.shadowRoot!.querySelector('svg')!.childElementCount);
  await expect.poll(drawn).toBeGreaterThan(0);
  await page.evaluate(() => window.scrollTo(0, 0));
  expect(await last.evaluate((el) => el.getBoundingClientRect().top > window.innerHeight + 400)).toBe(true);
  // Another run starts playing: off screen, the chart does not redraw while it plays, and it
  // must not keep showing the previous run's curves meanwhile.
  await page.evaluate(beginSyntheticRun, { runId: 1000, mode: 'playing' as const, ...MODEL_NAMES });
  await expect.poll(drawn).toBe(0);
  // Paused, it catches up and draws the new run.
  await page.evaluate(() => {
    const app = document.querySelector('commons-app') as unknown as { sim: { record: { mode: string; version: number } }; requestUpdate(): void };
    app.sim.record.mode = 'paused';
    app.sim.record.version++;
    app.requestUpdate();
  });
  await expect.poll(drawn).toBeGreaterThan(0);
  expect(watched.errors).toEqual([]);
});
