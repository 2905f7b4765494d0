// The reporters the claims need, on hand-built economies whose answers are worked out by hand.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import {
  communeAssetShares, communeFailureHazard, holdersTop10Sorted, ownedOutrightCeiling, rentVsUseFit, rentVsUseRedeemed,
} from '../../src/model/economy/claim-metrics.ts';
import { CLAIMS } from '../../src/model/claims/claim-definitions.ts';
import { loadScenario } from '../../src/scenarios/load.ts';
import { createSimulation } from '../../src/scenarios/create-simulation.ts';
import { ORG_FIRM } from '../../src/model/economy/organisation-table.ts';
import { economyReporters } from '../../src/model/economy/metrics.ts';
import { topShare } from '../../src/model/inequality.ts';
import { recountOrganisations } from '../../src/agents/economy/membership.ts';
import { issueSeries } from '../../src/model/market/bond-auction.ts';
import { FLOW, WORLD } from '../../src/model/ledger.ts';
import type { EconomyState } from '../../src/model/economy/economy-state.ts';
import { endow, handBuiltEconomy } from '../economy/hand-built-economy.ts';

const WORKSHOP = 0; // 120,000 units
const TOOLKIT = 1; // 40,000 units
const HOME = 2; // 60,000 units, not productive

function possess(state: EconomyState, person: number, asset: number, rentUnits: number, home = false): void {
  state.assets.possessor[asset] = person;
  state.assets.rentCents[asset] = rentUnits * 100;
  if (home) state.persons.home[person] = asset;
  else state.persons.asset[person] = asset;
}

describe('claim 2: rent minus dividend against relative use', () => {
  it('pools members of several communes, each measured against its own per-capita use', () => {
    // Commune 0 uses 0, 1, 2 (per capita 1); commune 1 uses 10 and 30 (per capita 20). Rent
    // is 1,000 per unit of relative use, every dividend 1,000: all five rows lie on
    // y = 1000 x, so the fit's slope is 1,000 and its intercept 0.
    const fit = rentVsUseFit([0, 0, 0, 1, 1], [0, 1, 2, 10, 30], [0, 1000, 2000, 500, 1500], [1000, 1000, 1000, 1000, 1000]);
    expect(fit.slope).toBeCloseTo(1000, 9);
    expect(fit.intercept).toBeCloseTo(0, 9);
    expect(fit.meanRent).toBeCloseTo(1000, 9);
    expect(fit.n).toBe(5);
  });

  it('counts only the commune\'s own redeemed assets as use and rent', () => {
    const state = handBuiltEconomy({ communes: { foundersEach: 4 } });
    recountOrganisations(state);
    const founders: number[] = [];
    for (let p = 0; p < state.persons.count; p++) if (state.persons.memberOf[p] === 0) founders.push(p);
    expect(founders.length).toBe(4);
    const [a, b, c] = founders as [number, number, number, number];
    possess(state, a, state.assets.add(WORKSHOP, 0, 0), 2000);
    possess(state, b, state.assets.add(TOOLKIT, 0, 0), 1000);
    // Still financed by bonds: neither its use nor its rent counts on redeemed assets.
    const financed = state.assets.add(WORKSHOP, 0, 0);
    state.assets.series[financed] = 0;
    possess(state, c, financed, 3000);
    state.orgs.get(0).dividendPerMemberMonthly = 750 * 100;
    // Uses 120,000, 40,000, 0, 0: per capita 40,000, so x = 2, 0, -1, -1; y = rent - 750 =
    // 1,250, 250, -750, -750. Slope = sum xy / sum x^2 = 4,000 / 6; intercept = mean y = 0.
    const fit = rentVsUseRedeemed(state);
    expect(fit.n).toBe(4);
    expect(fit.slope).toBeCloseTo(4000 / 6, 9);
    expect(fit.intercept).toBeCloseTo(0, 9);
    expect(fit.meanRent).toBeCloseTo(750, 9);
  });
});

