// MODEL.md 7, the manifesto's eight claims as measurements. Each claim quotes the sentence it
// tests; its measurements read one run's reporters over years 11 to the end (see
// series-window.ts); its tests compare paired runs of the variants it names. Where MODEL.md
// leaves a formula open, the choice is written in docs/CLAIMS.md.
import { BASE, type ClaimDefinition, type ClaimTest, type ClaimVariant, type TestRole, type VariantValue } from './claim.ts';
import {
  changeOf, columnOf, custom, finalOf, meanOf, ratioAtEnd, ratioOfChanges, trendOf,
} from './measurement-kinds.ts';
import { firstYearAtLeast, valueAtYear, windowChange, windowMean, windowTrend, type RunSeries, type YearWindow } from './series-window.ts';
import { MONTHS_PER_YEAR } from '../engine.ts';
import { leastSquares } from './least-squares.ts';

type Use = readonly (readonly [variant: string, measurement: string])[];

interface TestOptions {
  /** Compared with this instead of 0 (a share "at least 0.8"). */
  readonly reference?: number;
  /** The effect is 1 or 0 per replicate. */
  readonly binary?: boolean;
  readonly role?: TestRole;
  /** For a check of the rules: why it holds by construction. */
  readonly byDesignBecause?: string;
}

function test(
  id: string, label: string, unit: string, direction: 1 | -1, delta: number,
  uses: Use, effect: (v: VariantValue) => number, options: TestOptions = {},
): ClaimTest {
  const role = options.role ?? (options.byDesignBecause === undefined ? 'evidence' : 'by-design');
  return {
    id, label, unit, direction, delta, role, reference: options.reference ?? 0, binary: options.binary ?? false,
    ...(options.byDesignBecause === undefined ? {} : { byDesignBecause: options.byDesignBecause }),
    uses: uses.map(([variant, measurement]) => ({ variant, measurement })), effect,
  };
}

const variant = (name: string, label: string, overrides: Readonly<Record<string, unknown>>, mustDifferFromBase = false): ClaimVariant =>
  ({ name, label, overrides: () => overrides, mustDifferFromBase });

/** Relative change from `from` to `to` ((to - from) / from). */
const relative = (to: number, from: number) => (to - from) / from;

const claim1: ClaimDefinition = {
  id: 1,
  sentence: '"Property can never be concentrated in fewer and fewer hands"',
  measures: 'the top 10% share of commune claims (net book value per member plus commune bonds held) does not rise from year 10 to the end, while the top 10% share of firm claims (shares plus bonds) does. Possession Gini reported beside it.',
  variants: [],
  measurements: [
    changeOf('claim1.communeTop10Change', 'communeClaims.holdersTop10', 'change of the top 10% share of commune claims among holders', 'share change'),
    changeOf('claim1.firmTop10Change', 'firmClaims.holdersTop10', 'change of the top 10% share of firm claims among holders', 'share change'),
    changeOf('claim1.communeTop10ChangeAllPersons', 'communeClaims.top10', 'change of the top 10% share of commune claims across all persons', 'share change'),
    changeOf('claim1.firmTop10ChangeAllPersons', 'firmClaims.top10', 'change of the top 10% share of firm claims across all persons', 'share change'),
    meanOf('claim1.possessionGini', 'possession.gini', 'Gini of possession', 'ratio 0-1'),
  ],
  tests: [
    // "Does not rise" as non-inferiority: it rises by less than the delta "rises" is held to.
    test('claim1.communeDoesNotRise', 'change of commune claims\' top 10% share (claimed: below +0.01)', 'share change', -1, 0,
      [[BASE, 'claim1.communeTop10Change']], (v) => v(BASE, 'claim1.communeTop10Change'), { reference: 0.01 }),
    test('claim1.firmRises', 'change of firm claims\' top 10% share (claimed: rises)', 'share change', 1, 0.01,
      [[BASE, 'claim1.firmTop10Change']], (v) => v(BASE, 'claim1.firmTop10Change')),
  ],
};

