// Builds an economy from a scenario (MODEL.md 2, 5, 9): skills, capitalists with Pareto
// wealth, workers with their initial cash, and the initial communes with their founders and
// any assets they own outright. Money enters only out of `world`, as endowments.
import { FLOW, Ledger, WORLD } from '../../model/ledger.ts';
import type { RandomStreams } from '../../model/random.ts';
import { annuityPaymentCents } from '../../model/market/bond-series.ts';
import type { AssetClassParams } from '../../model/economy/asset-table.ts';
import {
  CENTS_PER_UNIT, newEconomyState, type EconomyParams, type EconomyState,
} from '../../model/economy/economy-state.ts';
import { MODE_IDLE, MODE_SELF_EMPLOYED, PersonTable } from '../../model/economy/person-table.ts';
import type { EconomyScenario } from '../../scenarios/economy-schema.ts';
import { ORG_KIND_NAMES } from '../../model/economy/organisation-table.ts';
import { foundCommune } from './founding.ts';
import { grantPossession } from './possession.ts';
import { foundFirms } from '../firm/firm-lifecycle.ts';
import { foundCooperative } from '../cooperative/cooperative-lifecycle.ts';

const cents = (units: number) => Math.round(units * CENTS_PER_UNIT);

export function economyParams(s: EconomyScenario): EconomyParams {
  const { persons, goods, bonds, rental, communes, firms, cooperatives, cycle, productivity, enterprises } = s;
  return {
    subsistenceCents: cents(persons.subsistence), bufferCents: cents(persons.buffer),
    mpcIncome: persons.mpcIncome, mpcWealth: persons.mpcWealth, baseOutputCents: cents(persons.baseOutput),
    shockRho: persons.shockRho, shockSigma: persons.shockSigma,
    reconsiderPerMonth: persons.switchRatePerYear / 12, vacanciesSampled: persons.vacanciesSampled, choiceHorizonMonths: persons.choiceHorizonMonths,
    choiceTemperature: persons.choiceTemperature,
    goodsPrice: goods.price, demandElasticity: goods.demandElasticity,
    maturityMonths: bonds.maturityYears * 12, baseYield: bonds.baseYield, maxYield: bonds.maxYield,
    auctionFormat: bonds.format, membersOnlyBonds: bonds.eligibility === 'members-only',
    saversFraction: bonds.saversFraction, newIssuerPremium: bonds.newIssuerPremium, askNoise: bonds.askNoise,
    credibilityYears: bonds.credibilityYears, leveragePremium: bonds.leveragePremium,
    cycleRho: cycle.rho, cycleSigma: cycle.sigma,
    productivityRho: productivity.rho, productivitySigma: productivity.sigma,
    fixedCostCents: cents(enterprises.fixedCost),
    biddersPerAuction: bonds.biddersPerAuction, minimumBidCents: cents(bonds.minimumBid),
    rentalFormat: rental.format, minRentCents: cents(rental.minRent), rentalTermMonths: rental.termYears * 12,
    graceMonths: rental.graceMonths, liquidationDiscount: rental.liquidationDiscount,
    laborToJoinMonths: communes.laborToJoinMonths, lapseMonths: communes.lapseMonths,
    dividendPeriodMonths: communes.dividendPeriodMonths, excessRentPrepays: communes.excessRent === 'prepay',
    depreciationReserve: communes.reserve === 'depreciation', poolBacksBonds: communes.poolBacksBonds,
    foundingRatePerYear: communes.foundingRatePerYear, foundersPerNewCommune: communes.foundersPerNewCommune,
    merges: communes.merges, mergeThreshold: communes.mergeThreshold, solidarity: communes.solidarity,
    firmsEnabled: firms.enabled, firmFoundingRatePerYear: firms.foundingRatePerYear,
    foundingCapitalCents: cents(firms.foundingCapital), wageFloorCents: cents(firms.wageFloor),
    firmAdjustmentCost: firms.adjustmentCost, payoutRatio: firms.payoutRatio, takeovers: firms.takeovers, takeoverPremium: firms.takeoverPremium, forSaleRate: firms.forSaleRate,
    coopFoundingRatePerYear: cooperatives.foundingRatePerYear, foundersPerNewCoop: cooperatives.foundersPerNew,
    coopRetention: cooperatives.retention, coopSplitBySkill: cooperatives.split === 'by-skill',
    hiredLabor: cooperatives.hiredLabor, coordinationCostCents: cents(cooperatives.coordinationCost),
    coopMerges: cooperatives.merges,
    coopRentOut: cooperatives.rentOutAssets,
    coopVacantMonthsToLet: cooperatives.vacantMonthsToLet,
    coopLendIdle: cooperatives.lendIdleCapital,
    homeOwnerKinds: ORG_KIND_NAMES.map((kind) => s.housing.owners.includes(kind)),
  };
}

