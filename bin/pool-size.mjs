// The size of V8's background thread pool that bin/launch.mjs gives a command: one thread fewer
// than the machine's cores, at least one and at most Node's default of four (why: launch.mjs).

/** Background threads for V8 on a machine with `cores` cores. */
export function poolSize(cores) {
  return Math.max(1, Math.min(4, cores - 1));
}
