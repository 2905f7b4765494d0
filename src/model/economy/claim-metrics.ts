// Reporters MODEL.md 7's claims need that the economy metrics do not already give: claim 1's
// concentration among holders, claim 2's regression of (rent - dividend) on relative use,
// claim 5's commune failure hazard, claim 7's commune share of productive assets and commune
// equity beside capitalist wealth. All are computed from the state at sampling time only.
import type { ScalarReporter } from '../reporters.ts';
import { leastSquares, type LineFit } from '../claims/least-squares.ts';
import { CENTS_PER_UNIT, type EconomyState } from './economy-state.ts';
import { MONTHS_PER_YEAR } from '../engine.ts';
import { capitalistWealthCentsAtSample, equityAtSample, perSample } from './sample-memo.ts';
import { sortedCommuneClaimsAtSample } from './bond-claims.ts';
import { sortedFirmClaimsNow } from './organisation-metrics.ts';
import { topShare } from '../inequality.ts';
import { EXIT_FAILED, HISTORY_MONTHS, ORG_COMMUNE, type Organisation } from './organisation-table.ts';
import { assetCensus } from './asset-census.ts';

type R = ScalarReporter<EconomyState>;

export interface RentVsUse extends LineFit {
  /** Mean monthly rent of the members regressed (money units). */
  readonly meanRent: number;
}

const NO_FIT: RentVsUse = { slope: Number.NaN, intercept: Number.NaN, n: 0, meanRent: Number.NaN };

/**
 * Regression of rows (commune, use, rent - dividend) on use relative to the commune's
 * per-capita use, minus one: x = 0 is a member using exactly its commune's per-capita share.
 * Members of one commune are normalised together (commune-years); the fit pools them all.
 * Communes are named by organisation id (non-negative integers).
 */
export function rentVsUseFit(commune: ArrayLike<number>, use: ArrayLike<number>, rent: ArrayLike<number>, dividend: ArrayLike<number>): RentVsUse {
  return fitRows(Int32Array.from(commune), Float64Array.from(use), Float64Array.from(rent), Float64Array.from(dividend), commune.length);
}

/** Per commune (by id) its members' use summed and their count; per row x and y. Reused from fit to fit. */
let fitScratch = { useSum: new Float64Array(0), members: new Float64Array(0), xs: new Float64Array(0), ys: new Float64Array(0) };

/** rentVsUseFit of the first n rows of typed columns (each loop in a function of its own, ending with it). */
function fitRows(commune: Int32Array, use: Float64Array, rent: Float64Array, dividend: Float64Array, n: number): RentVsUse {
  if (n === 0) return NO_FIT;
  const ids = largestId(commune, n) + 1;
  if (fitScratch.useSum.length < ids || fitScratch.xs.length < n) {
    // Doubled: communes are founded and members join every year, and growing to the new
    // largest id or row count alone reallocated all four at most samples.
    const byId = Math.max(ids, 2 * fitScratch.useSum.length);
    const byRow = Math.max(n, 2 * fitScratch.xs.length);
    fitScratch = { useSum: new Float64Array(byId), members: new Float64Array(byId), xs: new Float64Array(byRow), ys: new Float64Array(byRow) };
  }
  const { useSum, members, xs, ys } = fitScratch;
  useSum.fill(0, 0, ids);
  members.fill(0, 0, ids);
  sumUseByCommune(commune, use, n, useSum, members);
  const rentSum = relativeUseRows(commune, use, rent, dividend, n, useSum, members, xs, ys);
  const fit = leastSquares(xs.subarray(0, n), ys.subarray(0, n));
  return { ...fit, meanRent: rentSum / n };
}

function largestId(commune: Int32Array, n: number): number {
  let largest = 0;
  for (let i = 0; i < n; i++) largest = Math.max(largest, commune[i]!);
  return largest;
}

function sumUseByCommune(commune: Int32Array, use: Float64Array, n: number, useSum: Float64Array, members: Float64Array): void {
  for (let i = 0; i < n; i++) {
    useSum[commune[i]!]! += use[i]!;
    members[commune[i]!]!++;
  }
}

