import { describe, expect, it } from 'vitest';
import { mesaGiveOneUnit } from '../../src/agents/kinetic/exchange-rules.ts';
import { createPopulation, type KineticState } from '../../src/agents/kinetic/population.ts';
import { FLOW } from '../../src/model/ledger.ts';
import { RandomStreams, type RandomStream } from '../../src/model/random.ts';

/** The rule as written before the loop stepped the generator itself: a draw and a checked transfer per giver. */
function giveOneUnitByTransfers(state: KineticState, rng: RandomStream, unitCents: number): void {
  const { ledger, order, firstAccount, agentCount } = state;
  rng.shuffle(order);
  for (let k = 0; k < agentCount; k++) {
    const giver = firstAccount + order[k]!;
    if (ledger.balance(giver) < unitCents) continue;
    const receiver = firstAccount + rng.int(agentCount);
    if (receiver !== giver) ledger.transfer(giver, receiver, unitCents, FLOW.exchange);
  }
}

describe("Mesa's rule in place", () => {
  it('gives the balances, flow volume and next draw of one checked transfer per giver', () => {
    for (const [agents, initialUnits] of [[1, 1], [2, 1], [7, 3], [500, 1], [500, 0]] as const) {
      const fast = new RandomStreams(5);
      const checked = new RandomStreams(5);
      const a = createPopulation(fast, agents, initialUnits);
      const b = createPopulation(checked, agents, initialUnits);
      for (let month = 0; month < 40; month++) {
        mesaGiveOneUnit(a, fast.get('exchange'), 100);
        giveOneUnitByTransfers(b, checked.get('exchange'), 100);
      }
      const balances = (s: KineticState) => [...s.ledger.copyBalances(0, s.ledger.size, new Float64Array(s.ledger.size))];
      expect(balances(a)).toEqual(balances(b));
      expect([...a.ledger.volumeByFlow]).toEqual([...b.ledger.volumeByFlow]);
      expect(fast.get('exchange').double()).toBe(checked.get('exchange').double());
      expect(a.ledger.audit()).toBeNull();
    }
  });
});
