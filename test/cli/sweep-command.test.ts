// The `sweep` command as a user meets it: a child process on a temporary scenario file.
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const ROOT = new URL('../../', import.meta.url).pathname;
const dir = mkdtempSync(join(tmpdir(), 'sweep-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function sweep(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, ['--import', 'tsx', 'src/cli/sweep-main.ts', ...args], { cwd: ROOT }, (error, stdout, stderr) => {
      resolve({ code: error === null ? 0 : typeof error.code === 'number' ? error.code : -1, stdout, stderr });
    });
  });
}

const file = join(dir, 'saving.yaml');
writeFileSync(file, 'kind: saving-propensity\nseed: 3\nagents: 200\nyears: 4\n');

describe('npm run sweep', () => {
  it('runs every combination x replicate and writes one flat row each, with its parameters', async () => {
    const out = join(dir, 'grid');
    const { code, stderr } = await sweep(file, '--vary', 'lambda=0.1,0.8', '--vary', 'agents=100:200:100', '--replicates', '2', '--out', out, '--workers', '2');
    expect(stderr).toContain('4 combinations x 2 replicates = 8 runs');
    expect(code).toBe(0);
    const rows = readFileSync(join(out, 'sweep.csv'), 'utf8').trim().split('\n').map((line) => line.split(','));
    expect(rows[0]!.slice(0, 5)).toEqual(['point', 'lambda', 'agents', 'replicate', 'seed']);
    expect(rows).toHaveLength(9);
    expect(rows.slice(1).map((r) => r.slice(0, 4).join(' '))).toEqual([
      '0 0.1 100 r1', '0 0.1 100 r2', '1 0.1 200 r1', '1 0.1 200 r2',
      '2 0.8 100 r1', '2 0.8 100 r2', '3 0.8 200 r1', '3 0.8 200 r2',
    ]);
    // Saving more narrows inequality: the sweep's rows must show it for the same replicate.
    const gini = rows[0]!.indexOf('final.wealth.gini');
    expect(Number(rows[7]![gini])).toBeLessThan(Number(rows[3]![gini]));
    const meta = JSON.parse(readFileSync(join(out, 'sweep.json'), 'utf8')) as { points: unknown[]; provenance: { seed: unknown } };
    expect(meta.points).toHaveLength(4);
    expect(meta.provenance.seed).toBe(3);
  });

  it('exits 2 naming the --vary flag when a value is out of range, and writes nothing', async () => {
    const out = join(dir, 'bad');
    const { code, stderr } = await sweep(file, '--vary', 'lambda=0.5,2', '--out', out);
    expect(code).toBe(2);
    expect(stderr).toMatch(/--vary lambda: lambda: got 2; allowed: a number from 0 to 0\.99/);
    expect(existsSync(out)).toBe(false);
  });

  it('exits 2 without anything to vary, or on a malformed range', async () => {
    expect((await sweep(file)).code).toBe(2);
    const { code, stderr } = await sweep(file, '--vary', 'lambda=0.9:0.1:0.1');
    expect(code).toBe(2);
    expect(stderr).toContain('start <= stop');
  });
});

describe('npm run sweep --series', () => {
  it('writes the chosen reporters at every sampled month of every run, with the run\'s parameters', async () => {
    const out = join(dir, 'paths');
    const { code } = await sweep(file, '--vary', 'lambda=0.1,0.8', '--replicates', '2', '--series', 'wealth.gini', '--series', 'wealth.top10', '--out', out, '--workers', '2');
    expect(code).toBe(0);
    const rows = readFileSync(join(out, 'sweep-series.csv'), 'utf8').trim().split('\n').map((line) => line.split(','));
    expect(rows[0]).toEqual(['point', 'lambda', 'replicate', 'seed', 'tick', 'year', 'wealth.gini', 'wealth.top10']);
    // 2 points x 2 replicates x (4 years sampled yearly, and month 0) rows.
    const finals = readFileSync(join(out, 'sweep.csv'), 'utf8').trim().split('\n').map((line) => line.split(','));
    const perRun = (rows.length - 1) / 4;
    expect(Number.isInteger(perRun) && perRun > 1).toBe(true);
    // The last sampled month of each run is the final value sweep.csv reports.
    const gini = finals[0]!.indexOf('final.wealth.gini');
    for (let run = 0; run < 4; run++) {
      const last = rows[1 + (run + 1) * perRun - 1]!;
      expect(last.slice(0, 3)).toEqual(finals[1 + run]!.slice(0, 3));
      expect(last[6]).toBe(finals[1 + run]![gini]);
    }
  });

  it('exits 2 naming --series when the reporter does not exist', async () => {
    const { code, stderr } = await sweep(file, '--vary', 'lambda=0.1', '--series', 'no.such.thing', '--out', join(dir, 'none'));
    expect(code).toBe(2);
    expect(stderr).toContain('--series: got no.such.thing');
  });
});

describe('npm run sweep overrides', () => {
  it('names --set when a fixed override is out of range', async () => {
    const { code, stderr } = await sweep(file, '--vary', 'lambda=0.1,0.2', '--set', 'agents=1');
    expect(code).toBe(2);
    expect(stderr).toMatch(/--set agents: agents: got 1; allowed: a whole number from 2/);
  });
});
