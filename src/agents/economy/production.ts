// MODEL.md 1-3, "output and sales": worn-out assets are scrapped, each person's output shock
// moves (output-shocks.ts), and every worker's output is sold to `world` at the goods price. A producer's output is the asset's
// output x skill x shock; a self-employed person's is baseOutput x skill x shock. A home yields
// its occupant the rent it saves (imputed, not scaled by skill). An employee's or cooperative
// worker's output is the asset's output x skill x shock x the enterprise's productivity, and it
// is sold by the organisation that employs it: the sale goes to its account, not to the worker.
import { exp, pow } from '../../model/detmath.ts';
import { FLOW, MoneyRangeError, WORLD } from '../../model/ledger.ts';
import { grown } from '../../model/grown.ts';
import type { EconomyState } from '../../model/economy/economy-state.ts';
import { MODE_EMPLOYEE, MODE_MEMBER_WORKER, MODE_PRODUCER, MODE_SELF_EMPLOYED } from '../../model/economy/person-table.ts';
import { ORG_FIRM } from '../../model/economy/organisation-table.ts';
import type { RandomStream } from '../../model/random.ts';
import { disposeOfAsset } from './asset-disposal.ts';
import { smallShockFactor } from './output-shocks.ts';
import { edgeNormal, layerAccept, layerWidth } from '../../model/ziggurat.ts';
import { SALES_BY_KIND } from '../../model/economy/housing-accounts.ts';

const SALES = FLOW.sales;
const FROM_WORLD = WORLD;

export function scrapWornOutAssets(state: EconomyState): void {
  const worn = state.assets.wornOut(state.tick);
  for (let i = 0; i < worn.length; i++) disposeOfAsset(state, worn[i]!, 'scrap');
}

/**
 * Moves each person's output shock one step (drawn from `shocks`, in person order; none without
 * `shocks` or with shockSigma 0) and sells the month's output.
 */
export function produceAndSell(state: EconomyState, shocks?: RandomStream): void {
  const orgs = state.orgs.all;
  const productivity = productivities(orgs.length);
  for (const org of orgs) {
    org.salesMonth = 0; org.rentMonth = 0; org.rentIncomeMonth = 0;
    productivity[org.id] = org.productivity;
  }
  const moving = shocks !== undefined && state.params.shockSigma !== 0;
  const total = produce(state, moving ? shocks : undefined);
  if (moving) {
    const alea = shocks.generatorState();
    alea[0] = walkS0;
    alea[1] = walkS1;
    alea[2] = walkS2;
    alea[3] = walkC;
  }
  sell(state, total);
}

/**
 * The shock generator's state as produce's walk left it, stored back by produceAndSell. Module
 * variables: produce stores them after its loop, where a store into the generator's array
 * (stored in the last iteration before this) had no type feedback when V8 compiled the walk on
 * stack in its first month, and Chromium gave up that code at the last person of a month.
 */
let walkS0 = 0;
let walkS1 = 0;
let walkS2 = 0;
let walkC = 0;

/** Stands in for a generator's state when no shock moves. */
const STILL = new Float64Array(4);
/** Where `edgeNormal` writes a normal it settles. */
const settled = new Float64Array(1);

/**
 * 1 until produce's walk has moved the shocks once in this thread. A shock past |x| >= 0.5 is
 * rare (the first in mixed 10,000 x 50 y at month 22), and V8 optimised the walk in its first
 * month, before its exp call had ever run: with no type feedback there, that shock threw the
 * code away and V8 compiled the walk twice more (on stack and whole), in the years when V8's
 * compile queue is full and every compile delays the others. So the thread's first walk calls
 * exp for every other person (on 1, the result unused: exp is pure; 5,000 calls, once), and
 * takes the usual path for the others, so that both paths have feedback. Not at the first
 * persons only: V8 makes a function's feedback store only after it has run a while.
 */
let expUnfed = 1;

/**
 * Each person's output units this month into the output scratch (negated when its employer sells
 * them: sellEach reads who sells from the sign, not from a column of its own), after its
 * shock's step when `shocks` is given (the step reads and writes only the person's own shock,
 * so moving every shock first and then producing gave the same numbers in two walks); returns
 * the total in person order.
 *
 * The step is AR(1) on the log shock, x' = rho x + sigma e, and its factor shockFactor(x')
 * (output-shocks.ts), with e zigguratNormal's draw (ziggurat.ts) made here, with the same bits:
 * Alea's recurrence (random.ts) and the ziggurat's fast path in local variables, which V8 keeps
 * in registers (through the stream, each draw loaded and stored the generator's state in
 * memory: produce and sell took some 470 instructions a person, 383 so). The 3% of draws past the fast path
 * store the state back, go through `edgeNormal` and reload it; after the loop the state goes to
 * module variables, whose stores take no type feedback (code after a first long loop compiled on
 * stack has none and would deoptimise every month). The output's work stays in the same walk,
 * where it overlaps the draws' serial chain (a walk of its own for the shocks saved nothing).
 */
