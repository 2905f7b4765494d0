// The command line's bad inputs (issue 16): flags, special files, unwritable outputs, folder
// names and interruptions. Each is exit 2 with a message naming the flag or file, and nothing
// written, or a correct run. Flag and file rules are checked in-process; a handful of real
// child processes check the exit codes, the signals and what is left on disk.
import { execFile, spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parseCommandLine, UsageError } from '../../src/cli/arguments.ts';
import { parseSweepAxis } from '../../src/scenarios/sweep.ts';
import { InputError, readScenarioInput } from '../../src/cli/scenario-input.ts';
import { overridesPart, RunOutput, runDirectory, seedPart } from '../../src/cli/run-output.ts';

const ROOT = new URL('../../', import.meta.url).pathname;
const dir = mkdtempSync(join(tmpdir(), 'bad-input-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

interface Outcome { code: number | null; signal: string | null; stdout: string; stderr: string }

function sim(...args: string[]): Promise<Outcome> {
  return new Promise((resolve) => {
    execFile(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', ...args], { cwd: ROOT, timeout: 60_000 }, (error, stdout, stderr) => {
      const code = error === null ? 0 : typeof error.code === 'number' ? error.code : null;
      resolve({ code, signal: error?.signal ?? null, stdout, stderr });
    });
  });
}

function usageError(argv: string[]): string {
  try {
    parseCommandLine(argv);
  } catch (error) {
    expect(error).toBeInstanceOf(UsageError);
    return (error as Error).message;
  }
  throw new Error(`expected a usage error for ${argv.join(' ')}`);
}

function inputError(file: string, overrides: Record<string, unknown> = {}, flags: Record<string, string> = {}): string {
  try {
    readScenarioInput(file, overrides, flags);
  } catch (error) {
    expect(error).toBeInstanceOf(InputError);
    return (error as Error).message;
  }
  throw new Error(`expected an input error for ${file}`);
}

const SCENARIO = join(ROOT, 'scenarios/random-exchange.yaml');

describe('flags', () => {
  it.each([
    [['--years', '-3'], { years: -3 }],
    [['--years', '-.5'], { years: -0.5 }],
  ])('reads a negative value %j as the value, for validation to range-check', (flags, overrides) => {
    expect(parseCommandLine(['x.yaml', ...flags]).overrides).toEqual(overrides);
  });

  it('range-checks a negative seed by its flag, as the seed reader reads every seed (seed-text.ts)', () => {
    expect(usageError(['x.yaml', '--seed', '-1'])).toMatch(/^--seed: seed: got -1; allowed: a whole number from 0 to 9007199254740991 or text/);
  });

  it('range-checks negative counts of replicates and workers by their flag', () => {
    expect(usageError(['x.yaml', '--replicates', '-2'])).toBe('--replicates: got "-2"; allowed: a whole number from 1 to 10000');
    expect(usageError(['x.yaml', '--workers', '-1'])).toBe('--workers: got "-1"; allowed: a whole number from 0 to 256');
  });

  it('refuses a number too large for a double by its flag, as written', () => {
    expect(usageError(['x.yaml', '--seed', '1e400'])).toMatch(/^--seed: seed: got 1e400; allowed: a whole number from 0/);
    expect(usageError(['x.yaml', '--set', 'amount=-1e999'])).toContain('--set amount: got "-1e999"');
  });

  it('reads numbers in decimal notation only: 0x10 stays text and is refused by the field', () => {
    expect(parseCommandLine(['x.yaml', '--years', '0x10']).overrides).toEqual({ years: '0x10' });
    expect(inputError(SCENARIO, { years: '0x10' }, { years: '--years' })).toBe('--years: years: got "0x10"; allowed: a number greater than 0 and at most 1000 (years)');
  });

  it('refuses override paths through a prototype, in --set and --vary', () => {
    expect(usageError(['x.yaml', '--set', '__proto__.polluted=1'])).toMatch(/^--set __proto__\.polluted: "__proto__" is not a scenario field/);
    expect(usageError(['x.yaml', '--set', 'persons.__proto__.count=5'])).toContain('"__proto__" is not a scenario field');
    expect(() => parseSweepAxis('__proto__.x=1,2')).toThrow('sweep "__proto__.x=1,2": "__proto__" is not a scenario field');
    expect(() => parseSweepAxis('constructor=1,2')).toThrow(/"constructor" is not a scenario field/);
    expect(() => parseSweepAxis('a.prototype.b=0:1:0.5')).toThrow(/"prototype" is not a scenario field/);
  });

  it('names a seed too large once', () => {
    const message = inputError(SCENARIO, { seed: 99999999999999999999 }, { seed: '--seed' });
    expect(message.split('\n')).toHaveLength(1);
    expect(message).toMatch(/^--seed: seed: got 100000000000000000000; allowed: a whole number from 0/);
  });
});

describe('files that are not scenario files', () => {
  it('refuses a device and a named pipe before reading them (reading would never end)', () => {
    expect(inputError('/dev/zero')).toBe('/dev/zero: cannot read the scenario: it is a device; give a YAML or JSON file');
    const fifo = join(dir, 'pipe.yaml');
    execFile('mkfifo', [fifo]);
    return new Promise<void>((resolve) => setTimeout(resolve, 300)).then(() => {
      expect(inputError(fifo)).toContain('it is a named pipe (FIFO)');
    });
  });

  it('refuses a directory and a file too large to be a scenario', () => {
    expect(inputError(dir)).toContain('it is a directory');
    const big = join(dir, 'big.yaml');
    writeFileSync(big, Buffer.alloc(4_100_000, 0x20));
    expect(inputError(big)).toContain('a scenario is at most 4,000,000');
  });
});

describe('output folders', () => {
  it('refuses an output the file system will not create, before running', () => {
    expect(() => new RunOutput('/proc/x')).toThrow('--out: cannot write /proc/x: the file system there does not allow new folders');
    expect(() => new RunOutput('/proc/x/y/z')).toThrow(InputError);
    const file = join(dir, 'a-file');
    writeFileSync(file, '');
    expect(() => new RunOutput(join(file, 'out'))).toThrow(/a part of the path is a file, not a directory/);
  });

  it('leaves nothing behind when checked and never written (bad input found later, or a run that fails)', () => {
    const out = new RunOutput(join(dir, 'nested', 'out'));
    out.discard();
    expect(readdirSync(join(dir, 'nested'))).toEqual([]);
  });

  it('name the overrides by a short hash, so --set never overwrites the plain run', () => {
    expect(overridesPart({})).toEqual([]);
    expect(overridesPart({ seed: 3 })).toEqual([]);
    const tax = overridesPart({ tax: 0.02 });
    expect(tax[0]).toMatch(/^set-[0-9a-f]{8}$/);
    expect(overridesPart({ tax: 0.03 })).not.toEqual(tax);
    expect(overridesPart({ tax: 0.02, seed: 9 })).toEqual(tax);
    expect(overridesPart({ a: 1, b: 2 })).toEqual(overridesPart({ b: 2, a: 1 }));
    expect(runDirectory('scenarios/yard-sale.yaml', ['seed1', ...tax])).toBe(`runs/yard-sale-seed1-${tax[0]}`);
  });

  it('name seeds losslessly: different seeds never share a folder', () => {
    expect(seedPart(42)).toBe('seed42');
    expect(seedPart('spring-2026')).toBe('seedspring-2026');
    const odd = ['a/b', 'a_b', 'a b', 'a:b', '../x', '.x', '5', 'x'.repeat(100), `${'x'.repeat(100)}y`];
    const parts = odd.map(seedPart);
    expect(new Set(parts).size).toBe(odd.length);
    for (const part of parts) expect(part).toMatch(/^seed[A-Za-z0-9._~-]+$/);
    expect(seedPart('5')).not.toBe(seedPart(5));
  });
});

describe('the sim command, as a user meets it', () => {
  const small = join(dir, 'small.yaml');
  writeFileSync(small, 'kind: yard-sale\nagents: 60\nyears: 1\nseed: 5\n');

  it('exits 2 on /dev/zero, --out /proc/x, a negative --years, a prototype path and a seed with a fraction, and writes nothing', async () => {
    const out = join(dir, 'never');
    const fraction = join(dir, 'fraction.yaml');
    writeFileSync(fraction, 'kind: yard-sale\nagents: 60\nyears: 1\nseed: 12345678901234567890.5\n');
    const outcomes = await Promise.all([
      sim('/dev/zero', '--out', out),
      sim(small, '--out', '/proc/x'),
      sim(small, '--years', '-3', '--out', out),
      sim(small, '--set', '__proto__.polluted=1', '--out', out),
      sim(small, '--seed', '12345678901234567890.5', '--out', out),
      sim(fraction, '--out', out),
    ]);
    expect(outcomes.map((o) => o.code)).toEqual([2, 2, 2, 2, 2, 2]);
    expect(outcomes[0]!.stderr).toContain('it is a device');
    expect(outcomes[1]!.stderr).toContain('--out: cannot write /proc/x');
    expect(outcomes[2]!.stderr).toContain('--years: years: got -3; allowed: a number greater than 0');
    expect(outcomes[3]!.stderr).toContain('"__proto__" is not a scenario field');
    expect(outcomes[4]!.stderr).toContain('--seed: seed: got 12345678901234567890.5; allowed: a whole number from 0 to 9007199254740991 or text of 1 to 200 characters');
    expect(outcomes[5]!.stderr).toContain(`${fraction}:4:7: seed: got 12345678901234567890.5; allowed: a whole number from 0 to 9007199254740991`);
    for (const outcome of outcomes) expect(outcome.stderr).not.toMatch(/internal error|    at /);
    expect(existsSync(out)).toBe(false);
  }, 120_000);

  it.each(['SIGINT', 'SIGTERM'] as const)('leaves no partial folder when stopped by %s mid-run', async (signal) => {
    const long = join(dir, `long-${signal}.yaml`);
    // About a minute on a quiet two-core machine: 20,000 agents (5.7 s, start-up included, at
    // b7a1c54) could end before the signal, and the test then saw a finished run.
    writeFileSync(long, 'kind: yard-sale\nagents: 200000\nyears: 1000\nseed: 5\n');
    const parent = join(dir, `stopped-${signal}`);
    mkdirSync(parent);
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', long, '--quiet', '--out', join(parent, 'out')], { cwd: ROOT, stdio: 'ignore' });
    const ended = new Promise<{ code: number | null; signal: string | null }>((resolve) => child.on('exit', (code, sig) => resolve({ code, signal: sig })));
    // Stopped once it is running (tsx start-up takes a few seconds on a loaded machine).
    await new Promise((resolve) => setTimeout(resolve, 6_000));
    child.kill(signal);
    const { code, signal: by } = await ended;
    expect(code === 0).toBe(false);
    expect(by ?? code).toBeTruthy();
    expect(readdirSync(parent)).toEqual([]);
  }, 60_000);
});
