// MODEL.md section 1: equal and pro-rata divisions never create or lose a cent, and the same
// inputs always give the same split.

/** One recipient's pro-rata share of `totalCents`, rounded down to the cent (never more than its part). */
export function proRataShareCents(totalCents: number, weight: number, weightSum: number): number {
  return Math.floor((totalCents * weight) / weightSum);
}

/**
 * Splits `totalCents` in proportion to `weights` into `out`: whole cents summing exactly to
 * `totalCents` (each share rounded down, the remainder cents one each to the recipients with
 * positive weight in index order), or all zero when the weights sum to zero. No allocation.
 * With `n`, only the first n weights (and entries of `out`) take part.
 */
export function allocateProRata(
  totalCents: number, weights: ArrayLike<number>, out: Float64Array, n = weights.length, knownWeightSum = Number.NaN,
): void {
  // A caller that has summed the weights (the bond service: the balances left after the
  // scheduled payment) passes the sum, which must be what this loop would give.
  let weightSum = knownWeightSum;
  if (Number.isNaN(weightSum)) {
    weightSum = 0;
    for (let i = 0; i < n; i++) weightSum += weights[i]!;
  }
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
  // One cent each in index order, round again if need be (a wrap, not `% n`: an integer
  // division per step of a loop the bond service runs for most series every month).
  for (let i = 0; remainder > 0; i = i + 1 === n ? 0 : i + 1) {
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
