// A set of ids as one bit each, read back in increasing order: how the rental rules' queue
// (defaults.ts) and the rental auction's kept list (acquisition.ts) turn lists that may hold an
// id twice, in any order, into each id once, in id order, without a sort. The caller keeps the
// words (grown to (count >>> 5) + 1) and filters what comes back.

/** Marks every id in `ids`. */
export function markIds(words: Int32Array, ids: readonly number[]): void {
  for (let k = 0; k < ids.length; k++) words[ids[k]! >>> 5]! |= 1 << (ids[k]! & 31);
}

/** Writes the marked ids of the first `wordCount` words into `out` in increasing order, clearing them; returns how many. */
export function drainMarks(words: Int32Array, wordCount: number, out: Int32Array): number {
  let n = 0;
  for (let w = 0; w < wordCount; w++) {
    let x = words[w]!;
    if (x === 0) continue;
    words[w] = 0;
    while (x !== 0) {
      const lowest = x & -x;
      out[n++] = (w << 5) + 31 - Math.clz32(lowest);
      x ^= lowest;
    }
  }
  return n;
}
