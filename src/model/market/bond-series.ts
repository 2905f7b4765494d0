// MODEL.md section 4, bond issue: an organisation raises the price of one asset by a series of
// bonds, each holding a level monthly annuity at its yield (annual yields applied as y/12).
// Issuer-agnostic: an issuer is an organisation id with a ledger account; each series keeps
// its own escrow account, into which the issuer pays and out of which holders are paid.
// Series and holdings are column tables (typed arrays): the monthly service loop walks them
// thousands of times a month. A series' holdings are one contiguous range, created at issue and
// moved down (order kept) when the book compacts away the holdings of closed series.
import { grown } from '../grown.ts';
import { pow } from '../detmath.ts';
import { settleNumberFields } from '../number-fields.ts';

export const SERIES_ACTIVE: number = 0;
export const SERIES_REDEEMED: number = 1;
export const SERIES_DEFAULTED: number = 2;

/** The level monthly payment of an annuity, in whole cents (rounded; the last payment absorbs). */
export function annuityPaymentCents(faceCents: number, annualYield: number, months: number): number {
  const r = annualYield / 12;
  if (r === 0) return Math.ceil(faceCents / months);
  // Below this, 1 - (1 + r)^-months rounds to 0 (a yield of 1e-251 gave an infinite rent; found
  // by the engine fuzz): the first-order payment face/n x (1 + r(n + 1)/2) is exact to 1e-12.
  if (r * months < 1e-6) return Math.ceil((faceCents / months) * (1 + (r * (months + 1)) / 2));
  return Math.round((faceCents * r) / annuityDenominator(r, months));
}

/**
 * 1 - (1 + r)^-months, remembered for the last few (r, months): the same few rates recur
 * (every holding of a uniform auction clears at one yield; asks quote maxYield and maturity).
 */
const memoRate = new Float64Array(8).fill(Number.NaN);
const memoMonths = new Float64Array(8);
const memoValue = new Float64Array(8);
let memoNext = 0;

function annuityDenominator(r: number, months: number): number {
  for (let k = 0; k < 8; k++) if (memoRate[k] === r && memoMonths[k] === months) return memoValue[k]!;
  const value = 1 - pow(1 + r, -months);
  memoRate[memoNext] = r;
  memoMonths[memoNext] = months;
  memoValue[memoNext] = value;
  memoNext = (memoNext + 1) & 7;
  return value;
}

/**
 * A month of a schedule: interest on the balance, the rest of the level payment principal.
 * Never negative principal: a balance grown by missed months until its interest exceeds the
 * level payment is due its interest alone (the escrow must never pay more than `due` says).
 */
export function scheduledSplit(
  principalCents: number, annualYield: number, paymentCents: number, monthsLeft: number, out: { interestCents: number; principalCents: number },
): void {
  const interestCents = monthInterestCents(principalCents, annualYield);
  out.interestCents = interestCents;
  out.principalCents = scheduledPrincipalCents(principalCents, interestCents, paymentCents, monthsLeft);
}

/** A month's interest on a balance, in whole cents (the annual yield applied as y/12). */
export function monthInterestCents(principalCents: number, annualYield: number): number {
  return Math.round((principalCents * annualYield) / 12);
}

/**
 * scheduledSplit's principal, given the month's interest. The hot loops (the service of every
 * holding, the schedules in the wage phase) call the two halves and keep both numbers in
 * registers instead of filling an `out` object for each holding: in paired runs of mixed
 * 10,000 x 50 y the bond service phase took 10-30% less thread CPU in five pairs of seven.
 */
export function scheduledPrincipalCents(principalCents: number, interestCents: number, paymentCents: number, monthsLeft: number): number {
  const last = monthsLeft <= 1 || principalCents + interestCents <= paymentCents;
  return last ? principalCents : Math.max(0, Math.min(principalCents, paymentCents - interestCents));
}

