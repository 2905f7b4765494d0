// What the sampling reads off the bond book's holdings (MODEL.md 6-7): each person's commune
// bonds (commune claims), firm bonds (firm claims) and bonds on productive assets (property),
// and each issuer's productive book value net of those bonds. Three walks over the active
// series' holdings, one per measure, visited the commune and firm series that finance
// productive assets twice; one walk now visits each holding once and adds to every measure it
// belongs to, each in the order its own walk added (series in active order, holdings in order).
import type { EconomyState } from './economy-state.ts';
import { sortedCopy } from '../inequality.ts';
import { assetCensus } from './asset-census.ts';
import { addCommuneShares } from './net-worth.ts';
import { ORG_COMMUNE, ORG_FIRM, type Organisation } from './organisation-table.ts';
import { equityAtSample, orgKindsAtSample, perPerson, perSample } from './sample-memo.ts';

/** One sample's claims through bonds (read-only: the next sample writes over them). */
interface BondClaims {
  /** Per person: principal of commune bonds held (cents). */
  readonly communeBonds: Float64Array;
  /** Per person: firm claims (`firmClaimsCents`): firm shares at book equity, then firm bonds held. */
  readonly firmClaims: Float64Array;
  /** Per person: principal of bonds on productive assets in service held (propertyCents' first term). */
  readonly productiveBonds: Float64Array;
  /** Per organisation: productive book value less its productive series' principal (propertyCents' `value`). */
  readonly value: Float64Array;
}

const bondClaimsAtSample = perSample((s, previous: BondClaims | undefined): BondClaims => {
  const n = s.persons.count;
  const communeBonds = perPerson(previous?.communeBonds, n).fill(0);
  const firmClaims = perPerson(previous?.firmClaims, n).fill(0);
  const productiveBonds = perPerson(previous?.productiveBonds, n).fill(0);
  addFirmShares(s.orgs.all, equityAtSample(s), firmClaims);
  // Productive book value per owner, summed in live order by the sample's walk over assets.
  const value = assetCensus(s).productiveBookByOwner.slice();
  walkHoldings(s, orgKindsAtSample(s), communeBonds, firmClaims, productiveBonds, value);
  return { communeBonds, firmClaims, productiveBonds, value };
});

/** Adds to `out` each shareholder's part of its live firms' book equity (at least 0), pro rata to what it contributed. */
export function addFirmShares(all: readonly Organisation[], equity: Float64Array, out: Float64Array): void {
  for (const firm of all) {
    if (!firm.alive || firm.kind !== ORG_FIRM) continue;
    let total = 0;
    for (const c of firm.contributed) total += c;
    const e = Math.max(0, equity[firm.id]!);
    if (total > 0) for (let k = 0; k < firm.holders.length; k++) out[firm.holders[k]!]! += (e * firm.contributed[k]!) / total;
  }
}

// The walk in a function of its own, ending with its loop (code after a loop compiled on stack
// deoptimised it at later samples).
/**
 * Every holding of the active series issued by a commune or a firm or financing a productive
 * asset in service: its principal to its person's commune bonds or firm claims, and, for a
 * productive asset, to its person's productive bonds and off its issuer's `value`.
 */
function walkHoldings(
  s: EconomyState, kinds: Uint8Array, communeBonds: Float64Array, firmClaims: Float64Array, productiveBonds: Float64Array, value: Float64Array,
): void {
  const { bonds, persons, assets } = s;
  const { alive: inService, classProductive, cls } = assets;
  const { firstAccount, count } = persons;
  const { issuer, asset, firstHolding, holdingCount, holder, principalCents } = bonds;
  for (let i = 0, activeIds = bonds.active(); i < activeIds.length; i++) {
    const sr = activeIds[i]!;
    const kind = kinds[issuer[sr]!]!;
    const a = asset[sr]!;
    const productive = !(!inService[a] || !classProductive[cls[a]!]);
    if (kind !== ORG_COMMUNE && kind !== ORG_FIRM && !productive) continue;
    const end = firstHolding[sr]! + holdingCount[sr]!;
    for (let h = firstHolding[sr]!; h < end; h++) {
      const principal = principalCents[h]!;
      if (productive) value[issuer[sr]!]! -= principal;
      const p = holder[h]! - firstAccount;
      if (p < 0 || p >= count) continue;
      if (kind === ORG_COMMUNE) communeBonds[p]! += principal;
      else if (kind === ORG_FIRM) firmClaims[p]! += principal;
      if (productive) productiveBonds[p]! += principal;
    }
  }
}

/** Each person's commune claims in cents at this sample (read-only): `communeClaimsCents`, its bonds from the one walk. */
export const communeClaimsAtSample = perSample((s, previous: Float64Array | undefined) => {
  const out = perPerson(previous, s.persons.count);
  out.set(bondClaimsAtSample(s).communeBonds);
  return addCommuneShares(s, out, equityAtSample(s), orgKindsAtSample(s));
});

/** Each person's commune claims in cents at this sample, sorted ascending (read-only). */
export const sortedCommuneClaimsAtSample = perSample((s, previous: Float64Array | undefined) => sortedCopy(communeClaimsAtSample(s), previous));

/** Each person's firm claims in cents at this sample (read-only): `firmClaimsCents`. */
export const firmClaimsAtSample = (s: EconomyState): Float64Array => bondClaimsAtSample(s).firmClaims;

/** Each person's productive bonds (cents) and each organisation's productive value net of them, for propertyCents' remaining terms (read-only; `value` is the caller's to floor). */
export const productiveBondsAtSample = (s: EconomyState): { productiveBonds: Float64Array; value: Float64Array } => bondClaimsAtSample(s);
