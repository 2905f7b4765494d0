// Crashes and hangs the engine fuzz (test/fuzz) found, each reduced to the fields that cause it
// and fixed at its cause. Every test failed (or never ended) before its fix.
import { describe, expect, it } from 'vitest';
import { MoneyRangeError } from '../../src/model/ledger.ts';
import { askYield } from '../../src/model/market/risk-pricing.ts';
import { createSimulation } from '../../src/scenarios/create-simulation.ts';
import { smallScenario } from './hand-built-economy.ts';

describe('engine fuzz findings', () => {
  it('ends a month when persons reconsider at a rate so small that 1 - rate rounds to 1', () => {
    // switchRatePerYear 8e-54: ln(1 - q) was 0, the geometric skip divided by it and the
    // month's loop never ended.
    const sim = createSimulation(smallScenario({ years: 1, persons: { count: 30, switchRatePerYear: 8.4e-54 } }));
    sim.runToEnd();
    expect(sim.tick).toBe(12);
  });

  it('stops with a MoneyRangeError naming goods.demandElasticity when near-inelastic demand sends the price past countable cents', () => {
    // At elasticity 3.5e-84 (Q/Q0)^(-1/elasticity) is Infinity as soon as output dips below the
    // first month's: it was paid as Infinity cents and failed in the ledger.
    const sim = createSimulation(smallScenario({
      years: 3, goods: { demandElasticity: 3.5e-84 }, persons: { count: 40, shockSigma: 0.3 },
    }));
    expect(() => sim.runToEnd()).toThrow(MoneyRangeError);
    expect(() => sim.runToEnd()).toThrow(/goods\.demandElasticity .*raise goods\.demandElasticity, or set it to 0/);
  });

  it('never asks a negative yield, however wide the ask noise', () => {
    // askNoise 1 at a base yield near 0 cleared series at negative yields: the "interest" ran
    // from holder to issuer and a transfer of -5 cents broke the ledger.
    expect(askYield(1e-139, 0, -0.8)).toBe(0);
    expect(askYield(0.05, 0.01, 0.002)).toBeCloseTo(0.062, 12);
  });
});
