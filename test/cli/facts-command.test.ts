// The `facts` command as a user meets it: a child process, its exit codes and its files.
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { FACTS_CSV_COLUMNS } from '../../src/cli/facts-report.ts';
import { scaledPopulation } from '../../src/cli/facts-plan.ts';

const ROOT = new URL('../../', import.meta.url).pathname;
const dir = mkdtempSync(join(tmpdir(), 'facts-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function facts(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, ['--import', 'tsx', 'src/cli/facts-main.ts', ...args], { cwd: ROOT }, (error, stdout, stderr) => {
      resolve({ code: error === null ? 0 : typeof error.code === 'number' ? error.code : -1, stdout, stderr });
    });
  });
}

describe('npm run facts', () => {
  it('measures every fact on small presets and writes facts.json and facts.csv with provenance', async () => {
    const out = join(dir, 'small');
    // --set shrinks every preset; --persons sets the firm-size run's population.
    const { code, stdout, stderr } = await facts('--replicates', '2', '--persons', '800', '--years', '11', '--set', 'persons.count=600', '--out', out, '--workers', '2');
    expect(stderr).toBe('');
    expect(code).toBe(0);
    for (const id of ['wealth-top10', 'wealth-top10-settled', 'firm-size-zipf', 'coop-firm-hazard-ratio', 'coop-firm-survival5y']) {
      expect(stdout).toContain(id);
    }
    expect(stdout).toMatch(/\d of 5 facts pass/);
    const csv = readFileSync(join(out, 'facts.csv'), 'utf8').trim().split('\n');
    expect(csv[0]).toBe(FACTS_CSV_COLUMNS.join(','));
    expect(csv).toHaveLength(6);
    const json = JSON.parse(readFileSync(join(out, 'facts.json'), 'utf8')) as {
      runs: { group: string; persons: number; provenance: { scenarioSha256: string; seed: unknown; replicateKeys: string[]; scenario: { years: number } } }[];
      facts: { id: string; pass: boolean; target: { text: string } }[];
    };
    expect(json.runs.map((r) => [r.group, r.persons])).toEqual([['firm-sizes', 800], ['wealth', 600], ['survival', 600]]);
    for (const r of json.runs) {
      expect(r.provenance.scenarioSha256).toMatch(/^[0-9a-f]{64}$/);
      expect(r.provenance.replicateKeys).toEqual(['r1', 'r2']);
      expect(r.provenance.scenario.years).toBe(11);
    }
    expect(json.facts.map((f) => f.target.text)).toEqual(['>= 0.5', 'between -0.03 and 0.03', '0.8 to 1.4', '0.5 to 0.95', '> 0']);
  }, 120_000);

  it('prints its options with --help', async () => {
    const { code, stdout } = await facts('--help');
    expect(code).toBe(0);
    expect(stdout).toContain('--persons N');
  });

  it('exits 2 on bad input, naming the flag, and writes nothing', async () => {
    const out = join(dir, 'bad');
    const cases: [string[], RegExp][] = [
      [['--years', '5'], /--years: got "5"; allowed: a whole number from 11 to 500/],
      [['--replicates', '1'], /--replicates: got "1"/],
      [['--persons', 'many'], /--persons: got "many"/],
      [['scenarios/mixed.yaml'], /takes no scenario file/],
      [['--set', 'bonds.maxYield=7'], /--set bonds.maxYield: bonds.maxYield: got 7/],
      [['--frobnicate'], /Unknown option '--frobnicate'/],
    ];
    const outcomes = await Promise.all(cases.map(([args]) => facts(...args, '--out', out)));
    outcomes.forEach(({ code, stderr }, i) => {
      expect(code).toBe(2);
      expect(stderr).toMatch(cases[i]![1]);
    });
    expect(existsSync(out)).toBe(false);
  }, 60_000);
});

describe('the firm-size run\'s population', () => {
  it('scales organisation counts and founding rates with the persons', () => {
    const preset = { persons: { count: 10_000 }, firms: { initialCount: 40, foundingRatePerYear: 4 }, communes: { initialCount: 0, foundingRatePerYear: 0 } };
    expect(scaledPopulation(preset, 100_000)).toEqual({
      'persons.count': 100_000, 'firms.initialCount': 400, 'firms.foundingRatePerYear': 40,
      'communes.initialCount': 0, 'communes.foundingRatePerYear': 0,
    });
  });
});
