// MODEL.md 10.5, takeovers at year end: each firm with assets is put up for sale with
// probability `firms.forSaleRate` (stream `takeovers`, firms in id order), and a more productive
// firm of its line buys it at a price its shareholders accept (`planTakeovers`): market value,
// capitalised at the trailing bond yield, plus a premium. The price goes to the target's shareholders; the
// target's cash, assets, bond series and employees pass to the acquirer. Each one is an event.
import { FLOW } from '../../model/ledger.ts';
import type { RandomStream } from '../../model/random.ts';
import type { EconomyState } from '../../model/economy/economy-state.ts';
import { ORG_FIRM } from '../../model/economy/organisation-table.ts';
import { organisationEquity } from '../../model/economy/net-worth.ts';
import { planTakeovers, type FirmStanding } from './takeover.ts';
import { payShareholders } from './shareholder-payouts.ts';
import { absorbHoldings } from '../economy/absorption.ts';
import { atLeastBaseYield } from '../cooperative/idle-capital.ts';

export function holdTakeovers(state: EconomyState, rng: RandomStream): void {
  const { orgs, ledger, assets, persons, params, counters } = state;
  if (!params.takeovers) return;
  const equity = organisationEquity(state);
  const bookValue = new Float64Array(orgs.all.length);
  assets.addBookValueByOwner(state.tick, bookValue);
  const debt = new Float64Array(orgs.all.length);
  sumDebtByIssuer(state, debt);
  const standings: FirmStanding[] = [];
  listStandings(state, rng, equity, bookValue, debt, standings);
  // Profits are capitalised at last year's face-weighted clearing yield of every series sold
  // (MODEL-CHOICES "Takeovers"), not the hurdle's mean over communes' series.
  const capitalisation = atLeastBaseYield(state, state.finance.lastYearClearingYield);
  for (const plan of planTakeovers(standings, capitalisation, params.takeoverPremium)) {
    const buyer = orgs.get(plan.acquirer);
    const target = orgs.get(plan.target);
    const sizeA = assets.ownedBy(buyer.id);
    const sizeB = assets.ownedBy(target.id);
    // The buyer pays the target's shareholders through the target's account.
    if (plan.priceCents > 0) ledger.transfer(buyer.account, target.account, plan.priceCents, FLOW.capital);
    payShareholders(state, target, plan.priceCents, FLOW.capital);
    const rest = ledger.balance(target.account);
    if (rest > 0) ledger.transfer(target.account, buyer.account, rest, FLOW.other);
    absorbHoldings(state, target, buyer);
    moveEmployees(persons.employer, persons.count, target.id, buyer.id);
    buyer.hired += target.hired;
    counters.takeovers++;
    state.events.push({ tick: state.tick, kind: 'takeover', org: buyer.id, other: target.id, sizeA, sizeB });
  }
}

// Each walk below is a function of its own, ending with its loop: holdTakeovers, compiled on
// stack in a first year's walk, had no feedback for the code after it and gave it up year after
// year in Chromium (6 to 11 deoptimisations a mixed 10,000 x 50 y run; up to 3 TurboFan compiles, 200 ms).

/** Adds each active series' outstanding principal to its issuer's `debt`. */
function sumDebtByIssuer(state: EconomyState, debt: Float64Array): void {
  const { bonds } = state;
  for (let k = 0, active = bonds.active(); k < active.length; k++) debt[bonds.issuer[active[k]!]!]! += bonds.outstanding(active[k]!);
}

/** Lists the standing of each live firm with assets, in id order (one `forSaleRate` draw each). */
function listStandings(
  state: EconomyState, rng: RandomStream, equity: Float64Array, bookValue: Float64Array, debt: Float64Array, standings: FirmStanding[],
): void {
  const { orgs, ledger, params } = state;
  for (const org of orgs.all) {
    if (!org.alive || org.kind !== ORG_FIRM || bookValue[org.id]! <= 0) continue;
    standings.push({
      id: org.id, cashCents: ledger.balance(org.account), bookEquityCents: equity[org.id]!, debtCents: debt[org.id]!,
      annualProfitCents: 12 * org.trailingNetIncome, annualSalesCents: 12 * org.salesMonth, productivity: org.productivity, line: org.line,
      // Owners sell at random (`forSaleRate`) and whenever the firm has lost money over the trailing year.
      forSale: rng.bernoulli(params.forSaleRate) || org.trailingNetIncome < 0,
    });
  }
}

/** The target's employees now work for the buyer. */
function moveEmployees(employer: Int32Array, count: number, from: number, to: number): void {
  for (let p = 0; p < count; p++) if (employer[p] === from) employer[p] = to;
}
