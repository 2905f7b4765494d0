// The event ledger of a run (`--events`): every default, liquidation and change of an asset's
// owner, with who, whom and the amounts, recorded where it happens by one call. Off unless a run
// asks for it (`state.eventLog` undefined): recording reads the state and never changes it, so
// a run gives the same numbers with or without it. Merges, takeovers, foundings and failures
// are on `state.events` already (the UI's event table); `eventColumns` joins both, by month.
import { grown } from '../grown.ts';
import type { LiquidationOutcome } from '../market/liquidation.ts';
import type { AssetTable } from './asset-table.ts';
import type { EconomyEvent, EconomyState } from './economy-state.ts';

export const EVENT_KINDS = ['merge', 'takeover', 'founding', 'failure', 'default', 'liquidation', 'ownership'] as const;
export type EventKind = (typeof EVENT_KINDS)[number];
const KIND = Object.fromEntries(EVENT_KINDS.map((k, i) => [k, i])) as Record<EventKind, number>;

/** Who stands on either side of an event: an organisation by its ORG_* kind, or one of these. */
export const PARTY_KINDS = ['commune', 'firm', 'cooperative', 'person', 'world', 'bondholders', ''] as const;
const PERSON = 3;
const WORLD = 4;
const BONDHOLDERS = 5;
const NOBODY = 6;

/**
 * One row per event, in the order they happened (merges, takeovers, foundings and failures first
 * within a month). Ids: `who`/`whom` are organisation ids, or person ids when their kind is
 * person, -1 for the world, bondholders or nobody. Amounts in cents, NaN where the kind has none.
 */
export interface EventColumns {
  readonly tick: Int32Array;
  readonly kind: Uint8Array;
  readonly who: Int32Array;
  readonly whoKind: Uint8Array;
  readonly whom: Int32Array;
  readonly whomKind: Uint8Array;
  readonly asset: Int32Array;
  readonly amountCents: Float64Array;
  readonly lossCents: Float64Array;
  /** Merges, takeovers, foundings, failures: the sizes state.events records (NaN for the rest). */
  readonly sizeWho: Float64Array;
  readonly sizeWhom: Float64Array;
}

export class EventLog {
  count = 0;
  tick = new Int32Array(256);
  kind = new Uint8Array(256);
  who = new Int32Array(256);
  whoKind = new Uint8Array(256);
  whom = new Int32Array(256);
  whomKind = new Uint8Array(256);
  asset = new Int32Array(256);
  amountCents = new Float64Array(256);
  lossCents = new Float64Array(256);

  private add(tick: number, kind: number, who: number, whoKind: number, whom: number, whomKind: number, asset: number, amountCents: number, lossCents: number): void {
    if (this.count === this.tick.length) {
      const n = 2 * this.count;
      this.tick = grown(this.tick, n); this.kind = grown(this.kind, n); this.who = grown(this.who, n);
      this.whoKind = grown(this.whoKind, n); this.whom = grown(this.whom, n); this.whomKind = grown(this.whomKind, n);
      this.asset = grown(this.asset, n); this.amountCents = grown(this.amountCents, n); this.lossCents = grown(this.lossCents, n);
    }
    const i = this.count++;
    this.tick[i] = tick; this.kind[i] = kind; this.who[i] = who; this.whoKind[i] = whoKind; this.whom[i] = whom;
    this.whomKind[i] = whomKind; this.asset[i] = asset; this.amountCents[i] = amountCents; this.lossCents[i] = lossCents;
  }

  /** A new asset bought from the world by `owner` at its class price (AssetTable.add). */
  bought(assets: AssetTable, asset: number, tick: number): void {
    this.add(tick, KIND.ownership, assets.owner[asset]!, assets.ownerKind[asset]!, -1, WORLD, asset, assets.classPrice[assets.cls[asset]!]!, Number.NaN);
  }

  /** Every asset `from` owns passes to `to` (a merge or takeover), each at its book value. Call before the move. */
  transfers(state: EconomyState, from: number, to: number): void {
    const { assets, orgs } = state;
    const live = assets.live();
    for (let i = 0; i < live.length; i++) {
      const a = live[i]!;
      if (assets.alive[a] && assets.owner[a] === from) {
        this.add(state.tick, KIND.ownership, to, orgs.get(to).kind, from, orgs.get(from).kind, a, assets.bookValue(a, state.tick), Number.NaN);
      }
    }
  }

