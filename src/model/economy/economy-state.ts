// The state of an economy run: the ledger, the tables, the bond book, the event table and the
// scenario's parameters converted to cents and months (MODEL.md 9: 1 goods unit = 100 cents).
import type { EventLog } from './event-log.ts';
import type { EngineState } from '../engine.ts';
import { FLOWS, type Ledger } from '../ledger.ts';
import type { RandomStreams } from '../random.ts';
import { BondBook } from '../market/bond-series.ts';
import type { AuctionFormat } from '../market/bond-auction.ts';
import type { RentalFormat } from '../market/rental-auction.ts';
import { AssetTable, type AssetClassParams } from './asset-table.ts';
import { OrganisationTable } from './organisation-table.ts';
import type { PersonTable } from './person-table.ts';
import { settleNumberFields, settleObjectFields } from '../number-fields.ts';
import { newHousingYear } from './housing-accounts.ts';
import { FinanceState } from './finance-state.ts';

export const CENTS_PER_UNIT = 100;

export interface EconomyParams {
  readonly subsistenceCents: number;
  readonly bufferCents: number;
  readonly mpcIncome: number;
  readonly mpcWealth: number;
  readonly baseOutputCents: number;
  readonly shockRho: number;
  readonly shockSigma: number;
  readonly reconsiderPerMonth: number;
  /** Posted vacancies a reconsidering worker samples beside its referral (mode-choice.ts). */
  readonly vacanciesSampled: number;
  readonly choiceHorizonMonths: number;
  readonly choiceTemperature: number;
  readonly goodsPrice: number;
  readonly demandElasticity: number;
  readonly maturityMonths: number;
  readonly baseYield: number;
  readonly maxYield: number;
  readonly auctionFormat: AuctionFormat;
  readonly membersOnlyBonds: boolean;
  readonly saversFraction: number;
  /** Prior annual loss rate of an issuer kind with no history (MODEL.md 10.2). */
  readonly newIssuerPremium: number;
  /** Bühlmann's k: series-years of history given half the credibility weight. */
  readonly credibilityYears: number;
  /** Leverage term of the expected loss, per year at debt equal to the collateral's book value. */
  readonly leveragePremium: number;
  /** The aggregate cycle (MODEL.md 10.3): AR(1) on the log goods price factor, per month. */
  readonly cycleRho: number;
  readonly cycleSigma: number;
  /** Enterprise productivity (firms and cooperatives): AR(1) on its logarithm, one step a year. */
  readonly productivityRho: number;
  readonly productivitySigma: number;
  /** Fixed operating cost an organisation pays in a month it sells its own output (enterprises.fixedCost). */
  readonly fixedCostCents: number;
  /** Firms' quadratic adjustment cost of growth, in years (investment.ts). */
  readonly firmAdjustmentCost: number;
  readonly askNoise: number;
  readonly biddersPerAuction: number;
  readonly minimumBidCents: number;
  readonly rentalFormat: RentalFormat;
  readonly minRentCents: number;
  readonly rentalTermMonths: number;
  readonly graceMonths: number;
  readonly liquidationDiscount: number;
  readonly laborToJoinMonths: number;
  readonly lapseMonths: number;
  readonly dividendPeriodMonths: number;
  readonly excessRentPrepays: boolean;
  readonly depreciationReserve: boolean;
  readonly poolBacksBonds: boolean;
  readonly foundingRatePerYear: number;
  readonly foundersPerNewCommune: number;
  readonly merges: boolean;
  readonly mergeThreshold: number;
  readonly solidarity: number;
  /** Firms (MODEL.md 5). */
  readonly firmsEnabled: boolean;
  readonly firmFoundingRatePerYear: number;
  readonly foundingCapitalCents: number;
  readonly wageFloorCents: number;
  readonly payoutRatio: number;
  readonly takeovers: boolean;
  /** Premium over the target's market value a takeover bid offers (MODEL.md 10.5). */
  readonly takeoverPremium: number;
  /** Chance a year that a firm's owners put it up for sale (takeover.ts). */
  readonly forSaleRate: number;
  /** Cooperatives (MODEL.md 5). */
  readonly coopFoundingRatePerYear: number;
  readonly foundersPerNewCoop: number;
  readonly coopRetention: number;
  readonly coopSplitBySkill: boolean;
  readonly hiredLabor: boolean;
  readonly coordinationCostCents: number;
  readonly coopMerges: boolean;
  /** MODEL.md 10.8: cooperatives let out assets. */
  readonly coopRentOut: boolean;
  readonly coopVacantMonthsToLet: number;
  /** MODEL.md 10.8: cooperatives lend idle capital at the bond auctions. */
  readonly coopLendIdle: boolean;
  /** MODEL.md 10.1: which kinds (indexed by ORG_*) may own and let homes. */
  readonly homeOwnerKinds: readonly boolean[];
}

