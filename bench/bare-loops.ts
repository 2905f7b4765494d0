// The yardstick of the benchmark: each reference model's exchange as a bare loop over typed
// arrays (no ledger, no engine, no reporters), with the same alea generator seeded with the
// same key, the same Fisher-Yates shuffle and the same pairing. It draws the same numbers as
// the engine, so after the same ticks it must hold the same wealth: that checks the bare loop
// does the engine's work and nothing less.
import seedrandom from 'seedrandom';
import { seedKey } from '../src/model/random.ts';

export type BareRule =
  | { readonly kind: 'fixed-amount'; readonly amountCents: number }
  | { readonly kind: 'saving-propensity'; readonly lambda: number }
  | { readonly kind: 'yard-sale'; readonly stakeFraction: number }
  | { readonly kind: 'mesa'; readonly unitCents: number };

/** Wealth in cents per agent, all starting at `initialCents`; `run` advances `ticks` months. */
export class BareExchange {
  readonly wealth: Float64Array;
  private readonly order: Int32Array;
  private readonly prng: seedrandom.PRNG;
  private readonly rule: BareRule;
  /** Alea's state (s0, s1, s2, c) for the loops that step the generator inline. */
  private readonly alea: Float64Array;
  private readonly inline: boolean;

  /**
   * `inline`: the Boltzmann loop steps Alea's recurrence in local variables instead of calling
   * seedrandom's generator, the same draws without a call per draw: the yardstick of issue 19's
   * "within 1.3x of the bare inline-generator loop" (only the mesa rule has this form).
   */
  constructor(rule: BareRule, agents: number, initialCents: number, seed: string | number, inline = false) {
    this.rule = rule;
    this.inline = inline;
    this.wealth = new Float64Array(agents).fill(initialCents);
    this.order = new Int32Array(agents);
    for (let i = 0; i < agents; i++) this.order[i] = i;
    // The engine's exchange rules draw from the stream named 'exchange' of the run's seed key.
    this.prng = seedrandom.alea(`${seedKey(seed)}|exchange`, { state: true });
    const { s0, s1, s2, c } = (this.prng as unknown as { state(): { s0: number; s1: number; s2: number; c: number } }).state();
    this.alea = Float64Array.of(s0, s1, s2, c);
  }

  run(ticks: number): void {
    const rule = this.rule;
    for (let t = 0; t < ticks; t++) {
      switch (rule.kind) {
        case 'fixed-amount': this.fixedAmount(rule.amountCents); break;
        case 'saving-propensity': this.savingPropensity(rule.lambda); break;
        case 'yard-sale': this.yardSale(rule.stakeFraction); break;
        case 'mesa': if (this.inline) this.mesaInline(rule.unitCents); else this.mesa(rule.unitCents); break;
      }
    }
  }

  private shuffle(): void {
    const { order, prng } = this;
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(prng() * (i + 1));
      const t = order[i]!;
      order[i] = order[j]!;
      order[j] = t;
    }
  }

  private fixedAmount(amount: number): void {
    const { order, wealth, prng } = this;
    this.shuffle();
    for (let k = 0; k + 1 < order.length; k += 2) {
      let payer = order[k]!;
      let payee = order[k + 1]!;
      if (prng() < 0.5) {
        const t = payer;
        payer = payee;
        payee = t;
      }
      if (wealth[payer]! >= amount) {
        wealth[payer]! -= amount;
        wealth[payee]! += amount;
      }
    }
  }

  private savingPropensity(lambda: number): void {
    const { order, wealth, prng } = this;
    this.shuffle();
    for (let k = 0; k + 1 < order.length; k += 2) {
      const a = order[k]!;
      const b = order[k + 1]!;
      const wa = wealth[a]!;
      const wb = wealth[b]!;
      const keptA = Math.floor(lambda * wa);
      const keptB = Math.floor(lambda * wb);
      const pot = wa - keptA + (wb - keptB);
      const targetA = keptA + Math.floor(prng() * (pot + 1));
      wealth[a] = targetA;
      wealth[b] = wa + wb - targetA;
    }
  }

  private yardSale(stakeFraction: number): void {
    const { order, wealth, prng } = this;
    this.shuffle();
    for (let k = 0; k + 1 < order.length; k += 2) {
      let loser = order[k]!;
      let winner = order[k + 1]!;
      if (prng() < 0.5) {
        const t = loser;
        loser = winner;
        winner = t;
      }
      const stake = Math.floor(stakeFraction * Math.min(wealth[loser]!, wealth[winner]!));
      wealth[loser]! -= stake;
      wealth[winner]! += stake;
    }
  }

  private mesa(unit: number): void {
    const { order, wealth, prng } = this;
    const n = order.length;
    this.shuffle();
    for (let k = 0; k < n; k++) {
      const giver = order[k]!;
      if (wealth[giver]! < unit) continue;
      const receiver = Math.floor(prng() * n);
      wealth[giver]! -= unit;
      wealth[receiver]! += unit;
    }
  }

  /** The mesa rule with Alea stepped in locals: shuffle, then one draw per giver. */
  private mesaInline(unit: number): void {
    const { order, wealth, alea } = this;
    const n = order.length;
    let s0 = alea[0]!;
    let s1 = alea[1]!;
    let s2 = alea[2]!;
    let c = alea[3]!;
    for (let i = n - 1; i > 0; i--) {
      const t = 2091639 * s0 + c * 2.3283064365386963e-10; // 2^-32
      s0 = s1;
      s1 = s2;
      c = t | 0;
      s2 = t - c;
      const j = Math.floor(s2 * (i + 1));
      const swapped = order[i]!;
      order[i] = order[j]!;
      order[j] = swapped;
    }
    for (let k = 0; k < n; k++) {
      const giver = order[k]!;
      if (wealth[giver]! < unit) continue;
      const t = 2091639 * s0 + c * 2.3283064365386963e-10;
      s0 = s1;
      s1 = s2;
      c = t | 0;
      s2 = t - c;
      const receiver = Math.floor(s2 * n);
      wealth[giver]! -= unit;
      wealth[receiver]! += unit;
    }
    alea[0] = s0;
    alea[1] = s1;
    alea[2] = s2;
    alea[3] = c;
  }
}
