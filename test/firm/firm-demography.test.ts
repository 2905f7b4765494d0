// Firm demography (issue 14; docs/MODEL-CHOICES.md, "Firm demography"): a new firm's vacancy
// is found, a firm pays no more than its positions earn, and a firm still hiring keeps the cash
// for the wages it is hiring for. Each test fails on the rule before: seekers drew one position
// among the filled and open ones together; a rate fell only while applicants queued, and a raise
// went up to the position's whole product; idle cash counted only the wages already paid.
import { describe, expect, it } from 'vitest';
import { FLOW, WORLD } from '../../src/model/ledger.ts';
import { ORG_FIRM } from '../../src/model/economy/organisation-table.ts';
import { MODE_EMPLOYEE, MODE_SELF_EMPLOYED } from '../../src/model/economy/person-table.ts';
import { foundFirm } from '../../src/agents/firm/firm-lifecycle.ts';
import { startWork } from '../../src/agents/economy/possession.ts';
import { hireApplicants, newLabourMarket, openLabourMarket } from '../../src/agents/economy/labour-market.ts';
import { chooseModes } from '../../src/agents/economy/mode-choice.ts';
import { payFirmDividends } from '../../src/agents/firm/shareholder-payouts.ts';
import { lineMarket } from '../../src/agents/firm/line-of-business.ts';
import { holdTakeovers } from '../../src/agents/firm/takeover-phase.ts';
import { recountOrganisations } from '../../src/agents/economy/membership.ts';
import { newSaverQueue } from '../../src/agents/economy/savers.ts';
import { cutToPayable, positionWageCeilingCents } from '../../src/agents/firm/wage-rate.ts';
import { RandomStream } from '../../src/model/random.ts';
import { handBuiltEconomy } from '../economy/hand-built-economy.ts';

function economy(persons: number, switchRatePerYear = 0, productivitySigma = 0) {
  const state = handBuiltEconomy({
    persons: { count: persons, capitalistShare: 0.1, capitalistMinWealth: 5_000_000, shockSigma: 0, switchRatePerYear, skillSigma: 0 },
    communes: { initialCount: 0 }, firms: { initialCount: 0 }, cycle: { sigma: 0 }, productivity: { sigma: productivitySigma, rho: 0.9 },
  });
  state.goodsPriceCents = 100;
  const capitalists = [...Array(persons).keys()].filter((p) => state.persons.isCapitalist[p]);
  const workers = [...Array(persons).keys()].filter((p) => !state.persons.isCapitalist[p]);
  return { state, capitalists, workers };
}

describe('job search finds a new firm', () => {
  it('has self-employed seekers find a new firm\'s one vacancy among 200 filled positions and apply to it when it pays more', () => {
    const { state, capitalists, workers } = economy(250, 12);
    const big = foundFirm(state, capitalists[0]!);
    const small = foundFirm(state, capitalists[1]!);
    for (let k = 0; k < 200; k++) {
      const a = state.assets.add(0, big.id, state.tick, ORG_FIRM);
      state.enterpriseAssets.push(a);
      startWork(state, a, workers[k]!, MODE_EMPLOYEE);
    }
    state.enterpriseAssets.push(state.assets.add(0, small.id, state.tick, ORG_FIRM));
    big.wageRateCents = 150_000;
    small.wageRateCents = 300_000;
    const seekers = workers.slice(200);
    for (const p of seekers) expect(state.persons.mode[p]).toBe(MODE_SELF_EMPLOYED);
    const market = newLabourMarket(state.persons.count);
    openLabourMarket(state, market);
    chooseModes(state, new RandomStream('test', 'modes'), market);
    const toSmall = seekers.filter((p) => state.persons.appliedTo[p] === small.id).length;
    // Every seeker samples the one vacancy (before: one draw in 201 positions, about 0.2 of them).
    expect(toSmall).toBeGreaterThanOrEqual(seekers.length - 2);
    // Employees keep valuing their own job: none applies elsewhere.
    expect(workers.slice(0, 200).filter((p) => state.persons.appliedTo[p] === small.id)).toHaveLength(0);
  });
});

