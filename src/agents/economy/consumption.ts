// MODEL.md 2, "consumption": each person buys from `world`
// `subsistence + mpcIncome * max(0, y - subsistence) + mpcWealth * max(0, W - buffer)`,
// y this month's income, W net worth (cash + bonds at face outstanding + commune share,
// cooperative membership and firm shares at book equity). Short of cash it consumes what it
// has and the month counts as hardship.
import { FLOW } from '../../model/ledger.ts';
import type { EconomyState } from '../../model/economy/economy-state.ts';
import { claimPerMember, organisationEquity, writeShareholderClaims } from '../../model/economy/net-worth.ts';

const CONSUMPTION = FLOW.consumption;

export function consume(state: EconomyState): void {
  const { persons } = state;
  const { scratch } = state;
  const equity = organisationEquity(state, scratch.equityCents);
  scratch.equityCents = equity;
  // Claims on organisations (net-worth.ts) as addOrganisationClaims sums them: firm
  // shareholders' written and marked here, everyone else's (its membership alone) taken in the
  // purchases' walk, not in a walk of their own over a zeroed column.
  const perMember = claimPerMember(state, equity);
  if (shareholderMarks.length < persons.count) shareholderMarks = new Int32Array(persons.count);
  const mark = ++claimsRound;
  const claims = scratch.claimsCents;
  writeShareholderClaims(state, equity, perMember, claims, shareholderMarks, mark);
  // perMember one place on, 0 first: a person's membership claim is then two reads without a
  // test (membershipClaim's tests on memberOf and coopOf went either way person by person).
  const orgCount = state.orgs.all.length;
  if (perMemberAfterNone.length < orgCount + 1) perMemberAfterNone = new Float64Array(2 * (orgCount + 1));
  perMemberAfterNone.set(perMember.subarray(0, orgCount), 1);
  const purchases = buyAll(state, claims, perMemberAfterNone, shareholderMarks, mark);
  // Every purchase paid in the walk, the world's side in one call (the same balances and
  // totals as a transfer each).
  state.ledger.addWorldTransfers(CONSUMPTION, purchases, true);
  state.counters.hardshipMonthsYear += shortOfCash;
}

/** Per person: the last month (`claimsRound`) its claims were written as a firm shareholder's. */
let shareholderMarks = new Int32Array(0);
/** Counts consumption's months across runs, so no mark is ever stale. */
let claimsRound = 0;

/**
 * Each organisation's claim per member (claimPerMember) at its id + 1, and 0 at 0: the claim of
 * no membership (an id of -1).
 */
let perMemberAfterNone = new Float64Array(64);

/** The persons short of cash in the last `buyAll`. */
let shortOfCash = 0;

/**
 * Each person's purchase, paid from its account (a live view of the ledger's balances: each
 * amount is whole cents, at most the cash the person has); `claims` is read where `marks` holds
 * `mark` (the firm shareholders'), anyone else's claims are its membership at
 * `perMemberAfterNone` (claimPerMember's, one place on).
 * Returns the cents paid, summed in person order as transfersWithWorld sums them, with the
 * persons short of cash in `shortOfCash`. The loop has a function of its own, with nothing
 * after it but stores that take no type feedback: V8 compiled consume while its first call was
 * still in the loop, before the counter after it had ever run, and that code then gave up at
 * the counter on every later call (some 400 deoptimisations a run, each month's end of consume
 * interpreted).
 */
function buyAll(state: EconomyState, claims: Float64Array, perMemberAfterNone: Float64Array, marks: Int32Array, mark: number): number {
  const { persons, params } = state;
  const { subsistenceCents, mpcIncome, mpcWealth, bufferCents } = params;
  const { incomeCents, hardship, count, memberOf, coopOf } = persons;
  // Each person's bond principal, kept by the bond book as its holdings change.
  const bondCents = state.bonds.personHeldCents;
  const balances = state.ledger.balancesOf(persons.firstAccount, count);
  let hardshipMonths = 0;
  let paidAll = 0;
  for (let p = 0; p < count; p++) {
    const cash = balances[p]!;
    // membershipClaim's sum to the bit: 0 + x is x and x + 0 is x (every claim is >= +0).
    const claim = marks[p] === mark ? claims[p]! : perMemberAfterNone[memberOf[p]! + 1]! + perMemberAfterNone[coopOf[p]! + 1]!;
    const wealth = cash + bondCents[p]! + claim;
    const y = incomeCents[p]!;
    // Math.round(subsistence + mpcIncome * max(0, y - subsistence) + mpcWealth * max(0, W -
    // buffer)) without a branch: V8 compiles Math.max and Math.round to jumps on the value, and
    // a person's side of each is as good as random (consumption took 40% less time without
    // them). The same bits: (d + |d|) * 0.5 is d when d > 0, else +0 (as max(0, d)); for x >= 0
    // (every term is), x - floor(x) is exact, and floor(x) + (that >= 0.5) is Math.round(x).
    const spare = y - subsistenceCents;
    const above = wealth - bufferCents;
    const exact = subsistenceCents + mpcIncome * ((spare + Math.abs(spare)) * 0.5) + mpcWealth * ((above + Math.abs(above)) * 0.5);
    const whole = Math.floor(exact);
    const wanted = whole + Number(exact - whole >= 0.5);
    const paid = Math.min(cash, wanted);
    if (paid > 0) {
      balances[p] = cash - paid;
      paidAll += paid;
    }
    const short = paid < wanted ? 1 : 0;
    hardship[p] = short;
    hardshipMonths += short;
  }
  shortOfCash = hardshipMonths;
  return paidAll;
}
