// MODEL.md 5, capitalist firm: `payoutRatio` of a positive profit goes to the shareholders pro
// rata to the capital they contributed (dividends: property income); the rest is retained.
// Cash above six months of costs left uninvested for a year is paid out too. A firm keeps one
// month of its cash costs (wages, bond service and overhead) before paying anything, as a
// cooperative does before its distribution.
import { FLOW } from '../../model/ledger.ts';
import { allocateProRata } from '../../model/market/pro-rata.ts';
import { ORG_FIRM, type Organisation } from '../../model/economy/organisation-table.ts';
import { IDLE_CASH_COST_MONTHS, idleCashPayoutCents, monthOfCashCostsCents, splitProfit } from './firm-accounts.ts';
import { hasEnterprises, type EconomyState } from '../../model/economy/economy-state.ts';

/**
 * Pays `cents` out of the firm to its shareholders pro rata; returns what was paid. Dividends
 * are property income; a takeover price or a liquidation's remainder returns capital (not income).
 */
export function payShareholders(state: EconomyState, firm: Organisation, cents: number, flow: number, income = false): number {
  const { ledger, persons, counters } = state;
  const amount = Math.min(Math.floor(cents), ledger.balance(firm.account));
  if (amount <= 0 || firm.holders.length === 0) return 0;
  const shares = new Float64Array(firm.holders.length);
  allocateProRata(amount, firm.contributed, shares);
  for (let k = 0; k < firm.holders.length; k++) {
    const p = firm.holders[k]!;
    const share = shares[k]!;
    if (share <= 0) continue;
    ledger.transfer(firm.account, persons.firstAccount + p, share, flow);
    if (!income) continue;
    persons.incomeCents[p]! += share;
    counters.firmPayoutsYear += share;
    state.finance.payoutYearCents[p]! += share;
  }
  return amount;
}

export function payFirmDividends(state: EconomyState): void {
  if (!hasEnterprises(state)) return;
  const { orgs, ledger, params } = state;
  for (const firm of orgs.all) {
    if (!firm.alive || firm.kind !== ORG_FIRM) continue;
    // A month of cash costs counts the wages of the positions it is hiring for: a firm whose
    // first vacancy was still open owed nothing, paid its whole cash out as idle after a year,
    // and failed within months of its first hire (issue 14).
    const costs = monthOfCashCostsCents(firm) + firm.vacancies * firm.wageRateCents;
    const cash = ledger.balance(firm.account);
    let payout = Math.min(splitProfit(firm.netIncomeMonth, params.payoutRatio).payoutCents, Math.max(0, cash - costs));
    firm.idleCashMonths = cash - payout > IDLE_CASH_COST_MONTHS * costs ? firm.idleCashMonths + 1 : 0;
    const idle = idleCashPayoutCents(cash - payout, costs, firm.idleCashMonths);
    if (idle > 0) {
      payout += idle;
      firm.idleCashMonths = 0;
    }
    if (payout > 0) payShareholders(state, firm, payout, FLOW.dividend, true);
  }
}
