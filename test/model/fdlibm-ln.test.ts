import { describe, expect, it } from 'vitest';
import stdlibLn from '@stdlib/math-base-special-ln';
import { fdlibmLn } from '../../src/model/fdlibm-ln.ts';

describe('fdlibmLn', () => {
  // Runs keep their bits only if the port computes stdlib's doubles exactly, everywhere.
  const words = new Float64Array(1);
  const halves = new Uint32Array(words.buffer);
  /** A seeded 32-bit generator (xorshift), so the inputs are the same at every run. */
  let seed = 0x9e3779b9;
  const next = () => {
    seed ^= seed << 13; seed ^= seed >>> 17; seed ^= seed << 5;
    return seed >>> 0;
  };

  it('computes the same bits as stdlib on the edges', () => {
    const edges = [0, -0, 1, -1, Number.NaN, Infinity, -Infinity, Number.MIN_VALUE, 2 ** -1074, 2 ** -1022, 2.225073858507201e-308,
      Number.MAX_VALUE, 2 ** 1023, 0.5, 2, Math.SQRT2, Math.SQRT1_2, 1 - 2 ** -53, 1 + 2 ** -52, 1e-300, 1e300];
    for (const x of edges) expect(Object.is(fdlibmLn(x), stdlibLn(x)), `ln(${x})`).toBe(true);
  });

  it('computes the same bits as stdlib on a million doubles of every size, and on uniforms and values near 1', () => {
    let differing = 0;
    for (let n = 0; n < 250_000; n++) {
      halves[0] = next();
      halves[1] = next() & 0x7fffffff;
      const any = words[0]!;
      const uniform = 1 - next() / 2 ** 32 - next() / 2 ** 64;
      const grid = (next() * 2 ** 21 + (next() >>> 11)) * 2 ** -53;
      const nearOne = 1 + (next() / 2 ** 32 - 0.5) * 1e-6;
      for (const x of [any, uniform, grid, nearOne]) if (!Object.is(fdlibmLn(x), stdlibLn(x))) differing++;
    }
    expect(differing).toBe(0);
  });
});
