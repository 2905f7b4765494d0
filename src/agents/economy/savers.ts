// MODEL.md 4 and 10.2, the savers' side of the bond auction: each month a saver may commit at
// most `saversFraction * (cash - buffer)` across all auctions, so total lending is bounded by
// saving and an issuer kind that borrows fast walks up the savers' asks. Savers are asked in a
// seeded order (a cursor runs an incremental Fisher-Yates shuffle over the list, drawing only
// as many savers as auctions ask, so successive auctions reach different savers, and dropping
// a saver the first time it is drawn with its budget spent); each asks
// its opportunity return (the larger of baseYield, the market's trailing yield on cleared bonds
// net of the loss priced in them, and its own trailing payout on the firm equity it holds) + the
// issuer's expected loss + noise. Cooperatives lend their idle capital in the same queue, by the
// same rule (MODEL.md 10.8): saversFraction of their cash above six months of costs.
import type { RandomStream } from '../../model/random.ts';
import type { BondBids } from '../../model/market/bond-auction.ts';
import { settleObjectFields } from '../../model/number-fields.ts';
import { askYield, opportunityReturn } from '../../model/market/risk-pricing.ts';
import type { EconomyState } from '../../model/economy/economy-state.ts';
import { ORG_COOPERATIVE } from '../../model/economy/organisation-table.ts';
import { idleCapitalCents } from '../cooperative/idle-capital.ts';
import { grown } from '../../model/grown.ts';

export interface SaverQueue {
  order: Int32Array;
  length: number;
  cursor: number;
  /** Auctions held so far: a lending cooperative's last auction (lenderLastAuction) is one of them. */
  auction: number;
  /**
   * Lending cooperatives this month: entry `persons + k` of `order` stands for the k-th, with
   * its organisation id, budget (cents) and last auction here, the first `lenderCount` of
   * each column (columns reused month to month: emptying an array each month was a call
   * into the runtime, three a month).
   */
  lenders: Int32Array;
  lenderBudget: Float64Array;
  lenderLastAuction: Int32Array;
  lenderCount: number;
}

export function newSaverQueue(count: number): SaverQueue {
  return settleObjectFields({
    order: new Int32Array(count + 1), length: 0, cursor: 0, auction: 0,
    lenders: new Int32Array(8), lenderBudget: new Float64Array(8), lenderLastAuction: new Int32Array(8), lenderCount: 0,
  });
}

/** Sets this month's lending budgets and lists the savers. */
export function openSaverBudgets(state: EconomyState, queue: SaverQueue): void {
  queue.length = listSavers(state, queue);
  listLendingCooperatives(state, queue);
  queue.cursor = 0;
}

/** Cooperatives with idle capital join the savers (MODEL.md 10.8), after the persons, in id order. */
function listLendingCooperatives(state: EconomyState, queue: SaverQueue): void {
  queue.lenderCount = 0;
  const { params, persons } = state;
  if (!params.coopLendIdle) return;
  const minimum = Math.max(1, params.minimumBidCents);
  for (const org of state.orgs.all) {
    if (!org.alive || org.kind !== ORG_COOPERATIVE) continue;
    const budget = Math.floor(params.saversFraction * idleCapitalCents(state, org));
    if (budget < minimum) continue;
    if (queue.order.length < queue.length + 1) {
      const grownOrder = new Int32Array(2 * (queue.length + 1));
      grownOrder.set(queue.order);
      queue.order = grownOrder;
    }
    const k = queue.lenderCount++;
    queue.order[queue.length++] = persons.count + k;
    queue.lenders = grown(queue.lenders, k + 1);
    queue.lenderBudget = grown(queue.lenderBudget, k + 1);
    queue.lenderLastAuction = grown(queue.lenderLastAuction, k + 1);
    queue.lenders[k] = org.id;
    queue.lenderBudget[k] = budget;
    queue.lenderLastAuction[k] = -1;
  }
}

/** Takes `cents` off the budget of the saver holding `account` (a person or a lending cooperative). */
export function spendSaverBudget(state: EconomyState, queue: SaverQueue, account: number, cents: number): void {
  const p = state.persons.personOf(account);
  if (p >= 0) {
    state.persons.bondBudget[p]! -= cents;
    return;
  }
  const org = state.orgs.ofAccount(account);
  let k = -1;
  if (org !== undefined) for (let i = 0; i < queue.lenderCount; i++) if (queue.lenders[i] === org.id) { k = i; break; }
  if (k < 0) return;
  queue.lenderBudget[k]! -= cents;
  if (!org!.lender) {
    org!.lender = true;
    state.orgs.lenders++;
  }
}

/**
 * Writes every person's budget and the savers into `order`; returns how many. Apart from
 * openSaverBudgets because V8 compiles this loop on its first call, mid-loop, before the code
 * after it ever ran: stores after the loop then had no type feedback, and that code was thrown
 * away and re-entered every month (456 deoptimisations a `mixed` run).
 *
 * No branch to mispredict (savers are about 70% of persons, in no pattern by id): each person
 * is written at the list's end and counted only if a saver (`order` has a slot past the last
 * person). A person with no cash above the buffer gets the budget its negative spare comes
 * to, not 0: below the minimum either way, so it is no saver, and only savers' budgets are
 * read (by the auctions that draw them and the purchases they win).
 */
