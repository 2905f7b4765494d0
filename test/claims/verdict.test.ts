// MODEL.md 7 (v3), "Inference": intervals against values known from the literature or from
// closed forms, and the verdict rule on them.
import { describe, expect, it } from 'vitest';
import { bcaBootstrap, binomialUpperP, clopperPearson, holmAdjust, studentT } from '../../src/model/claims/inference.ts';
import { MIN_USABLE_REPLICATES, summarise, verdictOf, type TestShape } from '../../src/model/claims/verdict.ts';
import { RandomStreams } from '../../src/model/random.ts';

const rng = () => new RandomStreams('verdict-test').get('bootstrap');
const share = (reference: number): TestShape => ({ direction: 1, delta: 0, reference, binary: true });
const rises = (delta: number): TestShape => ({ direction: 1, delta, reference: 0, binary: false });

describe('exact Clopper-Pearson intervals (two-sided 95%, 2.5% in each tail)', () => {
  it('gives 10 of 10 the bounds (0.025)^(1/10) = 0.6915 and 1; the one-sided 95% bound 0.05^(1/10) = 0.7411 at level 0.90', () => {
    const { low, high } = clopperPearson(10, 10);
    expect(low).toBeCloseTo(0.025 ** 0.1, 9);
    expect(low).toBeCloseTo(0.6915, 4);
    expect(high).toBe(1);
    expect(clopperPearson(10, 10, 0.9).low).toBeCloseTo(0.7411, 4);
  });

  it('matches tabulated intervals: 0 of 10 is [0, 0.3085], 5 of 10 is [0.1871, 0.8129], 16 of 20 is [0.5634, 0.9427]', () => {
    expect(clopperPearson(0, 10).high).toBeCloseTo(1 - 0.025 ** 0.1, 4);
    const half = clopperPearson(5, 10);
    expect(half.low).toBeCloseTo(0.1871, 4);
    expect(half.high).toBeCloseTo(0.8129, 4);
    const sixteen = clopperPearson(16, 20);
    expect(sixteen.low).toBeCloseTo(0.5634, 4);
    expect(sixteen.high).toBeCloseTo(0.9427, 4);
  });

  it('gives the exact one-sided binomial p: 10 of 10 at 0.8 is 0.8^10', () => {
    expect(binomialUpperP(10, 10, 0.8)).toBeCloseTo(0.8 ** 10, 12);
    expect(binomialUpperP(0, 10, 0.8)).toBe(1);
  });

  it('does not support "at least 80% of runs" from 10 of 10 (too few runs) nor from 20 of 20 (lower bound 0.832 > 0.8: supported only then)', () => {
    const ten = summarise(new Array(10).fill(1), share(0.8), rng());
    expect(ten.low).toBeLessThan(0.8);
    expect(verdictOf(ten, share(0.8))).toBe('too few runs');
    const twenty = summarise(new Array(20).fill(1), share(0.8), rng());
    expect(twenty.low).toBeCloseTo(0.025 ** (1 / 20), 9);
    expect(verdictOf(twenty, share(0.8))).toBe('supported');
    // 18 of 20: bound 0.683, so no support for 80%, yet no refutation (upper 0.988 > 0.8).
    const eighteen = summarise([...new Array(18).fill(1), 0, 0], share(0.8), rng());
    expect(verdictOf(eighteen, share(0.8))).toBe('inconclusive');
  });
});

