// The three ways a command gets its runs' results: run them all here, run one shard of them and
// write it for the merge, or take them from the merged shards. Commands plan their run list the
// same way in all three, so a merge computes its files from the same runs in the same order as
// a single machine would.
import { relative } from 'node:path';
import { runReplicates, type PoolProgress, type RunFailure } from './replicate-pool.ts';
import type { ReplicateRequest, ReplicateResult } from './replicate-run.ts';
import type { RunOutput } from './run-output.ts';
import { shardFileName, shardJson, type ShardedCommand } from './shard-file.ts';
import { shardPositions, withoutShardFlags, type Shard } from './shards.ts';

/** Results handed to a command by `npm run merge` instead of running them. */
export interface MergedRuns {
  readonly results: readonly (ReplicateResult | RunFailure)[];
  /** The command line of the split (without --shard and --out) and when its first shard started. */
  readonly commandLine: readonly string[];
  readonly startedAt: Date;
  readonly scenarioSha256: string;
}

export class MergeMismatch extends Error {
  override name = 'MergeMismatch';
}

/** The command line provenance records: the program and its arguments, less --shard and --out. */
export function commandLineOf(defaultEntry: string, argv: readonly string[], sharded: boolean): string[] {
  return [relative(process.cwd(), process.argv[1] ?? defaultEntry), ...(sharded ? withoutShardFlags(argv) : argv)];
}

/** Runs shard `shard` of `requests` and writes its file into `output` (committed); returns the file's name. */
export async function runShard(
  output: RunOutput, command: ShardedCommand, argv: readonly string[], entry: string, scenarioSha256: string,
  requests: readonly ReplicateRequest[], shard: Shard, threads: number, onProgress?: PoolProgress,
  run: (requests: readonly ReplicateRequest[], threads: number, onProgress?: PoolProgress) => Promise<readonly (ReplicateResult | RunFailure)[]> = runReplicates,
): Promise<string> {
  const startedAt = new Date().toISOString();
  const positions = shardPositions(requests.length, shard);
  const results = await run(positions.map((p) => requests[p]!), Math.min(threads, positions.length), onProgress);
  const name = shardFileName(shard);
  output.write(name, shardJson({
    command, argv: withoutShardFlags(argv), commandLine: commandLineOf(entry, argv, true), scenarioSha256, startedAt,
    shard, runCount: requests.length, positions, results,
  }));
  output.commit();
  return name;
}

/** The merged results, checked against the runs this command plans (same count, same replicate keys, same file). */
export function checkedMerge(merged: MergedRuns, requests: readonly ReplicateRequest[], scenarioSha256: string): readonly ReplicateResult[] {
  const results = checkedMergeSettled(merged, requests, scenarioSha256);
  const failure = results.find((r): r is RunFailure => 'failed' in r);
  if (failure !== undefined) throw new MergeMismatch(`replicate ${failure.replicateKey ?? 'base'} failed in its shard: ${failure.message}`);
  return results as readonly ReplicateResult[];
}

/** As checkedMerge, failed runs included (claims judge without them). */
export function checkedMergeSettled(
  merged: MergedRuns, requests: readonly ReplicateRequest[], scenarioSha256: string,
): readonly (ReplicateResult | RunFailure)[] {
  if (merged.scenarioSha256 !== scenarioSha256) {
    throw new MergeMismatch('the scenario file has changed since the shards ran (its SHA-256 differs); run the shards again');
  }
  if (merged.results.length !== requests.length) {
    throw new MergeMismatch(`the shards hold ${merged.results.length} runs; the command plans ${requests.length}`);
  }
  requests.forEach((request, p) => {
    if (merged.results[p]!.replicateKey !== request.replicateKey) throw new MergeMismatch(`run ${p} of the shards is not replicate ${request.replicateKey ?? 'base'}`);
  });
  return merged.results;
}
