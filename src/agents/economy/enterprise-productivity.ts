// Enterprise productivity (issue 14, firm sizes): each enterprise (firm or cooperative; the same
// rule for both kinds, MODEL.md 10) has a productivity factor that multiplies the output of
// every position it owns, whoever works it. Its logarithm is AR(1), one step a year:
// x' = rho x + sigma e, and an entrant draws x from the process's stationary distribution,
// N(0, sigma^2 / (1 - rho^2)), as in Hopenhayn (1992, Econometrica 60(5)): firms enter with a
// productivity draw, incumbents' productivity moves with persistent firm-level shocks, and the
// unproductive make losses and exit. The shock is common to all of a firm's positions, so its
// growth rate varies as much for a large firm as for a small one (Gibrat); without it the only
// randomness in a firm's growth was independent per-position draws, whose average over a large
// firm is nearly constant, and "it can take hundreds of years for a few large firms to emerge"
// (Luttmer 2011, ReStud 78(3)). Drawn from its own named stream ('enterprise-productivity'), in
// organisation id order; with sigma 0 it draws nothing and every factor stays 1.
import { exp, sqrt } from '../../model/detmath.ts';
import type { RandomStream } from '../../model/random.ts';
import { MONTHS_PER_YEAR } from '../../model/engine.ts';
import type { EconomyState } from '../../model/economy/economy-state.ts';
import { ORG_COMMUNE } from '../../model/economy/organisation-table.ts';

/** Standard deviation of the stationary log productivity: sigma / sqrt(1 - rho^2). */
export function stationaryLogSd(rho: number, sigma: number): number {
  return sigma / sqrt(1 - rho * rho);
}

/**
 * Monthly, before production: an enterprise not yet drawn gets its entry draw; at the first
 * month of each year every other enterprise alive takes one AR(1) step.
 */
export function moveProductivity(state: EconomyState, rng: RandomStream): void {
  const { productivityRho: rho, productivitySigma: sigma } = state.params;
  if (sigma === 0) return;
  const yearStart = state.tick % MONTHS_PER_YEAR === 0;
  const entrySd = stationaryLogSd(rho, sigma);
  for (const org of state.orgs.all) {
    if (!org.alive || org.kind === ORG_COMMUNE) continue;
    if (!org.productivityDrawn) {
      org.productivityDrawn = true;
      org.logProductivity = entrySd * rng.normal();
    } else if (yearStart) {
      org.logProductivity = rho * org.logProductivity + sigma * rng.normal();
    } else continue;
    org.productivity = exp(org.logProductivity);
  }
}
