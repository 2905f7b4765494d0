// MODEL.md 4-5 and 10.1, "acquisition requests and auctions". First every free let asset,
// whoever owns it (a commune, a landlord firm, a cooperative), goes to the one shared rental
// auction (bidders: persons who chose to produce on that class or want a home this month, and
// the incumbent at the end of a term). Then each person still wanting an asset asks an owner
// for a new one (requestAcquisitions).
import { FLOW, WORLD } from '../../model/ledger.ts';
import type { RandomStream } from '../../model/random.ts';
import { SERIES_ACTIVE, annuityPaymentCents } from '../../model/market/bond-series.ts';
import { clearRentalColumn } from '../../model/market/rental-auction.ts';
import { attendRentalRules, type EconomyState } from '../../model/economy/economy-state.ts';
import { ORG_COMMUNE, ORG_COOPERATIVE } from '../../model/economy/organisation-table.ts';
import { endPossession, grantPossession } from './possession.ts';
import { offeredRentCents } from './mode-choice.ts';
import type { SaverQueue } from './savers.ts';
import { buyWithBonds } from './bond-purchase.ts';
import { grown } from '../../model/grown.ts';
import { drainMarks, markIds } from '../../model/id-marks.ts';
import { acquireAssetFor } from './enterprise-acquisition.ts';
import { landlordFor, listLandlords, newLandlords, takesRentalAgreement } from './landlords.ts';
import { willingnessToPayCents } from './willingness.ts';

// Willingness to pay: expected output minus the best open alternative (MODEL.md 10.4).
export { willingnessToPayCents };

/** One class's bids of the month, in the order made: bidders and their willingness to pay. */
interface ClassBids {
  bidder: Int32Array;
  willingness: Float64Array;
  count: number;
}

function pushBid(bids: ClassBids, bidder: number, willingnessCents: number): void {
  if (bids.count === bids.bidder.length) {
    bids.bidder = grown(bids.bidder, bids.count + 1);
    bids.willingness = grown(bids.willingness, bids.count + 1);
  }
  bids.bidder[bids.count] = bidder;
  bids.willingness[bids.count++] = willingnessCents;
}

/** Scratch of the rental auctions, grown to the largest month and reused (no bid objects a month). */
const scratch = {
  byClass: [] as ClassBids[],
  keys: new Float64Array(64), keysSpare: new Float64Array(64), order: new Int32Array(64), spare: new Int32Array(64),
  /** packedOrder's key x 2^k + index per bid, as an int32 when it fits, else a double. */
  packedInt: new Int32Array(64), packed: new Float64Array(64),
  bidder: new Int32Array(64), willingness: new Float64Array(64),
  /** Per class, the first bid not yet passed over as served this month. */
  head: new Int32Array(8),
  /** The bids of one auction (the incumbent's and the top few), as clearRentalColumn reads them. */
  auctionBidder: new Int32Array(64), auctionWillingness: new Float64Array(64),
  rent: new Float64Array(1),
};

/** Radix order's order of keys (radix-sort.ts): ascending, every NaN last. */
function sortsBefore(x: number, y: number): boolean {
  return x < y || (x === x && y !== y);
}

/** Runs this short are put in order by insertion before the merges. */
const RUN = 16;

/**
 * The stable order of `scratch.keys[0..n)` ascending (NaN last), the permutation radixOrder
 * gives, by insertion into short runs and merges: a month's bids of a class are a few hundred,
 * and the radix's six passes over 2,048 buckets cost more than the comparisons. Each key moves
 * with its index, so a comparison reads two keys, not two indices and then their keys; a
 * stable sort has one result, however it gets there. The keys are left in order too.
 */
