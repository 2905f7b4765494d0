// The organisation tables an economy run writes: organisations.csv (one row per organisation)
// and survival.csv (the Kaplan-Meier curves), as tables and through the sim command.
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { RunMetrics } from '../../src/cli/summary.ts';
import type { ReplicateResult } from '../../src/cli/replicate-run.ts';
import { organisationsTable, survivalTable, SURVIVAL_COLUMNS } from '../../src/cli/survival-output.ts';
import { tableCsv, tableJson } from '../../src/cli/table.ts';
import { EXIT_ABSORBED, EXIT_FAILED, EXIT_NONE, FIRM_LINE_LANDLORD, ORG_COMMUNE, ORG_FIRM } from '../../src/model/economy/organisation-table.ts';

const ROOT = new URL('../../', import.meta.url).pathname;
const dir = mkdtempSync(join(tmpdir(), 'survival-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function replicate(key: string | undefined): ReplicateResult {
  return {
    replicateKey: key, reporters: [], ticks: new Float64Array(0), columns: [], agentCount: 10, totalTicks: 60, wallMs: 1, threadId: 0,
    // Observed at month 60: a commune failed at age 2, one alive at age 5 (size 30 at one),
    // a landlord firm taken over at age 1.5 (size 2 at one).
    organisations: {
      tick: 60,
      kind: Uint8Array.from([ORG_COMMUNE, ORG_COMMUNE, ORG_FIRM]),
      line: Uint8Array.from([0, 0, FIRM_LINE_LANDLORD]),
      foundedTick: Int32Array.from([0, 0, 12]),
      endedTick: Int32Array.from([24, -1, 30]),
      exit: Uint8Array.from([EXIT_FAILED, EXIT_NONE, EXIT_ABSORBED]),
      sizeAtOneYear: Int32Array.from([-1, 30, 2]),
      sizeAtEnd: Int32Array.from([1, 41, 3]),
    },
  };
}

describe('organisation tables', () => {
  const metrics = new RunMetrics([replicate('r1'), replicate('r2')]);

  it('lists every organisation with its line (firms only), founding, end, exit and size at one year', () => {
    const csv = tableCsv(organisationsTable(metrics, 7)).trim().split('\n');
    expect(csv[0]).toBe('replicate,seed,organisation,kind,line,foundedYear,endedYear,ageYears,exit,sizeAtOneYear,sizeClassAtOneYear,sizeAtEnd');
    expect(csv.slice(1, 4)).toEqual([
      'r1,7,0,commune,,0,2,2,failed,,,1',
      'r1,7,1,commune,,0,,5,alive,30,20-99,41',
      'r1,7,2,firm,landlord,1,2.5,1.5,absorbed,2,2-4,3',
    ]);
    expect(csv.length).toBe(7);
    const json = JSON.parse(tableJson(organisationsTable(metrics, 7))) as Record<string, unknown>[];
    expect(json[0]).toMatchObject({ replicate: 'r1', seed: 7, line: null, endedYear: 2, sizeAtOneYear: null, sizeClassAtOneYear: null, sizeAtEnd: 1 });
    expect(json[2]).toMatchObject({ kind: 'firm', line: 'landlord' });
  });

  it('writes each curve as one row per age, with the numbers at risk, events and censored', () => {
    const table = survivalTable(metrics, 7);
    expect(table.columns).toEqual(SURVIVAL_COLUMNS);
    const rows = tableCsv(table).trim().split('\n').slice(1).filter((line) => line.startsWith('r1,'));
    // Communes, all, failures: start, the failure at 2 (1 of 2), the living one censored at 5.
    expect(rows.filter((line) => line.includes(',commune,all,failure,'))).toEqual([
      'r1,7,commune,all,failure,0,2,0,0,1,0',
      `r1,7,commune,all,failure,2,2,1,0,0.5,${0.5 * Math.sqrt(1 / 2)}`,
      `r1,7,commune,all,failure,5,1,0,1,0.5,${0.5 * Math.sqrt(1 / 2)}`,
    ]);
    // The firm taken over is censored for failures and an event for any exit.
    expect(rows.filter((line) => line.includes(',firm,all,'))).toEqual([
      'r1,7,firm,all,failure,0,1,0,0,1,0',
      'r1,7,firm,all,failure,1.5,1,0,1,1,0',
      'r1,7,firm,all,any-exit,0,1,0,0,1,0',
      'r1,7,firm,all,any-exit,1.5,1,1,0,0,',
    ]);
    // By size at one year, from age one.
    expect(rows.filter((line) => line.includes(',commune,20-99,failure,'))).toEqual([
      'r1,7,commune,20-99,failure,1,1,0,0,1,0',
      'r1,7,commune,20-99,failure,5,1,0,1,1,0',
    ]);
  });
});

describe('sim command on an economy', () => {
  it('writes organisations.csv and survival.csv beside series.csv', async () => {
    const file = join(dir, 'economy.yaml');
    writeFileSync(file, [
      'kind: economy', 'name: small economy', 'seed: 3', 'years: 3',
      'persons: { count: 300, capitalistShare: 0.02 }',
      'communes: { initialCount: 2, foundersEach: 4 }',
      'firms: { enabled: true, initialCount: 2 }',
      'cooperatives: { initialCount: 2, foundersEach: 3 }', '',
    ].join('\n'));
    const out = join(dir, 'run');
    const code = await new Promise<number>((resolve) => {
      execFile(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', file, '--out', out, '--quiet'], { cwd: ROOT },
        (error) => resolve(error === null ? 0 : typeof error.code === 'number' ? error.code : -1));
    });
    expect(code).toBe(0);
    const organisations = readFileSync(join(out, 'organisations.csv'), 'utf8').trim().split('\n');
    expect(organisations.length).toBeGreaterThan(6);
    expect(organisations.slice(1).every((line) => line.startsWith('base,3,'))).toBe(true);
    // Column 5 is the line: a firm's producer or landlord, empty for the other kinds.
    const lines = organisations.slice(1).map((row) => row.split(',').slice(3, 5).join(' '));
    expect(lines.every((l) => /^(firm (producer|landlord)|commune |cooperative )$/.test(l))).toBe(true);
    const survival = readFileSync(join(out, 'survival.csv'), 'utf8').trim().split('\n');
    expect(survival[0]).toBe(SURVIVAL_COLUMNS.join(','));
    for (const kind of ['commune', 'firm', 'cooperative']) expect(survival.some((line) => line.startsWith(`base,3,${kind},all,failure,0,`))).toBe(true);
  });
});
