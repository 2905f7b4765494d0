// Scenario kind `economy` (MODEL.md sections 1-5 and 9): persons, asset classes, the shared
// bond and rental rules, venture communes, capitalist firms and cooperatives. Money fields are in goods units (1 unit = 100
// cents), monthly unless the unit says otherwise; the engine converts them to cents.
import { z } from 'zod';
import { runFields } from './common-schema.ts';

const units = (min: number, max: number, value: number, unit: string, description: string) =>
  z.number().min(min).max(max).default(value).meta({ unit, description });
const share = (value: number, description: string, unit = 'share 0-1') =>
  z.number().min(0).max(1).default(value).meta({ unit, description });
const months = (min: number, max: number, value: number, description: string) =>
  z.number().int().min(min).max(max).default(value).meta({ unit: 'months', description });

export const personsSchema = z.strictObject({
  count: z.number().int().min(2).max(1_000_000).default(10_000).meta({ unit: 'persons', description: 'Number of persons (workers and capitalists).' }),
  skillMedian: units(0.01, 100, 1, 'multiple of a median worker', 'Median skill; output scales with skill.'),
  skillSigma: units(0, 3, 0.4, 'log-scale sigma', 'Spread of the lognormal skill distribution.'),
  shockRho: z.number().min(0).max(0.999).default(0.9).meta({ unit: 'per month', description: 'Persistence of the AR(1) output shock (on its logarithm).' }),
  shockSigma: units(0, 1, 0.05, 'log-scale sigma per month', 'Innovation of the AR(1) output shock.'),
  initialCash: units(0, 1e9, 3000, 'goods units', 'Cash each worker starts with.'),
  subsistence: units(0, 1e7, 1000, 'goods units per month', 'Consumption a person needs each month; short of it, the month counts as hardship.'),
  buffer: units(0, 1e8, 3000, 'goods units', 'Cash a person keeps before consuming out of wealth or lending.'),
  mpcIncome: share(0.8, 'Share of income above subsistence consumed in the month.'),
  mpcWealth: z.number().min(0).max(1).default(0.002).meta({ unit: 'share per month', description: 'Share of net worth above the buffer consumed each month. Must exceed (1 - mpcIncome) x baseYield / 12.' }),
  baseOutput: units(0, 1e7, 1500, 'goods units per month', 'Output of a self-employed person of skill 1 (no productive asset).'),
  switchRatePerYear: units(0, 12, 1, 'per year', 'How often a person reconsiders its mode of work.'),
  vacanciesSampled: z.number().int().min(1).max(20).default(1).meta({ unit: 'vacancies', description: 'Posted vacancies a reconsidering worker who is not employed samples at random (each open position met alike: random matching), beside one referral drawn among the positions firms\' employees fill (a firm met in proportion to its size); it values employment at the best-paid of them (Burdett & Mortensen 1998), while an employee values its own job. At least 1: a firm with no employee yet is found only through its vacancies.' }),
  choiceHorizonMonths: months(1, 600, 60, 'Horizon over which options are valued by expected mean monthly income.'),
  choiceTemperature: z.number().gt(0).max(10).default(0.1).meta({ unit: 'on log income', description: 'Logit noise of mode choice: a 10% income gap at 0.1 gives about 2.7:1 odds.' }),
  capitalistShare: share(0.01, 'Share of persons who start as capitalists (large wealth, no labour needed).'),
  capitalistMinWealth: units(0, 1e12, 2_000_000, 'goods units', 'Scale (minimum) of the Pareto tail of capitalist wealth.'),
  capitalistAlpha: z.number().gt(1).max(10).default(1.5).meta({ unit: 'tail index', description: 'Pareto tail index of capitalist wealth.' }),
});

export const assetClassSchema = z.strictObject({
  name: z.string().min(1).max(60).meta({ description: 'Name of the asset class.' }),
  price: units(1, 1e10, 120_000, 'goods units', 'Price of a new asset, bought from the world.'),
  outputPerMonth: units(0, 1e8, 3600, 'goods units per month', 'Productive: output at skill 1. Housing: the rent it saves its occupant (imputed).'),
  // At least a month: a shorter life depreciates the whole price within one tick (rent and
  // reserve per month would be unbounded; found by the engine fuzz at 1e-9 years).
  lifespanYears: z.number().gt(0).max(200).refine((years) => years * 12 >= 0.99, { message: 'lifespanYears must be at least one month (1/12 = 0.0833 years)' })
    .default(20).meta({ unit: 'years', description: 'Straight-line depreciation over this life, at least a month; scrapped at the end, scrap value 0.' }),
  productive: z.boolean().default(true).meta({ description: 'true: worked by one person; false: housing, rented beside a productive asset.' }),
});