function listSavers(state: EconomyState, queue: SaverQueue): number {
  const { persons, ledger, params } = state;
  const order = queue.order = grown(queue.order, persons.count + 1);
  let n = 0;
  const minimum = Math.max(1, params.minimumBidCents);
  const { bufferCents, saversFraction } = params;
  const { bondBudget, count } = persons;
  // The persons' balances as a view, read in place: `ledger.balance(firstAccount + p)` loaded
  // the ledger's column anew at each person and added the account offset in floating point.
  const cash = ledger.balancesOf(persons.firstAccount, count);
  for (let p = 0; p < count; p++) {
    const budget = Math.floor(saversFraction * (cash[p]! - bufferCents));
    bondBudget[p] = budget;
    order[n] = p;
    n += Number(budget >= minimum);
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
 * Takes the saver just drawn out of this month's queue: its budget is spent, and budgets only
 * fall within a month (MODEL-CHOICES "Savers whose budget is spent leave the month's queue").
 * The last entry, not yet drawn this round, takes its place at the cursor, so the entries still
 * to draw stay one unordered block and the shuffle goes on over them alone.
 */
function dropDrawnSaver(queue: SaverQueue): void {
  const k = --queue.cursor;
  queue.order[k] = queue.order[--queue.length]!;
}

/**
 * Collects bids for one series: up to `biddersPerAuction` savers with budget left (members of
 * `membersOf` only, when eligibility is members-only), stopping once twice the face is offered.
 */
export function collectBondBids(
  state: EconomyState, queue: SaverQueue, rng: RandomStream, faceCents: number, expectedLoss: number,
  membersOf: number, bids: BondBids, issuer = -1,
): void {
  const { persons, params, finance } = state;
  const { equityReturn, equityReturnSet, marketReturn } = finance;
  bids.count = 0;
  let offered = 0;
  const auction = ++queue.auction;
  const minimum = Math.max(1, params.minimumBidCents);
  // Within one round of the shuffle no saver is drawn twice: only once the order has wrapped
  // round during this auction can a saver drawn be one that already bid in it.
  let wrapped = false;
  // `seen` counts the savers looked at, each at most once an auction; those dropped as spent
  // do not count (the queue shrinks by them instead).
  for (let seen = 0; seen < queue.length && bids.count < params.biddersPerAuction && offered < 2 * faceCents;) {
    if (queue.cursor >= queue.length) wrapped = true;
    const p = nextSaver(queue, rng);
    if (p >= persons.count) {
      const k = p - persons.count;
      if (!state.orgs.get(queue.lenders[k]!).alive || queue.lenderBudget[k]! < minimum) {
        dropDrawnSaver(queue);
        continue;
      }
      seen++;
      offered += cooperativeBid(state, queue, k, rng, faceCents, expectedLoss, membersOf, issuer, auction, bids);
      continue;
    }
    if (persons.bondBudget[p]! < minimum) {
      dropDrawnSaver(queue);
      continue;
    }
    seen++;
    // Never more than the saver holds now: money reserved by a purchase (MODEL.md 10.7) or
    // spent since the budgets opened is not offered.
    const budget = Math.min(persons.bondBudget[p]!, state.ledger.balance(persons.firstAccount + p));
    if (budget < params.minimumBidCents || budget <= 0) continue;
    if (membersOf >= 0 && persons.memberOf[p] !== membersOf) continue;
    if (wrapped && hasBid(bids, persons.firstAccount + p)) continue;
    // A saver without firm equity has an equity return of 0 (equityReturnSet): its column is
    // read only for the one in six with one. Read at index 0 (cached) for the others, not under
    // a branch: a branch first taken years in (the first shareholder) had no type feedback for
    // its read, and V8 threw away this function's optimised code when it was.
    const held = (equityReturnSet[p >>> 5]! >>> (p & 31)) & 1;
    const ownReturn = equityReturn[p & -held]!;
    const equity = held ? ownReturn : 0;
    const opportunity = opportunityReturn(params.baseYield, marketReturn, equity);
    const ask = askYield(opportunity, expectedLoss, params.askNoise * rng.normal());
    bids.add(persons.firstAccount + p, ask, Math.min(budget, faceCents));
    offered += Math.min(budget, faceCents);
  }
}

/**
 * Has `account` bid in the auction at hand? Asked only once the order has wrapped round in it
 * (a few auctions in a hundred), of its few bids: a column of each person's last auction, written
 * at every bid, missed the cache at nearly every one.
 */
function hasBid(bids: BondBids, account: number): boolean {
  const { bidder } = bids;
  for (let k = 0; k < bids.count; k++) if (bidder[k] === account) return true;
  return false;
}

/**
 * A lending cooperative's bid: what a person without firm equity would ask (its opportunity
 * return is the market's), out of its budget and never more than its idle capital now. Not for
 * its own series; never under members-only eligibility (a cooperative is no commune's member).
 * Returns the cents offered.
 */
function cooperativeBid(
  state: EconomyState, queue: SaverQueue, k: number, rng: RandomStream, faceCents: number, expectedLoss: number,
  membersOf: number, issuer: number, auction: number, bids: BondBids,
): number {
  const { params, finance } = state;
  const org = state.orgs.get(queue.lenders[k]!);
  if (!org.alive || membersOf >= 0 || org.id === issuer || queue.lenderLastAuction[k] === auction) return 0;
  const budget = Math.min(queue.lenderBudget[k]!, idleCapitalCents(state, org));
  if (budget < params.minimumBidCents || budget <= 0) return 0;
  queue.lenderLastAuction[k] = auction;
  const opportunity = opportunityReturn(params.baseYield, finance.marketReturn, 0);
  const ask = askYield(opportunity, expectedLoss, params.askNoise * rng.normal());
  const amount = Math.min(budget, faceCents);
  bids.add(org.account, ask, amount);
  return amount;
}
