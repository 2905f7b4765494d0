// A firm's wage rises while a vacancy stays open (MODEL.md 5), no higher than what a unit of
// skill produces on the position, and a position nobody takes at that offer is given up: let out
// at the rental auction (Pissarides 2000's free entry: a vacancy is kept open only while a filled
// job is worth more than it). The firm then grows again where a position pays. Fails on the rule
// before (the rate rose 1% a month for as long as nobody applied, past the position's product:
// 150,000 x 1.01^120 = 495,000 on a position worth 180,000), and on a ceiling alone (the vacancy
// stayed open for ever, and a firm with a vacancy open never invests).
import { describe, expect, it } from 'vitest';
import { FLOW, WORLD } from '../../src/model/ledger.ts';
import { ORG_FIRM } from '../../src/model/economy/organisation-table.ts';
import { foundFirm } from '../../src/agents/firm/firm-lifecycle.ts';
import { hireApplicants, newLabourMarket, openLabourMarket } from '../../src/agents/economy/labour-market.ts';
import { letOutVacantAssets } from '../../src/agents/cooperative/idle-capital.ts';
import { investFirms } from '../../src/agents/firm/investment.ts';
import { newSaverQueue, openSaverBudgets } from '../../src/agents/economy/savers.ts';
import { RandomStream } from '../../src/model/random.ts';
import { handBuiltEconomy } from '../economy/hand-built-economy.ts';

describe('a firm with a vacancy nobody takes', () => {
  function stuckFirm() {
    const state = handBuiltEconomy({
      persons: { count: 20, capitalistShare: 0.1, capitalistMinWealth: 5_000_000, shockSigma: 0, switchRatePerYear: 0 },
      communes: { initialCount: 0 }, firms: { initialCount: 0 }, cycle: { sigma: 0 }, productivity: { sigma: 0 },
    });
    const firm = foundFirm(state, state.persons.isCapitalist.indexOf(1));
    state.ledger.transfer(WORLD, firm.account, 10 * 12_000_000, FLOW.endowment);
    const asset = state.assets.add(0, firm.id, state.tick, ORG_FIRM);
    state.enterpriseAssets.push(asset);
    firm.productivity = 0.5;
    firm.wageRateCents = 150_000;
    state.goodsPriceCents = 100;
    return { state, firm, asset };
  }

  it('raises its offer no higher than the position produces, then lets the position out', () => {
    const { state, firm, asset } = stuckFirm();
    const market = newLabourMarket(state.persons.count);
    const rng = new RandomStream('test', 'hiring');
    let highest = 0;
    for (let m = 0; m < 120; m++) {
      letOutVacantAssets(state);
      hireApplicants(state, market, rng, newSaverQueue(state.persons.count));
      highest = Math.max(highest, firm.wageRateCents);
    }
    // A workshop's 3,600 a month at productivity 0.5 and price 1: 1,800 a unit of skill.
    expect(highest).toBeLessThanOrEqual(180_000);
    expect(state.assets.letOut[asset]).toBe(1);
    expect(state.assets.onAuction[asset]).toBe(1);
    expect(firm.vacancies).toBe(0);
  });

  it('is not frozen: once the position is given up, an applicant turned away where a position pays makes it buy one', () => {
    const { state, firm } = stuckFirm();
    const market = newLabourMarket(state.persons.count);
    const rng = new RandomStream('test', 'hiring');
    for (let m = 0; m < 24; m++) {
      letOutVacantAssets(state);
      hireApplicants(state, market, rng, newSaverQueue(state.persons.count));
    }
    // The firm's productivity rises: a workshop is now worth 3,600 a unit of skill to it, twice its offer.
    firm.productivity = 1;
    openLabourMarket(state, market);
    const applicant = state.persons.isCapitalist.indexOf(0);
    state.persons.appliedTo[applicant] = firm.id;
    state.persons.applicants[state.persons.applicantCount++] = applicant;
    const queue = newSaverQueue(state.persons.count);
    openSaverBudgets(state, queue);
    hireApplicants(state, market, rng, queue);
    expect(firm.queued).toBe(1);
    const before = state.assets.ownedBy(firm.id);
    investFirms(state, queue, rng);
    expect(state.assets.ownedBy(firm.id)).toBe(before + 1);
    expect(firm.vacancies).toBe(1);
  });
});