export const DEFAULT_ASSET_CLASSES = [
  { name: 'workshop', price: 120_000, outputPerMonth: 3600, lifespanYears: 20, productive: true },
  { name: 'toolkit', price: 40_000, outputPerMonth: 2300, lifespanYears: 10, productive: true },
  { name: 'home', price: 60_000, outputPerMonth: 1000, lifespanYears: 40, productive: false },
];

export const goodsSchema = z.strictObject({
  price: units(0.01, 1e4, 1, 'goods units per unit of output', 'Price at which the world buys output (1 = 100 cents per unit).'),
  demandElasticity: z.number().min(0).max(100).default(0).meta({ unit: 'elasticity', description: '0: fixed price. Otherwise price = p0 (Q/Q0)^(-1/elasticity), Q0 the first month\'s output.' }),
});

export const bondsSchema = z.strictObject({
  maturityYears: z.number().int().min(1).max(50).default(10).meta({ unit: 'years', description: 'Maturity of every bond series.' }),
  baseYield: z.number().min(0).max(1).default(0.05).meta({ unit: 'per year', description: 'Yield savers ask at least (the return on safe savings).' }),
  maxYield: z.number().min(0).max(1).default(0.15).meta({ unit: 'per year', description: 'A series does not clear above this yield.' }),
  format: z.enum(['uniform', 'discriminatory']).default('uniform').meta({ description: 'uniform: every winner gets the clearing yield; discriminatory: each gets its own ask.' }),
  eligibility: z.enum(['anyone', 'members-only']).default('anyone').meta({ description: 'Who may buy a commune\'s bonds: anyone, or members of that commune only.' }),
  saversFraction: share(0.5, 'A saver commits at most this share of (cash - buffer) a month across all auctions.'),
  newIssuerPremium: z.number().min(0).max(1).default(0.01).meta({ unit: 'per year', description: 'Prior expected annual loss rate savers ask of an issuer whose kind has little history; credibility weighting moves it toward the kind\'s and then the issuer\'s observed loss rate (MODEL.md 10.2).' }),
  credibilityYears: z.number().min(0).max(10_000).default(70).meta({ unit: 'series-years', description: 'Bühlmann\'s k: the series-years of loss history that get half the weight against the prior (kind) or the kind\'s rate (issuer). 0: the observed rate alone once there is any history.' }),
  leveragePremium: z.number().min(0).max(1).default(0.01).meta({ unit: 'per year at debt = collateral', description: 'Leverage term of the expected loss savers ask: this times the issuer\'s debt over the book value of its assets (capped at 3x), after the new series.' }),
  askNoise: z.number().min(0).max(1).default(0.005).meta({ unit: 'per year', description: 'Standard deviation of the noise on each saver\'s ask.' }),
  minimumBid: units(0, 1e9, 10_000, 'goods units', 'Smallest bid a saver makes (the bond denomination); smaller savers keep cash.'),
  biddersPerAuction: z.number().int().min(1).max(100_000).default(200).meta({ unit: 'savers', description: 'Savers asked per auction, in a seeded order (bounds the cost of an auction).' }),
});

export const rentalSchema = z.strictObject({
  format: z.enum(['second-price', 'first-price']).default('second-price').meta({ description: 'Rental auction format.' }),
  minRent: units(0, 1e8, 100, 'goods units per month', 'Reserve rent of an asset whose bonds are redeemed.'),
  termYears: z.number().int().min(1).max(50).default(10).meta({ unit: 'years', description: 'Term of a rental won at a re-auction (an acquisition\'s term is the bond maturity).' }),
  graceMonths: months(1, 120, 3, 'Missed rents in a row before a tenant loses the asset; bond payments behind schedule before a series defaults (its asset sold); months in a row of unmet obligations before an organisation is insolvent.'),
  liquidationDiscount: share(0.3, 'Fire-sale discount on book value when an asset is liquidated.'),
});

