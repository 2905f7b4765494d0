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

/**
 * One auction's bids in bidding order, a column per field of `BondBid`: the same table serves
 * auction after auction (thousands a year) without an object per bid. Room for 256 bids from
 * the start (an auction asks `biddersPerAuction`, 200 by default): growing replaces the
 * columns, and V8 then throws away the code that took them for constant.
 */
export class BondBids {
  bidder = new Int32Array(256);
  askYield = new Float64Array(256);
  amountCents = new Float64Array(256);
  count = 0;

  static of(bids: readonly BondBid[]): BondBids {
    const table = new BondBids();
    for (const bid of bids) table.add(bid.bidder, bid.askYield, bid.amountCents);
    return table;
  }

  add(bidder: number, askYield: number, amountCents: number): void {
    const k = this.count;
    if (k === this.bidder.length) this.grow();
    this.bidder[k] = bidder;
    this.askYield[k] = askYield;
    this.amountCents[k] = amountCents;
    this.count = k + 1;
  }

  private grow(): void {
    const bidder = new Int32Array(2 * this.count);
    const askYield = new Float64Array(2 * this.count);
    const amountCents = new Float64Array(2 * this.count);
    bidder.set(this.bidder);
    askYield.set(this.askYield);
    amountCents.set(this.amountCents);
    this.bidder = bidder;
    this.askYield = askYield;
    this.amountCents = amountCents;
  }
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

let orderScratch = new Int32Array(256);

/**
 * Bid indices by ask, lowest first, ties in bidding order: an insertion sort into a reused
 * buffer (an auction has a handful of bids, and auctions run thousands of times a year).
 */
function askOrder(bids: BondBids): Int32Array {
  const n = bids.count;
  if (orderScratch.length < n) orderScratch = new Int32Array(2 * n);
  const order = orderScratch;
  const asks = bids.askYield;
  for (let i = 0; i < n; i++) {
    const ask = asks[i]!;
    let j = i;
    // Shift later-placed bids with a strictly higher ask; an equal ask stays ahead (stable).
    while (j > 0 && asks[order[j - 1]!]! > ask) {
      order[j] = order[j - 1]!;
      j--;
    }
    order[j] = i;
  }
  return order;
}

/** The bids filled (index, cents taken) by the auction being cleared: reused, auctions run thousands of times a year. */
let filledBid = new Int32Array(256);
let filledCents = new Float64Array(256);

/**
 * Clears an auction; pure, so it can be tested and replayed. Ties keep the bidding order. The
 * winners' allocations are made only once the auction clears; a failed auction's three reasons
 * share one return, so no branch that a run may first take late holds code of its own.
 */
export function clearBondAuction(bids: BondBids, terms: BondAuctionTerms): BondAuctionOutcome {
  const order = askOrder(bids);
  const n = bids.count;
  if (filledBid.length < n) {
    filledBid = new Int32Array(2 * n);
    filledCents = new Float64Array(2 * n);
  }
  const { askYield, amountCents } = bids;
  let filled = 0;
  let covered = 0;
  for (let k = 0; k < n; k++) {
    const i = order[k]!;
    if (covered >= terms.faceCents) break;
    const take = Math.min(amountCents[i]!, terms.faceCents - covered);
    if (take <= 0) continue;
    filledBid[filled] = i;
    filledCents[filled++] = take;
    covered += take;
  }
  const marginal = filled > 0 ? askYield[filledBid[filled - 1]!]! : Number.POSITIVE_INFINITY;
  const uniform = terms.format === 'uniform';
  let reason: 'undersubscribed' | 'above-max-yield' | 'guarantee' | undefined;
  if (covered < terms.faceCents) reason = 'undersubscribed';
  else if (marginal > terms.maxYield) reason = 'above-max-yield';
  let serviceCents = 0;
  if (reason === undefined) {
    for (let k = 0; k < filled; k++) {
      serviceCents += annuityPaymentCents(filledCents[k]!, uniform ? marginal : askYield[filledBid[k]!]!, terms.maturityMonths);
    }
    if (!terms.guarantee(serviceCents)) reason = 'guarantee';
  }
  if (reason !== undefined) return { cleared: false, reason, clearingYield: marginal };
  const allocations: BondAllocation[] = [];
  for (let k = 0; k < filled; k++) {
    const i = filledBid[k]!;
    allocations.push({ bidder: bids.bidder[i]!, amountCents: filledCents[k]!, annualYield: uniform ? marginal : askYield[i]!, askYield: askYield[i]! });
  }
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
