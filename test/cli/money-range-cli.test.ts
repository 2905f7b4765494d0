// A run whose money passes 2^53 cents (issue 16): the scenario asked for more than cents can
// count, which is bad input, not a fault of the program. Every command exits 2 (not 1 with a
// stack) with the message naming the fields to lower, and writes nothing; on the main thread
// and from a replicate's worker thread, at setup and in mid-run.
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
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
    // Then the two widest spreads of output against their defaults (the cycle's stationary sd
    // 0.5 / sqrt(1 - 0.93^2) = 1.36; the shocks' 0.564 / sqrt(1 - 0.9^2) = 1.29; skill's 3 is
    // 7.5 times its default, less than those two's 15 and 11 times).
    expect(moneyRangeAdvice(scenario)).toBe('lower persons.baseOutput (10000000, default 1500), or persons.skillMedian (100, default 1), '
      + 'the money amounts furthest above their defaults; or cycle.sigma (0.5, default 0.033), a spread of output of 1.36 in logs (0.090 by default); '
      + 'or persons.shockSigma (0.5637794517988619, default 0.05), a spread of output of 1.29 in logs (0.11 by default); or the population, persons.count (74)');
    const plain = loadScenario('kind: random-exchange\nagents: 300\n', 'plain.yaml');
    expect(moneyRangeAdvice(plain)).toBe('lower the population, agents (300), or the money amounts (prices, output, initial wealth)');
  });

  it('names enterprise productivity when its spread is what multiplies output past the range (rho 0.999, sigma 1)', () => {
    const scenario = loadScenario(readFileSync(join(ROOT, 'scenarios/mixed.yaml'), 'utf8'), 'mixed.yaml',
      { 'persons.count': 300, years: 2, 'productivity.rho': 0.999, 'productivity.sigma': 1 });
    // sd 1 / sqrt(1 - 0.999^2) = 22.4 in logs: an entrant 1 sd up produces e^22 times the median.
    expect(moneyRangeAdvice(scenario)).toBe('lower productivity.sigma (1, default 0.1) or productivity.rho (0.999, default 0.9), '
      + 'a spread of output of 22.4 in logs (0.23 by default); or the population, persons.count (300)');
    // A single transfer inside a phase passes the range (a sale), where the ledger knows no
    // scenario: the engine says it again in the scenario's terms (it gave the generic advice).
    let thrown: unknown;
    try { createSimulation(scenario).runToEnd(); } catch (error) { thrown = error; }
    expect(thrown).toBeInstanceOf(MoneyRangeError);
    expect((thrown as Error).message).toMatch(/^month \d+: .* past 2\^53 .*; lower productivity\.sigma \(1, default 0\.1\) or productivity\.rho \(0\.999, default 0\.9\)/);
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
