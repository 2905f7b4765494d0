// Kaplan-Meier (product-limit) estimates of survival (MODEL.md 6: survival curves of
// organisations). Generic: durations and whether each ended in the event; the rest censored.
//
// S(t) = prod over event times t_i <= t of (1 - d_i / n_i), with d_i events at t_i and n_i
// subjects still observed at t_i (duration >= t_i). A subject censored at t_i counts as at risk
// at t_i, the usual convention. Greenwood's formula gives the standard error.

export interface SurvivalCurve {
  /** Subjects in the estimate. */
  readonly n: number;
  /** One row per distinct duration, ascending, after a first row at the start time (S = 1). */
  readonly time: Float64Array;
  /** Subjects observed up to at least this time (at risk just before it). */
  readonly atRisk: Float64Array;
  readonly events: Float64Array;
  readonly censored: Float64Array;
  /** S(t) just after the events at t. */
  readonly survival: Float64Array;
  /** Greenwood standard error of S(t); NaN once S reaches 0. */
  readonly standardError: Float64Array;
}

/**
 * `durations[i]` is how long subject i was observed; `ended[i]` whether that observation ended
 * in the event (else it is censored there). `start` is where the curve begins (0, or a
 * landmark such as one year when only subjects observed that long are given).
 */
export function kaplanMeier(durations: ArrayLike<number>, ended: ArrayLike<boolean>, start = 0): SurvivalCurve {
  const n = durations.length;
  const order = Array.from({ length: n }, (_, i) => i).sort((a, b) => durations[a]! - durations[b]! || a - b);
  const time: number[] = [], atRisk: number[] = [], events: number[] = [], censored: number[] = [];
  const survival: number[] = [], standardError: number[] = [];
  let s = 1;
  let greenwood = 0;
  let k = 0;
  if (n === 0 || durations[order[0]!]! > start) {
    time.push(start); atRisk.push(n); events.push(0); censored.push(0); survival.push(1); standardError.push(0);
  }
  while (k < n) {
    const t = durations[order[k]!]!;
    const risk = n - k;
    let d = 0, c = 0;
    while (k < n && durations[order[k]!]! === t) {
      if (ended[order[k]!]) d++;
      else c++;
      k++;
    }
    if (d > 0) {
      s *= 1 - d / risk;
      greenwood += risk > d ? d / (risk * (risk - d)) : Number.POSITIVE_INFINITY;
    }
    time.push(t); atRisk.push(risk); events.push(d); censored.push(c); survival.push(s);
    standardError.push(s > 0 ? s * Math.sqrt(greenwood) : Number.NaN);
  }
  return {
    n, time: Float64Array.from(time), atRisk: Float64Array.from(atRisk), events: Float64Array.from(events),
    censored: Float64Array.from(censored), survival: Float64Array.from(survival), standardError: Float64Array.from(standardError),
  };
}

/**
 * S(t): the survival of the last row at or before t. NaN before the start, and beyond the
 * longest observation unless the curve has already reached 0 (nothing is known there).
 */
export function survivalAt(curve: SurvivalCurve, t: number): number {
  const rows = curve.time.length;
  if (curve.n === 0 || t < curve.time[0]!) return Number.NaN;
  const last = curve.time[rows - 1]!;
  if (t > last) return curve.survival[rows - 1] === 0 ? 0 : Number.NaN;
  let i = 0;
  while (i + 1 < rows && curve.time[i + 1]! <= t) i++;
  return curve.survival[i]!;
}

/** The first time at which S falls to one half or below; NaN if it never does. */
export function medianSurvival(curve: SurvivalCurve): number {
  for (let i = 0; i < curve.time.length; i++) if (curve.survival[i]! <= 0.5) return curve.time[i]!;
  return Number.NaN;
}
