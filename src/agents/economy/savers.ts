// MODEL.md 4 and 10.2, the savers' side of the bond auction: each month a saver may commit at
// most `saversFraction * (cash - buffer)` across all auctions, so total lending is bounded by
// saving and an issuer kind that borrows fast walks up the savers' asks. Savers are asked in a
// seeded order (a cursor runs an incremental Fisher-Yates shuffle over the list, drawing only
// as many savers as auctions ask, so successive auctions reach different savers); each asks
// its opportunity return (the larger of baseYield, the market's trailing yield on cleared bonds
// net of the loss priced in them, and its own trailing payout on the firm equity it holds) + the
// issuer's expected loss + noise.
import type { RandomStream } from '../../model/random.ts';
import type { BondBid } from '../../model/market/bond-auction.ts';
import { askYield, opportunityReturn } from '../../model/market/risk-pricing.ts';
import type { EconomyState } from '../../model/economy/economy-state.ts';

export interface SaverQueue {
  order: Int32Array;
  length: number;
  cursor: number;
  /** Per person, the last auction it bid in (a saver bids once per auction, even when the order wraps round). */
  lastAuction: Int32Array;
  auction: number;
}

export function newSaverQueue(count: number): SaverQueue {
  return { order: new Int32Array(count), length: 0, cursor: 0, lastAuction: new Int32Array(count).fill(-1), auction: 0 };
}

/** Sets this month's lending budgets and lists the savers. */
export function openSaverBudgets(state: EconomyState, queue: SaverQueue): void {
  queue.length = listSavers(state, queue.order);
  queue.cursor = 0;
}

/**
 * Writes every person's budget and the savers into `order`; returns how many. Apart from
 * openSaverBudgets because V8 compiles this loop on its first call, mid-loop, before the code
 * after it ever ran: stores after the loop then had no type feedback, and that code was thrown
 * away and re-entered every month (456 deoptimisations a `mixed` run).
 */
function listSavers(state: EconomyState, order: Int32Array): number {
  const { persons, ledger, params } = state;
  let n = 0;
  const minimum = Math.max(1, params.minimumBidCents);
  const { bufferCents, saversFraction } = params;
  const { bondBudget, firstAccount } = persons;
  for (let p = 0; p < persons.count; p++) {
    const spare = ledger.balance(firstAccount + p) - bufferCents;
    const budget = spare > 0 ? Math.floor(saversFraction * spare) : 0;
    bondBudget[p] = budget;
    if (budget >= minimum) order[n++] = p;
  }
  return n;
}

/** The next saver in the seeded order: one step of a Fisher-Yates shuffle. */
function nextSaver(queue: SaverQueue, rng: RandomStream): number {
  if (queue.cursor >= queue.length) queue.cursor = 0;
  const k = queue.cursor++;
  const j = k + rng.int(queue.length - k);
  const chosen = queue.order[j]!;
  queue.order[j] = queue.order[k]!;
  queue.order[k] = chosen;
  return chosen;
}

/**
 * Collects bids for one series: up to `biddersPerAuction` savers with budget left (members of
 * `membersOf` only, when eligibility is members-only), stopping once twice the face is offered.
 */
export function collectBondBids(
  state: EconomyState, queue: SaverQueue, rng: RandomStream, faceCents: number, expectedLoss: number,
  membersOf: number, bids: BondBid[],
): void {
  const { persons, params, finance } = state;
  const { equityReturn, marketReturn } = finance;
  bids.length = 0;
  let offered = 0;
  const auction = ++queue.auction;
  const { lastAuction } = queue;
  for (let seen = 0; seen < queue.length && bids.length < params.biddersPerAuction && offered < 2 * faceCents; seen++) {
    const p = nextSaver(queue, rng);
    // Never more than the saver holds now: money reserved by a purchase (MODEL.md 10.7) or
    // spent since the budgets opened is not offered.
    const budget = Math.min(persons.bondBudget[p]!, state.ledger.balance(persons.firstAccount + p));
    if (budget < params.minimumBidCents || budget <= 0) continue;
    if (membersOf >= 0 && persons.memberOf[p] !== membersOf) continue;
    if (lastAuction[p] === auction) continue;
    lastAuction[p] = auction;
    const opportunity = opportunityReturn(params.baseYield, marketReturn, equityReturn[p]!);
    const ask = askYield(opportunity, expectedLoss, params.askNoise * rng.normal());
    bids.push({ bidder: persons.firstAccount + p, askYield: ask, amountCents: Math.min(budget, faceCents) });
    offered += Math.min(budget, faceCents);
  }
}
