// MODEL.md 6, what is measured in the economy, as declarative reporters (id, label, unit,
// description) sampled by the engine. Money is reported in goods units (1 unit = 100 cents).
import { FLOW, type Flow } from '../ledger.ts';
import { inequalityReporters, type DistributionReporter, type ScalarReporter, type SampleContext } from '../reporters.ts';
import { mean } from '../inequality.ts';
import { radixOrder } from '../radix-sort.ts';
import { MONTHS_PER_YEAR } from '../engine.ts';
import { CENTS_PER_UNIT, type EconomyState } from './economy-state.ts';
import {
  meanWealthReporter, modeShare, perSample, wealthUnitsAtSample,
} from './sample-memo.ts';
import { claimReporters, lastYearMembersAtSample, personAssetsAtSample } from './claim-metrics.ts';
import { communeClaimsAtSample, sortedCommuneClaimsAtSample } from './bond-claims.ts';
import { assetCensus } from './asset-census.ts';
import { housingReporters } from './housing-metrics.ts';
import { RENT_BY_KIND } from './housing-accounts.ts';
import { financeReporters } from './finance-metrics.ts';
import { ORG_COMMUNE } from './organisation-table.ts';
import { MODE_IDLE, MODE_PRODUCER, MODE_SELF_EMPLOYED } from './person-table.ts';

type R = ScalarReporter<EconomyState>;

/** Cents to money units, into `reuse` when it has the length. */
function toUnits(cents: Float64Array, reuse: Float64Array | undefined): Float64Array {
  const out = reuse !== undefined && reuse.length === cents.length ? reuse : new Float64Array(cents.length);
  for (let i = 0; i < out.length; i++) out[i] = cents[i]! / CENTS_PER_UNIT;
  return out;
}

export const wealthDistribution: DistributionReporter<EconomyState> = {
  id: 'wealth', label: 'wealth', unit: 'money units',
  description: 'net worth of each person: cash + bonds at face outstanding + commune share at book equity',
  // Divided person by person by the walk that adds each person's balance to its net worth.
  values: (state) => wealthUnitsAtSample(state),
};

/** MODEL.md 7, claim 1: each person's commune claims, its share's book equity plus commune bonds held. */
export const communeClaimsDistribution: DistributionReporter<EconomyState> = {
  id: 'communeClaims', label: 'commune claims', unit: 'money units',
  description: 'per person: book equity of its commune share (net of bonds) plus the commune bonds it holds',
  values: (state, reuse) => toUnits(communeClaimsAtSample(state), reuse),
  // The claims in cents are sorted for the holders' top 10% anyway; dividing each by 100 keeps
  // their order, so the sorted units are those sorted cents divided, value for value.
  sortedValues: (state, reuse) => toUnits(sortedCommuneClaimsAtSample(state), reuse),
};

/** MODEL.md 6-7: possession, the book value of the assets each person works or lives in. */
export const possessionDistribution: DistributionReporter<EconomyState> = {
  id: 'possession', label: 'possession', unit: 'money units',
  description: 'per person: book value of the productive asset and home it possesses',
  // Written by the walk over persons that also writes the redeemed regression's rows.
  values: (state) => personAssetsAtSample(state).possession,
};

const scalar = (id: string, label: string, unit: string, description: string, sample: (s: EconomyState, c: SampleContext<EconomyState>) => number): R =>
  ({ id, label, unit, description, sample });

/** The live communes at this sample, in id order (read-only: many reporters walk them). */
const communes = perSample((s) => s.orgs.all.filter((o) => o.alive && o.kind === ORG_COMMUNE));

/** Possessors of productive commune assets who are neither members nor probationers of the owner. */
function nonMemberLabour(s: EconomyState): number {
  const { asset, memberOf, probationOf, count } = s.persons;
  const { owner, ownerKind } = s.assets;
  let n = 0;
  for (let p = 0; p < count; p++) {
    const a = asset[p]!;
    if (a < 0 || ownerKind[a] !== ORG_COMMUNE) continue;
    const o = owner[a]!;
    if (memberOf[p] !== o && probationOf[p] !== o) n++;
  }
  return n;
}

/**
 * Members of last year, by decile of property used relative to their commune's per-capita use:
 * rows in person order, sorted by relative use with ties kept in person order (a stable sort).
 */
export function rentMinusDividendByDecile(s: EconomyState): Float64Array {
  const { rel, net, n } = lastYearMembersAtSample(s);
  return decileMeans(radixOrder(rel, n), net, n);
}

/** The mean of net over each tenth of the rows in `order` (NaN for an empty tenth). */
function decileMeans(order: Int32Array, net: Float64Array, n: number): Float64Array {
  const out = new Float64Array(10).fill(Number.NaN);
  for (let d = 0; d < 10; d++) {
    const from = Math.floor((d * n) / 10);
    const to = Math.floor(((d + 1) * n) / 10);
    if (to <= from) continue;
    let sum = 0;
    for (let i = from; i < to; i++) sum += net[order[i]!]!;
    out[d] = sum / (to - from);
  }
  return out;
}

