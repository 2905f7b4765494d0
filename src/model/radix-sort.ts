// Sorting doubles by their bits (LSD radix, 11-bit digits, six passes; three for positives): the same ascending
// order as Float64Array.prototype.sort (-0 before +0, NaN last), in linear time. Sampling sorts
// every distribution of persons once per sample; at 10,000 values this is several times faster
// than the engine's comparison sort, and `radixOrder` gives a stable argsort without a comparator.

const DIGIT_BITS = 11;
const BUCKETS = 1 << DIGIT_BITS;
const MASK = BUCKETS - 1;
/** Six digits cover 64 bits: three from the low word (11, 11, 10 bits), three from the high. */
const SHIFTS = [0, 11, 22, 0, 11, 22] as const;
/** The positives' first sort: two digits, bits 10-20 and 21-31 of the high word. */
const TOP_SHIFTS = [10, 21] as const;

const bits = new Float64Array(1);
const words = new Uint32Array(bits.buffer);
/** Which of the two 32-bit words of a double is its high word on this platform. */
const HIGH = (() => {
  bits[0] = 1; // 0x3ff00000_00000000
  return words[1] === 0x3ff00000 ? 1 : 0;
})();
const LOW = 1 - HIGH;

/** Scratch grown to the largest n seen (sampling sorts the same sizes every time). */
let scratch = {
  hi: new Uint32Array(0), lo: new Uint32Array(0), hi2: new Uint32Array(0), lo2: new Uint32Array(0),
  idx: new Int32Array(0), idx2: new Int32Array(0), counts: new Int32Array(6 * BUCKETS),
};

function ensure(n: number): void {
  if (scratch.hi.length >= n) return;
  const size = Math.max(n, 2 * scratch.hi.length);
  scratch = {
    hi: new Uint32Array(size), lo: new Uint32Array(size), hi2: new Uint32Array(size), lo2: new Uint32Array(size),
    idx: new Int32Array(size), idx2: new Int32Array(size), counts: scratch.counts,
  };
}

/**
 * Writes the order-preserving keys of values[0..n) into scratch.hi/lo (unsigned compare of
 * hi then lo = numeric order) and the identity permutation into scratch.idx; counts each digit.
 */
function prepare(values: ArrayLike<number>, n: number, topOnly = false): void {
  ensure(n);
  const { hi, lo, idx, counts } = scratch;
  counts.fill(0, 0, topOnly ? 2 * BUCKETS : counts.length);
  for (let i = 0; i < n; i++) {
    const v = values[i]!;
    bits[0] = v === v ? v : Number.NaN; // every NaN to the one positive quiet NaN: sorts last
    let h = words[HIGH]!;
    let l = words[LOW]!;
    if (h & 0x80000000) {
      h = ~h >>> 0;
      l = ~l >>> 0;
    } else {
      h = (h | 0x80000000) >>> 0;
    }
    hi[i] = h;
    lo[i] = l;
    idx[i] = i;
    // topOnly: the two top digits of the high key alone (bits 10-20 and 21-31: sign, exponent and
    // the top 10 bits of the mantissa) into counts[0..2 BUCKETS), for `scatter`'s top passes.
    if (topOnly) {
      counts[(h >>> TOP_SHIFTS[0]) & MASK]!++;
      counts[BUCKETS + (h >>> TOP_SHIFTS[1])]!++;
    } else {
      countDigitsOf(l, h, counts);
    }
  }
}

/** One stable pass by the digit of `key` at `shift`: moves keys and indices from `a` to `b`. */
function pass(
  n: number, counts: Int32Array, base: number, key: Uint32Array, shift: number,
  hi: Uint32Array, lo: Uint32Array, idx: Int32Array, hiTo: Uint32Array, loTo: Uint32Array, idxTo: Int32Array,
): boolean {
  // A digit every value shares moves nothing: skip the pass.
  if (n === 0 || counts[base + ((key[0]! >>> shift) & MASK)] === n) return false;
  let sum = 0;
  for (let b = base; b < base + BUCKETS; b++) {
    const c = counts[b]!;
    counts[b] = sum;
    sum += c;
  }
  for (let i = 0; i < n; i++) {
    const to = counts[base + ((key[i]! >>> shift) & MASK)]!++;
    hiTo[to] = hi[i]!;
    loTo[to] = lo[i]!;
    idxTo[to] = idx[i]!;
  }
  return true;
}

