// MODEL.md 10.1: "a capitalist's landlord firm is simply a firm whose assets are homes; it hires
// nobody". A firm is founded into one line for life: a landlord firm lets homes to home seekers
// who ask it and opens no position; a producing firm opens positions and lets no home. The
// founder picks the line whose expected economic profit for one more firm is larger: a new
// asset's monthly surplus over the hurdle yield's cost of its price, times the share of the
// line's unmet demand a new entrant can expect, 1 / (firms in the line + 1). Unmet demand for
// homes: workers without one; for positions: workers in self-employment or idle (the labour a
// new employer hires from). Free entry with demand shared among entrants (Hopenhayn 1992,
// *Econometrica* 60(5): firms enter until the expected value of entry is its cost), so the lines
// split in the proportion that equalises their expected profit, and a line whose demand is met
// (everyone housed) draws no new firms.
import type { EconomyState } from '../../model/economy/economy-state.ts';
import { FIRM_LINE_LANDLORD, FIRM_LINE_PRODUCING, ORG_FIRM } from '../../model/economy/organisation-table.ts';
import { MODE_IDLE, MODE_SELF_EMPLOYED } from '../../model/economy/person-table.ts';
import { hurdleYield } from '../cooperative/idle-capital.ts';
import { offeredRentCents } from '../economy/mode-choice.ts';
import { marketWageRateCents } from '../economy/wages.ts';
import { exp } from '../../model/detmath.ts';
import { surplusOverAlternativeCents } from '../economy/willingness.ts';

/** What a founder sees of the two lines' markets (counts of persons and of firms). */
export interface LineMarket {
  /** Workers without a home: the demand new landlords share. */
  unhoused: number;
  /** Workers self-employed or idle: the labour new employers hire from. */
  jobSeekers: number;
  landlords: number;
  producers: number;
  /** Monthly surplus of a new home let at the asker's rent, less depreciation and the hurdle's cost of its price (cents, at least 0; 0 when firms may not own homes). */
  homeProfitCents: number;
  /** The same for the best new position at the market wage, its mean over an entrant's productivity draw. */
  positionProfitCents: number;
}

export function lineMarket(state: EconomyState): LineMarket {
  const { persons, orgs, classes, assets, params } = state;
  let unhoused = 0, jobSeekers = 0, landlords = 0, producers = 0;
  for (let p = 0; p < persons.count; p++) {
    if (persons.isCapitalist[p]) continue;
    if (persons.home[p]! < 0) unhoused++;
    const mode = persons.mode[p]!;
    if (mode === MODE_SELF_EMPLOYED || mode === MODE_IDLE) jobSeekers++;
  }
  for (const org of orgs.all) {
    if (!org.alive || org.kind !== ORG_FIRM) continue;
    if (org.line === FIRM_LINE_LANDLORD) landlords++;
    else producers++;
  }
  const hurdle = hurdleYield(state);
  // Economic profit a month: surplus less depreciation less the hurdle yield on the price.
  const profit = (c: number, surplusCents: number) => Math.max(0, surplusCents - assets.classPrice[c]! / assets.classLife[c]! - (hurdle * assets.classPrice[c]!) / 12);
  let homeProfitCents = 0, positionProfitCents = 0;
  const wage = marketWageRateCents(state);
  // An entrant draws its productivity from the stationary spread (enterprise-productivity.ts)
  // and produces only if the draw pays: the expected profit of entering is the mean over draws
  // of max(0, profit), not the profit of the median draw (Hopenhayn 1992; Melitz 2003: entry
  // values the option to produce). A 5-point Gauss-Hermite mean over the log-normal draw.
  const spread = params.productivitySigma / Math.sqrt(Math.max(1e-12, 1 - params.productivityRho * params.productivityRho));
  for (let c = 0; c < classes.length; c++) {
    if (classes[c]!.productive) {
      let expected = 0;
      for (let k = 0; k < HERMITE_NODES.length; k++) {
        const output = (assets.classOutput[c]! * exp(spread * HERMITE_NODES[k]!) * state.goodsPriceCents) / 100;
        expected += HERMITE_WEIGHTS[k]! * profit(c, surplusOverAlternativeCents(output, wage));
      }
      positionProfitCents = Math.max(positionProfitCents, expected);
    } else if (params.homeOwnerKinds[ORG_FIRM]) {
      homeProfitCents = Math.max(homeProfitCents, profit(c, offeredRentCents(state, c)));
    }
  }
  return { unhoused, jobSeekers, landlords, producers, homeProfitCents, positionProfitCents };
}

/** Nodes and weights of the 5-point Gauss-Hermite rule for a standard normal (probabilists'). */
const HERMITE_NODES = [-2.856970013872806, -1.355626179974266, 0, 1.355626179974266, 2.856970013872806];
const HERMITE_WEIGHTS = [0.011257411327721, 0.222075922005613, 0.533333333333333, 0.222075922005613, 0.011257411327721];

/** The line a founder picks: landlord when its expected profit for one more firm is larger (ties: producing). */
export function chooseLine(market: LineMarket): number {
  const landlord = (market.homeProfitCents * market.unhoused) / (market.landlords + 1);
  const producing = (market.positionProfitCents * market.jobSeekers) / (market.producers + 1);
  return landlord > producing ? FIRM_LINE_LANDLORD : FIRM_LINE_PRODUCING;
}

/** Counts a firm just founded in `line`, for the next founder of the same year. */
export function enterLine(market: LineMarket, line: number): void {
  if (line === FIRM_LINE_LANDLORD) market.landlords++;
  else market.producers++;
}
