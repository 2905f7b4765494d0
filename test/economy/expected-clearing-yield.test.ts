// Rent at the expected clearing yield (issue 14, MODEL.md 10.2: maxYield is a usury cap, not the
// price of credit): an asker offers the debt service at the mean marginal ask of last year's
// bond auctions, cleared or not, within baseYield..maxYield; maxYield before any auction.
import { describe, expect, it } from 'vitest';
import { RandomStream } from '../../src/model/random.ts';
import type { EconomyState } from '../../src/model/economy/economy-state.ts';
import type { Organisation } from '../../src/model/economy/organisation-table.ts';
import { annuityPaymentCents } from '../../src/model/market/bond-series.ts';
import { newSaverQueue, openSaverBudgets } from '../../src/agents/economy/savers.ts';
import { buyWithBonds } from '../../src/agents/economy/bond-purchase.ts';
import { closeFinanceYear } from '../../src/agents/economy/credit-history.ts';
import { expectedClearingYieldOf, offeredRentCents } from '../../src/agents/economy/mode-choice.ts';
import { endow, handBuiltEconomy } from './hand-built-economy.ts';

const PRICE = 12_000_000; // a workshop, in cents
const WORKSHOP = 0;

function economy(): { state: EconomyState; commune: Organisation } {
  const state = handBuiltEconomy({ bonds: { askNoise: 0, saversFraction: 1, maxYield: 0.2 } });
  return { state, commune: state.orgs.all[0]! };
}

/** One auction for a workshop; `accepts` is the issuer's guarantee. The clearing (marginal) yield if cleared. */
function auction(state: EconomyState, issuer: Organisation, accepts: boolean): number | undefined {
  const queue = newSaverQueue(state.persons.count);
  openSaverBudgets(state, queue);
  return buyWithBonds(state, issuer, WORKSHOP, () => accepts, -1, queue, new RandomStream('test', 'bond-asks'))?.outcome.clearingYield;
}

/** A saver asking a high yield (a 12% return on firm equity elsewhere) with the whole price to lend. */
function dearSaver(state: EconomyState): void {
  endow(state, 0, 3 * PRICE);
  state.finance.setEquityReturn(0, 0.12);
}

describe('rent at the expected clearing yield', () => {
  it('offers the service at maxYield before any auction was held', () => {
    const { state } = economy();
    const cls = state.classes[WORKSHOP]!;
    expect(offeredRentCents(state, WORKSHOP)).toBe(annuityPaymentCents(cls.priceCents, 0.2, state.params.maturityMonths));
  });

  it('expects the mean marginal ask of all last year\'s auctions, the ones the guarantee refused included', () => {
    // The dear saver's marginal ask, measured where its auction clears.
    const twin = economy();
    dearSaver(twin.state);
    const dear = auction(twin.state, twin.commune, true)!;
    // Here the guarantee refuses that auction; then a cheap saver (base yield) clears the next one.
    const { state, commune } = economy();
    dearSaver(state);
    expect(auction(state, commune, false)).toBeUndefined();
    endow(state, 1, 3 * PRICE);
    state.finance.setEquityReturn(0, 0.5); // the dear saver now asks more than the cheap one: the cheap one fills the face
    const cheap = auction(state, commune, true)!;
    expect(dear).toBeGreaterThan(cheap + 0.05);
    closeFinanceYear(state);
    // Cleared auctions alone would expect `cheap`: the refused, dearer one counts too.
    expect(expectedClearingYieldOf(state)).toBeCloseTo((dear + cheap) / 2, 12);
    const cls = state.classes[WORKSHOP]!;
    expect(offeredRentCents(state, WORKSHOP)).toBe(annuityPaymentCents(cls.priceCents, (dear + cheap) / 2, state.params.maturityMonths));
  });

  it('keeps the expectation within baseYield and maxYield, and through a year without auctions', () => {
    const { state } = economy();
    state.finance.marginalYieldSumYear = 0.9;
    state.finance.auctionsYear = 1;
    closeFinanceYear(state);
    expect(expectedClearingYieldOf(state)).toBe(0.2);
    closeFinanceYear(state);
    expect(expectedClearingYieldOf(state)).toBe(0.2);
    state.finance.marginalYieldSumYear = 0.01;
    state.finance.auctionsYear = 1;
    closeFinanceYear(state);
    expect(expectedClearingYieldOf(state)).toBe(state.params.baseYield);
  });
});
