// MODEL.md section 1: money is integer cents and every movement is a transfer between two
// accounts of one ledger. Nothing else writes a balance (but loops that move money in place
// between agents, or between agents and `world`, see `balancesOf`), so the sum over all
// accounts, the `world` account included, stays exactly zero: money enters an agent only out
// of `world`.

import { grown } from './grown.ts';
import { settleNumberFields } from './number-fields.ts';

/** The account of everything outside the simulated economy. It alone may go negative. */
export const WORLD = 0;

/** What a transfer is for; the ledger keeps a running total per flow. */
export const FLOWS = [
  'endowment', 'exchange', 'tax', 'redistribution', 'sales', 'wages', 'rent', 'interest',
  'principal', 'dividend', 'distribution', 'consumption', 'asset-purchase', 'liquidation',
  'buy-in', 'capital', 'bond-purchase', 'other', 'reservation',
] as const;
export type Flow = (typeof FLOWS)[number];
export const FLOW: { readonly [K in Flow]: number } = Object.freeze(
  Object.fromEntries(FLOWS.map((name, i) => [name, i])) as { [K in Flow]: number },
);

export class LedgerError extends Error {
  override name = 'LedgerError';
}

/**
 * Money past 2^53 cents (about 90 trillion goods units): a double no longer counts cents
 * exactly there, so conservation could not hold. A scenario whose sizes or money amounts take
 * its economy that far is refused with this error, not run inexactly.
 */
export class MoneyRangeError extends LedgerError {
  override name = 'MoneyRangeError';
  /**
   * What passed the range and how much, when the message gives only the generic advice (thrown
   * where the scenario is not known, as by a transfer): the engine then says it again with the
   * scenario's own fields to lower.
   */
  unadvised?: { readonly cents: number; readonly what: string };
}

/** `advice`: what to lower, naming the scenario's fields (money-range-advice.ts), when the caller knows the scenario. */
export function moneyRangeError(cents: number, what: string, advice?: string): MoneyRangeError {
  const error = new MoneyRangeError(`${what} reached ${cents.toExponential(3)} cents, past 2^53 (about 9.0e13 goods units), beyond which `
    + `cents are not counted exactly; ${advice ?? 'lower the scenario\'s population or its money amounts (initial wealth, prices, output)'}`);
  if (advice === undefined) error.unadvised = { cents, what };
  return error;
}

// The errors are built out of line so the hot methods stay small enough for V8 to inline.
function transferError(from: number, to: number, cents: number, fromBalance: number | undefined, accountCount: number): LedgerError {
  if (cents > Number.MAX_SAFE_INTEGER && Number.isFinite(cents)) return moneyRangeError(cents, `a transfer of ${from} to ${to}`);
  if (!(cents >= 0) || Math.floor(cents) !== cents || cents > Number.MAX_SAFE_INTEGER) {
    return new LedgerError(`transfer of ${cents} cents: amounts are whole, non-negative cents`);
  }
  if (from !== WORLD && fromBalance !== undefined && fromBalance < cents) {
    return new LedgerError(`account ${from} cannot pay ${cents} cents: its balance is ${fromBalance}`);
  }
  return new LedgerError(`transfer between accounts ${from} and ${to}: no such pair (${accountCount} accounts open)`);
}

/** Whether `cents` is a valid transfer amount on its own: whole, non-negative, exact. */
function wholeCents(cents: number): boolean {
  return cents >= 0 && Math.floor(cents) === cents && cents <= Number.MAX_SAFE_INTEGER;
}

function settleError(a: number, b: number, targetA: number, balances: Float64Array, accountCount: number): LedgerError {
  const open = (account: number) => account > WORLD && account < accountCount;
  if (a === b || !open(a) || !open(b)) {
    return new LedgerError(`settling accounts ${a} and ${b}: no such pair of accounts other than the world`);
  }
  return new LedgerError(`settling accounts ${a} and ${b} (${balances[a]} and ${balances[b]} cents) to ${targetA} cents for ${a}: amounts are whole cents the pair holds`);
}

export class Ledger {
  private balances: Float64Array;
  private accountCount = 1;
  /** Cents moved per flow since the ledger opened. */
  readonly volumeByFlow = new Float64Array(FLOWS.length);
  /** Net cents into `world` per flow (negative: the world paid the economy). */
  readonly worldNetByFlow = new Float64Array(FLOWS.length);

  constructor(initialCapacity = 1024) {
    this.balances = new Float64Array(Math.max(2, initialCapacity));
    // Reassigned once before any code is optimised: the first reassignment (by growth, in
    // `open`) would otherwise throw away every optimised function that read the balances.
    this.balances = this.balances.slice();
    settleNumberFields(this);
  }

  get size(): number {
    return this.accountCount;
  }

