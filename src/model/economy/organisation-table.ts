// Organisations (MODEL.md section 5) as a small table of records, generic over kinds: communes,
// firms and cooperatives. Each has a ledger account (its pool).

import { settleNumberFields } from '../number-fields.ts';
import { MONTHS_PER_YEAR } from '../engine.ts';

export const ORG_COMMUNE = 0;
export const ORG_FIRM = 1;
export const ORG_COOPERATIVE = 2;
export const ORG_KIND_NAMES = ['commune', 'firm', 'cooperative'] as const;

/**
 * A firm's line of business (MODEL.md 10.1), chosen by its founder (firm/line-of-business.ts):
 * a producing firm owns productive assets and employs; a landlord firm's assets are homes and it
 * hires nobody. Communes and cooperatives keep FIRM_LINE_PRODUCING (unused).
 */
export const FIRM_LINE_PRODUCING = 0;
export const FIRM_LINE_LANDLORD = 1;
/** The lines' names in FIRM_LINE_* order, as organisations.csv writes them. */
export const FIRM_LINE_NAMES = ['producer', 'landlord'] as const;

/** How an organisation ended (MODEL.md 6, survival curves): still alive, liquidated, or absorbed. */
export const EXIT_NONE = 0;
export const EXIT_FAILED = 1;
export const EXIT_ABSORBED = 2;
export const EXIT_NAMES = ['alive', 'failed', 'absorbed'] as const;
/** What absorption is called for each kind, in ORG_* order (communes and cooperatives merge). */
export const ABSORBED_WORDING = ['merged', 'taken over', 'merged'] as const;

/** Months of history kept for merge votes (MODEL.md 5: the last 24 months). */
export const HISTORY_MONTHS = 24;

export interface Organisation {
  readonly id: number;
  readonly kind: number;
  /** Its pool: rent of redeemed assets, liquidation surplus; divided by the kind's own rule. */
  readonly account: number;
  /** Replacement reserve (communes with `reserve: depreciation`). */
  readonly reserveAccount: number;
  readonly foundedTick: number;
  alive: boolean;
  endedTick: number;
  /** EXIT_FAILED when liquidated or wound up, EXIT_ABSORBED when merged or taken over. */
  exit: number;
  /** Its size (`organisationSize`) on its first anniversary, or -1 before (or if it ended before). */
  sizeAtOneYear: number;
  /** Its size (`organisationSize`) at the last monthly recount while alive: its size at exit once ended. */
  sizeLastCounted: number;
  /** Members and probationers, recounted every month. */
  members: number;
  probationers: number;
  monthsWithoutAssets: number;
  /** Monthly pool income and member count, a ring of HISTORY_MONTHS (merge votes). */
  poolIncomeHistory: Float64Array;
  memberHistory: Float64Array;
  /** Pool income this month so far. */
  poolIncomeMonth: number;
  /** Last dividend per member, per month of its period, in cents. */
  dividendPerMemberMonthly: number;
  /** Exponentially smoothed dividend per member per month (mode choice). */
  trailingDividendMonthly: number;
  /** Firms and cooperatives (MODEL.md 5): hired employees, recounted monthly. */
  hired: number;
  /** Wage rate per unit of skill per month (firms; cooperatives pay hired labour the market rate). */
  wageRateCents: number;
  /** This month's accounts: sales, wages, interest, depreciation, other costs (coordination, rent). */
  salesMonth: number;
  wagesMonth: number;
  interestMonth: number;
  depreciationMonth: number;
  otherCostsMonth: number;
  /** Rent paid this month for commune assets its members work (cooperatives). */
  rentMonth: number;
  /** Rent received this month for assets it lets out, and interest on bonds it holds (MODEL.md 10.1, 10.8). */
  rentIncomeMonth: number;
  interestIncomeMonth: number;
  /** Level monthly service of its active bond series (the guarantee test adds new series to it). */
  serviceMonth: number;
  /** Net income of the last month and its exponential trail (admissions, mode choice). */
  netIncomeMonth: number;
  trailingNetIncome: number;
  /** Consecutive months with a payment (wages or bond service) it could not make. */
  missedPayments: number;
  /** Months its cash has stood above six months of costs (idle cash rule). */
  idleCashMonths: number;
  /** Vacant positions after this month's hiring, and applicants turned away for want of one. */
  vacancies: number;
  queued: number;
  /** Firms: shareholders (person ids) and the capital each contributed, in cents. */
  readonly holders: number[];
  readonly contributed: number[];
  /** Cooperatives: whether it can pay the next month's service and wages (healthy for merges). */
  healthy: boolean;
  /** Whether it has ever bought bonds (a cooperative lending idle capital, MODEL.md 10.8). */
  lender: boolean;
  /**
   * Enterprises (firms and cooperatives): the factor on the output of every position it owns,
   * exp of its log productivity (enterprise-productivity.ts); 1 for communes and until drawn.
   */
  productivity: number;
  logProductivity: number;
  /** Whether its entry draw has been made. */
  productivityDrawn: boolean;
  /** Firms: planned new positions not yet opened (a fraction carried month to month, investment.ts). */
  growthCredit: number;
  /** Firms: FIRM_LINE_PRODUCING or FIRM_LINE_LANDLORD, for life (MODEL.md 10.1). */
  line: number;
}

