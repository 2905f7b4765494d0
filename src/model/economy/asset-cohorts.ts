// MODEL.md 3: straight-line depreciation makes an asset's book value a function of its class
// and age alone, so assets of one owner, class and month of birth are worth the same. Net
// worth sums book value per owner every month (wealth-dependent consumption), and such groups
// are far fewer than assets: a commune buys a month's assets at one auction (mixed 10,000 at
// year 25: 19,069 assets in 3,748 groups; communes-only: 18,245 in 847).
import { grown } from '../grown.ts';
import { bookValueCents } from '../market/depreciation.ts';

/**
 * Assets in service counted by owner, class and tick of birth, kept by the asset table as
 * assets are added, retired and transferred. A group emptied by retirements stays until enough
 * are empty to compact the table (an eighth: the book's walk below reads every group every
 * month, and at half, 30% of a mixed 10,000 x 50 y run's 7,900 groups a month were empty, each
 * a jump taken or not as good as at random; a compaction is one walk over the assets in service).
 */
export class AssetCohorts {
  count = 0;
  owner = new Int32Array(64);
  cls = new Int32Array(64);
  bornTick = new Int32Array(64);
  /** Assets of the group in service. */
  size = new Int32Array(64);
  /** Group of each asset, by asset id (stale once the asset is retired). */
  ofAsset = new Int32Array(64);
  private emptied = 0;

  constructor() {
    // Reassigned once before any code is optimised (see AssetTable's constructor).
    this.owner = this.owner.slice(); this.cls = this.cls.slice(); this.bornTick = this.bornTick.slice();
    this.size = this.size.slice(); this.ofAsset = this.ofAsset.slice();
  }

  /** A new asset in service. Its tick's groups are the last ones (assets are added in order of birth). */
  join(asset: number, owner: number, cls: number, tick: number): void {
    let k = this.count - 1;
    while (k >= 0 && this.bornTick[k] === tick && (this.owner[k] !== owner || this.cls[k] !== cls)) k--;
    if (k < 0 || this.bornTick[k] !== tick) k = this.open(owner, cls, tick);
    else if (this.size[k] === 0) this.emptied--;
    this.size[k]!++;
    this.ofAsset = grown(this.ofAsset, asset + 1);
    this.ofAsset[asset] = k;
  }

  /** An asset in service retires. */
  leave(asset: number): void {
    const k = this.ofAsset[asset]!;
    if (--this.size[k]! === 0) this.emptied++;
  }

  /** Every group of `from` passes to `to` (merges, takeovers). */
  transfer(from: number, to: number): void {
    for (let k = 0; k < this.count; k++) if (this.owner[k] === from) this.owner[k] = to;
  }

  private open(owner: number, cls: number, tick: number): number {
    const k = this.count++;
    const n = this.count;
    this.owner = grown(this.owner, n); this.cls = grown(this.cls, n);
    this.bornTick = grown(this.bornTick, n); this.size = grown(this.size, n);
    this.owner[k] = owner; this.cls[k] = cls; this.bornTick[k] = tick; this.size[k] = 0;
    return k;
  }

  /**
   * Adds to `equity` (by owner) the book value of every asset in service at `tick`, a group
   * at a time: one asset's book value (the class's table by age, `bookValueCents` before
   * birth) times the group's size. Whole cents, so the same sums as asset by asset. When an
   * eighth of the groups are empty they are dropped, and the assets in service (`inService`, which may
   * still list some retired, told apart by `alive`) take their groups' new numbers.
   */
  addBookValues(
    tick: number, classes: { readonly classLife: Float64Array; readonly classPrice: Float64Array; readonly classBookValue: readonly Float64Array[] },
    equity: Float64Array, inService: Int32Array, alive: Uint8Array,
  ): void {
    if (this.emptied > 64 && 8 * this.emptied > this.count) this.compact(inService, alive);
    const { owner, cls, bornTick, size } = this;
    const { classLife, classPrice, classBookValue } = classes;
    for (let k = 0; k < this.count; k++) {
      const n = size[k]!;
      if (n === 0) continue;
      const c = cls[k]!;
      const age = tick - bornTick[k]!;
      if (age < classLife[c]!) equity[owner[k]!]! += n * (age >= 0 ? classBookValue[c]![age]! : bookValueCents(classPrice[c]!, age, classLife[c]!));
    }
  }

  /** Drops the empty groups, keeping the others in order, and renumbers the assets in service. */
  private compact(inService: Int32Array, alive: Uint8Array): void {
    const renumbered = new Int32Array(this.count);
    const n = this.dropEmpty(renumbered);
    renumber(this.ofAsset, renumbered, inService, alive);
    this.count = n;
    this.emptied = 0;
  }

  /** Moves the groups in service to the front, writing each one's new number; returns how many. */
  private dropEmpty(renumbered: Int32Array): number {
    const { owner, cls, bornTick, size } = this;
    let n = 0;
    for (let k = 0; k < this.count; k++) {
      if (size[k] === 0) continue;
      renumbered[k] = n;
      owner[n] = owner[k]!; cls[n] = cls[k]!; bornTick[n] = bornTick[k]!; size[n] = size[k]!;
      n++;
    }
    return n;
  }
}

/**
 * Each asset in service takes its group's new number. A function of its own ending with its
 * loop: compaction is rare, and V8 compiles such a loop on stack and keeps the code, which
 * gave up at whatever followed the loop at every later call.
 */
function renumber(ofAsset: Int32Array, renumbered: Int32Array, inService: Int32Array, alive: Uint8Array): void {
  for (let i = 0; i < inService.length; i++) {
    const a = inService[i]!;
    if (alive[a]) ofAsset[a] = renumbered[ofAsset[a]!]!;
  }
}
