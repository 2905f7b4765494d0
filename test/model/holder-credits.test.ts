import { describe, expect, it } from 'vitest';
import { Ledger, WORLD, FLOW } from '../../src/model/ledger.ts';
import { BondBook } from '../../src/model/market/bond-series.ts';
import { issueSeries } from '../../src/model/market/bond-auction.ts';
import { refreshAccounts, serviceSeries } from '../../src/model/market/bond-service.ts';
import { BLOCK_BITS, HolderCredits, NOTE } from '../../src/model/market/holder-credits.ts';

/** The notes of each block, in order: [person, tag, interest, principal]. */
function notesOf(credits: HolderCredits): number[][][] {
  const blocks: number[][][] = [];
  for (let b = 0; b < credits.blocks; b++) {
    const rows: number[][] = [];
    for (let i = b * credits.room; i < credits.next[b]!; i += NOTE) rows.push(Array.from(credits.notes.subarray(i, i + NOTE)));
    blocks.push(rows);
  }
  return blocks;
}

describe('holder credits', () => {
  it('keeps each block\'s notes in the order they were made, through growth', () => {
    const persons = 3 << BLOCK_BITS;
    const credits = new HolderCredits(persons);
    expect(credits.blocks).toBe(4);
    const made: number[][] = [];
    for (let k = 0; k < 5000; k++) {
      const person = (k * 7919) % persons;
      credits.tag = k % 3 === 0 ? -1 : k % 5;
      credits.add(person, k, 2 * k);
      made.push([person, credits.tag, k, 2 * k]);
    }
    const byBlock = notesOf(credits);
    for (let b = 0; b < credits.blocks; b++) expect(byBlock[b]).toEqual(made.filter((n) => n[0]! >>> BLOCK_BITS === b));
  });

  it('a service that notes its payments to persons leaves, once they are credited, what the one that pays them leaves', () => {
    const run = (noted: boolean) => {
      const ledger = new Ledger();
      const issuer = ledger.open();
      const persons = 6;
      const first = ledger.open(persons);
      for (let p = 0; p < persons; p++) ledger.transfer(WORLD, first + p, 5_000_000, FLOW.endowment);
      const lender = ledger.open();
      ledger.transfer(WORLD, lender, 5_000_000, FLOW.endowment);
      const book = new BondBook(first, persons);
      const bids = [[0, 1, 2], [3], [1, lender - first, 4, 1], [5, 0]];
      const series = bids.map((who, k) => issueSeries(ledger, book, who.map((p, i) => ({
        bidder: first + p, amountCents: 200_000 + 10_000 * i + k, annualYield: 0.04 + 0.01 * i,
      })), { issuer: 0, issuerAccount: issuer, asset: k, tick: 0, maturityMonths: 12 }));
      const credits = new HolderCredits(persons);
      const paid: number[] = [];
      for (let month = 0; month < 14; month++) {
        refreshAccounts(ledger);
        for (const s of series) {
          // Rent above the service some months: the prepayment's shares are noted too.
          ledger.transfer(WORLD, book.escrow[s]!, month % 3 === 0 ? 90_000 : 40_000, FLOW.rent);
          serviceSeries(ledger, book, s, (holder, interest, principal) => paid.push(holder, interest, principal), true, true, noted ? credits : undefined);
        }
        // Credited as the economy's bookkeeping credits them (commune-bond-service.ts creditPersons).
        const accounts = ledger.balancesOf(1, ledger.size - 1);
        for (let b = 0; b < credits.blocks; b++) {
          for (let i = b * credits.room; i < credits.next[b]!; i += NOTE) {
            const p = credits.notes[i]!;
            book.personHeldCents[p]! -= credits.notes[i + 3]!;
            accounts[first + p - 1]! += credits.notes[i + 2]! + credits.notes[i + 3]!;
            paid.push(first + p, credits.notes[i + 2]!, credits.notes[i + 3]!);
          }
          credits.next[b] = b * credits.room;
        }
      }
      expect(ledger.audit()).toBeNull();
      const byHolder = new Map<number, number>();
      for (let k = 0; k < paid.length; k += 3) byHolder.set(paid[k]!, (byHolder.get(paid[k]!) ?? 0) + paid[k + 1]! + paid[k + 2]!);
      return {
        balances: Array.from(ledger.copyBalances(0, ledger.size, new Float64Array(ledger.size))),
        held: Array.from(book.personHeldCents), outstanding: series.map((s) => book.outstanding(s)), byHolder: [...byHolder].sort((x, y) => x[0] - y[0]),
      };
    };
    const noted = run(true);
    expect(noted).toEqual(run(false));
    // The lender (not a person) was paid as it is without notes; the persons were paid at all.
    expect(noted.byHolder.length).toBe(7);
  });
});