/** Writes each row's x (use relative to its commune's per-capita use, minus one) and y (rent - dividend); returns the rents summed. */
function relativeUseRows(
  commune: Int32Array, use: Float64Array, rent: Float64Array, dividend: Float64Array, n: number,
  useSum: Float64Array, members: Float64Array, xs: Float64Array, ys: Float64Array,
): number {
  let rentSum = 0;
  for (let i = 0; i < n; i++) {
    const perCapita = useSum[commune[i]!]! / members[commune[i]!]!;
    // A commune whose members used nothing: everyone is at its per-capita share.
    xs[i] = perCapita > 0 ? use[i]! / perCapita - 1 : 0;
    ys[i] = rent[i]! - dividend[i]!;
    rentSum += rent[i]!;
  }
  return rentSum;
}

/** The regression's rows, one per member, in typed columns. */
export class RowColumns {
  readonly commune: Int32Array;
  readonly use: Float64Array;
  readonly rent: Float64Array;
  readonly dividend: Float64Array;
  n = 0;

  constructor(capacity: number) {
    this.commune = new Int32Array(capacity);
    this.use = new Float64Array(capacity);
    this.rent = new Float64Array(capacity);
    this.dividend = new Float64Array(capacity);
  }

  fit(): RentVsUse {
    return fitRows(this.commune, this.use, this.rent, this.dividend, this.n);
  }
}

/**
 * Empty rows for up to `capacity` members, reused from sample to sample (each fit reads its
 * rows before the next regression fills them): four fresh columns of the population's length
 * per regression were a tenth of the sampling's allocations.
 */
let reusedRows = new RowColumns(0);
function emptyRows(capacity: number): RowColumns {
  if (reusedRows.commune.length < capacity) reusedRows = new RowColumns(capacity);
  reusedRows.n = 0;
  return reusedRows;
}

/**
 * Last year's members (persons with a last commune), two views of them from one walk: the rows
 * of rentMinusDividend's deciles (every one of them: relative use, monthly rent minus dividend in
 * money units) and the regression's (those whose last organisation is a commune: use relative to
 * their commune's per-capita use minus one, rent - dividend). Both divide by the same per-capita
 * use, summed once in person order, as each of the two walks that made them summed it.
 */
export interface LastYearMembers {
  /** Rows of the deciles, in person order: relative use and monthly (rent - dividend) in money units. */
  readonly rel: Float64Array;
  readonly net: Float64Array;
  readonly n: number;
  /** The regression of last year's rent - dividend on use relative to the commune's per-capita use. */
  readonly fit: RentVsUse;
}

/** Per commune its members' use summed and their count; per row the deciles' and the fit's columns. Reused from sample to sample. */
let lastYearScratch = {
  useSum: new Float64Array(0), members: new Float64Array(0),
  rel: new Float64Array(0), net: new Float64Array(0), xs: new Float64Array(0), ys: new Float64Array(0),
};

/** rentVsUseLastYear's fit and rentMinusDividend's rows (read-only: the next sample writes over them). */
export function lastYearMembers(s: EconomyState): LastYearMembers {
  const { persons } = s;
  const orgCount = s.orgs.all.length;
  const { count } = persons;
  if (lastYearScratch.useSum.length < orgCount || lastYearScratch.rel.length < count) {
    const byId = Math.max(orgCount, 2 * lastYearScratch.useSum.length);
    const byRow = Math.max(count, lastYearScratch.rel.length);
    lastYearScratch = {
      useSum: new Float64Array(byId), members: new Float64Array(byId),
      rel: new Float64Array(byRow), net: new Float64Array(byRow), xs: new Float64Array(byRow), ys: new Float64Array(byRow),
    };
  }
  const { useSum, members, rel, net, xs, ys } = lastYearScratch;
  useSum.fill(0, 0, orgCount);
  members.fill(0, 0, orgCount);
  sumUseByLastCommune(persons.lastMemberOf, persons.lastUseYear, count, useSum, members);
  // The fit's rows and their rents summed (written in the loop: nothing after it but a return).
  const sums = new Float64Array(2);
  const n = lastYearRowsOf(
    persons.lastMemberOf, persons.lastUseYear, persons.lastRentYear, persons.lastDividendYear, count, communeKinds(s.orgs.all),
    useSum, members, rel, net, xs, ys, sums,
  );
  const k = sums[0]!;
  const fit = k === 0 ? NO_FIT : { ...leastSquares(xs.subarray(0, k), ys.subarray(0, k)), meanRent: sums[1]! / k };
  return { rel, net, n, fit };
}

