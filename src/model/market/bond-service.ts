// MODEL.md section 4, bond service: each month the series pays every holding its scheduled
// interest and principal out of the escrow. A month the escrow cannot pay in full is a missed
// payment: nothing is paid, the month's interest is added to the balance (holders lose nothing
// to the delay) and the remaining payments shift by a month, so the series stays a payment
// behind its original schedule (`paymentsBehind`: what its default counts, from the payments
// made that the service counts). Prepayment (rent above the service, under `excessRent:
// prepay`) redeems early, pro rata to balances; the level payment stays, so the series ends sooner.
import { FLOW, WORLD, type Ledger } from '../ledger.ts';
import {
  SERIES_ACTIVE, SERIES_REDEEMED, monthInterestCents, scheduledPrincipalCents, type BondBook,
} from './bond-series.ts';
import { allocateProRata, proRataShareCents } from './pro-rata.ts';
import type { HolderCredits } from './holder-credits.ts';

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
 * The ledger's balances of every account but `world` (index: account - 1), for the service's
 * in-place payments (Ledger.balancesOf): each series' escrow is debited once for what all its
 * holdings receive and the flows are counted once, where a checked transferTwo per holding
 * tested and counted each (the amounts are whole cents the escrow holds: the service checked
 * the due, and a prepayment is at most what is left). Re-taken when the ledger or its size
 * changes (a view is valid until `open`), and at the start of each month's service
 * (`refreshAccounts`): a restored snapshot may replace the balances of the same ledger.
 */
let viewLedger: Ledger | undefined;
let viewSize = 0;
let accountsView: Float64Array = new Float64Array(0);

function accountsOf(ledger: Ledger): Float64Array {
  if (ledger !== viewLedger || ledger.size !== viewSize) refreshAccounts(ledger);
  return accountsView;
}

/** Takes the service's view of the ledger's balances afresh (see `accountsOf`). */
export function refreshAccounts(ledger: Ledger): void {
  accountsView = ledger.balancesOf(1, ledger.size - 1);
  viewLedger = ledger;
  viewSize = ledger.size;
}

/**
 * A payment to a holding `world` holds (a lending cooperative that ended with no members
 * handed it its bonds): the world's side of the two transfers, which the view does not reach.
 * The escrow's side is the caller's, with the rest.
 */
function paidToWorld(ledger: Ledger, interestCents: number, principalCents: number): void {
  ledger.addWorldTransfers(INTEREST, interestCents, true);
  ledger.addWorldTransfers(PRINCIPAL, principalCents, true);
}

/**
 * Pays this month's service; returns false on a missed payment. With `prepay`, whatever the
 * escrow holds beyond the month's due also redeems principal, pro rata to the balances left
 * after the scheduled payment (remainder cents one each in holding order), in the same
 * transfer as the scheduled principal. With `keepNext`, the book keeps the series' next
 * month's schedule, summed as the payments are made: the wage phase reads an enterprise
 * series' from it, and the next month's service pays it as kept, prepayment or not (a
 * commune's series split and summed every holding in a pass of their own before).
 * With `credits`, a payment to a person is noted there instead (not credited, not passed to
 * `onPaid`, not taken off what the person holds): the caller credits the notes after the
 * month's service (HolderCredits).
 */
