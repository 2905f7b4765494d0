// bin/launch.mjs, which `npm run sim`, `sweep`, `claims` and `bench` go through: it starts the
// TypeScript entry point under tsx with V8's thread pool sized to the machine, passes the
// arguments on and returns the command's exit code.
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { poolSize, workerThreadsOf } from '../../bin/pool-size.mjs';

const ROOT = new URL('../../', import.meta.url).pathname;
const dir = mkdtempSync(join(tmpdir(), 'launch-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

// An entry point that reports how it was started and exits with a code of its own.
const ENTRY = join(dir, 'report.ts');
writeFileSync(ENTRY, 'const argv: string[] = process.argv.slice(2);\nconsole.log(JSON.stringify({ execArgv: process.execArgv, argv }));\nprocess.exit(3);\n');

interface Outcome { code: number; stdout: string; stderr: string }

function launch(args: string[], env: NodeJS.ProcessEnv = process.env): Promise<Outcome> {
  return new Promise((resolve) => {
    execFile(process.execPath, ['bin/launch.mjs', ...args], { cwd: ROOT, env }, (error, stdout, stderr) => {
      const code = error === null ? 0 : typeof error.code === 'number' ? error.code : -1;
      resolve({ code, stdout, stderr });
    });
  });
}

describe('poolSize', () => {
  it('is one thread fewer than the cores, at least 1 and at most 4', () => {
    expect([1, 2, 3, 4, 5, 8, 64].map((cores) => poolSize(cores))).toEqual([1, 1, 2, 3, 4, 4, 4]);
  });

  it('is one thread per worker when a command runs more workers than that, still at most 4', () => {
    expect(poolSize(2, 2)).toBe(2);
    expect(poolSize(2, 1)).toBe(1);
    expect(poolSize(4, 4)).toBe(4);
    expect(poolSize(8, 8)).toBe(4);
  });
});

describe('workerThreadsOf', () => {
  it('counts no workers for a plain sim run, the bench or an unknown entry', () => {
    expect(workerThreadsOf('src/cli/main.ts', ['scenarios/mixed.yaml', '--years', '10'], 2)).toBe(0);
    expect(workerThreadsOf('bench/main.ts', ['--quick'], 2)).toBe(0);
    expect(workerThreadsOf('/tmp/report.ts', ['--workers', '2'], 2)).toBe(0);
  });

  it('counts one worker per core for replicates, sweeps, claims and facts, unless --workers says', () => {
    expect(workerThreadsOf('src/cli/main.ts', ['scenarios/mixed.yaml', '--replicates', '4'], 2)).toBe(2);
    expect(workerThreadsOf('src/cli/main.ts', ['scenarios/mixed.yaml', '--replicates=4', '--workers', '1'], 2)).toBe(1);
    expect(workerThreadsOf('src/cli/claims-main.ts', ['scenarios/mixed.yaml'], 4)).toBe(4);
    expect(workerThreadsOf('src/cli/sweep-main.ts', ['s.yaml', '--workers=3'], 2)).toBe(3);
    expect(workerThreadsOf('src/cli/facts-main.ts', [], 2)).toBe(2);
  });
});

describe('bin/launch.mjs', () => {
  it('starts the entry with the pool sized to this machine, passes the arguments and returns its exit code', async () => {
    const outcome = await launch([ENTRY, 'scenarios/mixed.yaml', '--years', '10']);
    expect(outcome.code).toBe(3);
    const reported = JSON.parse(outcome.stdout) as { execArgv: string[]; argv: string[] };
    expect(reported.execArgv).toContain(`--v8-pool-size=${poolSize(availableParallelism())}`);
    expect(reported.argv).toEqual(['scenarios/mixed.yaml', '--years', '10']);
  });

  it('leaves the pool to a --v8-pool-size the user sets in NODE_OPTIONS', async () => {
    const outcome = await launch([ENTRY], { ...process.env, NODE_OPTIONS: '--v8-pool-size=3' });
    const reported = JSON.parse(outcome.stdout) as { execArgv: string[] };
    expect(reported.execArgv.some((arg) => arg.startsWith('--v8-pool-size'))).toBe(false);
  });

  it('without an entry point prints its usage and exits 2', async () => {
    const outcome = await launch([]);
    expect(outcome.code).toBe(2);
    expect(outcome.stderr).toMatch(/^usage: node bin\/launch\.mjs <entry\.ts>/);
  });
});
