// MODEL.md 4 and 10, "missed payments and defaults", one rule for every issuer and every owner:
// - A series defaults when it is `graceMonths` payments behind its original schedule (missed
//   payments are capitalised and never made up, so they need not be in a row), whoever issued
//   it. Its securing asset is liquidated through the ordinary sale path (disposeOfAsset: sold to
//   `world` at book value less the liquidation discount, proceeds and escrow to the holders pro
//   rata, the shortfall their loss, counted in the defaults and losses by issuer kind). The
//   issuer goes on; it ends only by the insolvency test (wages.ts, commune-bond-service.ts) or
//   its kind's winding-up rule.
// - A possessor of a let asset (any owner's) who misses `graceMonths` rents in a row loses the
//   asset: the tenant's default on its landlord; it goes back to auction. An asset left without
//   a bid at its reserve for `graceMonths` is liquidated. A rental term that ends sends the asset
//   to auction with the incumbent still in place (it may bid again).
import { SERIES_ACTIVE } from '../../model/market/bond-series.ts';
import { paymentsBehind } from '../../model/market/bond-service.ts';
import { liquidate } from '../../model/market/liquidation.ts';
import type { EconomyState } from '../../model/economy/economy-state.ts';
import { ATTEND_NEVER } from '../../model/economy/asset-table.ts';
import { disposeOfAsset } from './asset-disposal.ts';
import { endPossession } from './possession.ts';
import { grown } from '../../model/grown.ts';
import { drainMarks, markIds } from '../../model/id-marks.ts';

/** Series found in default this month (scratch: the active list changes as they close). */
let defaulting = new Int32Array(64);

/** After this month's bond service: every series `graceMonths` behind its schedule defaults. */
export function enforceSeriesDefaults(state: EconomyState): void {
  const { bonds, assets, params, orgs } = state;
  const ACTIVE = SERIES_ACTIVE;
  // Only a series that has missed a payment can be behind its schedule (a payment made keeps
  // it where it was): the book lists them, in issue order, the order of the active list.
  const missed = bonds.missedSeries();
  let count = 0;
  for (let k = 0; k < missed.length; k++) {
    const s = missed[k]!;
    if (bonds.status[s] !== ACTIVE || paymentsBehind(bonds, s, state.tick + 1) < params.graceMonths) continue;
    if (count === defaulting.length) { const grown = new Int32Array(2 * count); grown.set(defaulting); defaulting = grown; }
    defaulting[count++] = s;
  }
  for (let k = 0; k < count; k++) {
    const s = defaulting[k]!;
    if (bonds.status[s] !== ACTIVE) continue;
    const a = bonds.asset[s]!;
    if (assets.alive[a] && assets.series[a] === s) {
      disposeOfAsset(state, a, 'liquidation');
      continue;
    }
    // A series whose asset is gone has nothing to sell: its escrow pays the holders what it can.
    const owner = orgs.get(bonds.issuer[s]!);
    const outcome = liquidate(state.ledger, bonds, s, 0, owner.account);
    state.finance.recordDefault(owner.kind, owner.id, outcome.lossCents);
    owner.poolIncomeMonth += outcome.toOwnerCents;
  }
}

/** The assets the rental rules look at this month (scratch, in id order). */
let due = new Int32Array(64);
/** One bit per asset id: the candidates of the month's listing (scratch, cleared as it is read). */
let marked = new Int32Array(64);

/**
 * The live assets whose attendTick has come, in id order; returns how many. Not a walk of the
 * 19,000 live assets (year 50 of `mixed`) for the 3% that need a rule: those whose attendTick a
 * writer set to 0 since the last run and those due again after it (`now`), those new since then
 * (the ids from `seen` on: the table adds them with 0) and those whose term ends this month (the
 * month's slot of `byMonth`). Each is marked in a bitmap, read back in id order: a listed asset
 * whose attendTick has moved on is passed over, one listed twice is taken once.
 */
