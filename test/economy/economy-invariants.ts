// Every invariant of the economy's tables that must hold after any month, as a plain function
// (no test framework): the small-scenario property test and the engine fuzz's worker both call
// it. Returns what is broken, first problems first; an empty list means all hold.
import type { EconomyState } from '../../src/model/economy/economy-state.ts';
import { ATTEND_NEVER } from '../../src/model/economy/asset-table.ts';
import { ORG_COMMUNE, ORG_COOPERATIVE } from '../../src/model/economy/organisation-table.ts';
import { MODE_EMPLOYEE, MODE_MEMBER_WORKER } from '../../src/model/economy/person-table.ts';
import { monthInterestCents, scheduledPrincipalCents } from '../../src/model/market/bond-series.ts';

/** At most this many problems are listed: one broken rule usually breaks it for many agents. */
const MAX_LISTED = 10;

export function economyInvariantViolations(state: EconomyState): string[] {
  const { persons, assets, orgs, ledger, params } = state;
  const problems: string[] = [];
  const fail = (message: string) => {
    if (problems.length < MAX_LISTED) problems.push(`month ${state.tick}: ${message}`);
  };
  for (let p = 0; p < persons.count; p++) {
    const cash = ledger.balance(persons.firstAccount + p);
    if (!(cash >= 0)) fail(`person ${p} holds ${cash} cents`);
    const a = persons.asset[p]!;
    if (a >= 0 && assets.possessor[a] !== p) fail(`person ${p} works asset ${a}, whose possessor is ${assets.possessor[a]}`);
    // No wage labour inside a commune; a member-worker works its own cooperative's asset.
    if (persons.mode[p] === MODE_EMPLOYEE) {
      if (a < 0) fail(`employee ${p} has no asset`);
      else {
        if (orgs.get(assets.owner[a]!).kind === ORG_COMMUNE) fail(`employee ${p} works a commune's asset ${a}`);
        if (persons.employer[p] !== assets.owner[a]) fail(`employee ${p}'s employer ${persons.employer[p]} does not own its asset ${a}`);
      }
    }
    if (persons.mode[p] === MODE_MEMBER_WORKER) {
      // Its cooperative's asset, or a let asset (a commune's, another cooperative's: MODEL.md
      // 10.8) rented for the cooperative.
      const coop = persons.coopOf[p]!;
      if (coop < 0 || orgs.get(coop).kind !== ORG_COOPERATIVE) fail(`member-worker ${p} belongs to no cooperative (${coop})`);
      if (persons.employer[p] !== coop) fail(`member-worker ${p}'s employer ${persons.employer[p]} is not its cooperative ${coop}`);
      if (a >= 0) {
        const ownedByCoop = assets.owner[a] === coop;
        if (!assets.letOut[a] && !ownedByCoop) fail(`member-worker ${p} works asset ${a} of ${assets.owner[a]}, neither its cooperative's nor let`);
        if (assets.letOut[a] && ownedByCoop) fail(`member-worker ${p}'s cooperative lets its own asset ${a} to itself`);
      }
    }
    const c = persons.coopOf[p]!;
    if (c >= 0 && !orgs.get(c).alive) fail(`person ${p} belongs to ended cooperative ${c}`);
    const h = persons.home[p]!;
    if (h >= 0 && assets.possessor[h] !== p) fail(`person ${p} lives in home ${h}, whose possessor is ${assets.possessor[h]}`);
    const m = persons.memberOf[p]!;
    if (m >= 0) {
      if (!orgs.get(m).alive) fail(`person ${p} is a member of ended commune ${m}`);
      // A share is held only by someone who worked for it (founders excepted).
      if (!persons.founder[p] && persons.labourMonths[p]! < params.laborToJoinMonths) {
        fail(`person ${p} is a member after ${persons.labourMonths[p]} months of labour (${params.laborToJoinMonths} needed)`);
      }
    }
  }
  for (const org of orgs.all) {
    if (org.alive && !(ledger.balance(org.account) >= 0)) fail(`organisation ${org.id} holds ${ledger.balance(org.account)} cents`);
  }
  // The asset table keeps each owner's count of assets in service (recounts read it): it must
  // agree with a count made now, through purchases, scrapping, liquidations, merges and takeovers.
  const owned = new Map<number, number>();
  for (const a of assets.live()) owned.set(assets.owner[a]!, (owned.get(assets.owner[a]!) ?? 0) + 1);
  for (const org of orgs.all) {
    if (assets.ownedBy(org.id) !== (owned.get(org.id) ?? 0)) fail(`organisation ${org.id} counts ${assets.ownedBy(org.id)} assets, owns ${owned.get(org.id) ?? 0}`);
  }
  for (const a of assets.live()) {
    // Exactly one owner, alive; at most one possessor, who knows it.
    if (!orgs.get(assets.owner[a]!).alive) fail(`asset ${a} belongs to ended organisation ${assets.owner[a]}`);
    const p = assets.possessor[a]!;
    if (p >= 0) {
      const slot = assets.classOf(a).productive ? persons.asset[p] : persons.home[p];
      if (slot !== a) fail(`asset ${a}'s possessor ${p} holds ${slot} instead`);
    }
    // The rental rules skip an asset until its `attendTick` (a cache of when they must look
    // again): a let asset skipped must be possessed, within the grace for its rent and not past
    // its term's end. A writer of possessor, lease or letOut that forgets to reset it breaks this.
    const waitsUntil = assets.attendTick[a]!;
    if (assets.alive[a] && assets.letOut[a] && waitsUntil > state.tick) {
      if (p < 0) fail(`let asset ${a} is vacant but the rental rules wait for it until month ${waitsUntil}`);
      else if (assets.missedRent[a]! >= params.graceMonths) fail(`let asset ${a} is ${assets.missedRent[a]} rents behind but the rental rules wait for it until month ${waitsUntil}`);
      else if (assets.termEndTick[a]! < waitsUntil) fail(`let asset ${a}'s term ends in month ${assets.termEndTick[a]} but the rental rules wait for it until month ${waitsUntil}`);
    }
  }
  // The rental rules' queue (defaults.ts) is a cache of attendTick: every live asset the rules
  // will look at must be listed now, new to them (past `seen`) or under the month it waits for.
  // A writer that sets attendTick to 0 and does not list the asset breaks this.
  const queue = state.rentalRules;
  const listedNow = new Set(queue.now);
  for (const a of assets.live()) {
    const at = assets.attendTick[a]!;
    if (at === ATTEND_NEVER || a >= queue.seen || listedNow.has(a) || queue.byMonth[at & (queue.byMonth.length - 1)]!.includes(a)) continue;
    fail(`asset ${a} waits for the rental rules until month ${at} but is in no list of their queue`);
  }
  // The rental auction's list (acquisition.ts) is a cache of the onAuction flags: every asset
  // flagged and alive must be in it. A writer that flags an asset and does not list it breaks this.
  if (state.rentalAuction.built) {
    const waiting = new Set(state.rentalAuction.ids);
    for (const a of assets.live()) {
      if (assets.onAuction[a] && assets.alive[a] && !waiting.has(a)) fail(`asset ${a} is flagged at auction but not on the auction's list`);
    }
  }
  // The kept list of vacant positions (letOutVacantAssets) is a cache: every vacant, not let,
  // firm's or cooperative's asset must be in it or be new to its walk (past `seen`). A writer of
  // possessor that forgets to list the asset it leaves vacant breaks this.
  const { ids, seen } = state.vacantPositions;
  const listed = new Set(ids);
  for (const a of state.enterpriseAssets) {
    if (!assets.alive[a] || assets.letOut[a] || assets.possessor[a]! >= 0 || a > seen || listed.has(a)) continue;
    if (assets.ownerKind[a] !== ORG_COMMUNE) fail(`vacant position ${a} is missing from the kept list of vacant positions`);
  }
  // The kept list of positions (labour-market.ts) is a cache: every enterprise asset alive and
  // not let out must be in it, in `returned`, or be new to its walk (past `seen`); the list in
  // ascending id order, each once (the walk's order is the draws' order). A writer of letOut
  // that makes an asset a position again and does not return it breaks this.
  const positionList = state.positionList;
  const inPositions = new Set([...positionList.ids, ...positionList.returned]);
  for (const a of state.enterpriseAssets) {
    if (!assets.alive[a] || assets.letOut[a] || a > positionList.seen || inPositions.has(a)) continue;
    fail(`position ${a} is missing from the kept list of positions`);
  }
  for (let k = 1; k < positionList.ids.length; k++) {
    if (!(positionList.ids[k - 1]! < positionList.ids[k]!)) fail(`the kept list of positions is out of order at ${k}: ${positionList.ids[k - 1]}, ${positionList.ids[k]}`);
  }
  // A series' outstanding principal is kept as its holdings are paid, capitalised and
  // written off: it must be what its holdings' balances sum to now.
  const { bonds } = state;
  for (let s = 0; s < bonds.seriesCount; s++) {
    let sum = 0;
    for (let h = bonds.firstHolding[s]!, end = h + bonds.holdingCount[s]!; h < end; h++) sum += bonds.principalCents[h]!;
    if (bonds.outstanding(s) !== sum) fail(`series ${s} counts ${bonds.outstanding(s)} cents outstanding, its holdings ${sum}`);
    if (bonds.scheduleKept[s] === 1) keptScheduleViolation(bonds, s, fail);
  }
  // The members without an asset are marked by every writer of a person's cooperative or asset.
  for (let p = 0; p < persons.count; p++) {
    const bit = (persons.unequippedMember[p >>> 5]! >>> (p & 31)) & 1;
    if (bit !== Number(persons.coopOf[p]! >= 0 && persons.asset[p]! < 0)) fail(`person ${p} (cooperative ${persons.coopOf[p]}, asset ${persons.asset[p]}) is marked ${bit} in unequippedMember`);
  }
  // Each issuer's debt is kept by every writer of an active series' outstanding principal and
  // by closing: it must be what its active series owe now.
  const debt = new Float64Array(Math.max(bonds.issuerDebtCents.length, state.orgs.all.length));
  for (let k = 0, active = bonds.active(); k < active.length; k++) debt[bonds.issuer[active[k]!]!]! += bonds.outstanding(active[k]!);
  for (let o = 0; o < debt.length; o++) {
    if (bonds.debtOf(o) !== debt[o]) fail(`issuer ${o} is kept owing ${bonds.debtOf(o)} cents on its active series, they owe ${debt[o]}`);
  }
  // Each person's principal held is kept by every writer of a holding's balance or holder: it
  // must be what that person's holdings sum to now.
  const held = personBondHoldings(state, new Float64Array(persons.count));
  if (bonds.personHeldCents.length !== persons.count) fail(`the bond book keeps principal held for ${bonds.personHeldCents.length} persons of ${persons.count}`);
  for (let p = 0; p < persons.count; p++) {
    if (bonds.personHeldCents[p] !== held[p]) fail(`person ${p} is kept holding ${bonds.personHeldCents[p]} cents of bonds, its holdings ${held[p]}`);
  }
  // The bond auctions read a person's equity return only when its bit says it is not 0.
  const { finance } = state;
  for (let p = 0; p < persons.count; p++) {
    const bit = (finance.equityReturnSet[p >>> 5]! >>> (p & 31)) & 1;
    if (bit !== Number(finance.equityReturn[p] !== 0)) fail(`person ${p}'s equity return is ${finance.equityReturn[p]}, its bit in equityReturnSet ${bit}`);
  }
  return problems;
}

