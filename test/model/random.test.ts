import { describe, expect, it } from 'vitest';
import seedrandom from 'seedrandom';
import { RandomStream, RandomStreams } from '../../src/model/random.ts';

const draws = (streams: RandomStreams, name: string, n: number) =>
  Array.from({ length: n }, () => streams.get(name).uniform());

describe('RandomStreams', () => {
  it('gives the same draws for the same seed and stream name', () => {
    expect(draws(new RandomStreams(42), 'exchange', 20)).toEqual(draws(new RandomStreams(42), 'exchange', 20));
  });

  it('gives different draws for a different seed, stream name or replicate key', () => {
    const base = draws(new RandomStreams(42), 'exchange', 5);
    expect(draws(new RandomStreams(43), 'exchange', 5)).not.toEqual(base);
    expect(draws(new RandomStreams(42), 'consumption', 5)).not.toEqual(base);
    expect(draws(new RandomStreams(42, 'r1'), 'exchange', 5)).not.toEqual(base);
    expect(draws(new RandomStreams(42, 'r1'), 'exchange', 5)).not.toEqual(draws(new RandomStreams(42, 'r2'), 'exchange', 5));
  });

  it('keeps one stream unchanged when another rule draws more', () => {
    const quiet = new RandomStreams('s');
    const busy = new RandomStreams('s');
    for (let i = 0; i < 1000; i++) busy.get('mode-choice').uniform();
    expect(draws(busy, 'exchange', 10)).toEqual(draws(quiet, 'exchange', 10));
  });

  it('does not make replicate k+1 of seed s equal replicate k of seed s+1 (no seed + n)', () => {
    expect(draws(new RandomStreams(1, 'r2'), 'x', 5)).not.toEqual(draws(new RandomStreams(2, 'r1'), 'x', 5));
  });

  it('draws standard normals with mean 0 and variance 1 (within 4 standard errors)', () => {
    const stream = new RandomStreams(7).get('normal');
    const n = 40_000;
    let sum = 0;
    let sumSq = 0;
    for (let i = 0; i < n; i++) {
      const z = stream.normal();
      sum += z;
      sumSq += z * z;
    }
    const mean = sum / n;
    const variance = sumSq / n - mean * mean;
    // Standard error of the mean is 1/sqrt(n) = 0.005; of the variance sqrt(2/n) = 0.0071.
    expect(Math.abs(mean)).toBeLessThan(4 * 0.005);
    expect(Math.abs(variance - 1)).toBeLessThan(4 * 0.0071);
  });

  it('draws lognormals whose median is the given median', () => {
    const stream = new RandomStreams(7).get('skill');
    const values = Array.from({ length: 20_001 }, () => stream.lognormal(1, 0.4)).sort((a, b) => a - b);
    // The sample median of n draws has standard error about 1.2533 * sigma * median / sqrt(n) = 0.0035.
    expect(Math.abs(values[10_000]! - 1)).toBeLessThan(0.015);
  });

  it('draws Pareto values above the scale with the tail index as exponent', () => {
    const stream = new RandomStreams(7).get('capital');
    const n = 20_000;
    let above2 = 0;
    for (let i = 0; i < n; i++) {
      const x = stream.pareto(1, 1.5);
      expect(x).toBeGreaterThanOrEqual(1);
      if (x > 2) above2++;
    }
    // P(X > 2) = 2^-1.5 = 0.3536; binomial standard error sqrt(p(1-p)/n) = 0.0034.
    expect(Math.abs(above2 / n - 2 ** -1.5)).toBeLessThan(4 * 0.0034);
  });

  it('shuffles into a permutation', () => {
    const order = Int32Array.from({ length: 100 }, (_, i) => i);
    new RandomStreams(1).get('order').shuffle(order);
    expect([...order].sort((a, b) => a - b)).toEqual(Array.from({ length: 100 }, (_, i) => i));
    expect([...order]).not.toEqual(Array.from({ length: 100 }, (_, i) => i));
  });

  it('shuffles as Fisher-Yates on seedrandom\'s alea draws, and leaves the stream where those draws end', () => {
    // The shuffle steps the recurrence in locals; a slip in it (a draw skipped, state not
    // written back) gives another order or another next draw.
    for (const length of [0, 1, 2, 7, 1000]) {
      const ours = new RandomStream('seed:1', 'exchange');
      const reference = seedrandom.alea('seed:1|exchange');
      const order = Int32Array.from({ length: length + 3 }, (_, i) => i);
      const expected = Int32Array.from(order);
      ours.shuffle(order, length);
      for (let i = length - 1; i > 0; i--) {
        const j = Math.floor(reference() * (i + 1));
        const t = expected[i]!;
        expected[i] = expected[j]!;
        expected[j] = t;
      }
      expect([...order]).toEqual([...expected]);
      for (let i = 0; i < 5; i++) expect(ours.uniform()).toBe(reference());
    }
  });

  it('draws exactly what seedrandom\'s alea draws for the same seed, 32- and 53-bit', () => {
    // The stream steps alea's recurrence on unboxed state; it must not drift from the library.
    for (const seed of ['seed:1|output-shocks', 'seed:x/replicate:3|auctions', '']) {
      const ours = new RandomStream(seed.split('|')[0]!, seed.split('|')[1] ?? '');
      const reference = seedrandom.alea(`${seed.split('|')[0]!}|${seed.split('|')[1] ?? ''}`);
      for (let i = 0; i < 20_000; i++) {
        if (i % 3 === 2) expect(ours.double()).toBe(reference.double());
        else expect(ours.uniform()).toBe(reference());
      }
    }
  });
});