/** The whole schedule of a fresh annuity, for checks and the planner: it repays exactly the face. */
export function amortisationSchedule(
  faceCents: number, annualYield: number, months: number,
): { interestCents: number; principalCents: number }[] {
  const payment = annuityPaymentCents(faceCents, annualYield, months);
  const rows: { interestCents: number; principalCents: number }[] = [];
  let balance = faceCents;
  for (let left = months; balance > 0; left--) {
    const row = { interestCents: 0, principalCents: 0 };
    scheduledSplit(balance, annualYield, payment, left, row);
    rows.push(row);
    balance -= row.principalCents;
  }
  return rows;
}

export interface NewHolding {
  /** Ledger account of the holder (a person or an organisation). */
  readonly bidder: number;
  readonly amountCents: number;
  readonly annualYield: number;
}


/** Every series ever issued and its holdings, with the active series listed apart. */
export class BondBook {
  /**
   * Every column reassigned once at construction: V8 treats a field as constant until its
   * first reassignment, and a first reassignment by growth mid-run throws away every
   * optimised function that read it (see AssetTable's constructor). `personAccount` and
   * `personCount`: the persons' accounts, whose principal held the book keeps (`personHeldCents`).
   */
  constructor(personAccount = 0, personCount = 0) {
    this.personAccount = personAccount;
    this.personHeldCents = new Float64Array(personCount);
    const columns = this as unknown as Record<string, unknown>;
    for (const key of Object.keys(this)) {
      const column = columns[key];
      if (ArrayBuffer.isView(column)) columns[key] = (column as Int32Array).slice();
    }
    this.dirty = true;
    this.dirty = false;
    settleNumberFields(this);
  }

  seriesCount = 0;
  issuer = new Int32Array(64);
  asset = new Int32Array(64);
  escrow = new Int32Array(64);
  faceCents = new Float64Array(64);
  issuedTick = new Int32Array(64);
  maturityMonths = new Int32Array(64);
  status = new Uint8Array(64);
  /**
   * Scheduled payments made (a missed one is never made up): how far a series is behind its
   * schedule is the months since issue less these (`paymentsBehind`), O(1) a series.
   */
  paymentsMade = new Int32Array(64);
  seriesLossCents = new Float64Array(64);
  /**
   * Principal outstanding, the sum of its holdings' balances, kept as they change (whole
   * cents, so exact in any order): the balance sheets, the exposure and the equity read it
   * for every active series, which summed the holdings at each read.
   */
  seriesOutstandingCents = new Float64Array(64);
  /**
   * Per issuer (organisation id), the principal outstanding on its active series: what their
   * `seriesOutstandingCents` sum to, kept by every writer of those (issue, service, capitalised
   * misses, prepayment, liquidation, closing, a change of issuer). Whole cents, so exact in any
   * order. The bond auctions price leverage by it each month, which walked every active series.
   * Entries past its length are 0 (`debtOf`).
   */
  issuerDebtCents = new Float64Array(64);
  firstHolding = new Int32Array(64);
  holdingCount = new Int32Array(64);
  /**
   * The month's schedule (`schedule`) of each series, kept while `scheduleKept` is set, with
   * each holding's split (`keptHolding*`): the service sums the next month's as it pays, where
   * the holdings are in cache, and pays the kept split the month after; anything else that
   * changes a balance clears it. The wage phase's walk of every enterprise series' holdings
   * for its schedule was three quarters of that phase's time, and the service split each
   * holding again.
   */
  scheduleKept = new Uint8Array(64);
  keptDueCents = new Float64Array(64);
  keptInterestCents = new Float64Array(64);
  keptLevelCents = new Float64Array(64);

  holdings = 0;
  holder = new Int32Array(256);
  annualYield = new Float64Array(256);
  /** The level monthly payment fixed at issue. */
  paymentCents = new Float64Array(256);
  principalCents = new Float64Array(256);
  // No interest paid is kept per holding: the ledger's interest flow and the HolderPaid calls give it.
  holdingLossCents = new Float64Array(256);
  /** Each open holding's part of its series' kept schedule (valid while `scheduleKept` is set): the service pays it as kept. */
  keptHoldingInterestCents = new Float64Array(256);
  keptHoldingPrincipalCents = new Float64Array(256);

