// The Claims panel's results as runs finish: each run's series in its place (scenario,
// replicate), failures named by scenario and replicate as the CLI names them, and each claim
// judged by the CLI's judge (judgePlan) as soon as every run its variants need has finished.
// Each test's bootstrap draws from its own named stream, so a claim judged alone has the
// numbers it has when all are judged together. Pure: Node runs it in tests.
import type { JobResult } from '../../worker/ensemble-job.ts';
import type { ReplicateResult } from '../../cli/replicate-run.ts';
import { judgePlan, type ClaimReport, type FailedRun } from '../../cli/claims-report.ts';
import { claimWindow, type YearWindow } from '../../model/claims/series-window.ts';
import type { PageClaims } from './claims-jobs.ts';

export interface ClaimProgress {
  readonly done: number;
  readonly total: number;
}

export class ClaimsTally {
  readonly window: YearWindow;
  /** Failed runs in the runs' order (the CLI's), whatever order they finished in. */
  readonly failures: FailedRun[] = [];
  private readonly failedAt: number[] = [];
  /** Judged claims by id, filled in as their runs complete. */
  readonly reports = new Map<number, ClaimReport>();
  private readonly results: (ReplicateResult | undefined)[][];
  private readonly finished: number[];
  done = 0;

  /**
   * `set`: 0 for the scenario as given, d for robustness draw d, whose bootstraps draw from the
   * CLI's streams `claims:draw<d>`; window and seed are the given scenario's, as in the CLI.
   */
  constructor(readonly claims: PageClaims, readonly set = 0, window?: YearWindow, private readonly seed: string | number = claims.plan.scenarios[0]!.input.scenario.seed) {
    this.window = window ?? claimWindow(claims.plan.scenarios[0]!.input.scenario.years);
    this.results = claims.plan.scenarios.map(() => claims.keys.map(() => undefined));
    this.finished = claims.plan.scenarios.map(() => 0);
  }

  get total(): number {
    return this.claims.runs.length;
  }

  /** Folds in run `index`'s result; returns the ids of the claims this completes (now judged). */
  add(index: number, result: JobResult): number[] {
    const run = this.claims.runs[index]!;
    if (result.ok && result.measure === 'series') {
      this.results[run.scenario]![run.replicate] = result.result;
    } else {
      let at = this.failedAt.length;
      while (at > 0 && this.failedAt[at - 1]! > index) at--;
      this.failedAt.splice(at, 0, index);
      this.failures.splice(at, 0, { set: this.set, scenario: run.scenarioName, replicateKey: run.replicateKey, message: result.ok ? 'the run returned no series' : result.message });
    }
    this.finished[run.scenario]!++;
    this.done++;
    const judged: number[] = [];
    for (const claimPlan of this.claims.plan.claims) {
      const id = claimPlan.claim.id;
      if (this.reports.has(id) || !this.complete(id)) continue;
      const [report] = judgePlan({ ...this.claims.plan, claims: [claimPlan] }, this.results, this.window, this.seed, this.set === 0 ? 'claims' : `claims:draw${this.set}`);
      this.reports.set(id, report!);
      judged.push(id);
    }
    return judged;
  }

  /** Runs finished of those claim `id`'s variants need. */
  progress(id: number): ClaimProgress {
    const scenarios = this.scenariosOf(id);
    const perScenario = this.claims.keys.length;
    return { done: scenarios.reduce((sum, s) => sum + this.finished[s]!, 0), total: scenarios.length * perScenario };
  }

  complete(id: number): boolean {
    const { done, total } = this.progress(id);
    return done === total;
  }

  /** Every run of this set has finished. */
  get finishedAll(): boolean {
    return this.done === this.total;
  }

  /** Every claim's report in the plan's order (once all are judged). */
  allReports(): ClaimReport[] {
    return this.claims.plan.claims.flatMap((c) => {
      const report = this.reports.get(c.claim.id);
      return report === undefined ? [] : [report];
    });
  }

  private scenariosOf(id: number): number[] {
    const claimPlan = this.claims.plan.claims.find((c) => c.claim.id === id);
    return claimPlan === undefined ? [] : [...new Set(claimPlan.scenarioOf.values())];
  }
}
