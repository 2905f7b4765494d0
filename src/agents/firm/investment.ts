// MODEL.md 5, capitalist firm: retained profit is invested while the expected return per
// asset beats the bond yield. Homes are bought when a home seeker asks and the rent beats the
// same hurdle (landlords.ts, MODEL.md 10.1); here, the productive positions. A firm whose hiring this month filled every position and turned
// applicants away buys one new asset per applicant turned away (a new firm: its first), of
// the class with the best expected return at skill 1 and its current wage rate (annual
// surplus after wages and depreciation, over the price); the yield to beat is the last
// year's mean clearing yield, at least the base yield.
import type { RandomStream } from '../../model/random.ts';
import type { EconomyState } from '../../model/economy/economy-state.ts';
import { ORG_FIRM } from '../../model/economy/organisation-table.ts';
import { acquireAssetFor } from '../economy/enterprise-acquisition.ts';
import type { SaverQueue } from '../economy/savers.ts';
import { worthInvesting } from './firm-accounts.ts';
import { surplusOverAlternativeCents } from '../economy/willingness.ts';

export function investFirms(state: EconomyState, queue: SaverQueue, rng: RandomStream): void {
  const { orgs, classes, params, counters, assets } = state;
  const lastYield = counters.lastYearMeanClearingYield;
  const hurdle = Math.max(params.baseYield, Number.isFinite(lastYield) ? lastYield : 0);
  // Positions (assets its employees work) per firm: homes it lets are not positions, so a
  // landlord firm still opens its first position (MODEL.md 10.1).
  const positions = new Int32Array(orgs.all.length);
  for (const a of state.enterpriseAssets) if (assets.alive[a] && !assets.letOut[a]) positions[assets.owner[a]!]!++;
  for (const firm of orgs.all) {
    // Expand only when last month's hiring turned applicants away (labour is there to hire).
    if (!firm.alive || firm.kind !== ORG_FIRM || firm.vacancies > 0 || (firm.queued === 0 && positions[firm.id]! > 0)) continue;
    let best = -1, bestReturn = Number.NEGATIVE_INFINITY, bestSurplus = 0;
    for (let c = 0; c < classes.length; c++) {
      if (!classes[c]!.productive) continue;
      // The position's output less what its worker could earn elsewhere: the wage (MODEL.md 10.4).
      const operating = surplusOverAlternativeCents((assets.classOutput[c]! * state.goodsPriceCents) / 100, firm.wageRateCents);
      const surplus = operating - assets.classPrice[c]! / assets.classLife[c]!;
      const r = surplus / assets.classPrice[c]!;
      if (r > bestReturn) { bestReturn = r; best = c; bestSurplus = surplus; }
    }
    if (best < 0 || !worthInvesting(bestSurplus, assets.classPrice[best]!, hurdle)) continue;
    const operating = surplusOverAlternativeCents((assets.classOutput[best]! * state.goodsPriceCents) / 100, firm.wageRateCents);
    // One new position per applicant turned away (one for a firm with no assets yet).
    const wanted = Math.max(1, firm.queued);
    for (let k = 0; k < wanted; k++) {
      if (acquireAssetFor(state, firm, best, operating, queue, rng) < 0) break;
      firm.vacancies++;
    }
  }
}