  /**
   * Holdings of active series. Closed series' holdings (their balances all 0) are dropped by
   * `compactHoldings` once they outnumber these: at the peak of a run only 12-30% of the holdings
   * were active, so each series the service walked sat among dead ones, a dozen cache lines apart.
   */
  liveHoldings = 0;
  /** No series below this one has holdings left to drop or move (compaction starts here). */
  private holdingsFrom = 0;

  private activeIds = new Int32Array(64);
  private activeCount = 0;
  /**
   * Series that have missed a payment: a sorted list of the active ones, then those noted since
   * (unordered, repeated) until `missedSeries` merges them in and drops the closed. A missed
   * payment is never made up, so only these can fall behind their schedule, and the default
   * rule reads them instead of every active series.
   */
  private missedIds = new Int32Array(64);
  private missedCount = 0;
  private missedSorted = 0;
  /** The merge's other buffer (the two swap). */
  private missedMerged = new Int32Array(64);
  /** Set when a series closes, so the active list is compacted once, not per closing. */
  dirty = false;
  /**
   * Principal each person holds across the book (index: holder account - `personAccount`; the
   * persons' accounts are one fixed run), kept by every writer of a holding's balance or holder
   * (issue, service, capitalised misses, prepayment, write-offs, lenders' holdings handed on):
   * consumption reads every person's net worth each month, and summed it by a walk over every
   * holding of the book (some 21,000 in mixed 10,000 x 50 y). Whole cents, so exact in any order.
   */
  personAccount = 0;
  personHeldCents = new Float64Array(0);
  issuedFaceCents = 0;
  lossCents = 0;
  redeemedCount = 0;

  addSeries(
    issue: { issuer: number; asset: number; escrow: number; tick: number; maturityMonths: number },
    allocations: readonly NewHolding[],
  ): number {
    const id = this.seriesCount++;
    const n = this.seriesCount;
    // The series columns grow together (as the holding columns do): one test, not twelve calls.
    if (n > this.issuer.length) this.growSeriesColumns(n);
    this.issuer[id] = issue.issuer; this.asset[id] = issue.asset; this.escrow[id] = issue.escrow;
    this.issuedTick[id] = issue.tick; this.maturityMonths[id] = issue.maturityMonths;
    this.status[id] = SERIES_ACTIVE; this.paymentsMade[id] = 0; this.seriesLossCents[id] = 0;
    this.scheduleKept[id] = 0;
    const first = this.holdings;
    const m = first + allocations.length;
    if (m > this.holder.length) this.growHoldingColumns(m);
    let face = 0;
    for (let k = 0; k < allocations.length; k++) {
      const a = allocations[k]!;
      const h = first + k;
      this.holder[h] = a.bidder; this.annualYield[h] = a.annualYield;
      this.paymentCents[h] = annuityPaymentCents(a.amountCents, a.annualYield, issue.maturityMonths);
      this.principalCents[h] = a.amountCents;
      this.holdingLossCents[h] = 0;
      this.addHeld(a.bidder, a.amountCents);
      face += a.amountCents;
    }
    this.holdings = m;
    this.liveHoldings += allocations.length;
    this.firstHolding[id] = first;
    this.holdingCount[id] = allocations.length;
    this.faceCents[id] = face;
    this.seriesOutstandingCents[id] = face;
    this.issuerDebtCents = grown(this.issuerDebtCents, issue.issuer + 1);
    this.issuerDebtCents[issue.issuer]! += face;
    this.issuedFaceCents += face;
    if (this.activeCount === this.activeIds.length) this.activeIds = grown(this.activeIds, this.activeCount + 1);
    this.activeIds[this.activeCount++] = id;
    return id;
  }

