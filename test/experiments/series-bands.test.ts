// Bands across replicates: the running mean and interval equal the CLI's statistics of the same
// values at every tick, whatever order the replicates finish in; differences are paired by key.
import { describe, expect, it } from 'vitest';
import { SeriesBands, pairedDifference, type ReplicateColumns } from '../../src/ui/experiments/series-bands.ts';
import { acrossReplicates } from '../../src/model/replicate-statistics.ts';
import { rangeOfUnit } from '../../src/ui/experiments/unit-range.ts';
import { experimentEntries, formatEntry, parseEntry, readExperimentAddress, writeExperimentAddress } from '../../src/ui/experiments/experiment-plan.ts';
import { presetById } from '../../src/ui/presets.ts';
import { loadScenario } from '../../src/scenarios/load.ts';

const ticks = Float64Array.from([0, 12, 24]);
const run = (gini: number[], top: number[]): ReplicateColumns => ({
  ids: ['wealth.gini', 'wealth.top10'], ticks, columns: [Float64Array.from(gini), Float64Array.from(top)],
});
const runs = [run([0.1, 0.3, 0.5], [0.2, 0.2, 0.9]), run([0.2, 0.35, 0.4], [0.3, 0.1, 0.8]), run([0.15, Number.NaN, 0.7], [0.25, 0.4, 0.6])];

describe('series bands', () => {
  it('give at every tick the mean and t-interval the CLI computes from the same values', () => {
    const bands = new SeriesBands();
    for (const r of [runs[2]!, runs[0]!, runs[1]!]) bands.add(r);
    for (const [k, id] of ['wealth.gini', 'wealth.top10'].entries()) {
      const band = bands.band(id)!;
      for (let i = 0; i < ticks.length; i++) {
        const stats = acrossReplicates(runs.map((r) => r.columns[k]![i]!));
        expect(band.n[i]).toBe(stats.n);
        expect(band.mean[i]).toBeCloseTo(stats.mean!, 12);
        expect(band.low[i]).toBeCloseTo(stats.ci95![0], 12);
        expect(band.high[i]).toBeCloseTo(stats.ci95![1], 12);
      }
    }
  });

  it('cuts a count\'s band at zero and a share\'s at one, and leaves the mean and other units alone', () => {
    const bands = new SeriesBands();
    // Communes alive in three replicates: 0, 0 and 1 at the last tick (mean 1/3, t-band to about -1.1).
    for (const alive of [[3, 1, 0], [2, 1, 0], [3, 2, 1]]) bands.add({ ids: ['communes.count', 'wealth.top10'], ticks, columns: [Float64Array.from(alive), Float64Array.from([0.9, 0.95, alive[2] === 1 ? 0.999 : 0.9])] });
    const free = bands.band('communes.count')!;
    expect(free.low[2]).toBeLessThan(0);
    const cut = bands.band('communes.count', rangeOfUnit('communes'))!;
    expect(cut.low[2]).toBe(0);
    expect(cut.high[2]).toBe(free.high[2]);
    expect(Array.from(cut.mean)).toEqual(Array.from(free.mean));
    expect(bands.band('wealth.top10')!.high[2]).toBeGreaterThan(1);
    expect(bands.band('wealth.top10', rangeOfUnit('share 0-1'))!.high[2]).toBe(1);
    expect(rangeOfUnit('money units')).toEqual({ min: Number.NEGATIVE_INFINITY, max: Number.POSITIVE_INFINITY });
  });

  it('has no width with one replicate and keeps adding after a band was read', () => {
    const bands = new SeriesBands();
    bands.add(runs[0]!);
    const one = bands.band('wealth.gini')!;
    expect(Array.from(one.low)).toEqual(Array.from(one.mean));
    bands.add(runs[1]!);
    expect(bands.band('wealth.gini')!.mean[2]).toBeCloseTo(0.45, 12);
    expect(bands.replicates).toBe(2);
  });

  it('differences B - A column by column, on reporters both report', () => {
    const b: ReplicateColumns = { ids: ['wealth.top10'], ticks, columns: [Float64Array.from([1, 1, 1])] };
    const d = pairedDifference(runs[0]!, b);
    expect(d.ids).toEqual(['wealth.top10']);
    expect(Array.from(d.columns[0]!)).toEqual([0.8, 0.8, 1 - 0.9]);
  });
});

describe('experiment addresses', () => {
  it('round-trip their entries, replicates and population', () => {
    const params = new URLSearchParams();
    const compare = [parseEntry('current')!, parseEntry('current:communes-off')!, parseEntry('preset:coops-only')!];
    writeExperimentAddress(params, { replicates: 12, persons: 2000, compare });
    const back = readExperimentAddress(new URLSearchParams(params.toString()));
    expect(back.replicates).toBe(12);
    expect(back.persons).toBe(2000);
    expect(back.compare.map(formatEntry)).toEqual(['current', 'current:communes-off', 'preset:coops-only']);
  });

  it('drops entries it cannot read and falls back to ten replicates', () => {
    const back = readExperimentAddress(new URLSearchParams('n=1&compare=current,nonsense,current:teleport,preset:Bad!'));
    expect(back.replicates).toBe(10);
    expect(back.compare.map(formatEntry)).toEqual(['current']);
  });
});

describe('experiment entries', () => {
  const mixed = presetById('mixed')!;
  const current = { text: mixed.text, name: mixed.name, scenario: loadScenario(mixed.text) };
  const compare = ['current', 'current:communes-off', 'preset:coops-only', 'preset:random-exchange'].map((e) => parseEntry(e)!);

  it('are labelled with the population they run at the page\'s size, not the one their title names', () => {
    expect(mixed.name).toBe('Mixed economy, 10,000 persons');
    const entries = experimentEntries(compare.slice(0, 3), current, 2000);
    expect(entries.map((e) => e.label)).toEqual([
      'Mixed economy, 2,000 persons', 'Mixed economy, 2,000 persons, communes off', 'Cooperatives only, 2,000 persons',
    ]);
    expect(entries.map((e) => e.runName)).toEqual(['mixed, 2,000 persons', 'mixed, communes off, 2,000 persons', 'coops-only, 2,000 persons']);
    expect(entries.every((e) => e.overrides['persons.count'] === 2000)).toBe(true);
  });

  it('are labelled with their own population when the page sets none, a title that names none included', () => {
    const entries = experimentEntries(compare, current, undefined);
    expect(entries.map((e) => e.label)).toEqual([
      'Mixed economy, 10,000 persons', 'Mixed economy, 10,000 persons, communes off', 'Cooperatives only, 10,000 persons',
      'Random exchange (Boltzmann-Gibbs), 1,000 agents',
    ]);
  });
});