/** Something that happened once, for the UI's event table (merges, foundings, failures). */
export interface EconomyEvent {
  readonly tick: number;
  readonly kind: 'merge' | 'founding' | 'failure' | 'takeover';
  /** The organisation that absorbed (or took over), was founded or failed. */
  readonly org: number;
  /** The absorbed organisation (merges, takeovers), else -1. */
  readonly other: number;
  readonly sizeA: number;
  readonly sizeB: number;
}

/** Running totals of commune finance (cumulative unless named per year). */
export interface FinanceCounters {
  requestsMade: number;
  requestsCleared: number;
  clearingYieldSumYear: number;
  clearedYear: number;
  lastYearMeanClearingYield: number;
  /** Months from issue to redemption, summed over redeemed series (effective maturity). */
  redemptionMonthsSum: number;
  redeemedSeries: number;
  liquidations: number;
  scrapped: number;
  rentYear: number;
  interestToNonMembersYear: number;
  lastYearRent: number;
  lastYearInterestToNonMembers: number;
  founded: number;
  failed: number;
  merged: number;
  hardshipMonthsYear: number;
  lastYearHardshipShare: number;
  /** Income by class (MODEL.md 2) this year and last: output sales, interest, dividends. */
  outputYear: number;
  interestYear: number;
  dividendsYear: number;
  lastYearOutput: number;
  lastYearInterest: number;
  lastYearDividends: number;
  /** Firms and cooperatives: events since the start. */
  firmsFounded: number;
  firmsFailed: number;
  takeovers: number;
  coopsFounded: number;
  coopsFailed: number;
  coopMerges: number;
  /** Shareholders' equity lost in bankruptcies (cents, since the start). */
  shareholderLossCents: number;
  /** Person income this year by class: wages, cooperative distributions (labour), firm payouts (property). */
  wagesYear: number;
  distributionsYear: number;
  firmPayoutsYear: number;
  lastYearWages: number;
  lastYearDistributions: number;
  lastYearFirmPayouts: number;
  /** Firms' accounts summed over the year (property share of value added), and all sales. */
  firmSalesYear: number;
  firmWagesYear: number;
  firmDepreciationYear: number;
  lastYearFirmSales: number;
  lastYearFirmWages: number;
  lastYearFirmDepreciation: number;
  enterpriseSalesYear: number;
  lastYearEnterpriseSales: number;
  /**
   * Claims 6 and 8 (MODEL.md 7 (v3)), cumulative: persons who wanted an asset and would pay its
   * debt service at baseYield but did not ask (the offered rent exceeds their willingness);
   * rent that reached commune pools (cents), and the part of it paid on productive assets
   * (producers' own product).
   */
  unmetDemand: number;
  poolRentCents: number;
  poolRentFromProducersCents: number;
  /** Claim 2: rent of redeemed commune assets paid into a pool by persons not members of that commune. */
  poolRentFromNonMembersCents: number;
}

