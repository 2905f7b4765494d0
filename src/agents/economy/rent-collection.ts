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
  const productive = assets.classProductive;
  for (const a of assets.live()) {
    if (!assets.alive[a]) continue;
    const p = assets.possessor[a]!;
    // Firms' and cooperatives' assets are worked, not rented.
    if (p < 0 || assets.ownerKind[a] !== COMMUNE) continue;
    const rent = assets.rentCents[a]!;
    const collective = persons.mode[p] === MEMBER_WORKER ? persons.employer[p]! : -1;
    const account = collective >= 0 ? orgs.all[collective]!.account : persons.firstAccount + p;
    persons.useYear[p]! += assets.classPrice[assets.cls[a]!]!;
    if (rent <= 0) continue;
    if (ledger.balance(account) < rent) {
      assets.missedRent[a]!++;
      continue;
    }
    assets.missedRent[a] = 0;
    const seriesId = assets.series[a]!;
    if (seriesId >= 0) {
      ledger.transfer(account, bonds.escrow[seriesId]!, rent, RENT);
    } else {
      const owner = orgs.get(assets.owner[a]!);
      let toPool = rent;
      if (params.depreciationReserve) {
        const cls = assets.classOf(a);
        const kept = Math.min(rent, depreciationOf(cls.priceCents, cls.lifespanMonths));
        if (kept > 0) ledger.transfer(account, owner.reserveAccount, kept, RENT);
        toPool -= kept;
      }
      if (toPool > 0) ledger.transfer(account, owner.account, toPool, RENT);
      owner.poolIncomeMonth += toPool;
    }
    persons.rentYear[p]! += rent;
    counters.rentYear += rent;
    if (collective >= 0) {
      orgs.all[collective]!.rentMonth += rent;
      continue;
    }
    if (productive[assets.cls[a]!]) persons.labourYear[p]! -= rent;
    persons.incomeCents[p]! -= rent;
  }
}