function worldFlow(flow: Flow, label: string): R {
  return scalar(`world.${flow}`, `World net ${label}`, 'money units per year',
    `net money into the world account through ${label} over the last full year (negative: the world paid the economy)`,
    (s) => s.worldNetLastYear[FLOW[flow]]! / CENTS_PER_UNIT);
}

export function economyReporters(): R[] {
  let decileTick = -1;
  let deciles: Float64Array = new Float64Array(10);
  const decile = (d: number): R => scalar(`rentMinusDividend.decile${d + 1}`, `Rent minus dividend, use decile ${d + 1}`, 'money units per month',
    `mean monthly rent paid minus dividend received last year by commune members in decile ${d + 1} of property used relative to their commune's per-capita use`,
    (s) => {
      if (decileTick !== s.tick) { deciles = rentMinusDividendByDecile(s); decileTick = s.tick; }
      return deciles[d]!;
    });
  return [
    ...inequalityReporters(wealthDistribution),
    ...inequalityReporters(communeClaimsDistribution).filter((r) => /\.(gini|top1|top10|mean)$/.test(r.id)),
    ...inequalityReporters(possessionDistribution).filter((r) => /\.(gini|mean)$/.test(r.id)),
    meanWealthReporter('capitalists', 'capitalists'),
    meanWealthReporter('commune members', 'communeMembers'),
    meanWealthReporter('self-employed', 'selfEmployed'),
    meanWealthReporter('producers on commune assets', 'producers'),
    scalar('communes.count', 'Communes', 'communes', 'communes alive', (s) => communes(s).length),
    scalar('communes.members', 'Commune members', 'persons', 'persons holding a commune share', (s) => communes(s).reduce((a, o) => a + o.members, 0)),
    scalar('communes.probationers', 'Probationers', 'persons', 'non-members working commune property toward membership', (s) => communes(s).reduce((a, o) => a + o.probationers, 0)),
    scalar('communes.meanSize', 'Mean commune size', 'members', 'mean members per commune', (s) => mean(Float64Array.from(communes(s), (o) => o.members))),
    scalar('communes.largestSize', 'Largest commune', 'members', 'members of the largest commune', (s) => communes(s).reduce((a, o) => Math.max(a, o.members), 0)),
    scalar('communes.founded', 'Communes founded', 'communes', 'communes founded since the start (initial ones excluded)', (s) => s.counters.founded),
    scalar('communes.failed', 'Communes failed', 'communes', 'communes that failed since the start', (s) => s.counters.failed),
    scalar('communes.merges', 'Merges', 'merges', 'commune merges since the start', (s) => s.counters.merged),
    scalar('communes.assets', 'Commune assets', 'assets', 'assets owned by communes', (s) => assetCensus(s).count),
    scalar('communes.dividendPerMember', 'Dividend per member', 'money units per month', 'mean over communes (weighted by members) of the last dividend per member, per month', (s) => {
      let sum = 0, n = 0;
      for (const o of communes(s)) { sum += o.dividendPerMemberMonthly * o.members; n += o.members; }
      return n > 0 ? sum / n / CENTS_PER_UNIT : 0;
    }),
    scalar('communes.dividendVariability', 'Dividend variability', 'coefficient of variation', 'member-weighted mean over communes of the coefficient of variation of monthly pool income per member over the last 12 months', (s) => {
      let sum = 0, weight = 0;
      for (const o of communes(s)) {
        if (o.members === 0) continue;
        let n = 0, m1 = 0, m2 = 0;
        for (let k = 1; k <= 12; k++) {
          const slot = (((s.tick - k) % 24) + 24) % 24;
          const members = o.memberHistory[slot]!;
          if (members <= 0) continue;
          const d = o.poolIncomeHistory[slot]! / members;
          n++; m1 += d; m2 += d * d;
        }
        if (n < 2 || m1 <= 0) continue;
        const meanD = m1 / n;
        sum += (Math.sqrt(Math.max(0, m2 / n - meanD * meanD)) / meanD) * o.members;
        weight += o.members;
      }
      return weight > 0 ? sum / weight : Number.NaN;
    }),
    scalar('communes.ownedOutrightShare', 'Assets owned outright', 'share 0-1', 'share of commune assets (by count) whose bonds are redeemed', (s) => {
      const { count, ownedOutright } = assetCensus(s);
      return count > 0 ? ownedOutright / count : 0;
    }),
    scalar('communes.ownedOutrightCeiling', 'Owned-outright pooled benchmark (v2)', 'share 0-1', 'the v2 "ceiling", no bound (the owned-outright share exceeded it, 1.23 of it): 1 - effective maturity / lifespan: mean months to redemption so far (else the maturity) over the mean lifespan of commune assets', (s) => {
      const c = s.counters;
      const maturity = c.redeemedSeries > 0 ? c.redemptionMonthsSum / c.redeemedSeries : s.params.maturityMonths;
      const { count, lifespanMonthsSum } = assetCensus(s);
      return count > 0 ? Math.max(0, 1 - maturity / (lifespanMonthsSum / count)) : Number.NaN;
    }),
    scalar('communes.interestShareOfRent', 'Interest to non-members / rent', 'share 0-1', 'interest paid to holders who are not members of the issuing commune, over rent communes collected, last full year', (s) => {
      const rent = s.housingLastYear[RENT_BY_KIND + ORG_COMMUNE]!;
      return rent > 0 ? s.counters.lastYearInterestToNonMembers / rent : 0;
    }),
    scalar('communes.nonMemberLabour', 'Non-member labour on commune assets', 'persons', 'possessors of productive commune assets who are neither members nor probationers of the owner (must stay zero)', nonMemberLabour),
    scalar('bonds.requestsMade', 'Acquisition requests', 'requests', 'requests for an asset made to communes since the start', (s) => s.counters.requestsMade),
    scalar('bonds.requestsCleared', 'Requests cleared', 'requests', 'requests whose bonds cleared (or that the reserve paid) since the start', (s) => s.counters.requestsCleared),
    scalar('bonds.clearedShare', 'Share of requests cleared', 'share 0-1', 'requests cleared / requests made since the start', (s) => s.counters.requestsMade > 0 ? s.counters.requestsCleared / s.counters.requestsMade : Number.NaN),
    scalar('bonds.clearingYield', 'Mean clearing yield', 'per year', 'mean clearing yield of the series sold over the last full year', (s) => s.counters.lastYearMeanClearingYield),
    scalar('bonds.outstanding', 'Bonds outstanding', 'money units', 'principal outstanding on all active series', (s) => s.bonds.outstandingCents() / CENTS_PER_UNIT),
    scalar('bonds.redeemed', 'Series redeemed', 'series', 'bond series fully redeemed since the start', (s) => s.bonds.redeemedCount),
    scalar('bonds.losses', 'Bond losses', 'money units', 'bondholders\' shortfall in liquidations and scrapping since the start', (s) => s.bonds.lossCents / CENTS_PER_UNIT),
    scalar('bonds.lossRate', 'Bond loss rate', 'share 0-1', 'bond losses / face issued since the start', (s) => s.bonds.issuedFaceCents > 0 ? s.bonds.lossCents / s.bonds.issuedFaceCents : 0),
    ...financeReporters(),
    scalar('assets.liquidated', 'Assets liquidated', 'assets', 'assets sold to the world in liquidation since the start', (s) => s.counters.liquidations),
    ...Array.from({ length: 10 }, (_, d) => decile(d)),
    scalar('persons.hardshipShare', 'Hardship', 'share 0-1', 'share of person-months last year in which a person could not pay its consumption', (s) => s.counters.lastYearHardshipShare),
    scalar('persons.producerShare', 'Producers', 'share 0-1', 'share of persons producing on a commune asset', (s) => modeShare(s, MODE_PRODUCER)),
    scalar('persons.selfEmployedShare', 'Self-employed', 'share 0-1', 'share of persons self-employed', (s) => modeShare(s, MODE_SELF_EMPLOYED)),
    scalar('persons.idleShare', 'Idle', 'share 0-1', 'share of persons idle (capitalists living on wealth)', (s) => modeShare(s, MODE_IDLE)),
    ...incomeSplit(),
    worldFlow('sales', 'sales'), worldFlow('consumption', 'consumption'), worldFlow('asset-purchase', 'asset purchases'),
    worldFlow('liquidation', 'liquidations'),
    ...claimReporters(),
    ...housingReporters(),
  ];
}