describe('a firm pays no more than its positions earn', () => {
  it('stops a raise at the position\'s value less the capital\'s user cost (depreciation and the hurdle yield)', () => {
    // A workshop: 360,000 a month of output, price 12,000,000 over 240 months, hurdle 5%.
    expect(positionWageCeilingCents(360_000, 12_000_000, 240, 0.05)).toBe(360_000 - 50_000 - 50_000);
  });

  it('cuts a rate above what its best position can pay 1% a month, never below that or the floor', () => {
    expect(cutToPayable(300_000, 200_000, 100_000)).toBe(297_000);
    expect(cutToPayable(201_000, 200_000, 100_000)).toBe(200_000);
    expect(cutToPayable(150_000, 200_000, 100_000)).toBe(150_000);
    expect(cutToPayable(150_000, 50_000, 100_000)).toBe(148_500);
    expect(cutToPayable(100_500, 50_000, 100_000)).toBe(100_000);
  });

  it('has a fully staffed firm whose productivity fell cut its rate (before: it kept it until its cash ran out)', () => {
    const { state, capitalists, workers } = economy(20);
    const firm = foundFirm(state, capitalists[0]!);
    const a = state.assets.add(0, firm.id, state.tick, ORG_FIRM);
    state.enterpriseAssets.push(a);
    startWork(state, a, workers[0]!, MODE_EMPLOYEE);
    firm.productivity = 0.7;
    firm.wageRateCents = 300_000;
    const market = newLabourMarket(state.persons.count);
    hireApplicants(state, market, new RandomStream('test', 'hiring'), newSaverQueue(state.persons.count));
    // 3,600 x 0.7 = 2,520 a month less 1,000 of user cost: 1,520 a unit of skill payable.
    expect(firm.wageRateCents).toBe(297_000);
  });
});

describe('a firm still hiring keeps its cash', () => {
  it('counts the wages of its open positions in the month of costs it keeps, so a year\'s wait does not pay its cash out as idle', () => {
    const { state, capitalists } = economy(20);
    const firm = foundFirm(state, capitalists[0]!);
    state.ledger.transfer(firm.account, WORLD, state.ledger.balance(firm.account) - 2_000_000, FLOW.other);
    state.enterpriseAssets.push(state.assets.add(0, firm.id, state.tick, ORG_FIRM));
    firm.vacancies = 1;
    firm.wageRateCents = 300_000;
    for (let m = 0; m < 13; m++) payFirmDividends(state);
    // Six months of one position's wages, 1,800,000, stay; before, the whole 2,000,000 was paid out.
    expect(state.ledger.balance(firm.account)).toBe(1_800_000);
  });
});

describe('a founder values the producing line over its productivity draw', () => {
  it('expects a profit from a new position when the market wage is above what a median draw can pay, because a good draw pays (before: 0)', () => {
    const { state, capitalists, workers } = economy(20, 0, 0.1);
    const incumbent = foundFirm(state, capitalists[0]!);
    const a = state.assets.add(0, incumbent.id, state.tick, ORG_FIRM);
    state.enterpriseAssets.push(a);
    startWork(state, a, workers[0]!, MODE_EMPLOYEE);
    recountOrganisations(state);
    // The market rate, 3,000 a unit of skill, is above what a workshop pays at productivity 1
    // (3,600 less 500 of depreciation and 500 of the 5% hurdle on its price: 2,600).
    incumbent.wageRateCents = 300_000;
    const market = lineMarket(state);
    // Mean over draws of spread 0.1 / sqrt(1 - 0.9^2) = 0.23: about 235 a month.
    expect(market.positionProfitCents).toBeGreaterThan(15_000);
    expect(market.positionProfitCents).toBeLessThan(35_000);
  });
});

describe('owners sell a firm that loses money', () => {
  it('puts a firm that lost money over the trailing year up for sale, and a more productive firm buys it (before: only the random forSaleRate draw)', () => {
    const state = handBuiltEconomy({
      persons: { count: 20, capitalistShare: 0.1, capitalistMinWealth: 5_000_000, shockSigma: 0, switchRatePerYear: 0, skillSigma: 0 },
      communes: { initialCount: 0 }, firms: { initialCount: 0, forSaleRate: 0 }, cycle: { sigma: 0 }, productivity: { sigma: 0 },
    });
    const capitalists = [...Array(20).keys()].filter((p) => state.persons.isCapitalist[p]);
    const buyer = foundFirm(state, capitalists[0]!);
    const target = foundFirm(state, capitalists[1]!);
    state.ledger.transfer(WORLD, buyer.account, 30_000_000, FLOW.endowment);
    state.ledger.transfer(target.account, WORLD, state.ledger.balance(target.account), FLOW.other);
    for (const firm of [buyer, target]) state.enterpriseAssets.push(state.assets.add(0, firm.id, state.tick, ORG_FIRM));
    buyer.productivity = 2;
    target.productivity = 1;
    target.salesMonth = 360_000;
    buyer.trailingNetIncome = 100_000;
    target.trailingNetIncome = -100_000;
    holdTakeovers(state, new RandomStream('test', 'takeovers'));
    expect(target.alive).toBe(false);
    expect(state.counters.takeovers).toBe(1);
    // A firm that made money and was not drawn for sale is not bought.
    const other = foundFirm(state, capitalists[1]!);
    state.enterpriseAssets.push(state.assets.add(0, other.id, state.tick, ORG_FIRM));
    other.trailingNetIncome = 50_000;
    holdTakeovers(state, new RandomStream('test', 'takeovers'));
    expect(other.alive).toBe(true);
  });
});
