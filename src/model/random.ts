// Named, independent random streams derived from the scenario seed and a replicate key.
// A stream's seed is a string built from (seed, replicate, name), never `seed + n`, so adding
// a draw to one rule or a replicate to a batch leaves every other stream's draws unchanged.
import seedrandom from 'seedrandom';
import { exp, ln, pow, sqrt } from './detmath.ts';

export const GENERATOR_NAME = 'seedrandom.alea';

/**
 * seedrandom's Alea generator, seeded by seedrandom itself, stepped here on a Float64Array:
 * the same recurrence and the same bits as `seedrandom.alea(seed)()`, but the state lives
 * unboxed, so a draw allocates nothing (seedrandom keeps it in object fields, and every draw
 * allocated heap numbers: a third of the economy's garbage).
 */
class Alea {
  /** s0, s1, s2, c */
  readonly state = new Float64Array(4);

  constructor(seed: string) {
    const seeded = seedrandom.alea(seed, { state: true }).state() as { c: number; s0: number; s1: number; s2: number };
    this.state[0] = seeded.s0;
    this.state[1] = seeded.s1;
    this.state[2] = seeded.s2;
    this.state[3] = seeded.c;
  }

  /** Uniform on [0, 1) with 32 bits, as seedrandom's `prng()`. */
  next(): number {
    const st = this.state;
    const t = 2091639 * st[0]! + st[3]! * 2.3283064365386963e-10; // 2^-32
    st[0] = st[1]!;
    st[1] = st[2]!;
    const c = t | 0;
    st[3] = c;
    const s2 = t - c;
    st[2] = s2;
    return s2;
  }

  /**
   * Fisher-Yates over the first `length` entries of `order`, drawing as `length - 1` calls of
   * next() would (the same bits, the same state after). The recurrence runs in local variables,
   * which V8 keeps in registers: through the state array, each draw waited on its stores being
   * read back, and the shuffle took 14% of the Boltzmann model's run.
   *
   * The state is stored back inside the last iteration, not after the loop: V8 compiles the
   * loop on stack (OSR) during the first long shuffle, before any code after the loop has run,
   * and keeps that code when it deoptimises outside the loop, so stores after the loop, lacking
   * type feedback, deoptimised every later shuffle (655 times in a mixed 10,000 x 50 y run).
   */
  shuffle(order: Int32Array, length: number): void {
    const st = this.state;
    let s0 = st[0]!;
    let s1 = st[1]!;
    let s2 = st[2]!;
    let c = st[3]!;
    for (let i = length - 1; i > 0; i--) {
      const t = 2091639 * s0 + c * 2.3283064365386963e-10; // 2^-32
      s0 = s1;
      s1 = s2;
      c = t | 0;
      s2 = t - c;
      const j = Math.floor(s2 * (i + 1));
      const swapped = order[i]!;
      order[i] = order[j]!;
      order[j] = swapped;
      if (i === 1) {
        st[0] = s0;
        st[1] = s1;
        st[2] = s2;
        st[3] = c;
      }
    }
  }

  /** Uniform on [0, 1) with 53 bits, as seedrandom's `prng.double()`. */
  double(): number {
    return this.next() + ((this.next() * 0x200000) | 0) * 1.1102230246251565e-16; // 2^-53
  }
}

export class RandomStream {
  readonly name: string;
  private readonly alea: Alea;
  private spareNormal = 0;
  private hasSpareNormal = false;

  constructor(seedKey: string, name: string) {
    this.name = name;
    this.alea = new Alea(`${seedKey}|${name}`);
  }

  /** Uniform on [0, 1) with 32 bits of resolution: the hot-loop draw. */
  uniform(): number {
    return this.alea.next();
  }

  /** Uniform on [0, 1) with 53 bits of resolution. */
  double(): number {
    return this.alea.double();
  }

  /** Uniform integer in [0, n). */
  int(n: number): number {
    return Math.floor(this.alea.next() * n);
  }

  bernoulli(p: number): boolean {
    return this.alea.next() < p;
  }

  /** Standard normal by Marsaglia's polar method: needs only ln and sqrt, no trigonometry. */
  normal(): number {
    if (this.hasSpareNormal) {
      this.hasSpareNormal = false;
      return this.spareNormal;
    }
    let u = 0;
    let v = 0;
    let s = 0;
    do {
      u = 2 * this.alea.double() - 1;
      v = 2 * this.alea.double() - 1;
      s = u * u + v * v;
    } while (s >= 1 || s === 0);
    const factor = sqrt((-2 * ln(s)) / s);
    this.spareNormal = v * factor;
    this.hasSpareNormal = true;
    return u * factor;
  }

  /** Lognormal with the given median and log-scale sigma. */
  lognormal(median: number, sigma: number): number {
    return median * exp(sigma * this.normal());
  }

  /** Pareto (type I) with scale xMin and tail index alpha, by inversion. */
  pareto(xMin: number, alpha: number): number {
    return xMin * pow(1 - this.alea.double(), -1 / alpha);
  }

  /**
   * The generator's state (s0, s1, s2, c), live, for a loop that steps Alea's recurrence in
   * local variables, as `Alea.shuffle` does: a draw through `uniform()` loads and stores the state,
   * and the Boltzmann rule makes one per agent-step. The loop draws exactly as `uniform()`
   * would and writes the state back before the stream is used again.
   */
  generatorState(): Float64Array {
    return this.alea.state;
  }

  /** Fisher-Yates shuffle in place: the seeded order in which agents act. */
  shuffle(order: Int32Array, length: number = order.length): void {
    this.alea.shuffle(order, length);
  }
}

/** The seed key of one run: the scenario seed and, in a batch, the replicate key. */
export function seedKey(seed: string | number, replicateKey?: string): string {
  return replicateKey === undefined ? `seed:${seed}` : `seed:${seed}/replicate:${replicateKey}`;
}

/** The streams of one run, created on first use by name. */
export class RandomStreams {
  readonly key: string;
  private readonly streams = new Map<string, RandomStream>();

  constructor(seed: string | number, replicateKey?: string) {
    this.key = seedKey(seed, replicateKey);
  }

  get(name: string): RandomStream {
    let stream = this.streams.get(name);
    if (stream === undefined) {
      stream = new RandomStream(this.key, name);
      this.streams.set(name, stream);
    }
    return stream;
  }
}
