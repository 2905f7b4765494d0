// Charts leave out the series of a kind of organisation the run has not had, and every series
// about one kind wears that kind's colour. The ids are checked against the economy's own
// reporters, so a renamed reporter cannot silently turn the filter or the colour off.
import { describe, expect, it } from 'vitest';
import { RunRecord } from '../../src/ui/run-record.ts';
import { COLOURED_SERIES, KIND_SERIES, absentKindSeries, kindPresent, seriesColor } from '../../src/ui/kind-series.ts';
import { ORG_KIND_COLORS, PERSON_KIND_COLORS } from '../../src/ui/charts/kind-colors.ts';
import { PERSON_KIND_NAMES } from '../../src/model/economy/person-kinds.ts';
import { economyReporters } from '../../src/model/economy/metrics.ts';
import { organisationReporters } from '../../src/model/economy/organisation-metrics.ts';
import type { RunInfo } from '../../src/worker/protocol.ts';

const ECONOMY_IDS = [...economyReporters(), ...organisationReporters()].map((r) => r.id);

/** A record of `rows` samples where each reporter's column is given (missing ones are zero). */
function recordOf(columns: Record<string, number[]>, rows: number): RunRecord {
  const ids = Object.keys(columns);
  const info: RunInfo = {
    runId: 1, kind: 'economy', name: 'test', description: '', seed: 1, agentCount: 10, totalTicks: 120, recordEveryMonths: 1,
    scalars: ids.map((id) => ({ id, label: id, unit: 'x', description: '' })), distributions: [],
  };
  const record = new RunRecord();
  record.begin(info);
  record.apply({
    runId: 1, tick: rows - 1, totalTicks: 120, mode: 'paused', fromRow: 0,
    ticks: Float64Array.from({ length: rows }, (_, i) => i),
    columns: ids.map((id) => Float64Array.from(columns[id]!)), distributions: [], eventsFrom: 0, events: [],
  });
  return record;
}

describe('series of kinds the run has not had', () => {
  it('names only reporters the economy has', () => {
    for (const kind of KIND_SERIES) for (const id of [kind.count, ...kind.ids]) expect(ECONOMY_IDS, id).toContain(id);
  });

  it('leaves out a kind whose count stayed at zero, keeps one that had an organisation at any sample', () => {
    const record = recordOf({
      'communes.count': [0, 0, 0],
      'firms.count': [0, 0, 1],
      'cooperatives.count': [2, 1, 0],
    }, 3);
    expect(kindPresent(record, 'communes.count')).toBe(false);
    expect(kindPresent(record, 'firms.count')).toBe(true);
    expect(kindPresent(record, 'cooperatives.count')).toBe(true);
    expect([...absentKindSeries(record)].sort()).toEqual([...KIND_SERIES[0]!.ids].sort());
  });

  it('counts a kind without a count reporter as present (a reference model draws what it has)', () => {
    const record = recordOf({ 'wealth.gini': [0.1] }, 1);
    expect(absentKindSeries(record).size).toBe(0);
  });
});

describe('kind colours of series', () => {
  it('gives organisation counts the organisations view\'s colours and ways of working the agents\' colours', () => {
    expect(['communes.count', 'firms.count', 'cooperatives.count'].map(seriesColor)).toEqual([...ORG_KIND_COLORS]);
    const person = (name: (typeof PERSON_KIND_NAMES)[number]) => PERSON_KIND_COLORS[PERSON_KIND_NAMES.indexOf(name)];
    expect(seriesColor('persons.employeeShare')).toBe(person('employee'));
    expect(seriesColor('persons.memberWorkerShare')).toBe(person('coopMember'));
    expect(seriesColor('persons.selfEmployedShare')).toBe(person('selfEmployed'));
    expect(seriesColor('wealth.capitalists.mean')).toBe(person('capitalist'));
    expect(seriesColor('wealth.gini')).toBeUndefined();
  });

  it('colours only reporters the economy has', () => {
    for (const id of COLOURED_SERIES) expect(ECONOMY_IDS, id).toContain(id);
  });
});
