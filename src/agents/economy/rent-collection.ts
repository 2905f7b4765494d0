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

/**
 * How each person's let assets were settled this month, one byte for its productive asset and
 * one for its home (a person possesses those two at most: possession.ts): possessed, paid, paid
 * by its cooperative, commune property. The walk over assets, in id order with possessors at
 * random, writes one byte per asset into these 20 kB, and a walk over persons folds them into
 * the yearly sums: the sums per person the walk once added to directly (32 bytes a person,
 * 320 kB at 10,000) missed the cache at nearly every asset.
 */
const POSSESSED = 1;
const PAID = 2;
const PAID_BY_COOPERATIVE = 4;
const COMMUNAL = 8;
let assetSettled = new Uint8Array(0);
let homeSettled = new Uint8Array(0);

export function collectRent(state: EconomyState): void {
  const { assets, persons, ledger, orgs, bonds, params, counters } = state;
  // Columns read once into locals: the loop below runs over every asset every month.
  const { alive, possessor, ownerKind, rentCents, cls, missedRent, series, letOut } = assets;
  const productive = assets.classProductive;
  const { mode, employer, firstAccount } = persons;
  const escrow = bonds.escrow;
  const organisations = orgs.all;
  const reserve = params.depreciationReserve;
  const live = assets.live();
  let rentTotal = 0;
  let poolRent = 0;
  let producersPoolRent = 0;
  let nonMembersPoolRent = 0;
  const housing = state.housingYear;
  if (assetSettled.length < persons.count) {
    assetSettled = new Uint8Array(persons.count);
    homeSettled = new Uint8Array(persons.count);
  }
  const byAsset = assetSettled.fill(0, 0, persons.count);
  const byHome = homeSettled.fill(0, 0, persons.count);
  for (let k = 0; k < live.length; k++) {
    const a = live[k]!;
    if (!alive[a]) continue;
    const p = possessor[a]!;
    // Assets worked by their owner's own workers pay no rent.
    if (p < 0 || !letOut[a]) continue;
    const rent = rentCents[a]!;
    const c = cls[a]!;
    const isProductive = productive[c]!;
    const settledBy = isProductive ? byAsset : byHome;
    // The cooperative pays for the asset its member works for it, not for the member's home
    // (v2 charged a member's home rent to its cooperative).
    const collective = isProductive && mode[p] === MEMBER_WORKER ? employer[p]! : -1;
    const account = collective >= 0 ? organisations[collective]!.account : firstAccount + p;
    const kind = ownerKind[a]!;
    const how = kind === COMMUNE ? POSSESSED | COMMUNAL : POSSESSED;
    if (rent <= 0) {
      settledBy[p] = how;
      continue;
    }
    if (ledger.balance(account) < rent) {
      missedRent[a]!++;
      settledBy[p] = how;
      continue;
    }
    missedRent[a] = 0;
    const seriesId = series[a]!;
    housing[RENT_BY_KIND + kind]! += rent;
    if (!isProductive) housing[HOME_RENT_BY_KIND + kind]! += rent;
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
      if (isProductive) producersPoolRent += toPool;
      if (persons.memberOf[p] !== owner.id) nonMembersPoolRent += toPool;
    }
    rentTotal += rent;
    if (collective >= 0) {
      organisations[collective]!.rentMonth += rent;
      settledBy[p] = how | PAID | PAID_BY_COOPERATIVE;
    } else {
      settledBy[p] = how | PAID;
    }
  }
  counters.rentYear += rentTotal;
  counters.poolRentCents += poolRent;
  counters.poolRentFromProducersCents += producersPoolRent;
  counters.poolRentFromNonMembersCents += nonMembersPoolRent;
  foldRentIntoPersons(state, byAsset, byHome);
}

/**
 * Adds this month's rent to each person's yearly sums: the class price of the commune property
 * it uses and the rent it paid for that (MODEL.md 7, claim 2), the rent charged to its labour
 * income and to its income. Every person adds its four sums, zeros included, as before; each is
 * whole cents, so the same in any order.
 */
function foldRentIntoPersons(state: EconomyState, byAsset: Uint8Array, byHome: Uint8Array): void {
  const { assets, persons } = state;
  const { rentCents, cls, classPrice } = assets;
  const { asset, home, useYear, rentYear, labourYear, incomeCents } = persons;
  for (let p = 0; p < persons.count; p++) {
    let use = 0, communeRent = 0, labourRent = 0, ownRent = 0;
    const onAsset = byAsset[p]!;
    if (onAsset !== 0) {
      const a = asset[p]!;
      const communal = (onAsset & COMMUNAL) !== 0 ? 1 : 0;
      use += communal * classPrice[cls[a]!]!;
      if ((onAsset & PAID) !== 0) {
        const rent = rentCents[a]!;
        communeRent += communal * rent;
        if ((onAsset & PAID_BY_COOPERATIVE) === 0) {
          labourRent += rent;
          ownRent += rent;
        }
      }
    }
    const onHome = byHome[p]!;
    if (onHome !== 0) {
      const h = home[p]!;
      const communal = (onHome & COMMUNAL) !== 0 ? 1 : 0;
      use += communal * classPrice[cls[h]!]!;
      if ((onHome & PAID) !== 0) {
        const rent = rentCents[h]!;
        communeRent += communal * rent;
        ownRent += rent;
      }
    }
    useYear[p]! += use;
    rentYear[p]! += communeRent;
    labourYear[p]! -= labourRent;
    incomeCents[p]! -= ownRent;
  }
}
