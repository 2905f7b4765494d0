// Each claim's measurement and effect on small hand-made series whose answer is known.
import { describe, expect, it } from 'vitest';
import { CLAIMS } from '../../src/model/claims/claim-definitions.ts';
import { BASE, type ClaimDefinition } from '../../src/model/claims/claim.ts';
import {
  claimVerdictOf, effectOf, judgeTest, measureRun, whyNotMeasurable, type TestJudgement,
} from '../../src/model/claims/judge-claims.ts';
import { claimWindow, runSeriesOf, type RunSeries } from '../../src/model/claims/series-window.ts';
import { RandomStreams } from '../../src/model/random.ts';

const YEARS = 20;
const WINDOW = claimWindow(YEARS);
const ticks = Float64Array.from({ length: YEARS + 1 }, (_, y) => 12 * y);
const constant = (v: number) => new Float64Array(ticks.length).fill(v);
const line = (at0: number, perYear: number) => Float64Array.from(ticks, (t) => at0 + perYear * (t / 12));

const claim = (id: number): ClaimDefinition => CLAIMS.find((c) => c.id === id)!;
const run = (columns: Record<string, ArrayLike<number>>, parameters: unknown = {}) => runSeriesOf(ticks, columns, parameters);
const effect = (id: number, testId: string, runs: Record<string, RunSeries>) => {
  const c = claim(id);
  return effectOf(c, c.tests.find((t) => t.id === testId)!, new Map(Object.entries(runs)), WINDOW);
};
const value = (id: number, measurementId: string, r: RunSeries) =>
  measureRun(r, WINDOW, [claim(id)]).find((m) => m.measurement.id === measurementId)!.value;

