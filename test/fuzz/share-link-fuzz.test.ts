// Share-link fuzz (issue 16 item 2): the page's decoding path (address hash -> code -> text ->
// the loader) on codes random, damaged, bombed and well made. Each link opens a valid scenario
// or is refused with a ShareLinkError or named problems, within 10 s; what a link carries comes
// out as the same characters (markup stays text: the browser test checks the page shows it as
// text). FUZZ=full (`npm run test:fuzz`) draws 10,000 cases; FUZZ=<n> draws n.
import { deflateRawSync } from 'node:zlib';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseScenarioText } from '../../src/scenarios/load.ts';
import { codeFromHash, decodeScenario, encodeScenario, ShareLinkError } from '../../src/ui/share-link.ts';
import { fuzzCases, fuzzSeed } from './fuzz-size.ts';
import { hostileText, MARKUP, PRESETS, scenarioText } from './input-arbitraries.ts';
import { CASE_LIMIT_MS, expectPlainMessage, expectValidOrNamed } from './input-oracle.ts';

const cases = fuzzCases(400);
const seed = fuzzSeed(16_04);

/** The code settled within the case limit: its text, or the error it was refused with. */
async function settle(code: string): Promise<{ text: string } | { error: unknown }> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const hang = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`hang: a code of ${code.length} characters did not settle within ${CASE_LIMIT_MS} ms`)), CASE_LIMIT_MS);
  });
  try {
    return await Promise.race([decodeScenario(code).then((text) => ({ text }), (error: unknown) => ({ error })), hang]);
  } finally {
    clearTimeout(timer);
  }
}

/** What the page does with a link: decode, then load; each step succeeds or says why in words. */
async function expectOpensOrSaysWhy(code: string): Promise<'opened' | 'refused-link' | 'refused-scenario'> {
  const outcome = await settle(code);
  if ('error' in outcome) {
    expect(outcome.error).toBeInstanceOf(ShareLinkError);
    expectPlainMessage((outcome.error as Error).message, code);
    return 'refused-link';
  }
  const parsed = parseScenarioText(outcome.text);
  expectValidOrNamed(parsed, outcome.text);
  return parsed.ok ? 'opened' : 'refused-scenario';
}

const base64url = fc.string({ unit: fc.constantFrom(...'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_'), maxLength: 400 });

/** A well-made code, then damaged the way copying damages links: cut short, a character changed, text added. */
const damagedCode = fc.tuple(scenarioText, fc.nat(), fc.constantFrom('cut', 'change', 'append', 'none')).map(async ([{ text }, at, how]) => {
  const code = await encodeScenario(text);
  const i = code.length === 0 ? 0 : at % code.length;
  if (how === 'cut') return code.slice(0, i);
  if (how === 'change') return `${code.slice(0, i)}${code[i] === 'A' ? 'B' : 'A'}${code.slice(i + 1)}`;
  if (how === 'append') return `${code}${code.slice(0, i % 8)}`;
  return code;
});

describe('share-link fuzz', () => {
  it(`carries ${cases} texts exactly, markup and any unicode included`, async () => {
    await fc.assert(
      fc.asyncProperty(fc.oneof(fc.string({ maxLength: 500, unit: 'grapheme' }), fc.string({ maxLength: 300, unit: 'binary' }), hostileText), async (text) => {
        const code = await encodeScenario(text);
        expect(code).toMatch(/^[A-Za-z0-9_-]*$/);
        expect(codeFromHash(`#s=${code}`)).toBe(code);
        const back = await settle(code);
        if (text === '') return;
        // A lone surrogate has no UTF-8: the encoder writes U+FFFD, which then comes back.
        expect(back).toEqual({ text: Buffer.from(text, 'utf8').toString('utf8') });
      }),
      { numRuns: cases, seed },
    );
  }, 60_000 + cases * 20);

  it(`opens or refuses in words ${cases} codes: random, damaged and well made`, async () => {
    const tally = { opened: 0, 'refused-link': 0, 'refused-scenario': 0 };
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          base64url.map(async (code) => code),
          fc.string({ maxLength: 60 }).map(async (code) => code),
          fc.uint8Array({ maxLength: 400 }).map(async (bytes) => deflateRawSync(bytes).toString('base64url')),
          damagedCode,
        ),
        async (made) => {
          const code = await made;
          tally[await expectOpensOrSaysWhy(code)]++;
        },
      ),
      { numRuns: cases, seed: seed + 1 },
    );
    if (process.env.FUZZ !== undefined) console.log(`share-link fuzz: ${cases} codes: ${JSON.stringify(tally)}`);
    expect(tally.opened).toBeGreaterThan(0);
    expect(tally['refused-link']).toBeGreaterThan(cases / 10);
    expect(tally['refused-scenario']).toBeGreaterThan(0);
  }, 60_000 + cases * 20);

  it('refuses inflation bombs and the largest links in words, each within the case limit', async () => {
    const bombs = [1_000_001, 8_000_000].map((n) => deflateRawSync(Buffer.alloc(n, 0x61)).toString('base64url'));
    for (const code of bombs) expect(await settle(code)).toEqual({ error: new ShareLinkError('the share link unpacks into more text than a scenario may have') });
    expect(await settle('A'.repeat(200_001))).toEqual({ error: new ShareLinkError('the share link is too long to be a scenario') });
    expect(await settle('')).toEqual({ error: new ShareLinkError('the link holds no scenario (nothing follows #s=)') });
  });

  it('refuses a damaged link in words, not in the decompressor\'s (was "invalid block type", "Invalid character", "unexpected end of file")', async () => {
    const code = await encodeScenario(PRESETS[0]!.text);
    for (const damaged of [code.slice(0, 5), code.slice(0, -7), 'A', '____', deflateRawSync(Buffer.from([0xff, 0xfe, 0x80])).toString('base64url')]) {
      expect(await settle(damaged)).toEqual({ error: new ShareLinkError('the link is damaged: its packed scenario does not unpack (was it cut short when copied?)') });
    }
  });

  it('keeps markup in a scenario\'s name and description as the same characters', async () => {
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...MARKUP), fc.constantFrom(...MARKUP), async (name, description) => {
        const text = `kind: yard-sale\nname: ${JSON.stringify(name)}\ndescription: ${JSON.stringify(description)}\n`;
        const back = await settle(await encodeScenario(text));
        expect(back).toEqual({ text });
        const parsed = parseScenarioText(text);
        expect(parsed.ok && [parsed.scenario.name, parsed.scenario.description]).toEqual([name, description]);
      }),
      { numRuns: 40, seed: seed + 2 },
    );
  });
});
