// Splitting a command's runs across machines (`--shard i/n`) and putting the pieces back
// (`npm run merge`). The split is a plain function of the run list: run p goes to shard
// p mod n, so shards are independent (none needs another's output), reproducible (the same
// command gives the same split) and balanced even when run costs differ by scenario (claims
// and sweeps list their runs scenario by scenario).
export interface Shard {
  /** 0-based: shard i of n runs positions i, i + n, i + 2n, ... */
  readonly index: number;
  readonly count: number;
}

/** The most shards a command is split into (a job array's usual ceiling). */
export const MAX_SHARDS = 10_000;

/**
 * `i/n` (0 <= i < n), as a Slurm array's task id and count or an Indexed Job's completion index
 * give it; a malformed one is an Error whose message says what is allowed.
 */
export function parseShard(text: string): Shard {
  const match = /^\s*(\d+)\s*\/\s*(\d+)\s*$/.exec(text);
  const index = Number(match?.[1]);
  const count = Number(match?.[2]);
  if (match === null || !Number.isSafeInteger(index) || !Number.isSafeInteger(count) || count < 1 || count > MAX_SHARDS || index >= count) {
    throw new Error(`got "${text}"; allowed: i/n with n from 1 to ${MAX_SHARDS} and i from 0 to n-1 (e.g. --shard 0/4)`);
  }
  return { index, count };
}

/** Positions in a list of `runCount` runs that `shard` runs, in increasing order. */
export function shardPositions(runCount: number, shard: Shard): number[] {
  const positions: number[] = [];
  for (let p = shard.index; p < runCount; p += shard.count) positions.push(p);
  return positions;
}

/**
 * The runs back in the order of the whole list, from every shard's positions and results.
 * Fails unless the shards are exactly 0..n-1 of one split and cover every position once.
 */
export function assembleShards<T>(
  runCount: number, pieces: readonly { readonly shard: Shard; readonly positions: readonly number[]; readonly results: readonly T[] }[],
): T[] {
  const count = pieces[0]?.shard.count;
  if (count === undefined) throw new Error('no shards to merge');
  const seen = new Set<number>();
  for (const { shard, positions, results } of pieces) {
    if (shard.count !== count) throw new Error(`shard ${shard.index}/${shard.count} belongs to a split into ${shard.count}, not ${count}`);
    if (seen.has(shard.index)) throw new Error(`shard ${shard.index}/${count} is given twice`);
    seen.add(shard.index);
    const expected = shardPositions(runCount, shard);
    if (positions.length !== expected.length || positions.some((p, i) => p !== expected[i]) || results.length !== positions.length) {
      throw new Error(`shard ${shard.index}/${count} does not hold the runs its split gives it`);
    }
  }
  const missing = Array.from({ length: count }, (_, i) => i).filter((i) => !seen.has(i));
  if (missing.length > 0) throw new Error(`shards missing: ${missing.map((i) => `${i}/${count}`).join(', ')}`);
  const all: (T | undefined)[] = new Array(runCount);
  for (const { positions, results } of pieces) positions.forEach((p, i) => { all[p] = results[i]; });
  return all as T[];
}

/**
 * `argv` without the flags that may differ between the shards of one command without changing
 * a result: where each writes (`--out`), which shard it is (`--shard`), its threads (`--workers`)
 * and its chatter (`-q`).
 */
export function withoutShardFlags(argv: readonly string[]): string[] {
  const withValue = ['--shard', '--out', '--workers'];
  const alone = ['-q', '--quiet'];
  const kept: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--') {
      kept.push(...argv.slice(i));
      break;
    }
    if (withValue.includes(arg)) i++;
    else if (!alone.includes(arg) && !withValue.some((flag) => arg.startsWith(`${flag}=`))) kept.push(arg);
  }
  return kept;
}