  private growSeriesColumns(n: number): void {
    this.issuer = grown(this.issuer, n); this.asset = grown(this.asset, n); this.escrow = grown(this.escrow, n);
    this.faceCents = grown(this.faceCents, n); this.issuedTick = grown(this.issuedTick, n);
    this.maturityMonths = grown(this.maturityMonths, n); this.status = grown(this.status, n);
    this.paymentsMade = grown(this.paymentsMade, n); this.seriesLossCents = grown(this.seriesLossCents, n);
    this.seriesOutstandingCents = grown(this.seriesOutstandingCents, n);
    this.firstHolding = grown(this.firstHolding, n); this.holdingCount = grown(this.holdingCount, n);
    this.scheduleKept = grown(this.scheduleKept, n); this.keptDueCents = grown(this.keptDueCents, n);
    this.keptInterestCents = grown(this.keptInterestCents, n); this.keptLevelCents = grown(this.keptLevelCents, n);
  }

  private growHoldingColumns(m: number): void {
    this.holder = grown(this.holder, m); this.annualYield = grown(this.annualYield, m);
    this.paymentCents = grown(this.paymentCents, m); this.principalCents = grown(this.principalCents, m);
    this.holdingLossCents = grown(this.holdingLossCents, m);
    this.keptHoldingInterestCents = grown(this.keptHoldingInterestCents, m);
    this.keptHoldingPrincipalCents = grown(this.keptHoldingPrincipalCents, m);
  }

  /** Active series ids in issue order (a view: valid until the next issue or compaction). */
  active(): Int32Array {
    if (this.dirty) {
      let n = 0;
      for (let k = 0; k < this.activeCount; k++) {
        const s = this.activeIds[k]!;
        if (this.status[s] === SERIES_ACTIVE) this.activeIds[n++] = s;
      }
      this.activeCount = n;
      this.dirty = false;
    }
    return this.activeIds.subarray(0, this.activeCount);
  }

  /**
   * Drops closed series' holdings (a closed series owns none after it) and moves the active
   * series' down, in order, once the dead outnumber the live: each holding moves a bounded
   * number of times, and the active ones stay one dense run. Holding indices change: call it
   * where no walk holds one (the monthly service starts with it).
   */
  compactHoldings(): void {
    if (this.holdings - this.liveHoldings <= this.liveHoldings) return;
    const { status, firstHolding, holdingCount, holder, annualYield, paymentCents, principalCents, holdingLossCents } = this;
    const { keptHoldingInterestCents: keptInterest, keptHoldingPrincipalCents: keptPrincipal } = this;
    // Every series below `holdingsFrom` is closed and holds nothing, so the first active one starts at 0.
    let to = 0;
    let firstActive = this.seriesCount;
    for (let s = this.holdingsFrom; s < this.seriesCount; s++) {
      const count = holdingCount[s]!;
      if (status[s] !== SERIES_ACTIVE) {
        holdingCount[s] = 0;
        firstHolding[s] = to;
        continue;
      }
      if (firstActive === this.seriesCount) firstActive = s;
      const first = firstHolding[s]!;
      firstHolding[s] = to;
      if (first === to) {
        to += count;
        continue;
      }
      for (let h = first, end = first + count; h < end; h++, to++) {
        holder[to] = holder[h]!; annualYield[to] = annualYield[h]!; paymentCents[to] = paymentCents[h]!;
        principalCents[to] = principalCents[h]!;
        holdingLossCents[to] = holdingLossCents[h]!;
        keptInterest[to] = keptInterest[h]!; keptPrincipal[to] = keptPrincipal[h]!;
      }
    }
    this.holdings = to;
    this.holdingsFrom = firstActive;
  }

  /** Notes a missed payment of the series (see `missedSeries`). */
  noteMissed(series: number): void {
    if (this.missedCount === this.missedIds.length) this.missedIds = grown(this.missedIds, this.missedCount + 1);
    this.missedIds[this.missedCount++] = series;
  }

