import { describe, expect, it } from 'vitest';
import { FLOW, Ledger, LedgerError, WORLD } from '../../src/model/ledger.ts';

describe('agents\' balances as a view', () => {
  it('reads and writes the ledger\'s own balances, the first account at index 0', () => {
    const ledger = new Ledger(8);
    const first = ledger.open(3);
    ledger.transfer(WORLD, first + 1, 500, FLOW.endowment);
    const view = ledger.balancesOf(first, 3);
    expect([...view]).toEqual([0, 500, 0]);
    view[1]! -= 200;
    view[2]! += 200;
    expect(ledger.balance(first + 2)).toBe(200);
    expect(ledger.audit()).toBeNull();
  });

  it('refuses the world account and accounts not open', () => {
    const ledger = new Ledger(8);
    const first = ledger.open(3);
    expect(() => ledger.balancesOf(WORLD, 2)).toThrow(LedgerError);
    expect(() => ledger.balancesOf(first, 4)).toThrow(LedgerError);
  });

  it('adds moved cents to a flow\'s volume, whole cents only', () => {
    const ledger = new Ledger(8);
    ledger.addVolume(FLOW.exchange, 300);
    expect(ledger.volumeByFlow[FLOW.exchange]).toBe(300);
    expect(ledger.worldNetByFlow[FLOW.exchange]).toBe(0);
    expect(() => ledger.addVolume(FLOW.exchange, 0.5)).toThrow(LedgerError);
    expect(() => ledger.addVolume(FLOW.exchange, -1)).toThrow(LedgerError);
  });
});