export interface EconomyState extends EngineState {
  readonly params: EconomyParams;
  readonly classes: readonly AssetClassParams[];
  readonly persons: PersonTable;
  readonly assets: AssetTable;
  readonly orgs: OrganisationTable;
  readonly bonds: BondBook;
  /** The cycle, default and loss records by issuer kind and issuer, savers' outside returns. */
  readonly finance: FinanceState;
  readonly events: EconomyEvent[];
  /** Defaults, liquidations and ownership changes, while the run records them (`--events`). */
  eventLog?: EventLog;
  readonly counters: FinanceCounters;
  /** Last clearing rent per asset class, or -1 before the first (mode choice). */
  readonly lastClearingRentCents: Float64Array;
  /** Commune series redeemed per asset class, and their months from issue to redemption summed (claim 6's ceiling). */
  readonly redeemedByClass: Float64Array;
  readonly redemptionMonthsByClass: Float64Array;
  /** Current goods price in cents per unit, and the reference output of the demand curve. */
  goodsPriceCents: number;
  referenceOutputCents: number;
  /** The best wage rate per unit of skill open this month (positions a firm or cooperative offers), or 0. */
  bestOpenWageRateCents: number;
  /**
   * The chance a person looking this month would land one of the open positions: open positions
   * over the persons who reconsider in a month, at most 1 (willingness.ts, Harris & Todaro 1970).
   */
  jobFindingChance: number;
  /** World net flows (into world, cents) at the last year end, and over the last full year. */
  readonly worldNetAtYearStart: Float64Array;
  readonly worldNetLastYear: Float64Array;
  /** Scratch buffers, reused every tick. */
  readonly scratch: {
    outputCents: Float64Array; claimsCents: Float64Array; equityCents: Float64Array;
    /** The rental auctions' winners of the month: bit 2p + kind (0 a home, 1 a productive asset) of person p. */
    served: Int32Array;
    /** Rent collection's four sums per person, side by side (see rent-collection.ts). */
    rentSums: Float64Array;
  };
  /**
   * Assets ever bought by firms and cooperatives (ids; retired ones are dropped monthly), so
   * their phases never scan the communes' many assets.
   */
  readonly enterpriseAssets: number[];
  /** The assets the rental rules look at next (defaults.ts). */
  readonly rentalRules: RentalRulesQueue;
  /**
   * The assets waiting at the rental auction (acquisition.ts): each writer that sets an asset's
   * `onAuction` lists it, and the auction lists again those it leaves waiting. Built from the
   * flags at the first auction (set-up writes them unlisted). May hold an id twice, or one no
   * longer waiting: the auction reads the flags.
   */
  readonly rentalAuction: { readonly ids: number[]; built: boolean };
  /** The enterprise assets that may be vacant positions, kept for letOutVacantAssets (idle-capital.ts). */
  readonly vacantPositions: VacantPositions;
  /**
   * The enterprise assets that are positions (alive, not let out), in id order, kept for the
   * labour market (labour-market.ts): the enterprise list is mostly let assets.
   */
  readonly positionList: PositionList;
  /** The lists net worth keeps from call to call (net-worth.ts). */
  readonly equityLists: EquityLists;
  /**
   * Money a purchase has reserved and not yet paid (MODEL.md 10.7): held here while the
   * auction it triggers runs, so no bid can spend it. Empty between phases.
   */
  readonly holdAccount: number;
  /** Rent and income by owner kind this year and last (housing-accounts.ts). */
  readonly housingYear: Float64Array;
  readonly housingLastYear: Float64Array;
}

/**
 * Kept by the equity walks (net-worth.ts) as the enterprise list and the bond book grow: the
 * cooperatives' assets of the enterprise list, in its order (`coopAssetsSeen`: the last asset id
 * looked at), and the bond holdings issued to accounts other than persons', by series and place
 * in the series (`seriesSeen`: the series looked at).
 */
export interface EquityLists {
  readonly coopAssets: number[];
  coopAssetsSeen: number;
  readonly lenderSeries: number[];
  readonly lenderHoldings: number[];
  seriesSeen: number;
}

/**
 * When the rental rules (defaults.ts) look at each asset, as its `attendTick` (asset-table.ts)
 * says, kept so that they need not walk every live asset: `now`, the assets whose attendTick a
 * writer set to 0 since their last run (each writer lists it) and those due again after it;
 * `byMonth`, a ring of slots by month (a power of two long), the assets whose term ends then; `seen`, the asset count at their
 * last run (the table adds each asset with attendTick 0). An entry may be stale: the rules check
 * each asset's attendTick when they run.
 */
export interface RentalRulesQueue {
  readonly now: number[];
  readonly byMonth: number[][];
  /** The last month whose slot the rules read. */
  drained: number;
  seen: number;
}

/**
 * Every firm's or cooperative's asset left by its possessor while not let (possession.ts) since
 * the last monthly walk, and those the walk found vacant and kept; the enterprise list's assets
 * after `seen` (the last id the walk took from it: the list is in id order) are new to it. `ids`
 * may hold an id twice, or one since possessed, let or retired: the walk drops them.
 */
export interface VacantPositions {
  readonly ids: number[];
  seen: number;
}

