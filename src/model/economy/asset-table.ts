// MODEL.md section 3: assets as a growable table. Every asset has exactly one owner (an
// organisation) and at most one possessor; the rental agreement lives on the asset's row.
import { bookValueCents } from '../market/depreciation.ts';
import { ORG_COMMUNE } from './organisation-table.ts';
import { settleNumberFields } from '../number-fields.ts';
import { grown } from '../grown.ts';
import { AssetCohorts } from './asset-cohorts.ts';

export interface AssetClassParams {
  readonly name: string;
  readonly priceCents: number;
  /** Productive: output at skill 1; housing: the imputed rent it saves its occupant. */
  readonly outputCents: number;
  readonly lifespanMonths: number;
  readonly productive: boolean;
}

/** `AssetTable.attendTick` of an asset its owner's workers work: no rental rule until it is let out. */
export const ATTEND_NEVER = 0x7fffffff;

export class AssetTable {
  count = 0;
  cls = new Uint8Array(64);
  owner = new Int32Array(64);
  /** Kind of its owner (commune, firm, cooperative): fixed, since merges and takeovers join like kinds. */
  ownerKind = new Uint8Array(64);
  possessor = new Int32Array(64);
  bornTick = new Int32Array(64);
  alive = new Uint8Array(64);
  /** Active bond series financing it, or -1 once redeemed (or never financed). */
  series = new Int32Array(64);
  /** The rental agreement: rent, end of term, consecutive missed payments. */
  rentCents = new Float64Array(64);
  termEndTick = new Int32Array(64);
  missedRent = new Int32Array(64);
  /** Months spent without a possessor since it was last freed. */
  vacantMonths = new Int32Array(64);
  /** Waiting at a rental auction. */
  onAuction = new Uint8Array(64);
  /**
   * Let out through the shared rental auction (MODEL.md 10.1, 10.8), not worked by its owner's
   * own workers: every home, every commune asset, and an enterprise's productive asset its
   * owner chose to rent out.
   */
  letOut = new Uint8Array(64);
  /**
   * The first tick at which the rental rules (defaults.ts) must look at the asset again: every
   * writer of its possessor, lease or `letOut`, and a missed rent, sets 0 (look next month);
   * the rules set the end of its term or `ATTEND_NEVER`. A month then reads one column of
   * some 17,000 assets instead of five, for the 1% that need a rule.
   */
  attendTick = new Int32Array(64);
  /** Assets in service by owner, class and tick of birth: book value per owner without a walk over assets. */
  readonly cohorts = new AssetCohorts();
  /**
   * Book value per owner at `bookTick` (whole cents) of the assets in service, summed by the
   * groups once a tick and kept as assets are added, retired and transferred: the balance
   * sheets, the equity and the samples each ask in the same month.
   */
  private bookByOwner = new Float64Array(64);
  private bookTick = -1;
  /** Told of every asset added (bought from the world) while a run records its events (event-log.ts). */
  onBought: ((asset: number, tick: number) => void) | undefined = undefined;

  /** Ids of assets in service, in id order; the retired are dropped lazily (`live`). */
  private liveIds = new Int32Array(64);
  /** Assets in service per owner (organisation id), kept as assets are added, retired and transferred. */
  private ownedCounts = new Int32Array(64);
  private liveCount = 0;
  /** Assets retired since `live` last dropped them from the list. */
  private retiredIds = new Int32Array(64);
  private retiredCount = 0;
  /**
   * The wear queue: per class, ids in order of birth, taken from the front as they wear out
   * (`wornOut`). Assets are born at the current tick, so within a class birth order is
   * lifespan-end order and a month looks only at the queue's front instead of every asset;
   * `add` refuses an asset born before its class's last queued one.
   */
  private readonly wearQueue: Int32Array[];
  private readonly wearHead: Int32Array;
  private readonly wearLength: Int32Array;
  private wornBuffer = new Int32Array(64);
  private auctionBuffer = new Int32Array(64);

  /** Class columns, for loops that should not chase objects. */
  readonly classPrice: Float64Array;
  readonly classLife: Float64Array;
  readonly classOutput: Float64Array;
  readonly classProductive: Uint8Array;
  /** Straight-line depreciation a month, price / lifespan (cents). */
  readonly classDepreciation: Float64Array;
  /**
   * Book value by class and whole months of age, `bookValueCents` tabulated once (the same
   * numbers): net worth walks every asset every month, and a lookup is cheaper than a division.
   */
  readonly classBookValue: readonly Float64Array[];

