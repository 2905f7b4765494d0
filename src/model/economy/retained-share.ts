// MODEL.md 6 and claim 8: "(labour + commons income) / own output by mode at equal skill".
// Modes differ in skill (producing on a commune asset pays only above a skill of about 0.6, so
// producers are more skilled than the self-employed), and the share retained moves with skill
// (rent is bid by skill, dividends are equal). So the ratio is directly standardised: computed
// within each fifth of the whole population's skill, then averaged with the weights of those
// fifths in the whole population, the same reference for every mode.
import type { ScalarReporter } from '../reporters.ts';
import { quantile, sortedCopy } from '../inequality.ts';
import type { EconomyState } from './economy-state.ts';
import { MODE_EMPLOYEE, MODE_MEMBER_WORKER, MODE_PRODUCER, MODE_SELF_EMPLOYED, type PersonTable } from './person-table.ts';
import { perSample } from './sample-memo.ts';

/** Skill strata: fifths of the population (five strata remove most of the bias a continuous confounder causes). */
export const SKILL_STRATA = 5;

/** Each person's stratum, 0 to strata - 1: how many of the population's skill quantiles j/strata it reaches. */
export function skillStrata(skill: Float64Array, strata: number): Uint8Array {
  const sorted = sortedCopy(skill);
  const edges = Array.from({ length: strata - 1 }, (_, j) => quantile(sorted, (j + 1) / strata));
  const out = new Uint8Array(skill.length);
  for (let p = 0; p < skill.length; p++) {
    let k = 0;
    while (k < edges.length && skill[p]! >= edges[k]!) k++;
    out[p] = k;
  }
  return out;
}

/** Share of the population in each stratum: the reference distribution. */
export function stratumWeights(stratum: Uint8Array, strata: number): Float64Array {
  const w = new Float64Array(strata);
  for (let p = 0; p < stratum.length; p++) w[stratum[p]!]!++;
  for (let k = 0; k < strata; k++) w[k] = stratum.length > 0 ? w[k]! / stratum.length : 0;
  return w;
}

/**
 * Direct standardisation of a ratio: sum over strata of weight x (numerator / denominator)
 * within the stratum, over the weights of the strata the group covers (denominator > 0). A
 * group absent from a stratum is compared on the strata it covers. NaN when it covers none.
 */
export function standardisedRatio(numerator: ArrayLike<number>, denominator: ArrayLike<number>, weights: ArrayLike<number>): number {
  let sum = 0, covered = 0;
  for (let k = 0; k < weights.length; k++) {
    if (!(denominator[k]! > 0)) continue;
    sum += weights[k]! * (numerator[k]! / denominator[k]!);
    covered += weights[k]!;
  }
  return covered > 0 ? sum / covered : Number.NaN;
}

/** Skill never changes during a run: strata and weights are computed once per person table. */
const strataOf = new WeakMap<PersonTable, { stratum: Uint8Array; weights: Float64Array }>();
function strataFor(persons: PersonTable) {
  let known = strataOf.get(persons);
  if (known === undefined) {
    const stratum = skillStrata(persons.skill, SKILL_STRATA);
    known = { stratum, weights: stratumWeights(stratum, SKILL_STRATA) };
    strataOf.set(persons, known);
  }
  return known;
}

const MODES = [MODE_EMPLOYEE, MODE_MEMBER_WORKER, MODE_PRODUCER, MODE_SELF_EMPLOYED] as const;

/**
 * Per mode (indexed by mode number), the standardised (labour + commune dividends) / own
 * output of last year, over the persons who were in that mode every month of it.
 */
export function retainedShares(s: EconomyState, dividendWeight = 1): Float64Array {
  return retainedSharesAt(s, dividendWeight, dividendWeight).withDividends;
}

/**
 * retainedShares at two dividend weights from one walk over persons: `withDividends` at
 * `weight`, `labourOnly` at `otherWeight`.
 */
