// MODEL.md 5, cooperative: it admits a new member when income per member does not fall; the
// buy-in is the equity per member, 25% paid up front and the rest out of the new member's
// distributions over five years.

export function admitsMember(netIncomeCents: number, members: number, addedNetIncomeCents: number): boolean {
  if (members <= 0) return true;
  return (netIncomeCents + addedNetIncomeCents) / (members + 1) >= netIncomeCents / members;
}

export const BUY_IN_UPFRONT_SHARE = 0.25;
export const BUY_IN_INSTALMENT_MONTHS = 60;

export interface BuyInTerms {
  readonly totalCents: number;
  readonly upfrontCents: number;
  /** Withheld from each monthly distribution until the balance is paid. */
  readonly instalmentCents: number;
}

export function buyInTerms(equityCents: number, members: number): BuyInTerms {
  const totalCents = members > 0 ? Math.max(0, Math.round(equityCents / members)) : 0;
  const upfrontCents = Math.ceil(totalCents * BUY_IN_UPFRONT_SHARE);
  const instalmentCents = Math.ceil((totalCents - upfrontCents) / BUY_IN_INSTALMENT_MONTHS);
  return { totalCents, upfrontCents, instalmentCents };
}
