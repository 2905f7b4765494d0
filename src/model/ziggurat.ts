// Standard normal draws by Marsaglia and Tsang's ziggurat (2000), 128 layers: for 97% of
// draws one 32-bit uniform, a table look-up, a compare and a multiply; exp and ln (detmath's,
// the same bits in every engine) only at the layers' edges and in the tail. The layer comes
// from 7 bits of the draw and the position in it from the other 25 (Doornik 2005: taking both
// from the same bits correlates them). The output shocks draw one normal per person per month,
// and inversion (a rational function, a logarithm in the tails) cost a fifth of their phase.
import { exp, ln, sqrt } from './detmath.ts';
import type { RandomStream } from './random.ts';

const LAYERS = 128;
/** Where the tail begins, and each layer's area (Marsaglia and Tsang's constants for 128). */
const TAIL = 3.442619855899;
const AREA = 9.91256303526217e-3;
/** The position's 25 bits are a signed integer v with |v| <= 2^24. */
const SCALE = 2 ** 24;
/** A uniform's 32 bits as an integer. */
const TWO_32 = 2 ** 32;
/** Keeps a uniform off 0 for the logarithms (half a 32-bit cell). */
const HALF_CELL = 2 ** -33;

/** |v| < accept[i]: x = v * width[i] lies inside layer i's rectangle. f: the density at the layer edges. */
const accept = new Float64Array(LAYERS);
const width = new Float64Array(LAYERS);
const f = new Float64Array(LAYERS);
{
  let d = TAIL;
  let previous = TAIL;
  const q = AREA / exp(-0.5 * d * d);
  accept[0] = (d / q) * SCALE;
  accept[1] = 0;
  width[0] = q / SCALE;
  width[LAYERS - 1] = d / SCALE;
  f[0] = 1;
  f[LAYERS - 1] = exp(-0.5 * d * d);
  for (let i = LAYERS - 2; i >= 1; i--) {
    d = sqrt(-2 * ln(AREA / d + exp(-0.5 * d * d)));
    accept[i + 1] = (d / previous) * SCALE;
    previous = d;
    f[i] = exp(-0.5 * d * d);
    width[i] = d / SCALE;
  }
}

/** The layers, for checks: x[i] the right edge of layer i (x[0] the base strip's width), f[i] the density exp(-x^2/2) at it, and the fast-path bound. */
export function zigguratLayers(): { readonly tail: number; readonly area: number; readonly x: Float64Array; readonly f: Float64Array; readonly accept: Float64Array } {
  return { tail: TAIL, area: AREA, x: width.map((w) => w * SCALE), f: f.slice(), accept: accept.slice() };
}

/** A standard normal draw from `rng`'s 32-bit uniforms. */
export function zigguratNormal(rng: RandomStream): number {
  for (;;) {
    const bits = (rng.uniform() * TWO_32) | 0;
    const i = bits & (LAYERS - 1);
    const v = bits >> 7;
    const x = v * width[i]!;
    if (Math.abs(v) < accept[i]!) return x;
    if (i === 0) return v > 0 ? TAIL + beyondTail(rng) : -TAIL - beyondTail(rng);
    if (wedgeAccepts(rng, i, x)) return x;
  }
}

/**
 * The layers' tables for a loop that steps the generator in local variables and draws as
 * zigguratNormal does (production.ts): bits from a uniform u as (u * 2^32) | 0, layer
 * i = bits & 127, v = bits >> 7, x = v * layerWidth[i], accepted outright when |v| <
 * layerAccept[i], else settled by `edgeNormal`. Read-only.
 */
export const layerWidth: Float64Array = width;
export const layerAccept: Float64Array = accept;

/**
 * zigguratNormal past the fast path, for the bits (i, v, x) it drew: 1 with the normal in
 * out[0] (from the tail at layer 0, else x when it lies under the curve in its wedge), or 0 when
 * the draw is rejected and the loop draws again.
 */
export function edgeNormal(rng: RandomStream, i: number, v: number, x: number, out: Float64Array): number {
  if (i === 0) {
    out[0] = v > 0 ? TAIL + beyondTail(rng) : -TAIL - beyondTail(rng);
    return 1;
  }
  if (!wedgeAccepts(rng, i, x)) return 0;
  out[0] = x;
  return 1;
}

/** How far beyond the tail's start a draw from the normal's tail lands (Marsaglia's exponential rejection). */
export function beyondTail(rng: RandomStream): number {
  let t = 0;
  let y = 0;
  do {
    t = -ln(rng.uniform() + HALF_CELL) / TAIL;
    y = -ln(rng.uniform() + HALF_CELL);
  } while (y + y < t * t);
  return t;
}

/** Whether x, past layer i's rectangle but within the layer, lies under the density curve (a uniform height in the layer). */
export function wedgeAccepts(rng: RandomStream, i: number, x: number): boolean {
  return f[i]! + rng.uniform() * (f[i - 1]! - f[i]!) < exp(-0.5 * x * x);
}
