import { describe, expect, it } from 'vitest';
import { MODEL_CASES } from '../../bench/cases.ts';
import { sameWealth, timeBare, timeEngine } from '../../bench/measure.ts';

describe('the benchmark\'s bare loops', () => {
  for (const modelCase of MODEL_CASES) {
    it(`do the engine's ${modelCase.id} exchange: same wealth, agent by agent`, () => {
      const engine = timeEngine(modelCase, 301, 60);
      const bare = timeBare(modelCase, 301, 60);
      expect(sameWealth(engine.wealth, bare.wealth)).toBe(true);
      // Money moved at all: otherwise equality would prove nothing.
      expect(new Set(bare.wealth).size).toBeGreaterThan(3);
    });
  }
});
