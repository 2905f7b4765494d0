/** Background threads for V8 on a machine with `cores` cores, for a command running `workers` worker threads (bin/pool-size.mjs). */
export declare function poolSize(cores: number, workers?: number): number;
/** The worker threads a command will start, from its entry point and arguments (bin/pool-size.mjs). */
export declare function workerThreadsOf(entry: string, args: readonly string[], cores: number): number;
