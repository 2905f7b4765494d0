// Reporters run only when the engine samples, after every phase of a tick, so within one
// sample the state is fixed: what one reporter computes (organisation equity, net worth)
// serves every other reporter of the same sample instead of being recomputed by each.
import type { EconomyState } from './economy-state.ts';
import { communeClaimsCents, netWorthCents, organisationEquity } from './net-worth.ts';

/** One computation per state and tick, shared by the reporters sampled together. */
export function perSample<T>(compute: (s: EconomyState) => T): (s: EconomyState) => T {
  let state: EconomyState | undefined;
  let tick = -1;
  let value: T | undefined;
  return (s) => {
    if (s !== state || s.tick !== tick || value === undefined) {
      value = compute(s);
      state = s;
      tick = s.tick;
    }
    return value;
  };
}

/** Book equity of every organisation and bond principal of every person, from one walk. */
const positionsAtSample = perSample((s) => {
  const holdings = new Float64Array(s.persons.count);
  return { equity: organisationEquity(s, undefined, holdings), holdings };
});

/** Book equity of every organisation at this sample (read-only: callers must not write it). */
export const equityAtSample = (s: EconomyState): Float64Array => positionsAtSample(s).equity;

/** Net worth of every person in cents at this sample (read-only). */
export const netWorthAtSample = perSample((s) => netWorthCents(s, new Float64Array(s.persons.count), equityAtSample(s), positionsAtSample(s).holdings));

/** Each person's commune claims in cents at this sample (read-only). */
export const communeClaimsAtSample = perSample((s) => communeClaimsCents(s, new Float64Array(s.persons.count), equityAtSample(s)));
