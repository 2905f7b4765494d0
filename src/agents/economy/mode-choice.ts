// MODEL.md 2, "mode choices": each month a share `switchRatePerYear / 12` of workers
// reconsiders. Each open option is valued at its expected mean monthly income over the
// horizon; the person picks by logit on log income with `choiceTemperature`. Choosing to be a
// producer of a class it does not hold makes the person a bidder (or asker) this month; it
// keeps what it has until it wins. Employment (the wage rate x skill of its current job, else
// of the best-paid of a referral and the vacancies it samples) and cooperative membership (a cooperative drawn at
// random: its trailing distribution per member - the buy-in spread over the horizon, closed
// without the cash for the up-front part; a member's own: its trailing distribution + the stake
// leaving would forfeit, spread over the horizon) are two more entries in `values`; choosing one
// makes the person an applicant, served after the auctions (labour-market.ts).
import { exp, ln, log1p } from '../../model/detmath.ts';
import { grown } from '../../model/grown.ts';
import type { RandomStream } from '../../model/random.ts';
import type { EconomyState } from '../../model/economy/economy-state.ts';
import { MODE_EMPLOYEE, MODE_PRODUCER } from '../../model/economy/person-table.ts';
import { ORG_COMMUNE } from '../../model/economy/organisation-table.ts';
import { cooperativeEquity } from '../../model/economy/net-worth.ts';
import { annuityPaymentCents } from '../../model/market/bond-series.ts';
import { buyInTerms, type BuyInTerms } from '../cooperative/admission.ts';
import { leaveCooperative, stayingValueCents } from '../cooperative/leaving.ts';
import { endPossession } from './possession.ts';
import type { LabourMarket } from './labour-market.ts';

/** Expected monthly output of person p on an asset of class c, in cents. */
export function expectedOutputCents(state: EconomyState, p: number, c: number): number {
  return state.classes[c]!.outputCents * state.persons.skill[p]! * state.goodsPriceCents / 100;
}

export function selfEmployedIncomeCents(state: EconomyState, p: number): number {
  return state.params.baseOutputCents * state.persons.skill[p]! * state.goodsPriceCents / 100;
}

/**
 * The rent an asker offers for a new asset: its debt service at the yield its series is expected
 * to clear at (`expectedClearingYieldOf`), so the cap `maxYield` is a regulation, not the price
 * of the rent (MODEL.md 10.2).
 */
export function offeredRentCents(state: EconomyState, c: number): number {
  const { params } = state;
  return annuityPaymentCents(state.classes[c]!.priceCents, expectedClearingYieldOf(state), params.maturityMonths);
}

/**
 * The yield an asker expects a new series to clear at: the mean marginal ask of last year's bond
 * auctions, cleared or not (the cleared ones alone are biased low: an auction whose marginal ask
 * is high fails), within `baseYield`..`maxYield`; `maxYield` before any auction was held.
 */
export function expectedClearingYieldOf(state: EconomyState): number {
  const { params } = state;
  const expected = state.finance.expectedClearingYield;
  if (!Number.isFinite(expected)) return params.maxYield;
  return Math.min(params.maxYield, Math.max(params.baseYield, expected));
}

/** Rent a person expects to pay for class c: the last clearing rent, else the acquisition rent. */
export function expectedRentCents(state: EconomyState, c: number): number {
  const last = state.lastClearingRentCents[c]!;
  return last >= 0 ? last : offeredRentCents(state, c);
}

/** Mean trailing dividend over communes: what a person without a commune expects. */
function meanTrailingDividend(state: EconomyState): number {
  let sum = 0;
  let n = 0;
  for (const org of state.orgs.all) if (org.alive && org.kind === ORG_COMMUNE) { sum += org.trailingDividendMonthly; n++; }
  return n > 0 ? sum / n : 0;
}

