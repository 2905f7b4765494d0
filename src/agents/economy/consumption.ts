// MODEL.md 2, "consumption": each person buys from `world`
// `subsistence + mpcIncome * max(0, y - subsistence) + mpcWealth * max(0, W - buffer)`,
// y this month's income, W net worth (cash + bonds at face outstanding + commune share,
// cooperative membership and firm shares at book equity). Short of cash it consumes what it
// has and the month counts as hardship.
import { FLOW, WORLD } from '../../model/ledger.ts';
import type { EconomyState } from '../../model/economy/economy-state.ts';
import { addOrganisationClaims, organisationEquity, personBondHoldings } from '../../model/economy/net-worth.ts';

const CONSUMPTION = FLOW.consumption;
const TO_WORLD = WORLD;

export function consume(state: EconomyState): void {
  const { persons, params, ledger, counters } = state;
  personBondHoldings(state, persons.bondCents);
  const claims = state.scratch.claimsCents;
  claims.fill(0);
  addOrganisationClaims(state, organisationEquity(state), claims);
  const { subsistenceCents, mpcIncome, mpcWealth, bufferCents } = params;
  for (let p = 0; p < persons.count; p++) {
    const account = persons.firstAccount + p;
    const cash = ledger.balance(account);
    const wealth = cash + persons.bondCents[p]! + claims[p]!;
    const y = persons.incomeCents[p]!;
    const wanted = Math.round(
      subsistenceCents + mpcIncome * Math.max(0, y - subsistenceCents) + mpcWealth * Math.max(0, wealth - bufferCents),
    );
    const paid = Math.min(cash, wanted);
    if (paid > 0) ledger.transfer(account, TO_WORLD, paid, CONSUMPTION);
    const short = paid < wanted ? 1 : 0;
    persons.hardship[p] = short;
    counters.hardshipMonthsYear += short;
  }
}