/** lastYearMembers once per sample: the deciles and the regression share one walk. */
export const lastYearMembersAtSample = perSample((s) => lastYearMembers(s));

/** Last year's members: yearly rent, dividend and property used (price-months), per month. */
export function rentVsUseLastYear(s: EconomyState): RentVsUse {
  return lastYearMembers(s).fit;
}

/** By organisation id, 1 for a commune (alive or not); reused from sample to sample. */
let isCommune = new Uint8Array(0);
function communeKinds(all: readonly Organisation[]): Uint8Array {
  if (isCommune.length < all.length) isCommune = new Uint8Array(Math.max(all.length, 2 * isCommune.length));
  for (let i = 0; i < all.length; i++) isCommune[i] = all[i]!.kind === ORG_COMMUNE ? 1 : 0;
  return isCommune;
}

// Each walk in a function of its own, ending with its loop: code after a loop compiled on stack
// at the first sample deoptimised it at later ones.
function sumUseByLastCommune(lastMemberOf: Int32Array, lastUseYear: Float64Array, count: number, useSum: Float64Array, members: Float64Array): void {
  for (let p = 0; p < count; p++) {
    const m = lastMemberOf[p]!;
    if (m < 0) continue;
    useSum[m]! += lastUseYear[p]!;
    members[m]!++;
  }
}

/**
 * Writes each of last year's members' decile row (relative use; monthly rent minus dividend in
 * money units) and, when its last organisation is a commune, its regression row (x: relative use
 * minus one, 0 where its commune used nothing; y: monthly rent minus monthly dividend); into
 * sums the regression's rows and their rents summed in row order. Returns the decile rows.
 */
function lastYearRowsOf(
  lastMemberOf: Int32Array, lastUseYear: Float64Array, lastRentYear: Float64Array, lastDividendYear: Float64Array, count: number,
  isCommune: Uint8Array, useSum: Float64Array, members: Float64Array,
  rel: Float64Array, net: Float64Array, xs: Float64Array, ys: Float64Array, sums: Float64Array,
): number {
  let n = 0;
  let k = 0;
  let rentSum = 0;
  for (let p = 0; p < count; p++) {
    const m = lastMemberOf[p]!;
    if (m < 0) continue;
    const perCapita = useSum[m]! / members[m]!;
    const use = lastUseYear[p]!;
    const rentYear = lastRentYear[p]!;
    const dividendYear = lastDividendYear[p]!;
    rel[n] = perCapita > 0 ? use / perCapita : 1;
    net[n] = (rentYear - dividendYear) / MONTHS_PER_YEAR / CENTS_PER_UNIT;
    n++;
    if (isCommune[m] === 0) continue;
    const rent = rentYear / MONTHS_PER_YEAR / CENTS_PER_UNIT;
    // A commune whose members used nothing: everyone is at its per-capita share.
    xs[k] = perCapita > 0 ? use / perCapita - 1 : 0;
    ys[k] = rent - dividendYear / MONTHS_PER_YEAR / CENTS_PER_UNIT;
    rentSum += rent;
    k++;
    sums[0] = k; sums[1] = rentSum;
  }
  return n;
}

/**
 * Fully redeemed assets only, now: each member's rent on the redeemed assets of its own commune
 * it possesses (productive and home), their price as its use, and its commune's last dividend
 * per member per month. Redeemed rent goes to the pool, so here no rent leaks to bondholders.
 */
export function rentVsUseRedeemed(s: EconomyState): RentVsUse {
  return personAssets(s, undefined).redeemed.fit();
}

/** What the reporters read off each person's asset and home at one sample. */
export interface PersonAssets {
  /** Each person's possession: the book value of its asset and home, in money units. */
  readonly possession: Float64Array;
  /** rentVsUseRedeemed's rows. */
  readonly redeemed: RowColumns;
}