/**
 * MODEL.md 2, the functional split of persons' income over the last full year with all three
 * kinds: labour (own output sold minus rent, wages, cooperative distributions), property
 * (interest, firm dividends) and commons (commune dividends), each over their sum.
 */
function incomeSplit(): R[] {
  const parts = (s: EconomyState) => {
    const c = s.counters;
    const labour = c.lastYearOutput - c.lastYearRent + c.lastYearWages + c.lastYearDistributions;
    const property = c.lastYearInterest + c.lastYearFirmPayouts;
    return { labour, property, commons: c.lastYearDividends, total: labour + property + c.lastYearDividends };
  };
  const share = (id: 'labour' | 'property' | 'commons', description: string): R =>
    scalar(`income.${id}Share`, `${id[0]!.toUpperCase()}${id.slice(1)} share of income`, 'share 0-1', description, (s) => {
      const p = parts(s);
      return p.total > 0 ? p[id] / p.total : Number.NaN;
    });
  return [
    share('labour', 'labour income (own output sold minus rent paid, wages, cooperative distributions) over all persons\' income, last full year'),
    share('property', 'property income (interest on bonds, firm dividends) over all persons\' income, last full year'),
    share('commons', 'commons income (commune dividends) over all persons\' income, last full year'),
  ];
}
