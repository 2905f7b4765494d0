// MODEL.md 5, cooperative: net income less `retention` is divided among the members, equally or
// in proportion to skill, to the cent; `coordinationCost` grows with log(size) to test the
// manifesto's "coordinator class".
import { ln } from '../../model/detmath.ts';
import { allocateProRata } from '../../model/market/pro-rata.ts';

export type Split = 'equal' | 'by-skill';

/** Writes each member's distribution into `out` and returns the cents retained. */
export function divideNetIncome(
  netIncomeCents: number, retention: number, skills: ArrayLike<number>, split: Split, out: Float64Array,
): number {
  if (netIncomeCents <= 0 || skills.length === 0) {
    out.fill(0, 0, skills.length);
    return Math.max(0, netIncomeCents);
  }
  const retained = Math.ceil(netIncomeCents * retention);
  const divided = netIncomeCents - retained;
  const weights = split === 'equal' ? new Float64Array(skills.length).fill(1) : skills;
  allocateProRata(divided, weights, out);
  return retained;
}

/** Monthly cost of coordinating `members` persons: `costPerLogMember * ln(members)`. */
export function coordinationCostCents(members: number, costPerLogMemberCents: number): number {
  return members > 1 ? Math.round(costPerLogMemberCents * ln(members)) : 0;
}
