// MODEL.md section 2: persons as a struct of typed arrays indexed by person id. Cash lives on
// the ledger (account `firstAccount + id`); everything else a person carries is here.

/** Modes of work (MODEL.md 2). */
export const MODE_IDLE = 0;
export const MODE_SELF_EMPLOYED = 1;
export const MODE_PRODUCER = 2;
export const MODE_EMPLOYEE = 3;
export const MODE_MEMBER_WORKER = 4;
export const MODE_COUNT = 5;

export class PersonTable {
  readonly count: number;
  readonly firstAccount: number;
  readonly skill: Float64Array;
  /** Logarithm of the AR(1) output shock; output is scaled by exp(logShock). */
  readonly logShock: Float64Array;
  readonly shock: Float64Array;
  readonly mode: Uint8Array;
  readonly isCapitalist: Uint8Array;
  /** Productive asset possessed, or -1. */
  readonly asset: Int32Array;
  /** Housing asset possessed, or -1. */
  readonly home: Int32Array;
  /**
   * The rent and class of `asset` and of `home`, set with them by possession.ts (the only writer
   * of an asset's rent): the monthly rent fold reads them in person order, where the asset
   * table's columns were random reads.
   */
  readonly assetRentCents: Float64Array;
  readonly homeRentCents: Float64Array;
  readonly assetClass: Uint8Array;
  readonly homeClass: Uint8Array;
  /** Commune whose one share the person holds, or -1. */
  readonly memberOf: Int32Array;
  /** Last tick of qualifying labour for `memberOf` (membership lapses after lapseMonths). */
  readonly memberLaborTick: Int32Array;
  /** Commune the person is working toward membership of, or -1. */
  readonly probationOf: Int32Array;
  readonly probationMonths: Int32Array;
  /** Months of qualifying labour ever worked, and whether the person founded its commune. */
  readonly labourMonths: Int32Array;
  readonly founder: Uint8Array;
  /** Income this month (output - rent + interest + dividends), for consumption. */
  readonly incomeCents: Float64Array;
  /** This year's running sums; `last*` hold the last completed year (what reporters read). */
  readonly rentYear: Float64Array;
  readonly dividendYear: Float64Array;
  readonly useYear: Float64Array;
  readonly lastRentYear: Float64Array;
  readonly lastDividendYear: Float64Array;
  readonly lastUseYear: Float64Array;
  /** Commune of membership during last year (for per-capita use), or -1. */
  readonly lastMemberOf: Int32Array;
  readonly hardship: Uint8Array;
  /** Scratch: cents the person may still lend this month (the principal it holds is the bond book's: BondBook.personHeldCents). */
  readonly bondBudget: Float64Array;
  /** Scratch of mode choice: asset class wanted this month, or -1; a home wanted (1/0). */
  readonly wantsClass: Int32Array;
  readonly wantsHome: Uint8Array;
  /** Persons who want an asset or a home this month (the first `seekerCount`), in seeded order. */
  readonly seekers: Int32Array;
  seekerCount = 0;
  /** Organisation the person works for (a firm, or a cooperative as member or hired), or -1. */
  readonly employer: Int32Array;
  /** Cooperative whose member the person is, or -1; its capital account and unpaid buy-in. */
  readonly coopOf: Int32Array;
  /**
   * A bit per person (word p >>> 5, bit p & 31), set when it is a cooperative's member with no
   * productive asset (coopOf >= 0, asset < 0): every writer of `coopOf` or `asset` calls
   * noteEquipment. Equipping members (admission-phase.ts) reads the set bits each month; it
   * walked all 10,000 persons of mixed for them.
   */
  readonly unequippedMember: Int32Array;
  readonly capitalAccountCents: Float64Array;
  readonly buyInOwedCents: Float64Array;
  /** Withheld from each distribution until the buy-in is paid (a fifth of the rest a year). */
  readonly buyInInstalmentCents: Float64Array;
  /** Scratch of mode choice: the firm or cooperative applied to this month, or -1. */
  readonly appliedTo: Int32Array;
  /** Persons who applied this month (the first `applicantCount`), in the order they chose. */
  readonly applicants: Int32Array;
  applicantCount = 0;
  /**
   * This year's labour income (wages, own sales net of rent, cooperative distributions), the
   * value of the person's own output, and a bit per mode worked (1 << mode); `last*` for last year.
   */
  readonly labourYear: Float64Array;
  readonly ownOutputYear: Float64Array;
  readonly modeMaskYear: Uint8Array;
  readonly lastLabourYear: Float64Array;
  readonly lastOwnOutputYear: Float64Array;
  readonly lastModeMaskYear: Uint8Array;
  /** Cooperative pay this year as member (distributions) and as hired worker (wages), with months. */
  readonly coopMemberPayYear: Float64Array;
  readonly coopMemberMonthsYear: Int32Array;
  readonly coopHiredPayYear: Float64Array;
  readonly coopHiredMonthsYear: Int32Array;
  /** Cooperative worked for last (group of the Theil decomposition), this year and last. */
  readonly coopWorkedYear: Int32Array;
  readonly lastCoopMemberPay: Float64Array;
  readonly lastCoopMemberMonths: Int32Array;
  readonly lastCoopHiredPay: Float64Array;
  readonly lastCoopHiredMonths: Int32Array;
  readonly lastCoopWorked: Int32Array;