  /** Every asset in service now, owned by its owner from nobody (the economy's starting endowment). */
  endowments(state: EconomyState): void {
    const { assets } = state;
    const live = assets.live();
    for (let i = 0; i < live.length; i++) {
      const a = live[i]!;
      if (assets.alive[a]) this.add(state.tick, KIND.ownership, assets.owner[a]!, assets.ownerKind[a]!, -1, NOBODY, a, assets.bookValue(a, state.tick), Number.NaN);
    }
  }

  /** A possessor who missed `graceMonths` rents loses the asset: a tenant's default on its owner, amount the rent missed. */
  possessionLost(state: EconomyState, asset: number): void {
    const { assets } = state;
    const missed = assets.missedRent[asset]!;
    if (missed < state.params.graceMonths) return;
    this.add(state.tick, KIND.default, assets.possessor[asset]!, PERSON, assets.owner[asset]!, assets.ownerKind[asset]!, asset, missed * assets.rentCents[asset]!, Number.NaN);
  }

  /**
   * An asset leaves the economy (asset-disposal.ts): a liquidation is a sale to the world
   * (amount: proceeds; loss: what its bondholders lost); a series closed short of what it owed
   * is its issuer's default on its bondholders (amount: paid to them; loss: their loss).
   */
  disposal(state: EconomyState, asset: number, owner: number, ownerKind: number, how: 'liquidation' | 'scrap', defaulted: boolean, outcome: LiquidationOutcome): void {
    if (how === 'liquidation') this.add(state.tick, KIND.liquidation, owner, ownerKind, -1, WORLD, asset, outcome.proceedsCents, outcome.lossCents);
    if (defaulted) this.add(state.tick, KIND.default, owner, ownerKind, -1, BONDHOLDERS, asset, outcome.paidToHoldersCents, outcome.lossCents);
  }
}

/**
 * Starts recording the run's events from now on. The assets the economy starts with are listed
 * first as ownership rows from nobody at their book value, so the ledger accounts for every
 * asset an owner ever held.
 */
export function startEventLog(state: EconomyState): EventLog {
  const log = new EventLog();
  log.endowments(state);
  state.eventLog = log;
  state.assets.onBought = (asset, tick) => log.bought(state.assets, asset, tick);
  return log;
}

/** state.events (merges, takeovers, foundings, failures) and the log, one table ordered by month. */
export function eventColumns(state: EconomyState, log: EventLog): EventColumns {
  const events: readonly EconomyEvent[] = state.events;
  const n = events.length + log.count;
  const out: EventColumns = {
    tick: new Int32Array(n), kind: new Uint8Array(n), who: new Int32Array(n), whoKind: new Uint8Array(n), whom: new Int32Array(n),
    whomKind: new Uint8Array(n), asset: new Int32Array(n), amountCents: new Float64Array(n), lossCents: new Float64Array(n),
    sizeWho: new Float64Array(n), sizeWhom: new Float64Array(n),
  };
  let e = 0;
  let l = 0;
  for (let row = 0; row < n; row++) {
    // Both lists are in month order: take state.events' row first within a month.
    if (e < events.length && (l >= log.count || events[e]!.tick <= log.tick[l]!)) {
      const ev = events[e++]!;
      out.tick[row] = ev.tick; out.kind[row] = KIND[ev.kind]; out.who[row] = ev.org; out.whoKind[row] = state.orgs.get(ev.org).kind;
      out.whom[row] = ev.other; out.whomKind[row] = ev.other >= 0 ? state.orgs.get(ev.other).kind : NOBODY;
      out.asset[row] = -1; out.amountCents[row] = Number.NaN; out.lossCents[row] = Number.NaN;
      out.sizeWho[row] = ev.sizeA; out.sizeWhom[row] = ev.other >= 0 ? ev.sizeB : Number.NaN;
    } else {
      out.tick[row] = log.tick[l]!; out.kind[row] = log.kind[l]!; out.who[row] = log.who[l]!; out.whoKind[row] = log.whoKind[l]!;
      out.whom[row] = log.whom[l]!; out.whomKind[row] = log.whomKind[l]!; out.asset[row] = log.asset[l]!;
      out.amountCents[row] = log.amountCents[l]!; out.lossCents[row] = log.lossCents[l]!;
      out.sizeWho[row] = Number.NaN; out.sizeWhom[row] = Number.NaN;
      l++;
    }
  }
  return out;
}