const claim2: ClaimDefinition = {
  id: 2,
  sentence: 'Members using less than their per-capita share receive more than they pay; at the per-capita share the net is about zero',
  measures: 'regress (rent - dividend) on (use / per-capita use - 1) within commune-years; supported if the slope is positive and the intercept is within 5% of mean rent; computed also on fully redeemed assets only (before redemption, rent leaks to bondholders, so the intercept is positive by construction).',
  variants: [],
  measurements: [
    custom('claim2.redeemedSlopePerRent', 'slope / mean rent, redeemed assets', 'ratio', ['rentVsUse.redeemedSlope', 'rentVsUse.redeemedMeanRent'],
      (run, w) => windowMean(run.ticks, columnOf(run, 'rentVsUse.redeemedSlope'), w) / windowMean(run.ticks, columnOf(run, 'rentVsUse.redeemedMeanRent'), w)),
    custom('claim2.redeemedInterceptPerRent', 'intercept / mean rent, redeemed assets', 'ratio', ['rentVsUse.redeemedIntercept', 'rentVsUse.redeemedMeanRent'],
      (run, w) => windowMean(run.ticks, columnOf(run, 'rentVsUse.redeemedIntercept'), w) / windowMean(run.ticks, columnOf(run, 'rentVsUse.redeemedMeanRent'), w)),
    meanOf('claim2.redeemedMeanRent', 'rentVsUse.redeemedMeanRent', 'mean rent, redeemed assets', 'money units per month'),
    custom('claim2.nonMemberRentPerRent', 'non-members\' rent into pools per member-month / mean rent, redeemed assets (the intercept\'s own term)', 'ratio',
      ['communes.poolRentFromNonMembers', 'communes.members', 'rentVsUse.redeemedMeanRent'], (run, w) => {
        const memberMonths = windowMean(run.ticks, columnOf(run, 'communes.members'), w) * (w.toYear - w.fromYear) * MONTHS_PER_YEAR;
        return windowChange(run.ticks, columnOf(run, 'communes.poolRentFromNonMembers'), w) / memberMonths
          / windowMean(run.ticks, columnOf(run, 'rentVsUse.redeemedMeanRent'), w);
      }),
    meanOf('claim2.slope', 'rentVsUse.slope', 'slope, all assets', 'money units per month'),
    meanOf('claim2.intercept', 'rentVsUse.intercept', 'intercept, all assets', 'money units per month'),
    meanOf('claim2.meanRent', 'rentVsUse.meanRent', 'mean rent, all assets', 'money units per month'),
  ],
  tests: [
    test('claim2.slopePositive', 'slope / mean rent on redeemed assets (claimed: positive)', 'ratio', 1, 0.01,
      [[BASE, 'claim2.redeemedSlopePerRent']], (v) => v(BASE, 'claim2.redeemedSlopePerRent'),
      { byDesignBecause: 'rent rises with the property a member uses while its dividend is an equal share of the pool, so rent - dividend rises with use whatever anyone does' }),
    test('claim2.interceptNearZero', '|intercept| / mean rent on redeemed assets (claimed: at most 0.05)', 'ratio', -1, 0,
      [[BASE, 'claim2.redeemedInterceptPerRent']], (v) => Math.abs(v(BASE, 'claim2.redeemedInterceptPerRent')), { reference: 0.05 }),
  ],
};

const COMMUNES_OFF = 'communesOff';
const claim3: ClaimDefinition = {
  id: 3,
  sentence: 'Capitalist ownership captures surplus by denying independent access to the means of production',
  measures: 'with communes switched on vs off, the property share of firm value added and the wage per unit of skill (`delta` 2%).',
  variants: [variant(COMMUNES_OFF, 'communes switched off', { 'communes.initialCount': 0, 'communes.foundingRatePerYear': 0 }, true)],
  measurements: [
    meanOf('claim3.propertyShare', 'firms.propertyShareOfValueAdded', 'property share of firm value added', 'share 0-1'),
    meanOf('claim3.wagePerSkill', 'firms.wagePerSkill', 'wage per unit of skill', 'money units per month'),
  ],
  tests: [
    test('claim3.propertyShareRisesWithoutCommunes', 'relative change of the property share of firm value added, communes off vs on (claimed: rises)', 'relative change', 1, 0.02,
      [[COMMUNES_OFF, 'claim3.propertyShare'], [BASE, 'claim3.propertyShare']], (v) => relative(v(COMMUNES_OFF, 'claim3.propertyShare'), v(BASE, 'claim3.propertyShare'))),
    test('claim3.wageFallsWithoutCommunes', 'relative change of the wage per unit of skill, communes off vs on (claimed: falls)', 'relative change', -1, 0.02,
      [[COMMUNES_OFF, 'claim3.wagePerSkill'], [BASE, 'claim3.wagePerSkill']], (v) => relative(v(COMMUNES_OFF, 'claim3.wagePerSkill'), v(BASE, 'claim3.wagePerSkill'))),
  ],
};

