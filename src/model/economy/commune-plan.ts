// The organiser's question about one commune (issue 17, MODEL.md 5 and 6, commune finance):
// does it pay off its bonds, and what does each member net? A recorder observes the commune
// every month (its bond series, pool, dividends, defaults and recoveries); at the end the
// planner's figures and headline numbers come from here, so the page and the tests read the
// same numbers and the UI computes none of them.
import { MONTHS_PER_YEAR } from '../engine.ts';
import { grown } from '../grown.ts';
import { SERIES_ACTIVE, SERIES_DEFAULTED } from '../market/bond-series.ts';
import { CENTS_PER_UNIT, type EconomyState } from './economy-state.ts';
import { ORG_COMMUNE } from './organisation-table.ts';
import { MODE_SELF_EMPLOYED } from './person-table.ts';

/** Month by month (row m is the state after month m; row 0 the start), in money units. */
export interface CommunePlanMonths {
  /** Outstanding principal of every series, in total and by the year the series was issued. */
  readonly outstandingTotal: Float64Array;
  /** `years` x (months + 1), row-major by issue year: outstanding of the series issued that year. */
  readonly outstandingByIssueYear: Float64Array;
  readonly pool: Float64Array;
  readonly dividendPerMember: Float64Array;
  readonly members: Float64Array;
  /** Cumulative: series defaulted, holders' losses on them, and what holders recovered of them. */
  readonly defaultedSeries: Float64Array;
  readonly bondLosses: Float64Array;
  readonly recovered: Float64Array;
}

/** Every series the commune issued: when, how much, and when it closed (-1 while open). */
export interface CommunePlanSeries {
  readonly issuedMonth: Int32Array;
  readonly face: Float64Array;
  readonly closedMonth: Int32Array;
  /** 1 redeemed, 2 defaulted, 0 still open at the end. */
  readonly outcome: Uint8Array;
}

/** The members of the last full year: monthly net (dividend - rent) against their use of property. */
export interface CommunePlanMembers {
  readonly netMonthly: Float64Array;
  /** Property used relative to the commune's per-capita use (1 = average). */
  readonly relativeUse: Float64Array;
  /** Monthly income (own labour net of rent, plus dividends), to set beside self-employment. */
  readonly incomeMonthly: Float64Array;
}

/** The figures that answer the organiser's question. NaN where the run gives no answer. */
export interface PlanHeadline {
  /** Years from the start until every series of the founding year is closed (NaN: not within the run). */
  readonly yearsToFoundingDebtFree: number;
  /** Share of the commune's bond face redeemed (not defaulted) among series closed by the end. */
  readonly redeemedShare: number;
  /** Median over last year's members of monthly (dividend - rent), money units. */
  readonly medianMemberNet: number;
  /** Share of last year's members whose monthly income beats the median self-employed person's. */
  readonly shareBetterThanSelfEmployed: number;
  /** The benchmark: median monthly labour income of persons self-employed all last year. */
  readonly selfEmployedMedianIncome: number;
}

export interface CommunePlan {
  /** Organisation id of the commune followed, or -1 when the scenario has none. */
  readonly commune: number;
  readonly months: number;
  readonly years: number;
  readonly monthly: CommunePlanMonths;
  readonly series: CommunePlanSeries;
  readonly members: CommunePlanMembers;
  readonly headline: PlanHeadline;
}

/** The headline figures' names, in a fixed order (ensembles and charts index them). */
export const HEADLINE_KEYS = [
  'yearsToFoundingDebtFree', 'medianMemberNet', 'shareBetterThanSelfEmployed', 'redeemedShare',
] as const satisfies readonly (keyof PlanHeadline)[];
export type HeadlineKey = (typeof HEADLINE_KEYS)[number];

/** The commune an organiser plans: the first one the scenario starts with. */
export function plannedCommune(state: EconomyState): number {
  const first = state.orgs.all.find((o) => o.kind === ORG_COMMUNE);
  return first === undefined ? -1 : first.id;
}

