// MODEL.md 10.1 and 10.8: one market for every kind of owner. A landlord firm lets a home, a
// cooperative with idle capital lets an asset to a poorer cooperative's member, and an asset a
// cooperative leaves vacant goes to the shared rental auction.
import { describe, expect, it } from 'vitest';
import { RandomStreams } from '../../src/model/random.ts';
import type { EconomyState } from '../../src/model/economy/economy-state.ts';
import { FIRM_LINE_LANDLORD, ORG_COOPERATIVE, ORG_FIRM } from '../../src/model/economy/organisation-table.ts';
import { MODE_MEMBER_WORKER } from '../../src/model/economy/person-table.ts';
import { newSaverQueue, openSaverBudgets } from '../../src/agents/economy/savers.ts';
import { requestAcquisitions, runRentalAuctions } from '../../src/agents/economy/acquisition.ts';
import { offeredRentCents } from '../../src/agents/economy/mode-choice.ts';
import { collectRent } from '../../src/agents/economy/rent-collection.ts';
import { produceAndSell } from '../../src/agents/economy/production.ts';
import { letOutVacantAssets } from '../../src/agents/cooperative/idle-capital.ts';
import { cash, endow, handBuiltEconomy } from './hand-built-economy.ts';

const HOME = 2, WORKSHOP = 0;

/** Person p is this month's only seeker, for a home or an asset of class `cls`. */
function seek(state: EconomyState, p: number, cls: number): void {
  const { persons } = state;
  if (cls === HOME) persons.wantsHome[p] = 1;
  else persons.wantsClass[p] = cls;
  persons.seekers[0] = p;
  persons.seekerCount = 1;
}

function ask(state: EconomyState): void {
  const queue = newSaverQueue(state.persons.count);
  openSaverBudgets(state, queue);
  requestAcquisitions(state, new RandomStreams(4).get('bond-asks'), queue);
}

/** One firm, a landlord firm (its founder's choice of line is tested in test/firm/line-of-business.test.ts). */
function landlordEconomy(owners: string[]): EconomyState {
  const state = handBuiltEconomy({
    persons: { count: 20, capitalistShare: 0.05, capitalistMinWealth: 2_000_000 },
    communes: { initialCount: 0, foundingRatePerYear: 0, merges: false },
    firms: { initialCount: 1 },
    housing: { owners },
  });
  for (const org of state.orgs.all) if (org.kind === ORG_FIRM) org.line = FIRM_LINE_LANDLORD;
  return state;
}

describe('housing is a market, not a commune privilege', () => {
  it('lets a landlord firm buy a home for a seeker who asks, rent it, and collect the rent, hiring nobody', () => {
    const state = landlordEconomy(['commune', 'firm', 'cooperative']);
    const { persons, assets, orgs, ledger } = state;
    const firm = orgs.all.find((o) => o.kind === ORG_FIRM)!;
    const p = persons.isCapitalist.indexOf(0);
    seek(state, p, HOME);
    ask(state);
    const home = persons.home[p]!;
    expect(home).toBeGreaterThanOrEqual(0);
    expect(assets.owner[home]).toBe(firm.id);
    expect(assets.ownerKind[home]).toBe(ORG_FIRM);
    const rent = offeredRentCents(state, HOME);
    expect(assets.rentCents[home]).toBe(rent);
    // The tenant pays its rent to the firm, which counts it as income; nobody is employed.
    endow(state, p, rent);
    const before = ledger.balance(firm.account);
    produceAndSell(state);
    collectRent(state);
    expect(ledger.balance(firm.account) - before).toBe(rent);
    expect(firm.rentIncomeMonth).toBe(rent);
    expect(persons.employer.filter((e) => e === firm.id).length).toBe(0);
    expect(ledger.audit()).toBeNull();
  });

  it('asks no firm when housing.owners leaves firms out', () => {
    const state = landlordEconomy(['commune', 'cooperative']);
    const p = state.persons.isCapitalist.indexOf(0);
    seek(state, p, HOME);
    ask(state);
    expect(state.persons.home[p]).toBe(-1);
  });
});

describe('capital works the same in every owner\'s hands', () => {
  function twoCooperatives(): { state: EconomyState; rich: number; poor: number; tenant: number } {
    const state = handBuiltEconomy({
      persons: { count: 20, capitalistShare: 0 },
      communes: { initialCount: 0, foundingRatePerYear: 0, merges: false },
      // Endowments 0 and 2 x 200,000: spread 1 across two cooperatives of five.
      cooperatives: { initialCount: 2, foundersEach: 5, endowmentPerMember: 20_000, endowmentSpread: 1 },
    });
    const coops = state.orgs.all.filter((o) => o.kind === ORG_COOPERATIVE);
    const [poor, rich] = coops[0]!.id < coops[1]!.id ? [coops[0]!, coops[1]!] : [coops[1]!, coops[0]!];
    expect(state.ledger.balance(poor.account)).toBe(0);
    expect(state.ledger.balance(rich.account)).toBe(20_000_000);
    const tenant = state.persons.coopOf.indexOf(poor.id);
    state.persons.skill[tenant] = 1;
    return { state, rich: rich.id, poor: poor.id, tenant };
  }

  it('lets a rich cooperative buy an asset out of idle capital for a poorer cooperative\'s member, which pays it rent', () => {
    const { state, rich, poor, tenant } = twoCooperatives();
    const { persons, assets, orgs, ledger } = state;
    seek(state, tenant, WORKSHOP);
    ask(state);
    const a = persons.asset[tenant]!;
    expect(a).toBeGreaterThanOrEqual(0);
    expect(assets.owner[a]).toBe(rich);
    expect(assets.letOut[a]).toBe(1);
    expect(persons.mode[tenant]).toBe(MODE_MEMBER_WORKER);
    expect(persons.employer[tenant]).toBe(poor);
    // The poorer cooperative sells the output and pays the rent out of it to the rich one.
    const rent = assets.rentCents[a]!;
    produceAndSell(state);
    expect(orgs.get(poor).salesMonth).toBeGreaterThan(rent);
    const richBefore = ledger.balance(orgs.get(rich).account);
    collectRent(state);
    expect(ledger.balance(orgs.get(rich).account) - richBefore).toBe(rent);
    expect(orgs.get(rich).rentIncomeMonth).toBe(rent);
    expect(orgs.get(poor).rentMonth).toBe(rent);
    expect(ledger.audit()).toBeNull();
  });

  it('sends a productive asset its cooperative leaves vacant to the shared rental auction, where another cooperative\'s member wins it', () => {
    const { state, rich, poor, tenant } = twoCooperatives();
    const { persons, assets, params } = state;
    const vacant = assets.add(WORKSHOP, rich, state.tick, ORG_COOPERATIVE);
    state.enterpriseAssets.push(vacant);
    expect(assets.letOut[vacant]).toBe(0);
    for (let m = 0; m < params.coopVacantMonthsToLet; m++) letOutVacantAssets(state);
    expect(assets.letOut[vacant]).toBe(1);
    expect(assets.onAuction[vacant]).toBe(1);
    seek(state, tenant, WORKSHOP);
    // A member of the owner does not bid as a tenant of its own cooperative.
    const insider = persons.coopOf.indexOf(rich);
    persons.wantsClass[insider] = WORKSHOP;
    persons.seekers[1] = insider;
    persons.seekerCount = 2;
    runRentalAuctions(state, new RandomStreams(4).get('auctions'));
    expect(assets.possessor[vacant]).toBe(tenant);
    expect(persons.employer[tenant]).toBe(poor);
    expect(cash(state, tenant)).toBeGreaterThanOrEqual(0);
  });
});