  /** Opens `count` consecutive accounts at zero and returns the id of the first. */
  open(count = 1): number {
    const first = this.accountCount;
    const needed = first + count;
    // Reassigned only on growth: a store to the field makes V8 treat it as mutable.
    if (needed > this.balances.length) this.balances = grown(this.balances, needed);
    this.accountCount = needed;
    return first;
  }

  balance(account: number): number {
    return this.balances[account]!;
  }

  /** Moves `cents` from one account to another; only `world` may be overdrawn. */
  transfer(from: number, to: number, cents: number, flow = FLOW.other): void {
    const balances = this.balances;
    // One combined test, its explanation out of line: a small method V8 inlines into the
    // exchange loops. Math.floor, not `cents % 1`: a double's modulo is a library call.
    if (
      !(cents >= 0) || Math.floor(cents) !== cents || cents > Number.MAX_SAFE_INTEGER
      || (from !== WORLD && !(balances[from]! >= cents))
      || from === to || from >= this.accountCount || to >= this.accountCount || from < 0 || to < 0
    ) {
      throw transferError(from, to, cents, balances[from], this.accountCount);
    }
    balances[from]! -= cents;
    balances[to]! += cents;
    this.volumeByFlow[flow]! += cents;
    if (to === WORLD) this.worldNetByFlow[flow]! += cents;
    else if (from === WORLD) this.worldNetByFlow[flow]! -= cents;
  }

  /**
   * Two transfers from one account to another, for two flows (a bond holding's interest and
   * principal): the same balances and flow totals as `transfer` twice, checked once. A bond
   * service pays thousands of holdings a month, each with both parts.
   */
  transferTwo(from: number, to: number, centsA: number, flowA: number, centsB: number, flowB: number): void {
    const balances = this.balances;
    const cents = centsA + centsB;
    if (
      !(centsA >= 0) || Math.floor(centsA) !== centsA || !(centsB >= 0) || Math.floor(centsB) !== centsB
      || cents > Number.MAX_SAFE_INTEGER || (from !== WORLD && !(balances[from]! >= cents))
      || from === to || from >= this.accountCount || to >= this.accountCount || from < 0 || to < 0
    ) {
      throw transferError(from, to, wholeCents(centsA) ? (wholeCents(centsB) ? cents : centsB) : centsA, balances[from], this.accountCount);
    }
    balances[from]! -= cents;
    balances[to]! += cents;
    const volume = this.volumeByFlow;
    volume[flowA]! += centsA;
    volume[flowB]! += centsB;
    if (to === WORLD) {
      this.worldNetByFlow[flowA]! += centsA;
      this.worldNetByFlow[flowB]! += centsB;
    } else if (from === WORLD) {
      this.worldNetByFlow[flowA]! -= centsA;
      this.worldNetByFlow[flowB]! -= centsB;
    }
  }

  /**
   * One transfer between two agents' accounts in whichever direction leaves `a` holding
   * `targetA` cents (the pair's sum unchanged). Written without a branch on the direction:
   * the kinetic exchanges settle a random direction every time, which a branch mispredicts
   * half the time (the benchmark measured it at 40% of the exchange's cost).
   */
  settlePair(a: number, b: number, targetA: number, flow = FLOW.other): void {
    const balances = this.balances;
    const wa = balances[a]!;
    const wb = balances[b]!;
    if (
      !(targetA >= 0) || Math.floor(targetA) !== targetA || !(targetA <= wa + wb)
      || a === b || a <= WORLD || b <= WORLD || a >= this.accountCount || b >= this.accountCount
    ) {
      throw settleError(a, b, targetA, balances, this.accountCount);
    }
    const delta = targetA - wa;
    balances[a] = targetA;
    balances[b] = wb - delta;
    this.volumeByFlow[flow]! += Math.abs(delta);
  }

  /**
   * For each k < count with cents[k] > 0, a transfer of cents[k] from `world` to account
   * first + k (`toWorld`: from that account to `world`): the same balances and flow totals as
   * those transfers one by one, in one call (whole cents: the totals' sums are exact in any
   * grouping). Output and consumption move money between the world and every person monthly.
   */
  transfersWithWorld(first: number, cents: Float64Array, count: number, flow: number, toWorld: boolean): void {
    if (!(first > WORLD && count >= 0 && first + count <= this.accountCount && count <= cents.length)) {
      throw new LedgerError(`transfers with accounts ${first} to ${first + count - 1}: not all open (${this.accountCount} accounts open)`);
    }
    const moved = toWorld ? this.payRange(first, cents, count) : this.creditRange(first, cents, count);
    this.balances[WORLD] = toWorld ? this.balances[WORLD]! + moved : this.balances[WORLD]! - moved;
    this.volumeByFlow[flow]! += moved;
    this.worldNetByFlow[flow] = toWorld ? this.worldNetByFlow[flow]! + moved : this.worldNetByFlow[flow]! - moved;
  }

