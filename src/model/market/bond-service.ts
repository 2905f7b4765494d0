// MODEL.md section 4, bond service: each month the series pays every holding its scheduled
// interest and principal out of the escrow. A month the escrow cannot pay in full is a missed
// payment: nothing is paid, the month's interest is added to the balance (holders lose nothing
// to the delay) and the remaining payments shift by a month, so the series stays a payment
// behind its original schedule (`paymentsBehind`: what its default counts, from the payments
// made that the service counts). Prepayment (rent above the service, under `excessRent:
// prepay`) redeems early, pro rata to balances; the level payment stays, so the series ends sooner.
import { FLOW, type Ledger } from '../ledger.ts';
import {
  SERIES_ACTIVE, SERIES_REDEEMED, monthInterestCents, scheduledPrincipalCents, type BondBook,
} from './bond-series.ts';
import { allocateProRata } from './pro-rata.ts';

/**
 * Called for every payment to a holder, so the economy can book income. (It was also given the
 * holding's yield, which no caller read: a load per holding paid.)
 */
export type HolderPaid = (holderAccount: number, interestCents: number, principalCents: number) => void;

// Imported bindings read once: a module loader may route every read through a getter.
const INTEREST = FLOW.interest;
const PRINCIPAL = FLOW.principal;
const ACTIVE = SERIES_ACTIVE;
const REDEEMED = SERIES_REDEEMED;
const interestOn = monthInterestCents;
const principalOf = scheduledPrincipalCents;

/**
 * Scratch per holding of the series in hand: this month's scheduled interest and principal,
 * the balance left after it (the prepayment's weights) and the prepayment each receives.
 */
const scheduled = { interest: new Float64Array(64), principal: new Float64Array(64), left: new Float64Array(64), prepaid: new Float64Array(64) };

function growScheduled(count: number): void {
  let n = scheduled.interest.length;
  while (n < count) n *= 2;
  scheduled.interest = new Float64Array(n);
  scheduled.principal = new Float64Array(n);
  scheduled.left = new Float64Array(n);
  scheduled.prepaid = new Float64Array(n);
}

/**
 * Pays this month's service; returns false on a missed payment. With `prepay`, whatever the
 * escrow holds beyond the month's due also redeems principal, pro rata to the balances left
 * after the scheduled payment (remainder cents one each in holding order), in the same
 * transfer as the scheduled principal. With `keepNext`, the book keeps the series' next
 * month's schedule, summed as the payments are made: for series whose schedule is asked
 * every month (the wage phase's enterprise series), not the others, whose sums would cost
 * more than they save.
 */
export function serviceSeries(ledger: Ledger, book: BondBook, s: number, onPaid?: HolderPaid, prepay = false, keepNext = false): boolean {
  if (book.status[s] !== ACTIVE) return true;
  const escrow = book.escrow[s]!;
  const first = book.firstHolding[s]!;
  const count = book.holdingCount[s]!;
  if (count === 1) return serviceSingle(ledger, book, s, escrow, first, onPaid, prepay, keepNext);
  return serviceMany(ledger, book, s, escrow, first, count, onPaid, prepay, keepNext);
}

/**
 * serviceSeries for a series of several holdings. A function of its own, as are the one
 * holding's (serviceSingle) and the missed month's (missPayment): in one function, the code
 * V8 optimised from a run's history (early months: mostly series of one holding, and misses)
 * served a month-120 book in 1.3-1.9x the time of a copy optimised on that month alone, likely
 * its inlining budget spent on the other paths; split, 1.0-1.1x (bench of communes-only).
 */
