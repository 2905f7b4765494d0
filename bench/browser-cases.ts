// The page's Claims panel in Debian's Chromium (issue 18: "npm run bench gains a browser case:
// wall time of the claims panel at its default population"): the site built and served as the
// browser tests serve it, the Claims mode opened on `mixed` with the size the page chooses (it
// aims at about a minute), timed from opening the address to the last verdict. --quick runs a
// tiny fixed size instead and does not judge it.
import { execFile } from 'node:child_process';
import { launchBrowser } from '../test/e2e/browser-session.ts';
import { startPreview } from '../test/e2e/preview-server.ts';
import { ESTIMATE_MARGIN } from './pool-cases.ts';

const QUICK_PATH = '/?preset=mixed&mode=claims&n=3&persons=100&years=12';
const DEFAULT_PATH = '/?preset=mixed&mode=claims';

function build(root: URL): Promise<void> {
  return new Promise((resolve, reject) => {
    execFile(new URL('node_modules/.bin/vite', root).pathname, ['build'], { cwd: root.pathname, maxBuffer: 16 << 20 },
      (error) => (error === null ? resolve() : reject(error)));
  });
}

export async function claimsPanelWallTime(root: URL, quick: boolean): Promise<string> {
  await build(root);
  const previous = process.cwd();
  process.chdir(root.pathname);
  const preview = await startPreview();
  const browser = await launchBrowser();
  try {
    const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    const path = quick ? QUICK_PATH : DEFAULT_PATH;
    const started = performance.now();
    await page.goto(`${preview.baseUrl.replace(/\/$/, '')}${path}`);
    const status = page.getByTestId('claims-status');
    await status.and(page.locator('[data-state=finished], [data-state=failed]')).waitFor({ timeout: quick ? 180_000 : 1_800_000 });
    const wall = (performance.now() - started) / 1000;
    if (await status.getAttribute('data-state') === 'failed') return `Claims panel (Chromium), mixed ${path}: failed: ${await page.getByTestId('claims-problem').innerText()}`;
    const size = page.getByTestId('claims-size');
    const [persons, years, estimate, runs, runMs] = await Promise.all([
      size.getAttribute('data-persons'), size.getAttribute('data-years'), size.getAttribute('data-estimate'),
      status.getAttribute('data-total'), status.getAttribute('data-run-ms'),
    ]);
    const runSeconds = Number(runMs) / 1000;
    const ratio = runSeconds / Math.max(1, Number(estimate));
    const verdict = quick ? 'not judged under --quick'
      : `runs within ${ESTIMATE_MARGIN}x of the page's estimate: ${ratio <= ESTIMATE_MARGIN ? 'PASS' : 'FAIL'}; the page aims at about 60 s in all`;
    return `Claims panel (Chromium), mixed at ${quick ? 'a fixed tiny size' : 'the size the page chose'}: ${Number(persons).toLocaleString('en')} persons x ${years} years, `
      + `${runs} runs in ${runSeconds.toFixed(1)} s (estimated ${Number(estimate).toFixed(1)} s), ${wall.toFixed(1)} s wall from opening the address to the last verdict `
      + `(page load and the calibration runs included)${errors.length > 0 ? `; page errors: ${errors.join('; ')}` : ''}; ${verdict}`;
  } finally {
    await browser.close();
    await preview.stop();
    process.chdir(previous);
  }
}
