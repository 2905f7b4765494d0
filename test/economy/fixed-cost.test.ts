// The fixed operating cost (enterprises.fixedCost; Hopenhayn 1992, Melitz 2003) and who absorbs a
// bad month: a firm's wages are contractual, so a firm whose output does not cover its wages and
// fixed cost runs its cash down and fails; a cooperative's members are paid the residual, out of
// cash above one month of its costs, so in the same position it cuts their draw and goes on
// (Craig & Pencavel 1992; Burdín 2014). Each test below fails on the code before the fixed cost
// (the firm never failed) or before the cash floor (the cooperative paid out its whole cash).
import { describe, expect, it } from 'vitest';
import type { EconomyState } from '../../src/model/economy/economy-state.ts';
import { ORG_COOPERATIVE, ORG_FIRM, type Organisation } from '../../src/model/economy/organisation-table.ts';
import { MODE_EMPLOYEE, MODE_MEMBER_WORKER } from '../../src/model/economy/person-table.ts';
import { FLOW, WORLD } from '../../src/model/ledger.ts';
import { produceAndSell } from '../../src/agents/economy/production.ts';
import { payWagesAndService } from '../../src/agents/economy/wages.ts';
import { enforceBankruptcies, foundFirm } from '../../src/agents/firm/firm-lifecycle.ts';
import { payFirmDividends } from '../../src/agents/firm/shareholder-payouts.ts';
import { foundCooperative, resolveFailingCooperatives } from '../../src/agents/cooperative/cooperative-lifecycle.ts';
import { distributeCooperativeIncome } from '../../src/agents/cooperative/member-distributions.ts';
import { fixedCostDueCents } from '../../src/agents/economy/fixed-cost.ts';
import { startWork } from '../../src/agents/economy/possession.ts';
import { handBuiltEconomy } from './hand-built-economy.ts';

const UNITS = 100; // cents per goods unit

/** No shocks, no cycle, skill 1: a workshop sells 3,600 units a month, its depreciation 500. */
function economy(fixedCostUnits: number): EconomyState {
  const state = handBuiltEconomy({
    persons: { count: 20, capitalistShare: 0.1, capitalistMinWealth: 1_000_000, shockSigma: 0, switchRatePerYear: 0, skillSigma: 0 },
    communes: { initialCount: 0 }, firms: { initialCount: 0 }, cycle: { sigma: 0 }, productivity: { sigma: 0 },
    enterprises: { fixedCost: fixedCostUnits },
  });
  return state;
}

function workers(state: EconomyState): number[] {
  return [...Array(state.persons.count).keys()].filter((p) => !state.persons.isCapitalist[p]);
}

/** Sets the organisation's cash to `units` goods units (the rest to or from `world`). */
function setCash(state: EconomyState, org: Organisation, units: number): void {
  const gap = units * UNITS - state.ledger.balance(org.account);
  if (gap > 0) state.ledger.transfer(WORLD, org.account, gap, FLOW.endowment);
  else if (gap < 0) state.ledger.transfer(org.account, WORLD, -gap, FLOW.other);
}

/** A firm with one employee on a workshop it owns outright, paying `wageUnits` a month, and 10,000 units of cash. */
function firmWithOneWorkshop(state: EconomyState, wageUnits: number): Organisation {
  const capitalist = state.persons.isCapitalist.indexOf(1);
  const firm = foundFirm(state, capitalist);
  const asset = state.assets.add(0, firm.id, state.tick, ORG_FIRM);
  state.enterpriseAssets.push(asset);
  startWork(state, asset, workers(state)[0]!, MODE_EMPLOYEE);
  firm.wageRateCents = wageUnits * UNITS;
  setCash(state, firm, 10_000);
  return firm;
}

/** A cooperative of one member working a workshop it owns outright, with 10,000 units of cash. */
function cooperativeWithOneWorkshop(state: EconomyState): { coop: Organisation; member: number } {
  const member = workers(state)[1]!;
  const coop = foundCooperative(state, [member], 0);
  const asset = state.assets.add(0, coop.id, state.tick, ORG_COOPERATIVE);
  state.enterpriseAssets.push(asset);
  startWork(state, asset, member, MODE_MEMBER_WORKER);
  setCash(state, coop, 10_000);
  return { coop, member };
}

