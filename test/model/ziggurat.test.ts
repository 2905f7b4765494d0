// The ziggurat's standard normal draws, checked against the normal distribution itself on
// 200,000 seeded draws. Each tolerance is five standard errors of the statistic under the null
// (so a correct generator fails about once in a million seeds, and this seed is fixed).
import { describe, expect, it } from 'vitest';
import { errorFunction } from 'simple-statistics';
import { zigguratNormal } from '../../src/model/ziggurat.ts';
import { RandomStream } from '../../src/model/random.ts';

const N = 200_000;
const draws = (() => {
  const rng = new RandomStream('seed:1', 'ziggurat-test');
  return Float64Array.from({ length: N }, () => zigguratNormal(rng));
})();
const phi = (z: number) => 0.5 * (1 + errorFunction(z / Math.SQRT2));

describe('zigguratNormal', () => {
  it('has mean 0, variance 1 and kurtosis 3 within five standard errors', () => {
    let sum = 0;
    for (const x of draws) sum += x;
    const mean = sum / N;
    let m2 = 0;
    let m4 = 0;
    for (const x of draws) { const d = x - mean; m2 += d * d; m4 += d * d * d * d; }
    const variance = m2 / N;
    const kurtosis = m4 / N / (variance * variance);
    expect(Math.abs(mean)).toBeLessThan(5 * Math.sqrt(1 / N));
    expect(Math.abs(variance - 1)).toBeLessThan(5 * Math.sqrt(2 / N));
    expect(Math.abs(kurtosis - 3)).toBeLessThan(5 * Math.sqrt(24 / N));
  });

  it('follows the normal distribution function: Kolmogorov-Smirnov distance below the 1% critical value', () => {
    const sorted = draws.slice().sort();
    let distance = 0;
    for (let i = 0; i < N; i++) {
      const p = phi(sorted[i]!);
      distance = Math.max(distance, Math.abs(p - i / N), Math.abs(p - (i + 1) / N));
    }
    expect(distance).toBeLessThan(1.63 / Math.sqrt(N));
  });

  it('draws the tails (beyond 3 and beyond the base layer at 3.44) as often as the normal does', () => {
    const beyond = (z: number) => draws.reduce((n, x) => n + (Math.abs(x) > z ? 1 : 0), 0);
    for (const z of [2, 3, 3.442619855899]) {
      const p = 2 * (1 - phi(z));
      const expected = N * p;
      expect(Math.abs(beyond(z) - expected)).toBeLessThan(5 * Math.sqrt(N * p * (1 - p)));
    }
    // Both signs, in each tail.
    expect(draws.some((x) => x > 3.5)).toBe(true);
    expect(draws.some((x) => x < -3.5)).toBe(true);
  });

  it('gives the same draws from the same seed and stream name', () => {
    const rng = new RandomStream('seed:1', 'ziggurat-test');
    const again = Float64Array.from({ length: 1000 }, () => zigguratNormal(rng));
    expect(Array.from(again)).toEqual(Array.from(draws.subarray(0, 1000)));
  });
});