  /**
   * The active series that have missed a payment, in issue order (a view: valid until the next
   * missed payment): every series behind its schedule, and only those have missed.
   */
  missedSeries(): Int32Array {
    const ids = this.missedIds;
    const sorted = this.missedSorted;
    const count = this.missedCount;
    // The service notes misses in issue order, so the new ones are mostly sorted already.
    if (count > sorted) ids.subarray(sorted, count).sort();
    if (this.missedMerged.length < count) this.missedMerged = new Int32Array(ids.length);
    const merged = this.missedMerged;
    // Merges the two sorted runs, once each, active only.
    let n = 0;
    let i = 0;
    let j = sorted;
    while (i < sorted || j < count) {
      const s = j >= count || (i < sorted && ids[i]! <= ids[j]!) ? ids[i++]! : ids[j++]!;
      if (this.status[s] === SERIES_ACTIVE && (n === 0 || merged[n - 1] !== s)) merged[n++] = s;
    }
    this.missedMerged = ids;
    this.missedIds = merged;
    this.missedCount = n;
    this.missedSorted = n;
    return merged.subarray(0, n);
  }

  /** Every active series issued by `from` is now owed by `to` (merges, takeovers). */
  transferIssuer(from: number, to: number): void {
    const active = this.active();
    for (let k = 0; k < active.length; k++) if (this.issuer[active[k]!] === from) this.issuer[active[k]!] = to;
    const debt = this.issuerDebtCents = grown(this.issuerDebtCents, Math.max(from, to) + 1);
    debt[to]! += debt[from]!;
    debt[from] = 0;
  }

  /** The principal outstanding on `issuer`'s active series (issuerDebtCents; 0 for one that never issued). */
  debtOf(issuer: number): number {
    return issuer < this.issuerDebtCents.length ? this.issuerDebtCents[issuer]! : 0;
  }

  /**
   * Adds `cents` to the principal outstanding on active series `series`, and to its issuer's
   * debt: for writers off the service's hot paths (those write both columns in place).
   */
  addOutstanding(series: number, cents: number): void {
    this.seriesOutstandingCents[series]! += cents;
    this.issuerDebtCents[this.issuer[series]!]! += cents;
  }

  /**
   * Every active holding of `from` passes to the accounts of `to` in turn (one account: all of
   * them); returns how many moved. A lender that ends hands its bonds on in kind.
   */
  reassignHoldings(from: number, to: readonly number[]): number {
    if (to.length === 0) return 0;
    const active = this.active();
    let moved = 0;
    for (let k = 0; k < active.length; k++) {
      const s = active[k]!;
      const end = this.firstHolding[s]! + this.holdingCount[s]!;
      for (let h = this.firstHolding[s]!; h < end; h++) {
        if (this.holder[h] !== from) continue;
        const next = to[moved % to.length]!;
        this.addHeld(from, -this.principalCents[h]!);
        this.addHeld(next, this.principalCents[h]!);
        this.holder[h] = next;
        moved++;
      }
    }
    return moved;
  }

  /** Adds `cents` to the principal the holder of `account` holds, when it is a person (`personHeldCents`). */
  addHeld(account: number, cents: number): void {
    const p = account - this.personAccount;
    if (p >= 0 && p < this.personHeldCents.length) this.personHeldCents[p]! += cents;
  }

  close(series: number, status: number): void {
    if (this.status[series] === SERIES_ACTIVE) {
      this.liveHoldings -= this.holdingCount[series]!;
      // Whatever it still owes (0 once redeemed or liquidated) leaves its issuer's debt.
      this.issuerDebtCents[this.issuer[series]!]! -= this.seriesOutstandingCents[series]!;
    }
    this.status[series] = status;
    this.dirty = true;
    if (status === SERIES_REDEEMED) this.redeemedCount++;
  }

  /**
   * close(series, SERIES_REDEEMED) when `redeemed` is 1, nothing when 0, choosing values, not
   * branching: the bond service calls it after every payment, so the call has type feedback
   * from the first month. A call made only at a series' last payment had none when V8
   * optimised the service (the first redemption comes months later), and there V8 threw the
   * service's code away and compiled it again, both of its functions, in the years when V8's
   * compile queue is full.
   */
  closeIfRedeemed(series: number, redeemed: number): void {
    const was = this.status[series]!;
    this.liveHoldings -= redeemed * (was === SERIES_ACTIVE ? this.holdingCount[series]! : 0);
    this.status[series] = redeemed === 1 ? SERIES_REDEEMED : was;
    this.dirty = redeemed === 1 ? true : this.dirty;
    this.redeemedCount += redeemed;
  }

