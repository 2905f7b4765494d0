// A run whose money passes 2^53 cents (issue 16): the scenario asked for more than cents can
// count, which is bad input, not a fault of the program. Every command exits 2 (not 1 with a
// stack) with the message naming the fields to lower, and writes nothing; on the main thread
// and from a replicate's worker thread, at setup and in mid-run.
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { MoneyRangeError } from '../../src/model/ledger.ts';
import { createSimulation } from '../../src/scenarios/create-simulation.ts';
import { loadScenario } from '../../src/scenarios/load.ts';
import { moneyRangeAdvice } from '../../src/scenarios/money-range-advice.ts';
import { EXIT_BAD_INPUT } from '../../src/cli/exit-codes.ts';

const ROOT = new URL('../../', import.meta.url).pathname;
const dir = mkdtempSync(join(tmpdir(), 'money-range-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

interface Outcome { code: number | null; stdout: string; stderr: string }

function command(entry: string, ...args: string[]): Promise<Outcome> {
  return new Promise((resolve) => {
    execFile(process.execPath, ['--import', 'tsx', entry, ...args], { cwd: ROOT, timeout: 120_000 }, (error, stdout, stderr) => {
      resolve({ code: error === null ? 0 : typeof error.code === 'number' ? error.code : null, stdout, stderr });
    });
  });
}

/** Capitalists' starting wealth past 2^53 cents in all: refused at setup (month 0), whatever the replicate. */
const RICH_AT_SETUP = ['--set', 'persons.count=200', '--set', 'persons.capitalistShare=0.5', '--set', 'persons.capitalistMinWealth=1000000000000', '--years', '1'];

/** Sales past 2^53 cents in the third month (the engine fuzz's case): fine at setup, refused mid-run. */
const MID_RUN = `kind: economy
seed: " "
years: 0.25
persons: { count: 74, capitalistShare: 0.01, skillMedian: 100, skillSigma: 3, shockSigma: 0.5637794517988619, buffer: 0, mpcIncome: 0, baseOutput: 10000000, switchRatePerYear: 0, choiceTemperature: 1.0e-9 }
bonds: { baseYield: 0, saversFraction: 0, minimumBid: 0 }
rental: { graceMonths: 1 }
communes: { initialCount: 0, laborToJoinMonths: 0, solidarity: 0, lapseMonths: 1 }
firms: { initialCount: 8, foundingCapital: 0, takeovers: false }
cooperatives: { initialCount: 0, foundingRatePerYear: 0, endowmentPerMember: 0, hiredLabor: false, merges: false, lendIdleCapital: false }
cycle: { sigma: 0.5 }
`;

describe('money past 2^53 cents', () => {
  it('names the money fields furthest above their defaults, then the population', () => {
    const scenario = loadScenario(MID_RUN, 'mid-run.yaml');
    expect(moneyRangeAdvice(scenario)).toBe('lower persons.baseOutput (10000000, default 1500), or persons.skillMedian (100, default 1), '
      + 'the money amounts furthest above their defaults; or the population, persons.count (74)');
    const plain = loadScenario('kind: random-exchange\nagents: 300\n', 'plain.yaml');
    expect(moneyRangeAdvice(plain)).toBe('lower the population, agents (300), or the money amounts (prices, output, initial wealth)');
  });

  it('stops the engine in mid-run with that advice, whether or not conservation is audited every phase', () => {
    const scenario = loadScenario(MID_RUN, 'mid-run.yaml');
    for (const checkConservation of [false, true]) {
      const sim = createSimulation(scenario, { checkConservation });
      expect(() => sim.runToEnd()).toThrow(MoneyRangeError);
      expect(sim.tick).toBe(2);
    }
    expect(() => createSimulation(scenario).runToEnd()).toThrow(/month 2: the economy's money reached .* past 2\^53 .*lower persons\.baseOutput \(10000000, default 1500\)/);
  });

  it('makes sim exit 2 with the field to lower and no stack, writing nothing: mid-run on the main thread', async () => {
    const file = join(dir, 'mid-run.yaml');
    writeFileSync(file, MID_RUN);
    const out = join(dir, 'out-mid-run');
    const { code, stderr } = await command('src/cli/main.ts', file, '--out', out, '--quiet');
    expect(code).toBe(EXIT_BAD_INPUT);
    expect(stderr).toMatch(/^sim: month 2: the economy's money reached .* past 2\^53 .*lower persons\.baseOutput \(10000000, default 1500\)/);
    expect(stderr).not.toMatch(/internal error|\n\s+at /);
    expect(existsSync(out)).toBe(false);
  }, 120_000);

  it('makes sim exit 2 the same way from replicates on worker threads, at setup', async () => {
    const out = join(dir, 'out-replicates');
    const { code, stderr } = await command('src/cli/main.ts', 'scenarios/capitalist-only.yaml', ...RICH_AT_SETUP, '--replicates', '2', '--workers', '1', '--out', out, '--quiet');
    expect(code).toBe(EXIT_BAD_INPUT);
    expect(stderr).toMatch(/^sim: replicate r1: month 0: the economy's money reached .* lower persons\.capitalistMinWealth \(1000000000000, default 2000000\)/);
    expect(stderr).not.toMatch(/internal error|\n\s+at /);
    expect(existsSync(out)).toBe(false);
  }, 120_000);
});