/** Scratch: one person's value of each option, and each class's expected rent this month. */
let valuesScratch = new Float64Array(6);
let expectedRentScratch = new Float64Array(3);
/** Scratch: each pool's trailing dividend as a person expects it, at the commune's id + 1 (chooseModes). */
let poolDividendAfterNone = new Float64Array(64);
/**
 * Scratch by cooperative id: its buy-in terms this month and the member count they were taken
 * at (-1: not yet). Its equity is fixed for the month and the terms depend on nothing else, so
 * they are taken again only when a member has left since: not one record per reconsidering
 * person.
 */
let termsMembers = new Int32Array(64);
const NO_TERMS: BuyInTerms = { totalCents: 0, upfrontCents: 0, instalmentCents: 0 };
const termsOf: BuyInTerms[] = [NO_TERMS];

/**
 * termsOf grown to `count` entries. A function of its own: its loop runs only in a month after
 * an organisation was founded, and inside chooseModes that loop had no type feedback when V8
 * optimised it in the first months, so the first founding threw the whole function's code away
 * (the largest recompile of a first run of `mixed`, ~0.1 s of V8's compiler thread).
 */
function growTerms(count: number): void {
  while (termsOf.length < count) termsOf.push(NO_TERMS);
}

// Optimised code for a branch no run had taken when V8 compiled it is thrown away the first time
// a run takes it, and the whole function then runs unoptimised until recompiled (the first move
// into a cooperative, or the first job that beat every other option, each cost mode choice months
// of slow code). So the rarely taken branches below only assign locals: every read of `values`,
// every call, happens on a path that runs every month.
export function chooseModes(state: EconomyState, rng: RandomStream, market?: LabourMarket): void {
  const { persons, params, classes, assets, orgs, ledger } = state;
  // values[0]: self-employed; values[1 + c]: producer on class c; then employee, member.
  const classCount = classes.length;
  const EMPLOY = classCount + 1;
  const JOIN = classCount + 2;
  if (valuesScratch.length !== classCount + 3) valuesScratch = new Float64Array(classCount + 3);
  const values = valuesScratch;
  const options = values.length;
  const filled = market?.filledCount ?? 0;
  const vacancies = market?.vacancyCount ?? 0;
  const sampled = params.vacanciesSampled;
  const coops = market?.coops.length ?? 0;
  // Read only at cooperatives' entries (buy-in terms, staying value).
  const equity = coops > 0 ? cooperativeEquity(state) : undefined;
  if (market !== undefined) market.equity = equity;
  termsMembers = grown(termsMembers, orgs.all.length);
  termsMembers.fill(-1, 0, orgs.all.length);
  growTerms(orgs.all.length);
  persons.applicantCount = 0;
  // Producing needs a commune to rent or ask from: with none alive the option is closed.
  let communesOpen = false;
  for (const org of orgs.all) if (org.alive && org.kind === ORG_COMMUNE) { communesOpen = true; break; }
  const { seekers, wantsClass, wantsHome, skill, mode, home, coopOf } = persons;
  for (let k = 0; k < persons.seekerCount; k++) {
    const p = seekers[k]!;
    wantsClass[p] = -1;
    wantsHome[p] = 0;
  }
  persons.seekerCount = 0;
  let hasHousing = false;
  for (let c = 0; c < classCount; c++) if (!classes[c]!.productive) hasHousing = true;
  const fallbackDividend = meanTrailingDividend(state);
  // Expected rents are the same for everyone this month (clearing rents change only at the
  // auctions, after the choices).
  if (expectedRentScratch.length !== classCount) expectedRentScratch = new Float64Array(classCount);
  const expectedRent = expectedRentScratch;
  for (let c = 0; c < classCount; c++) expectedRent[c] = expectedRentCents(state, c);
  // Who reconsiders: each person with probability q, drawn by geometric skips (one draw per
  // reconsidering person instead of one per person).
  const q = params.reconsiderPerMonth;
  if (q <= 0) return;
  const power = wholePowerOf(params.choiceTemperature);
  // ln(1 - q), but where 1 - q rounds to 1 (a rate under ~1e-16 a month) log1p keeps it
  // non-zero: ln gave 0, the skip divided by it, and the loop never ended (engine fuzz, at
  // switchRatePerYear 8e-54). Elsewhere ln is kept, so existing runs keep their bits.
  const logStay = q >= 1 ? 0 : 1 - q < 1 ? ln(1 - q) : log1p(-q);
  // What is the same for every person this month, read once here: the loop calls functions
  // V8 does not inline (endPossession, leaveCooperative, stayingValueCents), and after each
  // such call optimised code read every field and column again, with its map checks.
  const { isCapitalist, employer: employerOf, memberOf, probationOf } = persons;
  const heldOf = persons.asset;
  const { cls: assetClass, rentCents: assetRent, owner: assetOwner, classOutput, classProductive } = assets;
  const all = orgs.all;
  const goodsPrice = state.goodsPriceCents;
  const baseOutput = params.baseOutputCents;
  const horizon = params.choiceHorizonMonths;
  const waiting = Math.min(horizon, params.laborToJoinMonths);
  const filledList = market?.filled;
  const vacantList = market?.vacant;
  const coopList = market?.coops;
  const temperature = params.choiceTemperature;
  // Each pool's trailing dividend at its id + 1 (0: no commune), as the person expects it: the
  // commune's own while alive, else the mean over communes. One read a person, not a test on the
  // id and two reads of a random organisation record (its map checked); nothing in the loop
  // ends a commune or moves its dividend.
  poolDividendAfterNone = grown(poolDividendAfterNone, all.length + 1);
  const poolDividendOf = poolDividendAfterNone;
  poolDividendOf[0] = fallbackDividend;
  for (let o = 0; o < all.length; o++) poolDividendOf[o + 1] = all[o]!.alive ? all[o]!.trailingDividendMonthly : fallbackDividend;
  // 1 where there is housing to want: a person without a home wants one (its flag or-ed in, no jump).
  const housing = hasHousing ? 1 : 0;
  for (let p = nextReconsidering(-1, q, logStay, rng); p < persons.count; p = nextReconsidering(p, q, logStay, rng)) {
    if (isCapitalist[p]) continue;
    const before = persons.seekerCount;
    wantsHome[p] = wantsHome[p]! | (housing & (home[p]! >>> 31));
    const held = heldOf[p]!;
    const heldClass = held >= 0 ? assetClass[held]! : -1;
    // Trailing dividend the person can expect within the horizon from a commune's pool
    // (expectedDividendCents, its terms read once).
    const member = memberOf[p]!;
    const commune = member >= 0 ? member : probationOf[p]!;
    const poolDividend = poolDividendOf[commune + 1]!;
    const dividend = member >= 0 ? poolDividend : (poolDividend * (horizon - waiting)) / horizon;
    const producing = mode[p] === MODE_PRODUCER;
    const personSkill = skill[p]!;
    // selfEmployedIncomeCents and expectedOutputCents, their products in their order.
    let best = baseOutput * personSkill * goodsPrice / 100;
    values[0] = best;
    for (let c = 0; c < classCount; c++) {
      let value = 0;
      if (classProductive[c] && (communesOpen || (c === heldClass && producing))) {
        const rent = c === heldClass && producing ? assetRent[held]! : expectedRent[c]!;
        value = classOutput[c]! * personSkill * goodsPrice / 100 - rent + dividend;
        if (value > best) best = value;
      }
      values[c + 1] = value;
    }
    // Employment: the current job, else the best-paid of this month's offers: one by referral,
    // a filled firm position drawn at random (a firm met in proportion to its size; a full firm
    // queues the applicant and may expand), and `vacanciesSampled` posted vacancies drawn at
    // random (each open position met alike, so a new firm's first vacancy is found).
    const employer = employerOf[p]!;
    const employed = employer >= 0 && mode[p] === MODE_EMPLOYEE;
    let firm = employed ? employer : -1;
    if (!employed) {
      let offerRate = 0;
      if (filled > 0) {
        const o = assetOwner[filledList![rng.int(filled)]!]!;
        const rate = all[o]!.wageRateCents;
        if (rate > offerRate) { firm = o; offerRate = rate; }
      }
      for (let k = 0; k < sampled && vacancies > 0; k++) {
        const o = assetOwner[vacantList![rng.int(vacancies)]!]!;
        const rate = all[o]!.wageRateCents;
        if (rate > offerRate) { firm = o; offerRate = rate; }
      }
    }
    const employValue = firm >= 0 ? all[firm]!.wageRateCents * personSkill : 0;
    values[EMPLOY] = employValue;
    // Membership: the person's own cooperative, else one drawn at random that it can buy into.
    const own = coopOf[p]!;
    const coop = own >= 0 ? own : coops > 0 ? coopList![rng.int(coops)]! : -1;
    let joinValue = 0;
    if (coop >= 0) {
      const o = all[coop]!;
      if (own >= 0) joinValue = stayingValueCents(state, p, o, equity![coop]!);
      else {
        let terms = termsOf[coop]!;
        if (termsMembers[coop] !== o.members) {
          terms = buyInTerms(Math.max(0, equity![coop]!), o.members);
          termsOf[coop] = terms;
          termsMembers[coop] = o.members;
        }
        if (ledger.balance(persons.firstAccount + p) >= terms.upfrontCents) {
          joinValue = o.trailingDividendMonthly - terms.totalCents / horizon;
        }
      }
    }
    values[JOIN] = joinValue;
    if (employValue > best) best = employValue;
    if (joinValue > best) best = joinValue;
    if (!(best > 0)) {
      if (wantsHome[p]) seekers[persons.seekerCount++] = p;
      continue;
    }
    // Logit on log income: weight (v / best)^(1/T); the best option weighs exactly 1.
    let total = 0;
    for (let k = 0; k < options; k++) {
      const v = values[k]!;
      const w = v === best ? 1 : v > 0 ? logitWeight(v / best, power, temperature) : 0;
      values[k] = w;
      total += w;
    }
    let pick = rng.uniform() * total;
    let chosen = 0;
    for (let k = 0; k < options; k++) {
      pick -= values[k]!;
      if (pick < 0) { chosen = k; break; }
    }
    // An application (a job, or membership) is made at one call site below, reached every month.
    let applyTo = -1;
    let asMember = 0;
    if (chosen === 0) {
      if (held >= 0) endPossession(state, held);
      if (coopOf[p]! >= 0) leaveCooperative(state, p);
    } else if (chosen === EMPLOY) {
      if (!employed) applyTo = firm;
    } else if (chosen === JOIN) {
      if (own < 0) { applyTo = coop; asMember = 1; }
    } else if (chosen - 1 !== heldClass || !producing) {
      wantsClass[p] = chosen - 1;
    }
    if (applyTo >= 0) apply(state, market!, p, applyTo, asMember);
    if (persons.seekerCount === before && (wantsClass[p]! >= 0 || wantsHome[p])) seekers[persons.seekerCount++] = p;
  }
}

