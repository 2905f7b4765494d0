// From runs to verdicts (MODEL.md 7): each claim's measurements in one run, each test's effect
// per replicate from paired runs of its variants, and the verdicts. A measurement whose
// reporters the run lacks is not measurable, never a made-up number.
import type { RandomStream, RandomStreams } from '../random.ts';
import type { ClaimDefinition, ClaimMeasurement, ClaimTest } from './claim.ts';
import type { RunSeries, YearWindow } from './series-window.ts';
import { summarise, verdictOf, type EffectSummary, type TestShape, type Verdict } from './verdict.ts';
import { holmAdjust } from './inference.ts';

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
  /** One effect per replicate (NaN where undefined or the run failed), in replicate order. */
  readonly effects: readonly number[];
  readonly summary: EffectSummary | undefined;
  readonly verdict: ClaimVerdict;
  /** Why it is not measurable, when it is not. */
  readonly reason?: string;
}

const shapeOf = (test: ClaimTest): TestShape => test;

/** Interval and uncorrected p from the replicates whose effect is a number; the verdict waits for Holm. */
export function summariseTest(test: ClaimTest, effects: readonly number[], rng: RandomStream): TestJudgement {
  const finite = effects.filter((e) => Number.isFinite(e));
  if (finite.length < 2) {
    return {
      test, effects, summary: undefined, verdict: 'not measurable',
      reason: `the effect is a number in ${finite.length} of ${effects.length} replicates (at least 2 needed); in the others it is undefined (an empty group or a zero denominator: no bonds, no assets, no cooperatives) or the run failed`,
    };
  }
  const summary = summarise(finite, shapeOf(test), rng);
  return { test, effects, summary, verdict: verdictOf(summary, shapeOf(test)) };
}

/** The family a test's error rate is controlled in: the claim's evidence, its checks, each repeat's variant. */
const familyOf = (test: ClaimTest) => (test.role === 'repeat' ? `repeat:${test.uses[0]?.variant ?? ''}` : test.role);

/**
 * MODEL.md 7 (v3): a claim with several tests controls its family-wise error by Holm's
 * step-down correction of the one-sided p-values, within each family (the evidence tests; the
 * checks of the rules; each repeat); the verdicts are then read from the adjusted p-values.
 */
export function withHolm(judgements: readonly TestJudgement[]): TestJudgement[] {
  const out = [...judgements];
  const families = new Map<string, number[]>();
  judgements.forEach((j, i) => {
    if (j.summary === undefined) return;
    const family = familyOf(j.test);
    families.set(family, [...(families.get(family) ?? []), i]);
  });
  for (const members of families.values()) {
    const adjusted = holmAdjust(members.map((i) => judgements[i]!.summary!.p));
    members.forEach((i, k) => {
      const j = judgements[i]!;
      const summary = { ...j.summary!, pAdjusted: adjusted[k]! };
      out[i] = { ...j, summary, verdict: verdictOf(summary, shapeOf(j.test)) };
    });
  }
  return out;
}

/** Kept for single tests: one test is its own family, so Holm changes nothing. */
export function judgeTest(test: ClaimTest, effects: readonly number[], rng: RandomStream): TestJudgement {
  return summariseTest(test, effects, rng);
}

const VERDICT_ORDER: readonly ClaimVerdict[] = ['not supported', 'not measurable', 'too few runs', 'inconclusive', 'supported'];

/**
 * A claim holds when every one of its evidence tests does (MODEL.md 7 states each claim as a
 * conjunction), read in Kleene's three-valued logic: one evidence test that fails makes the claim
 * fail whatever the others could not decide (false and unknown is false); otherwise the weakest
 * of the undecided verdicts, in the order not measurable, too few runs, inconclusive, and
 * supported only when every test is. Checks of the rules and repeats do not enter it.
 */
export function claimVerdictOf(judgements: readonly TestJudgement[]): ClaimVerdict {
  const verdicts = judgements.filter((j) => j.test.role === 'evidence').map((j) => j.verdict);
  if (verdicts.length === 0) return 'not measurable';
  return VERDICT_ORDER.find((v) => verdicts.includes(v)) ?? 'not measurable';
}

/** Which scenario each of a claim's variants runs as, and the tests blocked before running. */
export interface ClaimRunPlan {
  readonly claim: ClaimDefinition;
  /** Variant name (`base` included) -> index into the run list's scenarios. */
  readonly scenarioOf: ReadonlyMap<string, number>;
  /** Test id -> why it is not measurable, decided before anything runs. */
  readonly blocked: ReadonlyMap<string, string>;
}

export interface ClaimReport {
  readonly claim: ClaimDefinition;
  readonly verdict: ClaimVerdict;
  readonly tests: readonly TestJudgement[];
  /** Each measurement in each variant run, across replicates (NaN where the run failed). */
  readonly measurements: readonly { variant: string; id: string; label: string; unit: string; values: readonly number[] }[];
}

/**
 * Runs in, verdicts out (front-end neutral: the CLI and the page's worker pool both call it).
 * `series[s][k]`: scenario s, replicate k under the same key in every scenario (common random
 * numbers), undefined when that run failed; a replicate is usable for a test when every run
 * it reads exists. Each test's bootstrap draws from its own stream, `bootstrap:<test id>`.
 */
export function judgeClaims(
  plans: readonly ClaimRunPlan[], series: readonly (readonly (RunSeries | undefined)[])[], window: YearWindow, streams: RandomStreams,
): ClaimReport[] {
  const replicateCount = series[0]?.length ?? 0;
  return plans.map(({ claim, scenarioOf, blocked }) => {
    const runsOf = (k: number) => {
      const runs = new Map<string, RunSeries>();
      for (const [variant, s] of scenarioOf) {
        const run = series[s]?.[k];
        if (run !== undefined) runs.set(variant, run);
      }
      return runs;
    };
    const summaries = claim.tests.map((test): TestJudgement => {
      const reason = blocked.get(test.id);
      if (reason !== undefined) return { test, effects: [], summary: undefined, verdict: 'not measurable', reason };
      const effects = Array.from({ length: replicateCount }, (_, k) => {
        const runs = runsOf(k);
        return test.uses.every((u) => runs.has(u.variant)) ? effectOf(claim, test, runs, window) : Number.NaN;
      });
      return summariseTest(test, effects, streams.get(`bootstrap:${test.id}`));
    });
    const tests = withHolm(summaries);
    const measurements = [...scenarioOf].flatMap(([variant, s]) => {
      const runs = series[s] ?? [];
      const first = runs.find((r) => r !== undefined);
      if (first === undefined) return [];
      return claim.measurements
        .filter((m) => missingReporters(m, first).length === 0)
        .map((m) => ({ variant, id: m.id, label: m.label, unit: m.unit, values: runs.map((run) => (run === undefined ? Number.NaN : m.measure(run, window))) }));
    });
    return { claim, verdict: claimVerdictOf(tests), tests, measurements };
  });
}
