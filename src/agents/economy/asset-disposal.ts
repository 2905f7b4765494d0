// MODEL.md 3-4: how an asset leaves the economy. Liquidation sells it to `world` at a
// discount on book value and runs the bondholders-first waterfall; scrapping at the end of its
// life returns nothing (scrap value 0), so any principal still owed is a bond loss.
import { FLOW } from '../../model/ledger.ts';
import { SERIES_ACTIVE } from '../../model/market/bond-series.ts';
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
  const series = assets.series[asset]!;
  const active = series >= 0 && bonds.status[series] === SERIES_ACTIVE;
  const outcome = liquidate(ledger, bonds, active ? series : -1, proceeds, owner.account);
  if (series >= 0 && !active && ledger.balance(bonds.escrow[series]!) > 0) {
    ledger.transfer(bonds.escrow[series]!, owner.account, ledger.balance(bonds.escrow[series]!), FLOW.liquidation);
  }
  owner.lossesByYear[0]! += outcome.lossCents;
  owner.poolIncomeMonth += outcome.toOwnerCents;
  assets.series[asset] = -1;
  if (how === 'scrap') state.counters.scrapped++;
  else state.counters.liquidations++;
}
