// MODEL.md 10.8, capital works the same in every owner's hands: a cooperative's idle capital is
// its cash above six months of its costs (the firms' idle-cash rule, firm-accounts.ts). It may
// lend it at the bond auctions like any saver, buy an asset to let to an asker, and let out
// through the shared rental auction a productive asset no member works.
import type { EconomyState } from '../../model/economy/economy-state.ts';
import { ORG_COOPERATIVE, type Organisation } from '../../model/economy/organisation-table.ts';
import { IDLE_CASH_COST_MONTHS, worthInvesting } from '../firm/firm-accounts.ts';

/** Cash above six months of wages, bond service and other costs (cents, at least 0). */
export function idleCapitalCents(state: EconomyState, org: Organisation): number {
  const costs = org.wagesMonth + org.serviceMonth + org.otherCostsMonth;
  return Math.max(0, state.ledger.balance(org.account) - IDLE_CASH_COST_MONTHS * Math.max(0, costs));
}

/** The yield an owner's capital must beat: last year's mean clearing yield, at least the base yield. */
export function hurdleYield(state: EconomyState): number {
  const last = state.counters.lastYearMeanClearingYield;
  return Math.max(state.params.baseYield, Number.isFinite(last) ? last : 0);
}

/**
 * Whether an owner takes a rental agreement at `rentCents` a month for a new asset of class
 * `cls`: the rent less depreciation must beat the hurdle yield on the price (the firms'
 * investment rule, MODEL.md 5, applied to a rent instead of an operating surplus).
 */
export function rentBeatsHurdle(state: EconomyState, cls: number, rentCents: number): boolean {
  const { assets } = state;
  const surplus = rentCents - assets.classPrice[cls]! / assets.classLife[cls]!;
  return worthInvesting(surplus, assets.classPrice[cls]!, hurdleYield(state));
}

/** A cooperative that would buy an asset of class `cls` out of idle capital to let it at `rentCents`. */
export function lendsAssetOut(state: EconomyState, coop: Organisation, cls: number, rentCents: number): boolean {
  return state.params.coopRentOut && coop.alive && coop.kind === ORG_COOPERATIVE
    && idleCapitalCents(state, coop) >= state.assets.classPrice[cls]! && rentBeatsHurdle(state, cls, rentCents);
}

/**
 * Monthly: a cooperative's productive asset that no member (nor hired worker) has worked for
 * `vacantMonthsToLet` months is let out at the rental auction (MODEL.md 10.8), as a commune's
 * free asset is. Once let it stays let; new members get new assets.
 */
export function letOutVacantAssets(state: EconomyState): void {
  const { assets, params } = state;
  if (!params.coopRentOut) return;
  const list = state.enterpriseAssets;
  for (let k = 0; k < list.length; k++) {
    const a = list[k]!;
    if (!assets.alive[a] || assets.letOut[a] || assets.possessor[a]! >= 0 || assets.ownerKind[a] !== ORG_COOPERATIVE) continue;
    assets.vacantMonths[a]!++;
    if (assets.vacantMonths[a]! >= params.coopVacantMonthsToLet) {
      assets.letOut[a] = 1;
      assets.vacantMonths[a] = 0;
      assets.onAuction[a] = 1;
    }
  }
}
