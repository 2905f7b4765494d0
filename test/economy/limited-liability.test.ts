// Issue 16 item 7: net worth is never negative, because every kind of organisation has limited
// liability (net-worth.ts). A commune whose bonds outstanding exceed its assets' book value and
// its cash has a negative book equity; its members' shares then hold nothing, not a debt.
import { describe, expect, it } from 'vitest';
import { issueSeries } from '../../src/model/market/bond-auction.ts';
import { FLOW, WORLD } from '../../src/model/ledger.ts';
import { SampleContext } from '../../src/model/reporters.ts';
import { communeClaimsCents, netWorthCents, organisationEquity } from '../../src/model/economy/net-worth.ts';
import { MODE_EMPLOYEE } from '../../src/model/economy/person-table.ts';
import type { EconomyState } from '../../src/model/economy/economy-state.ts';
import { createSimulation } from '../../src/scenarios/create-simulation.ts';
import { cash, endow, smallScenario } from './hand-built-economy.ts';

const TOOL = 1;

/**
 * One commune of three founders that bought a tool (10-year life) with a 10-year series, now
 * 9 years on: the tool's book value is a tenth of its price while most of an annuity's
 * principal is still owed (straight-line depreciation runs ahead of the repayment).
 */
function underwaterCommune() {
  const sim = createSimulation(smallScenario({
    persons: { count: 12, capitalistShare: 0 },
    assets: [
      { name: 'workshop', price: 120_000, outputPerMonth: 3_600, lifespanYears: 20, productive: true },
      { name: 'tool', price: 40_000, outputPerMonth: 2_300, lifespanYears: 10, productive: true },
      { name: 'home', price: 60_000, outputPerMonth: 1_000, lifespanYears: 40, productive: false },
    ],
    communes: { initialCount: 1, foundersEach: 3, initialAssetsEach: 0 },
  }));
  const state = sim.state as unknown as EconomyState;
  const commune = state.orgs.get(0);
  const members = Array.from(state.persons.memberOf.keys()).filter((p) => state.persons.memberOf[p] === commune.id);
  const lender = state.persons.memberOf.indexOf(-1);
  const price = 4_000_000;
  endow(state, lender, price);
  const asset = state.assets.add(TOOL, commune.id, 0);
  issueSeries(state.ledger, state.bonds, [{ bidder: state.persons.firstAccount + lender, amountCents: price, annualYield: 0.05 }],
    { issuer: commune.id, issuerAccount: commune.account, asset, tick: 0, maturityMonths: 120 });
  state.ledger.transfer(commune.account, WORLD, price, FLOW['asset-purchase']);
  state.tick = 108;
  return { sim, state, commune, members };
}

describe('limited liability for every kind', () => {
  it('counts a commune share at zero, not at a negative book equity, in net worth and commune claims', () => {
    const { state, commune, members } = underwaterCommune();
    const equity = organisationEquity(state);
    // The commune's own books do show it: 400,000 cents of book value against most of 4,000,000 owed.
    expect(equity[commune.id]).toBeLessThan(-2_000_000);
    const worth = netWorthCents(state, new Float64Array(state.persons.count), equity);
    const claims = communeClaimsCents(state, new Float64Array(state.persons.count), equity);
    for (const p of members) {
      expect(worth[p]).toBe(cash(state, p));
      expect(claims[p]).toBe(0);
    }
    for (const w of worth) expect(w).toBeGreaterThanOrEqual(0);
  });

  it('keeps wealth.employees.mean at or above zero when employees still hold such a share (the 400-year mixed run: -193)', () => {
    const { sim, state, members } = underwaterCommune();
    // Members who took jobs keep their share for up to lapseMonths after their last commune labour.
    for (const p of members) state.ledger.transfer(state.persons.firstAccount + p, WORLD, cash(state, p), FLOW.consumption);
    for (const p of members) state.persons.mode[p] = MODE_EMPLOYEE;
    const reporter = sim.model.scalars.find((r) => r.id === 'wealth.employees.mean')!;
    expect(reporter.sample(sim.state, new SampleContext(sim.model.distributions))).toBe(0);
  });
});

describe('firms.propertyShareOfValueAdded', () => {
  it('is below zero exactly when firms paid more in wages than their value added over the year (a loss for property, documented as correct)', () => {
    const { sim, state } = underwaterCommune();
    const share = sim.model.scalars.find((r) => r.id === 'firms.propertyShareOfValueAdded')!;
    const sample = () => share.sample(sim.state, new SampleContext(sim.model.distributions));
    const c = state.counters;
    c.lastYearFirmSales = 1_000_000;
    c.lastYearFirmDepreciation = 100_000;
    c.lastYearFirmWages = 600_000;
    expect(sample()).toBeCloseTo(1 / 3, 12);
    // Wages 1.7 x value added (the 400-year mixed run's -0.70 at year 196): the share is 1 - 1.7.
    c.lastYearFirmWages = 1_530_000;
    expect(sample()).toBeCloseTo(-0.7, 12);
    c.lastYearFirmWages = 900_000;
    expect(sample()).toBe(0);
  });
});
