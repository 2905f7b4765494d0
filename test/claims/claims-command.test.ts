// The claims command as a user meets it (a child process on a tiny economy), its pairing of
// replicates across variants, and the claims section of an ordinary run's summary.
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { planClaims, replicateRequests } from '../../src/cli/claims-plan.ts';
import { judgeClaims } from '../../src/cli/claims-report.ts';
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
    expect(report.format).toBe('commons-ledger-claims/1');
    expect(report.provenance.replicateKeys).toEqual(['r1', 'r2']);
    expect(report.provenance.scenario.name).toBe('tiny economy');
    expect(report.claims.map((c: { id: number }) => c.id)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    const verdicts = ['supported', 'not supported', 'inconclusive', 'not measurable'];
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

  it('exits 2 on a bad flag or a bad claim number, writing nothing', async () => {
    const out = join(dir, 'bad');
    for (const args of [['--replicates', '1'], ['--only', '9'], ['--frobnicate']]) {
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
    const ids = ['communes.merges', 'bonds.requestsMade', 'bonds.requestsCleared', 'bonds.losses', 'bonds.outstanding',
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
    expect(() => judgeClaims(plan, [[result('r1'), result('r2')], [result('r2'), result('r1')]], claimWindow(3), 1)).toThrow(/paired/);
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
