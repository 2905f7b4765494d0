// The Replicates view's Lorenz band (issue 18 part 2: "the distribution charts show the replicate
// spread") draws each job's final Lorenz curve. The curve must be the distribution the run ended
// with: its Gini read off the curve agrees with the run's own last wealth.gini.
//
// The tolerance, from the maths: gini() is exactly 1 - 2 x (area under the piecewise-linear Lorenz
// curve through every person). The job samples that curve at LORENZ_POINTS + 1 fractions; with
// n = 2 x LORENZ_POINTS persons each interval of width d = 1/LORENZ_POINTS holds two persons, and
// the trapezoid over it misses the area of one kink, d/4 x (w_second - w_first)/total. Summed over
// intervals these differences of sorted neighbours are at most (w_max - w_min)/total <= 1, so the
// Gini read off the curve is within 2 x d/4 = 1/(2 x LORENZ_POINTS) of the run's.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { LORENZ_POINTS, runJob } from '../../src/worker/ensemble-job.ts';
import { SeriesBands } from '../../src/ui/experiments/series-bands.ts';

const scenario = (name: string) => readFileSync(new URL(`../../scenarios/${name}.yaml`, import.meta.url), 'utf8');

function finalLorenz(text: string, overrides: Record<string, number>, replicateKey: string) {
  const job = runJob({ text, overrides, replicateKey, measure: 'series' });
  if (!job.ok || job.measure !== 'series') throw new Error(job.ok ? 'wrong measure' : job.message);
  if (job.lorenz === undefined) throw new Error('no Lorenz curve');
  const gini = job.result.columns[job.result.reporters.findIndex((r) => r.id === 'wealth.gini')]!;
  return { lorenz: job.lorenz, finalGini: gini[gini.length - 1]! };
}

function giniOfCurve(ordinates: Float64Array): number {
  let area = 0;
  for (let k = 1; k < ordinates.length; k++) area += (ordinates[k - 1]! + ordinates[k]!) / 2 / (ordinates.length - 1);
  return 1 - 2 * area;
}

describe('the final Lorenz curve of a series job', () => {
  it('is the wealth the run ended with: its Gini is the run\'s last wealth.gini', () => {
    for (const key of ['r1', 'r2']) {
      const { lorenz, finalGini } = finalLorenz(scenario('random-exchange'), { agents: 2 * LORENZ_POINTS, years: 5 }, key);
      expect(lorenz.distribution).toBe('wealth');
      expect(lorenz.ordinates.length).toBe(LORENZ_POINTS + 1);
      expect(lorenz.ordinates[0]).toBe(0);
      expect(lorenz.ordinates[LORENZ_POINTS]).toBeCloseTo(1, 12);
      expect(finalGini).toBeGreaterThan(0.2); // five years of random exchange: far from equality
      expect(Math.abs(giniOfCurve(lorenz.ordinates) - finalGini)).toBeLessThanOrEqual(1 / (2 * LORENZ_POINTS));
    }
  });

  it('differs between replicate keys, and their band holds each curve\'s mean', () => {
    const curves = ['r1', 'r2', 'r3'].map((key) => finalLorenz(scenario('random-exchange'), { agents: 200, years: 5 }, key).lorenz.ordinates);
    expect(curves[0]).not.toEqual(curves[1]);
    const percents = Float64Array.from(curves[0]!, (_, i) => (100 * i) / LORENZ_POINTS);
    const bands = new SeriesBands();
    for (const c of curves) bands.add({ ids: ['wealth'], ticks: percents, columns: [c] });
    const band = bands.band('wealth')!;
    const k = LORENZ_POINTS / 2;
    expect(band.mean[k]).toBeCloseTo((curves[0]![k]! + curves[1]![k]! + curves[2]![k]!) / 3, 12);
    expect(band.low[k]).toBeLessThan(band.mean[k]!);
    expect(band.high[k]).toBeGreaterThan(band.mean[k]!);
  });
});
