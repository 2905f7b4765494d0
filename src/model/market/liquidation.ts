// MODEL.md section 4, default and liquidation: an asset nobody will rent at the reserve is
// sold to `world` at `bookValue * (1 - liquidationDiscount)`. Proceeds pay the asset's own
// bondholders first, pro rata to their balances; their shortfall is a recorded bond loss. What
// is left goes to the owner, to be shared by the owner's own rule.
import { FLOW, WORLD, type Ledger } from '../ledger.ts';
import { allocateProRata } from './pro-rata.ts';
import { SERIES_ACTIVE, SERIES_DEFAULTED, type BondBook, type BondSeries } from './bond-series.ts';
import type { HolderPaid } from './bond-service.ts';

export function liquidationValueCents(bookValueCents: number, discount: number): number {
  return Math.max(0, Math.round(bookValueCents * (1 - discount)));
}

export interface LiquidationOutcome {
  readonly proceedsCents: number;
  readonly paidToHoldersCents: number;
  readonly lossCents: number;
  readonly toOwnerCents: number;
}

/**
 * Sells the asset to `world` and runs the waterfall. With an active series, proceeds and any
 * escrow balance pay its holders first; the series is closed as defaulted if anyone lost.
 */
export function liquidate(
  ledger: Ledger, book: BondBook, series: BondSeries | null, proceedsCents: number,
  ownerAccount: number, onPaid?: HolderPaid,
): LiquidationOutcome {
  if (series === null || series.status !== SERIES_ACTIVE) {
    if (proceedsCents > 0) ledger.transfer(WORLD, ownerAccount, proceedsCents, FLOW.liquidation);
    return { proceedsCents, paidToHoldersCents: 0, lossCents: 0, toOwnerCents: proceedsCents };
  }
  if (proceedsCents > 0) ledger.transfer(WORLD, series.escrow, proceedsCents, FLOW.liquidation);
  const available = ledger.balance(series.escrow);
  const balances = series.holdings.map((h) => h.principalCents);
  const owed = balances.reduce((a, b) => a + b, 0);
  const paying = Math.min(available, owed);
  const shares = new Float64Array(balances.length);
  allocateProRata(paying, balances, shares);
  let lossCents = 0;
  for (let i = 0; i < series.holdings.length; i++) {
    const h = series.holdings[i]!;
    const share = shares[i]!;
    if (share > 0) ledger.transfer(series.escrow, h.holder, share, FLOW.principal);
    onPaid?.(h.holder, 0, share);
    const loss = h.principalCents - share;
    h.lossCents += loss;
    lossCents += loss;
    h.principalCents = 0;
  }
  series.lossCents += lossCents;
  book.lossCents += lossCents;
  series.status = SERIES_DEFAULTED;
  const rest = ledger.balance(series.escrow);
  if (rest > 0) ledger.transfer(series.escrow, ownerAccount, rest, FLOW.liquidation);
  return { proceedsCents, paidToHoldersCents: paying, lossCents, toOwnerCents: rest };
}