/** Watches one commune month by month; `observe` after every month, `finish` at the end. */
export class CommunePlanRecorder {
  private readonly commune: number;
  private readonly totalMonths: number;
  private readonly years: number;
  private readonly outstandingTotal: Float64Array;
  private readonly byIssueYear: Float64Array;
  private readonly pool: Float64Array;
  private readonly dividend: Float64Array;
  private readonly members: Float64Array;
  private readonly defaulted: Float64Array;
  private readonly losses: Float64Array;
  private readonly recovered: Float64Array;
  /** Series of the commune seen so far (ids in the bond book), their last outstanding and close month. */
  private seriesIds = new Int32Array(64);
  private seriesCount = 0;
  private lastOutstanding = new Float64Array(64);
  private closedMonth = new Int32Array(64);
  private scannedUpTo = 0;
  private defaultedCount = 0;
  private lossCents = 0;
  private recoveredCents = 0;

  constructor(state: EconomyState, totalMonths: number) {
    this.commune = plannedCommune(state);
    this.totalMonths = totalMonths;
    this.years = Math.ceil(totalMonths / MONTHS_PER_YEAR);
    const rows = totalMonths + 1;
    this.outstandingTotal = new Float64Array(rows);
    this.byIssueYear = new Float64Array(this.years * rows);
    this.pool = new Float64Array(rows);
    this.dividend = new Float64Array(rows);
    this.members = new Float64Array(rows);
    this.defaulted = new Float64Array(rows);
    this.losses = new Float64Array(rows);
    this.recovered = new Float64Array(rows);
    this.observe(state);
  }

  /** Records the commune after month `state.tick` (call once per month, in order). */
  observe(state: EconomyState): void {
    const m = state.tick;
    if (this.commune < 0 || m > this.totalMonths) return;
    const { bonds } = state;
    // New series of this commune (merges are the only way another issuer's series arrive; a
    // planned commune absorbing another keeps its own schedule, the absorbed one's is not followed).
    for (; this.scannedUpTo < bonds.seriesCount; this.scannedUpTo++) {
      const s = this.scannedUpTo;
      if (bonds.issuer[s] !== this.commune) continue;
      const n = ++this.seriesCount;
      this.seriesIds = grown(this.seriesIds, n);
      this.lastOutstanding = grown(this.lastOutstanding, n);
      this.closedMonth = grown(this.closedMonth, n);
      this.seriesIds[n - 1] = s;
      this.lastOutstanding[n - 1] = bonds.faceCents[s]!;
      this.closedMonth[n - 1] = -1;
    }
    const rows = this.totalMonths + 1;
    let total = 0;
    for (let k = 0; k < this.seriesCount; k++) {
      if (this.closedMonth[k]! >= 0) continue;
      const s = this.seriesIds[k]!;
      if (bonds.status[s] !== SERIES_ACTIVE) {
        this.closedMonth[k] = m;
        if (bonds.status[s] === SERIES_DEFAULTED) {
          this.defaultedCount++;
          const loss = bonds.seriesLossCents[s]!;
          this.lossCents += loss;
          this.recoveredCents += Math.max(0, this.lastOutstanding[k]! - loss);
        }
        this.lastOutstanding[k] = 0;
        continue;
      }
      const outstanding = bonds.outstanding(s);
      this.lastOutstanding[k] = outstanding;
      total += outstanding;
      const year = Math.min(this.years - 1, Math.floor(bonds.issuedTick[s]! / MONTHS_PER_YEAR));
      this.byIssueYear[year * rows + m]! += outstanding / CENTS_PER_UNIT;
    }
    const org = state.orgs.get(this.commune);
    this.outstandingTotal[m] = total / CENTS_PER_UNIT;
    this.pool[m] = state.ledger.balance(org.account) / CENTS_PER_UNIT;
    this.dividend[m] = org.alive ? org.dividendPerMemberMonthly / CENTS_PER_UNIT : 0;
    this.members[m] = org.alive ? org.members : 0;
    this.defaulted[m] = this.defaultedCount;
    this.losses[m] = this.lossCents / CENTS_PER_UNIT;
    this.recovered[m] = this.recoveredCents / CENTS_PER_UNIT;
  }

