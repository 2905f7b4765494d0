// Issue 17 in a real browser: the organiser's planner shows the model's own figures and moves
// them when a lever changes; classroom slides fit a phone and a projector and draw; Space plays
// after a preset is chosen from the menu; agents wear their kind's colour; exported charts say
// which scenario, seed and year they show. Screenshots go to test-artifacts/ for review.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { chartsSettled, patience, useBrowser } from './browser-session.ts';
import { parseScenarioText } from '../../src/scenarios/load.ts';
import { planOf } from '../../src/worker/ensemble-job.ts';
import { HEADLINE_KEYS, type PlanHeadline } from '../../src/model/economy/commune-plan.ts';
import { ORG_KIND_COLORS, PERSON_KIND_COLORS } from '../../src/ui/charts/kind-colors.ts';
import { PERSON_KIND_LABELS } from '../../src/model/economy/person-kinds.ts';

const PLANNER_TEXT = readFileSync(new URL('../../scenarios/commune-planner.yaml', import.meta.url), 'utf8');
// Every test fails on a console error or an uncaught page error.
const session = useBrowser({ pageErrorsFail: true });
const open = session.open;

/** The model's headline for the planner preset, run here in Node on the same engine. */
function modelHeadline(overrides: Record<string, number | string> = {}): PlanHeadline {
  const parsed = parseScenarioText(PLANNER_TEXT, overrides);
  if (!parsed.ok) throw new Error(parsed.issues.map((i) => i.message).join('; '));
  return planOf(parsed.scenario, undefined).headline;
}

const TEST_IDS: Record<(typeof HEADLINE_KEYS)[number], string> = {
  yearsToFoundingDebtFree: 'plan-years', medianMemberNet: 'plan-median-net',
  shareBetterThanSelfEmployed: 'plan-better-share', redeemedShare: 'plan-redeemed-share',
};

async function shownHeadline(page: Page): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  for (const key of HEADLINE_KEYS) out[key] = Number(await page.getByTestId(TEST_IDS[key]).getAttribute('data-value'));
  return out;
}

/** The model's numbers with NaN kept as NaN (the page writes NaN as the text "NaN"). */
function asShown(headline: PlanHeadline): Record<string, number> {
  return Object.fromEntries(HEADLINE_KEYS.map((k) => [k, headline[k]]));
}

async function seek(page: Page, year: number): Promise<void> {
  await page.getByTestId('seek-year').fill(String(year));
  await page.getByTestId('seek').click();
  await page.getByTestId('year-readout').filter({ hasText: new RegExp(`^${year}$`) }).waitFor(await patience(page, 60_000));
  await page.getByTestId('play').waitFor(await patience(page, 10_000));
  await chartsSettled(page);
}

describe('the organiser\'s planner', () => {
  it('shows the model\'s own headline figures for the planner preset, and moves them when a lever changes', async () => {
    const watched = await open('?preset=commune-planner', { width: 1440, height: 900 });
    const { page } = watched;
    await page.getByTestId('plan-years').and(page.locator('[data-value]:not([data-value=""])')).waitFor(await patience(page, 60_000));
    expect(await shownHeadline(page)).toEqual(asShown(modelHeadline()));
    // The ensemble's interval arrives after the seed's run.
    await page.getByTestId('plan-status').filter({ hasText: 'paired runs' }).waitFor(await patience(page, 150_000));
    expect(await page.getByTestId('plan-years-change').innerText()).toMatch(/runs, 95% CI/);
    await watched.screenshot('planner-1440');

    // Founders 36 -> 12: the lever's choices are 5, 12, 24, 36, ...; one step left of 24 is 12.
    const before = await shownHeadline(page);
    const lever = page.getByTestId('lever-communes.foundersEach');
    await lever.fill('1');
    await expect.poll(async () => JSON.stringify(await shownHeadline(page)), await patience(page, 60_000)).not.toBe(JSON.stringify(before));
    const moved = modelHeadline({ 'communes.foundersEach': 12 });
    expect(await shownHeadline(page)).toEqual(asShown(moved));
    expect(await page.getByTestId('planner-title').innerText()).toMatch(/\(edited\)/);
    await page.getByTestId('plan-status').filter({ hasText: 'paired runs' }).waitFor(await patience(page, 150_000));
    expect(await page.getByTestId('plan-median-net-change').innerText()).toMatch(/^change [+-]?\d/);
    await watched.screenshot('planner-1440-founders-12');
  });
});

