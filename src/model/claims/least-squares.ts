// Ordinary least squares of y on x: the trend of a claim's series (claims 4 and 7) and claim 2's
// regression of (rent - dividend) on relative use.

export interface LineFit {
  readonly slope: number;
  readonly intercept: number;
  readonly n: number;
}

/** Fits y = intercept + slope x; NaN slope and intercept below two points or with x constant. */
export function leastSquares(xs: ArrayLike<number>, ys: ArrayLike<number>): LineFit {
  const n = Math.min(xs.length, ys.length);
  if (n < 2) return { slope: Number.NaN, intercept: Number.NaN, n };
  let mx = 0;
  let my = 0;
  for (let i = 0; i < n; i++) {
    mx += xs[i]!;
    my += ys[i]!;
  }
  mx /= n;
  my /= n;
  // Centred sums: exact enough for money in units and years, whatever their offsets.
  let sxx = 0;
  let sxy = 0;
  for (let i = 0; i < n; i++) {
    const dx = xs[i]! - mx;
    sxx += dx * dx;
    sxy += dx * (ys[i]! - my);
  }
  if (!(sxx > 0)) return { slope: Number.NaN, intercept: Number.NaN, n };
  const slope = sxy / sxx;
  return { slope, intercept: my - slope * mx, n };
}
