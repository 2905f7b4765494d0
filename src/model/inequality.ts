// MODEL.md section 6: the inequality measures every population shares. Each takes values
// sorted ascending (sort once per sample with `sortedCopy`, then ask for several measures).
import { medianSorted, quantileSorted } from 'simple-statistics';
import { ln } from './detmath.ts';
import { radixSorted } from './radix-sort.ts';

/** simple-statistics reads typed arrays by index; its types only name number[]. */
const asList = (values: Float64Array): number[] => values as unknown as number[];

/** values sorted ascending (the engine's Float64Array order) into `out` or a fresh array. */
export function sortedCopy(values: ArrayLike<number>, out?: Float64Array): Float64Array {
  return radixSorted(values, out);
}

export function sum(values: ArrayLike<number>): number {
  let total = 0;
  for (let i = 0; i < values.length; i++) total += values[i]!;
  return total;
}

export function mean(values: ArrayLike<number>): number {
  return values.length === 0 ? Number.NaN : sum(values) / values.length;
}

/**
 * "Almost nothing": less than a hundredth of the mean holding, the line the zero-share
 * reporter counts below and the wealth histogram's first edge.
 */
export function almostNothingBelow(values: ArrayLike<number>): number {
  return values.length > 0 ? mean(values) / 100 : 0;
}

export function median(sorted: Float64Array): number {
  return sorted.length === 0 ? Number.NaN : medianSorted(asList(sorted));
}

export function quantile(sorted: Float64Array, p: number): number {
  return sorted.length === 0 ? Number.NaN : quantileSorted(asList(sorted), p);
}

/**
 * Gini coefficient of non-negative values: sum_i (2i - n - 1) x_i / (n sum x), i from 1.
 * Zero for perfect equality, (n-1)/n when one holds everything; 0 when the total is 0.
 */
export function gini(sorted: Float64Array, total?: number): number {
  const n = sorted.length;
  if (n === 0) return Number.NaN;
  // The sums in functions of their own, each ending with its loop: V8 compiled gini's loop on
  // stack at the first sample and kept that code when it deoptimised after the loop (the
  // comparison there had no type feedback yet), at every later sample (110 deopts in a run).
  // `total`, when given, is sum(sorted) (the sampling sums each distribution once).
  if (total === undefined) total = sum(sorted);
  return total === 0 ? 0 : rankWeightedSum(sorted) / (n * total);
}

/**
 * sum(sorted) and rankWeightedSum(sorted) from one walk, into out[0] and out[1]: each the same
 * sum, in the same order, as its own walk adds it.
 */
export function sumAndRankWeighted(sorted: Float64Array, out: Float64Array): Float64Array {
  const n = sorted.length;
  let total = 0;
  let weighted = 0;
  for (let i = 0; i < n; i++) {
    const x = sorted[i]!;
    total += x;
    weighted += (2 * (i + 1) - n - 1) * x;
    out[0] = total;
    out[1] = weighted;
  }
  return out;
}

/** The sum over persons, poorest first, of (2 rank - n - 1) x their value (ranks from 1). */
function rankWeightedSum(sorted: Float64Array): number {
  const n = sorted.length;
  let weighted = 0;
  for (let i = 0; i < n; i++) weighted += (2 * (i + 1) - n - 1) * sorted[i]!;
  return weighted;
}

/**
 * The Lorenz curve at population fractions q, linearly interpolated between persons:
 * the share of the total held by the poorest fraction q.
 */
export function lorenzAt(sorted: Float64Array, q: number, total = sum(sorted)): number {
  const n = sorted.length;
  if (n === 0 || total === 0) return q;
  const position = q * n;
  const whole = Math.min(n, Math.floor(position));
  let cumulative = 0;
  for (let i = 0; i < whole; i++) cumulative += sorted[i]!;
  if (whole < n) cumulative += (position - whole) * sorted[whole]!;
  return cumulative / total;
}

/** `points + 1` Lorenz ordinates at q = 0, 1/points, ..., 1 (one pass). */
export function lorenzCurve(sorted: Float64Array, points = 100, out?: Float64Array): Float64Array {
  const curve = out ?? new Float64Array(points + 1);
  const n = sorted.length;
  const total = sum(sorted);
  let cumulative = 0;
  let next = 0;
  for (let k = 0; k <= points; k++) {
    const position = (k / points) * n;
    const whole = Math.min(n, Math.floor(position));
    while (next < whole) cumulative += sorted[next++]!;
    const partial = whole < n ? (position - whole) * sorted[whole]! : 0;
    curve[k] = n === 0 || total === 0 ? k / points : (cumulative + partial) / total;
  }
  return curve;
}

/** Share of the total held by the richest `fraction` of the population (1 - L(1 - fraction)). */
export function topShare(sorted: Float64Array, fraction: number, total?: number): number {
  const n = sorted.length;
  if (n === 0) return Number.NaN;
  if (total === undefined) total = sum(sorted);
  if (total === 0) return fraction;
  const position = fraction * n;
  const whole = Math.min(n, Math.floor(position));
  let top = 0;
  for (let i = n - whole; i < n; i++) top += sorted[i]!;
  if (whole < n) top += (position - whole) * sorted[n - whole - 1]!;
  return top / total;
}

