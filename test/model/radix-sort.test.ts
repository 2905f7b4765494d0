// The radix sort must give exactly the engine's Float64Array order (-0 before +0, NaN last),
// and radixOrder exactly a stable sort by key.
import { describe, expect, it } from 'vitest';
import { radixOrder, radixSorted } from '../../src/model/radix-sort.ts';
import { RandomStream } from '../../src/model/random.ts';

function sample(rng: RandomStream, n: number): Float64Array {
  const values = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const u = rng.uniform();
    // A mix of what distributions hold: wide positive and negative ranges, ties, zeros of both
    // signs, tiny and huge magnitudes, and now and then a non-finite value.
    values[i] = u < 0.05 ? 0 : u < 0.08 ? -0 : u < 0.2 ? Math.round(rng.uniform() * 10)
      : u < 0.6 ? (rng.uniform() - 0.3) * 1e7 : u < 0.9 ? rng.normal() * 1e-300
      : u < 0.995 ? rng.pareto(1, 1.2) * 1e12 : [Infinity, -Infinity, Number.NaN][rng.int(3)]!;
  }
  return values;
}

/** Bit patterns, so -0 and +0 (and NaNs) are told apart. */
const asBits = (values: Float64Array) => Array.from(new BigUint64Array(values.slice().buffer));

describe('radixSorted', () => {
  it('orders like Float64Array.prototype.sort, bit for bit, at many sizes', () => {
    const rng = new RandomStream('test', 'radix-test');
    for (const n of [0, 1, 2, 3, 17, 1000, 20_000]) {
      const values = sample(rng, n);
      expect(asBits(radixSorted(values))).toEqual(asBits(values.slice().sort()));
    }
  });

  it('orders positives that share their high 32 bits, few or many', () => {
    const rng = new RandomStream('test', 'radix-near-ties');
    // A millionth apart at most: the first three passes leave them as they came.
    const few = Float64Array.from({ length: 3000 }, (_, i) => (i % 10 === 0 ? 0 : 1000 * (1 + rng.int(50) * 1e-12) + (i % 7) * 100));
    expect(asBits(radixSorted(few))).toEqual(asBits(few.slice().sort()));
    const many = Float64Array.from({ length: 3000 }, () => 1 + rng.uniform() * 1e-9);
    expect(asBits(radixSorted(many))).toEqual(asBits(many.slice().sort()));
  });

  it('sorts into a given buffer, also when it is the input itself', () => {
    const values = Float64Array.from([3, -1, 2, -0, 0, -5]);
    const expected = values.slice().sort();
    const out = new Float64Array(6);
    expect(asBits(radixSorted(values, out))).toEqual(asBits(expected));
    expect(radixSorted(values, values)).toBe(values);
    expect(asBits(values)).toEqual(asBits(expected));
  });
});

describe('radixOrder', () => {
  it('is a stable argsort: ties keep their index order', () => {
    const rng = new RandomStream('test', 'radix-order');
    const keys = Float64Array.from({ length: 5000 }, () => rng.int(40) / 4 - 3);
    const expected = Array.from({ length: keys.length }, (_, i) => i).sort((a, b) => keys[a]! - keys[b]! || a - b);
    expect(Array.from(radixOrder(keys))).toEqual(expected);
  });

  it('is a stable argsort of keys that share their high 32 bits, few or many', () => {
    const rng = new RandomStream('test', 'radix-order-near');
    for (const spread of [1e-12, 1e-9]) {
      const keys = Float64Array.from({ length: 4000 }, (_, i) => (i % 3 === 0 ? -1 : 1) * (1 + rng.int(spread < 1e-10 ? 20 : 4000) * spread));
      const expected = Array.from({ length: keys.length }, (_, i) => i).sort((a, b) => keys[a]! - keys[b]! || a - b);
      expect(Array.from(radixOrder(keys))).toEqual(expected);
    }
  });

  it('orders only the first n keys when n is given', () => {
    expect(Array.from(radixOrder(Float64Array.from([2, 1, 0, -9]), 3))).toEqual([2, 1, 0]);
  });
});
