// MODEL.md section 1: equal and pro-rata divisions never create or lose a cent. Each share is
// rounded down and the remainder cents go one each to the largest fractional parts (ties to
// the lower index), so the same inputs always give the same split.

/**
 * Splits `totalCents` in proportion to `weights` into `out`: whole cents summing exactly to
 * `totalCents`, or all zero when the weights sum to zero.
 */
export function allocateProRata(totalCents: number, weights: ArrayLike<number>, out: Float64Array): void {
  const n = weights.length;
  let weightSum = 0;
  for (let i = 0; i < n; i++) weightSum += weights[i]!;
  out.fill(0, 0, n);
  if (weightSum <= 0 || totalCents <= 0) return;
  const fractions = new Float64Array(n);
  let given = 0;
  for (let i = 0; i < n; i++) {
    const exact = (totalCents * weights[i]!) / weightSum;
    const share = Math.floor(exact);
    out[i] = share;
    fractions[i] = exact - share;
    given += share;
  }
  const order = Array.from({ length: n }, (_, i) => i)
    .sort((a, b) => fractions[b]! - fractions[a]! || a - b);
  for (let k = 0; k < totalCents - given; k++) out[order[k % n]!]! += 1;
}

/** An equal division: what each of `count` recipients gets, and the remainder carried forward. */
export function equalShareCents(totalCents: number, count: number): { shareCents: number; carryCents: number } {
  if (count <= 0) return { shareCents: 0, carryCents: totalCents };
  const shareCents = Math.floor(totalCents / count);
  return { shareCents, carryCents: totalCents - shareCents * count };
}
