// MODEL.md 10.3, the aggregate cycle: beside each person's AR(1) output shock, one
// economy-wide AR(1) factor on the goods price, x' = rho x + sigma e on its logarithm, so that
// bad months come to everyone at once and defaults cluster. Drawn from its own named stream
// ('cycle'); with sigma 0 it draws nothing and the factor stays 1.
import { exp } from '../../model/detmath.ts';
import type { RandomStream } from '../../model/random.ts';
import type { EconomyState } from '../../model/economy/economy-state.ts';

export function moveCycle(state: EconomyState, rng: RandomStream): void {
  const { finance, params } = state;
  if (params.cycleSigma > 0) {
    finance.cycleLog = params.cycleRho * finance.cycleLog + params.cycleSigma * rng.normal();
    finance.cycleFactor = exp(finance.cycleLog);
  }
  finance.cycleFactorSumYear += finance.cycleFactor;
  finance.cycleMonthsYear++;
}