/**
 * Possession and the redeemed regression's rows from one walk over persons (read-only: the next
 * sample writes over them). Both read each person's asset and home and their class: two walks
 * read them twice.
 */
export const personAssetsAtSample = perSample((s, previous: PersonAssets | undefined) => personAssets(s, previous));

function personAssets(s: EconomyState, previous: PersonAssets | undefined): PersonAssets {
  const { persons, assets } = s;
  const { count } = persons;
  const possession = previous !== undefined && previous.possession.length === count ? previous.possession : new Float64Array(count);
  const rows = emptyRows(count);
  const { isLiveCommune, dividend } = liveCommuneDividends(s.orgs.all);
  rows.n = walkPersonAssets(
    s, persons.memberOf, persons.asset, persons.home, count, isLiveCommune, dividend,
    assets.alive, assets.owner, assets.series, assets.cls, assets.classPrice, assets.rentCents, possession, rows,
  );
  return { possession, redeemed: rows };
}

/** By organisation id: whether it is a live commune, and its last dividend per member per month in money units. */
let communeDividends = { isLiveCommune: new Uint8Array(0), dividend: new Float64Array(0) };
function liveCommuneDividends(all: readonly Organisation[]): { isLiveCommune: Uint8Array; dividend: Float64Array } {
  if (communeDividends.dividend.length < all.length) {
    const size = Math.max(all.length, 2 * communeDividends.dividend.length);
    communeDividends = { isLiveCommune: new Uint8Array(size), dividend: new Float64Array(size) };
  }
  const { isLiveCommune, dividend } = communeDividends;
  for (let i = 0; i < all.length; i++) {
    const org = all[i]!;
    isLiveCommune[i] = org.kind === ORG_COMMUNE && org.alive ? 1 : 0;
    dividend[i] = org.dividendPerMemberMonthly / CENTS_PER_UNIT;
  }
  return communeDividends;
}

// The walk over persons in a function of its own, ending with its loop, its columns passed in:
// the first sample compiles its loop on stack, and code after it would deoptimise that.
/**
 * Writes each person's possession (as possessionUnits had it) and rentVsUseRedeemed's rows, one
 * per member of a live commune, in person order; returns how many rows.
 *
 * Possession is read off the class tables as `bookValue` reads them: past the table's end (a
 * whole number of months at least the lifespan) an asset is worth 0, as `bookValue` has it,
 * written here as a constant. Calling `bookValue` there, a path the first samples had not
 * taken, deoptimised the compiled walk the first time a possessed asset outlived its table.
 * For the same reason a member's use and rent of its commune's redeemed asset are added as
 * 0 or 1 times the price and the rent (x * 1 is x, and the sums never hold -0): the first
 * redeemed asset comes years after V8 has optimised the walk on the first yearly samples.
 */
function walkPersonAssets(
  s: EconomyState, memberOf: Int32Array, asset: Int32Array, home: Int32Array, count: number, isLiveCommune: Uint8Array, dividend: Float64Array,
  alive: Uint8Array, owner: Int32Array, series: Int32Array, cls: Uint8Array,
  classPrice: Float64Array, rentCents: Float64Array, possession: Float64Array, rows: RowColumns,
): number {
  const { assets, tick } = s;
  const { bornTick, classBookValue } = assets;
  let n = rows.n;
  const { commune, use, rent, dividend: paid } = rows;
  for (let p = 0; p < count; p++) {
    const m = memberOf[p]!;
    const member = m >= 0 && isLiveCommune[m] !== 0;
    let v = 0;
    let u = 0;
    let r = 0;
    const a = asset[p]!;
    if (a >= 0) {
      const age = tick - bornTick[a]!;
      const table = classBookValue[cls[a]!]!;
      v += age < table.length ? (age >= 0 ? table[age]! : assets.bookValue(a, tick)) : 0;
      const own = member && alive[a] !== 0 && owner[a] === m && series[a]! < 0 ? 1 : 0;
      u += own * classPrice[cls[a]!]!;
      r += own * rentCents[a]!;
    }
    const h = home[p]!;
    if (h >= 0) {
      const age = tick - bornTick[h]!;
      const table = classBookValue[cls[h]!]!;
      v += age < table.length ? (age >= 0 ? table[age]! : assets.bookValue(h, tick)) : 0;
      const own = member && alive[h] !== 0 && owner[h] === m && series[h]! < 0 ? 1 : 0;
      u += own * classPrice[cls[h]!]!;
      r += own * rentCents[h]!;
    }
    possession[p] = v / CENTS_PER_UNIT;
    if (!member) continue;
    commune[n] = m;
    use[n] = u;
    rent[n] = r / CENTS_PER_UNIT;
    paid[n] = dividend[m]!;
    n++;
  }
  return n;
}

