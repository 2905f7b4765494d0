// A population of money-holding agents for the kinetic exchange models (MODEL.md section 8):
// agent i holds ledger account `firstAccount + i`; money enters once, out of `world`.
import { FLOW, Ledger, WORLD } from '../../model/ledger.ts';
import type { EngineState } from '../../model/engine.ts';
import type { RandomStreams } from '../../model/random.ts';
import { radixSorted } from '../../model/radix-sort.ts';

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

// Scratch of the sorted wealth, one sample at a time per thread (as radix-sort.ts keeps its own).
let centCounts = new Int32Array(0);
let unsorted = new Float64Array(0);

/**
 * Wealth of every agent in money units, sorted ascending, into `reuse` when it fits. Balances
 * are whole cents and mostly span fewer cents than there are agents (Mesa's rule: a few dozen
 * units, sampled monthly, where sorting cost more than the exchange): then a counting sort over
 * the cents, else the radix sort. The same values in the same order either way.
 */
export function sortedWealthUnits(state: KineticState, reuse: Float64Array | undefined): Float64Array {
  const n = state.agentCount;
  const out = reuse !== undefined && reuse.length === n ? reuse : new Float64Array(n);
  const cents = state.ledger.balancesOf(state.firstAccount, n);
  const top = largest(cents);
  if (!(top <= 4 * n + 1024)) {
    if (unsorted.length < n) unsorted = new Float64Array(n);
    const units = unsorted.subarray(0, n);
    return radixSorted(wealthUnits(state, units), out);
  }
  if (centCounts.length <= top) centCounts = new Int32Array(top + 1);
  countCents(cents, centCounts, top);
  writeCounted(centCounts, top, out);
  return out;
}

/** The largest balance, -Infinity for none; NaN when one is not whole, non-negative cents (the radix sort takes those). */
function largest(cents: Float64Array): number {
  let top = -Infinity;
  for (let i = 0; i < cents.length; i++) {
    const c = cents[i]!;
    if (!(c >= 0) || Math.floor(c) !== c) return Number.NaN;
    if (c > top) top = c;
  }
  return top;
}

function countCents(cents: Float64Array, counts: Int32Array, top: number): void {
  counts.fill(0, 0, top + 1);
  for (let i = 0; i < cents.length; i++) counts[cents[i]!]!++;
}

function writeCounted(counts: Int32Array, top: number, out: Float64Array): void {
  let k = 0;
  for (let c = 0; c <= top; c++) {
    const units = c / CENTS_PER_UNIT;
    for (let m = counts[c]!; m > 0; m--) out[k++] = units;
  }
}
