// MODEL.md section 4, default and liquidation: an asset nobody will rent at the reserve is
// sold to `world` at `bookValue * (1 - liquidationDiscount)`. Proceeds pay the asset's own
// bondholders first, pro rata to their balances; their shortfall is a recorded bond loss. What
// is left goes to the owner, to be shared by the owner's own rule.
import { FLOW, WORLD, type Ledger } from '../ledger.ts';
import { allocateProRata } from './pro-rata.ts';
import { SERIES_ACTIVE, SERIES_DEFAULTED, type BondBook } from './bond-series.ts';
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
 * Sells the asset to `world` and runs the waterfall. With an active series (`series` >= 0),
 * proceeds and any escrow balance pay its holders first; the series closes as defaulted. With
 * no series or a closed one, proceeds and any escrow left go to the owner.
 */
export function liquidate(
  ledger: Ledger, book: BondBook, series: number, proceedsCents: number, ownerAccount: number, onPaid?: HolderPaid,
): LiquidationOutcome {
  if (series < 0 || book.status[series] !== SERIES_ACTIVE) {
    if (proceedsCents > 0) ledger.transfer(WORLD, ownerAccount, proceedsCents, FLOW.liquidation);
    // A closed series owes nothing: whatever its escrow still holds is the owner's.
    const left = series >= 0 ? ledger.balance(book.escrow[series]!) : 0;
    if (left > 0) ledger.transfer(book.escrow[series]!, ownerAccount, left, FLOW.liquidation);
    return { proceedsCents, paidToHoldersCents: 0, lossCents: 0, toOwnerCents: proceedsCents + left };
  }
  const escrow = book.escrow[series]!;
  if (proceedsCents > 0) ledger.transfer(WORLD, escrow, proceedsCents, FLOW.liquidation);
  const first = book.firstHolding[series]!;
  const count = book.holdingCount[series]!;
  const balances = book.principalCents.subarray(first, first + count);
  const paying = Math.min(ledger.balance(escrow), book.outstanding(series));
  const shares = new Float64Array(count);
  allocateProRata(paying, balances, shares);
  let lossCents = 0;
  for (let k = 0; k < count; k++) {
    const h = first + k;
    const share = shares[k]!;
    if (share > 0) {
      ledger.transfer(escrow, book.holder[h]!, share, FLOW.principal);
      onPaid?.(book.holder[h]!, 0, share);
    }
    const loss = book.principalCents[h]! - share;
    book.holdingLossCents[h]! += loss;
    lossCents += loss;
    book.addHeld(book.holder[h]!, -book.principalCents[h]!);
    book.principalCents[h] = 0;
  }
  // What it owed leaves its issuer's debt with it (close finds 0 left).
  if (book.status[series] === SERIES_ACTIVE) book.addOutstanding(series, -book.seriesOutstandingCents[series]!);
  book.seriesOutstandingCents[series] = 0;
  book.forgetSchedule(series);
  book.seriesLossCents[series]! += lossCents;
  book.lossCents += lossCents;
  book.close(series, SERIES_DEFAULTED);
  const rest = ledger.balance(escrow);
  if (rest > 0) ledger.transfer(escrow, ownerAccount, rest, FLOW.liquidation);
  return { proceedsCents, paidToHoldersCents: paying, lossCents, toOwnerCents: rest };
}
