// MODEL.md 10.5, takeovers are bought, not seized, and only from owners who sell. At year end
// a firm is put up for sale with probability `firms.forSaleRate` (whole-firm sales are a small
// market: Maksimovic & Phillips 2001, J. Finance 56(6), about 2% of US manufacturing plants
// change owner a year in mergers and takeovers; v3's first version made every firm a target
// every year, and producers bought each other up into a dozen firms). A firm for sale is
// offered at its market value (trailing annual profit capitalised at the trailing bond yield,
// never below its book equity) plus `premium`; the shareholders accept only an offer above what
// their shares are worth. The buyer is the most productive firm of its line that is more
// productive than the target (the probability of buying rises with the buyer's productivity,
// and the gain with the gap: Maksimovic & Phillips 2001), has the cash, and values the target
// at least at the offer: the target's profit with its sales raised to the buyer's productivity,
// capitalised alike, plus its cash, less the debt it takes over with the target's bond series.
// A firm buys only a firm of its own line (MODEL.md 10.1): a producer buying a landlord would
// become both. Each firm takes part in at most one takeover a year, as buyer or as target.

export interface FirmStanding {
  readonly id: number;
  readonly cashCents: number;
  readonly bookEquityCents: number;
  /** Principal outstanding on its bond series: the buyer takes these over with the assets. */
  readonly debtCents: number;
  /** Trailing net income, annualised. */
  readonly annualProfitCents: number;
  /** Trailing sales of its own output, annualised (what a more productive owner would raise). */
  readonly annualSalesCents: number;
  /** Its productivity factor (enterprise-productivity.ts). */
  readonly productivity: number;
  /** Its line of business (FIRM_LINE_*): a firm buys only firms of its own line. */
  readonly line: number;
  /** Whether its owners put it up for sale this year. */
  readonly forSale: boolean;
}

export interface Takeover {
  readonly acquirer: number;
  readonly target: number;
  readonly priceCents: number;
}

/** Market value of a firm's equity: trailing profit capitalised at `yieldRate`, floor its book equity. */
export function marketValueCents(annualProfitCents: number, bookEquityCents: number, yieldRate: number): number {
  const capitalised = yieldRate > 0 ? annualProfitCents / yieldRate : 0;
  return Math.max(0, bookEquityCents, capitalised);
}

/** The target's shareholders sell only for more than what they hold is worth. */
export function shareholdersAccept(offerCents: number, holdingValueCents: number): boolean {
  return offerCents > holdingValueCents;
}

/**
 * What the target's equity is worth to a buyer of productivity `buyerProductivity`: the
 * target's profit with its sales raised (or lowered) to the buyer's productivity, capitalised,
 * plus its cash, less its debt (the buyer inherits the bond series). v3's first version valued
 * the target's depreciated book assets at the buyer's return on its own depreciated book, so
 * an old buyer whose assets were nearly written off valued every target at many times its
 * earnings.
 */
export function valueToBuyerCents(target: FirmStanding, buyerProductivity: number, yieldRate: number): number {
  const gain = target.productivity > 0 ? target.annualSalesCents * (buyerProductivity / target.productivity - 1) : 0;
  const capitalised = yieldRate > 0 ? (target.annualProfitCents + gain) / yieldRate : 0;
  return Math.max(0, capitalised) + Math.max(0, target.cashCents) - target.debtCents;
}

export function planTakeovers(firms: readonly FirmStanding[], yieldRate: number, premium: number): Takeover[] {
  const byProductivity = [...firms].sort((a, b) => b.productivity - a.productivity || a.id - b.id);
  const engaged = new Set<number>();
  const plans: Takeover[] = [];
  for (const target of firms) {
    if (!target.forSale || engaged.has(target.id)) continue;
    const value = marketValueCents(target.annualProfitCents, target.bookEquityCents, yieldRate);
    const offer = Math.round(value * (1 + premium));
    if (!shareholdersAccept(offer, value)) continue;
    for (const buyer of byProductivity) {
      if (!(buyer.productivity > target.productivity)) break;
      if (buyer.id === target.id || engaged.has(buyer.id) || buyer.line !== target.line) continue;
      if (offer > buyer.cashCents || offer > valueToBuyerCents(target, buyer.productivity, yieldRate)) continue;
      plans.push({ acquirer: buyer.id, target: target.id, priceCents: offer });
      engaged.add(buyer.id);
      engaged.add(target.id);
      break;
    }
  }
  return plans;
}
