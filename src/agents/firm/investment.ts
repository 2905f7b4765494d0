// MODEL.md 5, capitalist firm: retained profit is invested while the expected return per
// asset beats the bond yield. A landlord firm buys homes when a home seeker asks and the rent
// beats the same hurdle (landlords.ts) and opens no position (MODEL.md 10.1: it hires nobody);
// here, a producing firm's positions. A firm whose hiring this month filled every position and turned
// applicants away buys one new asset per applicant turned away (a new firm: its first), of
// the class with the best expected return at skill 1, its own productivity and its current wage rate (annual
// surplus after wages and depreciation, over the price); the yield to beat is the last
// year's mean clearing yield, at least the base yield.
import type { RandomStream } from '../../model/random.ts';
import { grown } from '../../model/grown.ts';
import type { EconomyState } from '../../model/economy/economy-state.ts';
import { FIRM_LINE_LANDLORD, ORG_FIRM } from '../../model/economy/organisation-table.ts';
import { acquireAssetFor } from '../economy/enterprise-acquisition.ts';
import type { SaverQueue } from '../economy/savers.ts';
import { worthInvesting } from './firm-accounts.ts';
import { hurdleYield } from '../cooperative/idle-capital.ts';
import { surplusOverAlternativeCents } from '../economy/willingness.ts';

/** Scratch by organisation id: positions per firm, when no hiring walk counted them. */
let counted = new Int32Array(64);

/** Positions (assets alive and not let out) per organisation id, counted over the enterprise assets. */
export function countPositions(state: EconomyState): Int32Array {
  const { orgs, assets } = state;
  // Grown by the shared `grown` (warm type feedback: a growth mid-run does not deoptimise this).
  counted = grown(counted, orgs.all.length);
  counted.fill(0, 0, orgs.all.length);
  const list = state.enterpriseAssets;
  const { alive, letOut, owner } = assets;
  for (let k = 0; k < list.length; k++) {
    const a = list[k]!;
    if (alive[a] && !letOut[a]) counted[owner[a]!]!++;
  }
  return counted;
}

/**
 * `positions`: per organisation id, the assets its workers work or may work (alive, not let
 * out); the month's hiring counts them (labour-market.ts), a caller without it counts them here.
 */
export function investFirms(state: EconomyState, queue: SaverQueue, rng: RandomStream, positions = countPositions(state)): void {
  const { orgs, classes, params, assets } = state;
  const hurdle = hurdleYield(state);
  const monthlyCost = params.firmAdjustmentCost * 12;
  for (const firm of orgs.all) {
    // A firm with a vacancy still open is hiring for it (its wage rises meanwhile, up to the
    // position's value; a position left open at that offer is let out: idle-capital.ts).
    if (!firm.alive || firm.kind !== ORG_FIRM || firm.line === FIRM_LINE_LANDLORD || firm.vacancies > 0) continue;
    let best = -1, bestReturn = Number.NEGATIVE_INFINITY, bestSurplus = 0;
    for (let c = 0; c < classes.length; c++) {
      if (!classes[c]!.productive) continue;
      // The position's output less what its worker could earn elsewhere: the wage (MODEL.md 10.4).
      const operating = surplusOverAlternativeCents((assets.classOutput[c]! * firm.productivity * state.goodsPriceCents) / 100, firm.wageRateCents);
      const surplus = operating - assets.classPrice[c]! / assets.classLife[c]!;
      const r = surplus / assets.classPrice[c]!;
      if (r > bestReturn) { bestReturn = r; best = c; bestSurplus = surplus; }
    }
    if (best < 0 || !worthInvesting(bestSurplus, assets.classPrice[best]!, hurdle)) { firm.growthCredit = 0; continue; }
    const held = positions[firm.id]!;
    // Planned growth (Tobin's q with a quadratic adjustment cost): a share (q - 1) / cost of its
    // positions a year, q the position's annual return over the hurdle; a fraction is carried.
    firm.growthCredit += (held * plannedGrowthPerYear(12 * bestReturn, hurdle)) / monthlyCost;
    const planned = Math.floor(firm.growthCredit);
    // One new position per applicant turned away, or as planned (one for a firm with no assets yet).
    const wanted = held === 0 ? Math.max(1, firm.queued) : Math.max(firm.queued, planned);
    if (wanted === 0) continue;
    const operating = surplusOverAlternativeCents((assets.classOutput[best]! * firm.productivity * state.goodsPriceCents) / 100, firm.wageRateCents);
    let opened = 0;
    for (let k = 0; k < wanted; k++) {
      if (acquireAssetFor(state, firm, best, operating, queue, rng) < 0) break;
      firm.vacancies++;
      opened++;
    }
    firm.growthCredit = Math.max(0, firm.growthCredit - opened);
  }
}

/** q - 1 of a position returning `annualReturn` against the hurdle yield, capped at 10 (a hurdle of 0: the cap). */
export function plannedGrowthPerYear(annualReturn: number, hurdle: number): number {
  const excess = hurdle > 0 ? annualReturn / hurdle - 1 : annualReturn > 0 ? PLANNED_GROWTH_CAP : 0;
  return Math.min(PLANNED_GROWTH_CAP, Math.max(0, excess));
}

export const PLANNED_GROWTH_CAP = 10;
