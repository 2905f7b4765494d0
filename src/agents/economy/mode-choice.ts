// MODEL.md 2, "mode choices": each month a share `switchRatePerYear / 12` of workers
// reconsiders. Each open option is valued at its expected mean monthly income over the
// horizon; the person picks by logit on log income with `choiceTemperature`. Choosing to be a
// producer of a class it does not hold makes the person a bidder (or asker) this month; it
// keeps what it has until it wins. Firms (employee) and cooperatives (member-worker) add
// options here with the next issue: they are more entries in `values`.
import { exp, ln } from '../../model/detmath.ts';
import type { RandomStream } from '../../model/random.ts';
import type { EconomyState } from '../../model/economy/economy-state.ts';
import { MODE_PRODUCER } from '../../model/economy/person-table.ts';
import { annuityPaymentCents } from '../../model/market/bond-series.ts';
import { endPossession } from './possession.ts';

/** Expected monthly output of person p on an asset of class c, in cents. */
export function expectedOutputCents(state: EconomyState, p: number, c: number): number {
  return state.classes[c]!.outputCents * state.persons.skill[p]! * state.goodsPriceCents / 100;
}

export function selfEmployedIncomeCents(state: EconomyState, p: number): number {
  return state.params.baseOutputCents * state.persons.skill[p]! * state.goodsPriceCents / 100;
}

/** The rent an asker offers for a new asset: its debt service at `maxYield` (MODEL.md 5). */
export function offeredRentCents(state: EconomyState, c: number): number {
  const { params } = state;
  return annuityPaymentCents(state.classes[c]!.priceCents, params.maxYield, params.maturityMonths);
}

/** Rent a person expects to pay for class c: the last clearing rent, else the acquisition rent. */
export function expectedRentCents(state: EconomyState, c: number): number {
  const last = state.lastClearingRentCents[c]!;
  return last >= 0 ? last : offeredRentCents(state, c);
}

/** Trailing dividend the person can expect within the horizon from a commune's pool. */
function expectedDividendCents(state: EconomyState, p: number): number {
  const { persons, orgs, params } = state;
  const commune = persons.memberOf[p]! >= 0 ? persons.memberOf[p]! : persons.probationOf[p]!;
  let dividend = 0;
  if (commune >= 0 && orgs.get(commune).alive) dividend = orgs.get(commune).trailingDividendMonthly;
  else {
    let sum = 0;
    let n = 0;
    for (const org of orgs.all) if (org.alive && org.kind === 0) { sum += org.trailingDividendMonthly; n++; }
    dividend = n > 0 ? sum / n : 0;
  }
  if (persons.memberOf[p]! >= 0) return dividend;
  const waiting = Math.min(params.choiceHorizonMonths, params.laborToJoinMonths);
  return (dividend * (params.choiceHorizonMonths - waiting)) / params.choiceHorizonMonths;
}

export function chooseModes(state: EconomyState, rng: RandomStream): void {
  const { persons, params, classes, assets } = state;
  const values = new Float64Array(classes.length + 1);
  persons.wantsClass.fill(-1);
  persons.wantsHome.fill(0);
  const hasHousing = classes.some((c) => !c.productive);
  for (let p = 0; p < persons.count; p++) {
    if (persons.isCapitalist[p] || !rng.bernoulli(params.reconsiderPerMonth)) continue;
    if (hasHousing && persons.home[p]! < 0) persons.wantsHome[p] = 1;
    const held = persons.asset[p]!;
    const heldClass = held >= 0 ? assets.cls[held]! : -1;
    const dividend = expectedDividendCents(state, p);
    // values[0]: self-employed; values[1 + c]: producer on class c.
    values[0] = selfEmployedIncomeCents(state, p);
    let best = values[0]!;
    for (let c = 0; c < classes.length; c++) {
      if (!classes[c]!.productive) { values[c + 1] = 0; continue; }
      const rent = c === heldClass ? assets.rentCents[held]! : expectedRentCents(state, c);
      values[c + 1] = expectedOutputCents(state, p, c) - rent + dividend;
      if (values[c + 1]! > best) best = values[c + 1]!;
    }
    if (!(best > 0)) continue;
    // Logit on log income: weight (v / best)^(1/T), computed in logs for stability.
    const logBest = ln(best);
    let total = 0;
    for (let k = 0; k < values.length; k++) {
      const v = values[k]!;
      const w = v > 0 ? exp((ln(v) - logBest) / params.choiceTemperature) : 0;
      values[k] = w;
      total += w;
    }
    let pick = rng.uniform() * total;
    let chosen = 0;
    for (let k = 0; k < values.length; k++) {
      pick -= values[k]!;
      if (pick < 0) { chosen = k; break; }
    }
    if (chosen === 0) {
      if (held >= 0) endPossession(state, held);
    } else if (chosen - 1 !== heldClass || persons.mode[p] !== MODE_PRODUCER) {
      persons.wantsClass[p] = chosen - 1;
    }
  }
}
