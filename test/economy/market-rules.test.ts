import { describe, expect, it } from 'vitest';
import { Ledger, WORLD, FLOW } from '../../src/model/ledger.ts';
import {
  BondBook, amortisationSchedule, annuityPaymentCents, SERIES_REDEEMED, SERIES_DEFAULTED,
} from '../../src/model/market/bond-series.ts';
import { BondBids, clearBondAuction, issueSeries } from '../../src/model/market/bond-auction.ts';
import { paymentsBehind, prepaySeries, serviceSeries } from '../../src/model/market/bond-service.ts';
import { clearRentalAuction } from '../../src/model/market/rental-auction.ts';
import { liquidate, liquidationValueCents } from '../../src/model/market/liquidation.ts';
import { allocateProRata, equalShareCents } from '../../src/model/market/pro-rata.ts';

const UNIT = 100;
const alwaysGuaranteed = () => true;

function economyWithSavers(cash: number[]): { ledger: Ledger; accounts: number[] } {
  const ledger = new Ledger();
  const accounts = cash.map((c) => {
    const a = ledger.open();
    if (c > 0) ledger.transfer(WORLD, a, c, FLOW.endowment);
    return a;
  });
  return { ledger, accounts };
}

/** Interest the service pays each holder account, summed from its HolderPaid calls (the book keeps no interest paid per holding). */
function interestByHolder(): { paid: (holder: number, interestCents: number) => void; of: (holder: number) => number } {
  const sums = new Map<number, number>();
  return {
    paid: (holder, interestCents) => { sums.set(holder, (sums.get(holder) ?? 0) + interestCents); },
    of: (holder) => sums.get(holder) ?? 0,
  };
}

describe('annuity schedule', () => {
  it('matches MODEL.md 9: 120,000 at 5% over 10 years costs 1,273 a month and 32,735 interest in all', () => {
    const payment = annuityPaymentCents(120_000 * UNIT, 0.05, 120);
    expect(Math.round(payment / UNIT)).toBe(1273);
    const rows = amortisationSchedule(120_000 * UNIT, 0.05, 120);
    const interest = rows.reduce((s, r) => s + r.interestCents, 0);
    expect(Math.abs(interest / UNIT - 32_735)).toBeLessThan(2);
  });

  it('repays exactly the face, in the agreed number of months, the last payment absorbing rounding', () => {
    for (const [face, y, n] of [[12_345_67, 0.07, 120], [100, 0.15, 7], [999_999, 0, 13], [5_000_000, 0.031, 36]] as const) {
      const rows = amortisationSchedule(face, y, n);
      expect(rows.reduce((s, r) => s + r.principalCents, 0)).toBe(face);
      expect(rows.length).toBe(n);
      for (const r of rows) expect(Number.isInteger(r.principalCents) && Number.isInteger(r.interestCents)).toBe(true);
    }
  });
});

