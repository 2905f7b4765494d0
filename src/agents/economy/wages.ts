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
import { grown } from '../../model/grown.ts';
import { SERIES_ACTIVE, type MonthSchedule } from '../../model/market/bond-series.ts';
import { hasEnterprises, type EconomyState } from '../../model/economy/economy-state.ts';
import { ORG_COMMUNE, ORG_COOPERATIVE, ORG_FIRM } from '../../model/economy/organisation-table.ts';
import { wageCents } from '../firm/wage-rate.ts';
import { netIncomeCents } from '../firm/firm-accounts.ts';
import { coordinationCostCents } from '../cooperative/distribution.ts';
import { fixedCostDueCents } from './fixed-cost.ts';
import { listWorkforce, type Workforce } from './workforce.ts';

/** This month's schedule of the series in hand. */
const schedule: MonthSchedule = { dueCents: 0, interestCents: 0, levelCents: 0 };
/**
 * Scratch by organisation id: what each owes this month in wages and in series service, and
 * its month's depreciation, interest and level service summed over its assets in list order
 * (the order the sums took on the organisation's own fields). `accountsKept` marks the organisations
 * whose month's accounts are kept here (alive, not communes).
 */
let wageDue = new Float64Array(64);
let serviceDue = new Float64Array(64);
let depreciationOf = new Float64Array(64);
let interestOf = new Float64Array(64);
let levelOf = new Float64Array(64);
let accountsKept = new Uint8Array(64);
/**
 * By organisation id, read per series and per employee from these small columns, not through
 * the organisation records (a random record per employee, its map checked, its fields loaded):
 * its account, its wage rate this month, 1 for a firm, and the wages it paid in the walk.
 */
let accountOfOrg = new Int32Array(64);
let rateOf = new Float64Array(64);
let firmOf = new Uint8Array(64);
let wagesPaidOf = new Float64Array(64);
/** Each listed employee's wage this month (scratch, by its place in the workforce's list). */
let wageOf = new Float64Array(64);
/** The escrow top-ups owed, in the order of the enterprise asset list: payer and escrow accounts, cents. */
let topUpFrom = new Int32Array(64);
let topUpTo = new Int32Array(64);
let topUpCents = new Float64Array(64);

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