describe('intervals of a mean', () => {
  const effects = [0.12, 0.08, 0.15, 0.11, 0.09, 0.1, 0.13, 0.07, 0.1, 0.14, 0.06, 0.12, 0.11, 0.09, 0.1, 0.13, 0.08, 0.12, 0.1, 0.11];

  it('Student t: mean +- t(0.975, n-1) x sd / sqrt(n), t(0.975, 19) = 2.0930', () => {
    const n = effects.length;
    const m = effects.reduce((a, b) => a + b, 0) / n;
    const sd = Math.sqrt(effects.reduce((a, b) => a + (b - m) ** 2, 0) / (n - 1));
    const t = studentT(effects, 0);
    expect(t.low).toBeCloseTo(m - 2.093024 * sd / Math.sqrt(n), 6);
    expect(t.high).toBeCloseTo(m + 2.093024 * sd / Math.sqrt(n), 6);
    expect(t.p).toBeLessThan(1e-10);
  });

  it('BCa bootstrap: close to the t interval on symmetric data, and its p is about the t p-value at the mean', () => {
    const t = studentT(effects, 0.1);
    const b = bcaBootstrap(effects, 0.1, rng());
    // The bootstrap's interval is narrower by about sqrt((n-1)/n) and the normal's 1.96 vs 2.09.
    expect(b.low).toBeGreaterThan(t.low - 0.003);
    expect(b.high).toBeLessThan(t.high + 0.003);
    expect(b.high - b.low).toBeGreaterThan(0.8 * (t.high - t.low));
    expect(Math.abs(b.p - t.p)).toBeLessThan(0.1);
  });

  it('BCa corrects for skew: on right-skewed effects its interval sits to the right of the percentile one', () => {
    const skewed = [0, 0, 0, 0, 0, 0, 0, 0, 0.1, 0.1, 0.1, 0.2, 0.2, 0.5, 1, 2, 0, 0.05, 0.05, 3];
    const b = bcaBootstrap(skewed, 0, rng());
    const m = skewed.reduce((a, c) => a + c, 0) / skewed.length;
    expect(b.high - m).toBeGreaterThan(m - b.low);
  });

  it('gives a zero-width interval and p 0 or 1 when every replicate agrees', () => {
    const b = bcaBootstrap([0.3, 0.3, 0.3], 0, rng());
    expect([b.low, b.high, b.p]).toEqual([0.3, 0.3, 0]);
    expect(bcaBootstrap([0.3, 0.3, 0.3], 0.3, rng()).p).toBe(1);
  });
});

describe("Holm's correction", () => {
  it('multiplies the k-th smallest p by m - k + 1 and keeps the order monotone', () => {
    expect(holmAdjust([0.01, 0.04, 0.03])).toEqual([0.03, 0.06, 0.06]);
    expect(holmAdjust([0.2, Number.NaN, 0.01])).toEqual([0.2, Number.NaN, 0.02]);
  });
});

describe('the verdict rule', () => {
  const make = (low: number, high: number, pAdjusted: number, replicates = MIN_USABLE_REPLICATES) =>
    ({ mean: (low + high) / 2, low, high, replicates, method: 'student-t' as const, p: pAdjusted, pAdjusted });

  it('supports only when the Holm-adjusted p is at most 0.025 and the interval clears delta', () => {
    expect(verdictOf(make(0.05, 0.09, 0.001), rises(0.02))).toBe('supported');
    // The same interval, but Holm's correction leaves p above 0.025: no longer supported.
    expect(verdictOf(make(0.05, 0.09, 0.04), rises(0.02))).toBe('inconclusive');
    expect(verdictOf(make(0.01, 0.09, 0.04), rises(0.02))).toBe('inconclusive');
  });

  it('refutes when the interval lies on the other side or inside +-delta', () => {
    expect(verdictOf(make(-0.09, -0.03, 1), rises(0.02))).toBe('not supported');
    expect(verdictOf(make(-0.01, 0.015, 0.5), rises(0.02))).toBe('not supported');
    const falls: TestShape = { direction: -1, delta: 0.02, reference: 0, binary: false };
    expect(verdictOf(make(-0.09, -0.05, 0.001), falls)).toBe('supported');
    expect(verdictOf(make(0.03, 0.05, 1), falls)).toBe('not supported');
  });

  it('gives "too few runs" under 20 usable replicates, whatever the interval', () => {
    expect(verdictOf(make(0.05, 0.09, 0.001, 19), rises(0.02))).toBe('too few runs');
  });

  it('compares with a reference: a share of 0.9 +- 0.05 is "at least 0.8"; reported in the effect\'s own units', () => {
    const atLeast = { direction: 1 as const, delta: 0, reference: 0.8, binary: false };
    const s = summarise(Array.from({ length: 30 }, (_, i) => 0.85 + (i % 3) * 0.05), atLeast, rng());
    expect(s.mean).toBeCloseTo(0.9, 12);
    expect(s.low).toBeLessThan(0.9);
    expect(verdictOf(s, atLeast)).toBe('supported');
  });
});
