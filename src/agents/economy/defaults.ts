// MODEL.md 4 and 10.1, "missed payments and defaults": a possessor of a let asset (any owner's) who misses `graceMonths` rents in a
// row, or whose asset's series has missed that many payments, loses the asset; it goes back to
// auction. An asset left without a bid at its reserve for `graceMonths` is liquidated. A
// rental term that ends sends the asset to auction with the incumbent still in place (it may
// bid again).
import { SERIES_ACTIVE } from '../../model/market/bond-series.ts';
import type { EconomyState } from '../../model/economy/economy-state.ts';
import { disposeOfAsset } from './asset-disposal.ts';
import { endPossession } from './possession.ts';

export function enforceDefaults(state: EconomyState): void {
  const { assets, bonds, params } = state;
  const grace = params.graceMonths;
  const ACTIVE = SERIES_ACTIVE;
  for (let i = 0, liveIds = assets.live(); i < liveIds.length; i++) {
    const a = liveIds[i]!;
    // Assets worked by their owner's workers have no rental agreement: their owner's defaults
    // are its own (bankruptcy, failure). Every let asset follows the rental rules, whoever owns it.
    if (!assets.alive[a] || !assets.letOut[a]) continue;
    const possessor = assets.possessor[a]!;
    const s = assets.series[a]!;
    const seriesInDefault = s >= 0 && bonds.status[s] === ACTIVE && bonds.missedMonths[s]! >= grace;
    if (possessor >= 0) {
      if (assets.missedRent[a]! >= grace || seriesInDefault) {
        state.eventLog?.possessionLost(state, a);
        endPossession(state, a);
      }
      else if (assets.termEndTick[a]! <= state.tick) assets.onAuction[a] = 1;
      continue;
    }
    assets.vacantMonths[a]!++;
    assets.onAuction[a] = 1;
    if (assets.vacantMonths[a]! > grace) disposeOfAsset(state, a, 'liquidation');
  }
}