export function payWagesAndService(state: EconomyState, workforce?: Workforce): void {
  if (!hasEnterprises(state)) return;
  const staff = workforce ?? listWorkforce(state.persons);
  const { persons, orgs, ledger, bonds, assets, params, counters } = state;
  const all = orgs.all;
  const n = all.length;
  // Grown by the shared `grown`, whose type feedback other callers warmed: a growth branch of
  // this function's own, first taken mid-run, threw its optimised code away.
  wageDue = grown(wageDue, n);
  serviceDue = grown(serviceDue, n);
  depreciationOf = grown(depreciationOf, n);
  interestOf = grown(interestOf, n);
  levelOf = grown(levelOf, n);
  accountsKept = grown(accountsKept, n);
  accountOfOrg = grown(accountOfOrg, n);
  rateOf = grown(rateOf, n);
  firmOf = grown(firmOf, n);
  wagesPaidOf = grown(wagesPaidOf, n);
  wagesPaidOf.fill(0, 0, n);
  wageDue.fill(0, 0, n);
  serviceDue.fill(0, 0, n);
  depreciationOf.fill(0, 0, n);
  interestOf.fill(0, 0, n);
  levelOf.fill(0, 0, n);
  const market = marketWageRateCents(state);
  for (let i = 0; i < n; i++) {
    const org = all[i]!;
    accountOfOrg[i] = org.account;
    firmOf[i] = org.kind === ORG_FIRM ? 1 : 0;
    accountsKept[i] = org.alive && org.kind !== ORG_COMMUNE ? 1 : 0;
    if (accountsKept[i]) {
      if (org.kind === ORG_COOPERATIVE) org.wageRateCents = market;
      org.wagesMonth = 0; org.otherCostsMonth = 0;
    }
    rateOf[i] = org.wageRateCents;
  }
  wageOf = grown(wageOf, persons.count);
  sumWagesDue(state, staff);
  const topUps = listTopUps(state);
  for (let i = 0; i < n; i++) {
    if (!accountsKept[i]) continue;
    const org = all[i]!;
    org.interestMonth = interestOf[i]!;
    org.serviceMonth = levelOf[i]!;
    // Paid to `world` after wages and service: a cooperative's coordination and every
    // producing organisation's fixed operating cost (fixed-cost.ts).
    const overhead = (org.kind === ORG_COOPERATIVE ? coordinationCostCents(org.members, params.coordinationCostCents) : 0)
      + fixedCostDueCents(org, params.fixedCostCents);
    // Rent for commune assets (already paid in the rent phase) is a cost like coordination.
    org.otherCostsMonth = overhead + org.rentMonth;
    const needed = wageDue[i]! + serviceDue[i]! + overhead;
    // The insolvency test, the same for every kind (MODEL.md 10.5): months in a row its cash has
    // not covered what it owes out of its own account this month. A series behind its schedule
    // is that series' default, with that series' consequence (defaults.ts), not the issuer's.
    org.missedPayments = ledger.balance(org.account) < needed ? org.missedPayments + 1 : 0;
  }
  // The walks return the cents they moved (each ends with its loop: see walkWorkforce).
  const wages = payEmployees(state, staff);
  // Each employer's wages paid, added as the walk added them wage by wage (whole cents: the same sums).
  for (let i = 0; i < n; i++) all[i]!.wagesMonth += wagesPaidOf[i]!;
  ledger.addVolume(FLOW.wages, wages);
  counters.wagesYear += wages;
  counters.firmWagesYear += firmWagesPaid;
  ledger.addVolume(FLOW.other, payTopUps(state, topUps));
  for (let i = 0; i < n; i++) {
    if (!accountsKept[i]) continue;
    const org = all[i]!;
    const overhead = org.otherCostsMonth - org.rentMonth;
    if (overhead > 0) ledger.payUpTo(org.account, WORLD, overhead, FLOW.other);
    org.depreciationMonth = Math.round(depreciationOf[i]!);
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

/**
 * One walk over the enterprise assets: drops the dead from the list, sums each owner's
 * depreciation, and each active series' schedule (interest, level service, what its escrow
 * lacks: `serviceDue`), listing the escrow top-ups in list order; returns how many.
 */
function listTopUps(state: EconomyState): number {
  const { orgs, ledger, bonds, assets } = state;
  // Each enterprise series finances one of its assets (`assets.series`), so the enterprise
  // asset list reaches them all without walking the communes' series.
  const list = state.enterpriseAssets;
  const { owner, cls, classDepreciation, alive, series } = assets;
  const { status, escrow, scheduleKept, keptDueCents, keptInterestCents, keptLevelCents } = bonds;
  const depreciation = depreciationOf, interest = interestOf, level = levelOf, due = serviceDue, kept = accountsKept;
  const accounts = accountOfOrg;
  // Account a's balance is balances[a - 1] (the view starts past `world`, no series' escrow).
  const balances = ledger.balancesOf(1, ledger.size - 1);
  if (topUpCents.length < list.length) {
    topUpFrom = grown(topUpFrom, list.length);
    topUpTo = grown(topUpTo, list.length);
    topUpCents = grown(topUpCents, list.length);
  }
  let length = 0;
  let topUps = 0;
  for (let k = 0; k < list.length; k++) {
    const a = list[k]!;
    if (!alive[a]) continue;
    list[length++] = a;
    const o = owner[a]!;
    // An owner whose month's accounts are not kept here sums on its own fields, as it always did.
    if (kept[o]) depreciation[o]! += classDepreciation[cls[a]!]!;
    else orgs.all[o]!.depreciationMonth += classDepreciation[cls[a]!]!;
    const s = series[a]!;
    if (s < 0 || status[s] !== SERIES_ACTIVE) continue;
    // The series' month's schedule (bonds.schedule's numbers), read straight from the book's
    // kept columns when kept (almost always: the bond service keeps next month's).
    let dueCents: number, interestCents: number, levelCents: number;
    if (scheduleKept[s] === 1) {
      dueCents = keptDueCents[s]!; interestCents = keptInterestCents[s]!; levelCents = keptLevelCents[s]!;
    } else {
      bonds.schedule(s, schedule);
      dueCents = schedule.dueCents; interestCents = schedule.interestCents; levelCents = schedule.levelCents;
    }
    // Escrows change only when topped up after this walk, so each shortfall (serviceShortfall's)
    // is computed once.
    const to = escrow[s]!;
    const short = Math.max(0, dueCents - balances[to - 1]!);
    due[o]! += short;
    if (kept[o]) {
      interest[o]! += interestCents;
      level[o]! += levelCents;
    } else {
      orgs.all[o]!.interestMonth += interestCents;
      orgs.all[o]!.serviceMonth += levelCents;
    }
    if (short > 0) {
      topUpFrom[topUps] = accounts[o]!;
      topUpTo[topUps] = to;
      topUpCents[topUps++] = short;
    }
  }
  list.length = length;
  return topUps;
}

/**
 * Pays the listed escrow top-ups, in order, each as far as its payer's cash goes (`payUpTo`'s
 * amounts), in the ledger's balances in place (`balancesOf`): each is whole cents (a schedule
 * less an escrow's balance), from an organisation's account to an escrow, and the month's cents
 * are added to the flow's volume once (the same sum: whole cents): returns them.
 */
function payTopUps(state: EconomyState, topUps: number): number {
  const { ledger } = state;
  const from = topUpFrom, to = topUpTo, cents = topUpCents;
  // Account a's balance is balances[a - 1] (the view starts past `world`, which tops up no escrow).
  const balances = ledger.balancesOf(1, ledger.size - 1);
  let moved = 0;
  for (let k = 0; k < topUps; k++) {
    const payer = from[k]! - 1;
    const cash = balances[payer]!;
    const paid = Math.min(cents[k]!, cash);
    if (paid > 0) {
      balances[payer] = cash - paid;
      balances[to[k]! - 1]! += paid;
      moved += paid;
    }
  }
  return moved;
}

/** Each listed employee's wage, in person order, and what each employer owes in all. */
function sumWagesDue(state: EconomyState, staff: Workforce): void {
  const { employer, skill } = state.persons;
  const { employees, employeeCount } = staff;
  const due = wageDue, wages = wageOf, rates = rateOf;
  for (let k = 0; k < employeeCount; k++) {
    const p = employees[k]!;
    const e = employer[p]!;
    const wage = wageCents(rates[e]!, skill[p]!);
    due[e]! += wage;
    wages[k] = wage;
  }
}

/**
 * Pays each listed employee, in person order, as far as its employer's cash goes: nothing
 * between the two walks changes who is employed or at what rate. The wages move in the
 * ledger's balances in place (`balancesOf`), not by a checked `payUpTo` each: each is whole
 * cents (`wageCents`), at most what the employer holds, from an organisation's account to a
 * person's, and the month's cents are added to the flow's volume once (the same sum: whole
 * cents). Returns the cents paid, with those of firms' employees in `firmWagesPaid`.
 */
function payEmployees(state: EconomyState, staff: Workforce): number {
  const { persons, ledger } = state;
  const { employer, incomeCents, labourYear, coopHiredPayYear, coopHiredMonthsYear, coopWorkedYear, firstAccount } = persons;
  const { employees, employeeCount } = staff;
  const wageList = wageOf, accounts = accountOfOrg, firm = firmOf, paidBy = wagesPaidOf;
  // Account a's balance is balances[a - 1] (the view starts past `world`, which is paid no wages).
  const balances = ledger.balancesOf(1, ledger.size - 1);
  const firstBalance = firstAccount - 1;
  // Whole cents: the month's totals are exact in any order, added to the year's once.
  let wages = 0, firmWages = 0;
  for (let k = 0; k < employeeCount; k++) {
    const p = employees[k]!;
    const e = employer[p]!;
    const from = accounts[e]! - 1;
    const cash = balances[from]!;
    // payUpTo's amount: the wage, or what the employer has left.
    const paid = Math.min(wageList[k]!, cash);
    if (paid > 0) {
      balances[from] = cash - paid;
      balances[firstBalance + p]! += paid;
    }
    paidBy[e]! += paid;
    incomeCents[p]! += paid;
    labourYear[p]! += paid;
    wages += paid;
    if (firm[e]) firmWages += paid;
    else {
      coopHiredPayYear[p]! += paid;
      coopHiredMonthsYear[p]!++;
      coopWorkedYear[p] = e;
    }
  }
  firmWagesPaid = firmWages;
  return wages;
}

/** The wages to firms' employees in the last `payEmployees` (a module variable: no type feedback). */
let firmWagesPaid = 0;
