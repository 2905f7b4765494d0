// The `claims` section of an ordinary run's summary (MODEL.md 7): each claim's measurements in
// this scenario, across its replicates. Comparisons between scenarios (the verdicts) need the
// claims command; a measurement whose reporters the scenario lacks says what it needs.
import type { Scenario } from '../scenarios/schema.ts';
import { CLAIMS } from '../model/claims/claim-definitions.ts';
import type { ClaimDefinition } from '../model/claims/claim.ts';
import { measureRun } from '../model/claims/judge-claims.ts';
import { claimWindow, runSeriesOf, type RunSeries } from '../model/claims/series-window.ts';
import type { ReplicateResult } from './replicate-run.ts';
import { measurement, type Measurement, type SummarySection } from './summary.ts';

/** One replicate's series as the claims read them. */
export function runSeriesOfResult(result: ReplicateResult, scenario: Scenario): RunSeries {
  const columns: Record<string, Float64Array> = {};
  result.reporters.forEach((r, i) => { columns[r.id] = result.columns[i]!; });
  return runSeriesOf(result.ticks, columns, scenario);
}

export function claimsSection(scenario: Scenario, claims: readonly ClaimDefinition[] = CLAIMS): SummarySection {
  return {
    key: 'claims',
    build: (metrics): Measurement[] => {
      const window = claimWindow(scenario.years);
      const perReplicate = metrics.replicates.map((r) => measureRun(runSeriesOfResult(r, scenario), window, claims));
      const first = perReplicate[0] ?? [];
      return first.map((measured, i) => {
        const { claim, measurement: m, missing } = measured;
        const values = perReplicate.map((run) => run[i]!.value);
        const info = {
          id: m.id, label: `claim ${claim.id}: ${m.label}`, unit: m.unit,
          description: `${claim.sentence}: ${claim.measures}`,
        };
        return {
          ...measurement(info, metrics.labels, values),
          ...(missing.length > 0 ? { note: `not measurable in this scenario: needs ${missing.join(', ')}` } : {}),
          detail: { claim: claim.id, sentence: claim.sentence, window: { fromYear: window.fromYear, toYear: window.toYear }, needs: m.needs, missing },
        };
      });
    },
  };
}
