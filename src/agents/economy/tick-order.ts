// MODEL.md 1, the tick order of the economy, on one screen. Year-end phases run after every
// twelfth month.
import type { Phase } from '../../model/engine.ts';
import { hasEnterprises, type EconomyState } from '../../model/economy/economy-state.ts';
import { closeYear } from '../../model/economy/yearly-accounts.ts';
import { newSaverQueue, openSaverBudgets } from './savers.ts';
import { produceAndSell, scrapWornOutAssets } from './production.ts';
import { moveCycle } from './business-cycle.ts';
import { moveProductivity } from './enterprise-productivity.ts';
import { closeFinanceYear } from './credit-history.ts';
import { collectRentCreditLabourAndRecount, recountOrganisations, rollMonthlyHistory } from './membership.ts';
import { holderBookkeeping, serviceCommuneBonds } from './commune-bond-service.ts';
import { enforceDefaults, enforceSeriesDefaults } from './defaults.ts';
import { payCommuneDividends } from './dividends.ts';
import { chooseModes } from './mode-choice.ts';
import { requestAcquisitions, runRentalAuctions } from './acquisition.ts';
import { consume } from './consumption.ts';
import { closeFailedCommunes, closeInsolventCommunes, foundNewCommunes } from './founding.ts';
import { holdMergeVotes } from './merges.ts';
import { payWagesAndService } from './wages.ts';
import { hireApplicants, newLabourMarket, openLabourMarket } from './labour-market.ts';
import { listWorkforce } from './workforce.ts';
import { distributeCooperativeIncome } from '../cooperative/member-distributions.ts';
import { closeEmptyCooperatives, foundNewCooperatives, resolveFailingCooperatives } from '../cooperative/cooperative-lifecycle.ts';
import { payFirmDividends } from '../firm/shareholder-payouts.ts';
import { investFirms } from '../firm/investment.ts';
import { closeEmptyFirms, enforceBankruptcies, foundNewFirms } from '../firm/firm-lifecycle.ts';
import { holdTakeovers } from '../firm/takeover-phase.ts';
import { letOutVacantAssets } from '../cooperative/idle-capital.ts';

/** What the phases carry from one tick to the next outside the state (a snapshot keeps it). */
export interface EconomyPhaseMemory {
  readonly market: ReturnType<typeof newLabourMarket>;
  readonly saverQueue: ReturnType<typeof newSaverQueue>;
  /** Moves between communes over the current year, per pair (merge interrelation). */
  readonly moves: Map<number, number>;
}

export function economyPhases(state: EconomyState): {
  phases: Phase<EconomyState>[]; yearEndPhases: Phase<EconomyState>[]; memory: EconomyPhaseMemory;
} {
  const s = state.streams;
  const shocks = s.get('output-shocks');
  const cycle = s.get('cycle');
  const productivity = s.get('enterprise-productivity');
  const modeChoice = s.get('mode-choice');
  const auctions = s.get('auctions');
  const bondAsks = s.get('bond-asks');
  const founding = s.get('founding');
  const hiring = s.get('hiring');
  const firmFounding = s.get('firm-founding');
  const coopFounding = s.get('cooperative-founding');
  const takeovers = s.get('takeovers');
  const market = newLabourMarket(state.persons.count);
  const saverQueue = newSaverQueue(state.persons.count);
  const bookkeeping = holderBookkeeping(state);
  // Moves between communes over the current year, per pair (merge interrelation).
  const moves = new Map<number, number>();
  const phases: Phase<EconomyState>[] = [
    { name: 'output and sales', run: (st) => { scrapWornOutAssets(st); moveCycle(st, cycle); moveProductivity(st, productivity); produceAndSell(st, shocks); } },
    { name: 'rent and member labour', run: (st) => { collectRentCreditLabourAndRecount(st, moves); rollMonthlyHistory(st); } },
    {
      name: 'wages and member distributions',
      run: (st) => {
        if (!hasEnterprises(st)) return;
        const workforce = listWorkforce(st.persons);
        payWagesAndService(st, workforce); distributeCooperativeIncome(st, workforce);
      },
    },
    { name: 'bond service', run: (st) => serviceCommuneBonds(st, bookkeeping) },
    {
      name: 'missed payments and defaults',
      // The tenants' defaults (rental rules), then the series' (one rule for every issuer),
      // then the issuers' insolvency (one test for every kind; each kind's own winding up).
      run: (st) => {
        enforceDefaults(st); enforceSeriesDefaults(st);
        enforceBankruptcies(st); resolveFailingCooperatives(st); closeInsolventCommunes(st);
        if (hasEnterprises(st)) letOutVacantAssets(st);
      },
    },
    { name: 'dividends', run: (st) => { payCommuneDividends(st); payFirmDividends(st); } },
    { name: 'mode choices', run: (st) => { openLabourMarket(st, market); chooseModes(st, modeChoice, market); } },
    {
      name: 'acquisition requests and auctions',
      run: (st) => {
        auctions.shuffle(st.persons.seekers, st.persons.seekerCount);
        runRentalAuctions(st, auctions);
        const enterprises = hasEnterprises(st);
        if (st.persons.seekerCount === 0 && !enterprises) return;
        openSaverBudgets(st, saverQueue);
        requestAcquisitions(st, bondAsks, saverQueue);
        if (!enterprises) return;
        hireApplicants(st, market, hiring, saverQueue);
        investFirms(st, saverQueue, bondAsks, market.positions);
      },
    },
    { name: 'consumption', run: consume },
  ];
  const yearEndPhases: Phase<EconomyState>[] = [
    { name: 'commune merges', run: (st) => { recountOrganisations(st); holdMergeVotes(st, moves); moves.clear(); } },
    { name: 'takeovers', run: (st) => { recountOrganisations(st); holdTakeovers(st, takeovers); } },
    {
      name: 'foundings and failures',
      run: (st) => {
        recountOrganisations(st); closeFailedCommunes(st); foundNewCommunes(st, founding);
        closeEmptyFirms(st); closeEmptyCooperatives(st); foundNewFirms(st, firmFounding); foundNewCooperatives(st, coopFounding);
        recountOrganisations(st);
      },
    },
    { name: 'yearly accounts', run: (st) => { closeYear(st); closeFinanceYear(st); } },
  ];
  return { phases, yearEndPhases, memory: { market, saverQueue, moves } };
}
