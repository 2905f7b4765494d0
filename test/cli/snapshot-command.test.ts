// `npm run sim -- FILE --snapshot-at T` and `--resume FILE` as a user meets them (issue 18 part
// 5): a resumed run writes the files of the run that never stopped, byte for byte; `--set` on a
// resume is a what-if branch; a bad snapshot file exits 2 with a message naming it.
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const ROOT = new URL('../../', import.meta.url).pathname;
const dir = mkdtempSync(join(tmpdir(), 'snapshot-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

interface Outcome { code: number; stdout: string; stderr: string }

function sim(...args: string[]): Promise<Outcome> {
  return new Promise((resolve) => {
    execFile(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', ...args], { cwd: ROOT }, (error, stdout, stderr) => {
      resolve({ code: error === null ? 0 : typeof error.code === 'number' ? error.code : -1, stdout, stderr });
    });
  });
}

const SIZE = ['--set', 'persons.count=300', '--years', '8', '-q'];
const read = (...path: string[]) => readFileSync(join(dir, ...path), 'utf8');
/** summary.json less what differs between any two runs (date, command line, input file and hash, wall time). */
const finalValues = (path: string) => {
  const summary = JSON.parse(read(path, 'summary.json'), (key, value: unknown) => (key === 'wallSeconds' ? undefined : value)) as Record<string, unknown>;
  const { provenance: _provenance, ...rest } = summary;
  return rest;
};

describe('snapshot and resume on the command line', () => {
  it('resumes a snapshot taken mid-year to the files of the run that never stopped', async () => {
    const full = await sim('scenarios/mixed.yaml', ...SIZE, '--out', join(dir, 'full'));
    expect(full.code).toBe(0);
    const paused = await sim('scenarios/mixed.yaml', ...SIZE, '--snapshot-at', '40m', '--snapshot-out', join(dir, 'm40.json'), '--out', join(dir, 'paused'));
    expect(paused.stderr).toBe('');
    expect(paused.code).toBe(0);
    // Taking a snapshot changes nothing in the run itself.
    expect(read('paused', 'series.csv')).toBe(read('full', 'series.csv'));
    const resumed = await sim('--resume', join(dir, 'm40.json'), '-q', '--out', join(dir, 'resumed'));
    expect(resumed.stderr).toBe('');
    expect(resumed.code).toBe(0);
    for (const file of ['series.csv', 'organisations.csv', 'survival.csv']) expect(read('resumed', file)).toBe(read('full', file));
    expect(finalValues('resumed')).toEqual(finalValues('full'));
  });

  it('writes the snapshot into the output folder when no --snapshot-out is given, at a year given in years', async () => {
    const { code } = await sim('scenarios/communes-only.yaml', ...SIZE, '--snapshot-at', '3', '--out', join(dir, 'in-folder'));
    expect(code).toBe(0);
    expect(readdirSync(join(dir, 'in-folder'))).toContain('snapshot-month-36.json');
  });

  it('continues a branch with --set on a policy parameter, and refuses a parameter fixed at the start', async () => {
    const branch = await sim('--resume', join(dir, 'm40.json'), '-q', '--set', 'communes.excessRent=dividend', '--out', join(dir, 'branch'));
    expect(branch.stderr).toBe('');
    expect(branch.code).toBe(0);
    expect(read('branch', 'series.csv')).not.toBe(read('full', 'series.csv'));
    const fixed = await sim('--resume', join(dir, 'm40.json'), '-q', '--set', 'persons.count=900', '--out', join(dir, 'never'));
    expect(fixed.code).toBe(2);
    expect(fixed.stderr).toMatch(/persons\.count: cannot change in the middle of a run.*a branch may change: communes\.excessRent/);
  });

  it('exits 2 with a clear message for a file that is not a snapshot, a damaged one, and a missing one', async () => {
    const notJson = join(dir, 'not.json');
    writeFileSync(notJson, 'kind: economy\n');
    const a = await sim('--resume', notJson, '-q');
    expect(a.code).toBe(2);
    expect(a.stderr).toContain(`${notJson}: not a snapshot file (not JSON`);
    const damaged = join(dir, 'damaged.json');
    const snapshot = JSON.parse(read('m40.json')) as { engine: { state: { persons: { skill: { bytes: string } } } } };
    snapshot.engine.state.persons.skill.bytes = snapshot.engine.state.persons.skill.bytes.slice(0, 20);
    writeFileSync(damaged, JSON.stringify(snapshot));
    const b = await sim('--resume', damaged, '-q');
    expect(b.code).toBe(2);
    expect(b.stderr).toMatch(/damaged\.json: \$\.state\.persons\.skill/);
    const c = await sim('--resume', join(dir, 'nowhere.json'), '-q');
    expect(c.code).toBe(2);
    expect(c.stderr).toContain('cannot read the snapshot: no such file');
  });

  it('refuses flags that would change a resumed run, and a snapshot month past the end', async () => {
    const withFile = await sim('scenarios/mixed.yaml', '--resume', join(dir, 'm40.json'));
    expect(withFile.code).toBe(2);
    expect(withFile.stderr).toContain('--resume takes the scenario from the snapshot');
    const seed = await sim('--resume', join(dir, 'm40.json'), '--seed', '4');
    expect(seed.code).toBe(2);
    const late = await sim('scenarios/mixed.yaml', ...SIZE, '--snapshot-at', '9');
    expect(late.code).toBe(2);
    expect(late.stderr).toContain('--snapshot-at: month 108 is past the run\'s end (month 96)');
    const bad = await sim('scenarios/mixed.yaml', '--snapshot-at', 'soon');
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('--snapshot-at: got "soon"');
  });
});