const SPREADS = [[0, 'spread0'], [0.5, 'spread05'], [1, 'spread1']] as const;
const claim4: ClaimDefinition = {
  id: 4,
  sentence: 'Unequal endowments among cooperatives let one exploit another',
  measures: 'the between-cooperative share of the Theil index keeps at least half its year-1 value and rises with `endowmentSpread` (0 / 0.5 / 1).',
  variants: SPREADS.map(([spread, name]) => variant(name, `cooperatives.endowmentSpread ${spread}`, { 'cooperatives.endowmentSpread': spread })),
  measurements: [
    meanOf('claim4.betweenShare', 'cooperatives.theilBetweenShare', 'between-cooperative share of the Theil index', 'share 0-1'),
    custom('claim4.betweenShareKept', 'between-cooperative Theil share over its year-1 value', 'ratio', ['cooperatives.theilBetweenShare'], (run, w) => {
      const column = columnOf(run, 'cooperatives.theilBetweenShare');
      return windowMean(run.ticks, column, w) / valueAtYear(run.ticks, column, 1);
    }),
  ],
  tests: [
    test('claim4.keepsHalf', 'between share over its year-1 value (claimed: at least 0.5)', 'ratio', 1, 0,
      [[BASE, 'claim4.betweenShareKept']], (v) => v(BASE, 'claim4.betweenShareKept'), { reference: 0.5 }),
    test('claim4.risesWithSpread', 'least-squares slope of the between share on endowmentSpread 0 / 0.5 / 1 (claimed: rises)', 'share per unit of spread', 1, 0.01,
      SPREADS.map(([, name]) => [name, 'claim4.betweenShare'] as const),
      (v) => leastSquares(SPREADS.map(([spread]) => spread), SPREADS.map(([, name]) => v(name, 'claim4.betweenShare'))).slope),
  ],
};

const MERGES_ON = 'mergesOn';
const MERGES_OFF = 'mergesOff';
const claim5: ClaimDefinition = {
  id: 5,
  sentence: 'Interrelated communes merge into larger, more stable communities',
  measures: 'merges on vs off; merges happen in at least 80% of runs, and failure hazard and dividend variability fall with merges on. v3: variability compared at equal size (CV x sqrt(members)), and absorbed communes reported.',
  variants: [variant(MERGES_ON, 'communes.merges on', { 'communes.merges': true }), variant(MERGES_OFF, 'communes.merges off', { 'communes.merges': false })],
  measurements: [
    finalOf('claim5.merges', 'communes.merges', 'merges in the run', 'merges'),
    meanOf('claim5.failureHazard', 'communes.failureHazard', 'commune failure hazard', 'failures per commune-year'),
    meanOf('claim5.dividendVariability', 'communes.dividendVariability', 'dividend variability', 'coefficient of variation'),
    meanOf('claim5.dividendVariabilitySizeAdjusted', 'communes.dividendVariabilitySizeAdjusted', 'dividend variability at equal size', 'CV x sqrt(members)'),
    meanOf('claim5.meanSize', 'communes.meanSize', 'mean commune size', 'members'),
    finalOf('claim5.failed', 'communes.failed', 'communes failed in the run', 'communes'),
    finalOf('claim5.absorbedIntoFailed', 'communes.absorbedIntoFailed', 'absorbed communes whose absorber later failed', 'communes'),
  ],
  tests: [
    test('claim5.mergesHappen', 'share of runs with a merge, merges on (claimed: at least 0.8)', 'share of runs', 1, 0,
      [[MERGES_ON, 'claim5.merges']], (v) => (v(MERGES_ON, 'claim5.merges') > 0 ? 1 : 0), { reference: 0.8, binary: true }),
    test('claim5.hazardFalls', 'relative change of the failure hazard, merges on vs off (claimed: falls)', 'relative change', -1, 0.05,
      [[MERGES_ON, 'claim5.failureHazard'], [MERGES_OFF, 'claim5.failureHazard']], (v) => relative(v(MERGES_ON, 'claim5.failureHazard'), v(MERGES_OFF, 'claim5.failureHazard'))),
    test('claim5.variabilityFalls', 'relative change of dividend variability at equal size, merges on vs off (claimed: falls)', 'relative change', -1, 0.05,
      [[MERGES_ON, 'claim5.dividendVariabilitySizeAdjusted'], [MERGES_OFF, 'claim5.dividendVariabilitySizeAdjusted']],
      (v) => relative(v(MERGES_ON, 'claim5.dividendVariabilitySizeAdjusted'), v(MERGES_OFF, 'claim5.dividendVariabilitySizeAdjusted'))),
  ],
};

