import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FLOW, Ledger, LedgerError, WORLD } from '../../src/model/ledger.ts';

const operation = fc.record({
  from: fc.integer({ min: 0, max: 6 }),
  to: fc.integer({ min: 0, max: 6 }),
  cents: fc.oneof(fc.integer({ min: 0, max: 5000 }), fc.double({ min: -10, max: 10, noNaN: true })),
});

describe('Ledger under arbitrary transfer sequences', () => {
  it('never creates or loses a cent, never lets an account but the world go negative', () => {
    fc.assert(
      fc.property(fc.array(operation, { maxLength: 200 }), (operations) => {
        const ledger = new Ledger(2);
        ledger.open(6);
        const shadow = new Array<number>(7).fill(0);
        for (const { from, to, cents } of operations) {
          const valid = from !== to && Number.isInteger(cents) && cents >= 0 && (from === WORLD || shadow[from]! >= cents);
          if (valid) {
            ledger.transfer(from, to, cents, FLOW.exchange);
            shadow[from]! -= cents;
            shadow[to]! += cents;
          } else {
            expect(() => ledger.transfer(from, to, cents, FLOW.exchange)).toThrow(LedgerError);
          }
          expect(ledger.audit()).toBeNull();
        }
        for (let account = 0; account < 7; account++) expect(ledger.balance(account)).toBe(shadow[account]);
      }),
      { numRuns: 200 },
    );
  });
});
