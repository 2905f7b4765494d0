// Closes the year's books (MODEL.md 6: yearly metrics): per-person sums of rent, dividends and
// property used move to `last*` for the reporters; world net flows over the year;
// organisations reaching one year record their size. (Issuers' loss history: credit-history.ts.)
import { FLOWS } from '../ledger.ts';
import type { EconomyState } from './economy-state.ts';

export function closeYear(state: EconomyState): void {
  const { persons, counters, ledger, orgs } = state;
  persons.lastRentYear.set(persons.rentYear);
  persons.lastDividendYear.set(persons.dividendYear);
  persons.lastUseYear.set(persons.useYear);
  persons.lastMemberOf.set(persons.memberOf);
  persons.rentYear.fill(0);
  persons.dividendYear.fill(0);
  persons.useYear.fill(0);
  counters.lastYearMeanClearingYield = counters.clearedYear > 0 ? counters.clearingYieldSumYear / counters.clearedYear : Number.NaN;
  counters.clearingYieldSumYear = 0;
  counters.clearedYear = 0;
  counters.lastYearRent = counters.rentYear;
  counters.lastYearInterestToNonMembers = counters.interestToNonMembersYear;
  counters.rentYear = 0;
  counters.interestToNonMembersYear = 0;
  counters.lastYearHardshipShare = counters.hardshipMonthsYear / (12 * persons.count);
  counters.hardshipMonthsYear = 0;
  counters.lastYearOutput = counters.outputYear;
  counters.lastYearInterest = counters.interestYear;
  counters.lastYearDividends = counters.dividendsYear;
  counters.outputYear = 0;
  counters.lastYearWages = counters.wagesYear; counters.wagesYear = 0;
  counters.lastYearDistributions = counters.distributionsYear; counters.distributionsYear = 0;
  counters.lastYearFirmPayouts = counters.firmPayoutsYear; counters.firmPayoutsYear = 0;
  counters.lastYearFirmSales = counters.firmSalesYear; counters.firmSalesYear = 0;
  counters.lastYearFirmWages = counters.firmWagesYear; counters.firmWagesYear = 0;
  counters.lastYearFirmDepreciation = counters.firmDepreciationYear; counters.firmDepreciationYear = 0;
  counters.lastYearEnterpriseSales = counters.enterpriseSalesYear; counters.enterpriseSalesYear = 0;
  persons.lastLabourYear.set(persons.labourYear); persons.labourYear.fill(0);
  persons.lastOwnOutputYear.set(persons.ownOutputYear); persons.ownOutputYear.fill(0);
  persons.lastModeMaskYear.set(persons.modeMaskYear); persons.modeMaskYear.fill(0);
  persons.lastCoopMemberPay.set(persons.coopMemberPayYear); persons.coopMemberPayYear.fill(0);
  persons.lastCoopMemberMonths.set(persons.coopMemberMonthsYear); persons.coopMemberMonthsYear.fill(0);
  persons.lastCoopHiredPay.set(persons.coopHiredPayYear); persons.coopHiredPayYear.fill(0);
  persons.lastCoopHiredMonths.set(persons.coopHiredMonthsYear); persons.coopHiredMonthsYear.fill(0);
  persons.lastCoopWorked.set(persons.coopWorkedYear); persons.coopWorkedYear.fill(-1);
  counters.interestYear = 0;
  counters.dividendsYear = 0;
  state.housingLastYear.set(state.housingYear);
  state.housingYear.fill(0);
  for (let f = 0; f < FLOWS.length; f++) {
    state.worldNetLastYear[f] = ledger.worldNetByFlow[f]! - state.worldNetAtYearStart[f]!;
    state.worldNetAtYearStart[f] = ledger.worldNetByFlow[f]!;
  }
  orgs.recordFirstYearSizes(state.tick);
}
