// The yard-sale model's redistribution (Boghosian 2014): a flat wealth tax paid into a pool
// that is divided equally; the pool keeps the remainder cents for the next month.
import { FLOW } from '../../model/ledger.ts';
import type { KineticState } from './population.ts';

// Read once, as in exchange-rules.ts: not a binding read per transfer.
const TAX = FLOW.tax;
const REDISTRIBUTION = FLOW.redistribution;

export function wealthTaxRedistribution(state: KineticState, poolAccount: number, rate: number): void {
  const { ledger, firstAccount, agentCount } = state;
  for (let i = 0; i < agentCount; i++) {
    const account = firstAccount + i;
    const tax = Math.floor(rate * ledger.balance(account));
    if (tax > 0) ledger.transfer(account, poolAccount, tax, TAX);
  }
  const share = Math.floor(ledger.balance(poolAccount) / agentCount);
  if (share === 0) return;
  for (let i = 0; i < agentCount; i++) ledger.transfer(poolAccount, firstAccount + i, share, REDISTRIBUTION);
}
