// MODEL.md 2 and 5, one labour market: the positions open this month (vacant assets of firms,
// and of cooperatives that hire non-members), the cooperatives a person may apply to, and the
// hiring that follows the mode choices. Applicants are served in a seeded order; a firm fills
// its vacancies and counts the applicants it turned away (queued). Then each firm's wage rate
// moves 1% up while a vacancy stays open, no higher than what the open position can pay after
// its capital's user cost, and 1% down while applicants queue or while it is above what its best
// position can pay (MODEL.md 5).
import type { RandomStream } from '../../model/random.ts';
import { grown } from '../../model/grown.ts';
import { settleObjectFields } from '../../model/number-fields.ts';
import { hasEnterprises, type EconomyState } from '../../model/economy/economy-state.ts';
import { ORG_COMMUNE, ORG_COOPERATIVE, ORG_FIRM } from '../../model/economy/organisation-table.ts';
import { MODE_EMPLOYEE } from '../../model/economy/person-table.ts';
import { cooperativeEquity } from '../../model/economy/net-worth.ts';
import { cutToPayable, nextWageRate, wageCeilingOf } from '../firm/wage-rate.ts';
import { hurdleYield } from '../cooperative/idle-capital.ts';
import { admitMember, equipMembers } from '../cooperative/admission-phase.ts';
import { leaveCooperative } from '../cooperative/leaving.ts';
import { startWork } from './possession.ts';
import { appendBoughtSince, vacantPositionsNow } from './vacant-positions.ts';
import type { SaverQueue } from './savers.ts';

export interface LabourMarket {
  /** Vacant positions open to applicants (asset ids), the first `vacancyCount`. */
  vacant: Int32Array;
  vacancyCount: number;
  /**
   * The positions firms' employees work (asset ids), the first `filledCount`: a job seeker's
   * referral is drawn among them, so a firm is met in proportion to its size (Gibrat growth,
   * see `openLabourMarket`), beside the vacancies it samples (mode-choice.ts).
   */
  filled: Int32Array;
  filledCount: number;
  /** Cooperatives alive, by id. */
  coops: number[];
  /** Per person: 1 when its application this month is for membership, 0 for employment. */
  asMember: Uint8Array;
  /** Cooperatives' book equity as mode choice saw it (buy-ins), reused by admissions (other entries zero). */
  equity: Float64Array | undefined;
  /** Vacant assets per organisation id during hiring (lists reused month to month). */
  readonly vacantByOrg: number[][];
  /**
   * Per organisation id, its positions (assets alive and not let out, worked or vacant), counted
   * when the market opens: a firm's stand until investment reads them (investment.ts), as the
   * month's auctions, requests, hiring and admissions move workers between positions and buy
   * only assets let at once or cooperatives' assets.
   */
  positions: Int32Array;
}

export function newLabourMarket(persons: number): LabourMarket {
  return settleObjectFields({ vacant: new Int32Array(64), vacancyCount: 0, filled: new Int32Array(64), filledCount: 0, coops: [], asMember: new Uint8Array(persons), equity: undefined, vacantByOrg: [], positions: new Int32Array(64) });
}

/**
 * Lists this month's open positions and cooperatives (before mode choices), and the filled
 * positions of firms. A seeker meets a firm through its workforce (hiring by referral:
 * Montgomery 1991, AER 81(5); Granovetter's *Getting a Job*), so applications, and with them a
 * firm's expansion (investment.ts expands a full firm that turns applicants away), grow in
 * proportion to its size: Gibrat's law of proportional growth, which with entry and exit gives
 * the Zipf tail of firm sizes (Gabaix 1999, QJE 114(3); Axtell 2001, Science 293). It also
 * samples posted vacancies, each equally likely (mode-choice.ts): drawn among the filled and
 * open positions together, a new firm's one vacancy was one in 18,000 and no firm founded
 * after year 15 hired anyone (issue 14).
 */
export function openLabourMarket(state: EconomyState, market: LabourMarket): void {
  const { orgs, params } = state;
  market.vacancyCount = 0;
  market.filledCount = 0;
  market.coops.length = 0;
  state.bestOpenWageRateCents = 0;
  state.jobFindingChance = 0;
  for (const org of orgs.all) if (org.alive && org.kind === ORG_COOPERATIVE) market.coops.push(org.id);
  if (!hasEnterprises(state)) return;
  listPositions(state, market);
  // The persons who look for work this month compete for these positions (willingness.ts).
  const looking = params.reconsiderPerMonth * state.persons.count;
  state.jobFindingChance = market.vacancyCount === 0 ? 0 : looking <= market.vacancyCount ? 1 : market.vacancyCount / looking;
}

