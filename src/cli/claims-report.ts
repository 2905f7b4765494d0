// The claims command's results: each test's paired effects and verdict, each claim's verdict,
// as a table for stdout, claims.json (with provenance) and claims.csv (one row per claim, test
// and replicate).
import { RandomStreams } from '../model/random.ts';
import type { ClaimDefinition } from '../model/claims/claim.ts';
import {
  claimVerdictOf, effectOf, judgeTest, missingReporters, type ClaimVerdict, type TestJudgement,
} from '../model/claims/judge-claims.ts';
import type { RunSeries, YearWindow } from '../model/claims/series-window.ts';
import type { ClaimsPlan } from './claims-plan.ts';
import { runSeriesOfResult } from './claims-section.ts';
import type { Provenance } from './provenance.ts';
import type { ReplicateResult } from './replicate-run.ts';
import { acrossReplicates, type AcrossReplicates } from './replicate-statistics.ts';
import { formatValue } from './summary-table.ts';

export const CLAIMS_FORMAT = 'commons-ledger-claims/1';

export interface ClaimReport {
  readonly claim: ClaimDefinition;
  readonly verdict: ClaimVerdict;
  readonly tests: readonly TestJudgement[];
  /** Each measurement in each variant run, across replicates (variant, id, values). */
  readonly measurements: readonly { variant: string; id: string; label: string; unit: string; values: readonly number[] }[];
}

/**
 * `results[s][k]`: scenario s of the plan, replicate k (the same key in every scenario, so the
 * effects are paired). The bootstrap of each test draws from its own named stream.
 */
export function judgeClaims(
  plan: ClaimsPlan, results: readonly (readonly ReplicateResult[])[], window: YearWindow, seed: string | number,
): ClaimReport[] {
  const replicateCount = results[0]?.length ?? 0;
  for (const replicates of results) {
    // Paired effects need replicate k of every scenario to share its key (common random numbers).
    if (replicates.length !== replicateCount || replicates.some((r, k) => r.replicateKey !== results[0]![k]!.replicateKey)) {
      throw new Error('claims: the scenarios\' replicates are not paired by key');
    }
  }
  const streams = new RandomStreams(seed, 'claims');
  const series: RunSeries[][] = results.map((replicates, s) =>
    replicates.map((result) => runSeriesOfResult(result, plan.scenarios[s]!.input.scenario)));
  return plan.claims.map(({ claim, scenarioOf, blocked }) => {
    const runsOf = (k: number) => new Map([...scenarioOf].map(([variant, s]) => [variant, series[s]![k]!] as const));
    const tests = claim.tests.map((test): TestJudgement => {
      const reason = blocked.get(test.id);
      if (reason !== undefined) return { test, effects: [], summary: undefined, verdict: 'not measurable', reason };
      const effects = Array.from({ length: replicateCount }, (_, k) => effectOf(claim, test, runsOf(k), window));
      return judgeTest(test, effects, streams.get(`bootstrap:${test.id}`));
    });
    const measurements = [...scenarioOf].flatMap(([variant, s]) => claim.measurements
      .filter((m) => series[s]![0] !== undefined && missingReporters(m, series[s]![0]!).length === 0)
      .map((m) => ({ variant, id: m.id, label: m.label, unit: m.unit, values: series[s]!.map((run) => m.measure(run, window)) })));
    return { claim, verdict: claimVerdictOf(tests), tests, measurements };
  });
}

const finiteOrNull = (v: number) => (Number.isFinite(v) ? v : null);

export function claimsJson(
  provenance: Provenance, plan: ClaimsPlan, reports: readonly ClaimReport[], window: YearWindow,
): Record<string, unknown> {
  return {
    format: CLAIMS_FORMAT,
    provenance,
    window: { fromYear: window.fromYear, toYear: window.toYear, note: 'measurements are means over years fromYear+1 to toYear unless a test says otherwise' },
    runs: plan.scenarios.map((s) => ({ name: s.name, overrides: s.overrides, scenario: s.input.scenario })),
    claims: reports.map((r) => ({
      id: r.claim.id,
      sentence: r.claim.sentence,
      measures: r.claim.measures,
      verdict: r.verdict,
      tests: r.tests.map((j) => ({
        id: j.test.id, label: j.test.label, unit: j.test.unit, role: j.test.role,
        direction: j.test.direction, delta: j.test.delta, verdict: j.verdict,
        ...(j.reason === undefined ? {} : { reason: j.reason }),
        ...(j.summary === undefined ? {} : {
          mean: finiteOrNull(j.summary.mean), ci95: [finiteOrNull(j.summary.low), finiteOrNull(j.summary.high)], replicates: j.summary.replicates,
        }),
        effects: j.effects.map(finiteOrNull),
      })),
      measurements: r.measurements.map((m) => ({
        variant: m.variant, id: m.id, label: m.label, unit: m.unit,
        perReplicate: m.values.map(finiteOrNull), acrossReplicates: acrossReplicates(m.values) satisfies AcrossReplicates,
      })),
    })),
  };
}

const csvField = (value: string) => (/[",\n\r]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value);

export function claimsCsv(reports: readonly ClaimReport[], replicateKeys: readonly string[]): string {
  const lines = ['claim,test,role,replicate,effect,claimVerdict,testVerdict'];
  for (const r of reports) {
    for (const j of r.tests) {
      replicateKeys.forEach((key, k) => {
        const effect = j.effects[k];
        lines.push([String(r.claim.id), j.test.id, j.test.role, key, effect === undefined || !Number.isFinite(effect) ? '' : String(effect), r.verdict, j.verdict]
          .map(csvField).join(','));
      });
    }
  }
  return `${lines.join('\n')}\n`;
}

function align(rows: readonly string[][], indent: string): string[] {
  const widths: number[] = [];
  for (const row of rows) row.forEach((cell, i) => { widths[i] = Math.max(widths[i] ?? 0, cell.length); });
  return rows.map((row) => indent + row.map((cell, i) => (i === row.length - 1 ? cell : cell.padEnd(widths[i]!))).join('  ').trimEnd());
}

export function claimsTable(reports: readonly ClaimReport[], window: YearWindow): string {
  const lines = [`Claims (MODEL.md 7): effects per replicate pair, mean over years ${window.fromYear + 1}-${window.toYear}, 95% bootstrap interval`];
  for (const r of reports) {
    lines.push('', `Claim ${r.claim.id}: ${r.claim.sentence}`, `  verdict: ${r.verdict.toUpperCase()}`);
    const rows = [['test', 'effect mean', '95% interval', 'delta', 'verdict', 'replicates']];
    for (const j of r.tests) {
      const role = j.test.role === 'repeat' ? ' (repeat)' : '';
      if (j.summary === undefined) {
        rows.push([`${j.test.id}${role}`, 'n/a', '', String(j.test.delta), 'not measurable', '0']);
        continue;
      }
      const { mean, low, high, replicates } = j.summary;
      rows.push([`${j.test.id}${role}`, formatValue(mean), `[${formatValue(low)}, ${formatValue(high)}]`, String(j.test.delta), j.verdict, String(replicates)]);
    }
    lines.push(...align(rows, '  '));
    for (const j of r.tests) {
      lines.push(`    ${j.test.id}: ${j.test.label} [${j.test.unit}]${j.reason === undefined ? '' : `; not measurable: ${j.reason}`}`);
    }
  }
  return lines.join('\n');
}
