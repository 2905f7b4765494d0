// MODEL.md 2, "consumption": each person buys from `world`
// `subsistence + mpcIncome * max(0, y - subsistence) + mpcWealth * max(0, W - buffer)`,
// y this month's income, W net worth (cash + bonds at face outstanding + commune share,
// cooperative membership and firm shares at book equity). Short of cash it consumes what it
// has and the month counts as hardship.
import { FLOW, WORLD } from '../../model/ledger.ts';
import type { EconomyState } from '../../model/economy/economy-state.ts';
import { addOrganisationClaims, organisationEquity } from '../../model/economy/net-worth.ts';

const CONSUMPTION = FLOW.consumption;
const TO_WORLD = WORLD;

export function consume(state: EconomyState): void {
  const { persons } = state;
  const { scratch } = state;
  scratch.equityCents = organisationEquity(state, scratch.equityCents, persons.bondCents);
  const claims = scratch.claimsCents;
  claims.fill(0);
  addOrganisationClaims(state, scratch.equityCents, claims);
  state.counters.hardshipMonthsYear += payConsumption(state, claims);
}

/**
 * Each person's purchase; returns the persons short of cash. The loop has a function of its
 * own, with nothing after it: V8 compiled consume while its first call was still in the loop,
 * before the counter after it had ever run, and that code then gave up at the counter on
 * every later call (some 400 deoptimisations a run, each month's end of consume interpreted).
 */
function payConsumption(state: EconomyState, claims: Float64Array): number {
  const { persons, params, ledger } = state;
  const { subsistenceCents, mpcIncome, mpcWealth, bufferCents } = params;
  const { bondCents, incomeCents, hardship, firstAccount } = persons;
  let hardshipMonths = 0;
  for (let p = 0; p < persons.count; p++) {
    const account = firstAccount + p;
    const cash = ledger.balance(account);
    const wealth = cash + bondCents[p]! + claims[p]!;
    const y = incomeCents[p]!;
    const wanted = Math.round(
      subsistenceCents + mpcIncome * Math.max(0, y - subsistenceCents) + mpcWealth * Math.max(0, wealth - bufferCents),
    );
    const paid = Math.min(cash, wanted);
    if (paid > 0) ledger.transfer(account, TO_WORLD, paid, CONSUMPTION);
    const short = paid < wanted ? 1 : 0;
    hardship[p] = short;
    hardshipMonths += short;
  }
  return hardshipMonths;
}
