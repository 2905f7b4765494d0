// The kept list of vacant positions (EconomyState.vacantPositions): the firms' and cooperatives'
// own assets, alive and not let, that nobody works. Two monthly rules read it instead of walking
// the enterprise list (17,000 assets by year 50 of `mixed`, a few hundred of them vacant):
// letting out a position left vacant (idle-capital.ts) and hiring (labour-market.ts).
import type { EconomyState } from '../../model/economy/economy-state.ts';
import { ORG_COMMUNE } from '../../model/economy/organisation-table.ts';
import { grown } from '../../model/grown.ts';

/**
 * By asset id, the refresh that last kept it (scratch shared by every run in the process: the
 * refreshes are numbered across them all, so a stamp never matches another run's).
 */
let keptBy = new Int32Array(64);
let refreshes = 0;

/**
 * The vacant positions now, in no order, each once: the list as kept (possession.ts lists each
 * position its possessor leaves) with the enterprise list's assets bought since the last refresh
 * (those past `seen`: that list is in id order), less the possessed, let, retired and repeated.
 */
export function vacantPositionsNow(state: EconomyState): number[] {
  const { assets } = state;
  const positions = state.vacantPositions;
  const list = appendBoughtSince(state, positions);
  if (list.length === 0) return list;
  if (keptBy.length < assets.count) keptBy = grown(keptBy, assets.count);
  const stamp = ++refreshes;
  const { alive, letOut, possessor, ownerKind } = assets;
  let kept = 0;
  for (let k = 0; k < list.length; k++) {
    const a = list[k]!;
    if (keptBy[a] === stamp || possessor[a]! >= 0 || !alive[a] || letOut[a] || ownerKind[a] === ORG_COMMUNE) continue;
    keptBy[a] = stamp;
    list[kept++] = a;
  }
  list.length = kept;
  return list;
}

/**
 * Appends to a kept list of enterprise assets (`ids`) those of the enterprise list bought since
 * it last looked (past `seen`: that list is in id order), and moves `seen` on; returns `ids`.
 * Shared by the vacant positions here and the labour market's positions (labour-market.ts).
 */
export function appendBoughtSince(state: EconomyState, kept: { readonly ids: number[]; seen: number }): number[] {
  const list = kept.ids;
  const enterprise = state.enterpriseAssets;
  let from = enterprise.length;
  while (from > 0 && enterprise[from - 1]! > kept.seen) from--;
  for (let k = from; k < enterprise.length; k++) list.push(enterprise[k]!);
  if (enterprise.length > 0) kept.seen = Math.max(kept.seen, enterprise[enterprise.length - 1]!);
  return list;
}