function listDue(state: EconomyState, tick: number): number {
  const { assets } = state;
  const queue = state.rentalRules;
  const words = marked = grown(marked, (assets.count >>> 5) + 1);
  const now = queue.now;
  markIds(words, now);
  now.length = 0;
  for (let a = queue.seen; a < assets.count; a++) words[a >>> 5]! |= 1 << (a & 31);
  queue.seen = assets.count;
  // The slots of the months since the last run: one in a monthly run.
  const ring = queue.byMonth;
  for (let t = Math.max(queue.drained + 1, tick - ring.length + 1); t <= tick; t++) {
    const slot = ring[t & (ring.length - 1)]!;
    markIds(words, slot);
    if (slot.length > 0) slot.length = 0;
  }
  queue.drained = Math.max(queue.drained, tick);
  if (due.length < assets.count) due = grown(due, assets.count);
  return readMarked(words, (assets.count >>> 5) + 1, assets.alive, assets.attendTick, tick, due);
}

/** The marked assets, in id order, alive and due by `tick`, into `out`; clears the marks. */
function readMarked(words: Int32Array, count: number, alive: Uint8Array, attendTick: Int32Array, tick: number, out: Int32Array): number {
  const listed = drainMarks(words, count, out);
  let n = 0;
  for (let k = 0; k < listed; k++) {
    const a = out[k]!;
    if (alive[a] && attendTick[a]! <= tick) out[n++] = a;
  }
  return n;
}

/**
 * After the rules: an asset due again next month is listed now, one due later in the slot of
 * its month. The slots are a ring longer than any wait (doubled when a wait is not), so a slot
 * holds only its own month's assets when its month comes.
 */
function reschedule(state: EconomyState, asset: number, tick: number): void {
  const at = state.assets.attendTick[asset]!;
  if (at === ATTEND_NEVER) return;
  const queue = state.rentalRules;
  if (at <= tick) {
    queue.now.push(asset);
    return;
  }
  if (at - tick >= queue.byMonth.length) widenRing(state, at - tick, tick);
  const ring = queue.byMonth;
  ring[at & (ring.length - 1)]!.push(asset);
}

/** Doubles the ring until it is longer than `wait` months, each listed asset moved to its month's slot. */
function widenRing(state: EconomyState, wait: number, tick: number): void {
  const queue = state.rentalRules;
  const old = queue.byMonth.splice(0);
  let length = Math.max(1, old.length);
  while (length <= wait) length *= 2;
  for (let i = 0; i < length; i++) queue.byMonth.push([]);
  const attendTick = state.assets.attendTick;
  for (const slot of old) {
    for (const a of slot) {
      const at = attendTick[a]!;
      if (at === ATTEND_NEVER) continue;
      if (at <= tick) queue.now.push(a);
      else queue.byMonth[at & (length - 1)]!.push(a);
    }
  }
}

/** The rental rules: a tenant's default on its landlord, vacancy and the end of a term. */
export function enforceDefaults(state: EconomyState): void {
  const { assets, params } = state;
  const grace = params.graceMonths;
  const tick = state.tick;
  // The columns are read once: ending a possession or disposing of an asset adds none, so none is
  // regrown. Each rule changes only its own asset, so the assets due are listed before any runs,
  // in the id order of the live list the rules once walked.
  const { letOut, possessor, missedRent, termEndTick, onAuction, vacantMonths, attendTick } = assets;
  const n = listDue(state, tick);
  const list = due;
  for (let k = 0; k < n; k++) {
    const a = list[k]!;
    // Only an asset vacant, at the end of its term or just behind with its rent needs a rule
    // (some 1% a month); the others wait, in the one column, for their term's end or a change.
    // Assets worked by their owner's workers have no rental agreement: their owner's defaults
    // are its own (its series', its insolvency). Every let asset follows the rental rules, whoever owns it.
    if (!letOut[a]) { attendTick[a] = ATTEND_NEVER; continue; }
    if (possessor[a]! >= 0) {
      if (missedRent[a]! >= grace) {
        state.eventLog?.possessionLost(state, a);
        endPossession(state, a);
        continue;
      }
      // Rent up to date enough: nothing until the term ends (or the next missed rent).
      attendTick[a] = termEndTick[a]!;
      // At auction (listed for it once, when first flagged), the incumbent still in place.
      if (termEndTick[a]! <= tick && !onAuction[a]) {
        onAuction[a] = 1;
        state.rentalAuction.ids.push(a);
      }
      reschedule(state, a, tick);
      continue;
    }
    vacantMonths[a]!++;
    if (!onAuction[a]) {
      onAuction[a] = 1;
      state.rentalAuction.ids.push(a);
    }
    if (vacantMonths[a]! > grace) disposeOfAsset(state, a, 'liquidation');
    else reschedule(state, a, tick);
  }
}
