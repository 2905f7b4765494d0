// MODEL.md 10.1: "a capitalist's landlord firm is simply a firm whose assets are homes; it hires
// nobody". Before, every firm took home seekers' agreements and every firm opened positions, so
// an employer firm's fixed rents kept it alive whatever its workshop did (docs/MODEL-CHOICES.md,
// "A firm's line of business").
import { describe, expect, it } from 'vitest';
import { FLOW, WORLD } from '../../src/model/ledger.ts';
import { RandomStream, RandomStreams } from '../../src/model/random.ts';
import type { EconomyState } from '../../src/model/economy/economy-state.ts';
import { FIRM_LINE_LANDLORD, FIRM_LINE_PRODUCING } from '../../src/model/economy/organisation-table.ts';
import { foundFirm } from '../../src/agents/firm/firm-lifecycle.ts';
import { chooseLine, lineMarket, type LineMarket } from '../../src/agents/firm/line-of-business.ts';
import { investFirms } from '../../src/agents/firm/investment.ts';
import { planTakeovers } from '../../src/agents/firm/takeover.ts';
import { newSaverQueue, openSaverBudgets } from '../../src/agents/economy/savers.ts';
import { requestAcquisitions } from '../../src/agents/economy/acquisition.ts';
import { handBuiltEconomy } from '../economy/hand-built-economy.ts';

const HOME = 2;

function economyWithOneFirm(line: number): { state: EconomyState; firmId: number; seeker: number } {
  const state = handBuiltEconomy({
    persons: { count: 20, capitalistShare: 0.05, capitalistMinWealth: 5_000_000, shockSigma: 0, switchRatePerYear: 0 },
    communes: { initialCount: 0, foundingRatePerYear: 0, merges: false }, firms: { initialCount: 0 }, cycle: { sigma: 0 },
    housing: { owners: ['commune', 'firm', 'cooperative'] },
  });
  const capitalist = state.persons.isCapitalist.indexOf(1);
  const firm = foundFirm(state, capitalist, line);
  state.ledger.transfer(WORLD, firm.account, 10_000_000, FLOW.endowment);
  return { state, firmId: firm.id, seeker: state.persons.isCapitalist.indexOf(0) };
}

function askForHome(state: EconomyState, p: number): void {
  state.persons.wantsHome[p] = 1;
  state.persons.seekers[0] = p;
  state.persons.seekerCount = 1;
  const queue = newSaverQueue(state.persons.count);
  openSaverBudgets(state, queue);
  requestAcquisitions(state, new RandomStreams(4).get('bond-asks'), queue);
}

describe('a firm is a landlord or a producer, not both (MODEL.md 10.1)', () => {
  it('does not offer a producing firm to a home seeker', () => {
    const { state, firmId, seeker } = economyWithOneFirm(FIRM_LINE_PRODUCING);
    askForHome(state, seeker);
    expect(state.persons.home[seeker]).toBe(-1);
    expect(state.assets.ownedBy(firmId)).toBe(0);
  });

  it('lets a landlord firm house the same seeker', () => {
    const { state, firmId, seeker } = economyWithOneFirm(FIRM_LINE_LANDLORD);
    askForHome(state, seeker);
    const home = state.persons.home[seeker]!;
    expect(home).toBeGreaterThanOrEqual(0);
    expect(state.assets.owner[home]).toBe(firmId);
  });

  it('has a landlord firm open no position, where a producing firm opens its first', () => {
    for (const [line, positions] of [[FIRM_LINE_LANDLORD, 0], [FIRM_LINE_PRODUCING, 1]] as const) {
      const { state, firmId } = economyWithOneFirm(line);
      const queue = newSaverQueue(state.persons.count);
      openSaverBudgets(state, queue);
      investFirms(state, queue, new RandomStream('test', 'invest'));
      expect(state.assets.ownedBy(firmId)).toBe(positions);
      expect(state.orgs.get(firmId).vacancies).toBe(positions);
    }
  });
});

describe('the founder picks the line with the larger expected profit for one more firm', () => {
  const market = (patch: Partial<LineMarket>): LineMarket => ({
    unhoused: 1000, jobSeekers: 1000, landlords: 0, producers: 0, homeProfitCents: 60_000, positionProfitCents: 100_000, ...patch,
  });

  it('founds a producer first where a position earns more, then a landlord while the unhoused are many', () => {
    expect(chooseLine(market({}))).toBe(FIRM_LINE_PRODUCING);
    // One producer already shares the job seekers: 100,000 x 1,000 / 2 < 60,000 x 1,000.
    expect(chooseLine(market({ producers: 1 }))).toBe(FIRM_LINE_LANDLORD);
  });

  it('founds no landlord when everyone is housed, or when firms may not own homes', () => {
    expect(chooseLine(market({ producers: 50, unhoused: 0 }))).toBe(FIRM_LINE_PRODUCING);
    expect(chooseLine(market({ producers: 50, homeProfitCents: 0 }))).toBe(FIRM_LINE_PRODUCING);
  });

  it('reads no home profit from a scenario whose housing.owners leaves firms out', () => {
    const state = handBuiltEconomy({ housing: { owners: ['commune', 'cooperative'] } });
    expect(lineMarket(state).homeProfitCents).toBe(0);
    expect(lineMarket(state).positionProfitCents).toBeGreaterThan(0);
  });
});

describe('takeovers keep the lines apart', () => {
  it('has no firm buy a firm of the other line, however weak', () => {
    const firm = (id: number, cashCents: number, productivity: number, annualProfitCents: number, line: number) => ({
      id, cashCents, bookEquityCents: 500_000, debtCents: 0, annualProfitCents, annualSalesCents: 1_000_000, productivity, line, forSale: id === 2,
    });
    expect(planTakeovers([firm(1, 9e9, 1.5, 120_000, FIRM_LINE_PRODUCING), firm(2, 0, 1.0, 30_000, FIRM_LINE_LANDLORD)], 0.05, 0.3)).toEqual([]);
    expect(planTakeovers([firm(1, 9e9, 1.5, 120_000, FIRM_LINE_PRODUCING), firm(2, 0, 1.0, 30_000, FIRM_LINE_PRODUCING)], 0.05, 0.3))
      .toEqual([{ acquirer: 1, target: 2, priceCents: 780_000 }]);
  });
});
