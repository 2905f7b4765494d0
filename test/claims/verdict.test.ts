import { describe, expect, it } from 'vitest';
import { bootstrapMeanInterval, verdictOf } from '../../src/model/claims/verdict.ts';
import { RandomStreams } from '../../src/model/random.ts';

const rng = () => new RandomStreams('verdict-test').get('bootstrap');

describe('claim verdicts from paired replicates', () => {
  it('brackets the mean with a percentile bootstrap interval', () => {
    const effects = [0.1, 0.12, 0.08, 0.11, 0.09, 0.1, 0.13, 0.07];
    const summary = bootstrapMeanInterval(effects, rng());
    expect(summary.mean).toBeCloseTo(0.1, 12);
    expect(summary.low).toBeLessThan(0.1);
    expect(summary.high).toBeGreaterThan(0.1);
    // The interval is about +-1.96 standard errors: sd 0.0195 / sqrt(8) = 0.0069, so +-0.0135.
    expect(summary.high - summary.low).toBeGreaterThan(0.015);
    expect(summary.high - summary.low).toBeLessThan(0.04);
  });

  it('gives a zero-width interval when every replicate agrees', () => {
    const summary = bootstrapMeanInterval([0.3, 0.3, 0.3], rng());
    expect([summary.low, summary.high]).toEqual([0.3, 0.3]);
  });

  it('supports a claim only when the interval clears delta on the claimed side', () => {
    const make = (low: number, high: number) => ({ mean: (low + high) / 2, low, high, replicates: 30 });
    expect(verdictOf(make(0.05, 0.09), 1, 0.02)).toBe('supported');
    expect(verdictOf(make(0.01, 0.09), 1, 0.02)).toBe('inconclusive');
    expect(verdictOf(make(-0.09, -0.03), 1, 0.02)).toBe('not supported');
    expect(verdictOf(make(-0.01, 0.015), 1, 0.02)).toBe('not supported');
    expect(verdictOf(make(-0.09, -0.05), -1, 0.02)).toBe('supported');
    expect(verdictOf(make(0.03, 0.05), -1, 0.02)).toBe('not supported');
  });

  it('calls one replicate inconclusive', () => {
    expect(verdictOf({ mean: 1, low: 1, high: 1, replicates: 1 }, 1, 0)).toBe('inconclusive');
  });
});