  constructor(readonly classes: readonly AssetClassParams[]) {
    this.classPrice = Float64Array.from(classes, (c) => c.priceCents);
    this.classLife = Float64Array.from(classes, (c) => c.lifespanMonths);
    this.classOutput = Float64Array.from(classes, (c) => c.outputCents);
    this.classProductive = Uint8Array.from(classes, (c) => (c.productive ? 1 : 0));
    this.classDepreciation = Float64Array.from(classes, (c) => c.priceCents / c.lifespanMonths);
    this.classBookValue = classes.map((c) => Float64Array.from(
      { length: Math.max(0, Math.ceil(c.lifespanMonths)) }, (_, age) => bookValueCents(c.priceCents, age, c.lifespanMonths)));
    this.wearQueue = classes.map(() => new Int32Array(64));
    this.wearHead = new Int32Array(classes.length);
    this.wearLength = new Int32Array(classes.length);
    // Grow once now, before any code is optimised: V8 treats a field as constant until it is
    // first reassigned, and that first reassignment (the table's first growth in a run)
    // threw away every optimised function reading the columns; rent collection then ran
    // unoptimised for some 250 months.
    this.grow();
    this.liveIds = this.liveIds.slice();
    this.retiredIds = this.retiredIds.slice();
    this.ownedCounts = this.ownedCounts.slice();
    this.bookByOwner = this.bookByOwner.slice();
    this.wornBuffer = this.wornBuffer.slice();
    this.auctionBuffer = this.auctionBuffer.slice();
    settleNumberFields(this);
  }

  /** Assets in service, in id order (a view: valid until the next add or retire). */
  live(): Int32Array {
    if (this.retiredCount > 0) this.dropRetired();
    return this.liveIds.subarray(0, this.liveCount);
  }

  /**
   * Drops the assets retired since the last call from the list of those in service: each is
   * found by bisection (the list is in id order) and the runs between them are moved down, not
   * every asset in service tested (a month retires a few dozen of some 20,000).
   */
  private dropRetired(): void {
    const retired = this.retiredIds.subarray(0, this.retiredCount);
    if (retired.length > 1) retired.sort();
    const ids = this.liveIds;
    const n = this.liveCount;
    let read = 0;
    let write = 0;
    for (let r = 0; r < retired.length; r++) {
      const at = firstAtLeast(ids, read, n, retired[r]!);
      if (at === n || ids[at] !== retired[r]) throw new Error(`asset ${retired[r]} retired but not in the list of those in service`);
      ids.copyWithin(write, read, at);
      write += at - read;
      read = at + 1;
    }
    ids.copyWithin(write, read, n);
    this.liveCount = write + n - read;
    this.retiredCount = 0;
  }

  /**
   * Assets in service whose lifespan has run out at `tick` (age >= lifespan), in id order, as
   * a view valid until the next call. They leave the wear queue: the caller retires them.
   */
  wornOut(tick: number): Int32Array {
    let n = 0;
    let classesWorn = 0;
    for (let c = 0; c < this.wearQueue.length; c++) {
      const queue = this.wearQueue[c]!;
      const life = this.classLife[c]!;
      const end = this.wearLength[c]!;
      const before = n;
      let head = this.wearHead[c]!;
      for (; head < end; head++) {
        const a = queue[head]!;
        if (!this.alive[a]) continue;
        if (tick - this.bornTick[a]! < life) break;
        n = this.pushWorn(n, a);
      }
      this.wearHead[c] = head;
      if (n > before) classesWorn++;
    }
    const worn = this.wornBuffer.subarray(0, n);
    // Each class's run is in id order already; runs of several classes are merged by a sort,
    // taken every month (a sorted run costs little): first taken in an optimised caller, the
    // sort had no type feedback there and V8 threw the caller's code away.
    worn.sort();
    return worn;
  }

  /**
   * Assets in service waiting at a rental auction, in id order, as a view valid until the next
   * call. The flags are read eight at a time, two words of four: a month has a few hundred
   * waiting among all the rows ever added (57,000 by year 50 of `mixed`), and a flag is 0 or 1,
   * so a word is 0 exactly when its four flags are.
   */
  waitingAtAuction(): Int32Array {
    const flags = this.onAuction;
    const words = new Int32Array(flags.buffer, flags.byteOffset, flags.length >>> 2);
    const end = Math.ceil(this.count / 8) * 2;
    let n = 0;
    for (let w = 0; w < end; w += 2) {
      if ((words[w]! | words[w + 1]!) === 0) continue;
      for (let a = 4 * w; a < 4 * w + 8; a++) if (flags[a] && this.alive[a]) n = this.pushWaiting(n, a);
    }
    return this.auctionBuffer.subarray(0, n);
  }