  constructor(count: number, firstAccount: number) {
    this.count = count;
    this.firstAccount = firstAccount;
    const f = () => new Float64Array(count);
    const i = () => new Int32Array(count).fill(-1);
    this.skill = f(); this.logShock = f(); this.shock = f().fill(1);
    this.mode = new Uint8Array(count); this.isCapitalist = new Uint8Array(count);
    this.asset = i(); this.home = i(); this.memberOf = i(); this.probationOf = i();
    this.assetRentCents = f(); this.homeRentCents = f(); this.assetClass = new Uint8Array(count); this.homeClass = new Uint8Array(count);
    this.memberLaborTick = i(); this.probationMonths = new Int32Array(count);
    this.labourMonths = new Int32Array(count); this.founder = new Uint8Array(count);
    this.incomeCents = f(); this.rentYear = f(); this.dividendYear = f(); this.useYear = f();
    this.lastRentYear = f(); this.lastDividendYear = f(); this.lastUseYear = f(); this.lastMemberOf = i();
    this.hardship = new Uint8Array(count);
    this.bondBudget = f();
    this.wantsClass = i(); this.wantsHome = new Uint8Array(count);
    this.seekers = new Int32Array(count);
    this.employer = i(); this.coopOf = i(); this.unequippedMember = new Int32Array((count >>> 5) + 1); this.capitalAccountCents = f(); this.buyInOwedCents = f(); this.buyInInstalmentCents = f();
    this.appliedTo = i(); this.applicants = new Int32Array(count);
    this.labourYear = f(); this.ownOutputYear = f(); this.modeMaskYear = new Uint8Array(count);
    this.lastLabourYear = f(); this.lastOwnOutputYear = f(); this.lastModeMaskYear = new Uint8Array(count);
    this.coopMemberPayYear = f(); this.coopMemberMonthsYear = new Int32Array(count);
    this.coopHiredPayYear = f(); this.coopHiredMonthsYear = new Int32Array(count);
    this.coopWorkedYear = i(); this.lastCoopMemberPay = f(); this.lastCoopMemberMonths = new Int32Array(count);
    this.lastCoopHiredPay = f(); this.lastCoopHiredMonths = new Int32Array(count); this.lastCoopWorked = i();
  }

  /** Sets person p's bit in unequippedMember from its `coopOf` and `asset` as they are now. */
  noteEquipment(p: number): void {
    const bit = 1 << (p & 31);
    if (this.coopOf[p]! >= 0 && this.asset[p]! < 0) this.unequippedMember[p >>> 5]! |= bit;
    else this.unequippedMember[p >>> 5]! &= ~bit;
  }

  account(person: number): number {
    return this.firstAccount + person;
  }

  /** The person holding `account`, or -1 when the account is not a person's. */
  personOf(account: number): number {
    const p = account - this.firstAccount;
    return p >= 0 && p < this.count ? p : -1;
  }
}
