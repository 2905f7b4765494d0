// MODEL.md 10.5, takeovers are bought, not seized (v2 let a richer firm take a weaker one at
// book equity). At year end a firm may bid for a firm with a lower return on assets: it offers
// the target's market value (trailing annual profit capitalised at the trailing bond yield,
// never below its book equity) plus `premium`, if it has the cash and the target is worth at
// least that to it (the target's assets earning the buyer's return, capitalised alike, plus
// the target's cash, less the debt it takes over with the target's bond series); the target's shareholders accept only if the offer beats what their
// shares are worth. Buyers go from the best return down, each to the weakest target it can
// buy; each firm takes part in at most one takeover a year, as buyer or as target. A firm buys
// only a firm of its own line (MODEL.md 10.1): a producer buying a landlord would become both;
// and the two lines' returns on assets (homes' rents, workshops' surplus) do not rank one firm's
// management against the other's.

export interface FirmStanding {
  readonly id: number;
  readonly cashCents: number;
  readonly bookEquityCents: number;
  /** Book value of its assets. */
  readonly bookAssetsCents: number;
  /** Principal outstanding on its bond series: the buyer takes these over with the assets. */
  readonly debtCents: number;
  /** Trailing net income, annualised. */
  readonly annualProfitCents: number;
  /** Annual profit over the book value of its assets. */
  readonly returnOnAssets: number;
  /** Its line of business (FIRM_LINE_*): a firm buys only firms of its own line. */
  readonly line: number;
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
 * What the target's equity is worth to a buyer: its assets earning the buyer's return,
 * capitalised, plus its cash, less its debt (the buyer inherits the bond series; v3's first
 * version left the debt out, so a leveraged loss-maker about to default was worth as much to
 * a buyer as a debt-free one, and was bought instead of failing).
 */
export function valueToBuyerCents(target: FirmStanding, buyerReturnOnAssets: number, yieldRate: number): number {
  const capitalised = yieldRate > 0 ? (target.bookAssetsCents * buyerReturnOnAssets) / yieldRate : 0;
  return Math.max(0, capitalised) + Math.max(0, target.cashCents) - target.debtCents;
}

export function planTakeovers(firms: readonly FirmStanding[], yieldRate: number, premium: number): Takeover[] {
  const byReturn = [...firms].sort((a, b) => b.returnOnAssets - a.returnOnAssets || a.id - b.id);
  const engaged = new Set<number>();
  const plans: Takeover[] = [];
  for (const acquirer of byReturn) {
    if (engaged.has(acquirer.id)) continue;
    // The weakest target first: the one whose assets earn least.
    for (let k = byReturn.length - 1; k >= 0; k--) {
      const target = byReturn[k]!;
      if (target.id === acquirer.id || engaged.has(target.id) || target.line !== acquirer.line) continue;
      if (!(target.returnOnAssets < acquirer.returnOnAssets)) break;
      const value = marketValueCents(target.annualProfitCents, target.bookEquityCents, yieldRate);
      const offer = Math.round(value * (1 + premium));
      if (offer > acquirer.cashCents || offer > valueToBuyerCents(target, acquirer.returnOnAssets, yieldRate)) continue;
      if (!shareholdersAccept(offer, value)) continue;
      plans.push({ acquirer: acquirer.id, target: target.id, priceCents: offer });
      engaged.add(acquirer.id);
      engaged.add(target.id);
      break;
    }
  }
  return plans;
}