/** 1/T when it is a whole number from 1 to 64 (the default T = 0.1 gives 10), else 0. */
export function wholePowerOf(temperature: number): number {
  const inverse = 1 / temperature;
  return Number.isInteger(inverse) && inverse >= 1 && inverse <= 64 ? inverse : 0;
}

/**
 * A logit weight: `ratio` (an option's income over the best's, in (0, 1]) to the power 1/T.
 * With a whole power (`wholePowerOf`) by repeated squaring: basic arithmetic only, so the same
 * bits in every engine and no logarithm or exponential (which cost the mode choices half of
 * their time); otherwise exp(ln(ratio) / T).
 */
export function logitWeight(ratio: number, power: number, temperature: number): number {
  if (power === 0) return exp(ln(ratio) / temperature);
  let result = 1;
  let base = ratio;
  for (let n = power; n > 0; n >>= 1) {
    if (n & 1) result *= base;
    base *= base;
  }
  return result;
}

function apply(state: EconomyState, market: LabourMarket, p: number, org: number, asMember: number): void {
  const { persons } = state;
  persons.appliedTo[p] = org;
  market.asMember[p] = asMember;
  persons.applicants[persons.applicantCount++] = p;
}

function nextReconsidering(p: number, q: number, logStay: number, rng: RandomStream): number {
  if (q >= 1) return p + 1;
  return p + 1 + Math.floor(ln(1 - rng.double()) / logStay);
}