function produce(state: EconomyState, shocks: RandomStream | undefined): number {
  const { persons, assets, params } = state;
  const { skill, shock, logShock, mode, asset } = persons;
  const { cls, classOutput } = assets;
  const output = state.scratch.outputCents;
  const PRODUCER = MODE_PRODUCER;
  const SELF_EMPLOYED = MODE_SELF_EMPLOYED;
  const EMPLOYEE = MODE_EMPLOYEE;
  const MEMBER_WORKER = MODE_MEMBER_WORKER;
  const { modeMaskYear, employer } = persons;
  const { shockRho, shockSigma, baseOutputCents } = params;
  const productivity = productivityBuffer;
  const count = persons.count;
  const moving = shocks !== undefined;
  const alea = shocks !== undefined ? shocks.generatorState() : STILL;
  const width = layerWidth;
  const accept = layerAccept;
  const out = settled;
  let s0 = alea[0]!;
  let s1 = alea[1]!;
  let s2 = alea[2]!;
  let c = alea[3]!;
  const unfed = expUnfed;
  let total = 0;
  for (let p = 0; p < count; p++) {
    let f = 0;
    if (moving) {
      let e = 0;
      for (;;) {
        const t = 2091639 * s0 + c * 2.3283064365386963e-10; // Alea's next() (random.ts), 2^-32
        s0 = s1;
        s1 = s2;
        c = t | 0;
        s2 = t - c;
        const bits = (s2 * 4294967296) | 0; // zigguratNormal's 32 bits
        const i = bits & 127;
        const v = bits >> 7;
        const x = v * width[i]!;
        if (Math.abs(v) < accept[i]!) {
          e = x;
          break;
        }
        alea[0] = s0;
        alea[1] = s1;
        alea[2] = s2;
        alea[3] = c;
        // The normal is read back from `out`, not returned: merged with the fast path's
        // double, a returned number would be boxed for every person.
        const done = edgeNormal(shocks, i, v, x, out);
        s0 = alea[0]!;
        s1 = alea[1]!;
        s2 = alea[2]!;
        c = alea[3]!;
        if (done === 1) {
          e = out[0]!;
          break;
        }
      }
      const x = shockRho * logShock[p]! + shockSigma * e;
      logShock[p] = x;
      // The two cases stored apart (smallShockFactor, output-shocks.ts). The thread's first
      // walk also calls exp for every other person, the result unused (see expUnfed). Both
      // comparisons run for every person (no ||), so both have type feedback. The factor is
      // kept for the output below as the series' double, or read back where exp's (boxed)
      // number was stored: merged, V8 would box every person's factor.
      const far = (x <= -0.5 ? 1 : 0) | (x >= 0.5 ? 1 : 0);
      if ((far | (unfed & p)) !== 0) {
        const factor = exp(far === 1 ? x : 1);
        shock[p] = far === 1 ? factor : smallShockFactor(x);
        f = shock[p]!;
      } else {
        f = smallShockFactor(x);
        shock[p] = f;
      }
    } else f = shock[p]!;
    let units = 0;
    let sells = -1;
    const m = mode[p]!;
    // The year's mask is stored only when the mode adds a bit (a person's mode mostly holds
    // from month to month): a store costs V8 the column's checks again.
    const seen = modeMaskYear[p]!;
    if ((seen & (1 << m)) === 0) modeMaskYear[p] = seen | (1 << m);
    if (m === PRODUCER || m === EMPLOYEE || m === MEMBER_WORKER) {
      // Work on an asset: for an enterprise, its productivity multiplies the output
      // (enterprise-productivity.ts); a producer's factor is 1 (x * 1 is x, bit for bit). One
      // branch for both: mixed has no producer in its first months, and V8's code, compiled
      // before, gave up at the first producer's own branch.
      const a = asset[p]!;
      const e = m === PRODUCER ? -1 : employer[p]!;
      sells = e;
      if (a >= 0) units = classOutput[cls[a]!]! * skill[p]! * f * (e >= 0 ? productivity[e]! : 1);
    } else if (m === SELF_EMPLOYED) {
      units = baseOutputCents * skill[p]! * f;
    }
    // Output its employer sells is stored negated (0 - units: +0 when there is none), so
    // sellEach tells who sells it without a column of its own.
    output[p] = sells >= 0 ? 0 - units : units;
    total += units;
  }
  walkS0 = s0;
  walkS1 = s1;
  walkS2 = s2;
  walkC = c;
  if (moving) expUnfed = 0;
  return total;
}

