import { describe, expect, it } from 'vitest';
import { FLOW, Ledger, LedgerError, WORLD } from '../../src/model/ledger.ts';

describe('Ledger', () => {
  it('moves money only between two accounts, so the sum stays zero', () => {
    const ledger = new Ledger(4);
    const a = ledger.open(2);
    const b = a + 1;
    ledger.transfer(WORLD, a, 1_000, FLOW.endowment);
    ledger.transfer(a, b, 300, FLOW.exchange);
    expect(ledger.balance(a)).toBe(700);
    expect(ledger.balance(b)).toBe(300);
    expect(ledger.balance(WORLD)).toBe(-1_000);
    expect(ledger.total()).toBe(0);
    expect(ledger.audit()).toBeNull();
  });

  it('refuses to overdraw any account but the world', () => {
    const ledger = new Ledger();
    const a = ledger.open(2);
    ledger.transfer(WORLD, a, 100);
    expect(() => ledger.transfer(a, a + 1, 101)).toThrow(LedgerError);
    expect(ledger.balance(a)).toBe(100);
    expect(ledger.balance(a + 1)).toBe(0);
  });

  it('refuses fractions of a cent, negative amounts and unknown accounts', () => {
    const ledger = new Ledger();
    const a = ledger.open(2);
    ledger.transfer(WORLD, a, 100);
    expect(() => ledger.transfer(a, a + 1, 0.5)).toThrow(/whole, non-negative cents/);
    expect(() => ledger.transfer(a, a + 1, -1)).toThrow(LedgerError);
    expect(() => ledger.transfer(a, a + 1, Number.NaN)).toThrow(LedgerError);
    expect(() => ledger.transfer(a, 99, 1)).toThrow(/no such pair/);
    expect(() => ledger.transfer(a, a, 1)).toThrow(/no such pair/);
  });

  it('pays only what the payer holds with payUpTo', () => {
    const ledger = new Ledger();
    const a = ledger.open(2);
    ledger.transfer(WORLD, a, 250);
    expect(ledger.payUpTo(a, a + 1, 400, FLOW.rent)).toBe(250);
    expect(ledger.balance(a)).toBe(0);
    expect(ledger.balance(a + 1)).toBe(250);
  });

  it('grows as accounts open and keeps existing balances', () => {
    const ledger = new Ledger(2);
    const first = ledger.open(1);
    ledger.transfer(WORLD, first, 7);
    const many = ledger.open(5000);
    ledger.transfer(first, many + 4999, 7);
    expect(ledger.size).toBe(5002);
    expect(ledger.balance(many + 4999)).toBe(7);
    expect(ledger.audit()).toBeNull();
  });

  it('keeps running totals per flow and the world net flow', () => {
    const ledger = new Ledger();
    const a = ledger.open(2);
    ledger.transfer(WORLD, a, 500, FLOW.sales);
    ledger.transfer(a, WORLD, 200, FLOW.consumption);
    ledger.transfer(a, a + 1, 100, FLOW.wages);
    expect(ledger.volumeByFlow[FLOW.sales]).toBe(500);
    expect(ledger.worldNetByFlow[FLOW.sales]).toBe(-500);
    expect(ledger.worldNetByFlow[FLOW.consumption]).toBe(200);
    expect(ledger.worldNetByFlow[FLOW.wages]).toBe(0);
  });

  it('transferTwo moves two amounts for two flows as two transfers would, checked as one', () => {
    const twice = new Ledger();
    const once = new Ledger();
    for (const ledger of [twice, once]) {
      const a = ledger.open(2);
      ledger.transfer(WORLD, a, 1_000, FLOW.endowment);
    }
    const a = 1;
    twice.transfer(a, a + 1, 30, FLOW.interest);
    twice.transfer(a, a + 1, 400, FLOW.principal);
    once.transferTwo(a, a + 1, 30, FLOW.interest, 400, FLOW.principal);
    for (const account of [WORLD, a, a + 1]) expect(once.balance(account)).toBe(twice.balance(account));
    expect([...once.volumeByFlow]).toEqual([...twice.volumeByFlow]);
    expect(once.volumeByFlow[FLOW.interest]).toBe(30);
    expect(once.volumeByFlow[FLOW.principal]).toBe(400);
    // From and to the world, the world's net per flow moves as with two transfers.
    once.transferTwo(WORLD, a, 5, FLOW.sales, 7, FLOW.wages);
    once.transferTwo(a, WORLD, 2, FLOW.consumption, 3, FLOW.tax);
    expect([once.worldNetByFlow[FLOW.sales], once.worldNetByFlow[FLOW.wages]]).toEqual([-5, -7]);
    expect([once.worldNetByFlow[FLOW.consumption], once.worldNetByFlow[FLOW.tax]]).toEqual([2, 3]);
    expect(once.audit()).toBeNull();
  });

  it('transferTwo refuses a pair whose sum overdraws, even when each part alone would not, and moves nothing', () => {
    const ledger = new Ledger();
    const a = ledger.open(2);
    ledger.transfer(WORLD, a, 100);
    expect(() => ledger.transferTwo(a, a + 1, 60, FLOW.interest, 60, FLOW.principal)).toThrow(/cannot pay 120 cents/);
    expect(() => ledger.transferTwo(a, a + 1, 1, FLOW.interest, 0.5, FLOW.principal)).toThrow(/transfer of 0.5 cents/);
    expect(() => ledger.transferTwo(a, a + 1, -1, FLOW.interest, 2, FLOW.principal)).toThrow(/transfer of -1 cents/);
    expect(() => ledger.transferTwo(a, a, 1, FLOW.interest, 2, FLOW.principal)).toThrow(/no such pair/);
    expect(ledger.balance(a)).toBe(100);
    expect(ledger.balance(a + 1)).toBe(0);
    expect(ledger.volumeByFlow[FLOW.interest]).toBe(0);
  });

  it('transfersWithWorld moves what transfers one by one would, both ways, skipping zeros', () => {
    const batched = new Ledger();
    const single = new Ledger();
    const first = batched.open(5);
    single.open(5);
    const cents = Float64Array.from([120, 0, 7, 3_000, 1]);
    batched.transfersWithWorld(first, cents, 4, FLOW.sales, false);
    for (let k = 0; k < 4; k++) if (cents[k]! > 0) single.transfer(WORLD, first + k, cents[k]!, FLOW.sales);
    const paid = Float64Array.from([20, 0, 7, 2_500]);
    batched.transfersWithWorld(first, paid, 4, FLOW.consumption, true);
    for (let k = 0; k < 4; k++) if (paid[k]! > 0) single.transfer(first + k, WORLD, paid[k]!, FLOW.consumption);
    for (let account = 0; account < 6; account++) expect(batched.balance(account)).toBe(single.balance(account));
    expect([...batched.volumeByFlow]).toEqual([...single.volumeByFlow]);
    expect([...batched.worldNetByFlow]).toEqual([...single.worldNetByFlow]);
    expect(batched.balance(first + 4)).toBe(0);
    expect(batched.audit()).toBeNull();
  });

  it('transfersWithWorld refuses an overdraft, a fraction of a cent and accounts not open', () => {
    const ledger = new Ledger();
    const first = ledger.open(2);
    ledger.transfersWithWorld(first, Float64Array.from([100, 100]), 2, FLOW.sales, false);
    expect(() => ledger.transfersWithWorld(first, Float64Array.from([50, 101]), 2, FLOW.consumption, true)).toThrow(/cannot pay 101 cents/);
    expect(() => ledger.transfersWithWorld(first, Float64Array.from([0.5]), 1, FLOW.sales, false)).toThrow(/whole, non-negative cents/);
    expect(() => ledger.transfersWithWorld(first, Float64Array.from([1, 1, 1]), 3, FLOW.sales, false)).toThrow(/not all open/);
    expect(() => ledger.transfersWithWorld(WORLD, Float64Array.from([1]), 1, FLOW.sales, false)).toThrow(/not all open/);
  });

  it('audit finds a cent created outside a transfer, and a negative or fractional balance', () => {
    const ledger = new Ledger();
    const a = ledger.open(2);
    ledger.transfer(WORLD, a, 100);
    const raw = (ledger as unknown as { balances: Float64Array }).balances;
    raw[a + 1] = 1;
    expect(ledger.audit()).toMatch(/sums to 1 cents/);
    raw[a + 1] = -1;
    raw[a] = 101;
    expect(ledger.audit()).toMatch(/account 2 is negative/);
    raw[a + 1] = 0.5;
    raw[a] = 99.5;
    expect(ledger.audit()).toMatch(/fraction of a cent/);
  });
});
