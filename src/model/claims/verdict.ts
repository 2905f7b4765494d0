// MODEL.md 7 and 7 (v3): a test's verdict from paired replicates. The claimed side is
// `direction x (effect - reference) > delta`. Supported when the one-sided p-value of "not
// beyond delta on the claimed side", after Holm's correction across the claim's tests, is at
// most 0.025 (the 95% two-sided interval clears delta when uncorrected); not supported when the
// 95% interval lies on the other side of the reference or inside +-delta of it; otherwise
// inconclusive. Fewer than MIN_USABLE_REPLICATES usable replicates give "too few runs".
import type { RandomStream } from '../random.ts';
import { bcaBootstrap, binomialUpperP, clopperPearson, CONFIDENCE, STUDENT_T_FROM, studentT, type IntervalMethod } from './inference.ts';

export type Verdict = 'supported' | 'not supported' | 'inconclusive' | 'too few runs';

/** MODEL.md 7 (v3): fewer usable replicates give "too few runs", not a verdict. */
export const MIN_USABLE_REPLICATES = 20;
/** One tail of the two-sided 95% interval: the level each one-sided p is held to. */
export const ONE_SIDED_ALPHA = (1 - CONFIDENCE) / 2;

export interface EffectSummary {
  /** Mean effect (binary tests: the share of runs in which it happened). */
  readonly mean: number;
  /** 95% two-sided interval in the effect's units. */
  readonly low: number;
  readonly high: number;
  readonly replicates: number;
  readonly method: IntervalMethod;
  /** One-sided p of "not beyond delta on the claimed side", before and after Holm. */
  readonly p: number;
  readonly pAdjusted: number;
}

export interface TestShape {
  readonly direction: 1 | -1;
  readonly delta: number;
  /** The value the effect is compared with (0 for differences; 0.8 for "at least 80%"). */
  readonly reference: number;
  /** `binary`: the effect is 1 or 0 per replicate (an event happened or not). */
  readonly binary: boolean;
}

/** Interval and uncorrected p of the effects with a number (NaN left out by the caller). */
export function summarise(effects: readonly number[], shape: TestShape, rng: RandomStream): EffectSummary {
  const n = effects.length;
  const { direction, delta, reference } = shape;
  if (shape.binary) {
    if (direction !== 1) throw new Error('a binary test claims a share at least its reference');
    const k = effects.filter((e) => e > 0).length;
    const { low, high } = clopperPearson(k, n);
    const p = binomialUpperP(k, n, Math.min(1, reference + delta));
    return { mean: k / n, low, high, replicates: n, method: 'clopper-pearson', p, pAdjusted: p };
  }
  // Oriented: the claimed side positive, measured from the reference.
  const oriented = effects.map((e) => direction * (e - reference));
  const s = n >= STUDENT_T_FROM ? studentT(oriented, delta) : bcaBootstrap(oriented, delta, rng);
  const back = (o: number) => reference + direction * o;
  const [low, high] = direction === 1 ? [back(s.low), back(s.high)] : [back(s.high), back(s.low)];
  return { mean: back(s.estimate), low, high, replicates: n, method: s.method, p: s.p, pAdjusted: s.p };
}

export function verdictOf(summary: EffectSummary, shape: TestShape): Verdict {
  if (summary.replicates < MIN_USABLE_REPLICATES) return 'too few runs';
  const { direction, delta, reference } = shape;
  const a = direction * (summary.low - reference);
  const b = direction * (summary.high - reference);
  const low = Math.min(a, b);
  const high = Math.max(a, b);
  if (summary.pAdjusted <= ONE_SIDED_ALPHA && low >= delta) return 'supported';
  if (high <= 0 || (low >= -delta && high <= delta)) return 'not supported';
  return 'inconclusive';
}
