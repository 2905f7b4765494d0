// MODEL.md 5, capitalist firm: founded by a capitalist whose cash exceeds `foundingCapital`
// (it contributes that much and holds the shares); bankrupt when it fails the insolvency test
// every kind shares (`graceMonths` months in a row without the cash for wages and service; a
// series behind schedule only costs it that series' asset, defaults.ts): every asset is liquidated (its bondholders first, by the shared waterfall),
// and what is left goes to the shareholders last, pro rata. Foundings happen at year end (and
// `initialCount` at the start); bankruptcies in the month they happen.
import { FLOW, WORLD } from '../../model/ledger.ts';
import type { RandomStream } from '../../model/random.ts';
import type { EconomyState } from '../../model/economy/economy-state.ts';
import { FIRM_LINE_PRODUCING, ORG_FIRM, endOrganisation, EXIT_FAILED, type Organisation } from '../../model/economy/organisation-table.ts';
import { enterpriseEquity } from '../../model/economy/net-worth.ts';
import { liquidateAssetsOf } from '../economy/asset-disposal.ts';
import { foundingsThisYear } from '../economy/founding.ts';
import { marketWageRateCents } from '../economy/wages.ts';
import { payShareholders } from './shareholder-payouts.ts';
import { chooseLine, enterLine, lineMarket } from './line-of-business.ts';

/** Founds a firm in `line` (MODEL.md 10.1: a landlord firm or a producing one, for life). */
export function foundFirm(state: EconomyState, capitalist: number, line = FIRM_LINE_PRODUCING): Organisation {
  const { ledger, orgs, persons, params } = state;
  const account = ledger.open(2);
  const firm = orgs.add(ORG_FIRM, account, account + 1, state.tick);
  ledger.transfer(persons.firstAccount + capitalist, firm.account, params.foundingCapitalCents, FLOW.capital);
  firm.holders.push(capitalist);
  firm.contributed.push(params.foundingCapitalCents);
  state.counters.firmsFounded++;
  firm.wageRateCents = marketWageRateCents(state);
  firm.line = line;
  return firm;
}

/**
 * Lists into `eligible` the capitalists with more cash than the founding capital. A function of
 * its own, ending with its loop: foundFirms, compiled on stack in its first walk with the
 * foundings inlined after it, was recompiled whole by TurboFan some 7 times a run in Chromium
 * (386 ms of compiling) as that code was given up.
 */
function listFounders(state: EconomyState, eligible: number[]): void {
  const { persons, ledger, params } = state;
  for (let p = 0; p < persons.count; p++) {
    if (persons.isCapitalist[p] && ledger.balance(persons.firstAccount + p) > params.foundingCapitalCents) eligible.push(p);
  }
}

/**
 * Founds `count` firms, each by a capitalist drawn among those with more cash than the founding
 * capital, in the line its founder expects to earn more in (line-of-business.ts).
 */
export function foundFirms(state: EconomyState, rng: RandomStream, count: number, record: boolean): void {
  const { persons, ledger, params } = state;
  if (!params.firmsEnabled || count <= 0) return;
  const eligible: number[] = [];
  listFounders(state, eligible);
  const market = eligible.length > 0 ? lineMarket(state) : undefined;
  for (let k = 0; k < count && market !== undefined && eligible.length > 0; k++) {
    const drawn = rng.int(eligible.length);
    const capitalist = eligible[drawn]!;
    const line = chooseLine(market);
    enterLine(market, line);
    const firm = foundFirm(state, capitalist, line);
    if (record) state.events.push({ tick: state.tick, kind: 'founding', org: firm.id, other: -1, sizeA: 0, sizeB: 0 });
    // Only the founder's cash changed: the list stays what a new scan would find.
    if (!(ledger.balance(persons.firstAccount + capitalist) > params.foundingCapitalCents)) eligible.splice(drawn, 1);
  }
}

export function foundNewFirms(state: EconomyState, rng: RandomStream): void {
  foundFirms(state, rng, foundingsThisYear(state.params.firmFoundingRatePerYear, rng), true);
}

/** Liquidates a firm: assets first (bondholders of each asset first), the rest to shareholders. */
export function liquidateFirm(state: EconomyState, firm: Organisation): void {
  const { ledger, counters } = state;
  const equityBefore = Math.max(0, enterpriseEquity(state)[firm.id]!);
  const size = liquidateAssetsOf(state, firm.id);
  const paid = payShareholders(state, firm, ledger.balance(firm.account), FLOW.liquidation);
  if (ledger.balance(firm.reserveAccount) > 0) ledger.transfer(firm.reserveAccount, WORLD, ledger.balance(firm.reserveAccount), FLOW.other);
  counters.shareholderLossCents += Math.max(0, equityBefore - paid);
  endOrganisation(firm, state.tick, EXIT_FAILED);
  counters.firmsFailed++;
  state.events.push({ tick: state.tick, kind: 'failure', org: firm.id, other: -1, sizeA: size, sizeB: 0 });
}

/** Monthly: a firm that has missed payments for `graceMonths` is bankrupt. */
export function enforceBankruptcies(state: EconomyState): void {
  for (const firm of state.orgs.all) {
    if (firm.alive && firm.kind === ORG_FIRM && firm.missedPayments >= state.params.graceMonths) liquidateFirm(state, firm);
  }
}

/** Year end: a firm left with no assets for twelve months winds up and returns its cash. */
export function closeEmptyFirms(state: EconomyState): void {
  for (const firm of state.orgs.all) {
    if (firm.alive && firm.kind === ORG_FIRM && state.assets.ownedBy(firm.id) === 0 && firm.monthsWithoutAssets >= 12) liquidateFirm(state, firm);
  }
}
