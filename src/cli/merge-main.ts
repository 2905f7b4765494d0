// `npm run merge -- DIR... [--out DIR]`: combines the shard files that `sim`, `sweep` or `claims`
// wrote with `--shard i/n` into the files one machine's run of the same command writes. The
// command runs again on its own arguments with the shards' results in place of running, so every
// row and verdict is computed by the same code from the same numbers in the same order.
import { parseArgs } from 'node:util';
import { readShardFiles, type ShardRecord, type ShardedCommand } from './shard-file.ts';
import { assembleShards } from './shards.ts';
import { EXIT_BAD_INPUT, EXIT_OK } from './exit-codes.ts';
import { isEntryModule, runCommand } from './command.ts';
import { MergeMismatch, type MergedRuns } from './sharded-run.ts';

const USAGE = `Usage: npm run merge -- DIR... [--out DIR] [-q]

Combines the shard files (shard-I-of-N.json) that npm run sim, sweep or claims wrote with
--shard I/N, in the given directories (or the files themselves), into the files one machine's
run of the same command writes: the same rows and verdicts, byte for byte. Every shard of the
split must be there once, from the same command line and scenario file (which must still be
where the command line names it, unchanged).

  --out DIR     output directory (default: the command's own default for that command line)
  -q, --quiet   print nothing but errors
  -h, --help    this text

Example (four shards):
  for i in 0 1 2 3; do npm run claims -- scenarios/mixed.yaml --shard $i/4 --out runs/shards; done
  npm run merge -- runs/shards --out runs/claims-merged
`;

type CommandMain = (argv: readonly string[], merged?: MergedRuns) => Promise<number>;

async function commandMain(command: ShardedCommand): Promise<CommandMain> {
  if (command === 'sim') return (await import('./main.ts')).main;
  if (command === 'sweep') return (await import('./sweep-main.ts')).main;
  return (await import('./claims-main.ts')).claimsMain;
}

/** The split's results in run order, after checking the shards belong to one command. */
export function mergeShards(records: readonly ShardRecord[]): { command: ShardedCommand; argv: readonly string[]; merged: MergedRuns } {
  const first = records[0];
  if (first === undefined) throw new Error('no shard files (shard-I-of-N.json) found');
  const same = (r: ShardRecord) => r.command === first.command && r.scenarioSha256 === first.scenarioSha256
    && r.runCount === first.runCount && JSON.stringify(r.argv) === JSON.stringify(first.argv);
  const stranger = records.find((r) => !same(r));
  if (stranger !== undefined) {
    throw new Error(`shard ${stranger.shard.index}/${stranger.shard.count} is from another run `
      + `(${stranger.command} ${stranger.argv.join(' ')}) than shard ${first.shard.index}/${first.shard.count} (${first.command} ${first.argv.join(' ')})`);
  }
  const results = assembleShards(first.runCount, records);
  const startedAt = new Date(Math.min(...records.map((r) => Date.parse(r.startedAt))));
  return {
    command: first.command,
    argv: first.argv,
    merged: { results, commandLine: first.commandLine, startedAt, scenarioSha256: first.scenarioSha256 },
  };
}

export async function mergeMain(argv: readonly string[]): Promise<number> {
  let values;
  let positionals;
  try {
    ({ values, positionals } = parseArgs({
      args: [...argv], allowPositionals: true, strict: true,
      options: { out: { type: 'string' }, quiet: { type: 'boolean', short: 'q' }, help: { type: 'boolean', short: 'h' } },
    }));
  } catch (error) {
    process.stderr.write(`merge: ${(error as Error).message}\nRun with --help for the options.\n`);
    return EXIT_BAD_INPUT;
  }
  if (values.help === true) {
    process.stdout.write(USAGE);
    return EXIT_OK;
  }
  if (positionals.length === 0) {
    process.stderr.write('merge: give the directories (or files) the shards wrote\nRun with --help for the options.\n');
    return EXIT_BAD_INPUT;
  }
  let plan;
  try {
    plan = mergeShards(readShardFiles(positionals));
  } catch (error) {
    process.stderr.write(`merge: ${(error as Error).message}\n`);
    return EXIT_BAD_INPUT;
  }
  const main = await commandMain(plan.command);
  const extra = [...(values.out === undefined ? [] : ['--out', values.out]), ...(values.quiet === true ? ['--quiet'] : [])];
  try {
    return await main([...plan.argv, ...extra], plan.merged);
  } catch (error) {
    if (!(error instanceof MergeMismatch)) throw error;
    process.stderr.write(`merge: ${error.message}\n`);
    return EXIT_BAD_INPUT;
  }
}

if (isEntryModule(import.meta.url)) runCommand('merge', mergeMain);
