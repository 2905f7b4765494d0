// Scenario-file fuzz (issue 16 item 2): the presets' data changed and written as YAML or JSON,
// their text edited character by character, and raw bytes. Each text is a valid scenario or
// refused with problems that each name a field or a line, in plain words, within 10 s, and a
// refused file writes nothing. In-process through the loader; a few cases through the real
// command. FUZZ=full (`npm run test:fuzz`) draws 10,000 cases; FUZZ=<n> draws n.
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { parseScenarioText } from '../../src/scenarios/load.ts';
import { InputError, readScenarioInput } from '../../src/cli/scenario-input.ts';
import { fuzzCases, fuzzSeed } from './fuzz-size.ts';
import { editedPreset, mutatedPreset, rawBytes, scenarioText } from './input-arbitraries.ts';
import { expectNoWarnings, expectPlainMessage, expectPrototypeClean, expectValidOrNamed, timed } from './input-oracle.ts';

const ROOT = new URL('../../', import.meta.url).pathname;
const cases = fuzzCases(1_200);
const seed = fuzzSeed(16_02);
const dir = mkdtempSync(join(tmpdir(), 'scenario-fuzz-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('scenario-file fuzz', () => {
  it(`reads ${cases} mutated, edited and raw scenario texts: a valid scenario or problems named by field or line`, () => {
    const tally = { valid: 0, refused: 0, slowestMs: 0 };
    const started = performance.now();
    fc.assert(
      fc.property(scenarioText, ({ how, text }) => {
        const t0 = performance.now();
        const outcome = timed(() => parseScenarioText(text), how);
        tally.slowestMs = Math.max(tally.slowestMs, performance.now() - t0);
        expectValidOrNamed(outcome, text);
        expectPrototypeClean();
        expectNoWarnings();
        if (outcome.ok) tally.valid++;
        else tally.refused++;
      }),
      { numRuns: cases, seed },
    );
    if (process.env.FUZZ !== undefined) {
      console.log(`scenario-file fuzz: ${cases} cases (${tally.valid} valid, ${tally.refused} refused) in ${((performance.now() - started) / 1000).toFixed(1)} s, slowest ${tally.slowestMs.toFixed(0)} ms`);
    }
    // The draw reaches both outcomes in earnest: a fuzz of only refusals would test little.
    expect(tally.valid).toBeGreaterThan(cases / 20);
    expect(tally.refused).toBeGreaterThan(cases / 4);
  }, 60_000 + cases * 30);

  it('reads every file through the command\'s reader: an InputError naming the file and line, never another error', () => {
    const file = join(dir, 'case.yaml');
    fc.assert(
      fc.property(fc.oneof(mutatedPreset, editedPreset, rawBytes), ({ text }) => {
        writeFileSync(file, text);
        try {
          timed(() => readScenarioInput(file, {}, {}), 'reading the file');
        } catch (error) {
          expect(error).toBeInstanceOf(InputError);
          const message = (error as Error).message;
          for (const line of message.split('\n')) {
            expect(line.startsWith(`${file}: `) || line.startsWith(`${file}:`)).toBe(true);
            expectPlainMessage(line, text);
          }
        }
      }),
      { numRuns: Math.max(50, Math.round(cases / 10)), seed: seed + 1 },
    );
  }, 60_000 + cases * 10);

  it('exits 2 on refused fuzzed files through the real command, and writes nothing', async () => {
    // A few refused cases of the draw, through `sim` as a user runs it.
    const refused = fc.sample(fc.oneof(mutatedPreset, editedPreset), { numRuns: 200, seed })
      .filter(({ text }) => !parseScenarioText(text).ok)
      .slice(0, 3);
    expect(refused).toHaveLength(3);
    const outcomes = await Promise.all(refused.map(({ text }, i) => {
      const file = join(dir, `refused-${i}.yaml`);
      writeFileSync(file, text);
      return new Promise<{ code: number | null; stderr: string; out: string; file: string }>((resolve) => {
        const out = join(dir, `out-${i}`);
        execFile(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', file, '--out', out], { cwd: ROOT, timeout: 60_000 }, (error, _stdout, stderr) => {
          resolve({ code: error === null ? 0 : typeof error.code === 'number' ? error.code : null, stderr, out, file });
        });
      });
    }));
    for (const { code, stderr, out, file } of outcomes) {
      expect(code).toBe(2);
      expect(stderr.startsWith(`${file}:`)).toBe(true);
      expect(stderr).not.toMatch(/internal error|\n\s+at /);
      expect(existsSync(out)).toBe(false);
    }
  }, 120_000);
});
