// The calling thread's own CPU time, for the claims command's time estimate: a worker's first
// runs are slow both because V8 has not yet optimised the engine (more CPU per run) and because
// other work shares the cores (more wall time per CPU second), and only the thread's CPU time
// tells the two apart. Node 20 has no per-thread CPU clock (process.cpuUsage sums every thread),
// so it is read from Linux's /proc/thread-self/schedstat: nanoseconds on a CPU, then nanoseconds
// waiting for one. Undefined elsewhere (the estimate then works from wall time alone).
import { readFileSync } from 'node:fs';

export function threadCpuMs(): number | undefined {
  try {
    const onCpu = Number(readFileSync('/proc/thread-self/schedstat', 'utf8').split(' ')[0]);
    return Number.isFinite(onCpu) ? onCpu / 1e6 : undefined;
  } catch {
    return undefined;
  }
}
