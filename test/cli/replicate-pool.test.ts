// The replicate pool: workers on the bundled engine give the main thread's numbers bit for bit,
// on an economy (organisations included), and take runs from one queue.
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { runReplicates } from '../../src/cli/replicate-pool.ts';
import { replicateWorkerBundle, sourceHash } from '../../src/cli/engine-bundle.ts';
import { readScenarioInput } from '../../src/cli/scenario-input.ts';
import { replicateKeys, type ReplicateResult } from '../../src/cli/replicate-run.ts';

const MIXED = fileURLToPath(new URL('../../scenarios/mixed.yaml', import.meta.url));

function requestsFor(replicates: number) {
  const input = readScenarioInput(MIXED, { 'persons.count': 400, years: 6, recordEveryMonths: 3 }, {});
  return replicateKeys(replicates).map((replicateKey) => ({
    scenario: input.scenario, scenarioData: input.data, replicateKey, checkConservation: false,
  }));
}

/** Every number a replicate reports, as bytes, so -0, NaN payloads and last bits all count. */
function bytesOf(result: ReplicateResult): string {
  const parts: ArrayBufferView[] = [result.ticks, ...result.columns];
  const o = result.organisations;
  if (o !== undefined) parts.push(o.kind, o.line, o.foundedTick, o.endedTick, o.exit, o.sizeAtOneYear);
  return parts.map((view) => Buffer.from(view.buffer, view.byteOffset, view.byteLength).toString('base64')).join('|');
}

describe('replicate pool', () => {
  it('runs workers on a bundled module named by the sources it was built from', async () => {
    const bundle = await replicateWorkerBundle();
    expect(bundle.pathname).toMatch(new RegExp(`replicate-worker-${sourceHash()}\\.mjs$`));
  });

  it('gives the main thread\'s results bit for bit on two workers, in the order asked', async () => {
    const requests = requestsFor(5);
    const [main, pooled] = [await runReplicates(requests, 0), await runReplicates(requests, 2)];
    expect(pooled.map((r) => r.replicateKey)).toEqual(['r1', 'r2', 'r3', 'r4', 'r5']);
    expect(main.every((r) => r.organisations !== undefined && r.organisations.kind.length > 0)).toBe(true);
    expect(pooled.map(bytesOf)).toEqual(main.map(bytesOf));
    // Replicates differ from each other, so equality above is not of identical runs.
    expect(new Set(main.map(bytesOf)).size).toBe(5);
    // Each worker run carries its thread's own CPU time where Linux tells it (the claims
    // estimate's warm-up test): spent, and no more than the run's wall time.
    if (process.platform === 'linux') {
      for (const r of pooled) {
        expect(r.cpuMs).toBeGreaterThan(0);
        expect(r.cpuMs!).toBeLessThanOrEqual(r.wallMs + 20);
      }
    }
    // Both workers took runs from the queue; none ran on the main thread.
    const threads = new Set(pooled.map((r) => r.threadId));
    expect(threads.size).toBe(2);
    expect(threads.has(0)).toBe(false);
  }, 120_000);
});