  private pushWaiting(n: number, asset: number): number {
    if (n === this.auctionBuffer.length) this.auctionBuffer = grown(this.auctionBuffer, n + 1);
    this.auctionBuffer[n] = asset;
    return n + 1;
  }

  private pushWorn(n: number, asset: number): number {
    if (n === this.wornBuffer.length) this.wornBuffer = grown(this.wornBuffer, n + 1);
    this.wornBuffer[n] = asset;
    return n + 1;
  }

  /** The wear queue's order: no asset born before its class's last queued one. */
  private checkBirthOrder(cls: number, tick: number): void {
    const end = this.wearLength[cls]!;
    if (end === this.wearHead[cls]!) return;
    const last = this.bornTick[this.wearQueue[cls]![end - 1]!]!;
    if (tick < last) throw new RangeError(`an asset of class ${cls} born at tick ${tick}, after one born at tick ${last}: assets are added in order of birth`);
  }

  private enqueueForWear(cls: number, asset: number): void {
    let queue = this.wearQueue[cls]!;
    let head = this.wearHead[cls]!;
    let end = this.wearLength[cls]!;
    if (end === queue.length) {
      // Worn-out ids at the front make room before the queue grows.
      if (head > 0) queue.copyWithin(0, head, end);
      end -= head;
      head = 0;
      if (end === queue.length) this.wearQueue[cls] = queue = grown(queue, end + 1);
    }
    queue[end] = asset;
    this.wearHead[cls] = head;
    this.wearLength[cls] = end + 1;
  }

  /** Assets in service owned by organisation `org`. */
  ownedBy(org: number): number {
    return org < this.ownedCounts.length ? this.ownedCounts[org]! : 0;
  }

  /** Every asset in service owned by `from` passes to `to` (merges, takeovers). */
  transferAll(from: number, to: number): void {
    if (from === to) return;
    passOwners(this.owner, this.live(), from, to, this.ownedBy(from));
    this.cohorts.transfer(from, to);
    this.bookByOwner = grown(this.bookByOwner, to + 1);
    if (from < this.bookByOwner.length) {
      this.bookByOwner[to]! += this.bookByOwner[from]!;
      this.bookByOwner[from] = 0;
    }
    this.ownedCounts = grown(this.ownedCounts, to + 1);
    this.ownedCounts[to]! += this.ownedBy(from);
    if (from < this.ownedCounts.length) this.ownedCounts[from] = 0;
  }

  /** Takes an asset out of service (scrapped or liquidated); its row stays for the record. */
  retire(asset: number): void {
    if (this.alive[asset]) {
      this.ownedCounts[this.owner[asset]!]!--;
      this.cohorts.leave(asset);
      this.bookByOwner[this.owner[asset]!]! -= this.bookValueAtBookTick(this.cls[asset]!, this.bornTick[asset]!);
      // Grown unconditionally (the same array while it has room): a growth first taken in an
      // optimised caller had no type feedback and threw its code away (disposeOfAsset).
      this.retiredIds = grown(this.retiredIds, this.retiredCount + 1);
      this.retiredIds[this.retiredCount++] = asset;
    }
    this.alive[asset] = 0;
    this.onAuction[asset] = 0;
  }