/** The monthly phases that matter here: sales, wages and overhead, distributions, payouts, insolvency. */
function month(state: EconomyState): void {
  state.tick++;
  produceAndSell(state);
  payWagesAndService(state);
  distributeCooperativeIncome(state);
  enforceBankruptcies(state);
  resolveFailingCooperatives(state);
  payFirmDividends(state);
  expect(state.ledger.audit()).toBeNull();
}

describe('the fixed operating cost', () => {
  it('is owed in a month the organisation sold output, whatever its kind or size, and not otherwise', () => {
    const state = economy(1_000);
    const firm = firmWithOneWorkshop(state, 3_000);
    expect(fixedCostDueCents(firm, 100_000)).toBe(0);
    firm.salesMonth = 1;
    expect(fixedCostDueCents(firm, 100_000)).toBe(100_000);
  });

  it('is paid to world each month as an other cost, so net income falls by it and money is conserved', () => {
    const withCost = economy(1_000);
    const without = economy(0);
    const [a, b] = [firmWithOneWorkshop(withCost, 3_000), firmWithOneWorkshop(without, 3_000)];
    month(withCost);
    month(without);
    expect(a.otherCostsMonth - b.otherCostsMonth).toBe(1_000 * UNITS);
    expect(b.netIncomeMonth - a.netIncomeMonth).toBe(1_000 * UNITS);
    expect(withCost.ledger.worldNetByFlow[FLOW.other]! - without.ledger.worldNetByFlow[FLOW.other]!).toBe(1_000 * UNITS);
  });

  it('makes a firm whose output does not cover its wages and fixed cost run down its cash and fail; without it the firm goes on', () => {
    // Sales 3,600 a month against wages 3,000 and a fixed cost of 1,000: 400 a month out of 10,000 of cash.
    const failing = economy(1_000);
    const firm = firmWithOneWorkshop(failing, 3_000);
    let months = 0;
    for (; months < 60 && firm.alive; months++) month(failing);
    expect(firm.alive).toBe(false);
    // 25 months of cash, then the grace months of missed payments.
    expect(months).toBeGreaterThanOrEqual(25);
    expect(months).toBeLessThanOrEqual(25 + failing.params.graceMonths + 1);

    const healthy = economy(0);
    const same = firmWithOneWorkshop(healthy, 3_000);
    for (let m = 0; m < 60; m++) month(healthy);
    expect(same.alive).toBe(true);
  });

  it('leaves a cooperative in the same position alive: its member is paid the residual, less than the firm\'s wage', () => {
    const state = economy(1_000);
    const { coop, member } = cooperativeWithOneWorkshop(state);
    const before = state.ledger.balance(state.persons.firstAccount + member);
    for (let m = 0; m < 60; m++) month(state);
    expect(coop.alive).toBe(true);
    expect(coop.missedPayments).toBe(0);
    // Net income 3,600 - 500 depreciation - 1,000 fixed cost = 2,100, less 10% retained.
    const perMonth = (state.ledger.balance(state.persons.firstAccount + member) - before) / 60 / UNITS;
    expect(perMonth).toBeGreaterThan(1_800);
    expect(perMonth).toBeLessThan(3_000);
  });
});

describe('owners are paid out of cash above one month of costs, firms and cooperatives alike', () => {
  it('has a cooperative keep a month of its costs, so a month whose sales fall short cuts the draw, not a payment', () => {
    // Without the floor the cooperative paid out all its cash but the retention, and a month of
    // sales below its fixed cost was a missed payment.
    const state = economy(1_000);
    const { coop } = cooperativeWithOneWorkshop(state);
    setCash(state, coop, 0);
    month(state);
    expect(state.ledger.balance(coop.account)).toBeGreaterThanOrEqual(1_000 * UNITS);
    // The goods price falls to a twentieth: sales 180 against a fixed cost of 1,000.
    state.finance.cycleFactor = 0.05;
    month(state);
    expect(coop.missedPayments).toBe(0);
    expect(coop.dividendPerMemberMonthly).toBe(0);
  });

  it('has a firm keep a month of its wages, service and overhead before its dividend', () => {
    const state = economy(1_000);
    const firm = firmWithOneWorkshop(state, 1_000);
    setCash(state, firm, 500);
    month(state);
    // Profit 3,600 - 1,000 - 500 - 1,000 = 1,100, half of it due, but only cash above 2,000 of
    // wages and fixed cost is paid (before, wages alone: 550 paid, 1,550 left).
    expect(state.ledger.balance(firm.account)).toBe(2_000 * UNITS);
  });
});
