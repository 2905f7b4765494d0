// The live assets as the sampling reads them (MODEL.md 6-7, 10.1): one walk per sample counts the
// homes for the housing reporters and the communes' assets for the owned-outright reporters, and
// sums productive book values for the commune share of productive assets and for property, each
// sum in the live order it always had.
import type { EconomyState } from './economy-state.ts';
import { perSample } from './sample-memo.ts';
import { ORG_COMMUNE } from './organisation-table.ts';
import { SERIES_ACTIVE } from '../market/bond-series.ts';
import { OWNER_KINDS } from './housing-accounts.ts';

/** The live assets at this sample, as the reporters read them. */
export interface AssetCensus {
  count: number;
  /** Redeemed (no series outstanding). */
  ownedOutright: number;
  /** Bought without bonds, or whose series could have been redeemed on schedule by now. */
  possiblyRedeemed: number;
  /** Their lifespans (months) summed. */
  lifespanMonthsSum: number;
  /** How many of each class. */
  readonly byClass: Float64Array;
  /** Book value of every owner's productive assets, of the communes', and of the communes' net of their bonds (cents). */
  productiveBookCents: number;
  /** Book value of productive assets per owner (organisation id), in cents. */
  productiveBookByOwner: Float64Array;
  communeProductiveBookCents: number;
  communeProductiveNetCents: number;
  /** Homes in service, by owner kind, occupied ones and the rent the occupied pay (cents a month). */
  homes: number;
  readonly homesByKind: Float64Array;
  occupiedHomes: number;
  occupiedRentCents: number;
}

export const assetCensus = perSample((s, previous: AssetCensus | undefined): AssetCensus => {
  const census = previous !== undefined && previous.byClass.length === s.classes.length
    ? previous : {
      count: 0, ownedOutright: 0, possiblyRedeemed: 0, lifespanMonthsSum: 0, byClass: new Float64Array(s.classes.length),
      productiveBookCents: 0, productiveBookByOwner: new Float64Array(0), communeProductiveBookCents: 0, communeProductiveNetCents: 0,
      homes: 0, homesByKind: new Float64Array(OWNER_KINDS), occupiedHomes: 0, occupiedRentCents: 0,
    };
  const orgCount = s.orgs.all.length;
  if (census.productiveBookByOwner.length !== orgCount) census.productiveBookByOwner = new Float64Array(orgCount);
  census.productiveBookByOwner.fill(0);
  census.count = 0; census.ownedOutright = 0; census.possiblyRedeemed = 0; census.lifespanMonthsSum = 0;
  census.productiveBookCents = 0; census.communeProductiveBookCents = 0; census.communeProductiveNetCents = 0;
  census.byClass.fill(0);
  census.homes = 0; census.occupiedHomes = 0; census.occupiedRentCents = 0;
  census.homesByKind.fill(0);
  walkLiveAssets(s, census);
  return census;
});

// The walk is a function of its own, ending with its loop: V8 compiled a sample's walk on
// stack and kept that code when it deoptimised after the loop (a division whose feedback had
// seen only whole numbers, a loop not yet run), which it then did at every later sample
// (ownedOutrightCeilingByClass 49 deopts in a mixed 10,000 x 50 y run). The sums are locals,
// written to the census after the loop (each in the same order: the same bits), and the counts
// a branch would take only years into a run (the first commune asset owned outright) add 0 or 1
// instead: the sampling runs once a year, so V8 optimises the walk on its first samples, and a
// branch first taken later had no type feedback there (V8 threw the walk's code away).
function walkLiveAssets(s: EconomyState, census: AssetCensus): void {
  const { assets, bonds, tick } = s;
  const { alive, ownerKind, series: seriesOf, cls, classLife, classProductive, owner, possessor, rentCents, bornTick, classBookValue } = assets;
  const { status, issuedTick, maturityMonths } = bonds;
  const { byClass, productiveBookByOwner: byOwner, homesByKind } = census;
  let count = 0;
  let ownedOutright = 0;
  let possiblyRedeemed = 0;
  let lifespanMonthsSum = 0;
  let productiveBookCents = 0;
  let communeProductiveBookCents = 0;
  let communeProductiveNetCents = 0;
  let homes = 0;
  let occupiedHomes = 0;
  let occupiedRentCents = 0;
  for (let i = 0, live = assets.live(); i < live.length; i++) {
    const a = live[i]!;
    if (!alive[a]) continue;
    if (classProductive[cls[a]!]) {
      // bookValue's table read (0 past the table's end, a whole number of months at least the
      // lifespan, as bookValue has it); the owner's kind from the asset's own column, which
      // its owner's record always matches (fixed: merges and takeovers join like kinds).
      const age = tick - bornTick[a]!;
      const table = classBookValue[cls[a]!]!;
      const book = age < table.length ? (age >= 0 ? table[age]! : assets.bookValue(a, tick)) : 0;
      productiveBookCents += book;
      byOwner[owner[a]!]! += book;
      if (ownerKind[a] === ORG_COMMUNE) {
        communeProductiveBookCents += book;
        communeProductiveNetCents += book - (seriesOf[a]! >= 0 ? bonds.outstanding(seriesOf[a]!) : 0);
      }
    } else {
      homes++;
      homesByKind[ownerKind[a]!]!++;
      if (possessor[a]! >= 0) {
        occupiedHomes++;
        occupiedRentCents += rentCents[a]!;
      }
    }
    if (ownerKind[a] !== ORG_COMMUNE) continue;
    count++;
    byClass[cls[a]!]!++;
    lifespanMonthsSum += classLife[cls[a]!]!;
    const series = seriesOf[a]!;
    ownedOutright += series < 0 ? 1 : 0;
    possiblyRedeemed += series < 0 ? 1 : status[series] !== SERIES_ACTIVE || tick - issuedTick[series]! > maturityMonths[series]! ? 1 : 0;
  }
  census.count = count;
  census.ownedOutright = ownedOutright;
  census.possiblyRedeemed = possiblyRedeemed;
  census.lifespanMonthsSum = lifespanMonthsSum;
  census.productiveBookCents = productiveBookCents;
  census.communeProductiveBookCents = communeProductiveBookCents;
  census.communeProductiveNetCents = communeProductiveNetCents;
  census.homes = homes;
  census.occupiedHomes = occupiedHomes;
  census.occupiedRentCents = occupiedRentCents;
}