describe('claim 5: commune failure hazard', () => {
  it('counts failures of the last twelve months per commune-year alive in them', () => {
    const state = handBuiltEconomy({ communes: { initialCount: 2, foundersEach: 2 } });
    state.tick = 24;
    const failed = state.orgs.get(1);
    failed.alive = false;
    failed.endedTick = 18;
    state.events.push({ tick: 18, kind: 'failure', org: 1, other: -1, sizeA: 2, sizeB: 0 });
    // Commune 0 alive 12 months of the window, commune 1 six: 1.5 commune-years, one failure.
    expect(communeFailureHazard(state)).toBeCloseTo(1 / 1.5, 12);
    state.tick = 36;
    expect(communeFailureHazard(state)).toBe(0);
  });
});

describe('claim 7: the commune share of productive assets', () => {
  it('nets the bonds outstanding on commune assets and leaves housing out', () => {
    const state = handBuiltEconomy();
    const workshop = state.assets.add(WORKSHOP, 0, 0);
    state.assets.add(TOOLKIT, 0, 0);
    state.assets.add(HOME, 0, 0);
    endow(state, 5, 1_000_000);
    const series = issueSeries(state.ledger, state.bonds, [{ bidder: state.persons.firstAccount + 5, amountCents: 1_000_000, annualYield: 0.05 }],
      { issuer: 0, issuerAccount: state.orgs.get(0).account, asset: workshop, tick: 0, maturityMonths: 120 });
    state.ledger.transfer(state.orgs.get(0).account, WORLD, 1_000_000, FLOW['asset-purchase']);
    state.assets.series[workshop] = series;
    // Book value 120,000 + 40,000 units; 10,000 of it still owed to bondholders.
    const shares = communeAssetShares(state);
    expect(shares.byBookValue).toBe(1);
    expect(shares.byNetEquity).toBeCloseTo(150_000 / 160_000, 12);
  });

  it('is listed among the economy\'s reporters with every id the claims read', () => {
    const ids = economyReporters().map((r) => r.id);
    for (const id of ['rentVsUse.slope', 'rentVsUse.redeemedIntercept', 'communes.failureHazard', 'communeClaims.holdersTop10', 'firmClaims.holdersTop10',
      'communes.assetShareByBookValue', 'communes.assetShareByNetEquity', 'communes.equity', 'capitalists.wealth']) {
      expect(ids).toContain(id);
    }
  });
});

describe('claim 1: concentration among holders', () => {
  it('takes the top 10% share among persons holding any claim, ignoring those who hold none', () => {
    // Ten holders (1 each, one of them 10) among ninety persons holding nothing: the top
    // holder has 10 of 19. Across all hundred persons the top ten would hold everything.
    const values = new Float64Array(100);
    for (let i = 0; i < 10; i++) values[i * 10] = i === 0 ? 10 : 1;
    expect(holdersTop10Sorted(values.slice().sort())).toBeCloseTo(10 / 19, 12);
    expect(holdersTop10Sorted(new Float64Array(5))).toBeNaN();
  });

  it('reads the holders as the positive tail of the sorted values: zeros and negatives are not holders', () => {
    const raw = Float64Array.from({ length: 997 }, (_, i) => (i % 7 === 0 ? 0 : i % 11 === 0 ? -3 : ((i * 7919) % 1009) * 1.37));
    const sorted = raw.slice().sort();
    expect(holdersTop10Sorted(sorted)).toBe(topShare(raw.filter((v) => v > 0).sort(), 0.1));
    expect(holdersTop10Sorted(new Float64Array(5))).toBeNaN();
  });
});

