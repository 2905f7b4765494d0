// One seed reader (issue 16): a seed is read the same way wherever it is given, a scenario file
// (YAML and JSON), a share link, --seed, --set seed=, --vary seed= and the page's seed field, so
// every one accepts the same seeds, as the same seed, and refuses the same seeds with the same
// message: the field, the seed as written (not the double it rounds to) and what is allowed.
// Seeds that ran before run as before: the table's accepted seeds are what the file and the
// flags read them as before this reader.
import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';
import { parseScenarioText, type ParseOutcome } from '../../src/scenarios/load.ts';
import { readSeedText, seedText, type Seed } from '../../src/scenarios/seed-text.ts';
import { parseCommandLine } from '../../src/cli/arguments.ts';
import { parseSweepCommandLine } from '../../src/cli/sweep-main.ts';
import { codeFromHash, decodeScenario, encodeScenario } from '../../src/ui/share-link.ts';
import { setField } from '../../src/ui/scenario-text.ts';
import { seedKey } from '../../src/model/random.ts';
import { SimulatorController } from '../../src/ui/simulator-controller.ts';

const TEXT = 'kind: random-exchange\nagents: 200\nyears: 3\n';
const ALLOWED = 'allowed: a whole number from 0 to 9007199254740991 or text of 1 to 200 characters';

/** Seeds as a user writes them, and the seed each is (undefined: refused). */
const SEEDS: readonly (readonly [written: string, seed: Seed | undefined])[] = [
  ['42', 42],
  ['0', 0],
  ['9007199254740991', 9007199254740991],
  // Plain digits past 2^53 - 1 are kept as written (1c1f5c2), not rounded.
  ['9007199254740992', '9007199254740992'],
  ['12345678901234567890', '12345678901234567890'],
  // Other decimal forms of a whole number, as files and flags read them before.
  ['1e3', 1000],
  ['1000.0', 1000],
  ['+5', 5],
  ['-0', 0],
  ['007', 7],
  ['spring-2026', 'spring-2026'],
  ['"-1"', '-1'],
  ["'12345678901234567890.5'", '12345678901234567890.5'],
  // Numbers only in decimal notation: hex, NaN and infinities are the text written.
  ['0x10', '0x10'],
  ['NaN', 'NaN'],
  ['.nan', '.nan'],
  ['.inf', '.inf'],
  ['-.inf', '-.inf'],
  // Refused, each as written.
  ['12345678901234567890.5', undefined],
  ['1e400', undefined],
  ['-1e400', undefined],
  ['-1', undefined],
  ['1.5', undefined],
  // A double reads these as the whole numbers 4503599627370496, 1, 0 and 10^20.
  ['4503599627370496.5', undefined],
  ['1.00000000000000001', undefined],
  ['1e-400', undefined],
  ['1e20', undefined],
  ['true', undefined],
  ['~', undefined],
];

/** The message every entry point gives for a refused seed. */
function refusal(written: string): string {
  return `seed: got ${written}; ${ALLOWED} (as text, in quotes: ${JSON.stringify(written)})`;
}

type Outcome = { seed: Seed } | { message: string };

function ofScenario(outcome: ParseOutcome): Outcome {
  return outcome.ok ? { seed: outcome.scenario.seed } : { message: outcome.issues.map((i) => `${i.path}: ${i.message}`).join('\n') };
}

function ofFlags(read: () => Record<string, unknown>): Outcome {
  try {
    return ofScenario(parseScenarioText(TEXT, read()));
  } catch (error) {
    return { message: (error as Error).message };
  }
}

/** The page's seed field: what the controller sets, loaded as the page loads it, or its banner. */
async function ofPageField(written: string): Promise<Outcome> {
  const sim = new SimulatorController({ addController: () => {}, requestUpdate: () => {} } as never);
  sim.runningText = `${TEXT}seed: 1\n`;
  const setParameter = vi.spyOn(sim, 'setParameter').mockResolvedValue(true);
  await sim.setSeed(written);
  if (setParameter.mock.calls.length === 0) return { message: sim.failure ?? 'no banner' };
  const [path, value] = setParameter.mock.calls[0]!;
  return ofScenario(parseScenarioText(setField(sim.runningText, path, value)));
}

