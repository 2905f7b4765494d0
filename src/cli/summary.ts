// summary.json: provenance, the reporters, and sections of measurements computed from the
// run's metrics. A section is a function from the metrics to named measurements, so the
// claims of MODEL.md section 7 become one more section without changing the others.
import type { Provenance } from './provenance.ts';
import type { ReplicateResult, ReporterInfo } from './replicate-run.ts';
import { acrossReplicates, type AcrossReplicates } from './replicate-statistics.ts';

export const SUMMARY_FORMAT = 'commons-ledger-summary/1';

/** How a replicate is named in outputs: its key, or `base` for the plain run of a seed. */
export function replicateLabel(key: string | undefined): string {
  return key ?? 'base';
}

/** What sections read: every replicate's sampled series by reporter id. */
export class RunMetrics {
  readonly reporters: readonly ReporterInfo[];
  readonly replicates: readonly ReplicateResult[];

  constructor(replicates: readonly ReplicateResult[]) {
    const first = replicates[0];
    if (first === undefined) throw new Error('a run has at least one replicate');
    this.replicates = replicates;
    this.reporters = first.reporters;
  }

  get labels(): string[] {
    return this.replicates.map((r) => replicateLabel(r.replicateKey));
  }

  column(replicate: number, id: string): Float64Array {
    const result = this.replicates[replicate];
    const index = result?.reporters.findIndex((r) => r.id === id) ?? -1;
    if (result === undefined || index < 0) throw new Error(`no series ${id} in replicate ${replicate}`);
    return result.columns[index]!;
  }

  /** Value of reporter `id` at the last sampled month of each replicate. */
  finalValues(id: string): number[] {
    return this.replicates.map((_, i) => {
      const column = this.column(i, id);
      return column.length === 0 ? Number.NaN : column[column.length - 1]!;
    });
  }
}

/** One number measured in every replicate, with its spread across them. */
export interface Measurement {
  readonly id: string;
  readonly label: string;
  readonly unit: string;
  readonly description: string;
  /** Replicate label -> value (null where the value is not a finite number). */
  readonly perReplicate: Readonly<Record<string, number | null>>;
  readonly acrossReplicates: AcrossReplicates;
  /** One line shown beside the value in the stdout table (a claim's verdict, say). */
  readonly note?: string;
  /** Anything more a section records about the measurement (summary.json only). */
  readonly detail?: Readonly<Record<string, unknown>>;
}

export function measurement(info: ReporterInfo, labels: readonly string[], values: readonly number[]): Measurement {
  const perReplicate: Record<string, number | null> = {};
  labels.forEach((label, i) => {
    const v = values[i]!;
    perReplicate[label] = Number.isFinite(v) ? v : null;
  });
  return { ...info, perReplicate, acrossReplicates: acrossReplicates(values) };
}

export interface SummarySection {
  /** Key of the section in summary.json (`final`, later `claims`). */
  readonly key: string;
  build(metrics: RunMetrics): readonly Measurement[];
}

/** Every reporter's value at the end of the run. */
export const finalValuesSection: SummarySection = {
  key: 'final',
  build: (metrics) => metrics.reporters.map((info) => measurement(info, metrics.labels, metrics.finalValues(info.id))),
};

export const DEFAULT_SECTIONS: readonly SummarySection[] = [finalValuesSection];

export interface Summary {
  readonly format: string;
  readonly provenance: Provenance;
  readonly reporters: readonly ReporterInfo[];
  readonly replicates: readonly {
    readonly replicate: string;
    readonly agentCount: number;
    readonly months: number;
    readonly wallSeconds: number;
    /** 0: the main thread; otherwise the worker thread that ran it. */
    readonly threadId: number;
  }[];
  readonly sections: Readonly<Record<string, readonly Measurement[]>>;
}

export function buildSummary(
  provenance: Provenance, metrics: RunMetrics, sections: readonly SummarySection[] = DEFAULT_SECTIONS,
): Summary {
  return {
    format: SUMMARY_FORMAT,
    provenance,
    reporters: metrics.reporters,
    replicates: metrics.replicates.map((r) => ({
      replicate: replicateLabel(r.replicateKey),
      agentCount: r.agentCount,
      months: r.totalTicks,
      wallSeconds: Math.round(r.wallMs) / 1000,
      threadId: r.threadId,
    })),
    sections: Object.fromEntries(sections.map((section) => [section.key, section.build(metrics)])),
  };
}
