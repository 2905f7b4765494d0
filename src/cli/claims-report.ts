// The claims command's results: each test's paired effects, interval and verdict, each claim's
// verdict (and, with --robustness, its label across parameter draws), as a table for stdout,
// claims.json (with provenance) and claims.csv (one row per claim, test and replicate).
import { RandomStreams } from '../model/random.ts';
import { judgeClaims, type ClaimReport } from '../model/claims/judge-claims.ts';
import type { RunSeries, YearWindow } from '../model/claims/series-window.ts';
import type { ClaimRobustness } from '../model/claims/robustness.ts';
import type { ClaimsPlan } from '../scenarios/claims-plan.ts';
import { runSeriesOfResult } from './claims-section.ts';
import type { Provenance } from './provenance.ts';
import type { ReplicateResult } from './replicate-run.ts';
import { acrossReplicates, type AcrossReplicates } from './replicate-statistics.ts';
import { formatValue, scaleOf } from './summary-table.ts';
import { type Cell, type Table } from './table.ts';

export const CLAIMS_FORMAT = 'commons-ledger-claims/2';

export type { ClaimReport };

/** A run that failed: which scenario, which replicate, why. */
export interface FailedRun {
  /** 0: the scenario as given; d: robustness draw d. */
  readonly set: number;
  readonly scenario: string;
  readonly replicateKey: string;
  readonly message: string;
}

/**
 * `results[s][k]`: scenario s of the plan, replicate k (the same key in every scenario, so the
 * effects are paired), undefined where the run failed. The bootstrap of each test draws from
 * its own named stream of `streamsName` (the verdicts as given use `claims`).
 */
export function judgePlan(
  plan: ClaimsPlan, results: readonly (readonly (ReplicateResult | undefined)[])[], window: YearWindow,
  seed: string | number, streamsName = 'claims',
): ClaimReport[] {
  const count = results[0]?.length ?? 0;
  for (let k = 0; k < count; k++) {
    // Paired effects need replicate k of every scenario to share its key (common random numbers).
    const keys = new Set(results.map((replicates) => (replicates.length === count ? replicates[k]?.replicateKey : 'unpaired')).filter((key) => key !== undefined));
    if (keys.size > 1 || results.some((replicates) => replicates.length !== count)) throw new Error('claims: the scenarios\' replicates are not paired by key');
  }
  const series: (RunSeries | undefined)[][] = results.map((replicates, s) =>
    replicates.map((result) => (result === undefined ? undefined : runSeriesOfResult(result, plan.scenarios[s]!.input.scenario))));
  return judgeClaims(plan.claims, series, window, new RandomStreams(seed, streamsName));
}

const finiteOrNull = (v: number) => (Number.isFinite(v) ? v : null);

const ROLE_WORDS = { evidence: 'evidence', 'by-design': 'check of the rules (by design)', repeat: 'repeat (beside the verdict)' } as const;

export function claimsJson(
  provenance: Provenance, plan: ClaimsPlan, reports: readonly ClaimReport[], window: YearWindow,
  failures: readonly FailedRun[], robustness: readonly ClaimRobustness[] | undefined,
): Record<string, unknown> {
  return {
    format: CLAIMS_FORMAT,
    provenance,
    window: { fromYear: window.fromYear, toYear: window.toYear, note: 'measurements are means over years fromYear+1 to toYear unless a test says otherwise' },
    inference: 'binary tests: exact Clopper-Pearson; means: BCa bootstrap below 30 replicates, Student t from 30; 95% two-sided intervals; one-sided p of "not beyond delta on the claimed side", Holm-adjusted within each claim\'s evidence, its checks, and each repeat; fewer than 20 usable replicates: too few runs',
    runs: plan.scenarios.map((s) => ({ name: s.name, overrides: s.overrides, scenario: s.input.scenario })),
    failedRuns: failures,
    claims: reports.map((r) => {
      const robust = robustness?.find((x) => x.claimId === r.claim.id);
      return {
        id: r.claim.id,
        sentence: r.claim.sentence,
        measures: r.claim.measures,
        verdict: r.verdict,
        ...(robust === undefined ? {} : { robustness: robust }),
        tests: r.tests.map((j) => ({
          id: j.test.id, label: j.test.label, unit: j.test.unit, role: j.test.role,
          ...(j.test.byDesignBecause === undefined ? {} : { byDesignBecause: j.test.byDesignBecause }),
          direction: j.test.direction, reference: j.test.reference, delta: j.test.delta, binary: j.test.binary, verdict: j.verdict,
          ...(j.reason === undefined ? {} : { reason: j.reason }),
          ...(j.summary === undefined ? {} : {
            mean: finiteOrNull(j.summary.mean), ci95: [finiteOrNull(j.summary.low), finiteOrNull(j.summary.high)],
            method: j.summary.method, p: finiteOrNull(j.summary.p), pHolm: finiteOrNull(j.summary.pAdjusted), replicates: j.summary.replicates,
          }),
          effects: j.effects.map(finiteOrNull),
        })),
        measurements: r.measurements.map((m) => ({
          variant: m.variant, id: m.id, label: m.label, unit: m.unit,
          perReplicate: m.values.map(finiteOrNull), acrossReplicates: acrossReplicates(m.values) satisfies AcrossReplicates,
        })),
      };
    }),
  };
}

