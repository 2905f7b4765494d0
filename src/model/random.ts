// Named, independent random streams derived from the scenario seed and a replicate key.
// A stream's seed is a string built from (seed, replicate, name), never `seed + n`, so adding
// a draw to one rule or a replicate to a batch leaves every other stream's draws unchanged.
import seedrandom from 'seedrandom';
import { exp, ln, pow, sqrt } from './detmath.ts';

export const GENERATOR_NAME = 'seedrandom.alea';

export class RandomStream {
  readonly name: string;
  private readonly prng: seedrandom.PRNG;
  private spareNormal = 0;
  private hasSpareNormal = false;

  constructor(seedKey: string, name: string) {
    this.name = name;
    this.prng = seedrandom.alea(`${seedKey}|${name}`);
  }

  /** Uniform on [0, 1) with 32 bits of resolution: the hot-loop draw. */
  uniform(): number {
    return this.prng();
  }

  /** Uniform on [0, 1) with 53 bits of resolution. */
  double(): number {
    return this.prng.double();
  }

  /** Uniform integer in [0, n). */
  int(n: number): number {
    return Math.floor(this.prng() * n);
  }

  bernoulli(p: number): boolean {
    return this.prng() < p;
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
      u = 2 * this.prng.double() - 1;
      v = 2 * this.prng.double() - 1;
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
    return xMin * pow(1 - this.prng.double(), -1 / alpha);
  }

  /** Fisher-Yates shuffle in place: the seeded order in which agents act. */
  shuffle(order: Int32Array, length: number = order.length): void {
    for (let i = length - 1; i > 0; i--) {
      const j = Math.floor(this.prng() * (i + 1));
      const t = order[i]!;
      order[i] = order[j]!;
      order[j] = t;
    }
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