/**
 * A year-end reporter's figure for `year` (the year's accounts close before month 12 year is
 * sampled): the first sample in [month 12 year, month 12 (year + 1)), NaN when there is none or
 * it is not a number (a year with no sale).
 */
function yearEndValue(run: RunSeries, reporter: string, year: number): number {
  const column = columnOf(run, reporter);
  for (let i = 0; i < run.ticks.length; i++) {
    const t = run.ticks[i]!;
    if (t >= year * MONTHS_PER_YEAR && t < (year + 1) * MONTHS_PER_YEAR) return Number.isFinite(column[i]!) ? column[i]! : Number.NaN;
  }
  return Number.NaN;
}

/** Mean of a yearly figure over the window's years where it is a number; NaN when it never is. */
function yearlyMean(run: RunSeries, w: YearWindow, of: (year: number) => number): number {
  let sum = 0;
  let n = 0;
  for (let year = w.fromYear + 1; year <= w.toYear; year++) {
    const v = of(year);
    if (Number.isFinite(v)) {
      sum += v;
      n++;
    }
  }
  return n > 0 ? sum / n : Number.NaN;
}

/**
 * MODEL.md 7 claim 6 read with 10.2: a saver asks its opportunity return (the larger of
 * `baseYield` and the economy's trailing yield on cleared bonds net of the expected loss priced
 * in, `bonds.marketReturn`) plus the issuer's expected loss plus noise; so the risk premium
 * communes pay is their series' clearing yield in a year (`bonds.clearingYield`, communes'
 * sales only) minus the opportunity return savers had when they asked: `baseYield` or the
 * market return as it stood at the end of the year before, whichever is larger. (Over
 * `baseYield` alone it would count as premium what lending elsewhere already paid.)
 */
function communeRiskPremium(run: RunSeries, w: YearWindow): number {
  const baseYield = Number(run.parameter('bonds.baseYield'));
  return yearlyMean(run, w, (year) => {
    const market = yearEndValue(run, 'bonds.marketReturn', year - 1);
    const opportunity = Number.isFinite(market) && market > baseYield ? market : baseYield;
    return yearEndValue(run, 'bonds.clearingYield', year) - opportunity;
  });
}

