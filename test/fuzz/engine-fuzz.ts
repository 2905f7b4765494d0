// The engine fuzz driver: fast-check draws cases (engine-scenarios.ts), a worker thread runs
// each under a time cap (engine-case-worker.ts), and anything but a clean run or a clean
// refusal fails the property with the scenario that did it, shrunk, as JSON to re-run.
import type { Worker } from 'node:worker_threads';
import fc from 'fast-check';
import { startWorker } from '../../src/cli/typescript-worker.ts';
import { engineCase, type EngineCase } from './engine-scenarios.ts';
import type { EngineCaseOutcome } from './engine-case.ts';

export type CaseResult = EngineCaseOutcome | { readonly kind: 'hang'; readonly capMs: number };

/** Runs cases one at a time in a worker; a case past its cap ends the worker and a new one starts. */
export class CappedCaseRunner {
  private worker: Worker | undefined;
  private nextId = 0;

  async run(raw: unknown, capMs: number): Promise<CaseResult> {
    const worker = this.worker ??= startWorker(new URL('./engine-case-worker.ts', import.meta.url));
    const id = this.nextId++;
    return new Promise<CaseResult>((resolve, reject) => {
      const done = () => {
        clearTimeout(timer);
        worker.off('message', onMessage);
        worker.off('error', onError);
      };
      const onMessage = (message: { id: number; outcome: EngineCaseOutcome }) => {
        if (message.id !== id) return;
        done();
        resolve(message.outcome);
      };
      const onError = (error: Error) => {
        done();
        this.worker = undefined;
        reject(error);
      };
      // The cap counts from the post, so a worker's start (compiling the engine) is not a hang.
      const timer = setTimeout(() => {
        done();
        this.worker = undefined;
        void worker.terminate();
        resolve({ kind: 'hang', capMs });
      }, capMs + (this.nextId === 1 ? 30_000 : 0));
      worker.on('message', onMessage);
      worker.on('error', onError);
      worker.postMessage({ id, raw });
    });
  }

  async close(): Promise<void> {
    await this.worker?.terminate();
    this.worker = undefined;
  }
}

export interface FuzzTally {
  cases: number;
  ran: number;
  refused: number;
  /** Months simulated over all cases. */
  months: number;
  slowestMs: number;
  /** Per preset, how many cases started from it. */
  byPreset: Record<string, number>;
}

export interface EngineFuzzOptions {
  readonly numRuns: number;
  readonly seed: number;
  /** A case running longer than this is a hang. */
  readonly capMs: number;
  /** Stop at the first failure without shrinking (hangs shrink slowly: each try waits the cap). */
  readonly endOnFailure?: boolean;
  /** Called after each case (progress, logs). */
  readonly onCase?: (preset: string, result: CaseResult) => void;
}

/** Runs the engine fuzz; throws (fast-check's report, shrunk case included) on a crash, hang or invalid case. */
export async function engineFuzz(options: EngineFuzzOptions): Promise<FuzzTally> {
  const runner = new CappedCaseRunner();
  const tally: FuzzTally = { cases: 0, ran: 0, refused: 0, months: 0, slowestMs: 0, byPreset: {} };
  try {
    await fc.assert(
      fc.asyncProperty(engineCase, async ({ preset, raw }: EngineCase) => {
        const result = await runner.run(raw, options.capMs);
        options.onCase?.(preset, result);
        // The case as a scenario file to re-run (a crash reproduces with npm run sim -- FILE --check;
        // an invariant needs runEngineCase, engine-case.ts): fast-check's
        // own print of the counterexample is not JSON (it writes __proto__:null into objects).
        const replay = `\nthe case as a scenario file: ${JSON.stringify(raw)}`;
        if (result.kind === 'hang') throw new Error(`hang: no end within ${result.capMs} ms (preset ${preset})${replay}`);
        if (result.kind === 'invalid') throw new Error(`the generator made an invalid scenario (preset ${preset}):\n${result.message}${replay}`);
        if (result.kind === 'crash') throw new Error(`crash after ${result.months} months (preset ${preset}): ${result.message}${replay}`);
        tally.cases++;
        tally.byPreset[preset] = (tally.byPreset[preset] ?? 0) + 1;
        tally.months += result.months;
        if (result.kind === 'refused') tally.refused++;
        else {
          tally.ran++;
          tally.slowestMs = Math.max(tally.slowestMs, result.ms);
        }
      }),
      { numRuns: options.numRuns, seed: options.seed, endOnFailure: options.endOnFailure ?? false },
    );
  } finally {
    await runner.close();
  }
  return tally;
}
