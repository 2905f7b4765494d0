// MODEL.md 6, what is measured of firms and cooperatives, and the property and income measures
// that span all three kinds, as declarative reporters. Money in goods units (1 unit = 100
// cents).
import type { ScalarReporter } from '../reporters.ts';
import { herfindahl, sortedCopy, sum, theilDecomposition, topShare } from '../inequality.ts';
import { CENTS_PER_UNIT, type EconomyState } from './economy-state.ts';
import { equityAtSample, meanWealthReporter, modeShare, orgKindsAtSample, perPerson, perSample } from './sample-memo.ts';
import { ORG_COOPERATIVE, ORG_FIRM, type Organisation } from './organisation-table.ts';
import { MODE_EMPLOYEE, MODE_MEMBER_WORKER, type PersonTable } from './person-table.ts';
import { retainedShareReporters } from './retained-share.ts';
import { addFirmShares, firmClaimsAtSample, productiveBondsAtSample } from './bond-claims.ts';
import { assetCensus } from './asset-census.ts';
import { organisationSizeReporters } from './organisation-sizes.ts';
import { survivalReporters } from './survival-metrics.ts';

type R = ScalarReporter<EconomyState>;
const scalar = (id: string, label: string, unit: string, description: string, sample: (s: EconomyState) => number): R =>
  ({ id, label, unit, description, sample });

/** The live organisations of each kind at this sample, in id order (read-only). */
const aliveNow = perSample((s) => {
  const byKind: Organisation[][] = [[], [], []];
  for (const o of s.orgs.all) if (o.alive) byKind[o.kind]!.push(o);
  return byKind;
});
const alive = (s: EconomyState, kind: number): readonly Organisation[] => aliveNow(s)[kind]!;


/** Per person: beneficial ownership of productive assets by value (MODEL.md 6), in cents. */
export function propertyCents(s: EconomyState, out: Float64Array): Float64Array {
  const { assets, bonds, persons } = s;
  out.fill(0);
  // Productive book value per owner, summed in live order by the sample's walk over assets.
  const value = assetCensus(s).productiveBookByOwner.slice();
  const { alive: inService, classProductive, cls } = assets;
  for (let i = 0, activeIds = bonds.active(); i < activeIds.length; i++) {
    const sr = activeIds[i]!;
    const asset = bonds.asset[sr]!;
    if (!inService[asset] || !classProductive[cls[asset]!]) continue;
    const end = bonds.firstHolding[sr]! + bonds.holdingCount[sr]!;
    for (let h = bonds.firstHolding[sr]!; h < end; h++) {
      const principal = bonds.principalCents[h]!;
      value[bonds.issuer[sr]!]! -= principal;
      const p = persons.personOf(bonds.holder[h]!);
      if (p >= 0) out[p]! += principal;
    }
  }
  return addPropertyClaims(s, out, value);
}

/**
 * propertyCents' terms after the bonds: each commune and cooperative membership at its
 * organisation's `value` (floored at 0) per member, and each firm's `value` pro rata to shares.
 */
function addPropertyClaims(s: EconomyState, out: Float64Array, value: Float64Array): Float64Array {
  const { orgs, persons } = s;
  // What each membership holds (the same quotient for every member), -1 where there are no members.
  const perMember = new Float64Array(orgs.all.length);
  for (const org of orgs.all) {
    value[org.id] = Math.max(0, value[org.id]!);
    perMember[org.id] = org.members > 0 ? value[org.id]! / org.members : -1;
  }
  addMemberships(persons.memberOf, persons.coopOf, persons.count, perMember, out);
  for (const firm of orgs.all) {
    if (!firm.alive || firm.kind !== ORG_FIRM) continue;
    let total = 0;
    for (const c of firm.contributed) total += c;
    if (total > 0) for (let k = 0; k < firm.holders.length; k++) out[firm.holders[k]!]! += (value[firm.id]! * firm.contributed[k]!) / total;
  }
  return out;
}