/**
 * Herfindahl-Hirschman index of holdings: sum of squared shares, 1/n (even) to 1 (one holder).
 * `total`, when given, is sum(values).
 */
export function herfindahl(values: ArrayLike<number>, total = sum(values)): number {
  if (total === 0) return Number.NaN;
  let index = 0;
  for (let i = 0; i < values.length; i++) {
    const share = values[i]! / total;
    index += share * share;
  }
  return index;
}

export interface LogHistogram {
  /** Bin edges, ascending; bin k holds values in [edges[k], edges[k+1]). */
  readonly edges: Float64Array;
  readonly counts: Float64Array;
  /** Values below edges[0] (zero and negative values included). */
  readonly below: number;
}

/**
 * A histogram on logarithmic bins: `binsPerDecade` bins per factor of ten, from the decade at
 * or below `min` to the decade above the largest value. The last bin is closed on the right.
 */
export function logHistogram(sorted: Float64Array, min: number, binsPerDecade = 5): LogHistogram {
  const top = sorted.length > 0 ? Math.max(sorted[sorted.length - 1]!, min) : min;
  const lowDecade = Math.floor(ln(min) / Math.LN10 + 1e-9);
  const highDecade = Math.ceil(ln(top) / Math.LN10 - 1e-9) + (top === min ? 1 : 0);
  const binCount = Math.max(1, (highDecade - lowDecade) * binsPerDecade);
  const edges = new Float64Array(binCount + 1);
  for (let k = 0; k <= binCount; k++) edges[k] = 10 ** (lowDecade + k / binsPerDecade);
  const counts = new Float64Array(binCount);
  let below = 0;
  let bin = 0;
  for (let i = 0; i < sorted.length; i++) {
    const x = sorted[i]!;
    if (x < edges[0]!) {
      below++;
      continue;
    }
    while (bin < binCount - 1 && x >= edges[bin + 1]!) bin++;
    counts[bin]!++;
  }
  return { edges, counts, below };
}

/** Theil T index of positive values with its between-group and within-group parts. */
export function theilDecomposition(
  values: ArrayLike<number>,
  groups: ArrayLike<number>,
): { total: number; between: number; within: number } {
  const n = values.length;
  const mu = mean(values);
  if (n === 0 || !(mu > 0)) return { total: Number.NaN, between: Number.NaN, within: Number.NaN };
  const largest = largestGroupId(groups, n);
  return largest >= 0 ? theilOfIndexedGroups(values, groups, n, mu, largest) : theilOfAnyGroups(values, groups, n, mu);
}

/** The largest group when every group is a whole number small enough to index arrays by, else -1. */
function largestGroupId(groups: ArrayLike<number>, n: number): number {
  let largest = 0;
  for (let i = 0; i < n; i++) {
    const g = groups[i]!;
    if (!(g >= 0 && g < 65_536 + 4 * n && Math.floor(g) === g)) return -1;
    if (g > largest) largest = g;
  }
  return largest;
}

/** Group sums and counts in arrays indexed by group, each added to in value order as the general path adds them. */
function theilOfIndexedGroups(
  values: ArrayLike<number>, groups: ArrayLike<number>, n: number, mu: number, largest: number,
): { total: number; between: number; within: number } {
  const groupSum = new Float64Array(largest + 1);
  const groupCount = new Float64Array(largest + 1);
  const total = theilSum(values, groups, n, mu, groupSum, groupCount) / n;
  let between = 0;
  for (let g = 0; g <= largest; g++) {
    const count = groupCount[g]!;
    if (count === 0) continue;
    const sum = groupSum[g]!;
    const muG = sum / count;
    if (muG > 0) between += (sum / (n * mu)) * ln(muG / mu);
  }
  return { total, between, within: total - between };
}

/** sum of (x / mu) ln(x / mu) over positive values, filling each group's sum and count. */
function theilSum(
  values: ArrayLike<number>, groups: ArrayLike<number>, n: number, mu: number, groupSum: Float64Array, groupCount: Float64Array,
): number {
  let total = 0;
  for (let i = 0; i < n; i++) {
    const x = values[i]!;
    if (x > 0) total += (x / mu) * ln(x / mu);
    const g = groups[i]!;
    groupSum[g]! += x;
    groupCount[g]!++;
  }
  return total;
}

function theilOfAnyGroups(
  values: ArrayLike<number>, groups: ArrayLike<number>, n: number, mu: number,
): { total: number; between: number; within: number } {
  let total = 0;
  const groupSum = new Map<number, number>();
  const groupCount = new Map<number, number>();
  for (let i = 0; i < n; i++) {
    const x = values[i]!;
    if (x > 0) total += (x / mu) * ln(x / mu);
    const g = groups[i]!;
    groupSum.set(g, (groupSum.get(g) ?? 0) + x);
    groupCount.set(g, (groupCount.get(g) ?? 0) + 1);
  }
  total /= n;
  let between = 0;
  for (const [g, s] of [...groupSum].sort((a, b) => a[0] - b[0])) {
    const muG = s / groupCount.get(g)!;
    if (muG > 0) between += (s / (n * mu)) * ln(muG / mu);
  }
  return { total, between, within: total - between };
}
