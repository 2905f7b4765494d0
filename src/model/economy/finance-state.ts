// The economy's financial memory (MODEL.md 10.2-10.3): the aggregate cycle, bond defaults and
// losses by issuer kind and by issuer (the exposure the savers' credibility weights rest on),
// the market's trailing realised return on bonds, and each shareholder's trailing payout on
// equity. Plain typed columns: per kind (ORG_* order), per organisation id (grown as
// organisations are added), per person.
import { grown } from '../grown.ts';
import { settleNumberFields } from '../number-fields.ts';

export const ISSUER_KINDS = 3;

export class FinanceState {
  /** The economy-wide AR(1) factor on the goods price: its logarithm and exp of it. */
  cycleLog = 0;
  cycleFactor = 1;
  cycleFactorSumYear = 0;
  cycleMonthsYear = 0;
  /** Mean cycle factor over the last full year (NaN before the first year end). */
  lastYearCycleFactor = Number.NaN;

  /** Per issuer kind: series that defaulted (liquidated with principal outstanding), and holders' losses. */
  readonly defaultsYear = new Float64Array(ISSUER_KINDS);
  readonly lastYearDefaults = new Float64Array(ISSUER_KINDS);
  readonly defaultsTotal = new Float64Array(ISSUER_KINDS);
  readonly lossYearCents = new Float64Array(ISSUER_KINDS);
  readonly lastYearLossCents = new Float64Array(ISSUER_KINDS);
  readonly lossTotalCents = new Float64Array(ISSUER_KINDS);
  /** Per kind, at the last year end: active series and principal outstanding (next year's exposure). */
  readonly activeSeriesAtYearStart = new Float64Array(ISSUER_KINDS);
  readonly outstandingAtYearStart = new Float64Array(ISSUER_KINDS);
  /** Per kind, series issued this year (at risk beside those active at its start). */
  readonly seriesIssuedYear = new Float64Array(ISSUER_KINDS);
  /** Per kind, over the last full year: series at risk (active at its start or issued in it) and principal at its start. */
  readonly lastYearActiveSeries = new Float64Array(ISSUER_KINDS);
  readonly lastYearOutstanding = new Float64Array(ISSUER_KINDS);
  /** Per kind, cumulative over closed years: series-years and cent-years at risk, and losses on them. */
  readonly exposureSeriesYears = new Float64Array(ISSUER_KINDS);
  readonly exposureCentYears = new Float64Array(ISSUER_KINDS);
  readonly exposureLossCents = new Float64Array(ISSUER_KINDS);

  /** Per organisation, the same cumulative history (its own credibility). */
  orgSeriesYears = new Float64Array(64);
  orgCentYears = new Float64Array(64);
  orgLossCents = new Float64Array(64);
  /** Per organisation, this month's debt (principal outstanding) and collateral (book value of assets). */
  orgDebtCents = new Float64Array(64);
  orgCollateralCents = new Float64Array(64);
  /** The tick the debt and collateral columns were taken at (-1: never). */
  balanceSheetTick = -1;

  /**
   * The return lending elsewhere offered: the trailing yield winners asked on cleared series,
   * net of the expected loss they priced in (face-weighted over a year, smoothed over years).
   */
  marketReturn = Number.NaN;
  acceptedYieldFaceYear = 0;
  acceptedFaceYear = 0;
  /** Face-weighted clearing yield of every series sold: this year's sums, and last full year's mean (NaN: none). */
  clearingYieldFaceYear = 0;
  lastYearClearingYield = Number.NaN;
  /**
   * The marginal (highest accepted) ask of every bond auction held with at least one bid,
   * cleared or not: this year's sum and count, and the last year's mean, the yield an asker
   * expects its asset's series to clear at (offeredRentCents; NaN until an auction was held).
   */
  marginalYieldSumYear = 0;
  auctionsYear = 0;
  expectedClearingYield = Number.NaN;

  /** Per person: firm payouts received this year, and the trailing payout on the book equity it holds. */
  readonly payoutYearCents: Float64Array;
  readonly equityReturn: Float64Array;
  /**
   * A bit per person (word p >>> 5, bit p & 31), set when its equityReturn is not 0: about one
   * saver in six holds firm equity. A bond auction reads a drawn saver's bit (the bitmap is 1.3 kB
   * at 10,000 persons, cached) and its equityReturn only when set: the column, read nowhere else
   * in the month, missed the cache at nearly every bid. Write both with setEquityReturn.
   */
  readonly equityReturnSet: Int32Array;

  constructor(persons: number) {
    this.payoutYearCents = new Float64Array(persons);
    this.equityReturn = new Float64Array(persons);
    this.equityReturnSet = new Int32Array((persons >>> 5) + 1);
    // Reassigned once so V8 never sees a first reassignment mid-run (see BondBook's constructor).
    this.orgSeriesYears = this.orgSeriesYears.slice(); this.orgCentYears = this.orgCentYears.slice();
    this.orgLossCents = this.orgLossCents.slice(); this.orgDebtCents = this.orgDebtCents.slice();
    this.orgCollateralCents = this.orgCollateralCents.slice();
    settleNumberFields(this);
  }

  /** Sets person `p`'s trailing return on equity, and its bit in equityReturnSet. */
  setEquityReturn(p: number, rate: number): void {
    this.equityReturn[p] = rate;
    const bit = 1 << (p & 31);
    if (rate !== 0) this.equityReturnSet[p >>> 5]! |= bit;
    else this.equityReturnSet[p >>> 5]! &= ~bit;
  }

  /** Makes the per-organisation columns hold `organisations` entries. */
  ensureOrganisations(organisations: number): void {
    // Grown unconditionally (each the same array while it has room): a growth first taken in an
    // optimised caller (openExposureYear at a year end with more organisations) had no type
    // feedback there, and V8 threw the caller's code away.
    this.orgSeriesYears = grown(this.orgSeriesYears, organisations); this.orgCentYears = grown(this.orgCentYears, organisations);
    this.orgLossCents = grown(this.orgLossCents, organisations); this.orgDebtCents = grown(this.orgDebtCents, organisations);
    this.orgCollateralCents = grown(this.orgCollateralCents, organisations);
  }

  /** A series of an issuer of `kind` (organisation `org`) defaulted, its holders losing `lossCents`. */
  recordDefault(kind: number, org: number, lossCents: number): void {
    this.ensureOrganisations(org + 1);
    this.defaultsYear[kind]!++;
    this.defaultsTotal[kind]!++;
    this.lossYearCents[kind]! += lossCents;
    this.lossTotalCents[kind]! += lossCents;
    this.orgLossCents[org]! += lossCents;
  }

  /** An organisation absorbed by another hands its credit history over with its series. */
  absorbHistory(from: number, to: number): void {
    this.ensureOrganisations(Math.max(from, to) + 1);
    this.orgSeriesYears[to]! += this.orgSeriesYears[from]!;
    this.orgCentYears[to]! += this.orgCentYears[from]!;
    this.orgLossCents[to]! += this.orgLossCents[from]!;
  }
}