/**
 * The positions of the enterprise list, in its order: firms' filled ones, and the vacant ones
 * open to applicants, with the best wage on offer (every person's open alternative, MODEL.md
 * 10.4). The lists are grown once to the enterprise list's length (an entry per asset at
 * most) and counted in locals, not grown and counted on the market per entry. The walk is over
 * the kept list of positions (`positionsNow`), not the enterprise list: more than half of that
 * is let assets (8,146 entries a month on average in mixed 10,000 x 50 y, 3,626 positions).
 */
function listPositions(state: EconomyState, market: LabourMarket): void {
  const { assets, orgs, params } = state;
  const list = positionsNow(state);
  const filled = market.filled = grown(market.filled, list.length);
  const vacant = market.vacant = grown(market.vacant, list.length);
  // Grown by the shared `grown` (warm type feedback: a growth mid-run does not deoptimise this).
  const positions = market.positions = grown(market.positions, orgs.all.length);
  positions.fill(0, 0, orgs.all.length);
  const { alive, letOut, ownerKind, possessor, owner } = assets;
  const all = orgs.all;
  const hiresOutsiders = params.hiredLabor;
  let filledCount = 0;
  let vacancyCount = 0;
  let best = 0;
  // The kept list loses here the assets retired or let out since the last walk.
  let kept = 0;
  for (let k = 0; k < list.length; k++) {
    const a = list[k]!;
    if (!alive[a] || letOut[a]) continue;
    list[kept++] = a;
    positions[owner[a]!]!++;
    const kind = ownerKind[a]!;
    if (possessor[a]! >= 0) {
      if (kind === ORG_FIRM) filled[filledCount++] = a;
      continue;
    }
    if (kind === ORG_FIRM || (kind === ORG_COOPERATIVE && hiresOutsiders)) {
      vacant[vacancyCount++] = a;
      const rate = all[owner[a]!]!.wageRateCents;
      if (rate > best) best = rate;
    }
  }
  list.length = kept;
  market.filledCount = filledCount;
  market.vacancyCount = vacancyCount;
  state.bestOpenWageRateCents = best;
}

/**
 * The kept list of positions (EconomyState.positionList) brought up to date but for the
 * retired and let out, which the caller drops: the enterprise list's assets bought since the
 * last walk (past `seen`: that list is in id order) appended, and those whose lease ended
 * (`returned`, a few a year) merged in at their places, each once.
 */
function positionsNow(state: EconomyState): number[] {
  const kept = state.positionList;
  const list = appendBoughtSince(state, kept);
  if (kept.returned.length > 0) mergeReturned(list, kept.returned);
  return list;
}

/** Merges `returned` (emptied) into the ascending `list`, skipping those already in it. */
function mergeReturned(list: number[], returned: number[]): void {
  returned.sort((x, y) => x - y);
  const merged: number[] = [];
  let i = 0;
  for (let j = 0; j < returned.length; j++) {
    const r = returned[j]!;
    while (i < list.length && list[i]! < r) merged.push(list[i++]!);
    if ((i < list.length && list[i] === r) || (merged.length > 0 && merged[merged.length - 1] === r)) continue;
    merged.push(r);
  }
  while (i < list.length) merged.push(list[i++]!);
  returned.length = 0;
  list.length = 0;
  for (let k = 0; k < merged.length; k++) list.push(merged[k]!);
}

/** Scratch: one firm's wage ceiling by asset class. */
let ceilingOf = new Float64Array(8);

/**
 * Serves this month's applicants, equips cooperative members, and moves wage rates. Each walk
 * is a function of its own: V8 compiles each for its own loop, not one body whose inlining
 * budget the first walks spend.
 */
export function hireApplicants(state: EconomyState, market: LabourMarket, rng: RandomStream, queue: SaverQueue): void {
  if (!hasEnterprises(state)) return;
  listVacanciesByOrg(state, market);
  for (const org of state.orgs.all) org.queued = 0;
  rng.shuffle(state.persons.applicants, state.persons.applicantCount);
  serveApplicants(state, market, rng, queue);
  equipMembers(state, market.vacantByOrg, queue, rng);
  moveWageRates(state, market.vacantByOrg);
}