/** Adds each person's commune and cooperative membership (perMember, skipped where -1) to `out`. */
function addMemberships(memberOf: Int32Array, coopOf: Int32Array, count: number, perMember: Float64Array, out: Float64Array): void {
  for (let p = 0; p < count; p++) {
    const m = memberOf[p]!;
    const c = coopOf[p]!;
    if (m >= 0 && perMember[m]! >= 0) out[p]! += perMember[m]!;
    if (c >= 0 && perMember[c]! >= 0) out[p]! += perMember[c]!;
  }
}

/** Per person: firm claims, its firm shares at book equity plus the firm bonds it holds (cents). */
export function firmClaimsCents(s: EconomyState, out: Float64Array, equity: Float64Array = equityAtSample(s)): Float64Array {
  const { bonds, persons } = s;
  out.fill(0);
  addFirmShares(s.orgs.all, equity, out);
  const kinds = orgKindsAtSample(s);
  for (let i = 0, activeIds = bonds.active(); i < activeIds.length; i++) {
    const sr = activeIds[i]!;
    if (kinds[bonds.issuer[sr]!] !== ORG_FIRM) continue;
    const end = bonds.firstHolding[sr]! + bonds.holdingCount[sr]!;
    for (let h = bonds.firstHolding[sr]!; h < end; h++) {
      const p = persons.personOf(bonds.holder[h]!);
      if (p >= 0) out[p]! += bonds.principalCents[h]!;
    }
  }
  return out;
}

/** Income per labour-month of last year's cooperative workers, and their cooperative. */
function cooperativePay(s: EconomyState): { pay: Float64Array; group: Float64Array; hired: number; member: number } {
  const { count } = s.persons;
  if (payColumns.pay.length < count) payColumns = { pay: new Float64Array(count), group: new Float64Array(count) };
  const { pay, group } = payColumns;
  // hired pay, hired months, member pay, member months
  const sums = new Float64Array(4);
  const n = collectCooperativePay(s.persons, pay, group, sums);
  const hiredPay = sums[0]!, hiredMonths = sums[1]!, memberPay = sums[2]!, memberMonths = sums[3]!;
  return {
    pay: pay.subarray(0, n), group: group.subarray(0, n),
    hired: hiredMonths > 0 ? hiredPay / hiredMonths : Number.NaN, member: memberMonths > 0 ? memberPay / memberMonths : Number.NaN,
  };
}

/** cooperativePay's columns, reused from sample to sample (the Theil decomposition reads them before the next sample). */
let payColumns = { pay: new Float64Array(0), group: new Float64Array(0) };

// The walk is a function of its own, ending with its loop: V8 compiled the first sample's loop
// on stack and kept that code when the code after the loop, without type feedback then,
// deoptimised it, at every later sample (50 deopts in a mixed 10,000 x 50 y run).
/** Writes each of last year's cooperative workers' pay and cooperative into the columns; returns how many. */
function collectCooperativePay(persons: PersonTable, pay: Float64Array, group: Float64Array, sums: Float64Array): number {
  const { lastCoopMemberMonths, lastCoopHiredMonths, lastCoopWorked, lastCoopMemberPay, lastCoopHiredPay, count } = persons;
  let n = 0;
  for (let p = 0; p < count; p++) {
    const months = lastCoopMemberMonths[p]! + lastCoopHiredMonths[p]!;
    if (months <= 0 || lastCoopWorked[p]! < 0) continue;
    pay[n] = (lastCoopMemberPay[p]! + lastCoopHiredPay[p]!) / months;
    group[n] = lastCoopWorked[p]!;
    n++;
    sums[0]! += lastCoopHiredPay[p]!; sums[1]! += lastCoopHiredMonths[p]!;
    sums[2]! += lastCoopMemberPay[p]!; sums[3]! += lastCoopMemberMonths[p]!;
  }
  return n;
}