/** Commune failures per commune-year over the last twelve months. */
export function communeFailureHazard(s: EconomyState): number {
  const from = s.tick - MONTHS_PER_YEAR;
  let failures = 0;
  for (let i = s.events.length - 1; i >= 0 && s.events[i]!.tick > from; i--) {
    const e = s.events[i]!;
    if (e.kind === 'failure' && s.orgs.get(e.org).kind === ORG_COMMUNE) failures++;
  }
  let communeMonths = 0;
  for (const org of s.orgs.all) {
    if (org.kind !== ORG_COMMUNE) continue;
    const end = org.alive ? s.tick : org.endedTick;
    communeMonths += Math.max(0, Math.min(end, s.tick) - Math.max(org.foundedTick, from));
  }
  return communeMonths > 0 ? failures / (communeMonths / MONTHS_PER_YEAR) : Number.NaN;
}

/** Productive assets' book value: all of it, the communes', and the communes' net of their bonds. */
export function communeAssetShares(s: EconomyState): { byBookValue: number; byNetEquity: number } {
  const { productiveBookCents: total, communeProductiveBookCents: communes, communeProductiveNetCents: communesNet } = assetCensus(s);
  return total > 0 ? { byBookValue: communes / total, byNetEquity: communesNet / total } : { byBookValue: Number.NaN, byNetEquity: Number.NaN };
}

/** Book equity of all live communes, in money units. */
export function communeEquity(s: EconomyState): number {
  const equity = equityAtSample(s);
  let sum = 0;
  for (const org of s.orgs.all) if (org.alive && org.kind === ORG_COMMUNE) sum += equity[org.id]!;
  return sum / CENTS_PER_UNIT;
}

/** Net worth of all capitalists together, in money units (summed in person order by the sample's walk over net worth). */
export function capitalistWealth(s: EconomyState): number {
  return capitalistWealthCentsAtSample(s) / CENTS_PER_UNIT;
}

/**
 * Top 10% share among the persons who hold any (claim 1), of values sorted ascending: the
 * holders are the positive tail. Across all persons, claims that only a few percent hold
 * (firm shares, owned by capitalists) have a top-10% share of 1 from the start and can never
 * rise; among holders the share can move either way.
 */
export function holdersTop10Sorted(sorted: Float64Array): number {
  let first = sorted.length;
  while (first > 0 && sorted[first - 1]! > 0) first--;
  return first < sorted.length ? topShare(sorted.subarray(first), 0.1) : Number.NaN;
}

/**
 * Claim 6's owned-outright ceiling (MODEL.md 7 (v3), "a true ceiling"): the share of communes'
 * live assets that would be owned outright now had every commune series been paid at least as
 * fast as its schedule. That is every asset with no series outstanding (redeemed on schedule or
 * early, or bought without bonds: the initial assets and those a replacement reserve paid for)
 * plus every asset whose series is still out after its last scheduled payment (each missed
 * month shifts a schedule by a month). An asset owned outright is in the first group, so the
 * owned-outright share can never exceed this, whatever the ages of the communes' stock; it falls
 * short only by series in arrears.
 *
 * A series issued in month t with maturity M makes its last scheduled payment in month t + M
 * (redeemed on schedule, it counts M + 1 months from issue to redemption); the sample after
 * month T - 1 (state.tick = T) has seen it when T - t > M.
 */
export function ownedOutrightCeiling(s: EconomyState): number {
  const { count, possiblyRedeemed } = assetCensus(s);
  return count > 0 ? possiblyRedeemed / count : Number.NaN;
}

