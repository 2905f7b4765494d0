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

  it('keeps the world\'s side of transfers made through the view as transfersWithWorld does', () => {
    const viewed = new Ledger(8);
    const batched = new Ledger(8);
    const first = viewed.open(3);
    batched.open(3);
    const sales = new Float64Array([400, 0, 250]);
    const view = viewed.balancesOf(first, 3);
    for (let k = 0; k < 3; k++) view[k]! += sales[k]!;
    viewed.addWorldTransfers(FLOW.sales, 650, false);
    batched.transfersWithWorld(first, sales, 3, FLOW.sales, false);
    const purchases = new Float64Array([100, 0, 250]);
    for (let k = 0; k < 3; k++) view[k]! -= purchases[k]!;
    viewed.addWorldTransfers(FLOW.consumption, 350, true);
    batched.transfersWithWorld(first, purchases, 3, FLOW.consumption, true);
    for (let a = WORLD; a < first + 3; a++) expect(viewed.balance(a)).toBe(batched.balance(a));
    expect([...viewed.volumeByFlow]).toEqual([...batched.volumeByFlow]);
    expect([...viewed.worldNetByFlow]).toEqual([...batched.worldNetByFlow]);
    expect(viewed.audit()).toBeNull();
    expect(() => viewed.addWorldTransfers(FLOW.sales, 0.5, false)).toThrow(LedgerError);
    expect(() => viewed.addWorldTransfers(FLOW.sales, 2 ** 60, false)).toThrow(LedgerError);
  });
});
