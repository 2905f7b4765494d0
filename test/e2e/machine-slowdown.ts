// How loaded the machine is, for the browser tests' waits and time limits (browser-session.ts
// measures the page itself too). Apart from browser-session.ts so the vitest config can read it.
import { cpus, loadavg } from 'node:os';

/**
 * How many times slower than a quiet machine CPU work runs here now, at least 1: the runnable
 * processes per core over the last minute (a machine with 15 of them on 2 cores gives each
 * about 2/15 of a core). Cheap, but a minute late; browser-session.ts's `slowdown` also measures the page.
 */
export function machineSlowdown(): number {
  return Math.max(1, loadavg()[0]! / cpus().length);
}

