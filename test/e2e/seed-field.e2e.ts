// The page's seed field reads a seed as --seed does (src/scenarios/seed-text.ts, issue 16): a
// refused seed is shown in the banner as written and restarts nothing; a good one runs.
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { patience, useBrowser } from './browser-session.ts';

const session = useBrowser({ pageErrorsFail: true });

const seedLine = async (page: Page) => /^seed: .*$/m.exec(await page.getByTestId('scenario-text').inputValue())?.[0];

async function typeSeed(page: Page, typed: string): Promise<void> {
  await page.getByTestId('seed').fill(typed);
  await page.getByTestId('seed').press('Enter');
}

describe('the seed field', () => {
  it('refuses a seed with a fraction in the banner, as written, then runs a good seed', async () => {
    const { page } = await session.open('?preset=random-exchange');
    await page.getByTestId('readout-wealth.gini').waitFor();
    const before = await seedLine(page);
    expect(before).toMatch(/^seed: \d+$/);

    // Read before as text, so the run restarted with it; now refused, as the command line refuses it.
    await typeSeed(page, '12345678901234567890.5');
    const banner = page.getByTestId('failure');
    await banner.waitFor();
    expect(await banner.innerText()).toContain(
      'seed: got 12345678901234567890.5; allowed: a whole number from 0 to 9007199254740991 or text of 1 to 200 characters');
    // Nothing restarted: the running text keeps its seed, the clock its month, the field the running seed.
    expect(await seedLine(page)).toBe(before);
    expect(await page.getByTestId('clock').innerText()).toMatch(/^Year 0, month 0 /);
    await expect.poll(() => page.getByTestId('seed').inputValue()).toBe(before!.slice('seed: '.length));

    await typeSeed(page, '4242');
    await expect.poll(() => seedLine(page)).toBe('seed: 4242');
    expect(await banner.count()).toBe(0);
    await page.getByTestId('play').click();
    await expect.poll(() => page.getByTestId('clock').innerText(), await patience(page, 10_000)).not.toMatch(/^Year 0, month 0 /);

    // Text that reads as a number is a text seed in quotes, and the field shows it so.
    await typeSeed(page, '"-1"');
    await expect.poll(() => seedLine(page)).toBe('seed: "-1"');
    expect(await page.getByTestId('seed').inputValue()).toBe('"-1"');
  });
});