/**
 * Keys values[0..n) and sorts them stably; afterwards scratch.hi/lo/idx hold keys and indices in
 * order. Three passes on the high words, then an insertion pass over the runs sharing one (short:
 * keys within a millionth of each other, most of them equal); six passes on all 64 bits when
 * those runs are long.
 */
function sortKeys(values: ArrayLike<number>, n: number): void {
  prepare(values, n);
  scatter(n, 3);
  // Keys in order by high word: the insertion below moves only keys that share one.
  if (orderRunsOfWholeKey(n, 4 * n + 64)) return;
  prepare(values, n);
  scatter(n, 0);
}

/**
 * Stable passes over digits `first` to `last - 1` of the keys in scratch, low digits first: digit
 * p is the key's low word shifted by `shifts[p]` below `highFrom`, its high word from there.
 */
function scatter(n: number, first: number, last = 6, shifts: readonly number[] = SHIFTS, highFrom = 3): void {
  let { hi, lo, idx, hi2, lo2, idx2 } = scratch;
  const counts = scratch.counts;
  for (let p = first; p < last; p++) {
    const key = p < highFrom ? lo : hi;
    if (!pass(n, counts, p * BUCKETS, key, shifts[p]!, hi, lo, idx, hi2, lo2, idx2)) continue;
    const h = hi; hi = hi2; hi2 = h;
    const l = lo; lo = lo2; lo2 = l;
    const x = idx; idx = idx2; idx2 = x;
  }
  scratch = { hi, lo, hi2, lo2, idx, idx2, counts };
}

/** The values other than +0 of the sort in hand (distributions hold many zeros: none sorts them). */
let nonZero = new Float64Array(0);

// Each loop below sits in a function of its own with nothing after it but a return. Sampling
// calls these a few hundred times a run, too rarely for V8 to optimise them whole: it compiles
// the first call's long loop on stack (OSR), before any code after that loop has run, and keeps
// that code when it deoptimises outside the loop. Code after a loop, lacking type feedback in
// it, deoptimised every later sort (133 times in a mixed 10,000 x 50 y run).

/**
 * values sorted ascending into `out` (a fresh array when absent or of the wrong length). The
 * +0s are counted, not sorted. Distributions of persons hold no negative values as a rule: then
 * the positives alone are sorted, as doubles moved whole (a positive double's bits, read as an
 * unsigned integer, are in its numeric order), and written after the zeros.
 */
export function radixSorted(values: ArrayLike<number>, out?: Float64Array): Float64Array {
  const n = values.length;
  const sorted = out !== undefined && out.length === n ? out : new Float64Array(n);
  ensurePositives(n);
  scratch.counts.fill(0, 0, 2 * BUCKETS);
  const m = gatherPositive(values, n, positives.a, positives.aWords, scratch.counts);
  if (m < 0) return radixSortedWithNegatives(values, n, sorted);
  const inOrder = sortPositives(m);
  sorted.fill(0, 0, n - m);
  sorted.set(inOrder.subarray(0, m), n - m);
  return sorted;
}

/**
 * Two buffers of doubles for the positives' passes, each with a view of its 32-bit words
 * (the passes read a digit off the words and move the double whole). Grown to the largest n.
 */
let positives = {
  a: new Float64Array(0), b: new Float64Array(0), aWords: new Uint32Array(0), bWords: new Uint32Array(0),
};

function ensurePositives(n: number): void {
  if (positives.a.length >= n) return;
  const size = Math.max(n, 2 * positives.a.length);
  const a = new Float64Array(size);
  const b = new Float64Array(size);
  positives = { a, b, aWords: new Uint32Array(a.buffer), bWords: new Uint32Array(b.buffer) };
}

/**
 * Copies the positive values[0..n) into `into` (whose 32-bit words are `words`), skipping the
 * +0s, and counts the two top digits of each one's high word into counts[0..2 BUCKETS); returns
 * how many, or -1 as soon as a value is negative, -0 or NaN (those take the general path).
 */
