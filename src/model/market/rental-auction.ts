// MODEL.md section 4, rental auction: a free asset goes to the highest willingness to pay at
// or above the reserve. Second-price: the winner pays the larger of the reserve and the
// runner-up's willingness. First-price: bidders shade toward the reserve by the symmetric
// equilibrium rule for n bidders with independent private values, b = r + (n-1)/n (v - r).

export type RentalFormat = 'first-price' | 'second-price';

export interface RentalBid {
  /** Who bids (a person id for the economy; opaque to the rule). */
  readonly bidder: number;
  /** Highest monthly rent the bidder would pay, in cents. */
  readonly willingnessCents: number;
}

export interface RentalOutcome {
  /** Index into the bids of the winner, or -1 when no bid reaches the reserve. */
  readonly winner: number;
  readonly rentCents: number;
}

export function clearRentalAuction(bids: readonly RentalBid[], reserveCents: number, format: RentalFormat): RentalOutcome {
  const willingness = Float64Array.from(bids, (bid) => bid.willingnessCents);
  const rent = new Float64Array(1);
  const winner = clearRentalColumn(willingness, bids.length, reserveCents, format, rent);
  return { winner, rentCents: rent[0]! };
}

/**
 * The same rule over the first `count` willingnesses of a column (no bid objects: the economy
 * holds hundreds of auctions a month). Returns the winner's index, or -1; writes its rent (0
 * without a winner) into `rent[0]`.
 */
export function clearRentalColumn(
  willingness: Float64Array, count: number, reserveCents: number, format: RentalFormat, rent: Float64Array,
): number {
  let best = -1;
  let second = -1;
  let eligible = 0;
  for (let i = 0; i < count; i++) {
    const w = willingness[i]!;
    if (w < reserveCents) continue;
    eligible++;
    if (best < 0 || w > willingness[best]!) {
      second = best;
      best = i;
    } else if (second < 0 || w > willingness[second]!) {
      second = i;
    }
  }
  if (best < 0) {
    rent[0] = 0;
    return -1;
  }
  const top = willingness[best]!;
  if (format === 'second-price') {
    const runnerUp = second >= 0 ? willingness[second]! : reserveCents;
    rent[0] = Math.max(reserveCents, Math.round(runnerUp));
    return best;
  }
  const shaded = reserveCents + ((eligible - 1) / eligible) * (top - reserveCents);
  rent[0] = Math.max(reserveCents, Math.round(shaded));
  return best;
}