  finish(state: EconomyState): CommunePlan {
    const { bonds } = state;
    const n = this.seriesCount;
    const series: CommunePlanSeries = {
      issuedMonth: Int32Array.from(this.seriesIds.subarray(0, n), (s) => bonds.issuedTick[s]!),
      face: Float64Array.from(this.seriesIds.subarray(0, n), (s) => bonds.faceCents[s]! / CENTS_PER_UNIT),
      closedMonth: this.closedMonth.slice(0, n),
      outcome: Uint8Array.from(this.seriesIds.subarray(0, n), (s) => bonds.status[s]!),
    };
    const members = membersOfLastYear(state, this.commune);
    return {
      commune: this.commune,
      months: this.totalMonths,
      years: this.years,
      monthly: {
        outstandingTotal: this.outstandingTotal, outstandingByIssueYear: this.byIssueYear, pool: this.pool,
        dividendPerMember: this.dividend, members: this.members, defaultedSeries: this.defaulted,
        bondLosses: this.losses, recovered: this.recovered,
      },
      series,
      members,
      headline: headlineOf(series, members, selfEmployedMedianIncome(state)),
    };
  }
}

/** Last full year's members of `commune`: net, relative use and income, per month. */
export function membersOfLastYear(state: EconomyState, commune: number): CommunePlanMembers {
  const { persons } = state;
  let n = 0;
  let useSum = 0;
  for (let p = 0; p < persons.count; p++) {
    if (commune < 0 || persons.lastMemberOf[p] !== commune) continue;
    n++;
    useSum += persons.lastUseYear[p]!;
  }
  const perCapita = n > 0 ? useSum / n : 0;
  const netMonthly = new Float64Array(n);
  const relativeUse = new Float64Array(n);
  const incomeMonthly = new Float64Array(n);
  const perMonth = MONTHS_PER_YEAR * CENTS_PER_UNIT;
  for (let p = 0, i = 0; p < persons.count; p++) {
    if (commune < 0 || persons.lastMemberOf[p] !== commune) continue;
    netMonthly[i] = (persons.lastDividendYear[p]! - persons.lastRentYear[p]!) / perMonth;
    relativeUse[i] = perCapita > 0 ? persons.lastUseYear[p]! / perCapita : 1;
    // Labour income already nets the rent of a producer's asset (rent-collection.ts).
    incomeMonthly[i] = (persons.lastLabourYear[p]! + persons.lastDividendYear[p]!) / perMonth;
    i++;
  }
  return { netMonthly, relativeUse, incomeMonthly };
}

/** Median monthly labour income last year of persons who worked only self-employed all year. */
export function selfEmployedMedianIncome(state: EconomyState): number {
  const { persons } = state;
  const only = 1 << MODE_SELF_EMPLOYED;
  const incomes: number[] = [];
  for (let p = 0; p < persons.count; p++) {
    if (persons.lastModeMaskYear[p] === only && persons.lastMemberOf[p]! < 0) {
      incomes.push(persons.lastLabourYear[p]! / (MONTHS_PER_YEAR * CENTS_PER_UNIT));
    }
  }
  return median(Float64Array.from(incomes));
}

/** The middle value (mean of the two middle ones), NaN for none. */
export function median(values: Float64Array): number {
  if (values.length === 0) return Number.NaN;
  const sorted = values.slice().sort();
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

export function headlineOf(series: CommunePlanSeries, members: CommunePlanMembers, selfEmployed: number): PlanHeadline {
  // The founding debt: series issued in the commune's first year (the founders' requests).
  let lastClose = -1;
  let founding = 0;
  let open = false;
  let redeemedFace = 0;
  let closedFace = 0;
  for (let k = 0; k < series.face.length; k++) {
    if (series.outcome[k] !== 0) {
      closedFace += series.face[k]!;
      if (series.outcome[k] === 1) redeemedFace += series.face[k]!;
    }
    if (series.issuedMonth[k]! >= MONTHS_PER_YEAR) continue;
    founding++;
    if (series.closedMonth[k]! < 0) open = true;
    else lastClose = Math.max(lastClose, series.closedMonth[k]!);
  }
  let better = 0;
  for (let i = 0; i < members.incomeMonthly.length; i++) if (members.incomeMonthly[i]! > selfEmployed) better++;
  return {
    yearsToFoundingDebtFree: founding === 0 || open ? Number.NaN : lastClose / MONTHS_PER_YEAR,
    redeemedShare: closedFace > 0 ? redeemedFace / closedFace : Number.NaN,
    medianMemberNet: median(members.netMonthly),
    shareBetterThanSelfEmployed: members.incomeMonthly.length > 0 && Number.isFinite(selfEmployed)
      ? better / members.incomeMonthly.length : Number.NaN,
    selfEmployedMedianIncome: selfEmployed,
  };
}
