// Long statistical validation (`npm run test:stats`): the reference models over many seeds and
// larger populations, against the laws they are published to reach.
import { describe, expect, it } from 'vitest';
import { createSimulation } from '../../src/scenarios/create-simulation.ts';
import { loadScenario } from '../../src/scenarios/load.ts';
import { gamma } from '../reference/gamma.ts';

const SEEDS = 10;

function lateGini(yaml: string, replicate: number, lastSamples: number): number {
  const simulation = createSimulation(loadScenario(yaml), { replicateKey: `r${replicate}` });
  simulation.runToEnd();
  const gini = simulation.series.column('wealth.gini');
  const tail = gini.subarray(gini.length - lastSamples);
  return tail.reduce((a, b) => a + b, 0) / tail.length;
}

function meanAndStandardError(values: number[]): { mean: number; se: number } {
  const mean = values.reduce((a, b) => a + b, 0) / values.length;
  const variance = values.reduce((a, b) => a + (b - mean) ** 2, 0) / (values.length - 1);
  return { mean, se: Math.sqrt(variance / values.length) };
}

describe('random split over 10 replicates of 10,000 agents', () => {
  it('has a mean Gini within 4 standard errors (and 0.005) of the exponential law\'s 0.5', () => {
    const ginis = Array.from({ length: SEEDS }, (_, r) =>
      lateGini('kind: random-exchange\nrule: random-split\nagents: 10000\nyears: 10\nrecordEveryMonths: 1\n', r, 60));
    const { mean, se } = meanAndStandardError(ginis);
    expect(Math.abs(mean - 0.5)).toBeLessThan(Math.max(4 * se, 0.005));
  });
});

describe('saving propensity across lambda over 10 replicates', () => {
  it.each([0.25, 0.5, 0.75])('lambda %s matches the Gamma law\'s Gini within 0.015', (lambda) => {
    const shape = 1 + (3 * lambda) / (1 - lambda);
    const expected = gamma(shape + 0.5) / (shape * gamma(shape) * Math.sqrt(Math.PI));
    const ginis = Array.from({ length: SEEDS }, (_, r) =>
      lateGini(`kind: saving-propensity\nlambda: ${lambda}\nagents: 5000\nyears: 20\nrecordEveryMonths: 1\n`, r, 120));
    // The Gamma law is Patriarca et al.'s fit, not an exact result: 0.015 allows for the fit.
    expect(Math.abs(meanAndStandardError(ginis).mean - expected)).toBeLessThan(0.015);
  });
});

describe('yard-sale condensation over 10 replicates', () => {
  it('leaves a growing share of agents with almost nothing in every replicate', () => {
    for (let r = 0; r < SEEDS; r++) {
      const simulation = createSimulation(
        loadScenario('kind: yard-sale\nagents: 2000\nyears: 400\nrecordEveryMonths: 1200\n'), { replicateKey: `r${r}` });
      simulation.runToEnd();
      const zero = [...simulation.series.column('wealth.zeroShare')];
      for (let i = 2; i < zero.length; i++) expect(zero[i]!).toBeGreaterThanOrEqual(zero[i - 1]!);
      expect(simulation.series.column('wealth.gini').at(-1)!).toBeGreaterThan(0.9);
    }
  });
});
