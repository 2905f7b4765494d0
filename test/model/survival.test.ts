// Kaplan-Meier estimates checked against the product-limit formula worked by hand.
import { describe, expect, it } from 'vitest';
import { kaplanMeier, medianSurvival, survivalAt } from '../../src/model/survival.ts';

describe('Kaplan-Meier survival', () => {
  // Five subjects: events at 2, 3 and 5; censored at 3 (beside an event) and at 8.
  const curve = kaplanMeier([5, 2, 8, 3, 3], [true, true, false, true, false]);

  it('multiplies (1 - events / at risk) over the event times, censored subjects at risk at their time', () => {
    // t=2: 5 at risk, 1 event -> 4/5. t=3: 4 at risk, 1 event (1 censored) -> 4/5 x 3/4.
    // t=5: 2 at risk, 1 event -> x 1/2. t=8: 1 at risk, censored: no change.
    expect(Array.from(curve.time)).toEqual([0, 2, 3, 5, 8]);
    expect(Array.from(curve.atRisk)).toEqual([5, 5, 4, 2, 1]);
    expect(Array.from(curve.events)).toEqual([0, 1, 1, 1, 0]);
    expect(Array.from(curve.censored)).toEqual([0, 0, 1, 0, 1]);
    const s = [1, 4 / 5, (4 / 5) * (3 / 4), (4 / 5) * (3 / 4) * (1 / 2), (4 / 5) * (3 / 4) * (1 / 2)];
    curve.survival.forEach((v, i) => expect(v).toBeCloseTo(s[i]!, 15));
    expect(curve.n).toBe(5);
  });

  it('gives Greenwood standard errors', () => {
    // Var S(5) = S(5)^2 (1/(5x4) + 1/(4x3) + 1/(2x1)).
    const s5 = 0.3;
    expect(curve.standardError[3]).toBeCloseTo(s5 * Math.sqrt(1 / 20 + 1 / 12 + 1 / 2), 12);
    expect(curve.standardError[0]).toBe(0);
  });

  it('reads S(t) as a step function, unknown past the longest observation', () => {
    expect(survivalAt(curve, 1.9)).toBe(1);
    expect(survivalAt(curve, 2)).toBeCloseTo(0.8, 15);
    expect(survivalAt(curve, 4.99)).toBeCloseTo(0.6, 15);
    expect(survivalAt(curve, 8)).toBeCloseTo(0.3, 15);
    expect(survivalAt(curve, 8.5)).toBeNaN();
    expect(medianSurvival(curve)).toBe(5);
  });

  it('stays at 0 once every subject has had the event, and counts ties of events together', () => {
    const all = kaplanMeier([1, 1, 2], [true, true, true]);
    // t=1: 3 at risk, 2 events -> 1/3; t=2: 1 at risk, 1 event -> 0.
    [1, 1 / 3, 0].forEach((v, i) => expect(all.survival[i]).toBeCloseTo(v, 15));
    expect(all.standardError[2]).toBeNaN();
    expect(survivalAt(all, 10)).toBe(0);
    expect(medianSurvival(all)).toBe(1);
  });

  it('starts a landmark curve at its landmark, and has no median while more than half survive', () => {
    const landmark = kaplanMeier([4, 1.5, 3], [false, true, false], 1);
    expect(Array.from(landmark.time)).toEqual([1, 1.5, 3, 4]);
    expect(landmark.survival[0]).toBe(1);
    expect(landmark.survival[1]).toBeCloseTo(2 / 3, 15);
    expect(survivalAt(landmark, 0.5)).toBeNaN();
    expect(medianSurvival(landmark)).toBeNaN();
  });

  it('is NaN everywhere without subjects', () => {
    const empty = kaplanMeier([], []);
    expect(empty.n).toBe(0);
    expect(survivalAt(empty, 0)).toBeNaN();
  });
});