  /** A new asset owned by `owner` (an organisation of `ownerKind`), possessed by nobody yet. */
  add(cls: number, owner: number, tick: number, ownerKind: number = ORG_COMMUNE): number {
    this.checkBirthOrder(cls, tick);
    if (this.count === this.cls.length) this.grow();
    // `count` is a double field (settleNumberFields): unoptimised code reads it as a heap
    // number, and an id passed on as one made the kept lists it was pushed to (the rental
    // rules' queue, the auction's) arrays of doubles, and the code pushing to and reading
    // them deoptimised on the arrays' other map. `| 0` hands the id on as a small integer.
    const id = this.count++ | 0;
    this.liveIds = grown(this.liveIds, this.liveCount + 1);
    this.liveIds[this.liveCount++] = id;
    this.cls[id] = cls; this.owner[id] = owner; this.ownerKind[id] = ownerKind; this.possessor[id] = -1; this.bornTick[id] = tick;
    this.alive[id] = 1; this.series[id] = -1; this.rentCents[id] = 0; this.termEndTick[id] = 0;
    this.missedRent[id] = 0; this.vacantMonths[id] = 0; this.onAuction[id] = 0; this.attendTick[id] = 0;
    this.letOut[id] = ownerKind === ORG_COMMUNE || !this.classProductive[cls] ? 1 : 0;
    this.ownedCounts = grown(this.ownedCounts, owner + 1);
    this.ownedCounts[owner]!++;
    this.bookByOwner = grown(this.bookByOwner, owner + 1);
    this.bookByOwner[owner]! += this.bookValueAtBookTick(cls, tick);
    this.enqueueForWear(cls, id);
    this.cohorts.join(id, owner, cls, tick);
    this.onBought?.(id, tick);
    return id;
  }

  /** Adds to `equity` (by owner) the book value at `tick` of every asset in service (whole cents). */
  addBookValueByOwner(tick: number, equity: Float64Array): void {
    const book = this.bookValueByOwner(tick);
    // Whole cents, so one sum per owner adds up to what its assets' values added one by one do.
    for (let o = 0, n = Math.min(book.length, equity.length); o < n; o++) equity[o]! += book[o]!;
  }

  /**
   * Book value at `tick` of each owner's assets in service (whole cents), indexed by owner:
   * read-only, valid until the next add, retirement or transfer.
   */
  bookValueByOwner(tick: number): Float64Array {
    if (tick !== this.bookTick) {
      this.bookByOwner.fill(0);
      // The kept list as it stands, not rebuilt (`live` rebuilds it in place under any caller's view).
      this.cohorts.addBookValues(tick, this, this.bookByOwner, this.liveIds.subarray(0, this.liveCount), this.alive);
      this.bookTick = tick;
    }
    return this.bookByOwner;
  }

  /** What one asset of class `cls` born at `bornTick` adds to its owner's book value at `bookTick` (as the groups count it). */
  private bookValueAtBookTick(cls: number, bornTick: number): number {
    const age = this.bookTick - bornTick;
    const life = this.classLife[cls]!;
    if (!(age < life)) return 0;
    return age >= 0 ? this.classBookValue[cls]![age]! : bookValueCents(this.classPrice[cls]!, age, life);
  }

  classOf(asset: number): AssetClassParams {
    return this.classes[this.cls[asset]!]!;
  }

  bookValue(asset: number, tick: number): number {
    const age = tick - this.bornTick[asset]!;
    const table = this.classBookValue[this.cls[asset]!]!;
    if (age >= 0 && age < table.length) return table[age]!;
    const c = this.classOf(asset);
    return bookValueCents(c.priceCents, age, c.lifespanMonths);
  }

  private grow(): void {
    const n = this.cls.length * 2;
    const g = <T extends Uint8Array | Int32Array | Float64Array>(a: T): T => grown(a, n);
    this.cls = g(this.cls); this.owner = g(this.owner); this.ownerKind = g(this.ownerKind); this.possessor = g(this.possessor);
    this.bornTick = g(this.bornTick); this.alive = g(this.alive); this.series = g(this.series);
    this.rentCents = g(this.rentCents); this.termEndTick = g(this.termEndTick);
    this.missedRent = g(this.missedRent); this.vacantMonths = g(this.vacantMonths); this.onAuction = g(this.onAuction);
    this.letOut = g(this.letOut); this.attendTick = g(this.attendTick);
  }
}

/** The first position in `ids[from..to)` (ascending) holding at least `id`, else `to`. */
/**
 * Hands the `left` live assets owned by `from` to `to`; the walk stops at the last of them. A
 * function of its own, ending with its loop: compiled on stack in a first long walk, transferAll
 * kept that code and gave it up after the loop at every later takeover or merge, at a sum of
 * book values its feedback had seen only whole (Chromium: 31 to 43 deoptimisations a mixed
 * 10,000 x 50 y run).
 */
function passOwners(owner: Int32Array, live: Int32Array, from: number, to: number, left: number): void {
  for (let i = 0; i < live.length && left > 0; i++) {
    if (owner[live[i]!] === from) {
      owner[live[i]!] = to;
      left--;
    }
  }
}

function firstAtLeast(ids: Int32Array, from: number, to: number, id: number): number {
  let lo = from;
  let hi = to;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (ids[mid]! < id) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