describe('bond auction', () => {
  const bids = BondBids.of([
    { bidder: 1, askYield: 0.08, amountCents: 400 },
    { bidder: 2, askYield: 0.06, amountCents: 500 },
    { bidder: 3, askYield: 0.07, amountCents: 300 },
  ]);

  it('clears at the marginal ask when the lowest asks cover the face', () => {
    const out = clearBondAuction(bids, { faceCents: 700, maturityMonths: 12, maxYield: 0.15, format: 'uniform', guarantee: alwaysGuaranteed });
    expect(out.cleared).toBe(true);
    if (!out.cleared) return;
    expect(out.clearingYield).toBe(0.07);
    expect(out.allocations.map((a) => [a.bidder, a.amountCents])).toEqual([[2, 500], [3, 200]]);
    expect(out.allocations.every((a) => a.annualYield === 0.07)).toBe(true);
  });

  it('pays each winner its own ask in the discriminatory format', () => {
    const out = clearBondAuction(bids, { faceCents: 700, maturityMonths: 12, maxYield: 0.15, format: 'discriminatory', guarantee: alwaysGuaranteed });
    expect(out.cleared && out.allocations.map((a) => a.annualYield)).toEqual([0.06, 0.07]);
  });

  it('does not clear when bids fall short of the face', () => {
    const out = clearBondAuction(bids, { faceCents: 1300, maturityMonths: 12, maxYield: 0.15, format: 'uniform', guarantee: alwaysGuaranteed });
    expect(out).toMatchObject({ cleared: false, reason: 'undersubscribed' });
  });

  it('does not clear above maxYield', () => {
    const out = clearBondAuction(bids, { faceCents: 1000, maturityMonths: 12, maxYield: 0.075, format: 'uniform', guarantee: alwaysGuaranteed });
    expect(out).toMatchObject({ cleared: false, reason: 'above-max-yield' });
  });

  it('does not clear when the guarantee does not cover the service', () => {
    const out = clearBondAuction(bids, { faceCents: 700, maturityMonths: 12, maxYield: 0.15, format: 'uniform', guarantee: (s) => s <= 50 });
    expect(out).toMatchObject({ cleared: false, reason: 'guarantee' });
  });

  it('moves the money only when settled, and a redeemed series has paid back all it raised plus interest', () => {
    const { ledger, accounts } = economyWithSavers([0, 1_000_000, 1_000_000]);
    const [issuer, a, b] = accounts as [number, number, number];
    const book = new BondBook();
    const out = clearBondAuction(
      BondBids.of([{ bidder: a, askYield: 0.05, amountCents: 600_000 }, { bidder: b, askYield: 0.06, amountCents: 600_000 }]),
      { faceCents: 1_000_000, maturityMonths: 24, maxYield: 0.15, format: 'discriminatory', guarantee: alwaysGuaranteed },
    );
    if (!out.cleared) throw new Error('expected to clear');
    const s = issueSeries(ledger, book, out.allocations, { issuer: 0, issuerAccount: issuer, asset: 0, tick: 0, maturityMonths: 24 });
    expect(ledger.balance(issuer)).toBe(1_000_000);
    expect(ledger.balance(a) + ledger.balance(b)).toBe(1_000_000);
    // The issuer funds the escrow generously; 24 services redeem the series.
    ledger.transfer(WORLD, book.escrow[s]!, 2_000_000, FLOW.rent);
    const interestTo = interestByHolder();
    for (let m = 0; m < 24; m++) expect(serviceSeries(ledger, book, s, interestTo.paid)).toBe(true);
    expect(book.status[s]).toBe(SERIES_REDEEMED);
    const interestA = interestTo.of(a);
    const interestB = interestTo.of(b);
    expect(ledger.balance(a)).toBe(1_000_000 + interestA);
    expect(ledger.balance(b)).toBe(1_000_000 + interestB);
    // Discriminatory: the 6% holder earns more per cent lent than the 5% holder.
    expect(interestB / 400_000).toBeGreaterThan(interestA / 600_000);
    expect(ledger.audit()).toBeNull();
  });
});

