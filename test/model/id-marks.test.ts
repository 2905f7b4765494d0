import { describe, expect, it } from 'vitest';
import { drainMarks, markIds } from '../../src/model/id-marks.ts';

describe('id marks', () => {
  it('gives each marked id once, in increasing order, across word boundaries, and clears the words', () => {
    const ids = [70, 3, 31, 32, 3, 0, 95, 64, 70, 33];
    const words = new Int32Array((100 >>> 5) + 1);
    markIds(words, ids);
    const out = new Int32Array(100);
    const n = drainMarks(words, words.length, out);
    expect([...out.subarray(0, n)]).toEqual([...new Set(ids)].sort((a, b) => a - b));
    expect(words.every((w) => w === 0)).toBe(true);
    expect(drainMarks(words, words.length, out)).toBe(0);
  });

  it('reads only the words it is given', () => {
    const words = new Int32Array(3);
    markIds(words, [5, 40, 80]);
    const out = new Int32Array(96);
    expect([...out.subarray(0, drainMarks(words, 2, out))]).toEqual([5, 40]);
    expect(words[2]).not.toBe(0);
  });
});
