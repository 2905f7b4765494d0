// The claims command as a user meets it (a child process on a tiny economy), its pairing of
// replicates across variants, and the claims section of an ordinary run's summary.
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { claimsRunList, planClaims, replicateRequests } from '../../src/cli/claims-plan.ts';
import { isRunFailure, runReplicatesSettled } from '../../src/cli/replicate-pool.ts';
import { judgePlan } from '../../src/cli/claims-report.ts';
import { claimsSection } from '../../src/cli/claims-section.ts';
import { readScenarioInput } from '../../src/cli/scenario-input.ts';
import { RunMetrics } from '../../src/cli/summary.ts';
import type { ReplicateResult } from '../../src/cli/replicate-run.ts';
import { CLAIMS } from '../../src/model/claims/claim-definitions.ts';
import { claimWindow } from '../../src/model/claims/series-window.ts';

const ROOT = new URL('../../', import.meta.url).pathname;
const dir = mkdtempSync(join(tmpdir(), 'claims-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const TINY = `kind: economy
name: tiny economy
seed: 3
years: 3
persons: { count: 60, capitalistShare: 0.05, capitalistMinWealth: 200000 }
communes: { initialCount: 2, foundersEach: 3, foundingRatePerYear: 0, merges: true }
`;
const tinyFile = join(dir, 'tiny.yaml');
writeFileSync(tinyFile, TINY);

function claims(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, ['--import', 'tsx', 'src/cli/claims-main.ts', ...args], { cwd: ROOT }, (error, stdout, stderr) => {
      resolve({ code: error === null ? 0 : typeof error.code === 'number' ? error.code : -1, stdout, stderr });
    });
  });
}

describe('claims command', () => {
  it('announces its runs, judges every claim on a tiny scenario, writes claims.json and claims.csv, and exits 0', async () => {
    const out = join(dir, 'judged');
    const { code, stdout, stderr } = await claims(tinyFile, '--replicates', '2', '--out', out);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    expect(stdout).toContain('Claim 6: Bond-financed acquisition works');

    const report = JSON.parse(readFileSync(join(out, 'claims.json'), 'utf8'));
    // At least the base, merges off, half the capitalist wealth and members-only bonds; each run twice.
    const scenarios = report.runs.length;
    expect(scenarios).toBeGreaterThanOrEqual(4);
    expect(report.runs.map((r: { name: string }) => r.name)).toEqual(expect.arrayContaining(['base', 'claim5.mergesOff', 'claim6.membersOnlyBonds']));
    expect(stdout).toContain(`${scenarios} scenarios (base, `);
    expect(stdout).toContain(`x 2 replicates = ${2 * scenarios} runs of 3 years`);
    // The estimate, timed on these runs (all of them, so few), before the table and beside the run time after it.
    const estimate = /Time: estimate (\d+:\d\d) for the runs/.exec(stdout)?.[1];
    expect(estimate).toBeDefined();
    expect(stdout.indexOf('Time: estimate')).toBeLessThan(stdout.indexOf('Claim 1:'));
    expect(stdout).toMatch(new RegExp(`${2 * scenarios} runs in \\d+:\\d\\d \\(estimated ${estimate}\\)`));
    expect(report.format).toBe('commons-ledger-claims/2');
    expect(report.provenance.replicateKeys).toEqual(['r1', 'r2']);
    expect(report.provenance.scenario.name).toBe('tiny economy');
    expect(report.claims.map((c: { id: number }) => c.id)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    const verdicts = ['supported', 'not supported', 'inconclusive', 'not measurable', 'too few runs'];
    for (const claim of report.claims) {
      expect(verdicts).toContain(claim.verdict);
      for (const test of claim.tests) {
        if (test.verdict === 'not measurable') expect(test.reason).toMatch(/^(needs |the effect)/);
        else expect(test.effects).toHaveLength(2);
      }
    }
    const claim7 = report.claims.find((c: { id: number }) => c.id === 7);
    expect(claim7.tests[0].effects).toHaveLength(2);

    const rows = readFileSync(join(out, 'claims.csv'), 'utf8').trim().split('\n');
    expect(rows[0]).toBe('claim,test,role,replicate,effect,claimVerdict,testVerdict');
    const tests = report.claims.reduce((n: number, c: { tests: unknown[] }) => n + c.tests.length, 0);
    expect(rows.length - 1).toBe(tests * 2);
  });

  it('runs only the chosen claims\' variants with --only', async () => {
    const out = join(dir, 'only');
    const { code, stdout } = await claims(tinyFile, '--replicates', '2', '--only', '7', '--workers', '0', '--out', out);
    expect(code).toBe(0);
    expect(stdout).toMatch(/1 scenario \(base\) x 2 replicates = 2 runs/);
    const report = JSON.parse(readFileSync(join(out, 'claims.json'), 'utf8'));
    expect(report.claims.map((c: { id: number }) => c.id)).toEqual([7]);
  });

  it('with --robustness N judges the claims under N Latin hypercube draws and writes robustness.json and robustness.csv', async () => {
    const file = join(dir, 'uncertain.yaml');
    writeFileSync(file, `${TINY}uncertainty:\n  - { path: bonds.maxYield, low: 0.08, high: 0.25 }\n  - { path: communes.excessRent, values: [prepay, dividend] }\n`);
    const out = join(dir, 'robust');
    const { code, stdout } = await claims(file, '--replicates', '2', '--only', '7', '--robustness', '3', '--workers', '0', '--out', out);
    expect(code).toBe(0);
    expect(stdout).toMatch(/1 scenario \(base\) x 2 replicates x 4 parameter sets \(as given \+ 3 robustness draws\) = 8 runs/);
    expect(stdout).toMatch(/robustness: (ROBUST|FRAGILE) \(/);
    const robust = JSON.parse(readFileSync(join(out, 'robustness.json'), 'utf8'));
    expect(robust.format).toBe('commons-ledger-robustness/1');
    expect(robust.draws).toHaveLength(3);
    expect(robust.draws[0].values).toHaveProperty('bonds.maxYield');
    expect(robust.claims[0].claimId).toBe(7);
    expect(['robust', 'fragile']).toContain(robust.claims[0].label);
    expect(robust.claims[0].sensitivity.map((x: { path: string }) => x.path)).toEqual(['bonds.maxYield', 'communes.excessRent']);
    const rows = readFileSync(join(out, 'robustness.csv'), 'utf8').trim().split('\n');
    expect(rows[0]).toBe('draw,bonds.maxYield,communes.excessRent,claim,verdict');
    expect(rows).toHaveLength(1 + 3);
    // Reproducible: the same draws from the same seed.
    const again = join(dir, 'robust-again');
    await claims(file, '--replicates', '2', '--only', '7', '--robustness', '3', '--workers', '0', '--out', again, '-q');
    expect(JSON.parse(readFileSync(join(again, 'robustness.json'), 'utf8')).draws.map((d: { values: unknown }) => d.values))
      .toEqual(robust.draws.map((d: { values: unknown }) => d.values));
  });

  it('refuses --robustness on a scenario without an uncertainty block, naming the block', async () => {
    const { code, stderr } = await claims(tinyFile, '--robustness', '2', '--out', join(dir, 'no-block'));
    expect(code).toBe(2);
    expect(stderr).toMatch(/declares no uncertain parameters; add an uncertainty: block/);
  });

  it('exits 2 on a bad flag or a bad claim number, writing nothing', async () => {
    const out = join(dir, 'bad');
    for (const args of [['--replicates', '1'], ['--only', '9'], ['--frobnicate'], ['--robustness', '1']]) {
      const { code, stderr } = await claims(tinyFile, ...args, '--out', out);
      expect(code).toBe(2);
      expect(stderr).not.toBe('');
    }
    expect(existsSync(out)).toBe(false);
  });
});

describe('planning the runs: variants, switches and pairing', () => {
  it('gives replicate k of every variant the same key', () => {
    const base = readScenarioInput(tinyFile, {}, {});
    const ids = ['communes.merges', 'bonds.requestsMade', 'bonds.requestsCleared', 'bonds.clearingYield', 'bonds.marketReturn', 'bonds.commune.lossRate',
      'communes.ownedOutrightShare', 'communes.ownedOutrightCeiling', 'communes.interestShareOfRent', 'communes.failureHazard',
      'communes.dividendVariability', 'communes.meanSize'];
    const plan = planClaims(tinyFile, base, {}, {}, CLAIMS.filter((c) => c.id === 5 || c.id === 6), ids);
    expect(plan.scenarios.map((s) => s.name)).toEqual(['base', 'claim5.mergesOff', 'claim6.halfCapitalistWealth', 'claim6.membersOnlyBonds']);
    const requests = replicateRequests(plan, ['r1', 'r2', 'r3']);
    expect(requests.map((r) => r.replicateKey)).toEqual(['r1', 'r2', 'r3', 'r1', 'r2', 'r3', 'r1', 'r2', 'r3', 'r1', 'r2', 'r3']);
    // Merges on is the base itself: one set of runs serves both.
    expect(plan.claims[0]!.scenarioOf.get('mergesOn')).toBe(0);
    expect(requests[3]!.scenario).toMatchObject({ communes: { merges: false } });
    expect(requests[6]!.scenario).toMatchObject({ persons: { capitalistMinWealth: 100_000 } });
  });

  it('reports a variant whose switch the scenario schema lacks as needing that switch', () => {
    const base = readScenarioInput(tinyFile, {}, {});
    const claim = CLAIMS.find((c) => c.id === 4)!;
    const withUnknownSwitch = {
      ...claim,
      variants: claim.variants.map((v) => (v.name === 'spread0' ? { ...v, overrides: () => ({ 'cooperatives.noSuchSwitch': 0 }) } : v)),
    };
    const plan = planClaims(tinyFile, base, {}, {}, [withUnknownSwitch], ['cooperatives.theilBetweenShare']);
    const [judged] = plan.claims;
    expect(judged!.unavailable.get('spread0')).toMatch(/^scenario switch cooperatives\.noSuchSwitch \(.*unknown key "noSuchSwitch"/);
    expect(judged!.blocked.get('claim4.risesWithSpread')).toMatch(/^needs scenario switch cooperatives\.noSuchSwitch/);
    expect(judged!.blocked.has('claim4.keepsHalf')).toBe(false);
  });

  it('does not compare communes off with a base that has no communes', () => {
    const base = readScenarioInput(tinyFile, { 'communes.initialCount': 0 }, {});
    const plan = planClaims(tinyFile, base, { 'communes.initialCount': 0 }, {}, CLAIMS.filter((c) => c.id === 3),
      ['firms.propertyShareOfValueAdded', 'firms.wagePerSkill']);
    expect(plan.scenarios.map((s) => s.name)).toEqual(['base']);
    expect(plan.claims[0]!.blocked.get('claim3.wageFallsWithoutCommunes')).toMatch(/differs from "communes switched off"/);
  });

  it('refuses results whose replicates are not paired by key', () => {
    const base = readScenarioInput(tinyFile, {}, {});
    const plan = planClaims(tinyFile, base, {}, {}, CLAIMS.filter((c) => c.id === 5), ['communes.merges']);
    const result = (key: string): ReplicateResult => ({
      replicateKey: key, reporters: [], ticks: new Float64Array(0), columns: [], agentCount: 1, totalTicks: 1, wallMs: 0, threadId: 0,
    });
    expect(() => judgePlan(plan, [[result('r1'), result('r2')], [result('r2'), result('r1')]], claimWindow(3), 1)).toThrow(/paired/);
  });
});

describe('failed runs', () => {
  it('the pool returns a failed run in its place and runs the others (worker threads)', async () => {
    const base = readScenarioInput(tinyFile, { years: 1 }, {});
    const good = { scenario: base.scenario, scenarioData: base.data, replicateKey: 'r1', checkConservation: false };
    // A scenario the worker's schema refuses fails inside the worker, as a model fault would.
    const bad = { ...good, scenarioData: { ...(base.data as object), persons: { count: -1 } }, replicateKey: 'r2' };
    const results = await runReplicatesSettled([good, bad, { ...good, replicateKey: 'r3' }], 2);
    expect(results.map((r) => isRunFailure(r))).toEqual([false, true, false]);
    const failure = results[1]!;
    expect(isRunFailure(failure) && failure.replicateKey).toBe('r2');
    expect(isRunFailure(failure) && failure.message).toMatch(/count/);
  });

  it('judges from the runs that remain: a failed replicate is left out of every test that reads it', () => {
    const base = readScenarioInput(tinyFile, { years: 20 }, {});
    const plan = planClaims(tinyFile, base, { years: 20 }, {}, CLAIMS.filter((c) => c.id === 7),
      ['communes.assetShareByBookValue', 'communes.assetShareByNetEquity', 'communes.equity', 'capitalists.wealth']);
    const ticks = Float64Array.from({ length: 21 }, (_, y) => 12 * y);
    const ids = ['communes.assetShareByBookValue', 'communes.assetShareByNetEquity', 'communes.equity', 'capitalists.wealth'];
    const result = (key: string, slope: number): ReplicateResult => ({
      replicateKey: key, ticks, agentCount: 10, totalTicks: 240, wallMs: 1, threadId: 0,
      reporters: ids.map((id) => ({ id, label: '', unit: '', description: '' })),
      columns: ids.map(() => Float64Array.from(ticks, (t) => 0.02 + slope * (t / 12))),
    });
    const runs = Array.from({ length: 22 }, (_, k) => (k === 3 ? undefined : result(`r${k + 1}`, 0.01 + 0.0001 * k)));
    const [report] = judgePlan(plan, [runs], claimWindow(20), 1);
    const trend = report!.tests.find((t) => t.test.id === 'claim7.bookValueShareRises')!;
    expect(trend.effects[3]).toBeNaN();
    expect(trend.summary!.replicates).toBe(21);
    expect(trend.verdict).toBe('supported');
    // With three failed, 19 usable remain: too few runs.
    const [fewer] = judgePlan(plan, [runs.map((r, k) => (k < 3 ? undefined : r))], claimWindow(20), 1);
    expect(fewer!.verdict).toBe('too few runs');
  });
});

describe('the run list', () => {
  it('is one fixed order of parameter set, scenario and replicate, the same every time', () => {
    const base = readScenarioInput(tinyFile, {}, {});
    const plan = planClaims(tinyFile, base, {}, {}, CLAIMS.filter((c) => c.id === 5), ['communes.merges', 'communes.failureHazard', 'communes.dividendVariabilitySizeAdjusted']);
    const list = claimsRunList([plan, plan], ['r1', 'r2']);
    expect(list.map((r) => `${r.set}/${r.scenarioName}/${r.request.replicateKey}`)).toEqual([
      '0/base/r1', '0/base/r2', '0/claim5.mergesOff/r1', '0/claim5.mergesOff/r2',
      '1/base/r1', '1/base/r2', '1/claim5.mergesOff/r1', '1/claim5.mergesOff/r2',
    ]);
  });
});

describe('the claims section of a run summary', () => {
  it('measures what the scenario has and names what it lacks', () => {
    const ticks = Float64Array.from({ length: 21 }, (_, y) => 12 * y);
    const result = (key: string, slope: number): ReplicateResult => ({
      replicateKey: key, ticks, agentCount: 10, totalTicks: 240, wallMs: 1, threadId: 0,
      reporters: [{ id: 'communeClaims.holdersTop10', label: '', unit: '', description: '' }],
      columns: [Float64Array.from(ticks, (t) => 0.3 + slope * (t / 12))],
    });
    const scenario = readScenarioInput(tinyFile, { years: 20 }, {}).scenario;
    const section = claimsSection(scenario).build(new RunMetrics([result('r1', 0.001), result('r2', 0.003)]));
    const commune = section.find((m) => m.id === 'claim1.communeTop10Change')!;
    // 0.001 and 0.003 a year over years 10 to 20.
    expect(commune.perReplicate.r1).toBeCloseTo(0.01, 12);
    expect(commune.acrossReplicates.mean).toBeCloseTo(0.02, 12);
    expect(commune.note).toBeUndefined();
    const firm = section.find((m) => m.id === 'claim1.firmTop10Change')!;
    expect(firm.note).toBe('not measurable in this scenario: needs firmClaims.holdersTop10');
    expect(firm.perReplicate).toEqual({ r1: null, r2: null });
    expect(new Set(section.map((m) => (m.detail as { claim: number }).claim))).toEqual(new Set([1, 2, 3, 4, 5, 6, 7, 8]));
  });
});