describe('bond service', () => {
  function issued(faceEach: number[], yieldRate = 0.05, months = 12) {
    const { ledger, accounts } = economyWithSavers([0, ...faceEach]);
    const book = new BondBook();
    const s = issueSeries(ledger, book, faceEach.map((f, i) => ({ bidder: accounts[i + 1]!, amountCents: f, annualYield: yieldRate })),
      { issuer: 0, issuerAccount: accounts[0]!, asset: 0, tick: 0, maturityMonths: months });
    return { ledger, book, s, accounts };
  }

  it('counts a missed payment when the escrow cannot pay, and the balance grows by the month\'s interest', () => {
    const { ledger, book, s } = issued([1_200_000]);
    const before = book.outstanding(s);
    expect(serviceSeries(ledger, book, s)).toBe(false);
    expect(serviceSeries(ledger, book, s)).toBe(false);
    // Issued at month 0, missed at months 1 and 2: two behind before month 3.
    expect(paymentsBehind(book, s, 3)).toBe(2);
    expect(book.outstanding(s)).toBeGreaterThan(before);
    expect(ledger.audit()).toBeNull();
  });

  it('never makes up a missed payment: paying again keeps the series as far behind, missing again puts it further', () => {
    const { ledger, book, s } = issued([600_000, 600_000]);
    expect(serviceSeries(ledger, book, s)).toBe(false);
    ledger.transfer(WORLD, book.escrow[s]!, 10_000_000, FLOW.rent);
    expect(serviceSeries(ledger, book, s)).toBe(true);
    expect(serviceSeries(ledger, book, s)).toBe(true);
    expect(paymentsBehind(book, s, 4)).toBe(1);
    ledger.transfer(book.escrow[s]!, WORLD, ledger.balance(book.escrow[s]!), FLOW.rent);
    expect(serviceSeries(ledger, book, s)).toBe(false);
    expect(paymentsBehind(book, s, 5)).toBe(2);
    expect(ledger.audit()).toBeNull();
  });

  it('lists the active series that ever missed a payment, in issue order, once each, and drops those that close', () => {
    const { ledger, accounts } = economyWithSavers([0, 1_000_000, 1_000_000, 1_000_000]);
    const book = new BondBook();
    const series = [1, 2, 3].map((k) => issueSeries(ledger, book, [{ bidder: accounts[k]!, amountCents: 500_000, annualYield: 0.05 }],
      { issuer: 0, issuerAccount: accounts[0]!, asset: k, tick: 0, maturityMonths: 12 }));
    const [a, b, c] = series as [number, number, number];
    expect(Array.from(book.missedSeries())).toEqual([]);
    // Missed in the order c, a, c: listed in issue order, c once.
    for (const s of [c, a, c]) expect(serviceSeries(ledger, book, s)).toBe(false);
    ledger.transfer(WORLD, book.escrow[b]!, 10_000_000, FLOW.rent);
    expect(serviceSeries(ledger, book, b)).toBe(true);
    expect(Array.from(book.missedSeries())).toEqual([a, c]);
    liquidate(ledger, book, a, 0, accounts[0]!);
    expect(Array.from(book.missedSeries())).toEqual([c]);
    ledger.transfer(book.escrow[b]!, WORLD, ledger.balance(book.escrow[b]!), FLOW.rent);
    for (const s of [c, b]) expect(serviceSeries(ledger, book, s)).toBe(false);
    expect(Array.from(book.missedSeries())).toEqual([b, c]);
  });

  it('drops closed series\' holdings once they outnumber the active ones, moving those down in order', () => {
    const { ledger, accounts } = economyWithSavers([0, 1_000_000, 1_000_000, 1_000_000, 1_000_000, 1_000_000]);
    const book = new BondBook();
    const issue = (holders: number[], asset: number) => issueSeries(ledger, book,
      holders.map((k) => ({ bidder: accounts[k]!, amountCents: 200_000 * k, annualYield: 0.05 })),
      { issuer: 0, issuerAccount: accounts[0]!, asset, tick: 0, maturityMonths: 12 });
    const [a, b, c] = [issue([1, 2], 1), issue([3], 2), issue([4, 5], 3)] as [number, number, number];
    expect(serviceSeries(ledger, book, c)).toBe(false);
    const owed = Array.from(book.principalCents.subarray(3, 5));
    liquidate(ledger, book, a, 0, accounts[0]!);
    // Two dead holdings against three live: nothing moves yet.
    book.compactHoldings();
    expect(book.firstHolding[c]).toBe(3);
    liquidate(ledger, book, b, 0, accounts[0]!);
    book.compactHoldings();
    expect(book.holdings).toBe(2);
    expect([book.holdingCount[a], book.holdingCount[b]]).toEqual([0, 0]);
    expect([book.firstHolding[c], book.holdingCount[c]]).toEqual([0, 2]);
    expect(Array.from(book.holder.subarray(0, 2))).toEqual([accounts[4], accounts[5]]);
    expect(Array.from(book.principalCents.subarray(0, 2))).toEqual(owed);
    expect(book.outstanding(c)).toBe(owed[0]! + owed[1]!);
    // A series issued after compaction follows the moved holdings, and the moved ones are paid.
    const d = issue([1], 4);
    expect(book.firstHolding[d]).toBe(2);
    ledger.transfer(WORLD, book.escrow[c]!, 10_000_000, FLOW.rent);
    const interestTo = interestByHolder();
    expect(serviceSeries(ledger, book, c, interestTo.paid)).toBe(true);
    expect(interestTo.of(accounts[4]!)).toBeGreaterThan(0);
    expect(ledger.audit()).toBeNull();
  });

  it('prepays holders pro rata and never beyond what is owed', () => {
    const { ledger, book, s, accounts } = issued([300_000, 100_000]);
    ledger.transfer(WORLD, book.escrow[s]!, 1_000_000, FLOW.rent);
    const paid = prepaySeries(ledger, book, s, 100_001);
    expect(paid).toBe(100_001);
    expect(Array.from(book.principalCents.subarray(0, 2))).toEqual([224_999, 75_000]);
    expect(prepaySeries(ledger, book, s, 10_000_000)).toBe(299_999);
    expect(book.status[s]).toBe(SERIES_REDEEMED);
    expect(ledger.balance(accounts[1]!)).toBe(300_000);
  });
});

