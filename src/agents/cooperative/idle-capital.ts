// MODEL.md 10.8, capital works the same in every owner's hands: a cooperative's idle capital is
// its cash above six months of its costs (the firms' idle-cash rule, firm-accounts.ts). It may
// lend it at the bond auctions like any saver, buy an asset to let to an asker, and let out
// through the shared rental auction a productive asset no member works. A firm lets out a
// position it cannot fill at a wage the position earns (letOutVacantAssets).
import { attendRentalRules, type EconomyState } from '../../model/economy/economy-state.ts';
import { ORG_COOPERATIVE, ORG_FIRM, type Organisation } from '../../model/economy/organisation-table.ts';
import { offerAtPositionValue, wageCeilingOf } from '../firm/wage-rate.ts';
import { IDLE_CASH_COST_MONTHS, worthInvesting } from '../firm/firm-accounts.ts';
import { vacantPositionsNow } from '../economy/vacant-positions.ts';

/** Cash above six months of wages, bond service and other costs (cents, at least 0). */
export function idleCapitalCents(state: EconomyState, org: Organisation): number {
  const costs = org.wagesMonth + org.serviceMonth + org.otherCostsMonth;
  return Math.max(0, state.ledger.balance(org.account) - IDLE_CASH_COST_MONTHS * Math.max(0, costs));
}

/** The yield an owner's capital must beat: last year's mean clearing yield, at least the base yield. */
export function hurdleYield(state: EconomyState): number {
  return atLeastBaseYield(state, state.counters.lastYearMeanClearingYield);
}

/** A trailing yield, never below the base yield (NaN, a year without a cleared series: the base yield). */
export function atLeastBaseYield(state: EconomyState, trailingYield: number): number {
  return Math.max(state.params.baseYield, Number.isFinite(trailingYield) ? trailingYield : 0);
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
 * Monthly: a position given up is let out at the rental auction (MODEL.md 10.8), as a commune's
 * free asset is; a let asset nobody rents is sold after `graceMonths` (defaults.ts). One rule for
 * every owner that hires: a productive asset nobody has worked for `vacantMonthsToLet` months
 * while its owner could offer no more for it. A cooperative offers members' pay or the market
 * wage and never bids more, so its wait is counted from the first vacant month (with
 * `rentOutAssets`); a firm raises its rate while the vacancy is open, so its wait is counted only
 * while its offer has reached what a unit of skill produces there (wage-rate.ts): a filled job
 * would then be worth no more than the vacancy, and a firm keeps a vacancy open only while a
 * filled job is worth more (Pissarides 2000, ch. 1, free entry of vacancies). Without it a firm
 * bid the wage 1% a month past the position's product for as long as nobody took it; with only
 * a ceiling, the unfilled vacancy froze the firm (investment.ts: a firm with a vacancy open does
 * not invest). Once let it stays let; new members and new hires get new assets.
 */
export function letOutVacantAssets(state: EconomyState): void {
  const { assets, params, orgs } = state;
  // Each asset's rule reads only the asset and its owner's wage offer, so the assets may come
  // in any order: the kept list's (a few hundred), not the enterprise list's 17,000 (by year 50
  // of `mixed`). One let out now leaves the list at its next refresh.
  const list = vacantPositionsNow(state);
  if (list.length === 0) return;
  const hurdle = hurdleYield(state);
  for (let k = 0; k < list.length; k++) {
    const a = list[k]!;
    const kind = assets.ownerKind[a]!;
    if (kind === ORG_COOPERATIVE) {
      if (!params.coopRentOut) continue;
    } else if (kind === ORG_FIRM) {
      const firm = orgs.all[assets.owner[a]!]!;
      const value = wageCeilingOf(state, firm.productivity, assets.cls[a]!, hurdle);
      if (!offerAtPositionValue(firm.wageRateCents, value)) { assets.vacantMonths[a] = 0; continue; }
    } else continue;
    assets.vacantMonths[a]!++;
    if (assets.vacantMonths[a]! >= params.coopVacantMonthsToLet) {
      assets.letOut[a] = 1;
      assets.vacantMonths[a] = 0;
      assets.onAuction[a] = 1;
      state.rentalAuction.ids.push(a);
      attendRentalRules(state, a);
    }
  }
}
