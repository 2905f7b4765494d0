import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConservationError, Simulation, type EngineState, type ModelDefinition } from '../../src/model/engine.ts';
import { FLOW, Ledger, MoneyRangeError, WORLD } from '../../src/model/ledger.ts';
import { RandomStreams } from '../../src/model/random.ts';
import { createSimulation } from '../../src/scenarios/create-simulation.ts';
import { loadScenario } from '../../src/scenarios/load.ts';
import type { Scenario } from '../../src/scenarios/schema.ts';

const scenarioDir = join(import.meta.dirname, '../../scenarios');
const presetFiles = readdirSync(scenarioDir).filter((f) => f.endsWith('.yaml')).sort();

/** Each preset, shortened so the whole check stays fast; kinetic presets also get fewer agents. */
function shortened(file: string): Scenario {
  const text = readFileSync(join(scenarioDir, file), 'utf8');
  const full = loadScenario(text, file);
  const overrides: Record<string, unknown> = { years: Math.min(full.years, 3) };
  if ('agents' in full) overrides.agents = Math.min(full.agents, 300);
  return loadScenario(text, file, overrides);
}

function seriesOf(simulation: Simulation): Record<string, number[]> {
  return Object.fromEntries(simulation.series.ids.map((id) => [id, [...simulation.series.column(id)]]));
}

describe('every preset', () => {
  it.each(presetFiles)('%s conserves money after every phase of every tick', (file) => {
    const simulation = createSimulation(shortened(file), { checkConservation: true });
    simulation.runToEnd();
    expect(simulation.done).toBe(true);
    expect(simulation.state.ledger.audit()).toBeNull();
  });

  it.each(presetFiles)('%s gives identical series for the same seed and different ones for another', (file) => {
    const scenario = shortened(file);
    const first = createSimulation(scenario);
    const second = createSimulation(scenario);
    const other = createSimulation({ ...scenario, seed: `${scenario.seed}-other` });
    for (const s of [first, second, other]) s.runToEnd();
    expect(seriesOf(second)).toEqual(seriesOf(first));
    expect(seriesOf(other)).not.toEqual(seriesOf(first));
  });
});

describe('Simulation', () => {
  const scenario = loadScenario('kind: random-exchange\nagents: 50\nyears: 2\nrecordEveryMonths: 5\n');

  it('records at tick 0, every recordEveryMonths and at the last tick', () => {
    const simulation = createSimulation(scenario);
    simulation.runToEnd();
    expect([...simulation.series.ticks()]).toEqual([0, 5, 10, 15, 20, 24]);
  });

  it('steps one month at a time and runs to a tick without passing the end', () => {
    const simulation = createSimulation(scenario);
    simulation.step();
    expect(simulation.tick).toBe(1);
    simulation.runTo(10);
    expect(simulation.tick).toBe(10);
    simulation.runTo(1000);
    expect(simulation.tick).toBe(24);
    expect(simulation.done).toBe(true);
  });

  it('reports progress every year and at the target', () => {
    const seen: number[] = [];
    createSimulation(scenario).runTo(30, (tick, total) => seen.push(tick, total));
    expect(seen).toEqual([12, 24, 24, 24]);
  });

  it('gives the same state stepping one month at a time as running straight through', () => {
    const stepped = createSimulation(scenario);
    while (!stepped.done) stepped.step();
    const straight = createSimulation(scenario);
    straight.runToEnd();
    expect(seriesOf(stepped)).toEqual(seriesOf(straight));
  });

  it('runs year-end phases after every twelfth month', () => {
    const ledger = new Ledger();
    const yearEnds: number[] = [];
    const state: EngineState = { tick: 0, ledger, streams: new RandomStreams(1) };
    const model: ModelDefinition<EngineState> = {
      kind: 'test', state, agentCount: 0, scalars: [], distributions: [],
      phases: [],
      yearEndPhases: [{ name: 'year end', run: (s) => yearEnds.push(s.tick) }],
    };
    new Simulation(model, { totalTicks: 36, recordEveryTicks: 12, checkConservation: false }).runToEnd();
    expect(yearEnds).toEqual([12, 24, 36]);
  });

  it('names the tick and the phase that broke conservation', () => {
    const ledger = new Ledger();
    const account = ledger.open(1);
    ledger.transfer(WORLD, account, 100, FLOW.endowment);
    const state: EngineState = { tick: 0, ledger, streams: new RandomStreams(1) };
    const mint = () => {
      (ledger as unknown as { balances: Float64Array }).balances[account]! += 1;
    };
    const model: ModelDefinition<EngineState> = {
      kind: 'test', state, agentCount: 1, scalars: [], distributions: [], yearEndPhases: [],
      phases: [{ name: 'honest', run: () => undefined }, { name: 'counterfeiter', run: (s) => { if (s.tick === 3) mint(); } }],
    };
    const simulation = new Simulation(model, { totalTicks: 10, recordEveryTicks: 1, checkConservation: true });
    expect(() => simulation.runToEnd()).toThrow(ConservationError);
    expect(simulation.tick).toBe(3);
    expect(() => simulation.step()).toThrow(/tick 3, after honest: the ledger sums to 1 cents/);
    expect(() => new Simulation(model, { totalTicks: 10, recordEveryTicks: 1, checkConservation: true })).toThrow(/setup: the ledger sums to 1 cents/);
  });

  it('stops with a MoneyRangeError, not a lost cent, when a phase takes the money past 2^53 cents', () => {
    // Engine fuzz: sales at baseOutput 1e7 took the world's overdraft past 2^53 within one
    // phase; the audit after that phase summed inexact balances and reported '1 cents' lost.
    const ledger = new Ledger();
    const [a, b] = [ledger.open(1), ledger.open(1)];
    const state: EngineState = { tick: 0, ledger, streams: new RandomStreams(1) };
    const model: ModelDefinition<EngineState> = {
      kind: 'test', state, agentCount: 2, scalars: [], distributions: [], yearEndPhases: [],
      phases: [{ name: 'sales', run: () => {
        // Each transfer is exact; the world's overdraft, 2^53 + 1, is not (it rounds to 2^53).
        ledger.transfer(WORLD, a, Number.MAX_SAFE_INTEGER, FLOW.sales);
        ledger.transfer(WORLD, b, 2, FLOW.sales);
      } }],
    };
    expect(ledger.audit()).toBeNull();
    const simulation = new Simulation(model, { totalTicks: 2, recordEveryTicks: 1, checkConservation: true });
    expect(() => simulation.step()).toThrow(MoneyRangeError);
    expect(ledger.audit()).toMatch(/sums to|left the range/);
  });
});