describe('the eight claims as measurements', () => {
  it('defines claims 1 to 8, each with the sentence it tests and at least one verdict test', () => {
    expect(CLAIMS.map((c) => c.id)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    expect(claim(1).sentence).toBe('"Property can never be concentrated in fewer and fewer hands"');
    for (const c of CLAIMS) expect(c.tests.some((t) => t.role === 'verdict')).toBe(true);
  });

  it('claim 1: a flat commune top-10 series does not rise, a rising firm series rises', () => {
    const flat = { 'communeClaims.holdersTop10': constant(0.3), 'firmClaims.holdersTop10': line(0.5, 0.005), 'possession.gini': constant(0.2) };
    expect(effect(1, 'claim1.communeDoesNotRise', { base: run(flat) })).toBe(0);
    // 0.005 a year from year 10 to 20: +0.05.
    expect(effect(1, 'claim1.firmRises', { base: run(flat) })).toBeCloseTo(0.05, 12);
    const rising = { ...flat, 'communeClaims.holdersTop10': line(0.3, 0.01) };
    expect(effect(1, 'claim1.communeDoesNotRise', { base: run(rising) })).toBeCloseTo(0.1, 12);
    expect(value(1, 'claim1.possessionGini', run(flat))).toBeCloseTo(0.2, 12);
  });

  it('claim 2: slope and intercept are judged relative to mean rent on redeemed assets', () => {
    const r = run({ 'rentVsUse.redeemedSlope': constant(500), 'rentVsUse.redeemedIntercept': constant(-20), 'rentVsUse.redeemedMeanRent': constant(1000) });
    expect(effect(2, 'claim2.slopePositive', { base: r })).toBeCloseTo(0.5, 12);
    // |intercept| is 2% of mean rent: 3 points inside the 5% band.
    expect(effect(2, 'claim2.interceptNearZero', { base: r })).toBeCloseTo(0.03, 12);
  });

  it('claim 3: relative changes with communes off against the base', () => {
    const on = run({ 'firms.propertyShareOfValueAdded': constant(0.3), 'firms.wagePerSkill': constant(2000) });
    const off = run({ 'firms.propertyShareOfValueAdded': constant(0.36), 'firms.wagePerSkill': constant(1800) });
    expect(effect(3, 'claim3.propertyShareRisesWithoutCommunes', { base: on, communesOff: off })).toBeCloseTo(0.2, 12);
    expect(effect(3, 'claim3.wageFallsWithoutCommunes', { base: on, communesOff: off })).toBeCloseTo(-0.1, 12);
  });

  it('claim 4: the between share kept from year 1, and its slope on endowment spread', () => {
    const share = (later: number) => run({ 'cooperatives.theilBetweenShare': Float64Array.from(ticks, (t) => (t <= 12 ? 0.4 : later)) });
    expect(effect(4, 'claim4.keepsHalf', { base: share(0.3) })).toBeCloseTo(0.75 - 0.5, 12);
    // 0.1, 0.2, 0.3 at spreads 0, 0.5, 1: slope 0.2 per unit of spread.
    expect(effect(4, 'claim4.risesWithSpread', { spread0: share(0.1), spread05: share(0.2), spread1: share(0.3) })).toBeCloseTo(0.2, 12);
  });

  it('claim 5: a run with a merge counts toward the 80%, and hazards are compared relative to merges off', () => {
    const with_ = (merges: number, hazard: number) => run({
      'communes.merges': line(0, merges / YEARS), 'communes.failureHazard': constant(hazard),
      'communes.dividendVariability': constant(0.1), 'communes.meanSize': constant(8),
    });
    expect(effect(5, 'claim5.mergesHappen', { mergesOn: with_(3, 0.02), mergesOff: with_(0, 0.05) })).toBeCloseTo(0.2, 12);
    expect(effect(5, 'claim5.mergesHappen', { mergesOn: with_(0, 0.02), mergesOff: with_(0, 0.05) })).toBeCloseTo(-0.8, 12);
    // 0.02 against 0.05 failures per commune-year: 60% fewer.
    expect(effect(5, 'claim5.hazardFalls', { mergesOn: with_(3, 0.02), mergesOff: with_(0, 0.05) })).toBeCloseTo(-0.6, 12);
    expect(effect(5, 'claim5.hazardFalls', { mergesOn: with_(3, 0), mergesOff: with_(0, 0) })).toBeNaN();
  });

  it('claim 6: requests cleared in the window, annual loss rate against the premium, owned outright against its ceiling', () => {
    const r = run({
      // 100 requests a year, 90 cleared: 0.9 in the window.
      'bonds.requestsMade': line(0, 100), 'bonds.requestsCleared': line(0, 90),
      // 1,000 lost a year on 100,000 outstanding: 1% a year.
      'bonds.losses': line(0, 1000), 'bonds.outstanding': constant(100_000),
      'communes.ownedOutrightShare': constant(0.45), 'communes.ownedOutrightCeiling': constant(0.5),
      'communes.interestShareOfRent': constant(0.2),
    }, { bonds: { newIssuerPremium: 0.015 } });
    expect(effect(6, 'claim6.base.cleared', { base: r })).toBeCloseTo(0.1, 12);
    expect(effect(6, 'claim6.base.lossesBelowPremium', { base: r })).toBeCloseTo(0.005, 12);
    expect(effect(6, 'claim6.base.ownedOutright', { base: r })).toBeCloseTo(0.1, 12);
  });

  it('claim 7: the trend of the commune share, and the year commune equity passes capitalist wealth', () => {
    const r = run({
      'communes.assetShareByBookValue': line(0.1, 0.01), 'communes.assetShareByNetEquity': constant(0.05),
      'communes.equity': line(0, 100), 'capitalists.wealth': constant(1250),
    });
    expect(effect(7, 'claim7.bookValueShareRises', { base: r })).toBeCloseTo(0.01, 12);
    expect(effect(7, 'claim7.netEquityShareRises', { base: r })).toBeCloseTo(0, 12);
    expect(value(7, 'claim7.passYear', r)).toBe(13);
  });

  it('claim 8: commune producers against employees and cooperative members', () => {
    const r = run({
      'retained.communeProducers': constant(0.9), 'retained.employees': constant(0.6),
      'retained.cooperativeMembers': constant(0.95), 'retained.selfEmployed': constant(1),
    });
    expect(effect(8, 'claim8.overEmployees', { base: r })).toBeCloseTo(0.3, 12);
    expect(effect(8, 'claim8.overCooperativeMembers', { base: r })).toBeCloseTo(-0.05, 12);
  });

  it('reports a measurement whose reporters the run lacks as not measurable, naming them', () => {
    const communesOnly = run({ 'communeClaims.holdersTop10': constant(0.3), 'possession.gini': constant(0.2) });
    const measured = measureRun(communesOnly, WINDOW, [claim(1)]);
    const firm = measured.find((m) => m.measurement.id === 'claim1.firmTop10Change')!;
    expect(firm.value).toBeNaN();
    expect(firm.missing).toEqual(['firmClaims.holdersTop10']);
    expect(measured.find((m) => m.measurement.id === 'claim1.communeTop10Change')!.missing).toEqual([]);
    const test = claim(1).tests.find((t) => t.id === 'claim1.firmRises')!;
    expect(whyNotMeasurable(claim(1), test, new Map([[BASE, communesOnly]]), new Map())).toBe('needs reporter firmClaims.holdersTop10');
  });

  it('reports a test whose variant the scenario cannot run as not measurable, with the switch it needs', () => {
    const test = claim(4).tests.find((t) => t.id === 'claim4.risesWithSpread')!;
    const unavailable = new Map([['spread0', 'scenario switch cooperatives.endowmentSpread']]);
    const r = run({ 'cooperatives.theilBetweenShare': constant(0.1) });
    expect(whyNotMeasurable(claim(4), test, new Map([['spread05', r], ['spread1', r]]), unavailable))
      .toBe('needs scenario switch cooperatives.endowmentSpread');
  });
});

describe('a claim\'s verdict from its tests', () => {
  const rng = () => new RandomStreams('claims-test').get('bootstrap');
  const judged = (id: number, testId: string, effects: number[]): TestJudgement =>
    judgeTest(claim(id).tests.find((t) => t.id === testId)!, effects, rng());

  it('is supported only when every verdict test is', () => {
    const firmRises = judged(1, 'claim1.firmRises', [0.05, 0.06, 0.04, 0.05]);
    const communeFlat = judged(1, 'claim1.communeDoesNotRise', [0, 0, 0, 0]);
    expect(firmRises.verdict).toBe('supported');
    expect(communeFlat.verdict).toBe('supported');
    expect(claimVerdictOf([firmRises, communeFlat])).toBe('supported');
    const communeRises = judged(1, 'claim1.communeDoesNotRise', [0.02, 0.03, 0.025, 0.02]);
    expect(claimVerdictOf([firmRises, communeRises])).toBe('not supported');
  });

  it('is not measurable when fewer than two replicates give a number', () => {
    const j = judged(7, 'claim7.bookValueShareRises', [Number.NaN, 0.01, Number.NaN]);
    expect(j.verdict).toBe('not measurable');
    expect(claimVerdictOf([j])).toBe('not measurable');
  });

  it('leaves repeats out of the claim\'s verdict', () => {
    const base = ['cleared', 'lossesBelowPremium', 'ownedOutright'].map((t) => judged(6, `claim6.base.${t}`, [0.1, 0.12, 0.11]));
    const repeat = judged(6, 'claim6.membersOnlyBonds.cleared', [-0.5, -0.6, -0.55]);
    expect(repeat.verdict).toBe('not supported');
    expect(claimVerdictOf([...base, repeat])).toBe('supported');
  });
});