const HALF_CAPITAL = 'halfCapitalistWealth';
const MEMBERS_ONLY = 'membersOnlyBonds';
const bondTests = (name: string, label: string, role: TestRole): ClaimTest[] => [
  test(`claim6.${name}.cleared`, `${label}: requests cleared over requests made plus unmet demand (claimed: at least 0.8)`, 'share', 1, 0,
    [[name, 'claim6.clearedShareOfDemand']], (v) => v(name, 'claim6.clearedShareOfDemand'), { role, reference: 0.8 }),
  test(`claim6.${name}.lossesBelowPremium`, `${label}: commune bonds' risk premium (clearing yield over savers' opportunity return) minus their annual loss rate (claimed: > 0)`, 'per year', 1, 0,
    [[name, 'claim6.communeLossRate'], [name, 'claim6.riskPremium']], (v) => v(name, 'claim6.riskPremium') - v(name, 'claim6.communeLossRate'), { role }),
  test(`claim6.${name}.ownedOutright`, `${label}: owned-outright share / its ceiling, the share debt-free had every series been paid on schedule (claimed: at least 0.8)`, 'ratio', 1, 0,
    [[name, 'claim6.ownedOutrightOfCeiling']], (v) => v(name, 'claim6.ownedOutrightOfCeiling'), { role, reference: 0.8 }),
];
const claim6: ClaimDefinition = {
  id: 6,
  sentence: 'Bond-financed acquisition works',
  measures: 'requests clear (>= 0.8), bond losses stay below the risk premium, and the owned-outright share reaches at least 0.8 of its ceiling; reported with the share of commune rent that leaves as interest to non-members; repeated with half the capitalist wealth and with `members-only` bonds. v3: the premium is what communes\' series clear at over savers\' opportunity return (MODEL.md 10.2), against the loss rate on commune bonds (every issuer\'s beside it).',
  variants: [
    { name: HALF_CAPITAL, label: 'capitalist wealth halved', overrides: (base) => ({ 'persons.capitalistMinWealth': Number(base('persons.capitalistMinWealth')) / 2 }) },
    variant(MEMBERS_ONLY, 'members-only bonds', { 'bonds.eligibility': 'members-only' }),
  ],
  measurements: [
    ratioOfChanges('claim6.clearedShare', 'bonds.requestsCleared', 'bonds.requestsMade', 'share of requests cleared (pre-screened: asked only if payable at the offered rent)', 'share 0-1'),
    custom('claim6.clearedShareOfDemand', 'requests cleared over requests made plus unmet demand', 'share 0-1', ['bonds.requestsCleared', 'bonds.requestsMade', 'bonds.unmetDemand'], (run, w) =>
      windowChange(run.ticks, columnOf(run, 'bonds.requestsCleared'), w)
      / (windowChange(run.ticks, columnOf(run, 'bonds.requestsMade'), w) + windowChange(run.ticks, columnOf(run, 'bonds.unmetDemand'), w))),
    custom('claim6.riskPremium', 'commune bonds\' risk premium: clearing yield of commune series over savers\' opportunity return, max(baseYield, the market\'s trailing risk-adjusted yield at the year\'s start), mean over the years with a sale', 'per year',
      ['bonds.clearingYield', 'bonds.marketReturn'], communeRiskPremium),
    custom('claim6.communeLossRate', 'annual loss rate on commune bonds (losses over principal outstanding at the year\'s start), mean over the years with commune bonds out', 'per year',
      ['bonds.commune.lossRate'], (run, w) => yearlyMean(run, w, (year) => yearEndValue(run, 'bonds.commune.lossRate', year))),
    custom('claim6.lossRateAllIssuers', 'bond losses per year / mean principal outstanding, every issuer kind', 'per year', ['bonds.losses', 'bonds.outstanding'], (run, w) =>
      windowChange(run.ticks, columnOf(run, 'bonds.losses'), w) / (windowMean(run.ticks, columnOf(run, 'bonds.outstanding'), w) * (w.toYear - w.fromYear))),
    ratioAtEnd('claim6.ownedOutrightOfCeiling', 'communes.ownedOutrightShare', 'communes.ownedOutrightCeilingOnSchedule', 'owned-outright share / its ceiling: the share of commune assets with no series outstanding or one past its last scheduled payment', 'ratio'),
    ratioAtEnd('claim6.ownedOutrightOfSteadyState', 'communes.ownedOutrightShare', 'communes.ownedOutrightCeilingByClass', 'owned-outright share / the per-class steady-state share 1 - months to redemption / lifespan (no bound: above 1 in a stock older than the steady state)', 'ratio'),
    ratioAtEnd('claim6.ownedOutrightOfPooledCeiling', 'communes.ownedOutrightShare', 'communes.ownedOutrightCeiling', 'owned-outright share / the v2 pooled ceiling (classes\' lifespans averaged)', 'ratio'),
    meanOf('claim6.interestShareOfRent', 'communes.interestShareOfRent', 'interest to non-members / rent', 'share 0-1'),
  ],
  tests: [
    ...bondTests(BASE, 'base', 'evidence'),
    ...bondTests(HALF_CAPITAL, 'half capitalist wealth', 'repeat'),
    ...bondTests(MEMBERS_ONLY, 'members-only bonds', 'repeat'),
  ],
};