describe('classroom mode', () => {
  for (const viewport of [{ width: 390, height: 844 }, { width: 1280, height: 720 }]) {
    it(`fits every slide in ${viewport.width}x${viewport.height} and draws its chart`, async () => {
      const watched = await open('?preset=commune-planner&classroom', viewport);
      const { page } = watched;
      await page.getByTestId('next-chart').waitFor();
      await seek(page, 3);
      const count = Number((await page.locator('.slide-nav span').innerText()).split('/')[1]);
      expect(count).toBeGreaterThan(5);
      for (let i = 0; i < count; i++) {
        const slide = page.locator('.slide');
        const box = await slide.boundingBox();
        expect(box!.height).toBeLessThanOrEqual(viewport.height);
        const id = await page.locator('chart-card').getAttribute('data-chart');
        // Drawn: the chart's SVG holds marks (charts catch up in tasks of their own).
        await expect.poll(() => page.locator('chart-card svg').first().evaluate((svg) => svg.querySelectorAll('path, circle, rect, text').length),
          { ...await patience(page, 10_000), message: `slide ${i + 1} (${id}) draws` }).toBeGreaterThan(3);
        const svgBox = await page.locator('chart-card svg').first().boundingBox();
        expect(svgBox!.y + svgBox!.height, `slide ${i + 1} (${id}) ends inside its card`).toBeLessThanOrEqual(box!.y + box!.height + 1);
        // Tick labels a class can read: at least 11 px on the screen (a 680-unit chart squeezed
        // into a phone drew them at 8-9 px; a narrow chart lays itself out 400 units wide).
        const smallest = await page.locator('chart-card svg').first().evaluate((svg) => {
          const scale = svg.getBoundingClientRect().width / (svg as SVGSVGElement).viewBox.baseVal.width;
          const sizes = [...svg.querySelectorAll('.tick text')].map((t) => parseFloat(getComputedStyle(t).fontSize) * scale);
          return sizes.length === 0 ? Infinity : Math.min(...sizes);
        });
        expect(smallest, `slide ${i + 1} (${id}) tick labels`).toBeGreaterThanOrEqual(11);
        if (id === 'kinds') {
          // The planner's one commune, counted in the singular.
          expect(await page.getByTestId('kind-now').allTextContents()).toContainEqual(expect.stringMatching(/\b1 commune, /));
        } else if (viewport.width > 900) {
          // The headline numbers stay inside their column (their minimum width pushed the second of each row past its edge).
          const aside = await page.locator('aside').boundingBox();
          for (const readout of await page.locator('run-readouts [part="readout"]').all()) {
            const r = await readout.boundingBox();
            expect(r!.x + r!.width, 'a readout inside the column').toBeLessThanOrEqual(aside!.x + aside!.width + 0.5);
          }
        }
        await watched.page.screenshot({ path: `test-artifacts/classroom-${viewport.width}-${String(i + 1).padStart(2, '0')}-${id}.png` });
        if (i < count - 1) await page.getByTestId('next-chart').click();
      }
      // The page itself is no wider than the screen.
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(viewport.width);
    });
  }

  it('plays on Space after a preset is chosen from the menu, and turns slides with the arrows after a button', async () => {
    const { page } = await open('?preset=random-exchange&classroom', { width: 1280, height: 720 });
    await page.getByTestId('next-chart').waitFor();
    await page.getByTestId('preset-select').focus();
    await page.getByTestId('preset-select').selectOption('commune-planner');
    await page.getByTestId('scenario-name').filter({ hasText: /Commune planner/ }).waitFor();
    await page.keyboard.press('Space');
    await page.getByTestId('pause').waitFor(await patience(page, 10_000));
    await page.keyboard.press('Space');
    await page.getByTestId('play').waitFor(await patience(page, 10_000));
    await page.getByTestId('next-chart').click();
    expect(await page.locator('.slide-nav span').innerText()).toMatch(/^2 \//);
    await page.keyboard.press('ArrowRight');
    expect(await page.locator('.slide-nav span').innerText()).toMatch(/^3 \//);
    await page.keyboard.press('Space');
    await page.getByTestId('pause').waitFor(await patience(page, 10_000));
    expect(await page.locator('.slide-nav span').innerText()).toMatch(/^3 \//);
    // A menu chosen with the mouse keeps focus; Space and the arrows still work the run and the slides.
    await page.getByTestId('speed').focus();
    await page.getByTestId('speed').selectOption({ index: 0 });
    expect(await page.getByTestId('speed').evaluate((s) => s.matches(':focus'))).toBe(true);
    await page.keyboard.press('Space');
    await page.getByTestId('play').waitFor(await patience(page, 10_000));
    await page.keyboard.press('ArrowRight');
    expect(await page.locator('.slide-nav span').innerText()).toMatch(/^4 \//);
  });
});

describe('the picture of the economy', () => {
  it('colours every agent by how it makes a living, with a legend of the kinds', async () => {
    const { page } = await open('?preset=commune-planner', { width: 1440, height: 900 });
    await page.getByTestId('seek-year').waitFor();
    await seek(page, 2);
    const dots = page.locator('chart-card[data-chart="agents"] circle[data-kind]');
    await expect.poll(() => dots.count(), await patience(page, 10_000)).toBe(400);
    const pairs = await dots.evaluateAll((circles) => circles.map((c) => [c.getAttribute('data-kind'), c.getAttribute('fill')]));
    const kinds = new Set(pairs.map(([kind]) => kind));
    expect(kinds.size).toBeGreaterThanOrEqual(2);
    for (const [kind, fill] of pairs) expect(fill).toBe(PERSON_KIND_COLORS[PERSON_KIND_LABELS.indexOf(kind as never)]);
    const legend = await page.locator('chart-card[data-chart="agents"] svg text').allTextContents();
    for (const kind of kinds) expect(legend.some((t) => t.startsWith(`${kind} `))).toBe(true);
    // The organisations view: one commune, drawn in the commune colour.
    expect(await page.locator('chart-card[data-chart="org-map"] circle[data-kind="commune"]').count()).toBeGreaterThanOrEqual(1);
    // Its one large circle says how many persons it holds, the number its tooltip gives.
    // Both read in one task, so from one drawing: the chart may still redraw while the page settles.
    const [persons, tooltip] = await page.locator('chart-card[data-chart="org-map"] svg', { has: page.locator('text.size') }).evaluate((svg) => [
      svg.querySelector('text.size')?.textContent ?? null,
      svg.querySelector('circle[data-kind="commune"] title')?.textContent ?? null,
    ]);
    expect(persons).toMatch(/^[1-9][\d,]*$/);
    expect(tooltip).toContain(`: ${persons} persons`);
  });

  it('exports a chart whose SVG names its title, scenario, seed, year and version', async () => {
    const watched = await open('?preset=commune-planner', { width: 1440, height: 900 });
    const { page } = watched;
    await page.getByTestId('seek-year').waitFor();
    await seek(page, 2);
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('svg-inequality').click()]);
    const chunks: Buffer[] = [];
    for await (const chunk of await download.createReadStream()) chunks.push(chunk as Buffer);
    const svg = Buffer.concat(chunks).toString('utf8');
    expect(svg).toContain('Inequality over time');
    expect(svg).toContain('Commune planner, one commune of 36');
    expect(svg).toContain('seed 3');
    expect(svg).toContain('year 2');
    expect(svg).toMatch(/Commons Ledger \d+\.\d+\.\d+/);
    // The organisations view, looked at in review.
    await page.locator('chart-card[data-chart="org-map"]').scrollIntoViewIfNeeded();
    await page.locator('chart-card[data-chart="org-map"]').screenshot({ path: 'test-artifacts/organisations-view.png' });
  });

  it('says so when the address names an unknown preset or a parameter the page does not read', async () => {
    const { page } = await open('?preset=does-not-exist&scenario=x', { width: 1280, height: 720 });
    const notice = page.getByTestId('notice');
    await notice.waitFor();
    expect(await notice.innerText()).toMatch(/no preset called "does-not-exist"/);
    expect(await notice.innerText()).toMatch(/"scenario"/);
  });

  it('names an edited scenario "edited" in the header and in what it exports', async () => {
    const { page } = await open('?preset=random-exchange', { width: 1280, height: 720 });
    const agents = page.getByTestId('p-agents');
    await agents.waitFor();
    await agents.fill('300');
    await agents.press('Enter');
    await expect.poll(() => page.getByTestId('scenario-name').innerText()).toMatch(/\(edited\)$/);
    await page.getByTestId('seek-year').fill('1');
    await page.getByTestId('seek').click();
    await page.getByTestId('year-readout').filter({ hasText: /^1$/ }).waitFor();
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-csv').click()]);
    expect(download.suggestedFilename()).toMatch(/edited/);
  });

  it('hides commune charts in a run without communes, and draws merge marks as the legend shows them', async () => {
    const { page } = await open('?preset=capitalist-only', { width: 1440, height: 900 });
    await page.getByTestId('seek-year').waitFor();
    await seek(page, 8);
    for (const id of ['commune-finance', 'commune-bonds', 'rent-dividend']) {
      expect(await page.locator(`chart-card[data-chart="${id}"]`).count(), id).toBe(0);
    }
    const chart = page.locator('chart-card[data-chart="organisations"]');
    // Takeovers by year 8 of the capitalist-only run: marks, at most 40, dashed as in the legend.
    const marks = chart.locator('line.event');
    await expect.poll(() => marks.count()).toBeGreaterThan(0);
    const dash = await marks.first().getAttribute('stroke-dasharray');
    expect(await chart.locator(`g line[stroke-dasharray="${dash}"]:not(.event)`).count()).toBe(1);
    expect(await marks.count()).toBeLessThanOrEqual(40);
    // Kinds the run never had are left out (they drew flat, empty panels), and the firms' line
    // wears the firms' colour of the organisations view.
    const legend = await chart.locator('svg text').allTextContents();
    expect(legend).toContain('Firms');
    expect(legend).not.toContain('Communes');
    expect(legend).not.toContain('Cooperatives');
    expect(await chart.locator(`path[stroke="${ORG_KIND_COLORS[1]}"]`).count()).toBe(1);
    const work = await page.locator('chart-card[data-chart="work"] svg text').allTextContents();
    expect(work).toContain('Employees');
    expect(work).not.toContain('Producers');
    expect(work).not.toContain('Cooperative member-workers');
  });
});
