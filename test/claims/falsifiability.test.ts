// MODEL.md 7 (v3), "Falsifiability": for every claim, two hand-built economies (their reporter
// series, 20 replicates each) that differ only in the mechanism the claim is about; the verdict
// must come out one way in one and the other way in the other. Each test also replaces the
// claim's measurements by constants and checks that the two verdicts then coincide: a claim
// measured by a constant could not pass its falsifiability test.
import { describe, expect, it } from 'vitest';
import { CLAIMS } from '../../src/model/claims/claim-definitions.ts';
import { BASE, type ClaimDefinition } from '../../src/model/claims/claim.ts';
import { judgeClaims, type ClaimVerdict } from '../../src/model/claims/judge-claims.ts';
import { claimWindow, runSeriesOf, type RunSeries } from '../../src/model/claims/series-window.ts';
import { RandomStreams } from '../../src/model/random.ts';

const YEARS = 30;
const REPLICATES = 20;
const ticks = Float64Array.from({ length: YEARS + 1 }, (_, y) => 12 * y);
/** A series f(year) plus a small replicate-specific wobble (so intervals have a width). */
const series = (k: number, f: (year: number) => number, wobble = 0.002) => Float64Array.from(ticks, (t, i) => f(t / 12) + wobble * Math.sin(7 * k + 3 * i));

type Economy = (k: number) => Record<string, Record<string, Float64Array>>;

function verdictOf(claim: ClaimDefinition, economy: Economy): ClaimVerdict {
  const variants = [BASE, ...claim.variants.map((v) => v.name)];
  const runs: RunSeries[][] = variants.map((variant) => Array.from({ length: REPLICATES }, (_, k) =>
    runSeriesOf(ticks, economy(k)[variant] ?? economy(k)[BASE]!, { bonds: { baseYield: 0.05 } })));
  const scenarioOf = new Map(variants.map((v, s) => [v, s] as const));
  const [report] = judgeClaims([{ claim, scenarioOf, blocked: new Map() }], runs, claimWindow(YEARS), new RandomStreams(1, 'falsifiability'));
  return report!.verdict;
}

/** The claim with every measurement replaced by a constant. */
const constantly = (claim: ClaimDefinition): ClaimDefinition => ({ ...claim, measurements: claim.measurements.map((m) => ({ ...m, measure: () => 0.5 })) });

function falsifiable(id: number, holds: Economy, fails: Economy): void {
  const claim = CLAIMS.find((c) => c.id === id)!;
  expect(verdictOf(claim, holds)).toBe('supported');
  expect(verdictOf(claim, fails)).toBe('not supported');
  expect(verdictOf(constantly(claim), holds)).toBe(verdictOf(constantly(claim), fails));
}

