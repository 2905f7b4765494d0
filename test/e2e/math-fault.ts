// A fault injected into a page's worker from outside, through Playwright's handle on it, so the
// page carries no test hook (worker-faults.e2e.ts, whatif-snapshot-faults.e2e.ts).
import type { Worker } from 'playwright-core';

/**
 * The 200th call of a Math function in `worker` from now does `fault`: inside the month (or the
 * replicate) it is running. A hung worker never returns, never beats and never answers a ping,
 * as one the browser has closed.
 */
export async function injectMathFault(worker: Worker, fault: 'throw' | 'hang'): Promise<void> {
  await worker.evaluate((kind) => {
    const math = Math as unknown as Record<string, (...args: number[]) => number>;
    let calls = 0;
    for (const name of ['floor', 'log', 'sqrt', 'exp', 'round', 'ceil', 'abs', 'min', 'max', 'pow']) {
      const real = math[name]!;
      math[name] = (...args: number[]) => {
        if (++calls === 200) {
          if (kind === 'throw') throw new Error('fault injected by the test');
          for (;;) { /* hung */ }
        }
        return real(...args);
      };
    }
  }, fault);
}