export function serviceSeries(
  ledger: Ledger, book: BondBook, s: number, onPaid?: HolderPaid, prepay = false, keepNext = false, credits?: HolderCredits,
): boolean {
  if (book.status[s] !== ACTIVE) return true;
  const escrow = book.escrow[s]!;
  const first = book.firstHolding[s]!;
  const count = book.holdingCount[s]!;
  if (count === 1) return serviceSingle(ledger, book, s, escrow, first, onPaid, prepay, keepNext, credits);
  return serviceMany(ledger, book, s, escrow, first, count, onPaid, prepay, keepNext, credits);
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
  credits: HolderCredits | undefined,
): boolean {
  const end = first + count;
  const { principalCents: balances, annualYield, paymentCents, holder: holders } = book;
  // Every open holding of the series has the same payments left (BondBook.monthsLeft).
  const monthsLeft = book.monthsLeft(s);
  const nextMonths = monthsLeft - 1;
  if (count > scheduled.interest.length) growScheduled(count);
  const { keptHoldingInterestCents: keptInterest, keptHoldingPrincipalCents: keptPrincipal } = book;
  const available = ledger.balance(escrow);
  // A kept split (BondBook.scheduleKept) is paid as kept, read at h, with no pass to split and
  // sum: its due is kept, and what the holdings owe after it is the outstanding less the kept
  // principal (whole cents, so the same as their sum). Otherwise each holding's split is
  // computed once, read at h - first.
  const kept = book.scheduleKept[s] === 1;
  let interestDue = keptInterest;
  let principalDue = keptPrincipal;
  let at = 0;
  let due = 0;
  let after = 0;
  if (kept) {
    due = book.keptDueCents[s]!;
    after = book.seriesOutstandingCents[s]! - (due - book.keptInterestCents[s]!);
  } else {
    interestDue = scheduled.interest;
    principalDue = scheduled.principal;
    at = first;
    const leftOf = scheduled.left;
    for (let h = first; h < end; h++) {
      const p = balances[h]!;
      leftOf[h - first] = 0;
      if (p <= 0) continue;
      const interest = interestOn(p, annualYield[h]!);
      const principal = principalOf(p, interest, paymentCents[h]!, monthsLeft);
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
  if (extra > 0) {
    if (kept) allocateProRataOfKept(extra, after, balances, keptPrincipal, first, count, prepaid);
    else allocateProRata(extra, scheduled.left, prepaid, count, after);
  }
  let owed = false;
  let open = false;
  let repaid = 0;
  let interestPaid = 0;
  let worldInterest = 0;
  let worldPrincipal = 0;
  const accounts = accountsOf(ledger);
  // What each person holds (BondBook.personHeldCents) loses the principal it is paid.
  const held = book.personHeldCents;
  const persons = held.length;
  const personAccount = book.personAccount;
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
    const person = holder - personAccount;
    const isPerson = person >= 0 && person < persons;
    if (isPerson && credits !== undefined) credits.add(person, interestCents, principalCents);
    else {
      if (isPerson) held[person]! -= principalCents;
      if (holder !== WORLD) accounts[holder - 1]! += interestCents + principalCents;
      else {
        paidToWorld(ledger, interestCents, principalCents);
        worldInterest += interestCents;
        worldPrincipal += principalCents;
      }
      onPaid?.(holder, interestCents, principalCents);
    }
    const left = p - principalCents;
    balances[h] = left;
    repaid += principalCents;
    interestPaid += interestCents;
    if (p > principalCents) open = true;
    if (keepNext && left > 0) {
      const payment = paymentCents[h]!;
      const nextInterestCents = interestOn(left, annualYield[h]!);
      const nextPrincipalCents = principalOf(left, nextInterestCents, payment, nextMonths);
      keptInterest[h] = nextInterestCents;
      keptPrincipal[h] = nextPrincipalCents;
      nextDue += nextInterestCents + nextPrincipalCents;
      nextInterest += nextInterestCents;
      nextLevel += payment;
    }
  }
  // What the loop credited, as transfers out of the escrow (whole cents: exact in any grouping).
  accounts[escrow - 1]! -= interestPaid + repaid;
  ledger.addVolume(INTEREST, interestPaid - worldInterest);
  ledger.addVolume(PRINCIPAL, repaid - worldPrincipal);
  // Every holding still owed takes this payment off its schedule (one prepaid to nothing has left it).
  if (owed) book.paymentsMade[s]!++;
  book.seriesOutstandingCents[s]! -= repaid;
  book.issuerDebtCents[book.issuer[s]!]! -= repaid;
  if (keepNext) book.keepSchedule(s, nextDue, nextInterest, nextLevel);
  else book.forgetSchedule(s);
  book.closeIfRedeemed(s, open ? 0 : 1);
  return true;
}

/**
 * allocateProRata(extra, weights, out, count, after) with each holding's weight its balance left
 * after its kept scheduled principal (0 for a closed holding), read where it is kept: the same
 * shares, the remainder cents one each to the holdings of positive weight in order.
 */
function allocateProRataOfKept(
  extra: number, after: number, balances: Float64Array, keptPrincipal: Float64Array, first: number, count: number, out: Float64Array,
): void {
  let given = 0;
  for (let k = 0; k < count; k++) {
    const p = balances[first + k]!;
    const share = p > 0 ? proRataShareCents(extra, p - keptPrincipal[first + k]!, after) : 0;
    out[k] = share;
    given += share;
  }
  let remainder = extra - given;
  for (let k = 0; remainder > 0; k = k + 1 === count ? 0 : k + 1) {
    const p = balances[first + k]!;
    if (p > 0 && p - keptPrincipal[first + k]! > 0) {
      out[k]! += 1;
      remainder--;
    }
  }
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
    book.addHeld(book.holder[h]!, interest);
    capitalised += interest;
  }
  book.seriesOutstandingCents[s]! += capitalised;
  book.issuerDebtCents[book.issuer[s]!]! += capitalised;
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
  credits: HolderCredits | undefined,
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
  // The one holding's payments left (BondBook.monthsLeft).
  const monthsLeft = book.monthsLeft(s);
  let principalCents = kept ? book.keptHoldingPrincipalCents[h]! : principalOf(p, interestCents, book.paymentCents[h]!, monthsLeft);
  const due = interestCents + principalCents;
  const left = p - principalCents;
  const available = ledger.balance(escrow);
  if (available < due) {
    balances[h] = p + interestCents;
    book.addHeld(book.holder[h]!, interestCents);
    book.seriesOutstandingCents[s]! += interestCents;
    book.issuerDebtCents[book.issuer[s]!]! += interestCents;
    book.forgetSchedule(s);
    book.noteMissed(s);
    return false;
  }
  book.paymentsMade[s]!++;
  const extra = prepay && left > 0 ? Math.min(available - due, left) : 0;
  // The one holding's pro rata share of the prepayment is all of it.
  principalCents += extra;
  const holder = book.holder[h]!;
  const accounts = accountsOf(ledger);
  const paidCents = interestCents + principalCents;
  accounts[escrow - 1]! -= paidCents;
  // A person's payment noted in `credits` is credited by the caller (serviceSeries).
  const person = holder - book.personAccount;
  const noted = credits !== undefined && person >= 0 && person < book.personHeldCents.length;
  if (holder !== WORLD) {
    if (noted) credits.add(person, interestCents, principalCents);
    else accounts[holder - 1]! += paidCents;
    ledger.addVolume(INTEREST, interestCents);
    ledger.addVolume(PRINCIPAL, principalCents);
  } else paidToWorld(ledger, interestCents, principalCents);
  const rest = p - principalCents;
  balances[h] = rest;
  if (!noted) book.addHeld(holder, -principalCents);
  book.seriesOutstandingCents[s]! -= principalCents;
  book.issuerDebtCents[book.issuer[s]!]! -= principalCents;
  const months = monthsLeft - 1;
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
  if (!noted) onPaid?.(holder, interestCents, principalCents);
  book.closeIfRedeemed(s, p <= principalCents ? 1 : 0);
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
      book.addHeld(book.holder[h]!, -share);
      book.addOutstanding(s, -share);
      onPaid?.(book.holder[h]!, 0, share);
    }
    if (book.principalCents[h]! > 0) open = true;
  }
  if (!open) book.close(s, REDEEMED);
  return paying;
}
