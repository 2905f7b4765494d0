// fdlibm's __ieee754_log (as @stdlib/math-base-special-ln ports it), with the same operations
// on the same doubles: the same bits. One step is written otherwise: fdlibm puts x's mantissa
// into [sqrt(2)/2, sqrt(2)) by writing a new high word (exponent 0 or -1) over x, which stdlib
// does by storing x, storing the word over half of it and loading x back, a load the processor
// cannot forward from the two stores. Here x is multiplied by the power of two that takes its
// exponent there: exact (a power of two times a normal double with a normal result), so the
// same double, without the round trip. The natural logarithm cost mode choice some 70 ns a
// call through stdlib's word helpers, once per person reconsidering.

const LN2_HI = 6.93147180369123816490e-01; // 3FE62E42 FEE00000
const LN2_LO = 1.90821492927058770002e-10; // 3DEA39EF 35793C76
const TWO54 = 1.80143985094819840000e+16; // 2^54
const ONE_THIRD = 0.33333333333333333;

/** A double's two words, for its high word (read only: writing a word is the slow step). */
const WORDS = new Float64Array(1);
const HALVES = new Uint32Array(WORDS.buffer);
const HIGH = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1 ? 1 : 0;

/** 2^-m at m + 1022, for m = -1022 to 1024, by halving and doubling (exact). */
const SCALE = new Float64Array(2047);
{
  let v = 1;
  for (let m = 0; m <= 1024; m++, v /= 2) SCALE[m + 1022] = v;
  v = 1;
  for (let m = 0; m >= -1022; m--, v *= 2) SCALE[m + 1022] = v;
}

/** The natural logarithm, bit for bit as @stdlib/math-base-special-ln computes it. */
export function fdlibmLn(x: number): number {
  if (x === 0) return Number.NEGATIVE_INFINITY;
  if (!(x >= 0)) return Number.NaN;
  WORDS[0] = x;
  let hx = HALVES[HIGH]! | 0;
  let k = 0;
  if (hx < 0x00100000) {
    // Subnormal: scaled up by 2^54 first.
    k -= 54;
    x *= TWO54;
    WORDS[0] = x;
    hx = HALVES[HIGH]! | 0;
  }
  if (hx >= 0x7ff00000) return x + x;
  const exponent = (hx >> 20) - 1023;
  hx &= 0x000fffff;
  let i = (hx + 0x95f64) & 0x100000;
  // fdlibm: SET_HIGH_WORD(x, hx | (i ^ 0x3ff00000)), k += exponent + (i >> 20).
  const m = exponent + (i >> 20);
  x *= SCALE[m + 1022]!;
  k += m;
  const f = x - 1.0;
  if ((0x000fffff & (2 + hx)) < 3) {
    if (f === 0.0) {
      if (k === 0) return 0.0;
      return (k * LN2_HI) + (k * LN2_LO);
    }
    const r = f * f * (0.5 - (ONE_THIRD * f));
    if (k === 0) return f - r;
    return (k * LN2_HI) - ((r - (k * LN2_LO)) - f);
  }
  const s = f / (2.0 + f);
  const z = s * s;
  i = (hx - 0x6147a) | 0;
  const w = z * z;
  const j = (0x6b851 - hx) | 0;
  const t1 = w * (0.3999999999940942 + (w * (0.22222198432149784 + (w * 0.15313837699209373))));
  const t2 = z * (0.6666666666666735 + (w * (0.2857142874366239 + (w * (0.1818357216161805 + (w * 0.14798198605116586))))));
  i |= j;
  const r = t2 + t1;
  if (i > 0) {
    const hfsq = 0.5 * f * f;
    if (k === 0) return f - (hfsq - (s * (hfsq + r)));
    return (k * LN2_HI) - (hfsq - ((s * (hfsq + r)) + (k * LN2_LO)) - f);
  }
  if (k === 0) return f - (s * (f - r));
  return (k * LN2_HI) - (((s * (f - r)) - (k * LN2_LO)) - f);
}