/** propertyCents at this sample, its bonds from the sample's one walk over holdings (read-only). */
const propertyNow = perSample((s, previous: Float64Array | undefined) => {
  const out = perPerson(previous, s.persons.count);
  const { productiveBonds, value } = productiveBondsAtSample(s);
  out.set(productiveBonds);
  return addPropertyClaims(s, out, value);
});
const sortedPropertyNow = perSample((s, previous: Float64Array | undefined) => sortedCopy(propertyNow(s), previous));
/** Each person's firm claims in cents at this sample, sorted ascending (read-only). */
export const sortedFirmClaimsNow = perSample((s, previous: Float64Array | undefined) => sortedCopy(firmClaimsAtSample(s), previous));
const cooperativePayNow = perSample((s) => cooperativePay(s));
/** The Theil decomposition of cooperative pay, for its total and its between-cooperative share. */
const cooperativeTheilNow = perSample((s) => {
  const c = cooperativePayNow(s);
  return theilDecomposition(c.pay, c.group);
});

/** Firm employees and their wage rates summed in person order, for the count and the mean. */
const firmEmployeesNow = perSample((s) => {
  const sums = new Float64Array(2);
  sumFirmEmployees(s.persons.employer, s.persons.mode, s.persons.count, s.orgs.all, sums);
  return { n: sums[0]!, wageRateSum: sums[1]! };
});

// The walk in a function of its own, ending with its loop (code after a loop compiled on stack deoptimised it).
/** Into sums: firm employees, then their firms' wage rates summed in person order. */
function sumFirmEmployees(employer: Int32Array, mode: Uint8Array, count: number, all: readonly Organisation[], sums: Float64Array): void {
  for (let p = 0; p < count; p++) {
    const e = employer[p]!;
    if (e >= 0 && mode[p] === MODE_EMPLOYEE && all[e]!.kind === ORG_FIRM) { sums[1]! += all[e]!.wageRateCents; sums[0]!++; }
  }
}

function distributionShares(prefix: string, what: string, sorted: (s: EconomyState) => Float64Array, withTop1: boolean): R[] {
  const out: R[] = [];
  // One sum of the sorted values per sample, for both shares (the sum topShare would take).
  const total = perSample((s) => sum(sorted(s)));
  if (withTop1) out.push(scalar(`${prefix}.top1`, `Top 1% share of ${what}`, 'share 0-1', `share of ${what} held by the top 1% of persons`, (s) => topShare(sorted(s), 0.01, total(s))));
  out.push(scalar(`${prefix}.top10`, `Top 10% share of ${what}`, 'share 0-1', `share of ${what} held by the top 10% of persons`, (s) => topShare(sorted(s), 0.1, total(s))));
  return out;
}