function stableOrder(n: number): Int32Array {
  let from = scratch.order;
  let to = scratch.spare;
  let keys = scratch.keys;
  let toKeys = scratch.keysSpare;
  for (let i = 0; i < n; i++) from[i] = i;
  for (let lo = 0; lo < n; lo += RUN) {
    const hi = Math.min(lo + RUN, n);
    for (let i = lo + 1; i < hi; i++) {
      const v = from[i]!;
      const key = keys[i]!;
      let j = i - 1;
      while (j >= lo && sortsBefore(key, keys[j]!)) { from[j + 1] = from[j]!; keys[j + 1] = keys[j]!; j--; }
      from[j + 1] = v;
      keys[j + 1] = key;
    }
  }
  for (let width = RUN; width < n; width *= 2) {
    for (let lo = 0; lo < n; lo += 2 * width) {
      const mid = Math.min(lo + width, n);
      const hi = Math.min(lo + 2 * width, n);
      let i = lo;
      let j = mid;
      let k = lo;
      // Without a branch on which run's head comes first (a coin toss on bids in no order):
      // t is sortsBefore(keys[j], keys[i]) as 0 or 1, and s is j when it is 1, else i.
      while (i < mid && j < hi) {
        const ki = keys[i]!;
        const kj = keys[j]!;
        const t = Number(kj < ki) | (Number(kj === kj) & Number(ki !== ki));
        const s = i ^ ((i ^ j) & -t);
        toKeys[k] = keys[s]!;
        to[k++] = from[s]!;
        i += 1 - t;
        j += t;
      }
      while (i < mid) { toKeys[k] = keys[i]!; to[k++] = from[i++]!; }
      while (j < hi) { toKeys[k] = keys[j]!; to[k++] = from[j++]!; }
    }
    const t = from; from = to; to = t;
    const tk = keys; keys = toKeys; toKeys = tk;
  }
  // The buffers swap with each pass: keep the ones holding the result as the first pair.
  scratch.order = from; scratch.spare = to; scratch.keys = keys; scratch.keysSpare = toKeys;
  return from;
}

/**
 * The same permutation as stableOrder when every key is a whole number (a productive asset's
 * willingness is floored to whole cents), by the engine's numeric sort of one double per bid:
 * key x 2^k + index, 2^k >= n, exact below 2^53, so the keys' order with ties in index order,
 * which is the stable order. The insertion runs and merges in JavaScript cost several times
 * the native sort. Returns false, writing nothing, if a key is not whole (NaN) or too large;
 * else the order is in `scratch.order`, and `scratch.keys` is left as it was.
 */
function packedOrder(n: number): boolean {
  let scale = 1;
  while (scale < n) scale *= 2;
  const keys = scratch.keys;
  // Every key whole (NaN is not), and the largest |key|, which says how they pack.
  let largest = 0;
  for (let i = 0; i < n; i++) {
    const key = keys[i]!;
    if (Math.floor(key) !== key) return false;
    largest = Math.max(largest, Math.abs(key));
  }
  if (!(largest < 2 ** 53 / scale - 1)) return false;
  const order = scratch.order;
  if (largest < 2 ** 31 / scale - 1) {
    // |key| x scale + index fits an int32: sorted by the engine's integer sort (no comparator
    // call per comparison, as a double's sort makes), the index its low bits.
    if (scratch.packedInt.length < n) scratch.packedInt = new Int32Array(keys.length);
    const packed = scratch.packedInt;
    for (let i = 0; i < n; i++) packed[i] = keys[i]! * scale + i;
    packed.subarray(0, n).sort();
    const low = scale - 1;
    for (let i = 0; i < n; i++) order[i] = packed[i]! & low;
    return true;
  }
  if (scratch.packed.length < n) scratch.packed = new Float64Array(keys.length);
  const packed = scratch.packed;
  for (let i = 0; i < n; i++) packed[i] = keys[i]! * scale + i;
  packed.subarray(0, n).sort();
  for (let i = 0; i < n; i++) {
    const v = packed[i]!;
    // v / scale is exact (a power of two): its floor is the key, the rest the index.
    order[i] = v - Math.floor(v / scale) * scale;
  }
  return true;
}

/**
 * Puts the bids from the highest willingness down, equal ones in the order they were made:
 * what `bids.sort((x, y) => y.willingnessCents - x.willingnessCents)` gives (a stable sort).
 * `0 - w` makes -0 and +0 one key, as the comparator ties them.
 */
