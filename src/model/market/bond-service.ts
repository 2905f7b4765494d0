// MODEL.md section 4, bond service: each month the series pays every holding its scheduled
// interest and principal out of the escrow. A month the escrow cannot pay in full is a missed
// payment: nothing is paid, the month's interest is added to the balance (holders lose nothing
// to the delay) and the schedule shifts by a month. Prepayment (rent above the service, under
// `excessRent: prepay`) redeems early, pro rata to balances; the level payment stays, so the
// series ends sooner.
import { FLOW, type Ledger } from '../ledger.ts';
import { SERIES_ACTIVE, SERIES_REDEEMED, scheduledSplit, type BondBook } from './bond-series.ts';

/** Called for every payment to a holder, so the economy can book income and trailing returns. */
export type HolderPaid = (holderAccount: number, interestCents: number, principalCents: number, annualYield: number) => void;

const split = { interestCents: 0, principalCents: 0 };
// Imported bindings read once: a module loader may route every read through a getter.
const INTEREST = FLOW.interest;
const PRINCIPAL = FLOW.principal;
const ACTIVE = SERIES_ACTIVE;
const REDEEMED = SERIES_REDEEMED;
const splitOf = scheduledSplit;

/** Pays this month's service; returns false on a missed payment. */
export function serviceSeries(ledger: Ledger, book: BondBook, s: number, onPaid?: HolderPaid): boolean {
  if (book.status[s] !== ACTIVE) return true;
  const escrow = book.escrow[s]!;
  const first = book.firstHolding[s]!;
  const end = first + book.holdingCount[s]!;
  if (ledger.balance(escrow) < book.due(s)) {
    book.missedMonths[s]!++;
    for (let h = first; h < end; h++) {
      const p = book.principalCents[h]!;
      if (p > 0) book.principalCents[h] = p + Math.round((p * book.annualYield[h]!) / 12);
    }
    return false;
  }
  book.missedMonths[s] = 0;
  let open = false;
  for (let h = first; h < end; h++) {
    if (book.principalCents[h]! <= 0) continue;
    splitOf(book.principalCents[h]!, book.annualYield[h]!, book.paymentCents[h]!, book.monthsLeft[h]!, split);
    const { interestCents, principalCents } = split;
    const holder = book.holder[h]!;
    if (interestCents > 0) ledger.transfer(escrow, holder, interestCents, INTEREST);
    if (principalCents > 0) ledger.transfer(escrow, holder, principalCents, PRINCIPAL);
    book.principalCents[h]! -= principalCents;
    book.interestPaidCents[h]! += interestCents;
    book.monthsLeft[h]!--;
    if (book.principalCents[h]! > 0) open = true;
    onPaid?.(holder, interestCents, principalCents, book.annualYield[h]!);
  }
  if (!open) book.close(s, REDEEMED);
  return true;
}

/** Redeems early with up to `cents` of the escrow, never beyond what is owed; returns what was paid. */
export function prepaySeries(ledger: Ledger, book: BondBook, s: number, cents: number, onPaid?: HolderPaid): number {
  if (book.status[s] !== ACTIVE || cents <= 0) return 0;
  const escrow = book.escrow[s]!;
  const first = book.firstHolding[s]!;
  const end = first + book.holdingCount[s]!;
  const owed = book.outstanding(s);
  const paying = Math.min(cents, owed, ledger.balance(escrow));
  if (paying <= 0) return 0;
  // Pro rata to balances, rounded down; the remainder cents one each to holdings in order.
  let given = 0;
  for (let h = first; h < end; h++) given += Math.floor((paying * book.principalCents[h]!) / owed);
  let remainder = paying - given;
  let open = false;
  for (let h = first; h < end; h++) {
    const balance = book.principalCents[h]!;
    if (balance <= 0) continue;
    let share = Math.floor((paying * balance) / owed);
    if (remainder > 0 && share < balance) {
      share++;
      remainder--;
    }
    if (share > 0) {
      ledger.transfer(escrow, book.holder[h]!, share, PRINCIPAL);
      book.principalCents[h] = balance - share;
      onPaid?.(book.holder[h]!, 0, share, book.annualYield[h]!);
    }
    if (book.principalCents[h]! > 0) open = true;
  }
  if (!open) book.close(s, REDEEMED);
  return paying;
}