function serviceMany(
  ledger: Ledger, book: BondBook, s: number, escrow: number, first: number, count: number, onPaid: HolderPaid | undefined, prepay: boolean, keepNext: boolean,
): boolean {
  const end = first + count;
  const { principalCents: balances, annualYield, paymentCents, monthsLeft, holder: holders, interestPaidCents } = book;
  if (count > scheduled.interest.length) growScheduled(count);
  const { keptHoldingInterestCents: keptInterest, keptHoldingPrincipalCents: keptPrincipal } = book;
  const available = ledger.balance(escrow);
  // A kept split with nothing to prepay (the escrow holds the due exactly, as the wage phase's
  // top-up leaves an enterprise's; or no prepayment) is paid as kept, read at h: no pass to
  // split and sum. Otherwise each holding's split is computed once, read at h - first.
  const asKept = book.scheduleKept[s] === 1 && (!prepay || available === book.keptDueCents[s]!);
  let interestDue = keptInterest;
  let principalDue = keptPrincipal;
  let at = 0;
  let due = asKept ? book.keptDueCents[s]! : 0;
  let after = 0;
  if (!asKept) {
    interestDue = scheduled.interest;
    principalDue = scheduled.principal;
    at = first;
    const leftOf = scheduled.left;
    // The split kept with the series' schedule is the one computed here from the same balances.
    const kept = book.scheduleKept[s] === 1;
    for (let h = first; h < end; h++) {
      const p = balances[h]!;
      leftOf[h - first] = 0;
      if (p <= 0) continue;
      const interest = kept ? keptInterest[h]! : interestOn(p, annualYield[h]!);
      const principal = kept ? keptPrincipal[h]! : principalOf(p, interest, paymentCents[h]!, monthsLeft[h]!);
      interestDue[h - first] = interest;
      principalDue[h - first] = principal;
      leftOf[h - first] = p - principal;
      due += interest + principal;
      after += p - principal;
    }
  }
  if (available < due) return missPayment(book, s, first, end);
  // Prepayment: pro rata to the balances left after the scheduled payment.
  const extra = prepay && after > 0 ? Math.min(available - due, after) : 0;
  const prepaid = scheduled.prepaid;
  if (extra > 0) allocateProRata(extra, scheduled.left, prepaid, count, after);
  let owed = false;
  let open = false;
  let repaid = 0;
  // Next month's schedule, as BondBook.schedule would sum it, while the holdings are in cache.
  let nextDue = 0;
  let nextInterest = 0;
  let nextLevel = 0;
  for (let h = first; h < end; h++) {
    const p = balances[h]!;
    if (p <= 0) continue;
    owed = true;
    const interestCents = interestDue[h - at]!;
    const principalCents = principalDue[h - at]! + (extra > 0 ? prepaid[h - first]! : 0);
    const holder = holders[h]!;
    ledger.transferTwo(escrow, holder, interestCents, INTEREST, principalCents, PRINCIPAL);
    const left = p - principalCents;
    balances[h] = left;
    repaid += principalCents;
    interestPaidCents[h]! += interestCents;
    const months = monthsLeft[h]! - 1;
    monthsLeft[h] = months;
    if (p > principalCents) open = true;
    if (keepNext && left > 0) {
      const payment = paymentCents[h]!;
      const nextInterestCents = interestOn(left, annualYield[h]!);
      const nextPrincipalCents = principalOf(left, nextInterestCents, payment, months);
      keptInterest[h] = nextInterestCents;
      keptPrincipal[h] = nextPrincipalCents;
      nextDue += nextInterestCents + nextPrincipalCents;
      nextInterest += nextInterestCents;
      nextLevel += payment;
    }
    onPaid?.(holder, interestCents, principalCents);
  }
  // Every holding still owed takes this payment off its schedule (one prepaid to nothing has left it).
  if (owed) book.paymentsMade[s]!++;
  book.seriesOutstandingCents[s]! -= repaid;
  if (keepNext) book.keepSchedule(s, nextDue, nextInterest, nextLevel);
  else book.forgetSchedule(s);
  if (!open) book.close(s, REDEEMED);
  return true;
}

/** A missed month: each open holding's interest joins its balance; nothing is paid. */
function missPayment(book: BondBook, s: number, first: number, end: number): boolean {
  const balances = book.principalCents;
  const annualYield = book.annualYield;
  let capitalised = 0;
  for (let h = first; h < end; h++) {
    const p = balances[h]!;
    if (p <= 0) continue;
    const interest = interestOn(p, annualYield[h]!);
    balances[h] = p + interest;
    capitalised += interest;
  }
  book.seriesOutstandingCents[s]! += capitalised;
  book.forgetSchedule(s);
  book.noteMissed(s);
  return false;
}

/**
 * serviceSeries for a series of one holding (half of all series-months): the same arithmetic
 * without the passes and the scratch columns.
 */
