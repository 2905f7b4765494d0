// MODEL.md 3-4: how an asset leaves the economy. Liquidation sells it to `world` at a
// discount on book value and runs the bondholders-first waterfall; scrapping at the end of its
// life returns nothing (scrap value 0), so any principal still owed is a bond loss.
import { liquidate, liquidationValueCents } from '../../model/market/liquidation.ts';
import { SERIES_ACTIVE } from '../../model/market/bond-series.ts';
import { FLOW } from '../../model/ledger.ts';
import { ORG_COMMUNE } from '../../model/economy/organisation-table.ts';
import type { EconomyState } from '../../model/economy/economy-state.ts';
import { endPossession } from './possession.ts';

export function disposeOfAsset(state: EconomyState, asset: number, how: 'liquidation' | 'scrap'): void {
  const { assets, bonds, orgs, ledger } = state;
  if (!assets.alive[asset]) return;
  // The asset leaves, not its worker's membership: a cooperative goes on with the member, who
  // waits to be equipped again (a member whose asset wore out or was sold for its series'
  // default did not choose to leave; an employee's job ends with its position).
  endPossession(state, asset, true);
  assets.retire(asset);
  const owner = orgs.get(assets.owner[asset]!);
  // Both ways' lines run at every call, choosing values: V8 compiles this on the first way it
  // meets (scrapping, or a liquidation) and threw the code away at the other's first call.
  const scrap = how === 'scrap' ? 1 : 0;
  const saleValue = liquidationValueCents(assets.bookValue(asset, state.tick), state.params.liquidationDiscount);
  const proceeds = scrap === 1 ? 0 : saleValue;
  const series = assets.series[asset]!;
  const owing = series >= 0 && bonds.status[series] === SERIES_ACTIVE;
  // A worn-out asset's remaining debt is still its owner's: a firm or cooperative (or a commune
  // whose pool backs its bonds) repays it from its cash as far as that goes.
  if (owing && how === 'scrap' && (owner.kind !== ORG_COMMUNE || state.params.poolBacksBonds)) {
    const short = bonds.outstanding(series) - ledger.balance(bonds.escrow[series]!);
    if (short > 0) ledger.payUpTo(owner.account, bonds.escrow[series]!, short, FLOW.principal);
  }
  const outcome = liquidate(ledger, bonds, series, proceeds, owner.account);
  // A series closed by a liquidation, or by scrapping short of what it owed, has defaulted
  // (MODEL.md 10.2-10.3: defaults and losses by issuer kind).
  const defaulted = owing && (how === 'liquidation' || outcome.lossCents > 0);
  if (defaulted) state.finance.recordDefault(owner.kind, owner.id, outcome.lossCents);
  state.eventLog?.disposal(state, asset, owner.id, owner.kind, how, defaulted, outcome);
  owner.poolIncomeMonth += outcome.toOwnerCents;
  assets.series[asset] = -1;
  state.counters.scrapped += scrap;
  state.counters.liquidations += 1 - scrap;
}

/** Liquidates every asset `org` owns, in id order (its winding up); returns how many. */
export function liquidateAssetsOf(state: EconomyState, org: number): number {
  const { assets } = state;
  let count = 0;
  // The table keeps each owner's count: the walk stops at its last asset (at once for none).
  for (let i = 0, liveIds = assets.live(); i < liveIds.length && assets.ownedBy(org) > 0; i++) {
    const a = liveIds[i]!;
    if (assets.alive[a] && assets.owner[a] === org) {
      disposeOfAsset(state, a, 'liquidation');
      count++;
    }
  }
  return count;
}
