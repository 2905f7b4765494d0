// The engine fuzz (issue 16 item 3, issue 14's random-parameter test): random economy scenarios
// across the schema's ranges, short runs, money conserved after every phase and every table
// invariant after every month, no crash, no hang. Its size is the one setting every fuzz reads
// (fuzz-size.ts): a few hundred cases in `npm test`; `FUZZ=full` (`npm run test:fuzz`) runs
// 10,000; `FUZZ=<n>` runs n (.ci/run uses it). FUZZ_SEED replays another draw.
import { describe, expect, it } from 'vitest';
import { engineFuzz } from './engine-fuzz.ts';
import { fuzzCases, fuzzSeed } from './fuzz-size.ts';

/** Cases in the everyday suite: 15-30 s on a loaded two-core machine (measured: see the README). */
const QUICK_CASES = 300;
const cases = fuzzCases(QUICK_CASES);
const seed = fuzzSeed(20_261_205);
/** A case running longer than this is a hang: the slowest clean case takes well under a second. */
const CAP_MS = 10_000;

describe('engine fuzz', () => {
  it(`runs ${cases} random scenarios with money conserved, every invariant holding, no crash and no hang`, async () => {
    const started = performance.now();
    const tally = await engineFuzz({ numRuns: cases, seed, capMs: CAP_MS, endOnFailure: cases > QUICK_CASES });
    const seconds = (performance.now() - started) / 1000;
    if (process.env.FUZZ !== undefined) {
      console.log(`engine fuzz: ${tally.cases} cases (${tally.ran} ran, ${tally.refused} refused with a MoneyRangeError), ${tally.months} months, `
        + `${seconds.toFixed(1)} s (${((1000 * seconds) / tally.cases).toFixed(1)} ms a case), slowest ${tally.slowestMs.toFixed(0)} ms; by preset ${JSON.stringify(tally.byPreset)}`);
    }
    expect(tally.cases).toBe(cases);
    // The draw reaches every economy preset and most cases run (a refusal is a clean stop, but a
    // fuzz that only produced refusals would test nothing).
    if (cases >= 100) {
      expect(Object.keys(tally.byPreset).length).toBeGreaterThanOrEqual(5);
      expect(tally.ran).toBeGreaterThan(cases / 2);
    }
  }, 3_600_000);
});
