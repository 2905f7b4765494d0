import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { createSimulation } from '../../src/scenarios/create-simulation.ts';
import { loadScenario } from '../../src/scenarios/load.ts';
import type { EconomyModel } from '../../src/agents/economy/economy-model.ts';

/** A shipped scenario file at a smaller size, run to its end with the ledger audited after every phase. */
function runShipped(name: string, overrides: Record<string, unknown>) {
  const text = readFileSync(`scenarios/${name}.yaml`, 'utf8');
  const sim = createSimulation(loadScenario(text, `${name}.yaml`, overrides), { checkConservation: true });
  sim.runToEnd();
  const last = (id: string) => { const c = sim.series.column(id); return c[c.length - 1]!; };
  return { sim, last };
}

describe('the shipped economy scenarios, scaled down', () => {
  it('communes-only runs with the ledger audited after every phase, communes acquire assets by bonds and nobody works commune property without membership', () => {
    const { sim, last } = runShipped('communes-only', { 'persons.count': 600, years: 6 });
    expect(last('bonds.requestsCleared')).toBeGreaterThan(0);
    expect(last('communes.assets')).toBeGreaterThan(0);
    expect(last('communes.nonMemberLabour')).toBe(0);
    // The per-person distribution the generic wealth charts read.
    expect(sim.sortedDistribution('wealth').length).toBe(600);
    expect(Array.isArray((sim.model as unknown as EconomyModel).events)).toBe(true);
  });

  it('commune-planner: one commune, no foundings or merges', () => {
    const { sim } = runShipped('commune-planner', { years: 5 });
    const counts = sim.series.column('communes.count');
    expect(Array.from(counts).every((n) => n === 1)).toBe(true);
    const events = (sim.model as unknown as EconomyModel).events;
    expect(events.filter((e) => e.kind !== 'failure')).toEqual([]);
  });

  it('capitalist-only: firms hire, no commune or cooperative exists, money conserved every phase', () => {
    const { last } = runShipped('capitalist-only', { 'persons.count': 600, years: 6 });
    expect(last('firms.employees')).toBeGreaterThan(0);
    expect(last('communes.count')).toBe(0);
    expect(last('cooperatives.count')).toBe(0);
    expect(last('persons.producerShare')).toBe(0);
  });

  it('coops-only: cooperatives admit members and hire, no firm or commune exists, money conserved every phase', () => {
    const { last } = runShipped('coops-only', { 'persons.count': 1000, years: 8 });
    expect(last('cooperatives.members')).toBeGreaterThan(0);
    expect(last('firms.count')).toBe(0);
    expect(last('communes.count')).toBe(0);
  });
});