export class OrganisationTable {
  readonly all: Organisation[] = [];
  /** Organisation id by its pool account (an organisation holding bonds is paid there, MODEL.md 10.8). */
  readonly idByAccount = new Map<number, number>();
  /** Organisations that have ever bought bonds (equity walks skip their holdings while 0). */
  lenders = 0;

  add(kind: number, account: number, reserveAccount: number, tick: number): Organisation {
    const org: Organisation = {
      id: this.all.length, kind, account, reserveAccount, foundedTick: tick, alive: true, endedTick: -1, exit: EXIT_NONE, sizeAtOneYear: -1, sizeLastCounted: 0,
      members: 0, probationers: 0, monthsWithoutAssets: 0,
      poolIncomeHistory: new Float64Array(HISTORY_MONTHS), memberHistory: new Float64Array(HISTORY_MONTHS),
      poolIncomeMonth: 0, dividendPerMemberMonthly: 0, trailingDividendMonthly: 0,
      hired: 0, wageRateCents: 0, salesMonth: 0, wagesMonth: 0, interestMonth: 0, depreciationMonth: 0,
      otherCostsMonth: 0, rentMonth: 0, rentIncomeMonth: 0, interestIncomeMonth: 0, serviceMonth: 0, netIncomeMonth: 0, trailingNetIncome: 0, missedPayments: 0, idleCashMonths: 0,
      vacancies: 0, queued: 0, holders: [], contributed: [], healthy: true, lender: false,
      productivity: 1, logProductivity: 0, productivityDrawn: false, growthCredit: 0, line: FIRM_LINE_PRODUCING,
    };
    settleNumberFields(org);
    this.all.push(org);
    this.idByAccount.set(account, org.id);
    return org;
  }

  /** The organisation whose pool is `account`, or undefined (a person's account, an escrow, `world`). */
  ofAccount(account: number): Organisation | undefined {
    const id = this.idByAccount.get(account);
    return id === undefined ? undefined : this.all[id];
  }

  get(id: number): Organisation {
    return this.all[id]!;
  }

  aliveOfKind(kind: number): Organisation[] {
    return this.all.filter((o) => o.alive && o.kind === kind);
  }

  /**
   * Year end: organisations reaching one year of age record their size (survival by size).
   * Every organisation is founded at a year end or at the start, so this is its first
   * anniversary exactly.
   */
  recordFirstYearSizes(tick: number): void {
    for (const org of this.all) {
      if (org.alive && org.sizeAtOneYear < 0 && tick - org.foundedTick >= MONTHS_PER_YEAR) org.sizeAtOneYear = organisationSize(org);
    }
  }
}

/**
 * The persons an organisation counts as its own (MODEL.md 6, size distribution): a commune's
 * members and probationers, a firm's employees (its one founding shareholder does not work in
 * it), a cooperative's members and hired workers. Uses the monthly recount.
 */
export function organisationSize(org: Organisation): number {
  if (org.kind === ORG_COMMUNE) return org.members + org.probationers;
  if (org.kind === ORG_FIRM) return org.hired;
  return org.members + org.hired;
}

/** Marks an organisation ended at `tick`, failed or absorbed (the caller has moved its assets). */
export function endOrganisation(org: Organisation, tick: number, exit: typeof EXIT_FAILED | typeof EXIT_ABSORBED): void {
  org.alive = false;
  org.endedTick = tick;
  org.exit = exit;
}