function byWillingness(bids: ClassBids): void {
  const n = bids.count;
  if (n < 2) return;
  if (scratch.keys.length < n || scratch.keysSpare.length < n) {
    scratch.keys = new Float64Array(2 * n); scratch.keysSpare = new Float64Array(2 * n);
    scratch.order = new Int32Array(2 * n); scratch.spare = new Int32Array(2 * n);
    scratch.bidder = new Int32Array(2 * n); scratch.willingness = new Float64Array(2 * n);
  }
  const keys = scratch.keys;
  const w = bids.willingness;
  // Any key sorting before the one ahead of it, taken without a branch (as in stableOrder).
  let outOfOrder = 0;
  let previous = 0 - w[0]!;
  keys[0] = previous;
  for (let i = 1; i < n; i++) {
    const key = 0 - w[i]!;
    keys[i] = key;
    outOfOrder |= Number(key < previous) | (Number(key === key) & Number(previous !== previous));
    previous = key;
  }
  // Bids for homes are all one willingness (the rent a home saves): already in their order.
  if (outOfOrder === 0) return;
  const order = packedOrder(n) ? scratch.order : stableOrder(n);
  const { bidder, willingness } = scratch;
  for (let i = 0; i < n; i++) { bidder[i] = bids.bidder[order[i]!]!; willingness[i] = bids.willingness[order[i]!]!; }
  bids.bidder.set(bidder.subarray(0, n));
  bids.willingness.set(willingness.subarray(0, n));
}

/** Adds a bid to the auction at hand (its `k`-th); returns the count after it. */
function auctionBid(k: number, bidder: number, willingnessCents: number): number {
  if (k === scratch.auctionBidder.length) {
    scratch.auctionBidder = grown(scratch.auctionBidder, k + 1);
    scratch.auctionWillingness = grown(scratch.auctionWillingness, k + 1);
  }
  scratch.auctionBidder[k] = bidder;
  scratch.auctionWillingness[k] = willingnessCents;
  return k + 1;
}

function reserveCents(state: EconomyState, asset: number): number {
  const s = state.assets.series[asset]!;
  return s >= 0 && state.bonds.status[s] === SERIES_ACTIVE ? state.bonds.levelService(s) : state.params.minRentCents;
}

/** The assets waiting at the auction this month (scratch), and a bit per asset id to list them in id order. */
let waiting = new Int32Array(64);
let waitingMarks = new Int32Array(64);

/**
 * The assets waiting at the auction (flagged `onAuction`, alive), in id order, as the asset
 * table's walk of every flag listed them: from the kept list (EconomyState.rentalAuction), each
 * marked in a bitmap and read back in order, the flags checked.
 */
function waitingAtAuction(state: EconomyState): Int32Array {
  const { assets } = state;
  const queue = state.rentalAuction;
  const ids = queue.ids;
  const { onAuction, alive } = assets;
  const count = assets.count;
  const wordCount = (count >>> 5) + 1;
  const words = waitingMarks = grown(waitingMarks, wordCount);
  if (!queue.built) {
    queue.built = true;
    for (let a = 0; a < count; a++) if (onAuction[a]) ids.push(a);
  }
  markIds(words, ids);
  ids.length = 0;
  const out = waiting = grown(waiting, count);
  const listed = drainMarks(words, wordCount, out);
  let n = 0;
  for (let k = 0; k < listed; k++) {
    const a = out[k]!;
    if (onAuction[a] && alive[a]) out[n++] = a;
  }
  return out.subarray(0, n);
}

