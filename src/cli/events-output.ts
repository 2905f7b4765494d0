// events.csv (`--events`): the run's event ledger, one row per merge, takeover, founding,
// failure, default, liquidation and change of an asset's owner, per replicate, in the order
// they happened. Columns: who and whom with their kinds (an organisation's kind, person, world,
// bondholders), the asset, amounts in cents (empty where the kind has none) and, for merges,
// takeovers, foundings and failures, the sizes the UI's event table shows.
import { MONTHS_PER_YEAR } from '../model/engine.ts';
import { EVENT_KINDS, PARTY_KINDS } from '../model/economy/event-log.ts';
import { replicateLabel, type RunMetrics } from './summary.ts';
import { cellOf, columnTypeOf, type Cell, type ColumnType, type Table } from './table.ts';

export const EVENT_COLUMNS = [
  'replicate', 'seed', 'tick', 'year', 'kind', 'who', 'whoKind', 'whom', 'whomKind', 'asset', 'amountCents', 'lossCents', 'sizeWho', 'sizeWhom',
] as const;
const EVENT_TYPES: readonly ColumnType[] = [
  'text', 'text', 'integer', 'real', 'text', 'integer', 'text', 'integer', 'text', 'integer', 'real', 'real', 'integer', 'integer',
];

/** An id of nobody (-1) is empty. */
const idOrNull = (id: number): Cell => (id >= 0 ? id : null);
const partyName = (kind: number): Cell => (PARTY_KINDS[kind] === '' ? null : PARTY_KINDS[kind]!);

export function eventsTable(metrics: RunMetrics, seed: string | number): Table {
  const seedType = columnTypeOf([seed]);
  const rows: Cell[][] = [];
  for (const result of metrics.replicates) {
    const e = result.events;
    if (e === undefined) continue;
    const label = replicateLabel(result.replicateKey);
    for (let i = 0; i < e.tick.length; i++) {
      rows.push([
        label, cellOf(seed, seedType), e.tick[i]!, e.tick[i]! / MONTHS_PER_YEAR, EVENT_KINDS[e.kind[i]!]!,
        idOrNull(e.who[i]!), partyName(e.whoKind[i]!), idOrNull(e.whom[i]!), partyName(e.whomKind[i]!), idOrNull(e.asset[i]!),
        e.amountCents[i]!, e.lossCents[i]!, e.sizeWho[i]!, e.sizeWhom[i]!,
      ]);
    }
  }
  return { columns: EVENT_COLUMNS, types: EVENT_TYPES.map((t, i) => (i === 1 ? seedType : t)), rows };
}
