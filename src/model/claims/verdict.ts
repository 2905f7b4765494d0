// MODEL.md section 7: a claim's verdict from paired replicates. The effect of each replicate
// (one seed run under the scenarios the claim compares) is averaged; a 95% bootstrap interval
// of that mean decides: supported when it lies on the claimed side by at least `delta`, not
// supported when it lies on the other side or inside +-delta, otherwise inconclusive.
import type { RandomStream } from '../random.ts';

export type Verdict = 'supported' | 'not supported' | 'inconclusive';

export interface EffectSummary {
  readonly mean: number;
  readonly low: number;
  readonly high: number;
  readonly replicates: number;
}

/** Percentile bootstrap interval of the mean (`resamples` draws from the given stream). */
export function bootstrapMeanInterval(
  effects: readonly number[], rng: RandomStream, level = 0.95, resamples = 2000,
): EffectSummary {
  const n = effects.length;
  if (n === 0) return { mean: Number.NaN, low: Number.NaN, high: Number.NaN, replicates: 0 };
  const mean = effects.reduce((a, b) => a + b, 0) / n;
  const means = new Float64Array(resamples);
  for (let b = 0; b < resamples; b++) {
    let sum = 0;
    for (let i = 0; i < n; i++) sum += effects[rng.int(n)]!;
    means[b] = sum / n;
  }
  means.sort();
  const tail = (1 - level) / 2;
  const at = (p: number) => means[Math.min(resamples - 1, Math.max(0, Math.round(p * (resamples - 1))))]!;
  return { mean, low: at(tail), high: at(1 - tail), replicates: n };
}

/**
 * `direction` +1 when the claim says the effect is positive, -1 when negative. The interval
 * must clear `delta` on the claimed side to support the claim.
 */
export function verdictOf(summary: EffectSummary, direction: 1 | -1, delta: number): Verdict {
  if (!(summary.replicates > 1) || Number.isNaN(summary.low)) return 'inconclusive';
  const low = direction === 1 ? summary.low : -summary.high;
  const high = direction === 1 ? summary.high : -summary.low;
  if (low >= delta) return 'supported';
  if (high <= 0 || (low >= -delta && high <= delta)) return 'not supported';
  return 'inconclusive';
}
