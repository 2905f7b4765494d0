// Splitting runs into shards and merging them back: the split as a plain function, and the
// commands end to end (shards run as separate processes, merged, compared with one machine's run).
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { assembleShards, parseShard, shardPositions, withoutShardFlags } from '../../src/cli/shards.ts';

const ROOT = new URL('../../', import.meta.url).pathname;
const dir = mkdtempSync(join(tmpdir(), 'shards-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

interface Outcome { code: number; stdout: string; stderr: string }
function command(entry: string, ...args: string[]): Promise<Outcome> {
  return new Promise((resolve) => {
    execFile(process.execPath, ['--import', 'tsx', `src/cli/${entry}`, ...args], { cwd: ROOT }, (error, stdout, stderr) => {
      resolve({ code: error === null ? 0 : typeof error.code === 'number' ? error.code : -1, stdout, stderr });
    });
  });
}

/** A JSON output with what differs between any two runs removed (date, command line, timings, threads). */
function comparable(file: string): unknown {
  return JSON.parse(readFileSync(file, 'utf8'), (key, value) => (
    ['date', 'commandLine', 'wallSeconds', 'threadId'].includes(key) ? undefined : value));
}

describe('the split', () => {
  it('reads i/n and refuses an index outside 0..n-1', () => {
    expect(parseShard('2/5')).toEqual({ index: 2, count: 5 });
    expect(() => parseShard('5/5')).toThrow(/i from 0 to n-1/);
    expect(() => parseShard('1/0')).toThrow(/n from 1/);
    expect(() => parseShard('a/b')).toThrow(/got "a\/b"/);
  });

  it('gives every run to exactly one shard, round robin', () => {
    const shards = [0, 1, 2].map((index) => shardPositions(8, { index, count: 3 }));
    expect(shards).toEqual([[0, 3, 6], [1, 4, 7], [2, 5]]);
    expect(shardPositions(2, { index: 3, count: 4 })).toEqual([]);
  });

  it('puts results back in run order and refuses a missing, doubled or foreign shard', () => {
    const piece = (index: number, count: number) => {
      const positions = shardPositions(5, { index, count });
      return { shard: { index, count }, positions, results: positions.map((p) => `run${p}`) };
    };
    expect(assembleShards(5, [piece(1, 2), piece(0, 2)])).toEqual(['run0', 'run1', 'run2', 'run3', 'run4']);
    expect(() => assembleShards(5, [piece(0, 2)])).toThrow('shards missing: 1/2');
    expect(() => assembleShards(5, [piece(0, 2), piece(0, 2), piece(1, 2)])).toThrow('given twice');
    expect(() => assembleShards(5, [piece(0, 2), piece(1, 3)])).toThrow('split into 3, not 2');
  });

  it('drops only the flags shards may differ in', () => {
    expect(withoutShardFlags(['f.yaml', '--shard', '1/4', '--out=x', '--workers', '2', '-q', '--seed', '3', '--out', 'y']))
      .toEqual(['f.yaml', '--seed', '3']);
  });
});

const SMALL = 'kind: yard-sale\nname: small\nseed: 5\nagents: 60\nyears: 3\nrecordEveryMonths: 6\ntax: 0.01\n';

describe('sharded commands and npm run merge', () => {
  it('sim: three shards merged write the single run\'s series byte for byte', async () => {
    const file = join(dir, 'small.yaml');
    writeFileSync(file, SMALL);
    const shards = await Promise.all([0, 1, 2].map((i) => command('main.ts', file, '-q', '--replicates', '5', '--shard', `${i}/3`, '--out', join(dir, 'sim', String(i)))));
    expect(shards.map((s) => s.code)).toEqual([0, 0, 0]);
    const single = await command('main.ts', file, '-q', '--replicates', '5', '--out', join(dir, 'sim-single'));
    expect(single.code).toBe(0);
    const merged = await command('merge-main.ts', ...[0, 1, 2].map((i) => join(dir, 'sim', String(i))), '--out', join(dir, 'sim-merged'), '-q');
    expect(merged.stderr).toBe('');
    expect(merged.code).toBe(0);
    expect(readFileSync(join(dir, 'sim-merged', 'series.csv'), 'utf8')).toBe(readFileSync(join(dir, 'sim-single', 'series.csv'), 'utf8'));
    expect(comparable(join(dir, 'sim-merged', 'summary.json'))).toEqual(comparable(join(dir, 'sim-single', 'summary.json')));
  });

  it('sweep: two shards merged write the single sweep\'s rows byte for byte; a missing shard is refused', async () => {
    const file = join(dir, 'saving.yaml');
    writeFileSync(file, 'kind: saving-propensity\nseed: 3\nagents: 100\nyears: 3\n');
    const args = [file, '-q', '--vary', 'lambda=0.1,0.5,0.8', '--replicates', '2'];
    const shards = await Promise.all([0, 1].map((i) => command('sweep-main.ts', ...args, '--shard', `${i}/2`, '--out', join(dir, 'sweep-shards'))));
    expect(shards.map((s) => s.code)).toEqual([0, 0]);
    const single = await command('sweep-main.ts', ...args, '--out', join(dir, 'sweep-single'));
    expect(single.code).toBe(0);
    const merged = await command('merge-main.ts', join(dir, 'sweep-shards'), '--out', join(dir, 'sweep-merged'), '-q');
    expect(merged.code).toBe(0);
    expect(readFileSync(join(dir, 'sweep-merged', 'sweep.csv'), 'utf8')).toBe(readFileSync(join(dir, 'sweep-single', 'sweep.csv'), 'utf8'));
    expect(comparable(join(dir, 'sweep-merged', 'sweep.json'))).toEqual(comparable(join(dir, 'sweep-single', 'sweep.json')));

    const missing = await command('merge-main.ts', join(dir, 'sweep-shards', 'shard-0-of-2.json'), '--out', join(dir, 'sweep-partial'));
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('shards missing: 1/2');
  });
});
