// Statistics of one measurement across replicates: mean, sample standard deviation and the
// 95% confidence interval of the mean from Student's t (replicates are independent runs).

/** Two-sided 95% critical values of Student's t for 1..30 degrees of freedom (standard tables). */
const T_975 = [
  12.706, 4.303, 3.182, 2.776, 2.571, 2.447, 2.365, 2.306, 2.262, 2.228,
  2.201, 2.179, 2.16, 2.145, 2.131, 2.12, 2.11, 2.101, 2.093, 2.086,
  2.08, 2.074, 2.069, 2.064, 2.06, 2.056, 2.052, 2.048, 2.045, 2.042,
];
const Z_975 = 1.959963984540054;

/** The 97.5% quantile of Student's t: the table up to 30, a Cornish-Fisher expansion beyond. */
export function tQuantile975(degreesOfFreedom: number): number {
  if (!(degreesOfFreedom >= 1)) return Number.NaN;
  const df = Math.floor(degreesOfFreedom);
  if (df <= T_975.length) return T_975[df - 1]!;
  const z = Z_975;
  const z3 = z ** 3;
  const z5 = z ** 5;
  const z7 = z ** 7;
  return z
    + (z3 + z) / (4 * df)
    + (5 * z5 + 16 * z3 + 3 * z) / (96 * df ** 2)
    + (3 * z7 + 19 * z5 + 17 * z3 - 15 * z) / (384 * df ** 3);
}

export interface AcrossReplicates {
  /** Replicates with a finite value (NaN values are left out and counted apart). */
  readonly n: number;
  readonly missing: number;
  readonly mean: number | null;
  /** Sample standard deviation (n - 1); null with fewer than two values. */
  readonly sd: number | null;
  /** 95% t-interval of the mean; null with fewer than two values. */
  readonly ci95: readonly [number, number] | null;
  readonly min: number | null;
  readonly max: number | null;
}

export function acrossReplicates(values: readonly number[]): AcrossReplicates {
  const finite = values.filter((v) => Number.isFinite(v));
  const n = finite.length;
  const missing = values.length - n;
  if (n === 0) return { n, missing, mean: null, sd: null, ci95: null, min: null, max: null };
  let sum = 0;
  for (const v of finite) sum += v;
  const mean = sum / n;
  let min = finite[0]!;
  let max = finite[0]!;
  for (const v of finite) {
    if (v < min) min = v;
    if (v > max) max = v;
  }
  if (n < 2) return { n, missing, mean, sd: null, ci95: null, min, max };
  let squares = 0;
  for (const v of finite) squares += (v - mean) ** 2;
  const sd = Math.sqrt(squares / (n - 1));
  const half = tQuantile975(n - 1) * sd / Math.sqrt(n);
  return { n, missing, mean, sd, ci95: [mean - half, mean + half], min, max };
}
