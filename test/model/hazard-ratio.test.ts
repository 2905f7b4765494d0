// Cox's proportional-hazards ratio for two groups: exact symmetries, and recovery of a known
// ratio from exponential lifetimes (fixed seed; tolerance four standard errors of log HR).
import { describe, expect, it } from 'vitest';
import { coxHazardRatio, type SurvivalSubject } from '../../src/model/hazard-ratio.ts';
import { RandomStream } from '../../src/model/random.ts';

function exponentialLives(stream: RandomStream, hazard: number, n: number, group: 0 | 1, stratum: number, followUp: number): SurvivalSubject[] {
  return Array.from({ length: n }, () => {
    const life = -Math.log(1 - stream.double()) / hazard;
    // Yearly observation, as the economy's organisations end at ticks: ages rounded up to months.
    const duration = Math.ceil(Math.min(life, followUp) * 12) / 12;
    return { duration, event: life < followUp, group, stratum };
  });
}

describe('the Cox hazard ratio', () => {
  it('is exactly one for two groups with the same lifetimes, and inverts when the groups swap', () => {
    const lives = [1, 2, 2, 3, 5, 8].map((duration, i) => ({ duration, event: i % 3 !== 2, stratum: 0 }));
    const same = coxHazardRatio([...lives.map((l) => ({ ...l, group: 0 as const })), ...lives.map((l) => ({ ...l, group: 1 as const }))])!;
    expect(same.ratio).toBeCloseTo(1, 12);
    const stream = new RandomStream('hazard-test', 'swap');
    const a = exponentialLives(stream, 0.2, 50, 0, 0, 10);
    const b = exponentialLives(stream, 0.1, 50, 1, 0, 10);
    const forward = coxHazardRatio([...a, ...b])!;
    const swapped = coxHazardRatio([...a.map((s) => ({ ...s, group: 1 as const })), ...b.map((s) => ({ ...s, group: 0 as const }))])!;
    expect(forward.ratio * swapped.ratio).toBeCloseTo(1, 9);
    expect(forward.ci95[0]).toBeLessThan(forward.ratio);
    expect(forward.ci95[1]).toBeGreaterThan(forward.ratio);
  });

  it('recovers a ratio of 0.7 within strata whose baseline hazards differ', () => {
    const stream = new RandomStream('hazard-test', 'recover');
    const subjects = [
      ...exponentialLives(stream, 0.07, 2000, 1, 0, 10), ...exponentialLives(stream, 0.1, 2000, 0, 0, 10),
      ...exponentialLives(stream, 0.21, 2000, 1, 1, 10), ...exponentialLives(stream, 0.3, 2000, 0, 1, 10),
    ];
    const hr = coxHazardRatio(subjects)!;
    expect(Math.abs(hr.logRatio - Math.log(0.7))).toBeLessThan(4 * hr.standardError);
    expect(hr.subjects).toEqual([4000, 4000]);
  });

  it('has no finite estimate when a group has no event', () => {
    expect(coxHazardRatio([
      { duration: 1, event: true, group: 0, stratum: 0 }, { duration: 2, event: false, group: 1, stratum: 0 },
    ])).toBeNull();
  });
});
