// MODEL.md 5, cooperative: net income less `retention` is divided among the members, equally or
// in proportion to skill, in whole cents (the remainder cents stay in the cooperative);
// `coordinationCost` grows with log(size) to test the manifesto's "coordinator class". The
// engine's monthly distribution (member-distributions.ts) is made of these two rules.
import { ln } from '../../model/detmath.ts';
import { proRataShareCents } from '../../model/market/pro-rata.ts';

/**
 * The month's pot for the members: net income less `retention` (rounded up, so the
 * cooperative never keeps less than asked), no more than the cash it holds. Nothing out of a
 * loss, nothing without members.
 */
export function cooperativePotCents(netIncomeCents: number, retention: number, members: number, cashCents: number): number {
  if (members <= 0 || netIncomeCents <= 0) return 0;
  const kept = Math.ceil(netIncomeCents * retention);
  return Math.max(0, Math.min(netIncomeCents - kept, cashCents));
}

/**
 * A member's share of the pot: its weight (1 under `equal`, its skill under `by-skill`) over
 * the members' total weight, rounded down to the cent (the pro-rata share). The shares never
 * exceed the pot; what the rounding leaves (less than a cent per member) stays in the cooperative.
 */
export const memberShareCents: (potCents: number, weight: number, weightSum: number) => number = proRataShareCents;

/** Monthly cost of coordinating `members` persons: `costPerLogMember * ln(members)`. */
export function coordinationCostCents(members: number, costPerLogMemberCents: number): number {
  return members > 1 ? Math.round(costPerLogMemberCents * ln(members)) : 0;
}
