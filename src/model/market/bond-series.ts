// MODEL.md section 4, bond issue: an organisation raises the price of one asset by a series of
// bonds, each holding a level monthly annuity at its yield (annual yields applied as y/12).
// Issuer-agnostic: an issuer is an organisation id with a ledger account; the series keeps
// its own escrow account, into which the issuer pays and out of which holders are paid.
import { pow } from '../detmath.ts';

export const SERIES_ACTIVE: number = 0;
export const SERIES_REDEEMED: number = 1;
export const SERIES_DEFAULTED: number = 2;

export interface BondHolding {
  /** Ledger account of the holder (a person or an organisation). */
  readonly holder: number;
  readonly annualYield: number;
  /** The level monthly payment fixed at issue. */
  readonly paymentCents: number;
  principalCents: number;
  /** Scheduled payments left; the last one pays whatever principal remains. */
  monthsLeft: number;
  interestPaidCents: number;
  lossCents: number;
}

export interface BondSeries {
  readonly id: number;
  /** Organisation id of the issuer (it may change when communes merge). */
  issuer: number;
  /** The asset bought with it and collateral for it. */
  readonly asset: number;
  readonly escrow: number;
  readonly faceCents: number;
  readonly issuedTick: number;
  readonly maturityMonths: number;
  readonly holdings: BondHolding[];
  status: number;
  /** Consecutive scheduled payments the escrow could not make. */
  missedMonths: number;
  lossCents: number;
}

/** The level monthly payment of an annuity, in whole cents (rounded; the last payment absorbs). */
export function annuityPaymentCents(faceCents: number, annualYield: number, months: number): number {
  const r = annualYield / 12;
  if (r === 0) return Math.ceil(faceCents / months);
  return Math.round((faceCents * r) / (1 - pow(1 + r, -months)));
}

/** One month of a holding's schedule: interest on the balance, the rest principal. */
export function scheduledPayment(h: BondHolding): { interestCents: number; principalCents: number } {
  const interestCents = Math.round((h.principalCents * h.annualYield) / 12);
  const last = h.monthsLeft <= 1 || h.principalCents + interestCents <= h.paymentCents;
  const principalCents = last ? h.principalCents : Math.min(h.principalCents, h.paymentCents - interestCents);
  return { interestCents, principalCents };
}

/** The whole schedule of a fresh annuity, for checks and the planner: it repays exactly the face. */
export function amortisationSchedule(
  faceCents: number, annualYield: number, months: number,
): { interestCents: number; principalCents: number }[] {
  const h: BondHolding = {
    holder: 0, annualYield, paymentCents: annuityPaymentCents(faceCents, annualYield, months),
    principalCents: faceCents, monthsLeft: months, interestPaidCents: 0, lossCents: 0,
  };
  const rows: { interestCents: number; principalCents: number }[] = [];
  while (h.principalCents > 0) {
    const row = scheduledPayment(h);
    rows.push(row);
    h.principalCents -= row.principalCents;
    h.monthsLeft--;
  }
  return rows;
}

/** Every series ever issued, with the active ones kept apart for the monthly service loop. */
export class BondBook {
  readonly series: BondSeries[] = [];
  active: BondSeries[] = [];
  issuedFaceCents = 0;
  lossCents = 0;
  redeemedCount = 0;

  add(fields: Omit<BondSeries, 'id' | 'status' | 'missedMonths' | 'lossCents'>): BondSeries {
    const s: BondSeries = { ...fields, id: this.series.length, status: SERIES_ACTIVE, missedMonths: 0, lossCents: 0 };
    this.series.push(s);
    this.active.push(s);
    this.issuedFaceCents += s.faceCents;
    return s;
  }

  /** Drops closed series from the active list (order kept, so service order stays seeded). */
  compact(): void {
    if (this.active.some((s) => s.status !== SERIES_ACTIVE)) {
      this.active = this.active.filter((s) => s.status === SERIES_ACTIVE);
    }
  }

  outstandingCents(): number {
    let sum = 0;
    for (const s of this.active) sum += outstandingPrincipal(s);
    return sum;
  }
}

export function outstandingPrincipal(s: BondSeries): number {
  let sum = 0;
  for (const h of s.holdings) sum += h.principalCents;
  return sum;
}

/** What the series is due this month: the sum of its holdings' scheduled payments. */
export function dueCents(s: BondSeries): number {
  let sum = 0;
  for (const h of s.holdings) {
    if (h.principalCents <= 0) continue;
    const p = scheduledPayment(h);
    sum += p.interestCents + p.principalCents;
  }
  return sum;
}

/** The level monthly service of the series (the rental reserve while bonds are outstanding). */
export function levelServiceCents(s: BondSeries): number {
  let sum = 0;
  for (const h of s.holdings) if (h.principalCents > 0) sum += h.paymentCents;
  return sum;
}
