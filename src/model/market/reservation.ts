// MODEL.md 10.7, no half-done transfers: every purchase reserves its money before any auction
// it triggers. The buyer's cents move into a hold account first, so the auction (whose
// bidders may include the buyer itself) cannot spend them; the purchase then pays out of the
// hold, or the hold goes back to the buyer when the purchase falls through. v2 checked the
// cash before the auction and debited it after, and crashed when the auction had spent it.
import { FLOW, type Ledger } from '../ledger.ts';

/** Moves `cents` from `account` into the hold; false (nothing moves) when it has less. */
export function reserveCents(ledger: Ledger, hold: number, account: number, cents: number): boolean {
  if (cents <= 0) return true;
  if (ledger.balance(account) < cents) return false;
  ledger.transfer(account, hold, cents, FLOW.reservation);
  return true;
}

/** Pays reserved cents to the seller, for `flow`. */
export function payReserved(ledger: Ledger, hold: number, to: number, cents: number, flow: number): void {
  if (cents > 0) ledger.transfer(hold, to, cents, flow);
}

/** The purchase fell through: the reserved cents go back to the buyer. */
export function releaseReserved(ledger: Ledger, hold: number, account: number, cents: number): void {
  if (cents > 0) ledger.transfer(hold, account, cents, FLOW.reservation);
}
