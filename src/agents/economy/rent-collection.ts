// MODEL.md 4-5, "rent": each possessor pays its monthly rent. While the asset's bonds are
// outstanding the rent goes to the series' escrow (the rental agreement is the guarantee of
// the series); once redeemed it goes to the owner's pool, less the replacement reserve when
// the commune keeps one. A possessor who cannot pay misses the month (nothing is paid). A
// cooperative's member working a commune asset for it (MODEL.md 5: "a federation of workers'
// collectives") has the rent paid by the cooperative, which sells the output.
import { FLOW } from '../../model/ledger.ts';
import { depreciationPerMonthCents } from '../../model/market/depreciation.ts';
import type { EconomyState } from '../../model/economy/economy-state.ts';
import { ORG_COMMUNE } from '../../model/economy/organisation-table.ts';
import { MODE_MEMBER_WORKER } from '../../model/economy/person-table.ts';

const RENT = FLOW.rent;
const depreciationOf = depreciationPerMonthCents;
const COMMUNE = ORG_COMMUNE;
const MEMBER_WORKER = MODE_MEMBER_WORKER;

export function collectRent(state: EconomyState): void {
  const { assets, persons, ledger, orgs, bonds, params, counters } = state;
  // Columns read once into locals: the loop below runs over every asset every month.
  const { alive, possessor, ownerKind, rentCents, cls, classPrice, missedRent, series } = assets;
  const productive = assets.classProductive;
  const { mode, employer, useYear, rentYear, labourYear, incomeCents, firstAccount } = persons;
  const escrow = bonds.escrow;
  const organisations = orgs.all;
  const reserve = params.depreciationReserve;
  const live = assets.live();
  let rentTotal = 0;
  for (let k = 0; k < live.length; k++) {
    const a = live[k]!;
    if (!alive[a]) continue;
    const p = possessor[a]!;
    // Firms' and cooperatives' assets are worked, not rented.
    if (p < 0 || ownerKind[a] !== COMMUNE) continue;
    const rent = rentCents[a]!;
    const collective = mode[p] === MEMBER_WORKER ? employer[p]! : -1;
    const account = collective >= 0 ? organisations[collective]!.account : firstAccount + p;
    const c = cls[a]!;
    useYear[p]! += classPrice[c]!;
    if (rent <= 0) continue;
    if (ledger.balance(account) < rent) {
      missedRent[a]!++;
      continue;
    }
    missedRent[a] = 0;
    const seriesId = series[a]!;
    if (seriesId >= 0) {
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
    }
    rentYear[p]! += rent;
    rentTotal += rent;
    if (collective >= 0) {
      organisations[collective]!.rentMonth += rent;
      continue;
    }
    if (productive[c]) labourYear[p]! -= rent;
    incomeCents[p]! -= rent;
  }
  counters.rentYear += rentTotal;
}
