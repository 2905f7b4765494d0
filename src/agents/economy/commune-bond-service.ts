// MODEL.md 4-5, "bond service": every active series pays its holders out of its escrow. Rent
// above the service redeems the series early (`excessRent: prepay`) or goes to the pool
// (`dividend`). With `poolBacksBonds` the commune's pool covers a shortfall, and a pool that
// cannot is a missed payment of the commune's (the insolvency test every kind shares).
import { FLOW } from '../../model/ledger.ts';
import { SERIES_ACTIVE, SERIES_REDEEMED } from '../../model/market/bond-series.ts';
import { refreshAccounts, serviceSeries, serviceShortfall, type HolderPaid } from '../../model/market/bond-service.ts';
import { HolderCredits, DEFER_FROM_PERSONS, NOTE } from '../../model/market/holder-credits.ts';
import type { EconomyState } from '../../model/economy/economy-state.ts';
import { ORG_COMMUNE } from '../../model/economy/organisation-table.ts';
import { grown } from '../../model/grown.ts';

interface Bookkeeping {
  issuer: number;
  communal: boolean;
  paid: HolderPaid;
  /** Payments to persons, noted by the service and credited after it (a run of DEFER_FROM_PERSONS or more). */
  credits: HolderCredits | undefined;
}

/**
 * Books what holders receive: income, and interest that leaves the commune. In a large run the
 * payments to persons are noted in `credits` and booked by `creditPersons`, as `paid` books them.
 */
export function holderBookkeeping(state: EconomyState): Bookkeeping {
  const { persons, counters } = state;
  // The person table's columns are fixed for the run: read once, used every payment.
  const { firstAccount, count, incomeCents, memberOf } = persons;
  const cursor: Bookkeeping = {
    credits: count >= DEFER_FROM_PERSONS ? new HolderCredits(count) : undefined,
    issuer: -1,
    communal: true,
    paid: (holder: number, interestCents: number) => {
      const p = holder - firstAccount;
      if (p < 0 || p >= count) {
        lendingOrganisationPaid(state, holder, interestCents, cursor.communal);
        return;
      }
      if (interestCents <= 0) return;
      incomeCents[p]! += interestCents;
      counters.interestYear += interestCents;
      // \`=== true\`: V8 then tests a boolean, not any value's truth (false, '', 0, a bigint), each payment.
      if (cursor.communal === true && memberOf[p] !== cursor.issuer) counters.interestToNonMembersYear += interestCents;
    },
  };
  return cursor;
}

/**
 * A cooperative lending idle capital (MODEL.md 10.8) books interest as income of the month
 * (its net income, hence its members' distributions).
 */
function lendingOrganisationPaid(state: EconomyState, account: number, interestCents: number, communal: boolean): void {
  const org = state.orgs.ofAccount(account);
  if (org === undefined || interestCents <= 0) return;
  org.interestIncomeMonth += interestCents;
  if (communal) state.counters.interestToNonMembersYear += interestCents;
}

/** Communes whose pool fell short of a series' service this month (scratch, by organisation id). */
let poolShort = new Uint8Array(64);
/**
 * Whether each organisation is a commune, read once a month (scratch, by id): each series'
 * issuer is then a byte in a small array, not an organisation object out in the heap (with
 * `prepay` most series need nothing else of it).
 */
let communeOf = new Uint8Array(64);

/**
 * Credits the payments to persons noted in the month's service, by block of person ids, each
 * person's in the order they were paid, as the service and `paid` credit them one by one: the
 * ledger balance, the principal held, the income, and the interest counters (whole cents:
 * summed here and added once, exact in any order).
 */
function creditPersons(state: EconomyState, credits: HolderCredits): void {
  const { persons, counters, ledger, bonds } = state;
  // Index: account - 1, as the service's view (bond-service.ts refreshAccounts).
  const accounts = ledger.balancesOf(1, ledger.size - 1);
  const held = bonds.personHeldCents;
  const { incomeCents, memberOf } = persons;
  const to = persons.firstAccount - 1;
  const { notes, next, room, blocks } = credits;
  let interestSum = 0;
  let toNonMembers = 0;
  for (let b = 0; b < blocks; b++) {
    const from = b * room;
    const end = next[b]!;
    next[b] = from;
    for (let i = from; i < end; i += NOTE) {
      const p = notes[i]!;
      const interestCents = notes[i + 2]!;
      const principalCents = notes[i + 3]!;
      held[p]! -= principalCents;
      accounts[to + p]! += interestCents + principalCents;
      if (interestCents > 0) {
        incomeCents[p]! += interestCents;
        interestSum += interestCents;
        const issuer = notes[i + 1]!;
        if (issuer >= 0 && memberOf[p] !== issuer) toNonMembers += interestCents;
      }
    }
  }
  counters.interestYear += interestSum;
  counters.interestToNonMembersYear += toNonMembers;
}