function retainedSharesAt(s: EconomyState, weight: number, otherWeight: number): { withDividends: Float64Array; labourOnly: Float64Array } {
  const { persons } = s;
  const { stratum, weights } = strataFor(persons);
  const kept = new Float64Array(8 * SKILL_STRATA);
  const keptOther = new Float64Array(8 * SKILL_STRATA);
  const output = new Float64Array(8 * SKILL_STRATA);
  sumByModeAndStratum(persons, stratum, weight, otherWeight, kept, keptOther, output);
  return { withDividends: standardisedByMode(kept, output, weights), labourOnly: standardisedByMode(keptOther, output, weights) };
}

function standardisedByMode(kept: Float64Array, output: Float64Array, weights: Float64Array): Float64Array {
  const out = new Float64Array(8).fill(Number.NaN);
  for (const mode of MODES) {
    const from = mode * SKILL_STRATA;
    out[mode] = standardisedRatio(kept.subarray(from, from + SKILL_STRATA), output.subarray(from, from + SKILL_STRATA), weights);
  }
  return out;
}

// The walk in a function of its own, ending with its loop: code after a loop compiled on stack
// at the first sample deoptimised it at later ones.
/** Sums last year's kept income (at two dividend weights) and own output of one-mode persons by cell (mode x stratum). */
function sumByModeAndStratum(
  persons: PersonTable, stratum: Uint8Array, weight: number, otherWeight: number, kept: Float64Array, keptOther: Float64Array, output: Float64Array,
): void {
  const { lastModeMaskYear, lastLabourYear, lastDividendYear, lastOwnOutputYear, count } = persons;
  for (let p = 0; p < count; p++) {
    const mask = lastModeMaskYear[p]!;
    // One mode all year: a single bit set.
    if (mask === 0 || (mask & (mask - 1)) !== 0) continue;
    const cell = (31 - Math.clz32(mask)) * SKILL_STRATA + stratum[p]!;
    kept[cell]! += lastLabourYear[p]! + weight * lastDividendYear[p]!;
    keptOther[cell]! += lastLabourYear[p]! + otherWeight * lastDividendYear[p]!;
    output[cell]! += lastOwnOutputYear[p]!;
  }
}

/** Claim 8's shares with commune dividends (weight 1) and without (weight 0), one walk per sample. */
const sharesNow = perSample((s) => retainedSharesAt(s, 1, 0));

type R = ScalarReporter<EconomyState>;

const standardised = 'standardised to the skill mix of the whole population (the ratio within each fifth of skill, weighted by the fifths\' shares of all persons)';

function retained(id: string, label: string, who: string, mode: number): R {
  return {
    id, label, unit: 'share 0-1',
    description: `(labour + commons income) / own output last year, ${who} in that mode all year, ${standardised}`,
    sample: (s) => sharesNow(s).withDividends[mode]!,
  };
}

/** Claim 8's measurements, ids kept from the first (skill 0.9-1.1) definition. */
export function retainedShareReporters(): R[] {
  return [
    retained('retained.employees', 'Retained: employees', 'firm or cooperative employees', MODE_EMPLOYEE),
    retained('retained.cooperativeMembers', 'Retained: cooperative members', 'cooperative member-workers', MODE_MEMBER_WORKER),
    retained('retained.communeProducers', 'Retained: commune producers', 'producers on commune assets (output - rent + commune dividends)', MODE_PRODUCER),
    retained('retained.selfEmployed', 'Retained: self-employed', 'self-employed (above 1 only by commune dividends on a share not yet lapsed)', MODE_SELF_EMPLOYED),
    // Claim 8 on producers' own product (MODEL.md 7 (v3)): the standardised ratio is linear in
    // its numerator, so own product = this + (share of pool rent paid by producers) x (full - this).
    {
      id: 'retained.communeProducersLabourOnly', label: 'Retained without dividends: commune producers', unit: 'share 0-1',
      description: `labour income / own output last year, producers on commune assets in that mode all year, commune dividends left out, ${standardised}`,
      sample: (s) => sharesNow(s).labourOnly[MODE_PRODUCER]!,
    },
  ];
}
