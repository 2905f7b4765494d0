// The yard-sale model's redistribution (Boghosian 2014): a flat wealth tax paid into a pool
// that is divided equally; the pool keeps the remainder cents for the next month.
import { FLOW } from '../../model/ledger.ts';
import type { KineticState } from './population.ts';

export function wealthTaxRedistribution(state: KineticState, poolAccount: number, rate: number): void {
  const { ledger, firstAccount, agentCount } = state;
  for (let i = 0; i < agentCount; i++) {
    const account = firstAccount + i;
    const tax = Math.floor(rate * ledger.balance(account));
    if (tax > 0) ledger.transfer(account, poolAccount, tax, FLOW.tax);
  }
  const share = Math.floor(ledger.balance(poolAccount) / agentCount);
  if (share === 0) return;
  for (let i = 0; i < agentCount; i++) ledger.transfer(poolAccount, firstAccount + i, share, FLOW.redistribution);
}
