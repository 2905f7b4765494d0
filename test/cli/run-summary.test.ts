import { describe, expect, it } from 'vitest';
import { buildSummary, finalValuesSection, RunMetrics, type SummarySection } from '../../src/cli/summary.ts';
import { seriesCsv } from '../../src/cli/run-output.ts';
import type { ReplicateResult } from '../../src/cli/replicate-run.ts';
import type { Provenance } from '../../src/cli/provenance.ts';
import { progressLine } from '../../src/cli/progress-bar.ts';
import { formatValue, summaryTable } from '../../src/cli/summary-table.ts';
import { claimsTable } from '../../src/cli/claims-report.ts';
import { CLAIMS } from '../../src/model/claims/claim-definitions.ts';
import { judgeTest } from '../../src/model/claims/judge-claims.ts';
import { claimWindow } from '../../src/model/claims/series-window.ts';
import { RandomStreams } from '../../src/model/random.ts';

const reporters = [
  { id: 'wealth.gini', label: 'Gini of wealth', unit: 'ratio 0-1', description: 'Gini' },
  { id: 'wealth.mean', label: 'Mean wealth', unit: 'money units', description: 'mean' },
];

function replicate(key: string | undefined, gini: number[], mean: number[]): ReplicateResult {
  return {
    replicateKey: key, reporters, ticks: Float64Array.from([0, 12, 18]),
    columns: [Float64Array.from(gini), Float64Array.from(mean)], agentCount: 10, totalTicks: 18, wallMs: 5, threadId: 0,
  };
}

const provenance = { seed: 3, scenario: { name: 'test', kind: 'random-exchange', seed: 3, years: 1.5 } } as unknown as Provenance;

describe('run summary', () => {
  it('takes each reporter\'s last sample as its final value, per replicate and across them', () => {
    const metrics = new RunMetrics([replicate('r1', [0, 0.2, 0.4], [1, 1, 1]), replicate('r2', [0, 0.3, 0.6], [1, 1, 1])]);
    const summary = buildSummary(provenance, metrics);
    const gini = summary.sections.final!.find((m) => m.id === 'wealth.gini')!;
    expect(gini.perReplicate).toEqual({ r1: 0.4, r2: 0.6 });
    expect(gini.acrossReplicates.mean).toBeCloseTo(0.5, 12);
    expect(gini.acrossReplicates.sd).toBeCloseTo(Math.SQRT2 * 0.1, 12);
    expect(summary.replicates.map((r) => r.replicate)).toEqual(['r1', 'r2']);
  });

  it('adds a section of measurements under its own key without touching the others', () => {
    const metrics = new RunMetrics([replicate(undefined, [0, 0.2, 0.4], [1, 2, 3])]);
    const growth: SummarySection = {
      key: 'claims',
      build: (m) => [{
        id: 'mean.growth', label: 'growth', unit: 'money units', description: 'last minus first mean',
        perReplicate: { base: m.column(0, 'wealth.mean').at(-1)! - m.column(0, 'wealth.mean')[0]! },
        acrossReplicates: { n: 1, missing: 0, mean: 2, sd: null, ci95: null, min: 2, max: 2 },
        note: 'supported', detail: { sentence: 'the mean grows' },
      }],
    };
    const summary = buildSummary(provenance, metrics, [finalValuesSection, growth]);
    expect(Object.keys(summary.sections)).toEqual(['final', 'claims']);
    expect(summary.sections.final!.map((m) => m.id)).toEqual(['wealth.gini', 'wealth.mean']);
    expect(summary.sections.claims![0]!.perReplicate).toEqual({ base: 2 });
    expect(summaryTable(summary)).toMatch(/claims:\n  mean\.growth\s+2\s+money units  supported/);
  });

  it('writes one tidy row per replicate and sample, with the year beside the month', () => {
    const metrics = new RunMetrics([replicate('r1', [0, 0.2, 0.4], [1, 1, 1]), replicate('r2', [0, 0.3, Number.NaN], [1, 1, 1])]);
    const lines = seriesCsv(metrics, 'a,b').trim().split('\n');
    expect(lines[0]).toBe('replicate,seed,tick,year,wealth.gini,wealth.mean');
    expect(lines).toHaveLength(1 + 2 * 3);
    expect(lines[3]).toBe('r1,"a,b",18,1.5,0.4,1');
    expect(lines[6]).toBe('r2,"a,b",18,1.5,,1');
  });
});

describe('progress line', () => {
  it('shows months done of the total, the share, the agent-ticks rate and the time left', () => {
    const line = progressLine(300, 1200, 10_000, 2_000);
    expect(line).toContain('300/1200 ticks');
    expect(line).toContain('25.0%');
    expect(line).toContain('1.5M agent-ticks/s'); // 300 x 10,000 in 2 s
    expect(line).toContain('ETA 0:06'); // a quarter took 2 s, three quarters remain
  });
});

describe('figures within rounding of zero', () => {
  it('prints a claim\'s effect of 0, measured from its reference 0.8 and back, as 0 and not -1.110e-16', () => {
    const claim = CLAIMS.find((c) => c.id === 6)!;
    const test = claim.tests.find((t) => t.id === 'claim6.membersOnlyBonds.cleared')!;
    const judged = judgeTest(test, [0, 0, 0], new RandomStreams('figures').get('bootstrap'));
    // The summary carries the rounding (0.8 + mean(-0.8, -0.8, -0.8)); the table does not show it.
    expect(judged.summary!.mean).not.toBe(0);
    const table = claimsTable([{ claim, verdict: judged.verdict, tests: [judged], measurements: [] }], claimWindow(5));
    expect(table).toMatch(/claim6\.membersOnlyBonds\.cleared\s+repeat\s+0\s+\[0, 0\]\s+> 0\.8/);
    expect(table).not.toMatch(/e-1[0-9]/);
  });

  it('prints replicates that agree with an sd of 0, and keeps small values that are not rounding', () => {
    const metrics = new RunMetrics([replicate('r1', [0, 0.1, 0.1], [1, 1, 1e-9]), replicate('r2', [0, 0.1, 0.1], [1, 1, 3e-9]), replicate('r3', [0, 0.1, 0.1], [1, 1, 2e-9])]);
    const table = summaryTable(buildSummary(provenance, metrics));
    expect(table).toMatch(/wealth\.gini\s+0\.1\s+± 0\s+\[0\.1, 0\.1\]/);
    expect(table).toMatch(/wealth\.mean\s+2\.000e-9\s+± 1\.000e-9\s+\[-4\.84\de-10, 4\.48\de-9\]/);
    expect(formatValue(-1.1102230246251565e-16, 0.8)).toBe('0');
    expect(formatValue(-1.1102230246251565e-16)).toBe('-1.110e-16');
    expect(formatValue(1e-12, 0.8)).toBe('1.000e-12');
  });
});
