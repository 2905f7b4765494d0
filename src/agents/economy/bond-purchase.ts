// MODEL.md 4 and 10.2: buying an asset with a bond series, the same for communes, firms and
// cooperatives: savers bid at the shared auction pricing the issuer's expected loss; if the series
// clears under the issuer's guarantee, the holders pay the issuer, which buys the asset from
// `world`, and the series finances that asset. Not cleared: nothing moves.
import { FLOW, WORLD } from '../../model/ledger.ts';
import type { RandomStream } from '../../model/random.ts';
import {
  AuctionResult, BondBids, clearBondAuctionInto, issueSeries, type AuctionFormat,
} from '../../model/market/bond-auction.ts';
import type { EconomyState } from '../../model/economy/economy-state.ts';
import type { Organisation } from '../../model/economy/organisation-table.ts';
import { collectBondBids, spendSaverBudget, type SaverQueue } from './savers.ts';
import { addToBalanceSheet, issuerExpectedLoss } from './credit-history.ts';

/** A cleared auction's result (its holdings valid until the next auction). */
export type ClearedAuction = AuctionResult;

/** The auction being held: its bids, terms and result, reused from auction to auction (thousands a year). */
const bids = new BondBids();
const result = new AuctionResult();
/** The series' terms handed to issueSeries, and what a purchase returns: one record each, reused. */
const issue = { issuer: 0, issuerAccount: 0, asset: 0, tick: 0, maturityMonths: 0 };
const purchase = { asset: 0, outcome: result };
const terms = {
  faceCents: 0, maturityMonths: 0, maxYield: 0, format: 'uniform' as AuctionFormat,
  guarantee: (serviceCents: number): boolean => serviceCents >= 0,
};

/**
 * Buys an asset of class `cls` for `issuer` with bonds. `guarantee` is the issuer's test of the
 * series' monthly service; `membersOf` limits bidders to one commune's members (-1: anyone).
 * Returns the new asset and the auction's outcome, or undefined when the series did not clear:
 * one record, reused, valid until the next purchase.
 */
export function buyWithBonds(
  state: EconomyState, issuer: Organisation, cls: number, guarantee: (serviceCents: number) => boolean,
  membersOf: number, queue: SaverQueue, rng: RandomStream,
): { asset: number; outcome: ClearedAuction } | undefined {
  const { ledger, assets, bonds, params } = state;
  const price = assets.classPrice[cls]!;
  const expectedLoss = issuerExpectedLoss(state, issuer, price, price);
  collectBondBids(state, queue, rng, price, expectedLoss, membersOf, bids, issuer.id);
  terms.faceCents = price;
  terms.maturityMonths = params.maturityMonths;
  terms.maxYield = params.maxYield;
  terms.format = params.auctionFormat;
  terms.guarantee = guarantee;
  const outcome = clearBondAuctionInto(bids, terms, result);
  const { finance } = state;
  // Every auction's marginal ask, cleared or not: cleared ones alone are the cheap ones.
  if (Number.isFinite(outcome.clearingYield)) {
    finance.marginalYieldSumYear += outcome.clearingYield;
    finance.auctionsYear++;
  }
  if (!outcome.cleared) return undefined;
  const holdings = outcome.holdings;
  for (let k = 0; k < holdings.length; k++) {
    const a = holdings[k]!;
    spendSaverBudget(state, queue, a.bidder, a.amountCents);
    finance.acceptedYieldFaceYear += a.amountCents * (a.askYield - expectedLoss);
    finance.acceptedFaceYear += a.amountCents;
    finance.clearingYieldFaceYear += a.amountCents * a.annualYield;
  }
  const asset = assets.add(cls, issuer.id, state.tick, issuer.kind);
  issue.issuer = issuer.id; issue.issuerAccount = issuer.account; issue.asset = asset;
  issue.tick = state.tick; issue.maturityMonths = params.maturityMonths;
  const series = issueSeries(ledger, bonds, holdings, issue);
  ledger.transfer(issuer.account, WORLD, price, FLOW['asset-purchase']);
  assets.series[asset] = series;
  addToBalanceSheet(state, issuer.id, price, price);
  finance.seriesIssuedYear[issuer.kind]!++;
  purchase.asset = asset;
  return purchase;
}