describe('claim 6: the owned-outright ceiling', () => {
  /** A commune home bought in month `tick` with a series of `maturityMonths` (1,000 units lent by person 5). */
  function financedHome(state: EconomyState, tick: number, maturityMonths = 120): number {
    const home = state.assets.add(HOME, 0, tick);
    const series = issueSeries(state.ledger, state.bonds, [{ bidder: state.persons.firstAccount + 5, amountCents: 100_000, annualYield: 0.05 }],
      { issuer: 0, issuerAccount: state.orgs.get(0).account, asset: home, tick, maturityMonths });
    state.assets.series[home] = series;
    return home;
  }

  /** The claim's owned-outright test reads this ratio: its two reporters, sampled on `state`. */
  function claimRatio(state: EconomyState): { share: number; ceiling: number } {
    const measurement = CLAIMS.find((c) => c.id === 6)!.measurements.find((m) => m.id === 'claim6.ownedOutrightOfCeiling')!;
    const [share, ceiling] = measurement.needs.map((id) => economyReporters().find((r) => r.id === id)!.sample(state, { ticksDone: state.tick } as never));
    return { share: share!, ceiling: ceiling! };
  }

  it('counts assets with no series outstanding and those past their last scheduled payment, not those within their schedule', () => {
    const state = handBuiltEconomy();
    endow(state, 5, 10_000_000);
    state.assets.add(WORKSHOP, 0, 0); // bought without bonds (an initial asset, or out of a reserve)
    financedHome(state, 100); // issued in month 100: last scheduled payment in month 220
    financedHome(state, 180); // in month 180: in month 300
    financedHome(state, 181); // in month 181: in month 301
    state.assets.add(TOOLKIT, 1, 0, ORG_FIRM); // a firm's: not counted
    // The sample after month 300 (tick 301): the first two series are past their last scheduled
    // payment (in arrears), the third is not yet due in full.
    state.tick = 301;
    expect(ownedOutrightCeiling(state)).toBeCloseTo(3 / 4, 12);
    state.tick = 302;
    expect(ownedOutrightCeiling(state)).toBeCloseTo(4 / 4, 12);
    state.tick = 220;
    expect(ownedOutrightCeiling(state)).toBeCloseTo(1 / 4, 12);
    state.tick = 221;
    expect(ownedOutrightCeiling(state)).toBeCloseTo(2 / 4, 12);
  });

  it('bounds the owned-outright share in a stock older than the steady state (the per-class steady-state share did not)', () => {
    // Four commune homes (40-year lives) bought with 10-year bonds in the first year, every
    // series redeemed in its 121st month, seen at year 25: all are owned outright. The steady
    // state, 1 - 121/480 = 0.75 of them, would hold if their ages were spread over 40 years.
    const state = handBuiltEconomy();
    endow(state, 5, 10_000_000);
    for (let k = 0; k < 4; k++) {
      const home = financedHome(state, 3 * k);
      state.assets.series[home] = -1;
      state.redeemedByClass[HOME]!++;
      state.redemptionMonthsByClass[HOME]! += 121;
    }
    state.tick = 300;
    const { share, ceiling } = claimRatio(state);
    expect(share).toBe(1);
    expect(share / ceiling).toBeLessThanOrEqual(1);
    expect(economyReporters().find((r) => r.id === 'communes.ownedOutrightCeilingByClass')!.sample(state, { ticksDone: 300 } as never)).toBeCloseTo(1 - 121 / 480, 12);
  });

  it('is never exceeded at any sample of a mixed run whose commune stock ages (it reached 1.23 of the per-class steady-state share)', () => {
    const file = new URL('../../scenarios/mixed.yaml', import.meta.url).pathname;
    const scenario = loadScenario(readFileSync(file, 'utf8'), file, { 'persons.count': 200, years: 20 });
    const simulation = createSimulation(scenario, { replicateKey: 'r1' });
    simulation.runToEnd();
    const { columns } = simulation.series.sliceFrom(0);
    const ids = simulation.model.scalars.map((r) => r.id);
    const measurement = CLAIMS.find((c) => c.id === 6)!.measurements.find((m) => m.id === 'claim6.ownedOutrightOfCeiling')!;
    const [share, ceiling] = measurement.needs.map((id) => columns[ids.indexOf(id)]!);
    let sampled = 0;
    for (let i = 0; i < share!.length; i++) {
      if (!(ceiling![i]! > 0)) continue;
      sampled++;
      expect(share![i]!).toBeLessThanOrEqual(ceiling![i]!);
    }
    expect(sampled).toBeGreaterThan(10);
  });
});
