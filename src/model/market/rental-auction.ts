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
  let best = -1;
  let second = -1;
  let eligible = 0;
  for (let i = 0; i < bids.length; i++) {
    const w = bids[i]!.willingnessCents;
    if (w < reserveCents) continue;
    eligible++;
    if (best < 0 || w > bids[best]!.willingnessCents) {
      second = best;
      best = i;
    } else if (second < 0 || w > bids[second]!.willingnessCents) {
      second = i;
    }
  }
  if (best < 0) return { winner: -1, rentCents: 0 };
  const top = bids[best]!.willingnessCents;
  if (format === 'second-price') {
    const runnerUp = second >= 0 ? bids[second]!.willingnessCents : reserveCents;
    return { winner: best, rentCents: Math.max(reserveCents, Math.round(runnerUp)) };
  }
  const shaded = reserveCents + ((eligible - 1) / eligible) * (top - reserveCents);
  return { winner: best, rentCents: Math.max(reserveCents, Math.round(shaded)) };
}