describe('every claim can come out either way', () => {
  it('claim 1 fails when members\' holdings of commune bonds concentrate commune claims (top 10% +0.1)', () => {
    const economy = (communeRise: number): Economy => (k) => ({ base: {
      'communeClaims.holdersTop10': series(k, (y) => 0.3 + communeRise * Math.max(0, y - 10) / 20),
      'firmClaims.holdersTop10': series(k, (y) => 0.5 + 0.005 * y),
      'communeClaims.top10': series(k, () => 0.3), 'firmClaims.top10': series(k, () => 1), 'possession.gini': series(k, () => 0.2),
    } });
    falsifiable(1, economy(0), economy(0.1));
  });

  it('claim 2 fails when non-members\' rent fills the pools, so members receive more than they pay at the per-capita share', () => {
    const economy = (intercept: number): Economy => (k) => ({ base: {
      'rentVsUse.redeemedSlope': series(k, () => 900), 'rentVsUse.redeemedIntercept': series(k, () => intercept, 2),
      'rentVsUse.redeemedMeanRent': series(k, () => 1000),
    } });
    falsifiable(2, economy(10), economy(-300));
  });

  it('claim 3 fails when switching communes off leaves firms\' property share and wages as they were (no denial of access)', () => {
    const economy = (effect: number): Economy => (k) => ({
      base: { 'firms.propertyShareOfValueAdded': series(k, () => 0.3), 'firms.wagePerSkill': series(k, () => 2000, 1) },
      communesOff: { 'firms.propertyShareOfValueAdded': series(k, () => 0.3 * (1 + effect)), 'firms.wagePerSkill': series(k, () => 2000 * (1 - effect), 1) },
    });
    falsifiable(3, economy(0.1), economy(0));
  });

  it('claim 4 fails when the between-cooperative share does not grow with endowment spread (no channel of exploitation)', () => {
    const economy = (perSpread: number): Economy => (k) => {
      const at = (spread: number) => ({ 'cooperatives.theilBetweenShare': series(k, () => 0.2 + perSpread * spread) });
      return { base: at(0.5), spread0: at(0), spread05: at(0.5), spread1: at(1) };
    };
    falsifiable(4, economy(0.1), economy(-0.05));
  });

  it('claim 5 fails when merges never happen and merged communes are no more stable at equal size', () => {
    const economy = (merging: boolean): Economy => (k) => ({
      base: {}, mergesOn: {
        'communes.merges': series(k, (y) => (merging ? y : 0), 0), 'communes.failureHazard': series(k, () => (merging ? 0.02 : 0.05)),
        'communes.dividendVariabilitySizeAdjusted': series(k, () => (merging ? 0.2 : 0.3)),
      },
      mergesOff: {
        'communes.merges': series(k, () => 0, 0), 'communes.failureHazard': series(k, () => 0.05),
        'communes.dividendVariabilitySizeAdjusted': series(k, () => 0.3),
      },
    });
    falsifiable(5, economy(true), economy(false));
  });

  /** Claim 6's economy: unmet demand per year, and commune bonds' annual loss rate against series clearing 2 points over the market's 5%. */
  const bondEconomy = (unmetPerYear: number, communeLossRate: number): Economy => (k) => {
    const run = {
      'bonds.requestsMade': series(k, (y) => 100 * y, 0), 'bonds.requestsCleared': series(k, (y) => 95 * y, 0),
      'bonds.unmetDemand': series(k, (y) => unmetPerYear * y, 0),
      'bonds.losses': series(k, (y) => 200 * y, 0), 'bonds.outstanding': series(k, () => 100_000, 0),
      'bonds.clearingYield': series(k, () => 0.07, 0.001), 'bonds.marketReturn': series(k, () => 0.05, 0.001),
      'bonds.commune.lossRate': series(k, () => communeLossRate, 0.001),
      'communes.ownedOutrightShare': series(k, () => 0.5), 'communes.ownedOutrightCeilingByClass': series(k, () => 0.55),
      'communes.ownedOutrightCeilingOnSchedule': series(k, () => 0.55),
      'communes.ownedOutrightCeiling': series(k, () => 0.5), 'communes.interestShareOfRent': series(k, () => 0.2),
    };
    return { base: run, halfCapitalistWealth: run, membersOnlyBonds: run };
  };

  it('claim 6 fails when most who would pay at baseYield never ask (the demand that pre-screening hid)', () => {
    falsifiable(6, bondEconomy(5, 0.005), bondEconomy(200, 0.005));
  });

  it('claim 6 fails when commune bonds lose more a year (4%) than the 2 points over the market return savers were paid for the risk', () => {
    falsifiable(6, bondEconomy(5, 0.005), bondEconomy(5, 0.04));
  });

  it('claim 7 fails when the commune sector never takes off (its share stays under 1%)', () => {
    const economy = (rate: number): Economy => (k) => {
      const share = (y: number) => Math.min(0.8, rate * Math.max(0, y - 3));
      return { base: {
        'communes.assetShareByBookValue': series(k, share, 0.0005), 'communes.assetShareByNetEquity': series(k, (y) => share(y) / 2, 0.0005),
        'communes.equity': series(k, () => 0), 'capitalists.wealth': series(k, () => 1),
      } };
    };
    falsifiable(7, economy(0.05), economy(0.0002));
  });

  it('claim 8 fails when producers\' dividends come from others\' rent: of their own product they keep less than employees', () => {
    const economy = (producersShareOfPool: number): Economy => (k) => ({ base: {
      'retained.communeProducers': series(k, () => 1.0), 'retained.communeProducersLabourOnly': series(k, () => 0.55),
      'communes.poolRent': series(k, (y) => 1000 * y, 0), 'communes.poolRentFromProducers': series(k, (y) => 1000 * producersShareOfPool * y, 0),
      'retained.employees': series(k, () => 0.6), 'retained.cooperativeMembers': series(k, () => 0.7), 'retained.selfEmployed': series(k, () => 1),
    } });
    falsifiable(8, economy(0.9), economy(0.05));
  });
});
