// A cooperative member weighs what leaving would forfeit (its share of the cooperative's equity
// beyond what leaving pays it), spread over the choice horizon, as a joiner weighs the buy-in
// (MODEL-CHOICES, "Staying in a cooperative"; Craig & Pencavel 1992, Burdín & Dean 2009:
// co-operatives adjust members' pay rather than their membership). v3's first version valued
// staying at the trailing distribution alone, so a member left its stake behind for any job that
// paid more this month.
import { describe, expect, it } from 'vitest';
import { FLOW, WORLD } from '../../src/model/ledger.ts';
import { RandomStream } from '../../src/model/random.ts';
import { ORG_COOPERATIVE, ORG_FIRM } from '../../src/model/economy/organisation-table.ts';
import { MODE_MEMBER_WORKER } from '../../src/model/economy/person-table.ts';
import { enterpriseEquity } from '../../src/model/economy/net-worth.ts';
import { foundCooperative } from '../../src/agents/cooperative/cooperative-lifecycle.ts';
import { leaveCooperative, leavingPayoutCents, stayingValueCents } from '../../src/agents/cooperative/leaving.ts';
import { foundFirm } from '../../src/agents/firm/firm-lifecycle.ts';
import { startWork } from '../../src/agents/economy/possession.ts';
import { chooseModes } from '../../src/agents/economy/mode-choice.ts';
import { newLabourMarket, openLabourMarket } from '../../src/agents/economy/labour-market.ts';
import { cash, handBuiltEconomy } from '../economy/hand-built-economy.ts';

/** A cooperative of two members, one working its workshop; a firm with an open workshop at `wageRate`. */
function stage(coopCashCents: number, wageRate: number) {
  const state = handBuiltEconomy({
    persons: { count: 20, capitalistShare: 0.1, capitalistMinWealth: 1_000_000, switchRatePerYear: 12, choiceTemperature: 0.01, shockSigma: 0 },
    communes: { initialCount: 0, foundingRatePerYear: 0 },
    firms: { initialCount: 0, foundingRatePerYear: 0 },
    cooperatives: { initialCount: 0, foundingRatePerYear: 0 },
    cycle: { sigma: 0 },
  });
  const { persons } = state;
  const workers = [...Array(persons.count).keys()].filter((p) => !persons.isCapitalist[p]);
  const [member, other] = workers as [number, number];
  const coop = foundCooperative(state, [member, other], coopCashCents);
  const owned = state.assets.add(0, coop.id, state.tick, ORG_COOPERATIVE);
  state.enterpriseAssets.push(owned);
  persons.skill[member] = 1;
  startWork(state, owned, member, MODE_MEMBER_WORKER);
  coop.trailingDividendMonthly = 100_000;
  const firm = foundFirm(state, persons.isCapitalist.indexOf(1));
  const open = state.assets.add(0, firm.id, state.tick, ORG_FIRM);
  state.enterpriseAssets.push(open);
  firm.wageRateCents = wageRate;
  return { state, coop, firm, member, other };
}

describe('staying in a cooperative', () => {
  it('is worth the trailing distribution plus the stake leaving forfeits, over the horizon', () => {
    // 30,000,000 cents of cash, a workshop of 12,000,000 and no debt: equity 42,000,000, 21,000,000 a member.
    const { state, coop, member } = stage(30_000_000, 300_000);
    const equity = enterpriseEquity(state)[coop.id]!;
    expect(equity).toBe(42_000_000);
    // Each founder's capital account is half the endowment; the cash above a month of costs pays all of it.
    expect(leavingPayoutCents(state, member)).toBe(15_000_000);
    expect(stayingValueCents(state, member, coop, equity)).toBe(100_000 + (21_000_000 - 15_000_000) / 60);
    // A buy-in still owed is cancelled by leaving: it is not forfeit.
    state.persons.buyInOwedCents[member] = 6_000_000;
    expect(stayingValueCents(state, member, coop, equity)).toBe(100_000);
  });

  it('pays the leaver what it counted on, and the valuation never counts a negative equity', () => {
    const { state, coop, member } = stage(30_000_000, 300_000);
    const payout = leavingPayoutCents(state, member);
    const before = cash(state, member);
    leaveCooperative(state, member);
    expect(cash(state, member) - before).toBe(payout);
    expect(state.ledger.audit()).toBeNull();
    expect(stayingValueCents(state, 1, coop, -5_000_000)).toBe(coop.trailingDividendMonthly);
  });

  it('keeps a member with a large stake in its cooperative when a job pays more than its distribution (v3 first version: it applied)', () => {
    const choose = (coopCash: number) => {
      const { state, firm, member } = stage(coopCash, 300_000);
      // The endowment is the founders' capital: move the cash in without crediting them, so the
      // stake is retained equity that leaving does not pay out.
      if (coopCash > 0) state.ledger.transfer(WORLD, state.orgs.all.find((o) => o.kind === ORG_COOPERATIVE)!.account, coopCash, FLOW.endowment);
      const market = newLabourMarket(state.persons.count);
      openLabourMarket(state, market);
      chooseModes(state, new RandomStream('test', 'mode-choice'), market);
      return state.persons.appliedTo[member] === firm.id;
    };
    // Stake: (12,000,000 + 2 x 30,000,000) / 2 - 15,000,000 = 21,000,000, 350,000 a month over 60:
    // staying is worth 450,000 against the job's 300,000.
    expect(choose(30_000_000)).toBe(false);
    // A stake of nothing (no cash, the workshop's equity shared, capital accounts 0): 100,000
    // plus 6,000,000 / 60 = 200,000 against 300,000: it applies.
    expect(choose(0)).toBe(true);
  });
});
