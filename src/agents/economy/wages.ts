// MODEL.md 1 and 5, "wages, rent and member distributions": each firm and cooperative pays its
// employees the wage rate x skill, then deposits its bond series' service into their escrows
// (the bond service phase pays the holders), then pays its overhead: a producing
// organisation's fixed operating cost and a cooperative's coordination cost (a cooperative's
// rent for commune assets its members work was paid in the rent phase). A month it
// cannot pay all of that is a missed payment (wages are paid first, as far as cash goes);
// `graceMonths` of them in a row is insolvency (the same test for every kind). A series left
// behind its schedule defaults on its own (defaults.ts).
// Its month's accounts follow: net income = sales - wages - interest - depreciation - other
// costs (MODEL.md 5; principal is paid from cash and is not a cost).
import { FLOW, WORLD } from '../../model/ledger.ts';
import { SERIES_ACTIVE, type MonthSchedule } from '../../model/market/bond-series.ts';
import { serviceShortfall } from '../../model/market/bond-service.ts';
import { hasEnterprises, type EconomyState } from '../../model/economy/economy-state.ts';
import { ORG_COMMUNE, ORG_COOPERATIVE, ORG_FIRM } from '../../model/economy/organisation-table.ts';
import { MODE_EMPLOYEE } from '../../model/economy/person-table.ts';
import { wageCents } from '../firm/wage-rate.ts';
import { netIncomeCents } from '../firm/firm-accounts.ts';
import { coordinationCostCents } from '../cooperative/distribution.ts';
import { fixedCostDueCents } from './fixed-cost.ts';

/** This month's schedule of the series in hand, and each enterprise asset's escrow shortfall. */
const schedule: MonthSchedule = { dueCents: 0, interestCents: 0, levelCents: 0 };
let shortfallOf = new Float64Array(64);
/** What each organisation owes this month in wages and in series service (scratch, by organisation id). */
let wageDue = new Float64Array(64);
let serviceDue = new Float64Array(64);
/** This month's employees in id order and each one's wage (scratch): the paying loop walks them, not every person. */
let employees = new Int32Array(64);
let wageOf = new Float64Array(64);

/**
 * The market wage per unit of skill: firms' rates weighted by their employees, else the
 * self-employed output of skill 1 (the outside option), never below the wage floor. A
 * cooperative hiring non-members pays this rate (MODEL.md 5: "at the market wage").
 */
export function marketWageRateCents(state: EconomyState): number {
  let sum = 0, weight = 0, plain = 0, firms = 0;
  for (const org of state.orgs.all) {
    if (!org.alive || org.kind !== ORG_FIRM) continue;
    sum += org.wageRateCents * org.hired;
    weight += org.hired;
    plain += org.wageRateCents;
    firms++;
  }
  const outside = (state.params.baseOutputCents * state.goodsPriceCents) / 100;
  const rate = weight > 0 ? sum / weight : firms > 0 ? plain / firms : outside;
  return Math.max(state.params.wageFloorCents, rate);
}

