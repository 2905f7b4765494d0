// The hazard ratio of two groups by Cox's proportional-hazards model with one binary covariate
// (Cox 1972), the estimator of Burdín (2014) for worker-managed vs conventional firms: the
// hazard of group 1 is exp(beta) times that of group 0 at every age. Partial likelihood with
// Breslow's handling of tied event times, stratified (each stratum its own baseline hazard, as
// each replicate is its own economy), maximised by Newton's method; the 95% interval is Wald's
// from the observed information.
import { exp } from './detmath.ts';

export interface SurvivalSubject {
  /** Time observed (age at the event or at censoring). */
  readonly duration: number;
  /** Whether the observation ended in the event (else it is censored then). */
  readonly event: boolean;
  /** 1: the group whose hazard is the numerator; 0: the reference group. */
  readonly group: 0 | 1;
  /** Stratum (a replicate): risk sets are formed within it. */
  readonly stratum: number;
}

export interface HazardRatio {
  readonly ratio: number;
  readonly logRatio: number;
  readonly standardError: number;
  readonly ci95: readonly [number, number];
  /** Events in group 1 and group 0, and subjects in each. */
  readonly events: readonly [number, number];
  readonly subjects: readonly [number, number];
}

const Z_975 = 1.959963984540054;

/** Per distinct event time of each stratum: events (all, in group 1) and at risk (group 0, group 1). */
interface RiskSet { d: number; d1: number; n0: number; n1: number }

function riskSets(subjects: readonly SurvivalSubject[]): RiskSet[] {
  const byStratum = new Map<number, SurvivalSubject[]>();
  for (const s of subjects) {
    const list = byStratum.get(s.stratum);
    if (list === undefined) byStratum.set(s.stratum, [s]);
    else list.push(s);
  }
  const sets: RiskSet[] = [];
  for (const stratum of [...byStratum.keys()].sort((a, b) => a - b)) {
    // Longest first: walking down, the at-risk counts grow to include everyone observed that long.
    const list = byStratum.get(stratum)!.slice().sort((a, b) => b.duration - a.duration);
    let n0 = 0;
    let n1 = 0;
    let k = 0;
    while (k < list.length) {
      const t = list[k]!.duration;
      let d = 0;
      let d1 = 0;
      let j = k;
      // Everyone with duration t is at risk at t (a censoring at t counts as at risk, as usual).
      while (j < list.length && list[j]!.duration === t) {
        const s = list[j]!;
        if (s.group === 1) n1++;
        else n0++;
        if (s.event) {
          d++;
          if (s.group === 1) d1++;
        }
        j++;
      }
      if (d > 0) sets.push({ d, d1, n0, n1 });
      k = j;
    }
  }
  return sets;
}

/**
 * exp(beta) of group 1 against group 0. Null when either group has no event: the partial
 * likelihood then has no finite maximum (the ratio is 0 or unbounded).
 */
export function coxHazardRatio(subjects: readonly SurvivalSubject[]): HazardRatio | null {
  const events: [number, number] = [0, 0];
  const counts: [number, number] = [0, 0];
  for (const s of subjects) {
    counts[1 - s.group]!++;
    if (s.event) events[1 - s.group]!++;
  }
  if (events[0] === 0 || events[1] === 0) return null;
  const sets = riskSets(subjects);
  let beta = 0;
  let information = 0;
  for (let iteration = 0; iteration < 100; iteration++) {
    const e = exp(beta);
    let score = 0;
    information = 0;
    for (const { d, d1, n0, n1 } of sets) {
      const denominator = n0 + n1 * e;
      score += d1 - d * (n1 * e) / denominator;
      information += d * (n0 * n1 * e) / (denominator * denominator);
    }
    if (!(information > 0)) return null;
    // Newton's step, halved if it is wild (the log-likelihood is concave, so this converges).
    let step = score / information;
    if (Math.abs(step) > 2) step = Math.sign(step) * 2;
    beta += step;
    if (Math.abs(step) < 1e-12) break;
  }
  const se = 1 / Math.sqrt(information);
  return {
    ratio: exp(beta), logRatio: beta, standardError: se,
    ci95: [exp(beta - Z_975 * se), exp(beta + Z_975 * se)],
    events, subjects: counts,
  };
}

