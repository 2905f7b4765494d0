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

/** The assets the rental rules look at this month (scratch, in the live list's order). */
let due = new Int32Array(64);

/**
 * The live assets whose attendTick has come, in id order; returns how many. A loop with no
 * call: the rules' calls in the walk made V8 reload each column's base at every one of some
 * 19,000 assets a month, for the 1% that need a rule.
 */
function listDue(liveIds: Int32Array, attendTick: Int32Array, tick: number): number {
  if (due.length < liveIds.length) due = new Int32Array(Math.max(liveIds.length, 2 * due.length));
  const out = due;
  let n = 0;
  for (let i = 0; i < liveIds.length; i++) {
    const a = liveIds[i]!;
    if (attendTick[a]! <= tick) out[n++] = a;
  }
  return n;
}

/** The rental rules: a tenant's default on its landlord, vacancy and the end of a term. */
export function enforceDefaults(state: EconomyState): void {
  const { assets, params } = state;
  const grace = params.graceMonths;
  const tick = state.tick;
  // The columns are read once: ending a possession or disposing of an asset adds none, so none is
  // regrown. Each rule changes only its own asset, so the assets due are listed before any runs.
  const { alive, letOut, possessor, missedRent, termEndTick, onAuction, vacantMonths, attendTick } = assets;
  const n = listDue(assets.live(), attendTick, tick);
  const list = due;
  for (let k = 0; k < n; k++) {
    const a = list[k]!;
    // Only an asset vacant, at the end of its term or just behind with its rent needs a rule
    // (some 1% a month); the others wait, in the one column, for their term's end or a change.
    if (!alive[a]) continue;
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
      if (termEndTick[a]! <= tick) onAuction[a] = 1;
      continue;
    }
    vacantMonths[a]!++;
    onAuction[a] = 1;
    if (vacantMonths[a]! > grace) disposeOfAsset(state, a, 'liquidation');
  }
}
