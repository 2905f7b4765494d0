// Reporters that share one per-sample computation (group means, mode shares, sorted commune
// claims) against the same measures computed directly from the person table and net worth.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { createSimulation } from '../../src/scenarios/create-simulation.ts';
import { loadScenario } from '../../src/scenarios/load.ts';
import { SampleContext } from '../../src/model/reporters.ts';
import { topShare } from '../../src/model/inequality.ts';
import { communeClaimsCents, netWorthCents, organisationEquity } from '../../src/model/economy/net-worth.ts';
import {
  MODE_EMPLOYEE, MODE_IDLE, MODE_MEMBER_WORKER, MODE_PRODUCER, MODE_SELF_EMPLOYED,
} from '../../src/model/economy/person-table.ts';
import type { EconomyState } from '../../src/model/economy/economy-state.ts';
import { communeClaimsAtSample, firmClaimsAtSample } from '../../src/model/economy/bond-claims.ts';
import { firmClaimsCents, propertyCents, sortedFirmClaimsNow } from '../../src/model/economy/organisation-metrics.ts';

const text = readFileSync('scenarios/mixed.yaml', 'utf8');
const simulation = createSimulation(loadScenario(text, 'mixed.yaml', { 'persons.count': 800, years: 8 }));
simulation.runToEnd();
const state = simulation.state as unknown as EconomyState;
const reporter = (id: string) => {
  const found = simulation.model.scalars.find((r) => r.id === id);
  if (found === undefined) throw new Error(`no reporter ${id}`);
  return found;
};
const sampleNow = (id: string) => reporter(id).sample(simulation.state, new SampleContext(simulation.model.distributions));

describe('reporters sharing one pass per sample', () => {
  const { persons } = state;
  const worth = netWorthCents(state, new Float64Array(persons.count), organisationEquity(state));
  const groups: [string, (p: number) => boolean][] = [
    ['wealth.capitalists.mean', (p) => persons.isCapitalist[p] === 1],
    ['wealth.communeMembers.mean', (p) => persons.memberOf[p]! >= 0],
    ['wealth.selfEmployed.mean', (p) => persons.mode[p] === MODE_SELF_EMPLOYED],
    ['wealth.producers.mean', (p) => persons.mode[p] === MODE_PRODUCER],
    ['wealth.employees.mean', (p) => persons.mode[p] === MODE_EMPLOYEE],
    ['wealth.cooperativeMembers.mean', (p) => persons.coopOf[p]! >= 0],
  ];

  it.each(groups)('%s is the mean net worth of its persons, in money units', (id, member) => {
    let sum = 0;
    let n = 0;
    for (let p = 0; p < persons.count; p++) if (member(p)) { sum += worth[p]!; n++; }
    expect(n).toBeGreaterThan(0);
    // The reporter adds money units person by person, this sum adds cents and divides once: the
    // two differ by rounding alone, a few ulp of the mean.
    const expected = sum / n / 100;
    expect(Math.abs(sampleNow(id) - expected)).toBeLessThanOrEqual(1e-12 * Math.abs(expected));
  });

  it('gives each mode of work its share of persons, the reported shares summing to one', () => {
    const ids: [string, number][] = [
      ['persons.idleShare', MODE_IDLE], ['persons.selfEmployedShare', MODE_SELF_EMPLOYED], ['persons.producerShare', MODE_PRODUCER],
      ['persons.employeeShare', MODE_EMPLOYEE], ['persons.memberWorkerShare', MODE_MEMBER_WORKER],
    ];
    let total = 0;
    for (const [id, mode] of ids) {
      let n = 0;
      for (let p = 0; p < persons.count; p++) if (persons.mode[p] === mode) n++;
      expect(sampleNow(id)).toBe(n / persons.count);
      total += sampleNow(id);
    }
    expect(total).toBeCloseTo(1, 12);
  });

  it('sorts commune claims from their sorted cents: the raw units sorted, bit for bit, and the same holders\' top 10%', () => {
    const distribution = simulation.model.distributions.find((d) => d.id === 'communeClaims')!;
    const raw = distribution.values(simulation.state, undefined);
    const sorted = new SampleContext(simulation.model.distributions).sorted(simulation.state, 'communeClaims');
    // The engine's own comparison sort is the oracle (the reporters sort by radix).
    expect(Array.from(sorted)).toEqual(Array.from(raw.slice().sort()));
    // Claims vary across persons here, so the check compares real orders, not a constant.
    expect(sorted[0]).toBeLessThan(sorted[sorted.length - 1]!);
    const cents = communeClaimsCents(state, new Float64Array(persons.count), organisationEquity(state));
    // The holders' top 10%, from the positive cents sorted by the engine's own sort.
    const holders = cents.filter((c) => c > 0).sort();
    expect(sampleNow('communeClaims.holdersTop10')).toBeCloseTo(topShare(holders, 0.1), 12);
  });
});

describe('the sampling\'s one walk over bond holdings', () => {
  const { persons } = state;
  const equity = organisationEquity(state);

  it('gives commune claims, firm claims and property bit for bit as their own walks do', () => {
    const communeClaims = communeClaimsCents(state, new Float64Array(persons.count), equity);
    const firmClaims = firmClaimsCents(state, new Float64Array(persons.count), equity);
    const property = propertyCents(state, new Float64Array(persons.count));
    // Each holds something, so the comparison is of real sums.
    expect(communeClaims.some((c) => c > 0) && firmClaims.some((c) => c > 0) && property.some((c) => c > 0)).toBe(true);
    expect(Array.from(communeClaimsAtSample(state))).toEqual(Array.from(communeClaims));
    expect(Array.from(firmClaimsAtSample(state))).toEqual(Array.from(firmClaims));
    expect(Array.from(sortedFirmClaimsNow(state))).toEqual(Array.from(firmClaims.slice().sort()));
    expect(sampleNow('property.top10')).toBe(topShare(property.slice().sort(), 0.1));
  });
});