  /** transfersWithWorld's credits: returns the cents moved. */
  private creditRange(first: number, cents: Float64Array, count: number): number {
    const balances = this.balances;
    let moved = 0;
    for (let k = 0; k < count; k++) {
      const c = cents[k]!;
      if (!(c > 0)) continue;
      if (Math.floor(c) !== c || c > Number.MAX_SAFE_INTEGER) throw transferError(WORLD, first + k, c, undefined, this.accountCount);
      balances[first + k]! += c;
      moved += c;
    }
    return moved;
  }

  /** transfersWithWorld's payments: returns the cents moved. */
  private payRange(first: number, cents: Float64Array, count: number): number {
    const balances = this.balances;
    let moved = 0;
    for (let k = 0; k < count; k++) {
      const c = cents[k]!;
      if (!(c > 0)) continue;
      const from = first + k;
      if (Math.floor(c) !== c || c > Number.MAX_SAFE_INTEGER || !(balances[from]! >= c)) {
        throw transferError(from, WORLD, c, balances[from], this.accountCount);
      }
      balances[from]! -= c;
      moved += c;
    }
    return moved;
  }

  /**
   * The balances of accounts `first` to `first + count - 1` as a live view (index 0 is `first`),
   * for a loop that moves money among them in place: the Boltzmann rule moves a unit per
   * agent-step, and a checked `transfer` costs more than the move. The loop keeps this
   * ledger's law itself: each move takes whole cents from one of these accounts, never below
   * zero, and gives the same cents to another; it then adds the cents moved with `addVolume`.
   * Valid until the next `open`.
   */
  balancesOf(first: number, count: number): Float64Array {
    if (!(first > WORLD && count >= 0 && first + count <= this.accountCount)) {
      throw new LedgerError(`accounts ${first} to ${first + count - 1}: not all open agents' accounts (${this.accountCount} accounts open)`);
    }
    return this.balances.subarray(first, first + count);
  }

  /** Counts `cents` moved between agents' accounts through `balancesOf` in `flow`'s volume. */
  addVolume(flow: number, cents: number): void {
    if (!wholeCents(cents)) throw new LedgerError(`a volume of ${cents} cents: amounts are whole, non-negative cents`);
    this.volumeByFlow[flow]! += cents;
  }

  /**
   * The `world` side of transfers a loop made through `balancesOf` between `world` and those
   * accounts, `cents` in all (paid to `world` when `toWorld`, else paid by it): the world's
   * balance and `flow`'s totals, as `transfersWithWorld` keeps them for the same transfers.
   * The loop keeps the ledger's law for each account (whole cents, never below zero) and sums
   * `cents` in account order, as `transfersWithWorld` does. For a walk over persons that
   * decides each one's amount and moves it in the same pass (output's sales, consumption).
   */
  addWorldTransfers(flow: number, cents: number, toWorld: boolean): void {
    if (!wholeCents(cents)) {
      if (cents > Number.MAX_SAFE_INTEGER && Number.isFinite(cents)) throw moneyRangeError(cents, 'transfers with world');
      throw new LedgerError(`transfers with world of ${cents} cents: amounts are whole, non-negative cents`);
    }
    this.balances[WORLD] = toWorld ? this.balances[WORLD]! + cents : this.balances[WORLD]! - cents;
    this.volumeByFlow[flow]! += cents;
    this.worldNetByFlow[flow] = toWorld ? this.worldNetByFlow[flow]! + cents : this.worldNetByFlow[flow]! - cents;
  }

  /** Pays as much of `cents` as `from` holds and returns what was paid. */
  payUpTo(from: number, to: number, cents: number, flow = FLOW.other): number {
    const paid = from === WORLD ? cents : Math.min(cents, this.balances[from]!);
    if (paid > 0) this.transfer(from, to, paid, flow);
    return paid;
  }

  /** Copies `count` balances starting at `first` into `out` (no allocation). */
  copyBalances(first: number, count: number, out: Float64Array): Float64Array {
    out.set(this.balances.subarray(first, first + count));
    return out;
  }

  /** Sum of every account, `world` included: zero unless a cent was created or lost. */
  total(): number {
    let sum = 0;
    const balances = this.balances;
    for (let i = 0; i < this.accountCount; i++) sum += balances[i]!;
    return sum;
  }

  /**
   * The conservation check: the sum is zero, every balance is whole cents and no account but
   * `world` is negative. Returns a description of the first problem, or null.
   */
  audit(): string | null {
    const balances = this.balances;
    let sum = 0;
    for (let i = 0; i < this.accountCount; i++) {
      const b = balances[i]!;
      if (b % 1 !== 0) return `account ${i} holds a fraction of a cent: ${b}`;
      if (i !== WORLD && b < 0) return `account ${i} is negative: ${b}`;
      sum += b;
    }
    if (sum !== 0) return `the ledger sums to ${sum} cents instead of 0`;
    if (!Number.isSafeInteger(Math.abs(balances[WORLD]!))) {
      return `the world account left the range of exact integers: ${balances[WORLD]}`;
    }
    return null;
  }
}