/**
 * The first v3 ceiling, kept as a steady-state benchmark (it is no bound): per class, an asset
 * spends 1 - (months to redemption) / lifespan of its life owned outright, capped to [0, 1];
 * months to redemption are that class's commune series' mean so far (else the maturity).
 * Weighted by the communes' live assets of each class. The owned-outright share equals it only
 * in a stock whose ages are spread evenly over the lifespans and every asset of which was bought
 * with bonds; it measured 1.2-1.3 of it in mixed at 30 years, where most commune assets are
 * homes (40-year lives) bought early and long redeemed, so the stock is older than that.
 */
export function ownedOutrightCeilingByClass(s: EconomyState): number {
  const { classes } = s;
  const count = assetCensus(s).byClass;
  let sum = 0, n = 0;
  for (let c = 0; c < classes.length; c++) {
    if (count[c] === 0) continue;
    const redeemed = s.redeemedByClass[c]!;
    const months = redeemed > 0 ? s.redemptionMonthsByClass[c]! / redeemed : s.params.maturityMonths;
    sum += count[c]! * Math.min(1, Math.max(0, 1 - months / classes[c]!.lifespanMonths));
    n += count[c]!;
  }
  return n > 0 ? sum / n : Number.NaN;
}

/**
 * Claim 5 on communes of equal size (MODEL.md 7 (v3)): each commune's coefficient of variation
 * of monthly pool income per member over the last 12 months, times the square root of its
 * members (what pooling alone would remove: the CV of a mean of n independent incomes falls as
 * 1/sqrt(n)), member-weighted over communes.
 */
export function sizeAdjustedDividendVariability(s: EconomyState): number {
  let sum = 0, weight = 0;
  for (const o of s.orgs.all) {
    if (!o.alive || o.kind !== ORG_COMMUNE || o.members === 0) continue;
    let n = 0, m1 = 0, m2 = 0;
    for (let k = 1; k <= MONTHS_PER_YEAR; k++) {
      const slot = (((s.tick - k) % HISTORY_MONTHS) + HISTORY_MONTHS) % HISTORY_MONTHS;
      const members = o.memberHistory[slot]!;
      if (members <= 0) continue;
      const d = o.poolIncomeHistory[slot]! / members;
      n++; m1 += d; m2 += d * d;
    }
    if (n < 2 || m1 <= 0) continue;
    const meanD = m1 / n;
    const cv = Math.sqrt(Math.max(0, m2 / n - meanD * meanD)) / meanD;
    sum += cv * Math.sqrt(o.members) * o.members;
    weight += o.members;
  }
  return weight > 0 ? sum / weight : Number.NaN;
}

/** Claim 5, what became of absorbed communes: how many were absorbed by a commune that later failed. */
export function absorbedIntoFailed(s: EconomyState): number {
  let n = 0;
  for (const e of s.events) {
    if (e.kind !== 'merge' || s.orgs.get(e.org).kind !== ORG_COMMUNE) continue;
    if (s.orgs.get(e.org).exit === EXIT_FAILED) n++;
  }
  return n;
}