describe('rental auction', () => {
  const bids = [{ bidder: 7, willingnessCents: 2000 }, { bidder: 8, willingnessCents: 3000 }, { bidder: 9, willingnessCents: 2500 }];
  it('second-price: the highest willingness wins and pays the runner-up', () => {
    expect(clearRentalAuction(bids, 1000, 'second-price')).toEqual({ winner: 1, rentCents: 2500 });
  });
  it('second-price with one bidder above the reserve pays the reserve', () => {
    expect(clearRentalAuction(bids, 2800, 'second-price')).toEqual({ winner: 1, rentCents: 2800 });
  });
  it('first-price: the winner pays its shaded bid, between the reserve and its willingness', () => {
    const out = clearRentalAuction(bids, 1000, 'first-price');
    expect(out.winner).toBe(1);
    expect(out.rentCents).toBe(1000 + Math.round((2 / 3) * 2000));
  });
  it('no bid at the reserve: no winner', () => {
    expect(clearRentalAuction(bids, 3001, 'second-price').winner).toBe(-1);
  });
});

describe('liquidation', () => {
  it('MODEL.md 9: a default in month 12 leaves about 110,511 owed against 79,800, a 28% loss', () => {
    const rows = amortisationSchedule(120_000 * UNIT, 0.05, 120);
    const owed = 120_000 * UNIT - rows.slice(0, 12).reduce((s, r) => s + r.principalCents, 0);
    expect(Math.abs(owed / UNIT - 110_511)).toBeLessThan(2);
    const value = liquidationValueCents(Math.round(120_000 * UNIT * (1 - 12 / 240)), 0.3);
    expect(value / UNIT).toBe(79_800);
    expect((owed - value) / owed).toBeCloseTo(0.278, 2);
  });

  it('pays bondholders before the owner and records their shortfall as a loss', () => {
    const { ledger, accounts } = economyWithSavers([0, 600_000, 400_000]);
    const [owner, a, b] = accounts as [number, number, number];
    const book = new BondBook();
    const s = issueSeries(ledger, book, [{ bidder: a, amountCents: 600_000, annualYield: 0.05 }, { bidder: b, amountCents: 400_000, annualYield: 0.05 }],
      { issuer: 0, issuerAccount: owner, asset: 0, tick: 0, maturityMonths: 12 });
    ledger.transfer(owner, WORLD, 1_000_000, FLOW['asset-purchase']);
    const out = liquidate(ledger, book, s, 700_000, owner);
    expect(out).toEqual({ proceedsCents: 700_000, paidToHoldersCents: 700_000, lossCents: 300_000, toOwnerCents: 0 });
    expect(ledger.balance(a)).toBe(420_000);
    expect(ledger.balance(b)).toBe(280_000);
    expect(ledger.balance(owner)).toBe(0);
    expect(book.lossCents).toBe(300_000);
    expect(book.status[s]).toBe(SERIES_DEFAULTED);
    expect(ledger.audit()).toBeNull();
  });

  it('gives the owner what is left once bondholders are whole', () => {
    const { ledger, accounts } = economyWithSavers([0, 500_000]);
    const [owner, a] = accounts as [number, number];
    const book = new BondBook();
    const s = issueSeries(ledger, book, [{ bidder: a, amountCents: 500_000, annualYield: 0.05 }],
      { issuer: 0, issuerAccount: owner, asset: 0, tick: 0, maturityMonths: 12 });
    ledger.transfer(owner, WORLD, 500_000, FLOW['asset-purchase']);
    const out = liquidate(ledger, book, s, 800_000, owner);
    expect(out.lossCents).toBe(0);
    expect(out.toOwnerCents).toBe(300_000);
    expect(ledger.balance(a)).toBe(500_000);
  });
});

