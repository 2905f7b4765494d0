// The ziggurat: its layers' geometry, its rare paths (the tail and the wedges) on their own, and
// its draws against the normal distribution on 200,000 seeded draws. The moment and frequency
// tolerances are five standard errors of the statistic (a correct generator fails about once in
// a million seeds); the Kolmogorov-Smirnov checks use the 1% critical value 1.63 / sqrt(n).
import { describe, expect, it } from 'vitest';
import { errorFunction } from 'simple-statistics';
import { beyondTail, edgeNormal, layerAccept, layerWidth, wedgeAccepts, zigguratLayers, zigguratNormal } from '../../src/model/ziggurat.ts';
import { RandomStream } from '../../src/model/random.ts';

const N = 200_000;
const draws = (() => {
  const rng = new RandomStream('seed:1', 'ziggurat-test');
  return Float64Array.from({ length: N }, () => zigguratNormal(rng));
})();
const phi = (z: number) => 0.5 * (1 + errorFunction(z / Math.SQRT2));
/** The normal's upper tail, 1 - phi (simple-statistics' erf is good to about 1e-7, absolute). */
const upper = (z: number) => 0.5 * (1 - errorFunction(z / Math.SQRT2));
const density = (x: number) => Math.exp(-0.5 * x * x);

/** Kolmogorov-Smirnov distance between sorted draws and a distribution function. */
function ksDistance(sorted: Float64Array, cdf: (x: number) => number): number {
  let distance = 0;
  const n = sorted.length;
  for (let i = 0; i < n; i++) {
    const p = cdf(sorted[i]!);
    distance = Math.max(distance, Math.abs(p - i / n), Math.abs(p - (i + 1) / n));
  }
  return distance;
}

describe('the ziggurat\'s layers', () => {
  const { tail, area, x, f, accept } = zigguratLayers();

  it('are 127 rectangles of one area and a base strip of that area with the tail beyond it', () => {
    for (let i = 2; i < 128; i++) expect(Math.abs(x[i]! * (f[i - 1]! - f[i]!) - area)).toBeLessThan(1e-12 * area);
    // The top layer closes under the curve's peak (f = 1 at 0): what the constants were chosen for.
    expect(Math.abs(x[1]! * (1 - f[1]!) - area)).toBeLessThan(1e-8 * area);
    expect(f[0]).toBe(1);
    expect(x[127]).toBe(tail);
    expect(f[127]).toBeCloseTo(density(tail), 15);
    // Base strip: the rectangle under f(tail) out to the tail's start, plus the tail's area.
    const tailArea = Math.sqrt(2 * Math.PI) * upper(tail);
    expect(Math.abs(tail * f[127]! + tailArea - area)).toBeLessThan(1e-4 * area);
    expect(x[0]! * f[127]!).toBeCloseTo(area, 15);
  });

  it('take the fast path exactly inside each rectangle: |x| below the next layer\'s edge', () => {
    expect(accept[1]).toBe(0);
    for (let i = 2; i < 128; i++) expect(accept[i]).toBeCloseTo((2 ** 24 * x[i - 1]!) / x[i]!, 6);
    expect(accept[0]).toBeCloseTo((2 ** 24 * tail) / x[0]!, 6);
  });
});

describe('the ziggurat\'s rare paths', () => {
  it('draws the tail beyond its start from the normal\'s tail (KS on 20,000 draws)', () => {
    const { tail } = zigguratLayers();
    const rng = new RandomStream('seed:1', 'ziggurat-tail');
    const draws = Float64Array.from({ length: 20_000 }, () => tail + beyondTail(rng)).sort();
    const cdf = (z: number) => 1 - upper(z) / upper(tail);
    expect(ksDistance(draws, cdf)).toBeLessThan(1.63 / Math.sqrt(draws.length));
  });

  it('accepts a point in a wedge with the probability that it lies under the curve', () => {
    const { x, f } = zigguratLayers();
    const rng = new RandomStream('seed:1', 'ziggurat-wedge');
    for (const i of [2, 60, 127]) {
      const point = (x[i - 1]! + x[i]!) / 2;
      const p = (density(point) - f[i]!) / (f[i - 1]! - f[i]!);
      const n = 100_000;
      let accepted = 0;
      for (let k = 0; k < n; k++) if (wedgeAccepts(rng, i, point)) accepted++;
      expect(Math.abs(accepted / n - p)).toBeLessThan(5 * Math.sqrt((p * (1 - p)) / n));
    }
  });
});

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
    expect(ksDistance(draws.slice().sort(), phi)).toBeLessThan(1.63 / Math.sqrt(N));
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

  it('is drawn alike by a loop that steps the generator in locals with the layers\' tables and edgeNormal (production.ts)', () => {
    const rng = new RandomStream('seed:1', 'ziggurat-test');
    const alea = rng.generatorState();
    const out = new Float64Array(1);
    const local = new Float64Array(N);
    let [s0, s1, s2, c] = [alea[0]!, alea[1]!, alea[2]!, alea[3]!];
    for (let k = 0; k < N; k++) {
      for (;;) {
        const t = 2091639 * s0 + c * 2.3283064365386963e-10;
        s0 = s1;
        s1 = s2;
        c = t | 0;
        s2 = t - c;
        const bits = (s2 * 4294967296) | 0;
        const i = bits & 127;
        const v = bits >> 7;
        const x = v * layerWidth[i]!;
        if (Math.abs(v) < layerAccept[i]!) {
          local[k] = x;
          break;
        }
        alea.set([s0, s1, s2, c]);
        const done = edgeNormal(rng, i, v, x, out);
        [s0, s1, s2, c] = [alea[0]!, alea[1]!, alea[2]!, alea[3]!];
        if (done === 1) {
          local[k] = out[0]!;
          break;
        }
      }
    }
    alea.set([s0, s1, s2, c]);
    expect(local).toEqual(draws);
    // The stream carries on where zigguratNormal's would.
    const after = new RandomStream('seed:1', 'ziggurat-test');
    for (let k = 0; k < N; k++) zigguratNormal(after);
    expect(rng.uniform()).toBe(after.uniform());
  });
});
