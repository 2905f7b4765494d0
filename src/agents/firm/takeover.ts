// MODEL.md 5, takeovers at year end: a firm with enough cash may buy a firm with a lower
// return on assets at book equity. Acquirers are taken from the best return down; each firm
// takes part in at most one takeover a year, as buyer or as target.

export interface FirmStanding {
  readonly id: number;
  readonly cashCents: number;
  readonly bookEquityCents: number;
  readonly returnOnAssets: number;
}

export interface Takeover {
  readonly acquirer: number;
  readonly target: number;
  readonly priceCents: number;
}

export function planTakeovers(firms: readonly FirmStanding[]): Takeover[] {
  const byReturn = [...firms].sort((a, b) => b.returnOnAssets - a.returnOnAssets || a.id - b.id);
  const engaged = new Set<number>();
  const plans: Takeover[] = [];
  for (const acquirer of byReturn) {
    if (engaged.has(acquirer.id)) continue;
    // The weakest affordable target first: the one whose assets earn least.
    for (let k = byReturn.length - 1; k >= 0; k--) {
      const target = byReturn[k]!;
      if (target.id === acquirer.id || engaged.has(target.id)) continue;
      if (!(target.returnOnAssets < acquirer.returnOnAssets)) break;
      const priceCents = Math.max(0, Math.round(target.bookEquityCents));
      if (priceCents > acquirer.cashCents) continue;
      plans.push({ acquirer: acquirer.id, target: target.id, priceCents });
      engaged.add(acquirer.id);
      engaged.add(target.id);
      break;
    }
  }
  return plans;
}
