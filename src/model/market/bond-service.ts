// MODEL.md section 4, bond service: each month the series pays every holding its scheduled
// interest and principal out of the escrow. A month the escrow cannot pay in full is a missed
// payment: nothing is paid, the month's interest is added to the balance (holders lose nothing
// to the delay) and the schedule shifts by a month.
import { FLOW, type Ledger } from '../ledger.ts';
import {
  SERIES_ACTIVE, SERIES_REDEEMED, dueCents, scheduledPayment, type BondBook, type BondSeries,
} from './bond-series.ts';

/** Called for every cent paid to a holder, so the economy can book income and bond holdings. */
export type HolderPaid = (holderAccount: number, interestCents: number, principalCents: number, annualYield?: number) => void;

/** Pays this month's service; returns false on a missed payment. */
export function serviceSeries(ledger: Ledger, book: BondBook, s: BondSeries, onPaid?: HolderPaid): boolean {
  if (s.status !== SERIES_ACTIVE) return true;
  const due = dueCents(s);
  if (ledger.balance(s.escrow) < due) {
    s.missedMonths++;
    for (const h of s.holdings) {
      if (h.principalCents <= 0) continue;
      h.principalCents += Math.round((h.principalCents * h.annualYield) / 12);
    }
    return false;
  }
  s.missedMonths = 0;
  for (const h of s.holdings) {
    if (h.principalCents <= 0) continue;
    const { interestCents, principalCents } = scheduledPayment(h);
    if (interestCents > 0) ledger.transfer(s.escrow, h.holder, interestCents, FLOW.interest);
    if (principalCents > 0) ledger.transfer(s.escrow, h.holder, principalCents, FLOW.principal);
    h.principalCents -= principalCents;
    h.interestPaidCents += interestCents;
    h.monthsLeft--;
    onPaid?.(h.holder, interestCents, principalCents, h.annualYield);
  }
  closeIfRedeemed(book, s);
  return true;
}

/**
 * Redeems early: `cents` from the escrow go to holders pro rata to their balances (never more
 * than is owed); the level payments stay, so the series ends sooner. Returns what was paid.
 */
export function prepaySeries(ledger: Ledger, book: BondBook, s: BondSeries, cents: number, onPaid?: HolderPaid): number {
  if (s.status !== SERIES_ACTIVE || cents <= 0) return 0;
  let owed = 0;
  for (const h of s.holdings) owed += h.principalCents;
  const paying = Math.min(cents, owed, ledger.balance(s.escrow));
  if (paying <= 0) return 0;
  // Pro rata to balances, rounded down; remainder cents one each to holdings in order.
  let given = 0;
  for (const h of s.holdings) given += Math.floor((paying * h.principalCents) / owed);
  let remainder = paying - given;
  for (const h of s.holdings) {
    if (h.principalCents <= 0) continue;
    let share = Math.floor((paying * h.principalCents) / owed);
    if (remainder > 0 && share < h.principalCents) {
      share++;
      remainder--;
    }
    if (share <= 0) continue;
    ledger.transfer(s.escrow, h.holder, share, FLOW.principal);
    h.principalCents -= share;
    onPaid?.(h.holder, 0, share, h.annualYield);
  }
  closeIfRedeemed(book, s);
  return paying;
}

function closeIfRedeemed(book: BondBook, s: BondSeries): void {
  for (const h of s.holdings) if (h.principalCents > 0) return;
  s.status = SERIES_REDEEMED;
  book.redeemedCount++;
}
