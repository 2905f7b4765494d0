// The pairwise exchange rules of the kinetic wealth models (MODEL.md section 8). Each tick the
// agents are shuffled and met in consecutive pairs, so every agent trades once a month.
import { FLOW } from '../../model/ledger.ts';
import type { RandomStream } from '../../model/random.ts';
import type { KineticState } from './population.ts';

// Read once: an imported binding read in the loop is a load and a check per transfer (the
// Boltzmann loop ran 6-9% faster in CPU time with the flow in a module constant).
const EXCHANGE = FLOW.exchange;

/** Dragulescu & Yakovenko (2000): a fair coin picks who pays `amountCents`; nobody goes below zero. */
export function fixedAmountExchange(state: KineticState, rng: RandomStream, amountCents: number): void {
  const { ledger, order, firstAccount } = state;
  rng.shuffle(order);
  for (let k = 0; k + 1 < order.length; k += 2) {
    let payer = firstAccount + order[k]!;
    let payee = firstAccount + order[k + 1]!;
    if (rng.uniform() < 0.5) {
      const t = payer;
      payer = payee;
      payee = t;
    }
    if (ledger.balance(payer) >= amountCents) ledger.transfer(payer, payee, amountCents, EXCHANGE);
  }
}

/**
 * Chakraborti & Chakrabarti (2000): each keeps a share `lambda` of its money, the pair splits
 * the rest at a uniform random share. lambda = 0 is Dragulescu & Yakovenko's random split.
 */
export function savingPropensityExchange(state: KineticState, rng: RandomStream, lambda: number): void {
  const { ledger, order, firstAccount } = state;
  rng.shuffle(order);
  for (let k = 0; k + 1 < order.length; k += 2) {
    const a = firstAccount + order[k]!;
    const b = firstAccount + order[k + 1]!;
    const wa = ledger.balance(a);
    const wb = ledger.balance(b);
    const keptA = Math.floor(lambda * wa);
    const keptB = Math.floor(lambda * wb);
    const pot = wa - keptA + (wb - keptB);
    ledger.settlePair(a, b, keptA + Math.floor(rng.uniform() * (pot + 1)), EXCHANGE);
  }
}

/**
 * Yard-sale (Chakraborti 2002; Boghosian 2014): the pair stakes `stakeFraction` of the poorer
 * one's wealth on a fair coin. Without redistribution wealth condenses onto ever fewer agents.
 */
export function yardSaleExchange(state: KineticState, rng: RandomStream, stakeFraction: number): void {
  const { ledger, order, firstAccount } = state;
  rng.shuffle(order);
  for (let k = 0; k + 1 < order.length; k += 2) {
    let loser = firstAccount + order[k]!;
    let winner = firstAccount + order[k + 1]!;
    if (rng.uniform() < 0.5) {
      const t = loser;
      loser = winner;
      winner = t;
    }
    const stake = Math.floor(stakeFraction * Math.min(ledger.balance(loser), ledger.balance(winner)));
    if (stake > 0) ledger.transfer(loser, winner, stake, EXCHANGE);
  }
}

/**
 * Mesa's tutorial rule: in a seeded order, every agent holding at least one unit gives one
 * unit to an agent drawn at random (itself included, as in Mesa, where that changes nothing).
 */
export function mesaGiveOneUnit(state: KineticState, rng: RandomStream, unitCents: number): void {
  const { ledger, order, firstAccount } = state;
  rng.shuffle(order);
  const moves = giveOneUnitEach(order, ledger.balancesOf(firstAccount, order.length), rng.generatorState(), unitCents);
  ledger.addVolume(EXCHANGE, moves * unitCents);
}

/**
 * The Boltzmann month in place: one draw per giver, so the loop steps the generator in locals
 * (`rng.int(n)` exactly) and moves units in the balances directly. A giver never goes below
 * zero and a move to oneself changes nothing; returns the moves between two agents.
 *
 * Typed arrays and numbers only: V8's code for it then rests on no object's shape. Reading the
 * state's fields here, its optimised code was thrown away when the next run's state was built,
 * and the loop ran on-stack-replaced code from then on, with the generator in heap numbers.
 * The state is stored back inside the last iteration: code after a long first loop has no
 * type feedback when V8 compiles the loop on stack, and would deoptimise every month. The
 * recurrence's constants are literals: read from imported names, they stayed tagged and were
 * unboxed at every draw.
 */
function giveOneUnitEach(order: Int32Array, wealth: Float64Array, alea: Float64Array, unitCents: number): number {
  const n = order.length;
  const last = n - 1;
  let s0 = alea[0]!;
  let s1 = alea[1]!;
  let s2 = alea[2]!;
  let c = alea[3]!;
  let moves = 0;
  for (let k = 0; k < n; k++) {
    const giver = order[k]!;
    if (wealth[giver]! >= unitCents) {
      const t = 2091639 * s0 + c * 2.3283064365386963e-10; // Alea (random.ts), 2^-32
      s0 = s1;
      s1 = s2;
      c = t | 0;
      s2 = t - c;
      const receiver = (s2 * n) | 0; // Math.floor for 0 <= s2 * n < 2^31, one int conversion
      wealth[giver]! -= unitCents;
      wealth[receiver]! += unitCents;
      if (receiver !== giver) moves++;
    }
    if (k === last) {
      alea[0] = s0;
      alea[1] = s1;
      alea[2] = s2;
      alea[3] = c;
    }
  }
  return moves;
}