export function runRentalAuctions(state: EconomyState, rng: RandomStream): void {
  const { assets, persons, params, classes } = state;
  const shuffled = waitingAtAuction(state);
  if (shuffled.length === 0) return;
  rng.shuffle(shuffled, shuffled.length);
  // This month's bidders per class, highest willingness first (ties in the seeded order of
  // seekers). A served bidder is marked and passed over by later auctions.
  const bidsByClass = scratch.byClass;
  while (bidsByClass.length < classes.length) bidsByClass.push({ bidder: new Int32Array(64), willingness: new Float64Array(64), count: 0 });
  for (let c = 0; c < classes.length; c++) bidsByClass[c]!.count = 0;
  for (let i = 0; i < persons.seekerCount; i++) {
    const p = persons.seekers[i]!;
    const c = persons.wantsClass[p]!;
    if (c >= 0) pushBid(bidsByClass[c]!, p, willingnessToPayCents(state, p, c));
    if (persons.wantsHome[p]) {
      for (let h = 0; h < classes.length; h++) {
        if (!classes[h]!.productive) pushBid(bidsByClass[h]!, p, willingnessToPayCents(state, p, h));
      }
    }
  }
  for (let c = 0; c < classes.length; c++) byWillingness(bidsByClass[c]!);
  // Who has won this month, per kind of asset (a person may win one productive asset and one
  // home): bit 2p + kind. Each class's bids are skipped from the top while their bidders are
  // served. A bit each (2.5 kB at 10,000 persons), not a byte: every bid the auctions look at
  // reads its bidder's mark, and the byte column (20 kB, read by nothing else) missed the cache
  // at nearly every read; the bits take a few dozen lines.
  const served = state.scratch.served;
  served.fill(0);
  if (scratch.head.length < classes.length) scratch.head = new Int32Array(classes.length);
  const head = scratch.head;
  head.fill(0);
  // Second-price needs only the two highest bids; first-price needs every eligible one (n).
  const needed = params.rentalFormat === 'second-price' ? 2 : Number.POSITIVE_INFINITY;
  const rent = scratch.rent;
  for (let k = 0; k < shuffled.length; k++) {
    const a = shuffled[k]!;
    const c = assets.cls[a]!;
    const productive = classes[c]!.productive;
    const kind = productive ? 1 : 0;
    const reserve = reserveCents(state, a);
    const incumbent = assets.possessor[a]!;
    const owner = assets.owner[a]!;
    const ownerIsCoop = assets.ownerKind[a] === ORG_COOPERATIVE;
    let count = 0;
    if (incumbent >= 0) count = auctionBid(0, incumbent, willingnessToPayCents(state, incumbent, c));
    const bids = bidsByClass[c]!;
    const { bidder, willingness } = bids;
    // A bidder's mark: bit 2p + kind, read in place (a helper was a call per bid until V8 inlined it).
    while (head[c]! < bids.count) {
      const b = 2 * bidder[head[c]!]! + kind;
      if (((served[b >>> 5]! >>> (b & 31)) & 1) === 0) break;
      head[c]!++;
    }
    let taken = 0;
    for (let i = head[c]!; i < bids.count; i++) {
      const p = bidder[i]!;
      if (taken >= needed || willingness[i]! < reserve) break;
      const b = 2 * p + kind;
      if (((served[b >>> 5]! >>> (b & 31)) & 1) === 1 || p === incumbent) continue;
      // A cooperative's member works its cooperative's assets as a member, never as a tenant.
      if (productive && persons.coopOf[p] === owner && ownerIsCoop) continue;
      count = auctionBid(count, p, willingness[i]!);
      taken++;
    }
    const won = clearRentalColumn(scratch.auctionWillingness, count, reserve, params.rentalFormat, rent);
    if (won < 0) {
      // Nobody, the incumbent included, bids the reserve at the end of a term: it leaves.
      if (incumbent >= 0) endPossession(state, a);
      continue;
    }
    const winner = scratch.auctionBidder[won]!;
    const rentCents = rent[0]!;
    grantPossession(state, a, winner, rentCents, params.rentalTermMonths);
    if (productive) {
      persons.wantsClass[winner] = -1;
      state.lastClearingRentCents[c] = rentCents;
    } else {
      persons.wantsHome[winner] = 0;
    }
    if (winner !== incumbent) {
      const b = 2 * winner + kind;
      served[b >>> 5]! |= 1 << (b & 31);
    }
  }
  // Those still waiting (no bid at the reserve) wait on.
  const { onAuction, alive } = assets;
  const ids = state.rentalAuction.ids;
  for (let k = 0; k < shuffled.length; k++) if (onAuction[shuffled[k]!] && alive[shuffled[k]!]) ids.push(shuffled[k]!);
}