/**
 * Principal each person holds across all active series, written into `out`: one pass over the
 * book's holdings, which hold those of active series (compacted) and closed series' at balance 0.
 * Whole cents, so each person's sum is the same in this order as in issue order. Recomputed here
 * from the holdings, to check what the book keeps as `personHeldCents`.
 */
function personBondHoldings(state: EconomyState, out: Float64Array): Float64Array {
  const { persons, bonds } = state;
  out.fill(0);
  const { firstAccount, count } = persons;
  const { holder, principalCents } = bonds;
  for (let h = 0, end = bonds.holdings; h < end; h++) {
    const principal = principalCents[h]!;
    if (principal === 0) continue;
    const p = holder[h]! - firstAccount;
    if (p >= 0 && p < count) out[p]! += principal;
  }
  return out;
}

/**
 * A series' kept schedule (BondBook.scheduleKept, summed by the service as it pays) is a cache:
 * it must equal the schedule computed afresh from the holdings, as BondBook.schedule would sum
 * it. A writer of a holding's balance, rate or months that forgets `forgetSchedule` breaks this.
 */
function keptScheduleViolation(bonds: EconomyState['bonds'], s: number, fail: (message: string) => void): void {
  let due = 0;
  let interest = 0;
  let level = 0;
  for (let h = bonds.firstHolding[s]!, end = h + bonds.holdingCount[s]!; h < end; h++) {
    const p = bonds.principalCents[h]!;
    if (p <= 0) continue;
    const interestCents = monthInterestCents(p, bonds.annualYield[h]!);
    const principalCents = scheduledPrincipalCents(p, interestCents, bonds.paymentCents[h]!, bonds.monthsLeft(s));
    if (bonds.keptHoldingInterestCents[h] !== interestCents || bonds.keptHoldingPrincipalCents[h] !== principalCents) {
      fail(`series ${s}'s holding ${h} keeps ${bonds.keptHoldingInterestCents[h]} + ${bonds.keptHoldingPrincipalCents[h]} cents due, its balance gives ${interestCents} + ${principalCents}`);
      return;
    }
    due += interestCents + principalCents;
    interest += interestCents;
    level += bonds.paymentCents[h]!;
  }
  if (bonds.keptDueCents[s] !== due || bonds.keptInterestCents[s] !== interest || bonds.keptLevelCents[s] !== level) {
    fail(`series ${s} keeps a schedule of ${bonds.keptDueCents[s]} due (${bonds.keptInterestCents[s]} interest, level ${bonds.keptLevelCents[s]}), its holdings give ${due} (${interest}, ${level})`);
  }
}
