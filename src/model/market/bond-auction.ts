// MODEL.md section 4, bond auction: savers bid (yield asked, cents offered) in a seeded order;
// the lowest asks fill the face. `uniform` pays every winner the clearing (marginal) yield,
// `discriminatory` pays each its own ask. The sale clears only if the bids cover the face at a
// clearing yield no higher than `maxYield` and the issuer's guarantee covers the service.
import { FLOW, type Ledger } from '../ledger.ts';
import { annuityPaymentCents, type BondBook } from './bond-series.ts';
import { settleNumberFields } from '../number-fields.ts';

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

/** One winner's holding as the bond book takes it (AuctionResult's reused records). */
interface Holding {
  bidder: number;
  amountCents: number;
  annualYield: number;
  askYield: number;
}

/**
 * An auction's result, reused auction to auction (thousands a year): the winners as records
 * kept from one auction to the next, not an outcome object, an array and an object per winner
 * each time. `holdings` (the first `count` records) is valid until the next auction.
 */
export class AuctionResult {
  cleared = false;
  reason: 'undersubscribed' | 'above-max-yield' | 'guarantee' | undefined = undefined;
  clearingYield = 0;
  serviceCents = 0;
  readonly holdings: Holding[] = [];
  private readonly pool: Holding[] = [];

  constructor() {
    settleNumberFields(this);
  }

  /** The winners as allocations (new objects: tests and replays). */
  get allocations(): BondAllocation[] {
    return this.holdings.map((h) => ({ bidder: h.bidder, amountCents: h.amountCents, annualYield: h.annualYield, askYield: h.askYield }));
  }

  /** Sets the winners to the first `n` records (a cleared auction has at least one). */
  setCount(n: number): void {
    const { pool, holdings } = this;
    // The yields are doubles from the start (NaN), so no record's field changes representation later.
    while (pool.length < n) pool.push({ bidder: 0, amountCents: Number.NaN, annualYield: Number.NaN, askYield: Number.NaN });
    if (holdings.length > n) holdings.length = n;
    while (holdings.length < n) holdings.push(pool[holdings.length]!);
  }
}

/**
 * Clears an auction into `out` (reused); pure, so it can be tested and replayed. Ties keep the
 * bidding order. The winners' holdings are written only once the auction clears; a failed
 * auction's three reasons share one return, so no branch that a run may first take late holds
 * code of its own.
 */
export function clearBondAuctionInto(bids: BondBids, terms: BondAuctionTerms, out: AuctionResult): AuctionResult {
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
  out.clearingYield = marginal;
  out.reason = reason;
  out.cleared = reason === undefined;
  if (reason !== undefined) return out;
  out.serviceCents = serviceCents;
  out.setCount(filled);
  const holdings = out.holdings;
  for (let k = 0; k < filled; k++) {
    const i = filledBid[k]!;
    const h = holdings[k]!;
    h.bidder = bids.bidder[i]!;
    h.amountCents = filledCents[k]!;
    h.annualYield = uniform ? marginal : askYield[i]!;
    h.askYield = askYield[i]!;
  }
  return out;
}

/** Clears an auction (clearBondAuctionInto), its outcome as new objects: tests and replays. */
export function clearBondAuction(bids: BondBids, terms: BondAuctionTerms): BondAuctionOutcome {
  const out = clearBondAuctionInto(bids, terms, new AuctionResult());
  if (!out.cleared) return { cleared: false, reason: out.reason!, clearingYield: out.clearingYield };
  return { cleared: true, clearingYield: out.clearingYield, serviceCents: out.serviceCents, allocations: out.allocations };
}

/** The series record issueSeries hands the book (read at once, so one serves every issue). */
const issued = { issuer: 0, asset: 0, escrow: 0, tick: 0, maturityMonths: 0 };

/**
 * Settles a cleared auction: each winner pays the issuer's account, and the series with one
 * holding per winner enters the book (returns its id). The caller then buys the asset.
 */
export function issueSeries(
  ledger: Ledger, book: BondBook, allocations: readonly BondAllocation[],
  issue: { issuer: number; issuerAccount: number; asset: number; tick: number; maturityMonths: number },
): number {
  for (let k = 0; k < allocations.length; k++) {
    const a = allocations[k]!;
    ledger.transfer(a.bidder, issue.issuerAccount, a.amountCents, FLOW['bond-purchase']);
  }
  issued.issuer = issue.issuer; issued.asset = issue.asset; issued.escrow = ledger.open();
  issued.tick = issue.tick; issued.maturityMonths = issue.maturityMonths;
  return book.addSeries(issued, allocations);
}
