import { describe, expect, it } from 'vitest';
import { leastSquares } from '../../src/model/claims/least-squares.ts';
import {
  claimWindow, firstYearAtLeast, valueAtYear, windowChange, windowMean, windowTrend,
} from '../../src/model/claims/series-window.ts';

/** Yearly samples at months 0, 12, ..., 12 years. */
const yearly = (years: number) => Float64Array.from({ length: years + 1 }, (_, y) => 12 * y);

describe('reading a run over years 11 to the end', () => {
  it('recovers slope and intercept of a known line exactly', () => {
    const xs = [1, 2, 3, 4, 5];
    const fit = leastSquares(xs, xs.map((x) => 3 - 0.5 * x));
    expect(fit.slope).toBeCloseTo(-0.5, 12);
    expect(fit.intercept).toBeCloseTo(3, 12);
  });

  it('has no slope through fewer than two points or a constant x', () => {
    expect(leastSquares([1], [2]).slope).toBeNaN();
    expect(leastSquares([2, 2, 2], [1, 2, 3]).slope).toBeNaN();
  });

  it('judges years 11 to the end, and the second half of a run of ten years or fewer', () => {
    expect(claimWindow(50)).toEqual({ fromYear: 10, toYear: 50 });
    expect(claimWindow(11)).toEqual({ fromYear: 10, toYear: 11 });
    expect(claimWindow(6)).toEqual({ fromYear: 3, toYear: 6 });
  });

  it('averages only the samples after year 10, leaving out missing values', () => {
    const ticks = yearly(14);
    // Year y has value y; year 13 is missing: the mean of 11, 12 and 14.
    const values = Float64Array.from(ticks, (t) => (t === 156 ? Number.NaN : t / 12));
    expect(windowMean(ticks, values, claimWindow(14))).toBeCloseTo((11 + 12 + 14) / 3, 12);
  });

  it('measures change from the year-10 sample to the last one', () => {
    const ticks = yearly(20);
    const rising = Float64Array.from(ticks, (t) => 0.3 + 0.01 * (t / 12));
    expect(valueAtYear(ticks, rising, 10)).toBeCloseTo(0.4, 12);
    expect(windowChange(ticks, rising, claimWindow(20))).toBeCloseTo(0.1, 12);
    expect(windowChange(ticks, new Float64Array(ticks.length).fill(0.3), claimWindow(20))).toBe(0);
  });

  it('measures a trend per year from samples taken every month', () => {
    const ticks = Float64Array.from({ length: 241 }, (_, m) => m);
    const share = Float64Array.from(ticks, (m) => 0.1 + 0.02 * (m / 12));
    expect(windowTrend(ticks, share, claimWindow(20))).toBeCloseTo(0.02, 10);
  });

  it('finds the first year one series reaches another, or none', () => {
    const ticks = yearly(5);
    expect(firstYearAtLeast(ticks, [0, 1, 2, 3, 4, 5], [3, 3, 3, 3, 3, 3])).toBe(3);
    expect(firstYearAtLeast(ticks, [0, 1, 2, 3, 4, 5], [9, 9, 9, 9, 9, 9])).toBeNaN();
  });
});
