// The claims command's robustness files (MODEL.md 7 (v3)): robustness.json holds the uncertain
// parameters, every draw (its Latin hypercube coordinates, its values, each claim's verdict and
// each test's mean effect) and per claim the shares of verdicts, the label and the first-order
// sensitivity indices; robustness.csv has one row per draw and claim.
import type { ClaimReport } from '../model/claims/judge-claims.ts';
import { ROBUST_SHARE, type ClaimRobustness, type ParameterDraw, type UncertainParameter } from '../model/claims/robustness.ts';
import type { FailedRun } from './claims-report.ts';
import { cellOf, columnTypeOf, type Cell, type Table } from './table.ts';
import type { Provenance } from './provenance.ts';

export const ROBUSTNESS_FORMAT = 'commons-ledger-robustness/1';

const finiteOrNull = (v: number | undefined) => (v !== undefined && Number.isFinite(v) ? v : null);

/**
 * `allDraws`: every draw made; `draws`: those that ran (a valid scenario), with `drawReports`
 * in the same order. A draw with a failed run, or that never ran, is listed in failedDraws.
 */
export function robustnessJson(
  provenance: Provenance, parameters: readonly UncertainParameter[], allDraws: readonly ParameterDraw[], draws: readonly ParameterDraw[],
  drawReports: readonly (readonly ClaimReport[])[], robustness: readonly ClaimRobustness[], failures: readonly FailedRun[],
): Record<string, unknown> {
  const failedDraws = allDraws.flatMap((d) => {
    const own = failures.filter((f) => f.set === d.index + 1);
    if (own.length === 0) return [];
    const ran = draws.includes(d);
    return [{
      draw: d.index + 1, values: d.overrides, ran,
      why: ran ? `${own.length} run${own.length === 1 ? '' : 's'} failed; a claim left without a verdict by them is not counted in its shares` : own[0]!.message,
    }];
  });
  return {
    format: ROBUSTNESS_FORMAT,
    provenance,
    method: `Latin hypercube of ${allDraws.length} draws over the scenario's uncertainty block (stream "latin-hypercube" of the scenario's seed), every draw run under the same replicate keys (common random numbers); robust when at least ${ROBUST_SHARE * 100}% of the draws that gave the claim a verdict give one verdict (failed draws are counted apart, per claim in failedDraws); first-order index: correlation ratio by binning on each parameter's rank (Plischke 2010; Plischke, Borgonovo & Smith 2013)`,
    parameters,
    draws: draws.map((d, i) => ({
      draw: d.index + 1,
      coordinates: d.coordinates,
      values: d.overrides,
      claims: (drawReports[i] ?? []).map((r) => ({
        id: r.claim.id,
        verdict: r.verdict,
        tests: r.tests.map((t) => ({ id: t.test.id, role: t.test.role, verdict: t.verdict, mean: finiteOrNull(t.summary?.mean), ci95: [finiteOrNull(t.summary?.low), finiteOrNull(t.summary?.high)] })),
      })),
    })),
    claims: robustness,
    failedDraws,
    failedRuns: failures.filter((f) => f.set > 0),
  };
}

/** robustness.csv's table: one row per draw and claim, the draw's parameter values as columns. */
export function robustnessRows(
  parameters: readonly UncertainParameter[], draws: readonly ParameterDraw[], drawReports: readonly (readonly ClaimReport[])[],
): Table {
  const types = parameters.map((p) => columnTypeOf(draws.map((d) => d.overrides[p.path])));
  const rows: Cell[][] = [];
  draws.forEach((d, i) => {
    for (const r of drawReports[i] ?? []) {
      rows.push([d.index + 1, ...parameters.map((p, c) => cellOf(d.overrides[p.path], types[c]!)), r.claim.id, r.verdict]);
    }
  });
  return {
    columns: ['draw', ...parameters.map((p) => p.path), 'claim', 'verdict'],
    types: ['integer', ...types, 'integer', 'text'],
    rows,
  };
}
