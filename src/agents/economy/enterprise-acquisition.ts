// MODEL.md 4-5: a firm or cooperative buys an asset with its own cash when it can keep three
// months of its cash costs besides, else by a bond series sold at the same auction communes
// use. Its guarantee is its expected operating surplus (last month's sales - wages - other
// costs, plus what the new asset is expected to add) covering the service of all its series,
// the new one included. Cleared: the asset is bought from `world`; not cleared: nothing moves.
import { FLOW, WORLD } from '../../model/ledger.ts';
import type { RandomStream } from '../../model/random.ts';
import type { EconomyState } from '../../model/economy/economy-state.ts';
import type { Organisation } from '../../model/economy/organisation-table.ts';
import type { SaverQueue } from './savers.ts';
import { buyWithBonds } from './bond-purchase.ts';

const CASH_RESERVE_MONTHS = 3;

/**
 * The guarantee of the purchase at hand: the buyer's expected surplus covers the service of
 * all its series, the new one included (its service read when the auction asks). One function
 * reading the purchase's figures, not a closure made for each purchase.
 */
let guarantor: Organisation | undefined;
let guaranteedSurplus = 0;
function surplusCoversService(serviceCents: number): boolean {
  return guaranteedSurplus >= guarantor!.serviceMonth + serviceCents;
}

/** Buys an asset of class `cls` for `org`; returns the new (vacant) asset, or -1. */
export function acquireAssetFor(
  state: EconomyState, org: Organisation, cls: number, addedSurplusCents: number, queue: SaverQueue, rng: RandomStream,
): number {
  const { ledger, assets } = state;
  const price = assets.classPrice[cls]!;
  const reserve = CASH_RESERVE_MONTHS * (org.wagesMonth + org.serviceMonth + org.otherCostsMonth);
  if (ledger.balance(org.account) - price >= reserve) {
    ledger.transfer(org.account, WORLD, price, FLOW['asset-purchase']);
    const bought = assets.add(cls, org.id, state.tick, org.kind);
    state.enterpriseAssets.push(bought);
    return bought;
  }
  if (queue.length === 0) return -1;
  guarantor = org;
  guaranteedSurplus = org.salesMonth + org.rentIncomeMonth + org.interestIncomeMonth - org.wagesMonth - org.otherCostsMonth + addedSurplusCents;
  const bought = buyWithBonds(state, org, cls, surplusCoversService, -1, queue, rng);
  if (bought === undefined) return -1;
  const { asset, outcome } = bought;
  state.enterpriseAssets.push(asset);
  org.serviceMonth += outcome.serviceCents;
  return asset;
}
