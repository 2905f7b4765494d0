// MODEL.md section 1: equal and pro-rata divisions never create or lose a cent, and the same
// inputs always give the same split.

/**
 * Splits `totalCents` in proportion to `weights` into `out`: whole cents summing exactly to
 * `totalCents` (each share rounded down, the remainder cents one each to the recipients with
 * positive weight in index order), or all zero when the weights sum to zero. No allocation.
 * With `n`, only the first n weights (and entries of `out`) take part.
 */
/** One recipient's pro-rata share of `totalCents`, rounded down to the cent (never more than its part). */
export function proRataShareCents(totalCents: number, weight: number, weightSum: number): number {
  return Math.floor((totalCents * weight) / weightSum);
}

export function allocateProRata(totalCents: number, weights: ArrayLike<number>, out: Float64Array, n = weights.length): void {
  let weightSum = 0;
  for (let i = 0; i < n; i++) weightSum += weights[i]!;
  if (weightSum <= 0 || totalCents <= 0) {
    for (let i = 0; i < n; i++) out[i] = 0;
    return;
  }
  // Every share is written below. (Not out.fill: bond service calls this for a handful of
  // holdings per series, thousands of times a month, and the builtin's call costs more than
  // the loop; it was 5% of the service.)
  let given = 0;
  for (let i = 0; i < n; i++) {
    const share = proRataShareCents(totalCents, weights[i]!, weightSum);
    out[i] = share;
    given += share;
  }
  let remainder = totalCents - given;
  for (let i = 0; remainder > 0; i = (i + 1) % n) {
    if (weights[i]! > 0) {
      out[i]! += 1;
      remainder--;
    }
  }
}

/** An equal division: what each of `count` recipients gets, and the remainder carried forward. */
export function equalShareCents(totalCents: number, count: number): { shareCents: number; carryCents: number } {
  if (count <= 0) return { shareCents: 0, carryCents: totalCents };
  const shareCents = Math.floor(totalCents / count);
  return { shareCents, carryCents: totalCents - shareCents * count };
}