export const communesSchema = z.strictObject({
  initialCount: z.number().int().min(0).max(100_000).default(20).meta({ unit: 'communes', description: 'Communes at the start.' }),
  foundersEach: z.number().int().min(1).max(100_000).default(5).meta({ unit: 'persons', description: 'Founding members of each initial commune (members from the start).' }),
  initialAssetsEach: z.number().int().min(0).max(100_000).default(0).meta({ unit: 'assets', description: 'Productive assets each initial commune owns outright at the start (rented to its founders).' }),
  laborToJoinMonths: months(0, 240, 6, 'Months of work with commune property before a probationer becomes a member.'),
  lapseMonths: months(1, 240, 12, 'Membership lapses after this many months without qualifying labour.'),
  dividendPeriodMonths: months(1, 120, 3, 'The pool is divided equally among members every this many months.'),
  excessRent: z.enum(['prepay', 'dividend']).default('prepay').meta({ description: 'Rent above debt service: prepay redeems the series early (the manifesto\'s reading); dividend sends it to the pool.' }),
  reserve: z.enum(['none', 'depreciation']).default('none').meta({ description: 'Keep back a replacement reserve at the depreciation rate from the rent of redeemed assets.' }),
  poolBacksBonds: z.boolean().default(false).meta({ description: 'Let the commune pool pay a series\' service its rent cannot cover.' }),
  foundingRatePerYear: z.number().min(0).max(10_000).default(1).meta({ unit: 'communes per year', description: 'Expected new communes founded by workers each year.' }),
  foundersPerNewCommune: z.number().int().min(1).max(1000).default(3).meta({ unit: 'persons', description: 'Founders of a newly founded commune.' }),
  merges: z.boolean().default(true).meta({ description: 'Hold yearly merge votes between interrelated communes (our assumption, not the manifesto\'s).' }),
  mergeThreshold: share(0.05, 'Interrelation above which a pair of communes votes on merging.', 'index'),
  solidarity: share(0.5, 'Weight members give to the pooled community over their own risk-adjusted gain in a merge vote.'),
});

export const firmsSchema = z.strictObject({
  enabled: z.boolean().default(true).meta({ description: 'Let capitalists found firms (false: no firm is ever founded).' }),
  initialCount: z.number().int().min(0).max(100_000).default(0).meta({ unit: 'firms', description: 'Firms founded at the start by capitalists whose cash exceeds foundingCapital.' }),
  foundingRatePerYear: z.number().min(0).max(10_000).default(0).meta({ unit: 'firms per year', description: 'Expected new firms founded by capitalists each year (at year end).' }),
  foundingCapital: units(0, 1e12, 150_000, 'goods units', 'Capital a founding capitalist contributes (shares in proportion); one asset plus six months of wages.'),
  wageFloor: units(0, 1e7, 1000, 'goods units per month', 'The wage rate per unit of skill never falls below this.'),
  payoutRatio: share(0.5, 'Share of a positive monthly profit paid to shareholders; the rest is retained.'),
  adjustmentCost: z.number().min(0.1).max(1000).default(5).meta({ unit: 'years', description: 'Quadratic adjustment cost of growth (Tobin\'s q; Hayashi 1982): a firm whose best position returns r against the hurdle yield h plans to grow by (r/h - 1) / adjustmentCost of its positions a year, beside one position per applicant it turned away. Higher: slower planned growth.' }),
  takeovers: z.boolean().default(true).meta({ description: 'At year end a firm whose owners put it up for sale (forSaleRate) may be bought by a more productive firm of its line: the buyer offers the target\'s market value plus the premium, and the target\'s shareholders accept only if the offer beats what they hold (MODEL.md 10.5).' }),
  forSaleRate: share(0.02, 'Chance a year that a firm\'s owners put it up for sale (whole-firm sales: about 2% of US manufacturing plants change owner a year in mergers and takeovers, Maksimovic & Phillips 2001).', 'per year'),
  takeoverPremium: z.number().min(0).max(5).default(0.3).meta({ unit: 'share of market value', description: 'Premium a takeover bid offers over the target\'s market value (trailing profits capitalised at the trailing bond yield, at least its book equity).' }),
});