export function serviceCommuneBonds(state: EconomyState, bookkeeping: Bookkeeping): void {
  const { bonds, ledger, orgs, params } = state;
  // Compared, not read as they stand: V8 then knows each a boolean, not a field of any type to test each series.
  const backs = params.poolBacksBonds === true;
  if (backs) {
    poolShort = grown(poolShort, orgs.all.length);
    poolShort.fill(0, 0, orgs.all.length);
  }
  // Imported bindings read once (a module loader may route each read through a getter).
  const ACTIVE = SERIES_ACTIVE;
  const service = serviceSeries;
  // Before the month's walk, which then reads the active series' holdings as one dense run.
  bonds.compactHoldings();
  refreshAccounts(ledger);
  const active = bonds.active();
  const organisations = orgs.all;
  // Grown by the shared `grown`, whose growth has type feedback from every table's (a growth
  // of this function's own, first met years into a run, had none: V8 threw its code away there).
  communeOf = grown(communeOf, organisations.length);
  for (let i = 0; i < organisations.length; i++) communeOf[i] = organisations[i]!.kind === ORG_COMMUNE ? 1 : 0;
  const prepays = params.excessRentPrepays === true;
  const credits = bookkeeping.credits;
  for (let k = 0; k < active.length; k++) {
    const s = active[k]!;
    if (bonds.status[s] !== ACTIVE) continue;
    const issuer = bonds.issuer[s]!;
    const escrow = bonds.escrow[s]!;
    const communal = communeOf[issuer] === 1;
    bookkeeping.issuer = issuer;
    bookkeeping.communal = communal;
    if (credits !== undefined) credits.tag = communal ? issuer : -1;
    // A pool that backs its bonds owes their shortfall out of its own account, as an
    // enterprise's cash does (wages.ts); only a commune's pool is backed here.
    if (backs && communal) {
      const short = serviceShortfall(ledger, bonds, s);
      if (short > 0 && ledger.payUpTo(organisations[issuer]!.account, escrow, short, FLOW.rent) < short) poolShort[issuer] = 1;
    }
    // Every series keeps next month's schedule: the wage phase asks an enterprise series' and a
    // backing pool a commune's, and the service pays it as kept (with no pass to split and sum).
    const paid = service(ledger, bonds, s, bookkeeping.paid, prepays, true, credits);
    // `=== true`: the service's result comes out of a call V8 does not inline, and a bare test
    // of it was the generic truth test (false, '', a number, a bigint) for every series.
    if (paid === true && !prepays && bonds.status[s] === ACTIVE) {
      const excess = ledger.balance(escrow);
      if (excess > 0) {
        const owner = organisations[issuer]!;
        ledger.transfer(escrow, owner.account, excess, FLOW.rent);
        owner.poolIncomeMonth += excess;
        if (communal) countPoolRent(state, bonds.asset[s]!, excess);
      }
    }
    if (bonds.status[s] === SERIES_REDEEMED) settleRedeemed(state, s);
  }
  if (credits !== undefined) creditPersons(state, credits);
  // The insolvency test, the same for every kind (wages.ts for enterprises): months in a row
  // the commune's own account has not covered what it owes this month. A commune owes from its
  // pool only when the pool backs its bonds.
  if (!backs) return;
  for (let i = 0; i < organisations.length; i++) {
    const org = organisations[i]!;
    if (org.alive && org.kind === ORG_COMMUNE) org.missedPayments = poolShort[i] ? org.missedPayments + 1 : 0;
  }
}

/** A redeemed asset is fully owned: what is left in its escrow joins the pool. */
function settleRedeemed(state: EconomyState, s: number): void {
  const { ledger, orgs, assets, counters, bonds } = state;
  const owner = orgs.get(bonds.issuer[s]!);
  const escrow = bonds.escrow[s]!;
  const left = ledger.balance(escrow);
  if (left > 0) {
    ledger.transfer(escrow, owner.account, left, FLOW.rent);
    owner.poolIncomeMonth += left;
    if (owner.kind === ORG_COMMUNE) countPoolRent(state, bonds.asset[s]!, left);
  }
  const asset = bonds.asset[s]!;
  if (assets.series[asset] === s) assets.series[asset] = -1;
  // Effective maturity is a commune measure: firms and cooperatives pay on schedule.
  if (owner.kind !== ORG_COMMUNE) return;
  counters.redeemedSeries++;
  counters.redemptionMonthsSum += state.tick - bonds.issuedTick[s]! + 1;
  state.redeemedByClass[assets.cls[asset]!]!++;
  state.redemptionMonthsByClass[assets.cls[asset]!]! += state.tick - bonds.issuedTick[s]! + 1;
}

/** Claim 8's bookkeeping: escrowed rent that reaches a commune pool, and whether a producer paid it. */
function countPoolRent(state: EconomyState, asset: number, cents: number): void {
  state.counters.poolRentCents += cents;
  if (state.assets.classProductive[state.assets.cls[asset]!]) state.counters.poolRentFromProducersCents += cents;
}
