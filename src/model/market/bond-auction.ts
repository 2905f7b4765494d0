// MODEL.md section 4, bond auction: savers bid (yield asked, cents offered) in a seeded order;
// the lowest asks fill the face. `uniform` pays every winner the clearing (marginal) yield,
// `discriminatory` pays each its own ask. The sale clears only if the bids cover the face at a
// clearing yield no higher than `maxYield` and the issuer's guarantee covers the service.
import { FLOW, type Ledger } from '../ledger.ts';
import { annuityPaymentCents, type BondBook } from './bond-series.ts';

export type AuctionFormat = 'uniform' | 'discriminatory';

export interface BondBid {
  /** Ledger account that pays for the bonds and receives their service. */
  readonly bidder: number;
  readonly askYield: number;
  readonly amountCents: number;
}

export interface BondAuctionTerms {
  readonly faceCents: number;
  readonly maturityMonths: number;
  readonly maxYield: number;
  readonly format: AuctionFormat;
  /**
   * The issuer's guarantee: may the series carry this monthly service? (For a commune, the
   * rental agreement's rent; for a firm or cooperative, its expected operating surplus.)
   */
  readonly guarantee: (monthlyServiceCents: number) => boolean;
}

export interface BondAllocation {
  readonly bidder: number;
  readonly amountCents: number;
  readonly annualYield: number;
  /** What the winner asked (its yield in the discriminatory format; at most it in the uniform); absent: its yield. */
  readonly askYield?: number;
}

export type BondAuctionOutcome =
  | { readonly cleared: true; readonly clearingYield: number; readonly serviceCents: number; readonly allocations: BondAllocation[] }
  | { readonly cleared: false; readonly reason: 'undersubscribed' | 'above-max-yield' | 'guarantee'; readonly clearingYield: number };

let orderScratch = new Int32Array(16);

/**
 * Bid indices by ask, lowest first, ties in bidding order: an insertion sort into a reused
 * buffer (an auction has a handful of bids, and auctions run thousands of times a year).
 */
function askOrder(bids: readonly BondBid[]): Int32Array {
  if (orderScratch.length < bids.length) orderScratch = new Int32Array(2 * bids.length);
  const order = orderScratch;
  for (let i = 0; i < bids.length; i++) {
    const ask = bids[i]!.askYield;
    let j = i;
    // Shift later-placed bids with a strictly higher ask; an equal ask stays ahead (stable).
    while (j > 0 && bids[order[j - 1]!]!.askYield > ask) {
      order[j] = order[j - 1]!;
      j--;
    }
    order[j] = i;
  }
  return order;
}

/** The bids filled (index, cents taken) by the auction being cleared: reused, auctions run thousands of times a year. */
let filledBid = new Int32Array(16);
let filledCents = new Float64Array(16);

/** Clears an auction; pure, so it can be tested and replayed. Ties keep the bidding order. */
export function clearBondAuction(bids: readonly BondBid[], terms: BondAuctionTerms): BondAuctionOutcome {
  const order = askOrder(bids);
  if (filledBid.length < bids.length) {
    filledBid = new Int32Array(2 * bids.length);
    filledCents = new Float64Array(2 * bids.length);
  }
  let filled = 0;
  let covered = 0;
  for (let k = 0; k < bids.length; k++) {
    const i = order[k]!;
    if (covered >= terms.faceCents) break;
    const take = Math.min(bids[i]!.amountCents, terms.faceCents - covered);
    if (take <= 0) continue;
    filledBid[filled] = i;
    filledCents[filled++] = take;
    covered += take;
  }
  const marginal = filled > 0 ? bids[filledBid[filled - 1]!]!.askYield : Number.POSITIVE_INFINITY;
  if (covered < terms.faceCents) return { cleared: false, reason: 'undersubscribed', clearingYield: marginal };
  if (marginal > terms.maxYield) return { cleared: false, reason: 'above-max-yield', clearingYield: marginal };
  const allocations: BondAllocation[] = [];
  for (let k = 0; k < filled; k++) {
    const bid = bids[filledBid[k]!]!;
    allocations.push({
      bidder: bid.bidder,
      amountCents: filledCents[k]!,
      annualYield: terms.format === 'uniform' ? marginal : bid.askYield,
      askYield: bid.askYield,
    });
  }
  let serviceCents = 0;
  for (const a of allocations) serviceCents += annuityPaymentCents(a.amountCents, a.annualYield, terms.maturityMonths);
  if (!terms.guarantee(serviceCents)) return { cleared: false, reason: 'guarantee', clearingYield: marginal };
  return { cleared: true, clearingYield: marginal, serviceCents, allocations };
}

/**
 * Settles a cleared auction: each winner pays the issuer's account, and the series with one
 * holding per winner enters the book (returns its id). The caller then buys the asset.
 */
export function issueSeries(
  ledger: Ledger, book: BondBook, allocations: readonly BondAllocation[],
  issue: { issuer: number; issuerAccount: number; asset: number; tick: number; maturityMonths: number },
): number {
  for (const a of allocations) ledger.transfer(a.bidder, issue.issuerAccount, a.amountCents, FLOW['bond-purchase']);
  return book.addSeries({ issuer: issue.issuer, asset: issue.asset, escrow: ledger.open(), tick: issue.tick, maturityMonths: issue.maturityMonths }, allocations);
}