export const cooperativesSchema = z.strictObject({
  initialCount: z.number().int().min(0).max(100_000).default(0).meta({ unit: 'cooperatives', description: 'Cooperatives at the start.' }),
  foundersEach: z.number().int().min(1).max(100_000).default(5).meta({ unit: 'persons', description: 'Founding members of each initial cooperative.' }),
  endowmentPerMember: units(0, 1e10, 40_000, 'goods units', 'Mean starting capital of an initial cooperative, per founder.'),
  endowmentSpread: z.number().min(0).max(1).default(0.5).meta({ unit: 'share 0-1', description: 'Initial endowments run evenly from (1 - spread) to (1 + spread) times the mean, across cooperatives.' }),
  foundingRatePerYear: z.number().min(0).max(10_000).default(0).meta({ unit: 'cooperatives per year', description: 'Expected new cooperatives founded by workers each year (no endowment).' }),
  foundersPerNew: z.number().int().min(1).max(1000).default(3).meta({ unit: 'persons', description: 'Founders of a newly founded cooperative.' }),
  retention: share(0.1, 'Share of positive net income kept back before division among members.'),
  split: z.enum(['equal', 'by-skill']).default('equal').meta({ description: 'How net income is divided among members.' }),
  hiredLabor: z.boolean().default(false).meta({ description: 'May hire non-members at the market wage for positions no member fills.' }),
  coordinationCost: units(0, 1e7, 0, 'goods units per month per log member', 'Monthly cost of coordination: this times ln(members) (0: none).'),
  merges: z.boolean().default(true).meta({ description: 'A failing cooperative may merge into a healthy one by vote of the healthy one\'s members.' }),
  rentOutAssets: z.boolean().default(true).meta({ description: 'MODEL.md 10.8: a cooperative rents out through the shared rental auction an asset no member has worked for vacantMonthsToLet months, and, with idle capital, buys an asset for an asker who offers a rental agreement, as a commune does.' }),
  lendIdleCapital: z.boolean().default(true).meta({ description: 'MODEL.md 10.8: a cooperative bids at the shared bond auctions like any saver, priced by the same rule, with at most saversFraction of its idle capital (cash above six months of its costs) a month; coupons, redemptions and losses reach its account.' }),
  vacantMonthsToLet: months(1, 120, 3, 'Months a cooperative\'s productive asset stands vacant before it is let out at the rental auction; also the months a firm\'s position stands vacant at an offer equal to its value before the firm lets it out (one rule, MODEL-CHOICES: wage rate).'),
});

export const HOME_OWNER_KINDS = ['commune', 'firm', 'cooperative'] as const;

export const housingSchema = z.strictObject({
  owners: z.array(z.enum(HOME_OWNER_KINDS)).max(3).default([...HOME_OWNER_KINDS]).meta({
    description: 'MODEL.md 10.1: kinds of organisation that may own homes and let them through the shared rental auction (communes to anyone who asks, firms to anyone when the rent beats their hurdle yield, cooperatives to their members). A home seeker asks one drawn at random among those present.',
  }),
});

const uncertainPath = z.string().regex(/^[A-Za-z][A-Za-z0-9]*(\.[A-Za-z][A-Za-z0-9]*)+$/, 'a dotted path to a scenario field, as --set takes (e.g. bonds.maxYield)')
  .meta({ description: 'Dotted path of the scenario field, as `--set` takes it (e.g. bonds.maxYield).' });

/** MODEL.md 7 (v3): a parameter the claims' robustness draws vary (uniform over a range or over choices). */
export const uncertainParameterSchema = z.union([
  z.strictObject({
    path: uncertainPath,
    low: z.number().meta({ description: 'Lowest plausible value.' }),
    high: z.number().meta({ description: 'Highest plausible value (above low).' }),
    integer: z.boolean().optional().meta({ description: 'Draw whole numbers from low to high.' }),
  }),
  z.strictObject({
    path: uncertainPath,
    values: z.array(z.union([z.string(), z.number(), z.boolean()])).min(2).max(20).meta({ description: 'Plausible choices (policies, switches), each equally likely.' }),
  }),
]).meta({ description: 'An uncertain parameter: a range { path, low, high } or choices { path, values }.' });

export const cycleSchema = z.strictObject({
  rho: z.number().min(0).max(0.999).default(0.93).meta({ unit: 'per month', description: 'Persistence of the economy-wide AR(1) factor on the goods price (on its logarithm; MODEL.md 10.3).' }),
  sigma: units(0, 0.5, 0.033, 'log-scale sigma per month', 'Innovation of the economy-wide goods price factor; 0 switches the cycle off. The default gives a fall of 10% or more in the yearly mean price about every 9 years.'),
});

export const productivitySchema = z.strictObject({
  rho: z.number().min(0).max(0.999).default(0.9).meta({ unit: 'per year', description: 'Persistence of each enterprise\'s productivity (firms and cooperatives alike): AR(1) on its logarithm, one step a year (Hopenhayn 1992; plant TFP persistence about 0.8-0.95 a year in US data).' }),
  sigma: units(0, 1, 0.1, 'log-scale sigma per year', 'Innovation of an enterprise\'s productivity, which multiplies the output of every position it owns; an entrant draws from the stationary distribution (sd sigma / sqrt(1 - rho^2), 0.23 by default: Syverson 2004\'s within-industry TFP dispersion). 0 switches it off (every enterprise at 1).'),
});

