// MODEL.md 7 (v3), "Robustness": Latin hypercube draws, the first-order index from given data,
// and the robust / fragile label.
import { describe, expect, it } from 'vitest';
import {
  claimRobustness, drawParameterSets, firstOrderIndex, latinHypercube, noiseFloor, robustnessOf, valueAt, type UncertainParameter,
} from '../../src/model/claims/robustness.ts';
import type { ClaimReport } from '../../src/model/claims/judge-claims.ts';
import { CLAIMS } from '../../src/model/claims/claim-definitions.ts';
import { RandomStreams } from '../../src/model/random.ts';
import { readScenarioInput, InputError } from '../../src/cli/scenario-input.ts';

const rng = (name = 'latin-hypercube') => new RandomStreams(7, 'robustness').get(name);

describe('Latin hypercube draws', () => {
  it('puts exactly one point in each of the n strata of every dimension', () => {
    const points = latinHypercube(10, 4, rng());
    for (let j = 0; j < 4; j++) {
      const strata = points.map((p) => Math.floor(p[j]! * 10)).sort((a, b) => a - b);
      expect(strata).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    }
  });

  it('is reproducible from the seed and differs with it', () => {
    expect(latinHypercube(5, 3, rng())).toEqual(latinHypercube(5, 3, rng()));
    expect(latinHypercube(5, 3, rng())).not.toEqual(latinHypercube(5, 3, new RandomStreams(8, 'robustness').get('latin-hypercube')));
  });

  it('maps coordinates to ranges, whole numbers and choices', () => {
    expect(valueAt({ path: 'a.b', low: 0.08, high: 0.25 }, 0.5)).toBeCloseTo(0.165, 12);
    expect(valueAt({ path: 'a.b', low: 1, high: 3, integer: true }, 0.999)).toBe(3);
    expect(valueAt({ path: 'a.b', low: 1, high: 3, integer: true }, 0)).toBe(1);
    expect(valueAt({ path: 'a.b', values: ['prepay', 'dividend'] }, 0.49)).toBe('prepay');
    expect(valueAt({ path: 'a.b', values: ['prepay', 'dividend'] }, 0.5)).toBe('dividend');
    const draws = drawParameterSets([{ path: 'bonds.maxYield', low: 0.08, high: 0.25 }, { path: 'communes.excessRent', values: ['prepay', 'dividend'] }], 4, rng());
    expect(draws.map((d) => d.index)).toEqual([0, 1, 2, 3]);
    for (const d of draws) {
      expect(d.overrides['bonds.maxYield']).toBeGreaterThanOrEqual(0.08);
      expect(d.overrides['bonds.maxYield']).toBeLessThan(0.25);
    }
    // Two strata each of the two choices.
    expect(draws.filter((d) => d.overrides['communes.excessRent'] === 'prepay')).toHaveLength(2);
  });
});

describe('first-order index from given data (correlation ratio by binning)', () => {
  const n = 400;
  const points = latinHypercube(n, 3, rng('index'));
  const x = (j: number) => points.map((p) => p[j]!);

  it('finds Var(E[y|x_i]) / Var(y) of an additive function: y = x1 + 2 x2 gives 1/5 and 4/5, x3 none', () => {
    const y = points.map((p) => p[0]! + 2 * p[1]!);
    // Bins of 20 points: within-bin variance of x1 biases the index by under 1%.
    expect(firstOrderIndex(x(0), y, 20)).toBeCloseTo(0.2, 1);
    expect(firstOrderIndex(x(1), y, 20)).toBeCloseTo(0.8, 1);
    expect(firstOrderIndex(x(2), y, 20)).toBeLessThan(noiseFloor(n, 20) * 3);
  });

  it('sees a non-monotone effect a correlation would miss: y = (x1 - 1/2)^2', () => {
    const y = points.map((p) => (p[0]! - 0.5) ** 2);
    expect(firstOrderIndex(x(0), y, 20)).toBeGreaterThan(0.9);
  });

  it('is undefined when y does not vary, and its chance level is (M - 1) / (N - 1)', () => {
    expect(firstOrderIndex([0.1, 0.5, 0.9], [1, 1, 1])).toBeNaN();
    expect(noiseFloor(8)).toBeCloseTo(2 / 7, 12);
  });
});

describe('the robust / fragile label', () => {
  const parameters: UncertainParameter[] = [{ path: 'bonds.maxYield', low: 0.08, high: 0.25 }, { path: 'persons.shockSigma', low: 0.03, high: 0.08 }];
  const draws = drawParameterSets(parameters, 10, rng());

  it('is robust when at least 80% of draws agree, and names the parameter that moves the verdict', () => {
    // The verdict turns on maxYield only: not supported below 0.1 (2 of 10 strata).
    const verdicts = draws.map((d) => (Number(d.overrides['bonds.maxYield']) < 0.114 ? 'not supported' as const : 'supported' as const));
    const r = claimRobustness(6, parameters, draws, verdicts, draws.map(() => 0), 'claim6.base.cleared');
    expect(r.shares.supported).toBeCloseTo(0.8, 12);
    expect(r.label).toBe('robust');
    expect(r.mostInfluential).toBe('bonds.maxYield');
    expect(r.on).toMatch(/^verdict/);
  });

  it('is fragile below 80%, and falls back on the mean effect when every draw gives one verdict', () => {
    const split = draws.map((d) => (Number(d.overrides['persons.shockSigma']) < 0.055 ? 'inconclusive' as const : 'supported' as const));
    const fragile = claimRobustness(1, parameters, draws, split, draws.map(() => 0), 'x');
    expect(fragile.label).toBe('fragile');
    expect(fragile.mostInfluential).toBe('persons.shockSigma');
    const same = claimRobustness(1, parameters, draws, draws.map(() => 'supported' as const), draws.map((d) => Number(d.overrides['bonds.maxYield'])), 'claim1.firmRises');
    expect(same.label).toBe('robust');
    expect(same.on).toMatch(/claim1\.firmRises/);
    expect(same.mostInfluential).toBe('bonds.maxYield');
  });
});