describe('divisions', () => {
  it('pro-rata shares sum to the total, the remainder going one cent each in order', () => {
    const out = new Float64Array(3);
    allocateProRata(10, [1, 1, 1], out);
    expect(Array.from(out)).toEqual([4, 3, 3]);
    allocateProRata(101, [2, 1, 0], out);
    expect(Array.from(out)).toEqual([68, 33, 0]);
  });
  it('equal shares carry the remainder', () => {
    expect(equalShareCents(1003, 4)).toEqual({ shareCents: 250, carryCents: 3 });
  });
});

describe('service with prepayment', () => {
  it('pays the schedule and redeems early with what the escrow holds beyond it, never more than is owed', () => {
    const ledger = new Ledger();
    const issuer = ledger.open();
    const a = ledger.open();
    const b = ledger.open();
    ledger.transfer(WORLD, a, 300_000, FLOW.endowment);
    ledger.transfer(WORLD, b, 100_000, FLOW.endowment);
    const book = new BondBook();
    const s = issueSeries(ledger, book, [{ bidder: a, amountCents: 300_000, annualYield: 0.06 }, { bidder: b, amountCents: 100_000, annualYield: 0.06 }],
      { issuer: 0, issuerAccount: issuer, asset: 0, tick: 0, maturityMonths: 60 });
    const due = book.due(s);
    ledger.transfer(WORLD, book.escrow[s]!, due + 40_001, FLOW.rent);
    const interestTo = interestByHolder();
    expect(serviceSeries(ledger, book, s, interestTo.paid, true)).toBe(true);
    expect(ledger.balance(book.escrow[s]!)).toBe(0);
    const owed = book.outstanding(s);
    // Without prepayment the balance after one month would be larger by exactly the extra.
    const plain = amortisationSchedule(300_000, 0.06, 60)[0]!.principalCents + amortisationSchedule(100_000, 0.06, 60)[0]!.principalCents;
    expect(owed).toBe(400_000 - plain - 40_001);
    // Pro rata: the 3:1 holdings stay in about 3:1.
    expect(book.principalCents[0]! / book.principalCents[1]!).toBeCloseTo(3, 3);
    ledger.transfer(WORLD, book.escrow[s]!, 10_000_000, FLOW.rent);
    expect(serviceSeries(ledger, book, s, interestTo.paid, true)).toBe(true);
    expect(book.status[s]).toBe(SERIES_REDEEMED);
    expect(ledger.balance(a) + ledger.balance(b)).toBe(400_000 + interestTo.of(a) + interestTo.of(b));
    expect(ledger.audit()).toBeNull();
  });
});