const ENTRY_POINTS: Record<string, (written: string) => Outcome | Promise<Outcome>> = {
  'file (YAML)': (written) => ofScenario(parseScenarioText(`${TEXT}seed: ${written}\n`)),
  'file (JSON)': (written) => ofScenario(parseScenarioText(`{"kind": "random-exchange", "agents": 200, "years": 3, "seed": ${written}}`)),
  'share link': async (written) => {
    const code = codeFromHash(`#s=${await encodeScenario(`${TEXT}seed: ${written}\n`)}`)!;
    return ofScenario(parseScenarioText(await decodeScenario(code)));
  },
  '--seed': (written) => ofFlags(() => parseCommandLine(['x.yaml', '--seed', written]).overrides),
  '--set seed=': (written) => ofFlags(() => parseCommandLine(['x.yaml', '--set', `seed=${written}`]).overrides),
  '--vary seed=': (written) => ofFlags(() => ({ seed: parseSweepCommandLine(['x.yaml', '--vary', `seed=${written}`]).axes[0]!.values[0] })),
  'page seed field': ofPageField,
};

describe('one seed reader', () => {
  it.each(Object.keys(ENTRY_POINTS))('%s accepts and refuses the seeds of the table, refusing with the seed as written', async (entry) => {
    for (const [written, seed] of SEEDS) {
      const outcome = await ENTRY_POINTS[entry]!(written);
      if (seed === undefined) {
        expect(outcome, `${entry} ${written}`).toHaveProperty('message');
        expect((outcome as { message: string }).message, `${entry} ${written}`).toContain(refusal(written));
      } else {
        expect(outcome, `${entry} ${written}`).toHaveProperty('seed');
        // The same seed: its type, and the key its streams are drawn from (-0 draws as 0).
        const got = (outcome as { seed: Seed }).seed;
        expect([typeof got, seedKey(got)], `${entry} ${written}`).toEqual([typeof seed, seedKey(seed)]);
      }
    }
  });

  it('names the flag in the command line\'s refusal', () => {
    expect(() => parseCommandLine(['x.yaml', '--seed', '12345678901234567890.5'])).toThrow(`--seed: ${refusal('12345678901234567890.5')}`);
    expect(() => parseCommandLine(['x.yaml', '--set', 'seed=-1'])).toThrow(`--set seed: ${refusal('-1')}`);
    expect(() => parseSweepCommandLine(['x.yaml', '--vary', 'seed=1,1e400'])).toThrow(`--vary sweep "seed=1,1e400": ${refusal('1e400')}`);
  });

  it('shows a refused seed in the page\'s banner and leaves the running scenario alone', async () => {
    const sim = new SimulatorController({ addController: () => {}, requestUpdate: () => {} } as never);
    const load = vi.spyOn(sim, 'load');
    expect(await sim.setSeed('12345678901234567890.5')).toBe(false);
    expect(sim.failure).toBe(`That value was not accepted: ${refusal('12345678901234567890.5')}`);
    expect(load).not.toHaveBeenCalled();
  });

  it('refuses an empty seed, text past 200 characters and digits past 200, saying so', () => {
    expect(readSeedText('  ')).toMatchObject({ ok: false, message: `seed: got nothing; ${ALLOWED}` });
    expect(readSeedText('x'.repeat(201))).toMatchObject({ ok: false, message: expect.stringContaining('... (201 characters); allowed') });
    expect(readSeedText('1'.repeat(201))).toMatchObject({ ok: false, message: expect.stringContaining('... (201 digits); allowed') });
    expect(readSeedText('x'.repeat(200))).toEqual({ ok: true, seed: 'x'.repeat(200) });
  });

  it('writes every seed so that it reads back as the same seed (the page\'s field shows it so)', () => {
    expect(seedText('-1')).toBe('"-1"');
    expect(seedText('12345678901234567890')).toBe('12345678901234567890');
    expect(seedText(42)).toBe('42');
    const texts = fc.oneof(fc.string({ minLength: 1, maxLength: 20 }), fc.string({ unit: 'binary', minLength: 1, maxLength: 100 }));
    fc.assert(fc.property(fc.oneof(texts, fc.nat({ max: Number.MAX_SAFE_INTEGER })), (seed) => {
      expect(readSeedText(seedText(seed))).toEqual({ ok: true, seed });
    }), { seed: 16_16, numRuns: 500 });
  });
});