export function payWagesAndService(state: EconomyState): void {
  if (!hasEnterprises(state)) return;
  const { persons, orgs, ledger, bonds, assets, params, counters } = state;
  const n = orgs.all.length;
  if (wageDue.length < n) {
    wageDue = new Float64Array(2 * n);
    serviceDue = new Float64Array(2 * n);
  }
  wageDue.fill(0, 0, n);
  serviceDue.fill(0, 0, n);
  const market = marketWageRateCents(state);
  for (const org of orgs.all) {
    if (!org.alive || org.kind === ORG_COMMUNE) continue;
    if (org.kind === ORG_COOPERATIVE) org.wageRateCents = market;
    org.wagesMonth = 0; org.interestMonth = 0; org.depreciationMonth = 0; org.otherCostsMonth = 0; org.serviceMonth = 0;
  }
  const { employer, mode, skill } = persons;
  if (employees.length < persons.count) {
    employees = new Int32Array(persons.count);
    wageOf = new Float64Array(persons.count);
  }
  let employed = 0;
  for (let p = 0; p < persons.count; p++) {
    const e = employer[p]!;
    if (e < 0 || mode[p] !== MODE_EMPLOYEE) continue;
    const wage = wageCents(orgs.all[e]!.wageRateCents, skill[p]!);
    wageDue[e]! += wage;
    employees[employed] = p;
    wageOf[employed++] = wage;
  }
  // Each enterprise series finances one of its assets (`assets.series`), so the enterprise
  // asset list reaches them all without walking the communes' series.
  const list = state.enterpriseAssets;
  let kept = 0;
  const { owner, cls, classDepreciation } = assets;
  if (shortfallOf.length < list.length) shortfallOf = new Float64Array(2 * list.length);
  for (let k = 0; k < list.length; k++) {
    const a = list[k]!;
    if (!assets.alive[a]) continue;
    // Escrows change only when topped up below, so each shortfall is computed once.
    shortfallOf[kept] = 0;
    list[kept++] = a;
    const org = orgs.all[owner[a]!]!;
    org.depreciationMonth += classDepreciation[cls[a]!]!;
    const s = assets.series[a]!;
    if (s < 0 || bonds.status[s] !== SERIES_ACTIVE) continue;
    bonds.schedule(s, schedule);
    const short = serviceShortfall(ledger, bonds, s, schedule.dueCents);
    shortfallOf[kept - 1] = short;
    serviceDue[org.id]! += short;
    org.interestMonth += schedule.interestCents;
    org.serviceMonth += schedule.levelCents;
  }
  list.length = kept;
  for (const org of orgs.all) {
    if (!org.alive || org.kind === ORG_COMMUNE) continue;
    // Paid to `world` after wages and service: a cooperative's coordination and every
    // producing organisation's fixed operating cost (fixed-cost.ts).
    const overhead = (org.kind === ORG_COOPERATIVE ? coordinationCostCents(org.members, params.coordinationCostCents) : 0)
      + fixedCostDueCents(org, params.fixedCostCents);
    // Rent for commune assets (already paid in the rent phase) is a cost like coordination.
    org.otherCostsMonth = overhead + org.rentMonth;
    const needed = wageDue[org.id]! + serviceDue[org.id]! + overhead;
    // The insolvency test, the same for every kind (MODEL.md 10.5): months in a row its cash has
    // not covered what it owes out of its own account this month. A series behind its schedule
    // is that series' default, with that series' consequence (defaults.ts), not the issuer's.
    org.missedPayments = ledger.balance(org.account) < needed ? org.missedPayments + 1 : 0;
  }
  // Nothing between the two walks changes who is employed or at what rate.
  for (let k = 0; k < employed; k++) {
    const p = employees[k]!;
    const e = employer[p]!;
    const org = orgs.all[e]!;
    const paid = ledger.payUpTo(org.account, persons.firstAccount + p, wageOf[k]!, FLOW.wages);
    org.wagesMonth += paid;
    persons.incomeCents[p]! += paid;
    persons.labourYear[p]! += paid;
    counters.wagesYear += paid;
    if (org.kind === ORG_FIRM) counters.firmWagesYear += paid;
    else {
      persons.coopHiredPayYear[p]! += paid;
      persons.coopHiredMonthsYear[p]!++;
      persons.coopWorkedYear[p] = e;
    }
  }
  for (let k = 0; k < list.length; k++) {
    const short = shortfallOf[k]!;
    if (short > 0) ledger.payUpTo(orgs.all[owner[list[k]!]!]!.account, bonds.escrow[assets.series[list[k]!]!]!, short, FLOW.other);
  }
  for (const org of orgs.all) {
    if (!org.alive || org.kind === ORG_COMMUNE) continue;
    const overhead = org.otherCostsMonth - org.rentMonth;
    if (overhead > 0) ledger.payUpTo(org.account, WORLD, overhead, FLOW.other);
    org.depreciationMonth = Math.round(org.depreciationMonth);
    // Rent from let assets and interest on bonds held are income like sales (MODEL.md 10.1, 10.8).
    org.netIncomeMonth = netIncomeCents({
      salesCents: org.salesMonth + org.rentIncomeMonth + org.interestIncomeMonth, wagesCents: org.wagesMonth, interestCents: org.interestMonth,
      depreciationCents: org.depreciationMonth, otherCostsCents: org.otherCostsMonth,
    });
    org.trailingNetIncome = 0.9 * org.trailingNetIncome + 0.1 * org.netIncomeMonth;
    // Interest arrives at bond service, after this month's accounts: it counts in the next month's.
    org.interestIncomeMonth = 0;
    if (org.kind === ORG_FIRM) {
      counters.firmDepreciationYear += org.depreciationMonth;
      // A landlord firm's value added is its rent (housing services), as a producer's is its sales.
      counters.firmSalesYear += org.rentIncomeMonth;
    }
  }
}