const landlords = newLandlords();

/**
 * A commune's guarantee: the rental agreement's rent covers the series' service. One function
 * reading the rent of the request at hand, not a closure made for each request.
 */
let guaranteedRent = 0;
function rentCoversService(serviceCents: number): boolean {
  return serviceCents <= guaranteedRent;
}

/** Per class, this month's rent offered to owners and the rent at the base yield (scratch). */
let requestRent = new Float64Array(4);
let baseYieldRent = new Float64Array(4);

/**
 * MODEL.md 4-5, 10.1, 10.8: each person still wanting an asset asks an owner for a new one
 * (landlords.ts), offering a rental agreement at the debt service at the expected clearing yield if that is
 * within its willingness to pay. A commune pays out of its replacement reserve or issues a
 * bond series; a firm or cooperative that takes the agreement buys by the shared enterprise
 * acquisition (cash, else bonds under its guarantee). Bought: the asset is let to the asker
 * for the bonds' maturity. Commune requests are counted for its finance metrics.
 */
export function requestAcquisitions(state: EconomyState, rng: RandomStream, queue: SaverQueue): void {
  const { persons, classes, params, ledger, assets, counters } = state;
  if (persons.seekerCount === 0) return;
  listLandlords(state, landlords);
  if (landlords.communes.length + landlords.firms.length + landlords.cooperatives.length === 0) return;
  // Each class's rent offered and the rent at the base yield, once a month: both stand until
  // the year end (the expected clearing yield moves then), and each request read them anew.
  if (requestRent.length < classes.length) {
    requestRent = new Float64Array(classes.length);
    baseYieldRent = new Float64Array(classes.length);
  }
  let home = -1;
  for (let c = 0; c < classes.length; c++) {
    if (home < 0 && !classes[c]!.productive) home = c;
    requestRent[c] = offeredRentCents(state, c);
    baseYieldRent[c] = annuityPaymentCents(classes[c]!.priceCents, params.baseYield, params.maturityMonths);
  }
  for (let i = 0; i < persons.seekerCount; i++) {
    const p = persons.seekers[i]!;
    const wanted = persons.wantsClass[p]! >= 0 ? persons.wantsClass[p]! : persons.wantsHome[p] ? home : -1;
    if (wanted < 0) continue;
    const cls = classes[wanted]!;
    const rent = requestRent[wanted]!;
    const willingness = willingnessToPayCents(state, p, wanted);
    if (willingness < rent) {
      // Claim 6 counts the demand that never asked (MODEL.md 7 (v3), no pre-screening).
      if (willingness >= baseYieldRent[wanted]!) counters.unmetDemand++;
      continue;
    }
    const owner = landlordFor(state, p, wanted, rent, landlords, rng);
    if (owner === undefined) continue;
    let asset: number;
    if (owner.kind === ORG_COMMUNE) {
      counters.requestsMade++;
      if (ledger.balance(owner.reserveAccount) >= cls.priceCents) {
        // A replacement reserve large enough buys the asset outright, without bonds.
        ledger.transfer(owner.reserveAccount, WORLD, cls.priceCents, FLOW['asset-purchase']);
        asset = assets.add(wanted, owner.id, state.tick);
      } else {
        guaranteedRent = rent;
        const bought = buyWithBonds(state, owner, wanted, rentCoversService, params.membersOnlyBonds ? owner.id : -1, queue, rng);
        if (bought === undefined) continue;
        asset = bought.asset;
        counters.clearingYieldSumYear += bought.outcome.clearingYield;
        counters.clearedYear++;
      }
      counters.requestsCleared++;
    } else {
      if (!takesRentalAgreement(state, owner, p, wanted, rent)) continue;
      asset = acquireAssetFor(state, owner, wanted, rent, queue, rng);
      if (asset < 0) continue;
      assets.letOut[asset] = 1;
      attendRentalRules(state, asset);
    }
    grantPossession(state, asset, p, rent, params.maturityMonths);
    if (cls.productive) persons.wantsClass[p] = -1;
    else persons.wantsHome[p] = 0;
  }
}