describe('the parameter that moves a claim every draw judges alike', () => {
  it('is read off the first evidence test whose mean varies (claim 5: merges happen in every run of every draw)', () => {
    const parameters: UncertainParameter[] = [{ path: 'bonds.maxYield', low: 0.08, high: 0.25 }, { path: 'persons.shockSigma', low: 0.03, high: 0.08 }];
    const draws = drawParameterSets(parameters, 8, rng());
    const claim5 = CLAIMS.find((c) => c.id === 5)!;
    const report = (hazard: number): ClaimReport => ({
      claim: claim5, verdict: 'not supported', measurements: [],
      tests: claim5.tests.map((test) => ({
        test, effects: [], verdict: 'not supported',
        summary: { mean: test.id === 'claim5.hazardFalls' ? hazard : test.id === 'claim5.mergesHappen' ? 1 : 0.5, low: 0, high: 1, p: 1, pAdjusted: 1, replicates: 20, method: 'student-t' },
      })),
    }) as unknown as ClaimReport;
    // The hazard's mean rises with shockSigma; the share of runs with a merge is 1 throughout.
    const drawReports = draws.map((d) => [report(Number(d.overrides['persons.shockSigma']))]);
    const [r] = robustnessOf([report(0)], drawReports, parameters, draws);
    expect(r!.on).toMatch(/claim5\.hazardFalls/);
    expect(r!.mostInfluential).toBe('persons.shockSigma');
  });
});

describe('failed draws', () => {
  const parameters: UncertainParameter[] = [{ path: 'bonds.maxYield', low: 0.08, high: 0.25 }];
  const draws = drawParameterSets(parameters, 5, rng());

  it('are counted apart, not as a verdict: a draw whose failed runs left the claim without one, and draws that never ran', () => {
    const six = drawParameterSets(parameters, 6, rng());
    // Draws 1-4 supported; draws 5 and 6 lost replicates to failed runs: too few runs, not measurable.
    const verdicts = ['supported', 'supported', 'supported', 'supported', 'too few runs', 'not measurable'] as const;
    const failed = [false, false, false, false, true, true];
    const r = claimRobustness(6, parameters, six, verdicts, six.map(() => 0), 'x', failed, 2);
    expect(r.shares).toEqual({ supported: 1 });
    expect(r.judgedDraws).toBe(4);
    expect(r.failedDraws).toBe(4);
    // Counted as verdicts, the failures would make it 4 of 6 (67%): fragile.
    expect(r.label).toBe('robust');
    expect(claimRobustness(6, parameters, six, verdicts, six.map(() => 0), 'x').label).toBe('fragile');
  });

  it('keep a verdict the failures did not take away, and a "too few runs" that no failure caused', () => {
    const verdicts = ['supported', 'supported', 'supported', 'supported', 'not supported'] as const;
    // Draw 5 had a failed run in a variant this claim does not read: its verdict stands.
    const r = claimRobustness(6, parameters, draws, verdicts, draws.map(() => 0), 'x', [false, false, false, false, true]);
    expect(r.judgedDraws).toBe(5);
    expect(r.failedDraws).toBe(0);
    expect(r.shares.supported).toBeCloseTo(0.8, 12);
    // Too few replicates asked for: every draw says so, and that is the finding.
    const few = claimRobustness(6, parameters, draws, draws.map(() => 'too few runs' as const), draws.map(() => 0), 'x');
    expect(few.shares).toEqual({ 'too few runs': 1 });
    expect(few.failedDraws).toBe(0);
  });
});

describe('the uncertainty block of a scenario', () => {
  const file = new URL('../../scenarios/mixed.yaml', import.meta.url).pathname;
  it('is declared by every economy preset', () => {
    for (const name of ['mixed', 'communes-only', 'capitalist-only', 'coops-only', 'commune-planner']) {
      const s = readScenarioInput(new URL(`../../scenarios/${name}.yaml`, import.meta.url).pathname, {}, {}).scenario;
      expect(s.kind === 'economy' && s.uncertainty.length).toBeGreaterThanOrEqual(4);
      // The aggregate cycle (MODEL.md 10.3) is among the shocks varied.
      expect(s.kind === 'economy' && s.uncertainty.map((u) => u.path)).toEqual(expect.arrayContaining(['cycle.rho', 'cycle.sigma']));
    }
  });

  it('refuses a path that names no field, a range on a choice field, and an empty range, naming the entry', () => {
    const bad = (u: unknown) => () => readScenarioInput(file, { uncertainty: u }, { uncertainty: '--set uncertainty' });
    expect(bad([{ path: 'bonds.noSuch', low: 0, high: 1 }])).toThrow(/uncertainty\[0\]\.path "bonds\.noSuch" names no scenario field/);
    expect(bad([{ path: 'communes.excessRent', low: 0, high: 1 }])).toThrow(/is not a number field/);
    expect(bad([{ path: 'bonds.maxYield', low: 0.2, high: 0.1 }])).toThrow(/high \(0\.1\) must exceed low/);
    expect(bad([{ path: 'bonds.maxYield', low: 0.2, high: 0.1 }])).toThrow(InputError);
  });
});
