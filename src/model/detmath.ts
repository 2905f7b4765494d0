// MODEL.md section 1: Math.exp/log/pow may differ in the last bit between JavaScript engines,
// so every transcendental call of the engine goes through this module, backed by stdlib's
// pure-JS fdlibm ports (ln: the same port without its slow word write, fdlibm-ln.ts). Math.sqrt
// is exact (IEEE 754 correctly rounded) and stays native.
import stdlibExp from '@stdlib/math-base-special-exp';
import stdlibPow from '@stdlib/math-base-special-pow';
import stdlibLog1p from '@stdlib/math-base-special-log1p';
import { fdlibmLn } from './fdlibm-ln.ts';

export const exp: (x: number) => number = stdlibExp;
export const ln: (x: number) => number = fdlibmLn;
export const pow: (base: number, exponent: number) => number = stdlibPow;
export const log1p: (x: number) => number = stdlibLog1p;
export const sqrt: (x: number) => number = Math.sqrt;

/** Name of the implementation, recorded in run provenance. */
export const DETMATH_IMPLEMENTATION = '@stdlib/math-base-special (fdlibm ports)';
