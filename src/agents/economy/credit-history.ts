// MODEL.md 10.2, what savers know of an issuer: its kind's and its own record of bond losses
// (defaults counted when an asset is liquidated or scrapped with its series still owing), and
// its balance sheet this month (debt: principal outstanding; collateral: book value of the
// assets it owns). From these, `issuerExpectedLoss` gives the loss rate a saver adds to its
// ask. Year end closes the record and the market's trailing realised return on bonds.
import type { EconomyState } from '../../model/economy/economy-state.ts';
import { ISSUER_KINDS } from '../../model/economy/finance-state.ts';
import { credibleLossRate, leverageTerm } from '../../model/market/risk-pricing.ts';
import { organisationEquity } from '../../model/economy/net-worth.ts';
import { ORG_FIRM, type Organisation } from '../../model/economy/organisation-table.ts';

/** Takes every organisation's debt and collateral, once a month (on the month's first auction). */
export function refreshBalanceSheets(state: EconomyState): void {
  const { finance, bonds, orgs } = state;
  if (finance.balanceSheetTick === state.tick) return;
  finance.balanceSheetTick = state.tick;
  finance.ensureOrganisations(orgs.all.length);
  const debt = finance.orgDebtCents;
  const collateral = finance.orgCollateralCents;
  collateral.fill(0);
  // Book value by the asset table's groups of one owner, class and month of birth, not asset by asset.
  state.assets.addBookValueByOwner(state.tick, collateral);
  // Debt as the bond book keeps it per issuer (issuerDebtCents), not a walk of every active
  // series (some 5,800 a month in mixed 10,000 x 50 y): the same whole cents.
  debt.fill(0);
  const kept = bonds.issuerDebtCents;
  for (let o = 0, n = Math.min(kept.length, debt.length); o < n; o++) debt[o] = kept[o]!;
}

/** A new series and the asset it buys join the issuer's balance sheet at once. */
export function addToBalanceSheet(state: EconomyState, issuer: number, faceCents: number, assetCents: number): void {
  const { finance } = state;
  finance.ensureOrganisations(issuer + 1);
  finance.orgDebtCents[issuer]! += faceCents;
  finance.orgCollateralCents[issuer]! += assetCents;
}

/**
 * The record credibleLossRate weighs, reused call to call. Its fields hold doubles from the
 * start: a literal built per call began with whole zeros (no record yet), and V8 threw away
 * buyWithBonds' optimised code the first time a loss rate came as a fraction.
 */
const lossHistory = { prior: NaN, k: NaN, kindExposure: NaN, kindLossRate: NaN, issuerExposure: NaN, issuerLossRate: NaN };

/**
 * The annual loss rate savers expect of `issuer` on a new series of `faceCents` buying an asset
 * worth `assetCents`: credibility-weighted record plus the leverage term after the purchase.
 */
export function issuerExpectedLoss(state: EconomyState, issuer: Organisation, faceCents: number, assetCents: number): number {
  const { finance, params } = state;
  refreshBalanceSheets(state);
  finance.ensureOrganisations(issuer.id + 1);
  const kind = issuer.kind;
  const kindCentYears = finance.exposureCentYears[kind]!;
  const ownCentYears = finance.orgCentYears[issuer.id]!;
  // Both quotients taken at every call, used only with exposure: a branch first taken years
  // in (the first record of a kind, of an issuer) had no type feedback, and V8 threw away
  // buyWithBonds' optimised code when it was.
  const kindQuotient = finance.exposureLossCents[kind]! / kindCentYears;
  const ownQuotient = finance.orgLossCents[issuer.id]! / ownCentYears;
  const h = lossHistory;
  h.prior = params.newIssuerPremium; h.k = params.credibilityYears;
  h.kindExposure = finance.exposureSeriesYears[kind]!;
  h.kindLossRate = kindCentYears > 0 ? kindQuotient : 0;
  h.issuerExposure = finance.orgSeriesYears[issuer.id]!;
  h.issuerLossRate = ownCentYears > 0 ? ownQuotient : 0;
  const record = credibleLossRate(h);
  const debt = finance.orgDebtCents[issuer.id]! + faceCents;
  const collateral = finance.orgCollateralCents[issuer.id]! + assetCents;
  return record + leverageTerm(debt, collateral, params.leveragePremium);
}

/**
 * Year end: the year's exposure (series and principal at risk since the last year end) and its
 * losses join each kind's and each issuer's record; the year's yield on cleared series net of
 * the expected loss priced in them (what winners asked, face-weighted) joins its trailing mean;
 * each shareholder's payout over the book equity it holds becomes its trailing return on
 * equity. Runs after closeYear.
 */