export function organisationReporters(): R[] {
  return [
    scalar('firms.count', 'Firms', 'firms', 'capitalist firms alive', (s) => alive(s, ORG_FIRM).length),
    scalar('firms.employees', 'Firm employees', 'persons', 'persons employed by firms', (s) => firmEmployeesNow(s).n),
    scalar('firms.founded', 'Firms founded', 'firms', 'firms founded since the start (initial ones included)', (s) => s.counters.firmsFounded),
    scalar('firms.failed', 'Firm bankruptcies', 'firms', 'firms liquidated since the start (bankrupt, or wound up without assets)', (s) => s.counters.firmsFailed),
    scalar('firms.takeovers', 'Takeovers', 'takeovers', 'firms bought by other firms at book equity since the start', (s) => s.counters.takeovers),
    scalar('firms.wagePerSkill', 'Wage per unit of skill', 'money units per month', 'mean over firm employees of the monthly wage per unit of skill (their firm\'s wage rate)', (s) => {
      const { n, wageRateSum } = firmEmployeesNow(s);
      return n > 0 ? wageRateSum / n / CENTS_PER_UNIT : Number.NaN;
    }),
    scalar('firms.propertyShareOfValueAdded', 'Property share of firm value added', 'share 0-1', '(sales - wages - depreciation) / (sales - depreciation) of all firms over the last full year; below 0 in a year firms paid more in wages than they added', (s) => {
      const c = s.counters;
      const added = c.lastYearFirmSales - c.lastYearFirmDepreciation;
      return added > 0 ? (added - c.lastYearFirmWages) / added : Number.NaN;
    }),
    scalar('firms.shareholderLosses', 'Shareholder losses', 'money units', 'book equity lost by shareholders in liquidations since the start', (s) => s.counters.shareholderLossCents / CENTS_PER_UNIT),
    scalar('cooperatives.count', 'Cooperatives', 'cooperatives', 'cooperatives alive', (s) => alive(s, ORG_COOPERATIVE).length),
    scalar('cooperatives.members', 'Cooperative members', 'persons', 'members of cooperatives (one vote each)', (s) => alive(s, ORG_COOPERATIVE).reduce((a, o) => a + o.members, 0)),
    scalar('cooperatives.hired', 'Hired by cooperatives', 'persons', 'non-members working for cooperatives at the market wage', (s) => alive(s, ORG_COOPERATIVE).reduce((a, o) => a + o.hired, 0)),
    scalar('cooperatives.founded', 'Cooperatives founded', 'cooperatives', 'cooperatives founded since the start (initial ones included)', (s) => s.counters.coopsFounded),
    scalar('cooperatives.failed', 'Cooperative failures', 'cooperatives', 'cooperatives liquidated since the start', (s) => s.counters.coopsFailed),
    scalar('cooperatives.merges', 'Cooperative merges', 'merges', 'failing cooperatives absorbed by healthy ones since the start', (s) => s.counters.coopMerges),
    scalar('cooperatives.theilTotal', 'Theil index, cooperative pay', 'index', 'Theil index of income per labour-month (distributions and wages) among last year\'s cooperative workers', (s) => cooperativeTheilNow(s).total),
    scalar('cooperatives.theilBetweenShare', 'Between-cooperative share of Theil', 'share 0-1', 'between-cooperative part of the Theil index of income per labour-month among last year\'s cooperative workers, over the total', (s) => {
      const t = cooperativeTheilNow(s);
      return t.total > 0 ? t.between / t.total : Number.NaN;
    }),
    scalar('cooperatives.hiredToMemberPay', 'Hired pay / member pay', 'ratio', 'mean wage per month of hired cooperative workers over mean distribution per member-month, last full year', (s) => {
      const c = cooperativePayNow(s);
      return c.member > 0 ? c.hired / c.member : Number.NaN;
    }),
    ...retainedShareReporters(),
    ...distributionShares('property', 'beneficial ownership of productive assets', sortedPropertyNow, true),
    scalar('property.herfindahl', 'Herfindahl of property', 'index 0-1', 'Herfindahl index across persons of beneficial ownership of productive assets by book value (firm assets pro rata to shares, cooperative and commune assets net of bonds per member, bonds to holders)', (s) => herfindahl(propertyNow(s))),
    ...distributionShares('firmClaims', 'firm claims (shares at book equity plus firm bonds)', sortedFirmClaimsNow, false),
    scalar('income.nonWorkerShare', 'Output to non-workers', 'share 0-1', 'property income reaching persons (interest and firm dividends) over the value of all output sold, last full year', (s) => {
      const c = s.counters;
      const output = c.lastYearOutput + c.lastYearEnterpriseSales;
      return output > 0 ? (c.lastYearInterest + c.lastYearFirmPayouts) / output : Number.NaN;
    }),
    scalar('income.wageShare', 'Wage share of income', 'share 0-1', 'wages over persons\' income (own sales net of rent, wages, distributions, interest, firm dividends, commune dividends), last full year', (s) => {
      const c = s.counters;
      const total = c.lastYearOutput - c.lastYearRent + c.lastYearWages + c.lastYearDistributions + c.lastYearInterest + c.lastYearFirmPayouts + c.lastYearDividends;
      return total > 0 ? c.lastYearWages / total : Number.NaN;
    }),
    meanWealthReporter('employees', 'employees'),
    meanWealthReporter('cooperative members', 'cooperativeMembers'),
    scalar('persons.employeeShare', 'Employees', 'share 0-1', 'share of persons employed (by firms or cooperatives)', (s) => modeShare(s, MODE_EMPLOYEE)),
    scalar('persons.memberWorkerShare', 'Cooperative member-workers', 'share 0-1', 'share of persons working as cooperative members', (s) => modeShare(s, MODE_MEMBER_WORKER)),
    ...organisationSizeReporters(),
    ...survivalReporters(),
  ];
}
