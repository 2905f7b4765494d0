// Firm growth (docs/MODEL-CHOICES.md, calibration): job seekers meet a firm through its
// workforce as well as its vacancies, so a full firm receives applicants, turns them away and
// expands (Gibrat's proportional growth). v3's first version let seekers draw only vacancies.
import { describe, expect, it } from 'vitest';
import { FLOW, WORLD } from '../../src/model/ledger.ts';
import { ORG_FIRM } from '../../src/model/economy/organisation-table.ts';
import { MODE_EMPLOYEE } from '../../src/model/economy/person-table.ts';
import { foundFirm } from '../../src/agents/firm/firm-lifecycle.ts';
import { startWork } from '../../src/agents/economy/possession.ts';
import { hireApplicants, newLabourMarket, openLabourMarket } from '../../src/agents/economy/labour-market.ts';
import { countPositions, investFirms } from '../../src/agents/firm/investment.ts';
import { newSaverQueue, openSaverBudgets } from '../../src/agents/economy/savers.ts';
import { RandomStream } from '../../src/model/random.ts';
import { handBuiltEconomy } from '../economy/hand-built-economy.ts';

describe('firms grow in proportion to their workforce (Gibrat)', () => {
  function economyWithFirms() {
    const state = handBuiltEconomy({
      persons: { count: 40, capitalistShare: 0.1, capitalistMinWealth: 5_000_000, shockSigma: 0, switchRatePerYear: 0 },
      communes: { initialCount: 0 }, firms: { initialCount: 0 }, cycle: { sigma: 0 },
    });
    const capitalists = state.persons.isCapitalist.reduce<number[]>((l, c, p) => (c ? [...l, p] : l), []);
    const workers = [...Array(state.persons.count).keys()].filter((p) => !state.persons.isCapitalist[p]);
    // A big firm with five workers, a small one with one vacancy.
    const big = foundFirm(state, capitalists[0]!);
    const small = foundFirm(state, capitalists[1]!);
    state.ledger.transfer(WORLD, big.account, 10 * 12_000_000, FLOW.endowment);
    for (let k = 0; k < 5; k++) {
      const a = state.assets.add(0, big.id, state.tick, ORG_FIRM);
      state.enterpriseAssets.push(a);
      startWork(state, a, workers[k]!, MODE_EMPLOYEE);
    }
    const vacant = state.assets.add(0, small.id, state.tick, ORG_FIRM);
    state.enterpriseAssets.push(vacant);
    return { state, big, small, workers: workers.slice(5) };
  }

  it('lists a full firm\'s filled positions among those job seekers apply to, in proportion to its size', () => {
    const { state, big, small } = economyWithFirms();
    const market = newLabourMarket(state.persons.count);
    openLabourMarket(state, market);
    const owners = [...Array.from(market.filled.subarray(0, market.filledCount)), ...Array.from(market.vacant.subarray(0, market.vacancyCount))].map((a) => state.assets.owner[a]!);
    expect(owners.filter((o) => o === big.id)).toHaveLength(5);
    expect(owners.filter((o) => o === small.id)).toHaveLength(1);
    expect(market.vacancyCount).toBe(1);
  });

  it('has a full firm that turns an applicant away open a new position for it', () => {
    const { state, big, small, workers } = economyWithFirms();
    const market = newLabourMarket(state.persons.count);
    openLabourMarket(state, market);
    const applicant = workers[0]!;
    state.persons.appliedTo[applicant] = big.id;
    state.persons.applicants[state.persons.applicantCount++] = applicant;
    const queue = newSaverQueue(state.persons.count);
    openSaverBudgets(state, queue);
    const rng = new RandomStream('test', 'hire');
    hireApplicants(state, market, rng, queue);
    expect(big.queued).toBe(1);
    // Hiring counted each firm's positions (worked or vacant) as investment would count them.
    expect([market.positions[big.id], market.positions[small.id]]).toEqual([5, 1]);
    expect(Array.from(countPositions(state).subarray(0, state.orgs.all.length))).toEqual(Array.from(market.positions.subarray(0, state.orgs.all.length)));
    const before = state.assets.ownedBy(big.id);
    investFirms(state, queue, rng);
    expect(state.assets.ownedBy(big.id)).toBe(before + 1);
    expect(big.vacancies).toBe(1);
  });
});
