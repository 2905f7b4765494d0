// Found by the engine fuzz: money past exact cents is refused with a message, and an annuity at a
// vanishing yield is finite.
import { describe, expect, it } from 'vitest';
import { Ledger, MoneyRangeError, WORLD } from '../../src/model/ledger.ts';
import { annuityPaymentCents } from '../../src/model/market/bond-series.ts';
import { createSimulation } from '../../src/scenarios/create-simulation.ts';
import { loadScenario } from '../../src/scenarios/load.ts';

describe('money beyond exact cents', () => {
  it('refuses a transfer past 2^53 cents with a message that says what to lower', () => {
    const ledger = new Ledger();
    const a = ledger.open();
    expect(() => ledger.transfer(WORLD, a, 2 ** 60)).toThrow(MoneyRangeError);
    expect(() => ledger.transfer(WORLD, a, 2 ** 60)).toThrow(/past 2\^53 .*lower the scenario's population or its money amounts/);
  });

  it('refuses a run whose starting money passes 2^53 cents in all', () => {
    const scenario = loadScenario('kind: random-exchange\nagents: 1000000\ninitialWealth: 1000000000\nyears: 1\n');
    expect(() => createSimulation(scenario)).toThrow(MoneyRangeError);
  });
});

describe('annuities', () => {
  it('pays a finite level payment at a vanishing yield, just above face / months', () => {
    const payment = annuityPaymentCents(291_693, 1.47e-251, 552);
    expect(Number.isFinite(payment)).toBe(true);
    expect(payment).toBe(Math.ceil(291_693 / 552));
    expect(annuityPaymentCents(12_000_000, 0.05, 120)).toBe(127_279);
  });
});
