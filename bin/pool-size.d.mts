/** Background threads for V8 on a machine with `cores` cores (bin/pool-size.mjs). */
export declare function poolSize(cores: number): number;
