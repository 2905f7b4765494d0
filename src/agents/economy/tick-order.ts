// MODEL.md 1, the tick order of the economy, on one screen. Year-end phases run after every
// twelfth month.
import type { Phase } from '../../model/engine.ts';
import type { EconomyState } from '../../model/economy/economy-state.ts';
import { closeYear } from '../../model/economy/yearly-accounts.ts';
import { newSaverQueue, openSaverBudgets } from './savers.ts';
import { produceAndSell, scrapWornOutAssets } from './production.ts';
import { moveShocks } from './output-shocks.ts';
import { collectRent } from './rent-collection.ts';
import { creditLabour, recountOrganisations, rollMonthlyHistory } from './membership.ts';
import { holderBookkeeping, serviceCommuneBonds } from './commune-bond-service.ts';
import { enforceDefaults } from './defaults.ts';
import { payCommuneDividends } from './dividends.ts';
import { chooseModes } from './mode-choice.ts';
import { requestAcquisitions, runRentalAuctions } from './acquisition.ts';
import { consume } from './consumption.ts';
import { closeFailedCommunes, foundNewCommunes } from './founding.ts';
import { holdMergeVotes } from './merges.ts';

export function economyPhases(state: EconomyState): { phases: Phase<EconomyState>[]; yearEndPhases: Phase<EconomyState>[] } {
  const s = state.streams;
  const shocks = s.get('output-shocks');
  const modeChoice = s.get('mode-choice');
  const auctions = s.get('auctions');
  const bondAsks = s.get('bond-asks');
  const founding = s.get('founding');
  const saverQueue = newSaverQueue(state.persons.count);
  const bookkeeping = holderBookkeeping(state);
  // Moves between communes over the current year, per pair (merge interrelation).
  const moves = new Map<number, number>();
  const phases: Phase<EconomyState>[] = [
    { name: 'output and sales', run: (st) => { scrapWornOutAssets(st); moveShocks(st, shocks); produceAndSell(st); } },
    { name: 'rent and member labour', run: (st) => { collectRent(st); creditLabour(st, moves); recountOrganisations(st); rollMonthlyHistory(st); } },
    { name: 'bond service', run: (st) => serviceCommuneBonds(st, bookkeeping) },
    { name: 'missed payments and defaults', run: enforceDefaults },
    { name: 'dividends', run: payCommuneDividends },
    { name: 'mode choices', run: (st) => chooseModes(st, modeChoice) },
    {
      name: 'acquisition requests and auctions',
      run: (st) => {
        auctions.shuffle(st.persons.seekers, st.persons.seekerCount);
        runRentalAuctions(st, auctions);
        if (st.persons.seekerCount === 0) return;
        openSaverBudgets(st, saverQueue);
        requestAcquisitions(st, bondAsks, saverQueue);
      },
    },
    { name: 'consumption', run: consume },
  ];
  const yearEndPhases: Phase<EconomyState>[] = [
    { name: 'commune merges', run: (st) => { recountOrganisations(st); holdMergeVotes(st, moves); moves.clear(); } },
    { name: 'foundings and failures', run: (st) => { recountOrganisations(st); closeFailedCommunes(st); foundNewCommunes(st, founding); } },
    { name: 'yearly accounts', run: closeYear },
  ];
  return { phases, yearEndPhases };
}
