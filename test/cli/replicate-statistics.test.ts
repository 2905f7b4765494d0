import { describe, expect, it } from 'vitest';
import { acrossReplicates, tQuantile975 } from '../../src/cli/replicate-statistics.ts';

describe('statistics across replicates', () => {
  it('uses the published 97.5% quantiles of Student t', () => {
    // Values from standard t tables (e.g. NIST/SEMATECH e-Handbook, table 1.3.6.7.2).
    expect(tQuantile975(1)).toBeCloseTo(12.706, 3);
    expect(tQuantile975(10)).toBeCloseTo(2.228, 3);
    expect(tQuantile975(29)).toBeCloseTo(2.045, 3);
    expect(tQuantile975(40)).toBeCloseTo(2.021, 3);
    expect(tQuantile975(60)).toBeCloseTo(2.0, 3);
    expect(tQuantile975(120)).toBeCloseTo(1.980, 3);
    expect(tQuantile975(100_000)).toBeCloseTo(1.960, 3);
  });

  it('gives mean, sample sd and the t-interval of the mean', () => {
    // 2, 4, 4, 4, 5, 5, 7, 9: mean 5, squared deviations sum to 32, sample variance 32/7.
    const stats = acrossReplicates([2, 4, 4, 4, 5, 5, 7, 9]);
    expect(stats.mean).toBe(5);
    expect(stats.sd).toBeCloseTo(Math.sqrt(32 / 7), 12);
    const half = 2.365 * Math.sqrt(32 / 7) / Math.sqrt(8);
    expect(stats.ci95![0]).toBeCloseTo(5 - half, 10);
    expect(stats.ci95![1]).toBeCloseTo(5 + half, 10);
    expect([stats.min, stats.max, stats.n]).toEqual([2, 9, 8]);
  });

  it('reports no spread for a single replicate and leaves out missing values', () => {
    expect(acrossReplicates([3])).toMatchObject({ n: 1, mean: 3, sd: null, ci95: null });
    expect(acrossReplicates([1, Number.NaN, 3])).toMatchObject({ n: 2, missing: 1, mean: 2 });
    expect(acrossReplicates([])).toMatchObject({ n: 0, mean: null });
  });
});
