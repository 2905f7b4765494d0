// MODEL.md 4-5, "bond service": every active series pays its holders out of its escrow. Rent
// above the service redeems the series early (`excessRent: prepay`) or goes to the pool
// (`dividend`). With `poolBacksBonds` the commune's pool covers a shortfall.
import { FLOW } from '../../model/ledger.ts';
import { SERIES_ACTIVE, SERIES_REDEEMED, dueCents, type BondSeries } from '../../model/market/bond-series.ts';
import { prepaySeries, serviceSeries, type HolderPaid } from '../../model/market/bond-service.ts';
import type { EconomyState } from '../../model/economy/economy-state.ts';

/** Books what holders receive: income, trailing return, and interest that leaves the commune. */
export function holderBookkeeping(state: EconomyState): { issuer: number; paid: HolderPaid } {
  const { persons, counters } = state;
  const cursor = {
    issuer: -1,
    paid: (holder: number, interestCents: number, _principalCents: number, annualYield?: number) => {
      const p = persons.personOf(holder);
      if (p < 0 || interestCents <= 0) return;
      persons.incomeCents[p]! += interestCents;
      if (annualYield !== undefined) persons.trailingReturn[p] = 0.95 * persons.trailingReturn[p]! + 0.05 * annualYield;
      if (persons.memberOf[p] !== cursor.issuer) counters.interestToNonMembersYear += interestCents;
    },
  };
  return cursor;
}

export function serviceCommuneBonds(state: EconomyState, bookkeeping: { issuer: number; paid: HolderPaid }): void {
  const { bonds, ledger, orgs, params } = state;
  for (const s of bonds.active) {
    if (s.status !== SERIES_ACTIVE) continue;
    bookkeeping.issuer = s.issuer;
    const owner = orgs.get(s.issuer);
    if (params.poolBacksBonds) {
      const short = dueCents(s) - ledger.balance(s.escrow);
      if (short > 0) ledger.payUpTo(owner.account, s.escrow, short, FLOW.rent);
    }
    const paid = serviceSeries(ledger, bonds, s, bookkeeping.paid);
    if (paid && s.status === SERIES_ACTIVE) {
      const excess = ledger.balance(s.escrow);
      if (excess > 0) {
        if (params.excessRentPrepays) prepaySeries(ledger, bonds, s, excess, bookkeeping.paid);
        else {
          ledger.transfer(s.escrow, owner.account, excess, FLOW.rent);
          owner.poolIncomeMonth += excess;
        }
      }
    }
    if (s.status === SERIES_REDEEMED) settleRedeemed(state, s);
  }
  bonds.compact();
}

/** A redeemed asset is fully owned: what is left in its escrow joins the pool. */
function settleRedeemed(state: EconomyState, s: BondSeries): void {
  const { ledger, orgs, assets, counters } = state;
  const owner = orgs.get(s.issuer);
  const left = ledger.balance(s.escrow);
  if (left > 0) {
    ledger.transfer(s.escrow, owner.account, left, FLOW.rent);
    owner.poolIncomeMonth += left;
  }
  if (assets.series[s.asset] === s.id) assets.series[s.asset] = -1;
  counters.redeemedSeries++;
  counters.redemptionMonthsSum += state.tick - s.issuedTick + 1;
}
