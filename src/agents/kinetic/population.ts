// A population of money-holding agents for the kinetic exchange models (MODEL.md section 8):
// agent i holds ledger account `firstAccount + i`; money enters once, out of `world`.
import { FLOW, Ledger, WORLD } from '../../model/ledger.ts';
import type { EngineState } from '../../model/engine.ts';
import type { RandomStreams } from '../../model/random.ts';

export const CENTS_PER_UNIT = 100;

export interface KineticState extends EngineState {
  readonly agentCount: number;
  readonly firstAccount: number;
  /** Reused every tick for the seeded order in which agents meet or act. */
  readonly order: Int32Array;
}

export function createPopulation(
  streams: RandomStreams, agentCount: number, initialWealthUnits: number,
): KineticState {
  const ledger = new Ledger(agentCount + 8);
  const firstAccount = ledger.open(agentCount);
  const cents = Math.round(initialWealthUnits * CENTS_PER_UNIT);
  for (let i = 0; i < agentCount; i++) {
    if (cents > 0) ledger.transfer(WORLD, firstAccount + i, cents, FLOW.endowment);
  }
  const order = new Int32Array(agentCount);
  for (let i = 0; i < agentCount; i++) order[i] = i;
  return { tick: 0, ledger, streams, agentCount, firstAccount, order };
}

/** Wealth of every agent in money units, written into `reuse` when it fits. */
export function wealthUnits(state: KineticState, reuse: Float64Array | undefined): Float64Array {
  const out = reuse !== undefined && reuse.length === state.agentCount ? reuse : new Float64Array(state.agentCount);
  state.ledger.copyBalances(state.firstAccount, state.agentCount, out);
  for (let i = 0; i < out.length; i++) out[i] = out[i]! / CENTS_PER_UNIT;
  return out;
}