// Hopenhayn (1992) and Melitz (2003): a fixed cost each period of production, whatever the
// output, so an enterprise too unproductive to cover it makes losses and exits
// (docs/MODEL-CHOICES.md, "Fixed operating cost").
export const enterprisesSchema = z.strictObject({
  fixedCost: units(0, 1e8, 0, 'goods units per month', 'Fixed operating cost (overhead: premises, bookkeeping, licences) an organisation pays to `world` in every month it sells output its own workers made on its own assets, whatever its size or kind (firms and cooperatives; a commune lets its assets and its members sell their own output). Counted among what it owes in the insolvency test, after wages and bond service. 0: none.'),
});

export const economySchema = z.strictObject({
  kind: z.literal('economy').meta({ description: 'An economy of persons, venture communes, firms and cooperatives under the shared market rules (MODEL.md 1-5).' }),
  ...runFields(50),
  persons: personsSchema.prefault({}),
  goods: goodsSchema.prefault({}),
  cycle: cycleSchema.prefault({}),
  productivity: productivitySchema.prefault({}),
  enterprises: enterprisesSchema.prefault({}),
  assets: z.array(assetClassSchema).min(1).max(20).default(DEFAULT_ASSET_CLASSES).meta({ description: 'Asset classes: productive ones and housing.' }),
  bonds: bondsSchema.prefault({}),
  rental: rentalSchema.prefault({}),
  communes: communesSchema.prefault({}),
  firms: firmsSchema.prefault({}),
  cooperatives: cooperativesSchema.prefault({}),
  uncertainty: z.array(uncertainParameterSchema).max(40).default([]).meta({
    description: 'Parameters whose values are uncertain, with plausible ranges: `npm run claims -- FILE --robustness N` draws N sets of them by Latin hypercube and judges the claims under each (MODEL.md 7 (v3)).',
  }),
  housing: housingSchema.prefault({}),
}).superRefine((s, ctx) => {
  s.uncertainty.forEach((u, i) => {
    let value: unknown = s;
    for (const key of u.path.split('.')) value = value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>)[key] : undefined;
    const path = ['uncertainty', i];
    if (u.path.startsWith('uncertainty.') || value === undefined || (value !== null && typeof value === 'object')) {
      ctx.addIssue({ code: 'custom', path: [...path, 'path'], message: `uncertainty[${i}].path "${u.path}" names no scenario field that takes one value (allowed: a dotted path such as bonds.maxYield)` });
    } else if ('low' in u) {
      if (typeof value !== 'number') ctx.addIssue({ code: 'custom', path: [...path, 'path'], message: `uncertainty[${i}].path "${u.path}" is not a number field, so it takes values: [...] instead of low/high` });
      if (!(u.high > u.low)) ctx.addIssue({ code: 'custom', path: [...path, 'high'], message: `uncertainty[${i}].high (${u.high}) must exceed low (${u.low})` });
    }
  });
  const { mpcIncome, mpcWealth } = s.persons;
  const { baseYield, maxYield } = s.bonds;
  const floor = ((1 - mpcIncome) * baseYield) / 12;
  if (mpcWealth <= floor) {
    ctx.addIssue({
      code: 'custom', path: ['persons', 'mpcWealth'], params: { inEffect: mpcWealth },
      message: `persons.mpcWealth must exceed (1 - persons.mpcIncome ${mpcIncome}) x bonds.baseYield ${baseYield} / 12 = ${floor.toPrecision(3)} per month, `
        + 'or rentier wealth compounds without bound: raise persons.mpcWealth or lower bonds.baseYield',
    });
  }
  if (maxYield < baseYield) {
    ctx.addIssue({ code: 'custom', path: ['bonds', 'maxYield'], params: { inEffect: maxYield }, message: `bonds.maxYield must be at least bonds.baseYield (${baseYield})` });
  }
  if (!s.assets.some((a) => a.productive)) {
    ctx.addIssue({ code: 'custom', path: ['assets'], message: 'at least one asset class must be productive' });
  }
});

export type EconomyScenario = z.output<typeof economySchema>;
export type AssetClass = z.output<typeof assetClassSchema>;