/** MODEL.md 7 (v3): the growth phase starts the first year the commune sector holds 1% of productive assets. */
export const GROWTH_PHASE_SHARE = 0.01;

/**
 * The growth phase: from the first sample at which the book-value share reaches 1% (that
 * sample included) to the end; the whole run if it never does. `startYear`: that sample's year.
 */
function growthPhase(run: RunSeries, w: YearWindow): YearWindow & { startYear: number } {
  const share = columnOf(run, 'communes.assetShareByBookValue');
  for (let i = 0; i < run.ticks.length; i++) {
    const t = run.ticks[i]!;
    if (share[i]! >= GROWTH_PHASE_SHARE) return { fromYear: (t - 1) / MONTHS_PER_YEAR, toYear: w.toYear, startYear: t / MONTHS_PER_YEAR };
  }
  return { fromYear: -1, toYear: w.toYear, startYear: Number.NaN };
}

const claim7: ClaimDefinition = {
  id: 7,
  sentence: 'The commune sector grows ("expanding until we have collectively accumulated enough wealth")',
  measures: 'its share of productive assets by book value and by net equity rises; v3: judged on the growth phase (from the first year the sector holds 1% of productive assets) and on the level reached, not on a fixed window; the year commune equity passes capitalist wealth, if ever.',
  variants: [],
  measurements: [
    custom('claim7.growthStartYear', 'first year the commune sector holds 1% of productive assets (n/a: never; the whole run is used)', 'year', ['communes.assetShareByBookValue'],
      (run, w) => growthPhase(run, w).startYear),
    custom('claim7.bookValueShareTrend', 'trend of the commune share of productive assets by book value over the growth phase', 'share per year', ['communes.assetShareByBookValue'],
      (run, w) => windowTrend(run.ticks, columnOf(run, 'communes.assetShareByBookValue'), growthPhase(run, w))),
    custom('claim7.netEquityShareTrend', 'trend of the commune share of productive assets by net equity over the growth phase', 'share per year', ['communes.assetShareByBookValue', 'communes.assetShareByNetEquity'],
      (run, w) => windowTrend(run.ticks, columnOf(run, 'communes.assetShareByNetEquity'), growthPhase(run, w))),
    custom('claim7.levelGained', 'commune share by book value at the end minus at the start of the growth phase', 'share', ['communes.assetShareByBookValue'],
      (run, w) => {
        const share = columnOf(run, 'communes.assetShareByBookValue');
        const phase = growthPhase(run, w);
        // The phase's first sample (the first year at 1%, or the run's first sample).
        const first = Array.from(run.ticks).findIndex((t, i) => t > phase.fromYear * MONTHS_PER_YEAR && Number.isFinite(share[i]!));
        return first < 0 ? Number.NaN : valueAtYear(run.ticks, share, w.toYear) - share[first]!;
      }),
    finalOf('claim7.levelAtEnd', 'communes.assetShareByBookValue', 'commune share by book value at the end', 'share 0-1'),
    trendOf('claim7.windowTrend', 'communes.assetShareByBookValue', 'v2: trend by book value over years 11 to the end', 'share per year'),
    custom('claim7.passYear', 'year commune equity passes capitalist wealth (n/a: never)', 'year', ['communes.equity', 'capitalists.wealth'],
      (run) => firstYearAtLeast(run.ticks, columnOf(run, 'communes.equity'), columnOf(run, 'capitalists.wealth'))),
  ],
  tests: [
    test('claim7.bookValueShareRises', 'trend of the commune share by book value over the growth phase (claimed: rises)', 'share per year', 1, 0.001,
      [[BASE, 'claim7.bookValueShareTrend']], (v) => v(BASE, 'claim7.bookValueShareTrend')),
    test('claim7.netEquityShareRises', 'trend of the commune share by net equity over the growth phase (claimed: rises)', 'share per year', 1, 0.001,
      [[BASE, 'claim7.netEquityShareTrend']], (v) => v(BASE, 'claim7.netEquityShareTrend')),
    test('claim7.levelHeld', 'share by book value gained from the start of the growth phase to the end (claimed: rises)', 'share', 1, 0.01,
      [[BASE, 'claim7.levelGained']], (v) => v(BASE, 'claim7.levelGained')),
  ],
};