/**
 * Positions kept for the labour market: `ids` in id order, the enterprise list's assets up to
 * `seen` that were positions at the last walk (some may since have retired or been let out:
 * the walk drops them); `returned`, assets whose lease ended since (possession.ts), the one way
 * an asset becomes a position again.
 */
export interface PositionList {
  readonly ids: number[];
  seen: number;
  readonly returned: number[];
}

/**
 * Asks the rental rules (defaults.ts) to look at `asset` this month: its attendTick to 0 and
 * the asset on the rules' queue, together. Every writer of a lease, a possession or a missed
 * rent calls this, so the two cannot disagree (economy-invariants.ts checks they do not).
 */
export function attendRentalRules(state: EconomyState, asset: number): void {
  state.assets.attendTick[asset] = 0;
  state.rentalRules.now.push(asset);
}

export function emptyCounters(): FinanceCounters {
  return settleNumberFields({
    requestsMade: 0, requestsCleared: 0, clearingYieldSumYear: 0, clearedYear: 0, lastYearMeanClearingYield: 0,
    redemptionMonthsSum: 0, redeemedSeries: 0, liquidations: 0, scrapped: 0,
    rentYear: 0, interestToNonMembersYear: 0, lastYearRent: 0, lastYearInterestToNonMembers: 0,
    founded: 0, failed: 0, merged: 0, hardshipMonthsYear: 0, lastYearHardshipShare: 0,
    outputYear: 0, interestYear: 0, dividendsYear: 0, lastYearOutput: 0, lastYearInterest: 0, lastYearDividends: 0,
    firmsFounded: 0, firmsFailed: 0, takeovers: 0, coopsFounded: 0, coopsFailed: 0, coopMerges: 0, shareholderLossCents: 0,
    wagesYear: 0, distributionsYear: 0, firmPayoutsYear: 0, lastYearWages: 0, lastYearDistributions: 0, lastYearFirmPayouts: 0,
    firmSalesYear: 0, firmWagesYear: 0, firmDepreciationYear: 0, lastYearFirmSales: 0, lastYearFirmWages: 0,
    lastYearFirmDepreciation: 0, enterpriseSalesYear: 0, lastYearEnterpriseSales: 0,
    unmetDemand: 0, poolRentCents: 0, poolRentFromProducersCents: 0, poolRentFromNonMembersCents: 0,
  });
}

export function newEconomyState(
  ledger: Ledger, streams: RandomStreams, params: EconomyParams, classes: readonly AssetClassParams[], persons: PersonTable,
): EconomyState {
  return settleObjectFields(settleNumberFields({
    tick: 0, ledger, streams, params, classes, persons,
    assets: new AssetTable(classes), orgs: new OrganisationTable(), bonds: new BondBook(persons.firstAccount, persons.count), finance: new FinanceState(persons.count), events: [],
    counters: emptyCounters(), lastClearingRentCents: new Float64Array(classes.length).fill(-1),
    redeemedByClass: new Float64Array(classes.length), redemptionMonthsByClass: new Float64Array(classes.length),
    goodsPriceCents: params.goodsPrice * CENTS_PER_UNIT, referenceOutputCents: 0, bestOpenWageRateCents: 0, jobFindingChance: 0,
    worldNetAtYearStart: new Float64Array(FLOWS.length), worldNetLastYear: new Float64Array(FLOWS.length),
    scratch: settleObjectFields({ outputCents: new Float64Array(persons.count), served: new Int32Array(((2 * persons.count) >>> 5) + 1), claimsCents: new Float64Array(persons.count), equityCents: new Float64Array(0),
      rentSums: new Float64Array(4 * persons.count) }),
    enterpriseAssets: [], rentalRules: { now: [], byMonth: [[]], drained: -1, seen: 0 }, rentalAuction: { ids: [], built: false }, vacantPositions: { ids: [], seen: -1 }, positionList: { ids: [], seen: -1, returned: [] }, equityLists: { coopAssets: [], coopAssetsSeen: -1, lenderSeries: [], lenderHoldings: [], seriesSeen: 0 }, holdAccount: ledger.open(), housingYear: newHousingYear(), housingLastYear: newHousingYear(),
  }));
}

/** Whether any firm or cooperative has ever existed (phases skip their loops otherwise). */
export function hasEnterprises(state: EconomyState): boolean {
  const c = state.counters;
  return c.firmsFounded + c.coopsFounded > 0;
}
