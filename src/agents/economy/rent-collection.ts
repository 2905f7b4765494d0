// MODEL.md 4-5 and 10.1, "rent": each possessor of a let asset (any owner's: MODEL.md 10.1,
// 10.8) pays its monthly rent. On a commune's asset, while its bonds are outstanding the rent
// goes to the series' escrow (the rental agreement is the guarantee of the series); once
// redeemed it goes to the owner's pool, less the replacement reserve when the commune keeps
// one. A firm or cooperative receives the rent into its account as income and services its
// series from there, as it does for every series. A possessor who cannot pay misses the month
// (nothing is paid). A cooperative's member working a let asset for it (MODEL.md 5: "a
// federation of workers' collectives") has the rent paid by the cooperative, which sells the output.
import { FLOW } from '../../model/ledger.ts';
import { depreciationPerMonthCents } from '../../model/market/depreciation.ts';
import type { EconomyState } from '../../model/economy/economy-state.ts';
import { ORG_COMMUNE } from '../../model/economy/organisation-table.ts';
import { MODE_MEMBER_WORKER } from '../../model/economy/person-table.ts';
import { HOME_RENT_BY_KIND, RENT_BY_KIND } from '../../model/economy/housing-accounts.ts';

const RENT = FLOW.rent;
const depreciationOf = depreciationPerMonthCents;
const COMMUNE = ORG_COMMUNE;
const MEMBER_WORKER = MODE_MEMBER_WORKER;

/*
 * This month's sums per person (state.scratch.rentSums), four to a person side by side: the
 * class price of the commune property it uses, the rent it paid for that, the part of that on productive assets, and
 * the rent charged to its own income. Assets come in id order, so possessors come at random;
 * four adjacent sums cost one cache line per person where the person table's four columns cost
 * four (the phase ran 14% faster). Whole cents add exactly in any order, so folding them into
 * the columns after the loop gives the same values.
 */

export function collectRent(state: EconomyState): void {
  const { assets, persons, ledger, orgs, bonds, params, counters } = state;
  // Columns read once into locals: the loop below runs over every asset every month.
  const { alive, possessor, ownerKind, rentCents, cls, classPrice, missedRent, series, letOut } = assets;
  const productive = assets.classProductive;
  const { mode, employer, useYear, rentYear, labourYear, incomeCents, firstAccount } = persons;
  const escrow = bonds.escrow;
  const organisations = orgs.all;
  const reserve = params.depreciationReserve;
  const live = assets.live();
  let rentTotal = 0;
  let poolRent = 0;
  let producersPoolRent = 0;
  let nonMembersPoolRent = 0;
  const housing = state.housingYear;
  const n = persons.count;
  // All zero between calls: the fold below zeroes each cell it reads.
  const acc = state.scratch.rentSums;
  for (let k = 0; k < live.length; k++) {
    const a = live[k]!;
    if (!alive[a]) continue;
    const p = possessor[a]!;
    // Assets worked by their owner's own workers pay no rent.
    if (p < 0 || !letOut[a]) continue;
    const rent = rentCents[a]!;
    const c = cls[a]!;
    // The cooperative pays for the asset its member works for it, not for the member's home
    // (v2 charged a member's home rent to its cooperative).
    const collective = productive[c] && mode[p] === MEMBER_WORKER ? employer[p]! : -1;
    const account = collective >= 0 ? organisations[collective]!.account : firstAccount + p;
    const q = 4 * p;
    const kind = ownerKind[a]!;
    // Use of commune property and rent paid for it (MODEL.md 7, claim 2) count commune assets only.
    const communal = kind === COMMUNE ? 1 : 0;
    acc[q]! += communal * classPrice[c]!;
    if (rent <= 0) continue;
    if (ledger.balance(account) < rent) {
      missedRent[a]!++;
      continue;
    }
    missedRent[a] = 0;
    const seriesId = series[a]!;
    housing[RENT_BY_KIND + kind]! += rent;
    if (!productive[c]) housing[HOME_RENT_BY_KIND + kind]! += rent;
    if (kind !== COMMUNE) {
      const owner = organisations[assets.owner[a]!]!;
      ledger.transfer(account, owner.account, rent, RENT);
      owner.rentIncomeMonth += rent;
    } else if (seriesId >= 0) {
      ledger.transfer(account, escrow[seriesId]!, rent, RENT);
    } else {
      const owner = orgs.get(assets.owner[a]!);
      let toPool = rent;
      if (reserve) {
        const cl = assets.classOf(a);
        const kept = Math.min(rent, depreciationOf(cl.priceCents, cl.lifespanMonths));
        if (kept > 0) ledger.transfer(account, owner.reserveAccount, kept, RENT);
        toPool -= kept;
      }
      if (toPool > 0) ledger.transfer(account, owner.account, toPool, RENT);
      owner.poolIncomeMonth += toPool;
      poolRent += toPool;
      if (productive[c]) producersPoolRent += toPool;
      if (persons.memberOf[p] !== owner.id) nonMembersPoolRent += toPool;
    }
    acc[q + 1]! += communal * rent;
    rentTotal += rent;
    if (collective >= 0) {
      organisations[collective]!.rentMonth += rent;
      continue;
    }
    if (productive[c]) acc[q + 2]! += rent;
    acc[q + 3]! += rent;
  }
  // Untouched persons add zeros: a sum here is never -0, so no column's sign changes. Each
  // cell is zeroed once read, ready for next month (no separate pass to clear them).
  for (let p = 0, q = 0; p < n; p++, q += 4) {
    useYear[p]! += acc[q]!;
    rentYear[p]! += acc[q + 1]!;
    labourYear[p]! -= acc[q + 2]!;
    incomeCents[p]! -= acc[q + 3]!;
    acc[q] = 0; acc[q + 1] = 0; acc[q + 2] = 0; acc[q + 3] = 0;
  }
  counters.rentYear += rentTotal;
  counters.poolRentCents += poolRent;
  counters.poolRentFromProducersCents += producersPoolRent;
  counters.poolRentFromNonMembersCents += nonMembersPoolRent;
}
