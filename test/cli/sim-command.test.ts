// The `sim` command as a user meets it: a child process on temporary scenario files.
import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const ROOT = new URL('../../', import.meta.url).pathname;
const dir = mkdtempSync(join(tmpdir(), 'sim-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

interface Outcome { code: number; stdout: string; stderr: string }

/** `node --import tsx src/cli/main.ts`, or through the launcher as `npm run sim` does. */
function sim(...args: string[]): Promise<Outcome> {
  return run(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', ...args]);
}

function simThroughLauncher(...args: string[]): Promise<Outcome> {
  return run(process.execPath, ['bin/launch.mjs', 'src/cli/main.ts', ...args]);
}

function run(command: string, args: string[]): Promise<Outcome> {
  return new Promise((resolve) => {
    execFile(command, args, { cwd: ROOT }, (error, stdout, stderr) => {
      const code = error === null ? 0 : typeof error.code === 'number' ? error.code : -1;
      resolve({ code, stdout, stderr });
    });
  });
}

function scenarioFile(name: string, text: string): string {
  const file = join(dir, name);
  writeFileSync(file, text);
  return file;
}

const SMALL = 'kind: yard-sale\nname: small yard sale\nseed: 5\nagents: 60\nyears: 3\nrecordEveryMonths: 6\ntax: 0.01\n';

function csvRows(file: string): string[][] {
  return readFileSync(file, 'utf8').trim().split('\n').map((line) => line.split(','));
}

describe('sim command', () => {
  it('runs a good scenario, writes series.csv and summary.json, and exits 0', async () => {
    const file = scenarioFile('small.yaml', SMALL);
    const out = join(dir, 'good');
    const { code, stdout, stderr } = await sim(file, '--out', out);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    expect(stdout).toContain('wealth.gini');

    const [header, ...rows] = csvRows(join(out, 'series.csv'));
    expect(header!.slice(0, 4)).toEqual(['replicate', 'seed', 'tick', 'year']);
    expect(header).toContain('wealth.gini');
    // Samples at months 0, 6, ..., 36: seven rows, all of the plain run of seed 5.
    expect(rows.map((row) => row[2])).toEqual(['0', '6', '12', '18', '24', '30', '36']);
    expect(rows.map((row) => row[3])).toContain('1.5');
    expect(new Set(rows.map((row) => `${row[0]} ${row[1]}`))).toEqual(new Set(['base 5']));

    const summary = JSON.parse(readFileSync(join(out, 'summary.json'), 'utf8'));
    const sha = createHash('sha256').update(readFileSync(file)).digest('hex');
    expect(summary.provenance).toMatchObject({
      scenarioSha256: sha, seed: 5, randomGenerator: 'seedrandom.alea', node: process.version, replicateKeys: [null],
      program: { name: 'commons-ledger' },
    });
    expect(summary.provenance.scenario).toMatchObject({ agents: 60, tax: 0.01, stakeFraction: 0.1 });
    const gini = summary.sections.final.find((m: { id: string }) => m.id === 'wealth.gini');
    const lastGini = Number(rows[rows.length - 1]![header!.indexOf('wealth.gini')]);
    expect(gini.perReplicate.base).toBe(lastGini);
    expect(summary.reporters.map((r: { id: string }) => r.id)).toEqual(header!.slice(4));
  });

  it('removes what a killed earlier run to the same directory left half-written', async () => {
    const file = scenarioFile('small.yaml', SMALL);
    // Above Linux's largest process id, so no live process owns it.
    const abandoned = join(dir, '.again.partial-4194999');
    mkdirSync(abandoned);
    writeFileSync(join(abandoned, 'series.csv'), 'half a file');
    const { code } = await sim(file, '--quiet', '--out', join(dir, 'again'));
    expect(code).toBe(0);
    expect(existsSync(abandoned)).toBe(false);
    expect(readdirSync(join(dir, 'again')).sort()).toEqual(['series.csv', 'summary.json']);
  });

  it('exits 2 on a malformed scenario, names the field and its line, and writes nothing', async () => {
    const file = scenarioFile('bad.yaml', 'kind: random-exchange\nagents: 50\nyaers: 3\n');
    const out = join(dir, 'bad-out');
    const { code, stderr } = await sim(file, '--out', out);
    expect(code).toBe(2);
    expect(stderr).toContain(`${file}:3:1: yaers: unknown key "yaers" (did you mean "years"?)`);
    expect(existsSync(out)).toBe(false);
    expect(readdirSync(dir).filter((name) => name.includes('partial'))).toEqual([]);
  });

  it('exits 2 on a bad override and names the flag and the field', async () => {
    const file = scenarioFile('small.yaml', SMALL);
    const years = await sim(file, '--years', 'soon', '--out', join(dir, 'never'));
    expect(years.code).toBe(2);
    expect(years.stderr).toContain('--years: years: got "soon"');
    const set = await sim(file, '--set', 'stakeFraction=2', '--out', join(dir, 'never'));
    expect(set.code).toBe(2);
    expect(set.stderr).toContain('--set stakeFraction: stakeFraction: got 2');
    expect(existsSync(join(dir, 'never'))).toBe(false);
  });

  it('exits 2 on an unknown flag and on a missing file', async () => {
    const flag = await sim('scenarios/random-exchange.yaml', '--replicats', '3');
    expect(flag.code).toBe(2);
    expect(flag.stderr).toContain("Unknown option '--replicats'");
    const missing = await sim(join(dir, 'no-such.yaml'));
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('no such file');
  });

  it('gives identical series for the same seed and different series for another seed', async () => {
    const file = scenarioFile('small.yaml', SMALL);
    const [a, b, c] = await Promise.all([
      sim(file, '--quiet', '--out', join(dir, 'seed-a')),
      sim(file, '--quiet', '--out', join(dir, 'seed-b')),
      sim(file, '--quiet', '--seed', '6', '--out', join(dir, 'seed-c')),
    ]);
    expect([a.code, b.code, c.code]).toEqual([0, 0, 0]);
    const series = (name: string) => readFileSync(join(dir, name, 'series.csv'), 'utf8');
    expect(series('seed-b')).toBe(series('seed-a'));
    // Drop the seed column: the numbers themselves must differ.
    const numbers = (name: string) => csvRows(join(dir, name, 'series.csv')).slice(1).map((row) => row.slice(4).join());
    expect(numbers('seed-c')).not.toEqual(numbers('seed-a'));
  });

  it('runs replicates on worker threads with the same bits as on the main thread', async () => {
    const file = scenarioFile('small.yaml', SMALL);
    const [threads, main] = await Promise.all([
      // Node 20 workers do not inherit tsx's hooks: this checks the pool's bootstrap loads them.
      simThroughLauncher(file, '--quiet', '--replicates', '3', '--workers', '2', '--out', join(dir, 'threads')),
      sim(file, '--quiet', '--replicates', '3', '--workers', '0', '--out', join(dir, 'main')),
    ]);
    expect(threads.stderr).toBe('');
    expect([threads.code, main.code]).toEqual([0, 0]);
    const threaded = readFileSync(join(dir, 'threads', 'series.csv'), 'utf8');
    expect(threaded).toBe(readFileSync(join(dir, 'main', 'series.csv'), 'utf8'));

    const rows = csvRows(join(dir, 'threads', 'series.csv')).slice(1);
    expect([...new Set(rows.map((row) => row[0]))]).toEqual(['r1', 'r2', 'r3']);
    const last = (key: string) => rows.filter((row) => row[0] === key).at(-1)!.slice(4).join();
    expect(last('r1')).not.toBe(last('r2'));

    const summary = JSON.parse(readFileSync(join(dir, 'threads', 'summary.json'), 'utf8'));
    expect(summary.provenance.replicateKeys).toEqual(['r1', 'r2', 'r3']);
    const threadIds = (run: string) => JSON.parse(readFileSync(join(dir, run, 'summary.json'), 'utf8'))
      .replicates.map((r: { threadId: number }) => r.threadId);
    expect(threadIds('main')).toEqual([0, 0, 0]);
    expect(new Set(threadIds('threads')).size).toBe(2);
    expect(threadIds('threads')).not.toContain(0);
    const gini = summary.sections.final.find((m: { id: string }) => m.id === 'wealth.gini').acrossReplicates;
    expect(gini.n).toBe(3);
    expect(gini.ci95[0]).toBeLessThan(gini.mean);
    expect(gini.ci95[1]).toBeGreaterThan(gini.mean);
  });

  it('writes series.json with the same numbers as series.csv, and audits with --check', async () => {
    const file = scenarioFile('small.yaml', SMALL);
    const [json, csv] = await Promise.all([
      sim(file, '--quiet', '--check', '--format', 'json', '--out', join(dir, 'json')),
      sim(file, '--quiet', '--out', join(dir, 'csv')),
    ]);
    expect([json.code, csv.code]).toEqual([0, 0]);
    const records = JSON.parse(readFileSync(join(dir, 'json', 'series.json'), 'utf8')) as Record<string, unknown>[];
    const [header, ...rows] = csvRows(join(dir, 'csv', 'series.csv'));
    expect(records).toHaveLength(rows.length);
    rows.forEach((row, i) => {
      header!.forEach((column, c) => expect(String(records[i]![column])).toBe(row[c]));
    });
  });

  it('lists every flag in --help and exits 0', async () => {
    const { code, stdout } = await sim('--help');
    expect(code).toBe(0);
    for (const flag of ['--seed', '--years', '--replicates', '--workers', '--out', '--format', '--set', '--check', '--quiet', 'Examples']) {
      expect(stdout).toContain(flag);
    }
  });
});