  /**
   * Scheduled payments left to each open holding of the series (the last one pays whatever
   * principal remains): its holdings were issued together and each payment is made to every
   * open holding or to none (a missed one is never made up), so the column per holding that
   * held this, read and written by the service each month, held one number for all of them.
   */
  monthsLeft(series: number): number {
    return this.maturityMonths[series]! - this.paymentsMade[series]!;
  }

  /** Principal outstanding on the series (what its holdings' balances sum to). */
  outstanding(series: number): number {
    return this.seriesOutstandingCents[series]!;
  }

  outstandingCents(): number {
    let sum = 0;
    for (let i = 0, activeIds = this.active(); i < activeIds.length; i++) { const s = activeIds[i]!; sum += this.outstanding(s); }
    return sum;
  }

  /** What the series is due this month: the sum of its holdings' scheduled payments. */
  due(series: number): number {
    return this.schedule(series, monthSchedule).dueCents;
  }

  /**
   * This month's schedule of a series in one walk over its holdings: what is due, the
   * interest part of it, and the level service (the payments of holdings still open).
   */
  schedule(series: number, out: MonthSchedule): MonthSchedule {
    if (this.scheduleKept[series] === 1) {
      out.dueCents = this.keptDueCents[series]!;
      out.interestCents = this.keptInterestCents[series]!;
      out.levelCents = this.keptLevelCents[series]!;
      return out;
    }
    let due = 0;
    let interest = 0;
    let level = 0;
    const months = this.monthsLeft(series);
    const end = this.firstHolding[series]! + this.holdingCount[series]!;
    for (let h = this.firstHolding[series]!; h < end; h++) {
      const p = this.principalCents[h]!;
      if (p <= 0) continue;
      const payment = this.paymentCents[h]!;
      const interestCents = monthInterestCents(p, this.annualYield[h]!);
      const principalCents = scheduledPrincipalCents(p, interestCents, payment, months);
      this.keptHoldingInterestCents[h] = interestCents;
      this.keptHoldingPrincipalCents[h] = principalCents;
      due += interestCents + principalCents;
      interest += interestCents;
      level += payment;
    }
    this.keepSchedule(series, due, interest, level);
    out.dueCents = due;
    out.interestCents = interest;
    out.levelCents = level;
    return out;
  }

  /** Keeps the series' month's schedule, summed over its holdings in order as `schedule` sums it. */
  keepSchedule(series: number, dueCents: number, interestCents: number, levelCents: number): void {
    this.keptDueCents[series] = dueCents;
    this.keptInterestCents[series] = interestCents;
    this.keptLevelCents[series] = levelCents;
    this.scheduleKept[series] = 1;
  }

  /** Called by whatever changes a holding's balance or months left other than the service's payment. */
  forgetSchedule(series: number): void {
    this.scheduleKept[series] = 0;
  }

  /** The level monthly service of the series (the rental reserve while bonds are outstanding). */
  levelService(series: number): number {
    // The same sum in the same order as the schedule's level.
    if (this.scheduleKept[series] === 1) return this.keptLevelCents[series]!;
    let sum = 0;
    const end = this.firstHolding[series]! + this.holdingCount[series]!;
    for (let h = this.firstHolding[series]!; h < end; h++) if (this.principalCents[h]! > 0) sum += this.paymentCents[h]!;
    return sum;
  }
}

/** A series' month: what is due, its interest part, and the level service. */
export interface MonthSchedule {
  dueCents: number;
  interestCents: number;
  levelCents: number;
}

const monthSchedule: MonthSchedule = { dueCents: 0, interestCents: 0, levelCents: 0 };
