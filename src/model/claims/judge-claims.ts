// From runs to verdicts (MODEL.md 7): each claim's measurements in one run, each test's effect
// per replicate from paired runs of its variants, and the verdicts. A measurement whose
// reporters the run lacks is not measurable, never a made-up number.
import type { RandomStream } from '../random.ts';
import type { ClaimDefinition, ClaimMeasurement, ClaimTest } from './claim.ts';
import type { RunSeries, YearWindow } from './series-window.ts';
import { bootstrapMeanInterval, verdictOf, type EffectSummary, type Verdict } from './verdict.ts';

export interface MeasuredValue {
  readonly claim: ClaimDefinition;
  readonly measurement: ClaimMeasurement;
  /** NaN when not measurable (see `missing`) or undefined in this run (an empty group, say). */
  readonly value: number;
  /** Reporter ids the run lacks. */
  readonly missing: readonly string[];
}

export function missingReporters(measurement: ClaimMeasurement, run: RunSeries): string[] {
  return measurement.needs.filter((id) => run.column(id) === undefined);
}

/** Every claim's measurements on one run. */
export function measureRun(run: RunSeries, window: YearWindow, claims: readonly ClaimDefinition[]): MeasuredValue[] {
  return claims.flatMap((claim) => claim.measurements.map((measurement) => {
    const missing = missingReporters(measurement, run);
    return { claim, measurement, missing, value: missing.length > 0 ? Number.NaN : measurement.measure(run, window) };
  }));
}

/** One replicate's runs of a claim's variants, by variant name (absent: the variant could not run). */
export type ReplicateRuns = ReadonlyMap<string, RunSeries>;

/** Why a test cannot be measured on these runs (variants that could not run, reporters missing), or undefined. */
export function whyNotMeasurable(
  claim: ClaimDefinition, test: ClaimTest, runs: ReplicateRuns, unavailableVariants: ReadonlyMap<string, string>,
): string | undefined {
  const reasons = new Set<string>();
  for (const { variant, measurement } of test.uses) {
    const why = unavailableVariants.get(variant);
    if (why !== undefined) {
      reasons.add(why);
      continue;
    }
    const run = runs.get(variant);
    const m = claim.measurements.find((candidate) => candidate.id === measurement);
    if (run === undefined || m === undefined) throw new Error(`claim ${claim.id}: test ${test.id} reads ${variant}/${measurement}, which is not defined`);
    for (const id of missingReporters(m, run)) reasons.add(`reporter ${id}`);
  }
  return reasons.size > 0 ? `needs ${[...reasons].join(', ')}` : undefined;
}

/** A test's effect in one replicate. */
export function effectOf(claim: ClaimDefinition, test: ClaimTest, runs: ReplicateRuns, window: YearWindow): number {
  const cache = new Map<string, number>();
  return test.effect((variant, measurement) => {
    const key = `${variant}\u0000${measurement}`;
    let value = cache.get(key);
    if (value === undefined) {
      const run = runs.get(variant);
      const m = claim.measurements.find((candidate) => candidate.id === measurement);
      if (run === undefined || m === undefined) throw new Error(`claim ${claim.id}: ${variant}/${measurement} is not available`);
      value = m.measure(run, window);
      cache.set(key, value);
    }
    return value;
  });
}

export type ClaimVerdict = Verdict | 'not measurable';

export interface TestJudgement {
  readonly test: ClaimTest;
  /** One effect per replicate (NaN where undefined), in replicate order. */
  readonly effects: readonly number[];
  readonly summary: EffectSummary | undefined;
  readonly verdict: ClaimVerdict;
  /** Why it is not measurable, when it is not. */
  readonly reason?: string;
}

/** Bootstrap interval and verdict from the replicates whose effect is a finite number. */
export function judgeTest(test: ClaimTest, effects: readonly number[], rng: RandomStream): TestJudgement {
  const finite = effects.filter((e) => Number.isFinite(e));
  if (finite.length < 2) {
    return {
      test, effects, summary: undefined, verdict: 'not measurable',
      reason: `the effect is a number in ${finite.length} of ${effects.length} replicates (at least 2 needed); in the others it is undefined (an empty group or a zero denominator: no bonds, no assets, no cooperatives)`,
    };
  }
  const summary = bootstrapMeanInterval(finite, rng);
  return { test, effects, summary, verdict: verdictOf(summary, test.direction, test.delta) };
}

/**
 * A claim holds when every one of its verdict tests does (MODEL.md 7 states each claim as a
 * conjunction): not supported if any is not supported, supported if all are, else
 * inconclusive; not measurable if any verdict test is not measurable.
 */
export function claimVerdictOf(judgements: readonly TestJudgement[]): ClaimVerdict {
  const verdicts = judgements.filter((j) => j.test.role === 'verdict').map((j) => j.verdict);
  if (verdicts.length === 0 || verdicts.includes('not measurable')) return 'not measurable';
  if (verdicts.includes('not supported')) return 'not supported';
  if (verdicts.every((v) => v === 'supported')) return 'supported';
  return 'inconclusive';
}
