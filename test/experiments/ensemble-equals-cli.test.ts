// A page ensemble's job (what each browser worker runs) gives the CLI's replicate pool's numbers
// bit for bit, replicate key by replicate key: same scenario text, same overrides, same keys.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { runJob } from '../../src/worker/ensemble-job.ts';
import { runReplicates } from '../../src/cli/replicate-pool.ts';
import { readScenarioInput } from '../../src/cli/scenario-input.ts';
import { replicateKeys } from '../../src/cli/replicate-run.ts';
import { seriesJobs } from '../../src/ui/experiments/experiment-plan.ts';

const MIXED = fileURLToPath(new URL('../../scenarios/mixed.yaml', import.meta.url));
const OVERRIDES = { 'persons.count': 300, years: 5, 'communes.initialCount': 0, 'communes.foundingRatePerYear': 0 };

describe('a page ensemble and the CLI', () => {
  it('give the same final values for the same seed and replicate keys', async () => {
    const input = readScenarioInput(MIXED, OVERRIDES, {});
    const cli = await runReplicates(replicateKeys(3).map((replicateKey) => ({
      scenario: input.scenario, scenarioData: input.data, replicateKey, checkConservation: false,
    })), 0);
    const page = seriesJobs(readFileSync(MIXED, 'utf8'), OVERRIDES, 3).map((job) => runJob(job));
    page.forEach((result, k) => {
      if (!result.ok || result.measure !== 'series') throw new Error(result.ok ? 'wrong measure' : result.message);
      expect(result.replicateKey).toBe(cli[k]!.replicateKey);
      expect(result.result.reporters.map((r) => r.id)).toEqual(cli[k]!.reporters.map((r) => r.id));
      result.result.columns.forEach((column, j) => {
        expect(Object.is(column[column.length - 1], cli[k]!.columns[j]![column.length - 1])).toBe(true);
      });
      expect(Array.from(result.result.columns[0]!)).toEqual(Array.from(cli[k]!.columns[0]!));
    });
    // Replicates differ, so the equality above is not of one run three times.
    expect(new Set(cli.map((r) => r.columns.map((c) => c[c.length - 1]).join())).size).toBe(3);
  });
});
