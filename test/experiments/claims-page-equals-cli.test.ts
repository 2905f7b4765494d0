// The Claims panel's path (plan over the page's scenario text, one pool job per run as each
// browser worker runs it, each claim judged as its runs come in) gives the CLI's claims.csv
// byte for byte and its claims.json claims and runs, for the same seed, size and replicates.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { claimsMain } from '../../src/cli/claims-main.ts';
import { CLAIMS } from '../../src/model/claims/claim-definitions.ts';
import { runJob } from '../../src/worker/ensemble-job.ts';
import { pageClaims } from '../../src/ui/claims/claims-jobs.ts';
import { ClaimsTally } from '../../src/ui/claims/claims-tally.ts';
import { claimsCsvText, claimsJsonText, robustnessTexts } from '../../src/ui/claims/claims-files.ts';
import { pageClaimsSets, SetsTally } from '../../src/ui/claims/claims-sets.ts';

const MIXED = fileURLToPath(new URL('../../scenarios/mixed.yaml', import.meta.url));
const SIZE = { 'persons.count': 150, years: 8 } as const;
const REPLICATES = 3;
const out = mkdtempSync(join(tmpdir(), 'claims-page-'));

afterAll(() => rmSync(out, { recursive: true, force: true }));

describe('the Claims panel and npm run claims', () => {
  it('give the same claims.csv and the same judged claims for the same seed, size and replicates', async () => {
    const code = await claimsMain([MIXED, '--replicates', String(REPLICATES), '--years', String(SIZE.years), '--set', `persons.count=${SIZE['persons.count']}`,
      '--workers', '0', '--quiet', '--out', out]);
    expect(code).toBe(0);

    const text = readFileSync(MIXED, 'utf8');
    const warmUp = runJob({ text, overrides: { 'persons.count': 100, years: 3 }, measure: 'series' });
    if (!warmUp.ok || warmUp.measure !== 'series') throw new Error('the warm-up run failed');
    const page = pageClaims(text, SIZE, CLAIMS, warmUp.result.reporters.map((r) => r.id), REPLICATES);
    if ('problem' in page) throw new Error(page.problem);
    const tally = new ClaimsTally(page);
    // Runs finish in any order in the page; the last one in completes the claims that read it.
    const order = page.jobs.map((_, i) => i).reverse();
    const judgedAlong: number[] = [];
    for (const i of order) judgedAlong.push(...tally.add(i, runJob(page.jobs[i]!)));
    expect(judgedAlong.sort((a, b) => a - b)).toEqual(CLAIMS.map((c) => c.id));
    expect(tally.failures).toEqual([]);

    expect(claimsCsvText(page, tally.allReports())).toBe(readFileSync(join(out, 'claims.csv'), 'utf8'));
    const cli = JSON.parse(readFileSync(join(out, 'claims.json'), 'utf8')) as Record<string, unknown>;
    const facts = { scenarioName: 'mixed.yaml', scenarioSha256: '', platform: 'node', date: new Date() };
    const fromPage = JSON.parse(claimsJsonText(page, tally.allReports(), tally.window, tally.failures, facts)) as Record<string, unknown>;
    for (const key of ['format', 'window', 'inference', 'runs', 'failedRuns', 'claims']) expect(fromPage[key]).toEqual(cli[key]);
    // Not a comparison of empty tables: every claim has a row per test and replicate, some with effects.
    const rows = readFileSync(join(out, 'claims.csv'), 'utf8').trim().split('\n').slice(1);
    expect(rows.length).toBe(CLAIMS.reduce((n, c) => n + c.tests.length, 0) * REPLICATES);
    const effects = rows.map((r) => r.split(',')[4]!).filter((cell) => cell !== '');
    expect(effects.length).toBeGreaterThan(10);
    expect(new Set(effects).size).toBeGreaterThan(5);
  }, 300_000);

  it('judge robustness draws alike: claims and robustness files equal for --robustness 2', async () => {
    const dir = join(out, 'robustness');
    const code = await claimsMain([MIXED, '--only', '3', '--robustness', '2', '--replicates', String(REPLICATES), '--years', String(SIZE.years),
      '--set', `persons.count=${SIZE['persons.count']}`, '--workers', '0', '--quiet', '--out', dir]);
    expect(code).toBe(0);
    const text = readFileSync(MIXED, 'utf8');
    const sets = pageClaimsSets(text, SIZE, CLAIMS.filter((c) => c.id === 3), ['firms.propertyShareOfValueAdded', 'firms.wagePerSkill'], REPLICATES, 2);
    if ('problem' in sets) throw new Error(sets.problem);
    expect(sets.judgedDraws.length).toBe(2);
    expect(sets.jobs.length).toBe(3 * 2 * REPLICATES);
    const tally = new SetsTally(sets);
    sets.jobs.forEach((job, i) => {
      expect(tally.robustness()).toBeUndefined();
      tally.add(i, runJob(job));
    });
    const robustness = tally.robustness()!;
    expect(robustness.map((r) => r.claimId)).toEqual([3]);
    const facts = { scenarioName: 'mixed.yaml', scenarioSha256: '', platform: 'node', date: new Date() };
    const files = robustnessTexts(tally, facts)!;
    expect(files.csv).toBe(readFileSync(join(dir, 'robustness.csv'), 'utf8'));
    expect(claimsCsvText(sets.given, tally.given.allReports())).toBe(readFileSync(join(dir, 'claims.csv'), 'utf8'));
    const cli = JSON.parse(readFileSync(join(dir, 'robustness.json'), 'utf8')) as Record<string, unknown>;
    const page = JSON.parse(files.json) as Record<string, unknown>;
    for (const key of ['format', 'method', 'parameters', 'draws', 'claims', 'failedRuns']) expect(page[key]).toEqual(cli[key]);
    const cliClaims = JSON.parse(readFileSync(join(dir, 'claims.json'), 'utf8')) as { claims: unknown };
    const pageClaimsJson = JSON.parse(claimsJsonText(sets.given, tally.given.allReports(), tally.given.window, tally.failures, facts, robustness, 2)) as { claims: unknown };
    expect(pageClaimsJson.claims).toEqual(cliClaims.claims);
  }, 300_000);

  it('names a failed run by its scenario and replicate, in the order of the runs', () => {
    const text = readFileSync(MIXED, 'utf8');
    const page = pageClaims(text, SIZE, CLAIMS.filter((c) => c.id === 3), ['firms.propertyShareOfValueAdded', 'firms.wagePerSkill'], 2);
    if ('problem' in page) throw new Error(page.problem);
    expect(page.plan.scenarios.map((s) => s.name)).toEqual(['base', 'claim3.communesOff']);
    const tally = new ClaimsTally(page);
    tally.add(3, { ok: false, message: 'worker died' });
    tally.add(1, { ok: false, message: 'ledger error' });
    expect(tally.failures).toEqual([
      { set: 0, scenario: 'base', replicateKey: 'r2', message: 'ledger error' },
      { set: 0, scenario: 'claim3.communesOff', replicateKey: 'r2', message: 'worker died' },
    ]);
    expect(tally.progress(3)).toEqual({ done: 2, total: 4 });
    expect(tally.complete(3)).toBe(false);
  });
});
