// MODEL.md 5: profit and net income are `sales - wages - interest - depreciation` for firms and
// cooperatives alike, less other costs (a cooperative's coordination cost and the rent it pays
// for commune assets); bond principal is paid from cash and is not a cost.

export interface PeriodAccounts {
  readonly salesCents: number;
  readonly wagesCents: number;
  readonly interestCents: number;
  readonly depreciationCents: number;
  readonly otherCostsCents?: number;
}

export function netIncomeCents(a: PeriodAccounts): number {
  return a.salesCents - a.wagesCents - a.interestCents - a.depreciationCents - (a.otherCostsCents ?? 0);
}

/**
 * One month of an enterprise's cash costs: wages, bond service and overhead (fixed operating
 * cost, coordination, rent for commune assets). Firms and cooperatives alike keep this much
 * before paying their owners anything (a firm's dividend, a cooperative's distribution), so the
 * owners' pay, not next month's obligations, is what a bad month cuts.
 */
export function monthOfCashCostsCents(org: { wagesMonth: number; serviceMonth: number; otherCostsMonth: number }): number {
  return org.wagesMonth + org.serviceMonth + org.otherCostsMonth;
}

/** `payoutRatio` of a positive profit goes to shareholders; the rest is retained. */
export function splitProfit(profitCents: number, payoutRatio: number): { payoutCents: number; retainedCents: number } {
  if (profitCents <= 0) return { payoutCents: 0, retainedCents: profitCents };
  const payoutCents = Math.floor(profitCents * payoutRatio);
  return { payoutCents, retainedCents: profitCents - payoutCents };
}

/** A new asset is bought while its expected annual return beats the bond yield. */
export function worthInvesting(expectedMonthlySurplusCents: number, priceCents: number, bondYield: number): boolean {
  return priceCents > 0 && (12 * expectedMonthlySurplusCents) / priceCents > bondYield;
}

export const IDLE_CASH_COST_MONTHS = 6;
export const IDLE_CASH_MONTHS = 12;

/**
 * Cash above six months of costs, left uninvested for a year, is paid out: returns the cents
 * to pay out now (zero until the excess has stood idle for `IDLE_CASH_MONTHS`).
 */
export function idleCashPayoutCents(cashCents: number, monthlyCostsCents: number, monthsIdle: number): number {
  const excess = cashCents - IDLE_CASH_COST_MONTHS * Math.max(0, monthlyCostsCents);
  return monthsIdle >= IDLE_CASH_MONTHS && excess > 0 ? Math.floor(excess) : 0;
}
