import { describe, expect, it } from 'vitest';
import {
  gini, herfindahl, logHistogram, lorenzAt, lorenzCurve, mean, median, quantile, sortedCopy,
  theilDecomposition, topShare,
} from '../../src/model/inequality.ts';

const of = (...values: number[]) => sortedCopy(values);

describe('inequality measures against hand-computed values', () => {
  it('Gini of 1,2,3,4 is 0.25 (mean absolute difference 1.25 over twice the mean 2.5)', () => {
    expect(gini(of(4, 2, 1, 3))).toBeCloseTo(0.25, 12);
  });

  it('Gini is 0 for equality and (n-1)/n when one holds everything', () => {
    expect(gini(of(5, 5, 5, 5))).toBe(0);
    expect(gini(of(0, 0, 0, 10))).toBeCloseTo(0.75, 12);
    expect(gini(of(0, 0, 0))).toBe(0);
  });

  it('top shares of 1,2,3,4: the richest quarter holds 4/10, the richest half 7/10', () => {
    const values = of(1, 2, 3, 4);
    expect(topShare(values, 0.25)).toBeCloseTo(0.4, 12);
    expect(topShare(values, 0.5)).toBeCloseTo(0.7, 12);
    // The top 10% of four persons is 0.4 of the richest one: 0.4 * 4 / 10.
    expect(topShare(values, 0.1)).toBeCloseTo(0.16, 12);
    expect(topShare(values, 1)).toBeCloseTo(1, 12);
  });

  it('the Lorenz curve of 1,2,3,4 passes through 0.1, 0.3, 0.6 and 1', () => {
    const curve = lorenzCurve(of(1, 2, 3, 4), 4);
    expect([...curve].map((x) => Number(x.toFixed(12)))).toEqual([0, 0.1, 0.3, 0.6, 1]);
    expect(lorenzAt(of(1, 2, 3, 4), 0.5)).toBeCloseTo(0.3, 12);
    expect(lorenzAt(of(1, 2, 3, 4), 0.125)).toBeCloseTo(0.05, 12);
  });

  it('Herfindahl of holdings 1,1,2 is 1/16 + 1/16 + 1/4', () => {
    expect(herfindahl([1, 1, 2])).toBeCloseTo(0.375, 12);
    expect(herfindahl([3, 3, 3])).toBeCloseTo(1 / 3, 12);
  });

  it('mean, median and quantiles', () => {
    expect(mean([1, 2, 3, 10])).toBe(4);
    expect(median(of(1, 2, 3, 10))).toBe(2.5);
    expect(median(of(7, 1, 3))).toBe(3);
    expect(quantile(of(1, 2, 3, 4, 5), 0.5)).toBe(3);
    expect(quantile(of(1, 2, 3, 4, 5), 0)).toBe(1);
    expect(quantile(of(1, 2, 3, 4, 5), 1)).toBe(5);
  });

  it('log-binned histogram: one bin per decade from 1 puts 1 and 5 in [1,10), 10 and 99 in [10,100]', () => {
    const histogram = logHistogram(of(0, 0.5, 1, 5, 10, 99), 1, 1);
    expect([...histogram.edges]).toEqual([1, 10, 100]);
    expect([...histogram.counts]).toEqual([2, 2]);
    expect(histogram.below).toBe(2);
  });

  it('log-binned histogram keeps every value in a bin or below the first edge', () => {
    const values = of(...Array.from({ length: 1000 }, (_, i) => (i * 37) % 5000));
    const histogram = logHistogram(values, 1, 5);
    const counted = histogram.counts.reduce((a, b) => a + b, 0) + histogram.below;
    expect(counted).toBe(1000);
  });

  it('Theil index of 1,1,2,2 is all between the groups {1,1} and {2,2}', () => {
    // T = 1/4 [2 (2/3) ln(2/3) + 2 (4/3) ln(4/3)] = 0.0566330...
    const expected = 0.25 * (2 * (2 / 3) * Math.log(2 / 3) + 2 * (4 / 3) * Math.log(4 / 3));
    const result = theilDecomposition([1, 1, 2, 2], [0, 0, 1, 1]);
    expect(result.total).toBeCloseTo(expected, 12);
    expect(result.between).toBeCloseTo(expected, 12);
    expect(result.within).toBeCloseTo(0, 12);
    const mixed = theilDecomposition([1, 2, 1, 2], [0, 0, 1, 1]);
    expect(mixed.between).toBeCloseTo(0, 12);
    expect(mixed.within).toBeCloseTo(expected, 12);
  });
});