/** claims.csv's table: one row per claim, test and replicate; a missing or infinite effect is empty. */
export function claimsRows(reports: readonly ClaimReport[], replicateKeys: readonly string[]): Table {
  const rows: Cell[][] = [];
  for (const r of reports) {
    for (const j of r.tests) {
      replicateKeys.forEach((key, k) => {
        const effect = j.effects[k];
        rows.push([r.claim.id, j.test.id, j.test.role, key, effect !== undefined && Number.isFinite(effect) ? effect : null, r.verdict, j.verdict]);
      });
    }
  }
  return {
    columns: ['claim', 'test', 'role', 'replicate', 'effect', 'claimVerdict', 'testVerdict'],
    types: ['integer', 'text', 'text', 'text', 'real', 'text', 'text'],
    rows,
  };
}


function align(rows: readonly string[][], indent: string): string[] {
  const widths: number[] = [];
  for (const row of rows) row.forEach((cell, i) => { widths[i] = Math.max(widths[i] ?? 0, cell.length); });
  return rows.map((row) => indent + row.map((cell, i) => (i === row.length - 1 ? cell : cell.padEnd(widths[i]!))).join('  ').trimEnd());
}

const claimedSide = (direction: 1 | -1, reference: number, delta: number) =>
  `${direction === 1 ? '>' : '<'} ${formatValue(reference + direction * delta)}`;

function robustnessLine(robust: ClaimRobustness | undefined): string | undefined {
  if (robust === undefined) return undefined;
  const shares = Object.entries(robust.shares).map(([v, s]) => `${v} ${Math.round(100 * s!)}%`).join(', ');
  const mover = robust.mostInfluential === undefined ? 'none (no index defined)'
    : `${robust.mostInfluential} (first-order index ${formatValue(robust.sensitivity.find((x) => x.path === robust.mostInfluential)!.index)} on the ${robust.on.startsWith('verdict') ? 'verdict' : robust.on}; ${formatValue(robust.noiseFloor)} by chance)`;
  const failed = robust.failedDraws > 0 ? `; ${robust.failedDraws} failed draw${robust.failedDraws === 1 ? '' : 's'} left out` : '';
  return `  robustness: ${robust.label.toUpperCase()} (${shares} of ${robust.judgedDraws} draw${robust.judgedDraws === 1 ? '' : 's'}${failed}); moved most by ${mover}`;
}

export function claimsTable(
  reports: readonly ClaimReport[], window: YearWindow, robustness?: readonly ClaimRobustness[],
): string {
  const lines = [
    `Claims (MODEL.md 7 (v3)): effects per replicate pair, mean over years ${window.fromYear + 1}-${window.toYear} unless a test says otherwise;`
    + ' 95% two-sided intervals (binary: exact Clopper-Pearson; means: BCa bootstrap under 30 replicates, Student t from 30);'
    + ' p one-sided, Holm-adjusted within each claim\'s evidence; under 20 usable replicates: too few runs.',
  ];
  for (const r of reports) {
    lines.push('', `Claim ${r.claim.id}: ${r.claim.sentence}`, `  verdict: ${r.verdict.toUpperCase()}`);
    const robust = robustnessLine(robustness?.find((x) => x.claimId === r.claim.id));
    if (robust !== undefined) lines.push(robust);
    const rows = [['test', 'kind', 'effect', '95% interval', 'claimed', 'p (Holm)', 'verdict', 'n']];
    for (const j of r.tests) {
      const kind = j.test.role === 'by-design' ? 'by design' : j.test.role;
      const claimed = claimedSide(j.test.direction, j.test.reference, j.test.delta);
      if (j.summary === undefined) {
        rows.push([j.test.id, kind, 'n/a', '', claimed, '', j.verdict, '0']);
        continue;
      }
      const { mean, low, high, replicates, pAdjusted } = j.summary;
      // Effects are measured from the reference and back: rounding is judged at its scale too.
      const scale = scaleOf(mean, low, high, j.test.reference, j.test.reference + j.test.direction * j.test.delta);
      rows.push([j.test.id, kind, formatValue(mean, scale), `[${formatValue(low, scale)}, ${formatValue(high, scale)}]`, claimed,
        Number.isFinite(pAdjusted) ? pAdjusted.toPrecision(2) : '', j.verdict, String(replicates)]);
    }
    lines.push(...align(rows, '  '));
    for (const j of r.tests) {
      const why = j.test.byDesignBecause === undefined ? '' : `; a check of the rules, not evidence: ${j.test.byDesignBecause}`;
      lines.push(`    ${j.test.id} (${ROLE_WORDS[j.test.role]}): ${j.test.label} [${j.test.unit}]${why}${j.reason === undefined ? '' : `; not measurable: ${j.reason}`}`);
    }
  }
  return lines.join('\n');
}
