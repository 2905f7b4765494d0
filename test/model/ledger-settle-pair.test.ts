import { describe, expect, it } from 'vitest';
import { FLOW, Ledger, LedgerError, WORLD } from '../../src/model/ledger.ts';

function pairHolding(centsA: number, centsB: number) {
  const ledger = new Ledger(8);
  const a = ledger.open(2);
  ledger.transfer(WORLD, a, centsA, FLOW.endowment);
  ledger.transfer(WORLD, a + 1, centsB, FLOW.endowment);
  return { ledger, a, b: a + 1 };
}

describe('settling a pair', () => {
  it('leaves the first account at its target and the pair sum unchanged, in either direction', () => {
    const { ledger, a, b } = pairHolding(300, 700);
    ledger.settlePair(a, b, 900, FLOW.exchange);
    expect([ledger.balance(a), ledger.balance(b)]).toEqual([900, 100]);
    ledger.settlePair(a, b, 0, FLOW.exchange);
    expect([ledger.balance(a), ledger.balance(b)]).toEqual([0, 1000]);
    expect(ledger.audit()).toBeNull();
  });

  it('counts the cents that moved in the flow volume, like the one transfer it stands for', () => {
    const { ledger, a, b } = pairHolding(300, 700);
    const before = ledger.volumeByFlow[FLOW.exchange]!;
    ledger.settlePair(a, b, 900, FLOW.exchange); // 600 move from b to a
    ledger.settlePair(a, b, 850, FLOW.exchange); // 50 move back
    expect(ledger.volumeByFlow[FLOW.exchange]! - before).toBe(650);
    expect(ledger.worldNetByFlow[FLOW.exchange]).toBe(0);
  });

  it('refuses a target the pair cannot pay, a fraction of a cent, and the world account', () => {
    const { ledger, a, b } = pairHolding(300, 700);
    expect(() => ledger.settlePair(a, b, 1001)).toThrow(LedgerError);
    expect(() => ledger.settlePair(a, b, -1)).toThrow(LedgerError);
    expect(() => ledger.settlePair(a, b, 10.5)).toThrow(/whole cents/);
    expect(() => ledger.settlePair(WORLD, b, 10)).toThrow(/no such pair/);
    expect(() => ledger.settlePair(a, a, 10)).toThrow(/no such pair/);
    expect(() => ledger.settlePair(a, 7, 10)).toThrow(/no such pair/);
    expect([ledger.balance(a), ledger.balance(b)]).toEqual([300, 700]);
  });
});
