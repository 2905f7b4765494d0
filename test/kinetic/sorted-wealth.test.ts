import { describe, expect, it } from 'vitest';
import { createPopulation, sortedWealthUnits, wealthUnits } from '../../src/agents/kinetic/population.ts';
import { FLOW } from '../../src/model/ledger.ts';
import { RandomStreams } from '../../src/model/random.ts';

/** A population whose balances are set by random transfers between agents (conserving, whole cents). */
function shaken(agents: number, initialUnits: number, moves: number, maxCents: number) {
  const streams = new RandomStreams(3);
  const state = createPopulation(streams, agents, initialUnits);
  const rng = streams.get('test');
  for (let m = 0; m < moves; m++) {
    const from = state.firstAccount + rng.int(agents);
    const to = state.firstAccount + rng.int(agents);
    const cents = Math.min(state.ledger.balance(from), 1 + rng.int(maxCents));
    if (from !== to && cents > 0) state.ledger.transfer(from, to, cents, FLOW.exchange);
  }
  return state;
}

describe('sorted wealth', () => {
  it('equals the sorted wealth units, counted over few cents or radix-sorted over many', () => {
    for (const [agents, units, maxCents] of [[1, 1, 1], [500, 1, 100], [500, 3, 7], [300, 1000, 50_000], [2000, 0, 1]] as const) {
      const state = shaken(agents, units, 4 * agents, maxCents);
      const expected = wealthUnits(state, undefined).sort();
      expect([...sortedWealthUnits(state, undefined)]).toEqual([...expected]);
      const reused = new Float64Array(agents);
      expect(sortedWealthUnits(state, reused)).toBe(reused);
      expect([...reused]).toEqual([...expected]);
    }
  });
});