export function claimReporters(): R[] {
  const all = (s: EconomyState) => lastYearMembersAtSample(s).fit;
  const redeemed = perSample((s) => personAssetsAtSample(s).redeemed.fit());
  const shares = perSample(communeAssetShares);
  const r = (id: string, label: string, unit: string, description: string, sample: (s: EconomyState) => number): R =>
    ({ id, label, unit, description, sample });
  const x = '(property used / its commune\'s per-capita use - 1)';
  return [
    r('rentVsUse.slope', 'Rent - dividend vs use: slope', 'money units per month', `slope of members' monthly (rent - dividend) on ${x}, last year, all assets`, (s) => all(s).slope),
    r('rentVsUse.intercept', 'Rent - dividend vs use: intercept', 'money units per month', `intercept of members' monthly (rent - dividend) on ${x}, last year, all assets`, (s) => all(s).intercept),
    r('rentVsUse.meanRent', 'Members\' mean rent', 'money units per month', 'members\' mean monthly rent last year, all assets', (s) => all(s).meanRent),
    r('rentVsUse.redeemedSlope', 'Rent - dividend vs use, redeemed assets: slope', 'money units per month', `slope of members' current monthly rent on their commune's redeemed assets minus its last dividend, on ${x} of redeemed assets`, (s) => redeemed(s).slope),
    r('rentVsUse.redeemedIntercept', 'Rent - dividend vs use, redeemed assets: intercept', 'money units per month', `intercept of the same regression on redeemed assets only`, (s) => redeemed(s).intercept),
    r('rentVsUse.redeemedMeanRent', 'Members\' mean rent on redeemed assets', 'money units per month', 'members\' mean current monthly rent on their commune\'s redeemed assets', (s) => redeemed(s).meanRent),
    r('communeClaims.holdersTop10', 'Top 10% share of commune claims among holders', 'share 0-1', 'share of all commune claims (share book equity plus commune bonds) held by the top 10% of the persons who hold any',
      (s) => holdersTop10Sorted(sortedCommuneClaimsAtSample(s))),
    r('firmClaims.holdersTop10', 'Top 10% share of firm claims among holders', 'share 0-1', 'share of all firm claims (shares at book equity plus firm bonds) held by the top 10% of the persons who hold any',
      (s) => holdersTop10Sorted(sortedFirmClaimsNow(s))),
    r('communes.failureHazard', 'Commune failure hazard', 'failures per commune-year', 'commune failures over the last twelve months per commune-year alive in them', communeFailureHazard),
    r('communes.assetShareByBookValue', 'Commune share of productive assets (book value)', 'share 0-1', 'book value of productive assets owned by communes over that of all productive assets', (s) => shares(s).byBookValue),
    r('communes.assetShareByNetEquity', 'Commune share of productive assets (net equity)', 'share 0-1', 'book value of communes\' productive assets net of their bonds outstanding, over the book value of all productive assets', (s) => shares(s).byNetEquity),
    r('communes.equity', 'Commune equity', 'money units', 'book equity of all communes: assets - bonds outstanding + escrow, pool and reserve', communeEquity),
    r('capitalists.wealth', 'Capitalist wealth', 'money units', 'net worth of all persons who started as capitalists', capitalistWealth),
    r('bonds.unmetDemand', 'Unmet demand for commune assets', 'requests', 'since the start: months in which a person wanted an asset and would pay its debt service at baseYield, but did not ask (the offered rent, at the expected clearing yield, exceeded its willingness to pay)', (s) => s.counters.unmetDemand),
    r('communes.ownedOutrightCeilingOnSchedule', 'Owned-outright ceiling', 'share 0-1', 'share of commune assets that would be owned outright had every commune series been paid on schedule: no series outstanding, or one past its last scheduled payment', ownedOutrightCeiling),
    r('communes.ownedOutrightCeilingByClass', 'Owned-outright steady-state share, per class', 'share 0-1', 'steady-state benchmark, not a bound: per asset class 1 - months to redemption / lifespan capped to [0, 1], weighted by communes\' assets of each class', ownedOutrightCeilingByClass),
    r('communes.poolRent', 'Rent into commune pools', 'money units', 'since the start: rent of commune assets that reached a commune pool (redeemed rent and escrow left after service)', (s) => s.counters.poolRentCents / CENTS_PER_UNIT),
    r('communes.poolRentFromProducers', 'Producers\' rent into commune pools', 'money units', 'since the start: the part of that rent paid on productive assets (producers\' own product)', (s) => s.counters.poolRentFromProducersCents / CENTS_PER_UNIT),
    r('communes.poolRentFromNonMembers', 'Non-members\' rent into commune pools', 'money units', 'since the start: rent of redeemed commune assets paid into a pool by persons not members of that commune', (s) => s.counters.poolRentFromNonMembersCents / CENTS_PER_UNIT),
    r('communes.dividendVariabilitySizeAdjusted', 'Dividend variability, size-adjusted', 'CV x sqrt(members)', 'member-weighted mean over communes of the CV of monthly pool income per member over the last 12 months, times the square root of the commune\'s members', sizeAdjustedDividendVariability),
    r('communes.absorbedIntoFailed', 'Absorbed communes whose absorber failed', 'communes', 'since the start: communes merged into a commune that later failed', absorbedIntoFailed),
  ];
}