function gatherPositive(values: ArrayLike<number>, n: number, into: Float64Array, words: Uint32Array, counts: Int32Array): number {
  let m = 0;
  for (let i = 0; i < n; i++) {
    const v = values[i]!;
    if (v > 0) {
      into[m] = v;
      const h = words[2 * m + HIGH]!;
      counts[(h >>> TOP_SHIFTS[0]) & MASK]!++;
      counts[BUCKETS + (h >>> TOP_SHIFTS[1])]!++;
      m++;
    } else if (!(v === 0 && 1 / v > 0)) return -1;
  }
  return m;
}

/**
 * Sorts positives.a[0..m), counted by `gatherPositive`: two stable passes on the top 22 bits of
 * the high word (sign, exponent and the top 10 bits of the mantissa: values within a
 * thousandth of each other share them), then an insertion pass that orders the runs sharing
 * them. In the distributions of persons those runs are short (a mixed 10,000 x 50 y run's
 * wealth moved about one value per person); where they are not, the values are sorted again
 * by three passes on the whole high word and the insertion pass, as before, and past that
 * whole. Returns the buffer that holds them in order.
 */
function sortPositives(m: number): Float64Array {
  const { counts } = scratch;
  let { a: from, b: to, aWords: fromWords, bWords: toWords } = positives;
  for (let p = 0; p < 2; p++) {
    if (!passWhole(m, counts, p * BUCKETS, fromWords, HIGH, TOP_SHIFTS[p]!, from, to)) continue;
    const f = from; from = to; to = f;
    const w = fromWords; fromWords = toWords; toWords = w;
  }
  // A move is a few instructions, starting over three passes and a prepare: a budget of 2 m
  // sent 6 of a mixed 10,000 x 50 y run's 256 sorts (wealth, about 2 moves a value) there.
  if (orderRunsOfHighWord(from, m, 8 * m + 64)) return from;
  // Runs too long: a millionth, not a thousandth, apart at most after three passes.
  counts.fill(0, 3 * BUCKETS);
  countHighDigits(fromWords, m, counts);
  for (let p = 3; p < 6; p++) {
    if (!passWhole(m, counts, p * BUCKETS, fromWords, HIGH, SHIFTS[p]!, from, to)) continue;
    const f = from; from = to; to = f;
    const w = fromWords; fromWords = toWords; toWords = w;
  }
  // Many values a millionth apart (no distribution of persons seen so far): sort them whole.
  if (!orderRunsOfHighWord(from, m, 4 * m + 64)) from.subarray(0, m).sort();
  return from;
}

/**
 * Insertion sort of sorted[0..m), sorted by its high words' top bits already (only values
 * sharing them are out of order). Gives up after `budget` moves and returns false, leaving the
 * values permuted.
 */
function orderRunsOfHighWord(sorted: Float64Array, m: number, budget: number): boolean {
  let moves = 0;
  for (let i = 1; i < m; i++) {
    const x = sorted[i]!;
    let j = i;
    while (j > 0 && sorted[j - 1]! > x) {
      sorted[j] = sorted[j - 1]!;
      j--;
      moves++;
    }
    sorted[j] = x;
    if (moves > budget) return false;
  }
  return true;
}

/** Counts the three digits of the high word of each of the doubles whose words are words[0..2m). */
function countHighDigits(words: Uint32Array, m: number, counts: Int32Array): void {
  for (let i = 0; i < m; i++) {
    const h = words[2 * i + HIGH]!;
    counts[3 * BUCKETS + (h & MASK)]!++;
    counts[4 * BUCKETS + ((h >>> 11) & MASK)]!++;
    counts[5 * BUCKETS + (h >>> 22)]!++;
  }
}

/** Counts the six 11-bit digits of one key, low word `l` and high word `h`, into the six tables. */
function countDigitsOf(l: number, h: number, counts: Int32Array): void {
  counts[l & MASK]!++;
  counts[BUCKETS + ((l >>> 11) & MASK)]!++;
  counts[2 * BUCKETS + (l >>> 22)]!++;
  counts[3 * BUCKETS + (h & MASK)]!++;
  counts[4 * BUCKETS + ((h >>> 11) & MASK)]!++;
  counts[5 * BUCKETS + (h >>> 22)]!++;
}