/**
 * Claim 8 on producers' own product (MODEL.md 7 (v3)): of the dividends, only the share of
 * pool rent that producers paid on productive assets over the window counts. The standardised
 * ratio is linear in its numerator, so own = labour-only + f x (full - labour-only).
 */
function ownProduct(run: RunSeries, w: YearWindow): number {
  const full = windowMean(run.ticks, columnOf(run, 'retained.communeProducers'), w);
  const labourOnly = windowMean(run.ticks, columnOf(run, 'retained.communeProducersLabourOnly'), w);
  const pool = windowChange(run.ticks, columnOf(run, 'communes.poolRent'), w);
  const fromProducers = windowChange(run.ticks, columnOf(run, 'communes.poolRentFromProducers'), w);
  const f = pool > 0 ? Math.min(1, Math.max(0, fromProducers / pool)) : 0;
  return labourOnly + f * (full - labourOnly);
}

const OWN = ['retained.communeProducers', 'retained.communeProducersLabourOnly', 'communes.poolRent', 'communes.poolRentFromProducers'];
const claim8: ClaimDefinition = {
  id: 8,
  sentence: 'Producers "retain a greater portion of their product"',
  measures: '(labour + commons income) / own output, commune producers vs employees vs cooperative members at equal skill; v3: producers\' commune dividends count only the share of the pool that came from producers\' rents (the full figure beside it).',
  variants: [],
  measurements: [
    custom('claim8.communeProducersOwn', 'retained share of own product: commune producers (dividends from producers\' rent only)', 'share of own output', OWN, ownProduct),
    custom('claim8.producersRentShareOfPool', 'share of pool rent paid by producers on productive assets', 'share 0-1', ['communes.poolRent', 'communes.poolRentFromProducers'], (run, w) =>
      windowChange(run.ticks, columnOf(run, 'communes.poolRentFromProducers'), w) / windowChange(run.ticks, columnOf(run, 'communes.poolRent'), w)),
    meanOf('claim8.communeProducers', 'retained.communeProducers', 'retained share: commune producers, full (others\' rent included)', 'share of own output'),
    meanOf('claim8.employees', 'retained.employees', 'retained share: employees', 'share of own output'),
    meanOf('claim8.cooperativeMembers', 'retained.cooperativeMembers', 'retained share: cooperative members', 'share of own output'),
    meanOf('claim8.selfEmployed', 'retained.selfEmployed', 'retained share: self-employed', 'share of own output'),
  ],
  tests: [
    test('claim8.overEmployees', 'retained share of own product, commune producers minus employees (claimed: greater)', 'share of own output', 1, 0.01,
      [[BASE, 'claim8.communeProducersOwn'], [BASE, 'claim8.employees']], (v) => v(BASE, 'claim8.communeProducersOwn') - v(BASE, 'claim8.employees')),
    test('claim8.overCooperativeMembers', 'retained share of own product, commune producers minus cooperative members (claimed: greater)', 'share of own output', 1, 0.01,
      [[BASE, 'claim8.communeProducersOwn'], [BASE, 'claim8.cooperativeMembers']], (v) => v(BASE, 'claim8.communeProducersOwn') - v(BASE, 'claim8.cooperativeMembers')),
  ],
};

export const CLAIMS: readonly ClaimDefinition[] = [claim1, claim2, claim3, claim4, claim5, claim6, claim7, claim8];