/**
 * Each organisation's vacant positions (its own assets, alive, not let out, nobody on them), in
 * id order (the enterprise list's): the kept list's (vacant-positions.ts), sorted. Its positions
 * were counted when the labour market opened: since then the month's rental auctions and
 * requests have moved possessors and let only assets bought to let, so the counts stand.
 */
function listVacanciesByOrg(state: EconomyState, market: LabourMarket): void {
  const { orgs, assets } = state;
  const { vacantByOrg } = market;
  while (vacantByOrg.length < orgs.all.length) vacantByOrg.push([]);
  // Emptied by pops: a few entries each, where setting the length is a call into the runtime.
  for (let o = 0; o < vacantByOrg.length; o++) {
    const list = vacantByOrg[o]!;
    while (list.length > 0) list.pop();
  }
  const kept = vacantPositionsNow(state);
  const ids = vacantIds = grown(vacantIds, kept.length);
  for (let k = 0; k < kept.length; k++) ids[k] = kept[k]!;
  const sorted = ids.subarray(0, kept.length).sort();
  const owner = assets.owner;
  for (let k = 0; k < sorted.length; k++) vacantByOrg[owner[sorted[k]!]!]!.push(sorted[k]!);
}

/** Scratch: the vacant positions' ids, to sort. */
let vacantIds = new Int32Array(64);

/** The applicants in their shuffled order: admitted as members, hired, or queued. */
function serveApplicants(state: EconomyState, market: LabourMarket, rng: RandomStream, queue: SaverQueue): void {
  const { persons, orgs, params } = state;
  const vacantByOrg = market.vacantByOrg;
  // Between mode choice and here only communes' assets change: cooperatives' equity stands.
  const equity = market.coops.length > 0 ? market.equity ?? cooperativeEquity(state) : undefined;
  for (let k = 0; k < persons.applicantCount; k++) {
    const p = persons.applicants[k]!;
    const target = persons.appliedTo[p]!;
    persons.appliedTo[p] = -1;
    if (target < 0 || !orgs.all[target]!.alive) continue;
    const org = orgs.all[target]!;
    if (market.asMember[p]) {
      if (equity !== undefined) admitMember(state, org, p, equity[target]!, vacantByOrg[target]!, queue, rng);
      continue;
    }
    const vacant = vacantByOrg[target]!;
    if (vacant.length === 0 || (org.kind === ORG_COOPERATIVE && !params.hiredLabor)) { org.queued++; continue; }
    if (persons.coopOf[p]! >= 0) leaveCooperative(state, p);
    startWork(state, vacant.pop()!, p, MODE_EMPLOYEE);
  }
  persons.applicantCount = 0;
}

/** Each firm's wage rate after this month's hiring. */
function moveWageRates(state: EconomyState, vacantByOrg: number[][]): void {
  const { orgs, assets, params } = state;
  const hurdle = hurdleYield(state);
  const classes = assets.classProductive.length;
  if (ceilingOf.length < classes) ceilingOf = new Float64Array(classes);
  for (const org of orgs.all) {
    if (!org.alive || org.kind !== ORG_FIRM) continue;
    const vacant = vacantByOrg[org.id]!;
    org.vacancies = vacant.length;
    // Each class's ceiling at this firm's productivity, once a firm a month.
    for (let c = 0; c < classes; c++) ceilingOf[c] = wageCeilingOf(state, org.productivity, c, hurdle);
    // A raise stops at what its best open position can pay a unit of skill after the capital's
    // user cost (wage-rate.ts); a position left open at that offer is let out (letOutVacantAssets).
    let ceiling = 0;
    for (const a of vacant) ceiling = Math.max(ceiling, ceilingOf[assets.cls[a]!]!);
    org.wageRateCents = nextWageRate(org.wageRateCents, org.vacancies, org.queued, params.wageFloorCents, undefined, ceiling);
    // A rate above what its best position can pay is cut 1% a month, toward that (wage-rate.ts).
    let payable = 0;
    for (let c = 0; c < classes; c++) if (assets.classProductive[c]) payable = Math.max(payable, ceilingOf[c]!);
    org.wageRateCents = cutToPayable(org.wageRateCents, payable, params.wageFloorCents);
  }
}
