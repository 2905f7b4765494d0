// The month's queue of savers (savers.ts): auctions draw savers in a seeded order, and a saver
// whose lending budget is spent leaves the queue the first time an auction draws it.
import { describe, expect, it } from 'vitest';
import { RandomStreams } from '../../src/model/random.ts';
import { BondBids } from '../../src/model/market/bond-auction.ts';
import { collectBondBids, newSaverQueue, openSaverBudgets, spendSaverBudget } from '../../src/agents/economy/savers.ts';
import { endow, handBuiltEconomy } from './hand-built-economy.ts';

/** 20 persons with lending budgets (350,000 cents each: half of their cash above the buffer), nobody else. */
function twentySavers(biddersPerAuction: number) {
  const state = handBuiltEconomy({
    persons: { count: 40, capitalistShare: 0, initialCash: 0 },
    communes: { initialCount: 0, foundingRatePerYear: 0, merges: false },
    bonds: { minimumBid: 100, askNoise: 0, biddersPerAuction },
  });
  for (let p = 0; p < 20; p++) endow(state, p, 1_000_000);
  return { state, queue: newSaverQueue(state.persons.count) };
}

describe('the savers\' queue', () => {
  it('drops a saver whose budget is spent the first time an auction draws it, so later auctions draw only savers with budget left', () => {
    const { state, queue } = twentySavers(200);
    const rng = new RandomStreams(1).get('bond-asks');
    const bids = new BondBids();
    openSaverBudgets(state, queue);
    expect(queue.length).toBe(20);
    // Savers 0-14 lend their whole budget elsewhere this month.
    for (let p = 0; p < 15; p++) spendSaverBudget(state, queue, state.persons.firstAccount + p, state.persons.bondBudget[p]!);
    collectBondBids(state, queue, rng, 1e9, 0, -1, bids);
    expect([...bids.bidder.subarray(0, bids.count)].map((b) => b - state.persons.firstAccount).sort((a, b) => a - b)).toEqual([15, 16, 17, 18, 19]);
    expect(queue.length).toBe(5);
    expect([...queue.order.subarray(0, queue.length)].sort((a, b) => a - b)).toEqual([15, 16, 17, 18, 19]);
    // The next auction asks the same five, each once, and draws nobody else.
    collectBondBids(state, queue, rng, 1e9, 0, -1, bids);
    expect([...bids.bidder.subarray(0, bids.count)].map((b) => b - state.persons.firstAccount).sort((a, b) => a - b)).toEqual([15, 16, 17, 18, 19]);
    // A new month opens every budget again from cash.
    openSaverBudgets(state, queue);
    expect(queue.length).toBe(20);
  });

  it('asks a saver once an auction even when the order comes round during it', () => {
    const { state, queue } = twentySavers(2);
    const rng = new RandomStreams(3).get('bond-asks');
    const bids = new BondBids();
    for (let month = 0; month < 50; month++) {
      openSaverBudgets(state, queue);
      for (let p = 0; p < 15; p++) spendSaverBudget(state, queue, state.persons.firstAccount + p, state.persons.bondBudget[p]!);
      // Two bidders: the cursor stops inside the round, so the next auction comes round during it.
      (state.params as { biddersPerAuction: number }).biddersPerAuction = 2;
      collectBondBids(state, queue, rng, 1e9, 0, -1, bids);
      (state.params as { biddersPerAuction: number }).biddersPerAuction = 200;
      collectBondBids(state, queue, rng, 1e9, 0, -1, bids);
      const bidders = [...bids.bidder.subarray(0, bids.count)];
      expect(new Set(bidders).size).toBe(bidders.length);
    }
  });

  it('asks the savers with budget left in an unbiased order, however many spent ones lie between them', () => {
    const { state, queue } = twentySavers(1);
    const rng = new RandomStreams(2).get('bond-asks');
    const bids = new BondBids();
    const months = 3000;
    // counts[k][p]: how often saver 15 + p bid in the month's k-th auction.
    const counts = [new Array<number>(5).fill(0), new Array<number>(5).fill(0), new Array<number>(5).fill(0)];
    for (let month = 0; month < months; month++) {
      openSaverBudgets(state, queue);
      for (let p = 0; p < 15; p++) spendSaverBudget(state, queue, state.persons.firstAccount + p, state.persons.bondBudget[p]!);
      const bidders = new Set<number>();
      for (let k = 0; k < 3; k++) {
        collectBondBids(state, queue, rng, 1e9, 0, -1, bids);
        expect(bids.count).toBe(1);
        const p = bids.bidder[0]! - state.persons.firstAccount;
        bidders.add(p);
        counts[k]![p - 15]!++;
      }
      // Three auctions of one bidder each reach three different savers (the shuffle has not come round).
      expect(bidders.size).toBe(3);
    }
    // Each of the five is the k-th auction's bidder a fifth of the time: 600, sd 22; 4 sd either side.
    for (const row of counts) for (const n of row) expect(Math.abs(n - months / 5)).toBeLessThan(88);
  });
});
