// MODEL.md 3: an asset is scrapped when its lifespan has run out. The asset table finds the
// worn-out assets from the front of a per-class queue in birth order instead of scanning every
// asset; checked here against that scan, the definition, on a seeded history of additions and
// retirements. The queue needs births in order (the engine adds assets at the current tick):
// the table refuses an asset born before its class's last one.
import { describe, expect, it } from 'vitest';
import { AssetTable, type AssetClassParams } from '../../src/model/economy/asset-table.ts';
import { RandomStream } from '../../src/model/random.ts';

const CLASSES: AssetClassParams[] = [
  { name: 'workshop', priceCents: 120_000, outputCents: 3_600, lifespanMonths: 150, productive: true },
  { name: 'toolkit', priceCents: 40_000, outputCents: 2_300, lifespanMonths: 7.5, productive: true },
  { name: 'home', priceCents: 60_000, outputCents: 1_000, lifespanMonths: 13, productive: false },
];

/** The definition: every asset in service whose age has reached its class's lifespan, in id order. */
function scanWornOut(assets: AssetTable, tick: number): number[] {
  return [...assets.live()].filter((a) => assets.alive[a] === 1 && tick - assets.bornTick[a]! >= assets.classLife[assets.cls[a]!]!);
}

function history(): { wornByQueue: number[][]; wornByScan: number[][]; severalClassesWorn: number } {
  const rng = new RandomStream('seed:1', 'asset-wear-test');
  const assets = new AssetTable(CLASSES);
  const wornByQueue: number[][] = [];
  const wornByScan: number[][] = [];
  let severalClassesWorn = 0;
  // 400 months: the workshops' queue outgrows its first 64 slots (growth) and, as they wear out,
  // fills again with worn-out ids at its front (compaction).
  for (let tick = 0; tick < 400; tick++) {
    const expected = scanWornOut(assets, tick);
    const worn = [...assets.wornOut(tick)];
    wornByQueue.push(worn);
    wornByScan.push(expected);
    if (new Set(worn.map((a) => assets.cls[a])).size > 1) severalClassesWorn++;
    for (const a of worn) assets.retire(a);
    // A few births a month (some months none), and a few early retirements (liquidations).
    const births = rng.int(5);
    for (let b = 0; b < births; b++) {
      assets.add(rng.int(CLASSES.length), rng.int(5), tick);
    }
    const live = assets.live();
    if (live.length > 0 && rng.bernoulli(0.3)) assets.retire(live[rng.int(live.length)]!);
  }
  return { wornByQueue, wornByScan, severalClassesWorn };
}

describe('AssetTable.wornOut', () => {
  it('gives, month by month, exactly the assets a scan of every asset finds, in id order', () => {
    const { wornByQueue, wornByScan, severalClassesWorn } = history();
    expect(wornByQueue).toEqual(wornByScan);
    // The history must exercise the queue: many assets wear out, in some months of several classes.
    expect(wornByQueue.flat().length).toBeGreaterThan(50);
    expect(severalClassesWorn).toBeGreaterThan(3);
  });

  it('refuses an asset born before its class\'s last one, and adds nothing then', () => {
    const assets = new AssetTable(CLASSES);
    assets.add(0, 0, 5);
    assets.add(1, 0, 3);
    expect(() => assets.add(0, 0, 4)).toThrow(/class 0 born at tick 4, after one born at tick 5/);
    expect(assets.count).toBe(2);
    expect(assets.ownedBy(0)).toBe(2);
    // Another class, and the same tick, are in order.
    assets.add(1, 0, 3);
    assets.add(0, 0, 5);
    expect(assets.count).toBe(4);
  });
});