/** Sells the month's output (`total` units, in the output scratch) at the month's goods price. */
function sell(state: EconomyState, total: number): void {
  const { params, ledger } = state;
  if (state.referenceOutputCents === 0) state.referenceOutputCents = total;
  // The aggregate cycle scales the world's price (MODEL.md 10.3).
  const base = params.goodsPrice * state.finance.cycleFactor;
  const price = params.demandElasticity > 0 && total > 0
    ? base * pow(total / state.referenceOutputCents, -1 / params.demandElasticity)
    : base;
  // Demand near perfectly inelastic (elasticity -> 0) sends (Q/Q0)^(-1/elasticity) past any
  // countable price, or to NaN at Q = Q0 when the exponent is infinite (engine fuzz, at
  // demandElasticity 3.5e-84): the run stops with what to change instead of paying Infinity cents.
  if (!(price * 100 <= Number.MAX_SAFE_INTEGER)) throw goodsPriceError(state, price * 100, params.demandElasticity);
  state.goodsPriceCents = price * 100;
  // Each enterprise's sales are summed, then paid in one transfer; each person's paid in the
  // walk, the world's side in one call (whole cents: the same balances and totals as a
  // transfer per worker, in fewer steps).
  const orgSales = salesBuffer(state.orgs.all.length);
  const sold = sellEach(state, price, orgSales);
  ledger.addWorldTransfers(SALES, sold, false);
  state.counters.outputYear += sold;
  payEnterpriseSales(state, orgSales);
}

/**
 * Each person's output at `price`, into its income (with its home's imputed rent), paid to its
 * account (a live view of the ledger's balances), or into its employer's sales; returns what
 * the persons were paid, summed in person order as transfersWithWorld sums it. The walk has a function of its own, ending
 * with its loop: compiled on stack in its first call, with the payments after it inside, the
 * code gave up at those payments month after month (some 490 deoptimisations a mixed
 * 10,000 x 50 y run). A person's columns are read before any is written, and the year's sums
 * are touched only for output sold (adding 0 changed nothing but cost a load and a store, and
 * each store makes V8 check the next column's map and bounds again).
 */
function sellEach(state: EconomyState, price: number, orgSales: Float64Array): number {
  const { persons, assets } = state;
  const { home, labourYear, ownOutputYear, employer, count } = persons;
  const { cls, classOutput } = assets;
  const output = state.scratch.outputCents;
  const income = persons.incomeCents;
  const balances = state.ledger.balancesOf(persons.firstAccount, count);
  let sold = 0;
  for (let p = 0; p < count; p++) {
    const units = output[p]!;
    const h = home[p]!;
    let cents = 0;
    if (units < 0) {
      // Sold by its employer (produce stored it negated): none of it reaches the person.
      const sale = Math.round(-units * price);
      if (sale > 0) {
        ownOutputYear[p]! += sale;
        orgSales[employer[p]!]! += sale;
      }
    } else {
      cents = Math.round(units * price);
      if (cents > 0) {
        ownOutputYear[p]! += cents;
        labourYear[p]! += cents;
      }
    }
    if (h >= 0) cents += classOutput[cls[h]!]!;
    income[p] = cents;
    if (cents > 0) {
      balances[p]! += cents;
      sold += cents;
    }
  }
  return sold;
}

/** Each enterprise's sales of the month, from `world` to its account, and into the year's counters. */
function payEnterpriseSales(state: EconomyState, orgSales: Float64Array): void {
  const { ledger, counters } = state;
  const orgs = state.orgs.all;
  const housing = state.housingYear;
  for (let e = 0; e < orgs.length; e++) {
    const cents = orgSales[e]!;
    if (cents === 0) continue;
    const org = orgs[e]!;
    ledger.transfer(FROM_WORLD, org.account, cents, SALES);
    org.salesMonth += cents;
    counters.enterpriseSalesYear += cents;
    housing[SALES_BY_KIND + org.kind]! += cents;
    if (org.kind === ORG_FIRM) counters.firmSalesYear += cents;
  }
}

// The scratches grow through `grown`, whose growth has run before (its type feedback is
// shared by every table): grown here, the growth in a larger run's first month (a worker's run
// after its small warm-up, or more organisations than before) had none, and V8 threw away the
// optimised produce or produceAndSell.

/**
 * Each organisation's productivity this month, by id (enterprise-productivity.ts moves it
 * before production): one typed array read a worker, where the organisation's field took the
 * list's element, its map and the field's boxed number.
 */
let productivityBuffer = new Float64Array(0);

function productivities(count: number): Float64Array {
  productivityBuffer = grown(productivityBuffer, count);
  return productivityBuffer;
}

/** The month's sales per enterprise, zeroed. */
let salesByOrg = new Float64Array(0);

function salesBuffer(count: number): Float64Array {
  salesByOrg = grown(salesByOrg, count);
  return salesByOrg.fill(0, 0, count);
}

function goodsPriceError(state: EconomyState, cents: number, elasticity: number): MoneyRangeError {
  return new MoneyRangeError(`month ${state.tick}: the goods price reached ${cents} cents per unit of output, past what cents can count `
    + `(goods.demandElasticity ${elasticity} makes the price p0 x (Q/Q0)^(-1/${elasticity}) when output Q falls below its first month's Q0); `
    + 'raise goods.demandElasticity, or set it to 0 for a fixed price');
}
