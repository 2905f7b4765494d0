// MODEL.md 7: the shape of a claim as data. A claim names the manifesto sentence it tests,
// the numbers it measures in one run (each needing some reporters), the scenario variants it
// compares (override sets), and the tests that turn paired measurements into its verdict.
import type { RunSeries, YearWindow } from './series-window.ts';

/** One number measured in one run of one scenario. */
export interface ClaimMeasurement {
  readonly id: string;
  readonly label: string;
  readonly unit: string;
  /** Reporter ids the run must have. */
  readonly needs: readonly string[];
  measure(run: RunSeries, window: YearWindow): number;
}

/** A scenario a claim compares: the base scenario with these overrides (dotted paths). */
export interface ClaimVariant {
  readonly name: string;
  readonly label: string;
  /** The overrides, given a reader of the base scenario's resolved parameters. */
  overrides(base: (path: string) => unknown): Readonly<Record<string, unknown>>;
  /**
   * The comparison means nothing when the variant is the base scenario itself (communes
   * switched off in a scenario without communes).
   */
  readonly mustDifferFromBase?: boolean;
}

/** The base scenario as given, with no overrides. */
export const BASE = 'base';

export type VariantValue = (variant: string, measurement: string) => number;

/**
 * What a test is (MODEL.md 7 (v3)): `evidence` depends on behaviour and decides the claim;
 * `by-design` follows from the rules' arithmetic and is shown as a check of the rules, apart;
 * `repeat` is an evidence test rerun under another variant, shown beside the verdict.
 */
export type TestRole = 'evidence' | 'by-design' | 'repeat';

/** One condition of a claim: an effect per replicate, judged by MODEL.md 7's verdict rule. */
export interface ClaimTest {
  readonly id: string;
  /** What the effect is, in words (shown beside the verdict). */
  readonly label: string;
  readonly unit: string;
  /** +1: the claim says the effect is above `reference`; -1: below. */
  readonly direction: 1 | -1;
  readonly delta: number;
  /** What the effect is compared with: 0 for a difference, 0.8 for "at least 80%". */
  readonly reference: number;
  /** The effect is 1 or 0 per replicate (an event happened or not): exact binomial interval. */
  readonly binary: boolean;
  readonly role: TestRole;
  /** Why a by-design test holds by construction (shown with it); evidence tests leave it out. */
  readonly byDesignBecause?: string;
  /** The (variant, measurement) pairs the effect reads. */
  readonly uses: readonly { readonly variant: string; readonly measurement: string }[];
  effect(value: VariantValue): number;
}

export interface ClaimDefinition {
  readonly id: number;
  /** The claim as MODEL.md 7 states it, quoted exactly. */
  readonly sentence: string;
  /** How MODEL.md 7 turns it into a measurement. */
  readonly measures: string;
  readonly variants: readonly ClaimVariant[];
  readonly measurements: readonly ClaimMeasurement[];
  readonly tests: readonly ClaimTest[];
}
