// Robustness in the Claims panel (MODEL.md 7 (v3), the CLI's --robustness N): the claims'
// runs for the scenario as given and for each of N parameter sets drawn by Latin hypercube from
// its uncertainty block (stream "latin-hypercube" of the seed's "robustness" streams, as the
// CLI draws them), every set under the same replicate keys; each set judged by the CLI's judge
// and, once all are in, each claim's share of verdicts across draws, its label (robust or
// fragile) and the parameter that moves it most (robustnessOf). Pure: Node runs it in tests.
import type { ClaimDefinition } from '../../model/claims/claim.ts';
import { drawParameterSets, robustnessOf, type ClaimRobustness, type ParameterDraw, type UncertainParameter } from '../../model/claims/robustness.ts';
import { RandomStreams } from '../../model/random.ts';
import type { FailedRun } from '../../cli/claims-report.ts';
import type { EnsembleJob, JobResult } from '../../worker/ensemble-job.ts';
import { pageClaims, readPageScenario, type JobOverrides, type PageClaims } from './claims-jobs.ts';
import { ClaimsTally } from './claims-tally.ts';

export interface PageClaimsSets {
  readonly given: PageClaims;
  readonly uncertainty: readonly UncertainParameter[];
  /** Every draw, and those whose parameters make a valid scenario (these run). */
  readonly draws: readonly ParameterDraw[];
  readonly judgedDraws: readonly ParameterDraw[];
  readonly drawClaims: readonly PageClaims[];
  /** Draws whose parameters the scenario refuses, as the CLI reports them. */
  readonly invalid: readonly FailedRun[];
  /** Every job: the given set's, then each valid draw's. */
  readonly jobs: readonly EnsembleJob[];
}

/** The scenario's uncertainty block (economies only). */
export function uncertaintyOf(text: string, overrides: JobOverrides): readonly UncertainParameter[] {
  const base = readPageScenario(text, overrides);
  return 'problem' in base || base.scenario.kind !== 'economy' ? [] : base.scenario.uncertainty;
}

export function pageClaimsSets(
  text: string, overrides: JobOverrides, claims: readonly ClaimDefinition[], reporterIds: readonly string[], replicates: number, drawCount: number,
): PageClaimsSets | { readonly problem: string } {
  const given = pageClaims(text, overrides, claims, reporterIds, replicates);
  if ('problem' in given) return given;
  const scenario = given.plan.scenarios[0]!.input.scenario;
  const uncertainty = drawCount > 0 && scenario.kind === 'economy' ? scenario.uncertainty : [];
  const draws = drawParameterSets(uncertainty, uncertainty.length === 0 ? 0 : drawCount, new RandomStreams(scenario.seed, 'robustness').get('latin-hypercube'));
  const judgedDraws: ParameterDraw[] = [];
  const drawClaims: PageClaims[] = [];
  const invalid: FailedRun[] = [];
  for (const draw of draws) {
    const planned = pageClaims(text, { ...overrides, ...draw.overrides }, claims, reporterIds, replicates);
    if ('problem' in planned) {
      invalid.push({ set: draw.index + 1, scenario: 'base', replicateKey: '*', message: `the drawn parameters make an invalid scenario: ${planned.problem}` });
      continue;
    }
    judgedDraws.push(draw);
    drawClaims.push(planned);
  }
  return { given, uncertainty, draws, judgedDraws, drawClaims, invalid, jobs: [given, ...drawClaims].flatMap((c) => c.jobs) };
}

/** The tallies of every set, fed by the index of a job in `PageClaimsSets.jobs`. */
export class SetsTally {
  readonly given: ClaimsTally;
  readonly draws: readonly ClaimsTally[];
  private readonly starts: number[] = [];

  constructor(readonly sets: PageClaimsSets) {
    this.given = new ClaimsTally(sets.given);
    this.draws = sets.drawClaims.map((c, i) => new ClaimsTally(c, sets.judgedDraws[i]!.index + 1, this.given.window, sets.given.plan.scenarios[0]!.input.scenario.seed));
    let start = 0;
    for (const tally of [this.given, ...this.draws]) {
      this.starts.push(start);
      start += tally.total;
    }
  }

  get total(): number {
    return this.sets.jobs.length;
  }

  get done(): number {
    return [this.given, ...this.draws].reduce((sum, t) => sum + t.done, 0);
  }

  /** Folds in job `index`; returns the ids of the as-given claims this completes. */
  add(index: number, result: JobResult): number[] {
    let set = this.starts.length - 1;
    while (this.starts[set]! > index) set--;
    const tally = set === 0 ? this.given : this.draws[set - 1]!;
    const judged = tally.add(index - this.starts[set]!, result);
    return set === 0 ? judged : [];
  }

  /** Failed runs (and refused draws) by set, each set in the order of its runs: the CLI's order. */
  get failures(): FailedRun[] {
    return [...this.given.failures, ...[...this.sets.invalid, ...this.draws.flatMap((t) => t.failures)].sort((a, b) => a.set - b.set)];
  }

  /** Each claim's robustness across the draws, once every set is judged; undefined without draws or before. */
  robustness(): ClaimRobustness[] | undefined {
    if (this.draws.length === 0 || ![this.given, ...this.draws].every((t) => t.finishedAll)) return undefined;
    // As the CLI: a draw with a failed run whose claim then has no verdict is left out, and so are draws that never ran.
    const failures = this.failures;
    const runsFailed = this.sets.judgedDraws.map((d) => failures.some((f) => f.set === d.index + 1 && f.replicateKey !== '*'));
    return robustnessOf(this.given.allReports(), this.draws.map((t) => t.allReports()), this.sets.uncertainty, this.sets.judgedDraws,
      runsFailed, this.sets.draws.length - this.sets.judgedDraws.length);
  }
}