/** One stable pass by the digit at `shift` of word `word` of each double: moves the doubles from `from` to `to`. */
function passWhole(
  n: number, counts: Int32Array, base: number, fromWords: Uint32Array, word: number, shift: number, from: Float64Array, to: Float64Array,
): boolean {
  // A digit every value shares moves nothing: skip the pass.
  if (n === 0 || counts[base + ((fromWords[word]! >>> shift) & MASK)] === n) return false;
  let sum = 0;
  for (let b = base; b < base + BUCKETS; b++) {
    const c = counts[b]!;
    counts[b] = sum;
    sum += c;
  }
  moveWhole(n, counts, base, fromWords, word, shift, from, to);
  return true;
}

function moveWhole(
  n: number, counts: Int32Array, base: number, fromWords: Uint32Array, word: number, shift: number, from: Float64Array, to: Float64Array,
): void {
  for (let i = 0; i < n; i++) to[counts[base + ((fromWords[2 * i + word]! >>> shift) & MASK)]!++] = from[i]!;
}

/**
 * The general path: every value but +0 keyed and sorted with its index, the +0s written after
 * everything below them (negatives and -0) and before the positives.
 */
function radixSortedWithNegatives(values: ArrayLike<number>, n: number, sorted: Float64Array): Float64Array {
  if (nonZero.length < n) nonZero = new Float64Array(Math.max(n, 2 * nonZero.length));
  const rest = nonZero;
  const m = gatherNonZero(values, n, rest);
  const below = countNotPositive(rest, m);
  sortKeys(rest, m);
  const { idx } = scratch;
  sorted.fill(0, below, below + n - m);
  copyInOrder(rest, idx, 0, below, sorted, 0);
  copyInOrder(rest, idx, below, m, sorted, n - m);
  return sorted;
}

/** Copies values[0..n) other than +0 into rest; returns how many. */
function gatherNonZero(values: ArrayLike<number>, n: number, rest: Float64Array): number {
  let m = 0;
  for (let i = 0; i < n; i++) {
    const v = values[i]!;
    if (v === 0 && 1 / v > 0) continue;
    rest[m++] = v;
  }
  return m;
}

/** How many of rest[0..m) are negative or -0 (NaN compares false: it sorts last). */
function countNotPositive(rest: Float64Array, m: number): number {
  let below = 0;
  for (let i = 0; i < m; i++) if (rest[i]! <= 0) below++;
  return below;
}

/** sorted[i + shift] = rest[idx[i]] for i in [from, end). */
function copyInOrder(rest: Float64Array, idx: Int32Array, from: number, end: number, sorted: Float64Array, shift: number): void {
  for (let i = from; i < end; i++) sorted[i + shift] = rest[idx[i]!]!;
}

/**
 * The stable ascending order of keys[0..n): indices such that keys[order[i]] is sorted and
 * equal keys keep their index order (as a stable sort by key would leave them).
 */
export function radixOrder(keys: ArrayLike<number>, n = keys.length): Int32Array {
  prepare(keys, n, true);
  // Two stable passes on the top 22 bits of the high keys, counted by `prepare`.
  scatter(n, 0, 2, TOP_SHIFTS, 0);
  // Relative uses repeat (a few hundred distinct among thousands) and share top bits: up to
  // 3 moves a key in a mixed run, where the budget of 2 n sent 4 of 51 orders to six passes anew.
  if (!orderRunsOfWholeKey(n, 8 * n + 64)) sortKeys(keys, n);
  return scratch.idx.slice(0, n);
}

/**
 * Stable insertion sort by whole key (high word, then low) of the keys in scratch, in order by
 * their top 22 bits already: rentMinusDividend's relative uses a thousandth apart share them, and
 * moving those few is cheaper than a third pass. Gives up after `budget` moves and returns false.
 */
function orderRunsOfWholeKey(n: number, budget: number): boolean {
  const { hi, lo, idx } = scratch;
  let moves = 0;
  for (let i = 1; i < n; i++) {
    const h = hi[i]!;
    const l = lo[i]!;
    const x = idx[i]!;
    let j = i;
    while (j > 0 && (hi[j - 1]! > h || (hi[j - 1] === h && lo[j - 1]! > l))) {
      hi[j] = hi[j - 1]!;
      lo[j] = lo[j - 1]!;
      idx[j] = idx[j - 1]!;
      j--;
      moves++;
    }
    hi[j] = h;
    lo[j] = l;
    idx[j] = x;
    if (moves > budget) return false;
  }
  return true;
}