function serviceSingle(
  ledger: Ledger, book: BondBook, s: number, escrow: number, h: number, onPaid: HolderPaid | undefined, prepay: boolean, keepNext: boolean,
): boolean {
  const balances = book.principalCents;
  const p = balances[h]!;
  if (p <= 0) {
    book.close(s, REDEEMED);
    return true;
  }
  const annualYield = book.annualYield[h]!;
  const kept = book.scheduleKept[s] === 1;
  const interestCents = kept ? book.keptHoldingInterestCents[h]! : interestOn(p, annualYield);
  let principalCents = kept ? book.keptHoldingPrincipalCents[h]! : principalOf(p, interestCents, book.paymentCents[h]!, book.monthsLeft[h]!);
  const due = interestCents + principalCents;
  const left = p - principalCents;
  const available = ledger.balance(escrow);
  if (available < due) {
    balances[h] = p + interestCents;
    book.seriesOutstandingCents[s]! += interestCents;
    book.forgetSchedule(s);
    book.noteMissed(s);
    return false;
  }
  book.paymentsMade[s]!++;
  const extra = prepay && left > 0 ? Math.min(available - due, left) : 0;
  // The one holding's pro rata share of the prepayment is all of it.
  principalCents += extra;
  const holder = book.holder[h]!;
  ledger.transferTwo(escrow, holder, interestCents, INTEREST, principalCents, PRINCIPAL);
  const rest = p - principalCents;
  balances[h] = rest;
  book.seriesOutstandingCents[s]! -= principalCents;
  book.interestPaidCents[h]! += interestCents;
  const months = book.monthsLeft[h]! - 1;
  book.monthsLeft[h] = months;
  // Next month's schedule, as BondBook.schedule would compute it. One call each way: a call on
  // the last payment's path alone had no type feedback when V8 compiled this, and undid it.
  let nextDue = 0;
  let nextInterest = 0;
  let nextLevel = 0;
  if (keepNext && rest > 0) {
    const payment = book.paymentCents[h]!;
    const interest = interestOn(rest, annualYield);
    const principal = principalOf(rest, interest, payment, months);
    book.keptHoldingInterestCents[h] = interest;
    book.keptHoldingPrincipalCents[h] = principal;
    nextDue += interest + principal;
    nextInterest += interest;
    nextLevel += payment;
  }
  if (keepNext) book.keepSchedule(s, nextDue, nextInterest, nextLevel);
  else book.forgetSchedule(s);
  onPaid?.(holder, interestCents, principalCents);
  if (p <= principalCents) book.close(s, REDEEMED);
  return true;
}

/**
 * Scheduled payments a series is behind before month `tick`'s service (after that month's
 * service, pass tick + 1): months since issue, less one (the first falls due the month after),
 * less the payments made. A missed payment is capitalised and never made up, so this is how far
 * past due the series is, in months; a prepayment redeems principal early but pays no
 * instalment, so it does not put the series ahead of its schedule.
 */
export function paymentsBehind(book: BondBook, series: number, tick: number): number {
  return Math.max(0, tick - book.issuedTick[series]! - 1 - book.paymentsMade[series]!);
}

/**
 * What the escrow lacks for this month's service, 0 when it holds enough: what a backer (a
 * commune's pool, an enterprise's cash) pays in before the service is due.
 */
export function serviceShortfall(ledger: Ledger, book: BondBook, s: number, dueCents = book.due(s)): number {
  return Math.max(0, dueCents - ledger.balance(book.escrow[s]!));
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
  const count = end - first;
  if (count > scheduled.prepaid.length) growScheduled(count);
  const shares = scheduled.prepaid;
  allocateProRata(paying, book.principalCents.subarray(first, end), shares);
  book.forgetSchedule(s);
  let open = false;
  for (let h = first; h < end; h++) {
    const share = shares[h - first]!;
    if (share > 0) {
      ledger.transfer(escrow, book.holder[h]!, share, PRINCIPAL);
      book.principalCents[h] = book.principalCents[h]! - share;
      book.seriesOutstandingCents[s]! -= share;
      onPaid?.(book.holder[h]!, 0, share);
    }
    if (book.principalCents[h]! > 0) open = true;
  }
  if (!open) book.close(s, REDEEMED);
  return paying;
}
