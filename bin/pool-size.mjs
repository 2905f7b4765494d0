// The size of V8's background thread pool that bin/launch.mjs gives a command (why: launch.mjs):
// one thread fewer than the machine's cores, or one per worker thread when the command runs
// more workers than that; at least one and at most Node's default of four.

/** Background threads for V8 on a machine with `cores` cores, for a command running `workers` worker threads. */
export function poolSize(cores, workers = 0) {
  return Math.max(1, Math.min(4, Math.max(cores - 1, workers)));
}

/** The commands that run replicates on worker threads, and whether they always do. */
const POOL_COMMANDS = {
  'src/cli/main.ts': 'with --replicates',
  'src/cli/sweep-main.ts': 'always',
  'src/cli/claims-main.ts': 'always',
  'src/cli/facts-main.ts': 'always',
};

/**
 * The worker threads a command will start, read from its entry point and arguments as its
 * pool does (`--workers`, else one per core; 0 when it runs on the main thread). Runs fewer
 * than the cores are not counted here: that is the pool's business, and one thread too many
 * costs little.
 */
export function workerThreadsOf(entry, args, cores) {
  const when = Object.entries(POOL_COMMANDS).find(([path]) => entry.replaceAll('\\', '/').endsWith(path))?.[1];
  if (when === undefined) return 0;
  if (when === 'with --replicates' && !args.some((arg) => arg === '--replicates' || arg.startsWith('--replicates='))) return 0;
  const at = args.findIndex((arg) => arg === '--workers' || arg.startsWith('--workers='));
  if (at < 0) return cores;
  const given = Number(args[at].startsWith('--workers=') ? args[at].slice('--workers='.length) : args[at + 1]);
  return Number.isInteger(given) && given >= 0 ? given : cores;
}