export function assetClassParams(s: EconomyScenario): AssetClassParams[] {
  return s.assets.map((a) => ({
    name: a.name, priceCents: cents(a.price), outputCents: cents(a.outputPerMonth),
    lifespanMonths: Math.max(1, Math.round(a.lifespanYears * 12)), productive: a.productive,
  }));
}

export function createEconomyState(s: EconomyScenario, streams: RandomStreams): EconomyState {
  const count = s.persons.count;
  const ledger = new Ledger(count + 1024);
  const persons = new PersonTable(count, ledger.open(count));
  const state = newEconomyState(ledger, streams, economyParams(s), assetClassParams(s), persons);
  const skills = streams.get('skills');
  for (let p = 0; p < count; p++) persons.skill[p] = skills.lognormal(s.persons.skillMedian, s.persons.skillSigma);

  // Capitalists and founders are drawn from one seeded order of persons, capitalists first.
  const order = Int32Array.from({ length: count }, (_, i) => i);
  const setup = streams.get('setup');
  setup.shuffle(order);
  const capitalists = Math.round(s.persons.capitalistShare * count);
  const initialCash = cents(s.persons.initialCash);
  for (let k = 0; k < count; k++) {
    const p = order[k]!;
    const capitalist = k < capitalists;
    persons.isCapitalist[p] = capitalist ? 1 : 0;
    persons.mode[p] = capitalist ? MODE_IDLE : MODE_SELF_EMPLOYED;
    const wealth = capitalist ? cents(setup.pareto(s.persons.capitalistMinWealth, s.persons.capitalistAlpha)) : initialCash;
    if (wealth > 0) ledger.transfer(WORLD, persons.firstAccount + p, wealth, FLOW.endowment);
  }

  let next = capitalists;
  const productive = state.classes.findIndex((c) => c.productive);
  const cls = state.classes[productive]!;
  // Initial assets are owned outright and rented at the debt service they would carry at the
  // base yield: a neutral market rent for an asset nobody had to bid for.
  const initialRent = annuityPaymentCents(cls.priceCents, state.params.baseYield, state.params.maturityMonths);
  for (let c = 0; c < s.communes.initialCount && next < count; c++) {
    const founders: number[] = [];
    while (founders.length < s.communes.foundersEach && next < count) founders.push(order[next++]!);
    const org = foundCommune(state, founders);
    for (let k = 0; k < s.communes.initialAssetsEach; k++) {
      const asset = state.assets.add(productive, org.id, 0);
      if (k < founders.length) grantPossession(state, asset, founders[k]!, initialRent, state.params.rentalTermMonths);
      else state.assets.onAuction[asset] = 1;
    }
  }
  state.counters.founded = 0;

  // Initial cooperatives: founders next in the seeded order, endowments spread evenly around
  // the mean so that `endowmentSpread` alone sets how unequal they are (MODEL.md 5).
  const coops = s.cooperatives;
  for (let c = 0; c < coops.initialCount && next < count; c++) {
    const founders: number[] = [];
    while (founders.length < coops.foundersEach && next < count) founders.push(order[next++]!);
    const position = coops.initialCount > 1 ? (2 * c) / (coops.initialCount - 1) - 1 : 0;
    const endowment = cents(coops.endowmentPerMember * founders.length * (1 + coops.endowmentSpread * position));
    foundCooperative(state, founders, endowment);
  }
  // Initial firms, founded by capitalists drawn among those with the founding capital.
  foundFirms(state, streams.get('firm-founding'), s.firms.initialCount, false);
  return state;
}
