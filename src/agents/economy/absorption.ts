// MODEL.md 5, absorption: one mechanism for a takeover and for both kinds of merge. The absorbed
// organisation's assets and bond series pass to the absorber and it ends as absorbed; each kind
// moves its own people, cash and histories around this.
import type { EconomyState } from '../../model/economy/economy-state.ts';
import { EXIT_ABSORBED, endOrganisation, type Organisation } from '../../model/economy/organisation-table.ts';

export function absorbHoldings(state: EconomyState, absorbed: Organisation, absorber: Organisation): void {
  state.eventLog?.transfers(state, absorbed.id, absorber.id);
  state.assets.transferAll(absorbed.id, absorber.id);
  state.bonds.transferIssuer(absorbed.id, absorber.id);
  // Its credit record goes with its series (MODEL.md 10.2).
  state.finance.absorbHistory(absorbed.id, absorber.id);
  endOrganisation(absorbed, state.tick, EXIT_ABSORBED);
}