export function closeFinanceYear(state: EconomyState): void {
  const { finance, bonds, orgs, persons } = state;
  for (let k = 0; k < ISSUER_KINDS; k++) {
    finance.exposureSeriesYears[k]! += finance.activeSeriesAtYearStart[k]!;
    finance.exposureCentYears[k]! += finance.outstandingAtYearStart[k]!;
    finance.exposureLossCents[k]! += finance.lossYearCents[k]!;
    finance.lastYearDefaults[k] = finance.defaultsYear[k]!;
    finance.lastYearLossCents[k] = finance.lossYearCents[k]!;
    finance.lastYearActiveSeries[k] = finance.activeSeriesAtYearStart[k]! + finance.seriesIssuedYear[k]!;
    finance.seriesIssuedYear[k] = 0;
    finance.lastYearOutstanding[k] = finance.outstandingAtYearStart[k]!;
    finance.defaultsYear[k] = 0;
    finance.lossYearCents[k] = 0;
    finance.activeSeriesAtYearStart[k] = 0;
    finance.outstandingAtYearStart[k] = 0;
  }
  if (finance.acceptedFaceYear > 0) {
    const accepted = finance.acceptedYieldFaceYear / finance.acceptedFaceYear;
    finance.marketReturn = Number.isNaN(finance.marketReturn) ? accepted : (2 * finance.marketReturn + accepted) / 3;
  }
  finance.lastYearClearingYield = finance.acceptedFaceYear > 0 ? finance.clearingYieldFaceYear / finance.acceptedFaceYear : Number.NaN;
  finance.acceptedYieldFaceYear = 0;
  finance.acceptedFaceYear = 0;
  finance.clearingYieldFaceYear = 0;
  // A year without auctions keeps the last expectation.
  if (finance.auctionsYear > 0) finance.expectedClearingYield = finance.marginalYieldSumYear / finance.auctionsYear;
  finance.marginalYieldSumYear = 0;
  finance.auctionsYear = 0;
  finance.lastYearCycleFactor = finance.cycleMonthsYear > 0 ? finance.cycleFactorSumYear / finance.cycleMonthsYear : 1;
  finance.cycleFactorSumYear = 0;
  finance.cycleMonthsYear = 0;
  openExposureYear(state);
  closeEquityReturns(state, persons.count);
}

/**
 * Next year's exposure: what is at risk now. Per issuer, the series-years and cent-years it
 * carried. A function of its own, its loop last: V8 compiles a yearly function's long loop on
 * stack and keeps that code when it deoptimises after the loop, which code after the loop,
 * without type feedback at that compile, did every year end (46 times in a mixed 10,000 x 50 y run).
 */
function openExposureYear(state: EconomyState): void {
  const { finance, bonds, orgs } = state;
  finance.ensureOrganisations(orgs.all.length);
  const active = bonds.active();
  for (let k = 0; k < active.length; k++) {
    const s = active[k]!;
    const issuer = bonds.issuer[s]!;
    const kind = orgs.all[issuer]!.kind;
    const outstanding = bonds.outstanding(s);
    finance.activeSeriesAtYearStart[kind]!++;
    finance.outstandingAtYearStart[kind]! += outstanding;
    finance.orgSeriesYears[issuer]!++;
    finance.orgCentYears[issuer]! += outstanding;
  }
}

/** Each shareholder's payouts last year over the book equity of the firm shares it holds. */
function closeEquityReturns(state: EconomyState, count: number): void {
  const { finance, orgs } = state;
  const held = new Float64Array(count);
  let any = false;
  for (const org of orgs.all) if (org.alive && org.kind === ORG_FIRM && org.holders.length > 0) { any = true; break; }
  if (any) {
    const equity = organisationEquity(state);
    for (const org of orgs.all) {
      if (!org.alive || org.kind !== ORG_FIRM || org.holders.length === 0) continue;
      let contributed = 0;
      for (const c of org.contributed) contributed += c;
      if (!(contributed > 0)) continue;
      for (let k = 0; k < org.holders.length; k++) held[org.holders[k]!]! += Math.max(0, equity[org.id]!) * org.contributed[k]! / contributed;
    }
  }
  const { equityReturn, equityReturnSet, payoutYearCents } = finance;
  equityReturnSet.fill(0);
  for (let p = 0; p < count; p++) {
    const rate = held[p]! > 0 ? Math.max(0, payoutYearCents[p]! / held[p]!) : 0;
    equityReturn[p] = rate;
    // setEquityReturn's bit, without a branch: after the fill, only set bits are written.
    equityReturnSet[p >>> 5]! |= Number(rate !== 0) << (p & 31);
    payoutYearCents[p] = 0;
  }
}
