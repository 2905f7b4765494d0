// MODEL.md 3-4: how an asset leaves the economy. Liquidation sells it to `world` at a
// discount on book value and runs the bondholders-first waterfall; scrapping at the end of its
// life returns nothing (scrap value 0), so any principal still owed is a bond loss.
import { liquidate, liquidationValueCents } from '../../model/market/liquidation.ts';
import type { EconomyState } from '../../model/economy/economy-state.ts';
import { endPossession } from './possession.ts';

export function disposeOfAsset(state: EconomyState, asset: number, how: 'liquidation' | 'scrap'): void {
  const { assets, bonds, orgs, ledger } = state;
  if (!assets.alive[asset]) return;
  endPossession(state, asset);
  assets.retire(asset);
  const owner = orgs.get(assets.owner[asset]!);
  const proceeds = how === 'scrap' ? 0 : liquidationValueCents(assets.bookValue(asset, state.tick), state.params.liquidationDiscount);
  const outcome = liquidate(ledger, bonds, assets.series[asset]!, proceeds, owner.account);
  owner.lossesByYear[0]! += outcome.lossCents;
  owner.poolIncomeMonth += outcome.toOwnerCents;
  assets.series[asset] = -1;
  if (how === 'scrap') state.counters.scrapped++;
  else state.counters.liquidations++;
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
