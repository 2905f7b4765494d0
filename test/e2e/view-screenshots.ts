// Screenshots of the experiment views (issue 18): Replicates with bands, Compare with the
// difference, the Claims panel, a What-if branch, each at 1440x900 (a laptop) and 1280x720 (a
// projector), the screen as first seen and the whole page, into test-artifacts/views/ (not in
// git). Sizes are small so the set takes a few minutes; they are for looking at, not for numbers.
//   npx vite build && npx tsx test/e2e/view-screenshots.ts [view ...]
import { mkdirSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { launchBrowser, openPage } from './browser-session.ts';
import { ARTIFACTS } from './long-tasks.ts';
import { startPreview } from './preview-server.ts';

const OUT = `${ARTIFACTS}/views`;
const VIEWPORTS = [{ width: 1440, height: 900 }, { width: 1280, height: 720 }];

interface View {
  readonly id: string;
  readonly path: string;
  /** Resolves when the view shows what it is for. */
  ready(page: Page): Promise<void>;
}

const chartsDrawn = (page: Page) => page.locator('html:not([data-charts-drawing])').waitFor({ state: 'attached', timeout: 30_000 });

const VIEWS: readonly View[] = [
  {
    id: 'replicates', path: '?preset=mixed&mode=replicates&n=10&persons=500',
    ready: async (page) => {
      await page.getByTestId('experiment-status').and(page.locator('[data-state=finished]')).waitFor({ timeout: 600_000 });
      await chartsDrawn(page);
    },
  },
  {
    id: 'compare', path: '?preset=mixed&mode=compare&n=4&persons=400&compare=current,current:communes-off',
    ready: async (page) => {
      await page.getByTestId('experiment-status').and(page.locator('[data-state=finished]')).waitFor({ timeout: 600_000 });
      await chartsDrawn(page);
    },
  },
  {
    id: 'claims', path: '?preset=mixed&mode=claims&n=3&persons=100&years=12',
    ready: (page) => page.getByTestId('claims-status').and(page.locator('[data-state=finished]')).waitFor({ timeout: 600_000 }),
  },
  {
    id: 'whatif', path: '?preset=mixed&mode=whatif&persons=500&at=120&set=communes.excessRent:dividend',
    ready: async (page) => {
      await page.getByTestId('whatif-status').and(page.locator('[data-state=finished]:not([data-branch-tick=""])')).waitFor({ timeout: 600_000 });
      await chartsDrawn(page);
    },
  },
];

const asked = process.argv.slice(2);
const unknown = asked.filter((id) => !VIEWS.some((v) => v.id === id));
if (unknown.length > 0) throw new Error(`no view ${unknown.join(', ')}; views: ${VIEWS.map((v) => v.id).join(', ')}`);
mkdirSync(OUT, { recursive: true });
const preview = await startPreview();
const browser = await launchBrowser();
try {
  for (const view of VIEWS.filter((v) => asked.length === 0 || asked.includes(v.id))) {
    for (const viewport of VIEWPORTS) {
      const watched = await openPage(browser, `${preview.baseUrl}${view.path}`, viewport);
      await view.ready(watched.page);
      await watched.page.waitForTimeout(300);
      const stem = `${OUT}/${view.id}-${viewport.width}x${viewport.height}`;
      await watched.page.screenshot({ path: `${stem}.png` });
      await watched.page.screenshot({ path: `${stem}-full.png`, fullPage: true });
      process.stdout.write(`${stem}.png, ${stem}-full.png${watched.errors.length > 0 ? `; page errors: ${watched.errors.join('; ')}` : ''}\n`);
      await watched.page.context().close();
    }
  }
} finally {
  await browser.close();
  await preview.stop();
}
