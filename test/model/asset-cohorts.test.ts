// MODEL.md 3: book value depends on class and age alone, so the asset table sums it per owner by
// groups of one owner, class and month of birth (asset-cohorts.ts). Checked here against the
// sum asset by asset, on a seeded history of purchases, retirements and transfers long enough
// to empty and compact the groups.
import { describe, expect, it } from 'vitest';
import { AssetTable, type AssetClassParams } from '../../src/model/economy/asset-table.ts';
import { RandomStream } from '../../src/model/random.ts';

const CLASSES: AssetClassParams[] = [
  { name: 'workshop', priceCents: 120_000, outputCents: 3_600, lifespanMonths: 150, productive: true },
  { name: 'toolkit', priceCents: 40_000, outputCents: 2_300, lifespanMonths: 7.5, productive: true },
  { name: 'home', priceCents: 60_000, outputCents: 1_000, lifespanMonths: 13, productive: false },
];
const OWNERS = 6;

/** The definition: each asset in service still within its lifespan adds its book value to its owner. */
function bookValueAssetByAsset(assets: AssetTable, tick: number): Float64Array {
  const equity = new Float64Array(OWNERS);
  for (const a of assets.live()) {
    if (tick - assets.bornTick[a]! < assets.classLife[assets.cls[a]!]!) equity[assets.owner[a]!]! += assets.bookValue(a, tick);
  }
  return equity;
}

describe('book value by owner', () => {
  it('is the sum asset by asset after purchases, retirements and transfers', () => {
    const rng = new RandomStream('seed:1', 'asset-cohorts-test');
    const assets = new AssetTable(CLASSES);
    for (let tick = 0; tick < 300; tick++) {
      for (let k = rng.int(6); k > 0; k--) assets.add(rng.int(CLASSES.length), rng.int(OWNERS), tick);
      for (const a of [...assets.wornOut(tick)]) assets.retire(a);
      const live = [...assets.live()];
      for (let k = rng.int(3); k > 0 && live.length > 0; k--) assets.retire(live[rng.int(live.length)]!);
      if (tick % 50 === 49) assets.transferAll(rng.int(OWNERS), rng.int(OWNERS));
      const byGroups = new Float64Array(OWNERS);
      assets.addBookValueByOwner(tick, byGroups);
      expect([...byGroups]).toEqual([...bookValueAssetByAsset(assets, tick)]);
    }
  });

  it('is the sum asset by asset when asked again in a month after purchases, retirements and transfers', () => {
    const rng = new RandomStream('seed:2', 'asset-cohorts-test');
    const assets = new AssetTable(CLASSES);
    const ask = (tick: number) => {
      const kept = new Float64Array(OWNERS);
      assets.addBookValueByOwner(tick, kept);
      expect([...kept]).toEqual([...bookValueAssetByAsset(assets, tick)]);
    };
    for (let tick = 0; tick < 300; tick++) {
      // Some months are first asked before their purchases, some only after.
      if (tick % 3 !== 0) ask(tick);
      for (let k = rng.int(6); k > 0; k--) assets.add(rng.int(CLASSES.length), rng.int(OWNERS), tick);
      ask(tick);
      for (const a of [...assets.wornOut(tick)]) assets.retire(a);
      const live = [...assets.live()];
      for (let k = rng.int(3); k > 0 && live.length > 0; k--) assets.retire(live[rng.int(live.length)]!);
      if (tick % 7 === 6) assets.transferAll(rng.int(OWNERS), rng.int(OWNERS));
      ask(tick);
    }
  });

  it('keeps few empty groups: they are dropped once half of the groups are empty', () => {
    const rng = new RandomStream('seed:1', 'asset-cohorts-test');
    const assets = new AssetTable(CLASSES);
    for (let tick = 0; tick < 1000; tick++) {
      for (let k = 1 + rng.int(6); k > 0; k--) assets.add(rng.int(CLASSES.length), rng.int(OWNERS), tick);
      for (const a of [...assets.wornOut(tick)]) assets.retire(a);
      assets.addBookValueByOwner(tick, new Float64Array(OWNERS));
      const groups = new Set([...assets.live()].map((a) => `${assets.owner[a]}/${assets.cls[a]}/${assets.bornTick[a]}`)).size;
      expect(assets.cohorts.count).toBeLessThanOrEqual(Math.max(groups + 65, 2 * groups + 1));
    }
  });
});

describe('assets in service', () => {
  it('are every asset not retired, in id order, however the retirements fall between asks', () => {
    const rng = new RandomStream('seed:3', 'asset-cohorts-test');
    const assets = new AssetTable(CLASSES);
    for (let tick = 0; tick < 300; tick++) {
      for (let k = rng.int(8); k > 0; k--) assets.add(rng.int(CLASSES.length), rng.int(OWNERS), tick);
      // Retired in no particular order, some twice, some asked about in between.
      for (let k = rng.int(6); k > 0 && assets.count > 0; k--) {
        assets.retire(rng.int(assets.count));
        if (rng.int(4) === 0) assets.live();
      }
      const everyAsset = Array.from({ length: assets.count }, (_, a) => a).filter((a) => assets.alive[a] === 1);
      expect([...assets.live()]).toEqual(everyAsset);
    }
  });

  it('waiting at auction are those in service flagged so, in id order', () => {
    const rng = new RandomStream('seed:4', 'asset-cohorts-test');
    const assets = new AssetTable(CLASSES);
    for (let tick = 0; tick < 200; tick++) {
      for (let k = rng.int(8); k > 0; k--) assets.onAuction[assets.add(rng.int(CLASSES.length), rng.int(OWNERS), tick)] = rng.int(2);
      for (let k = rng.int(10); k > 0 && assets.count > 0; k--) assets.onAuction[rng.int(assets.count)] = rng.int(2);
      for (let k = rng.int(4); k > 0 && assets.count > 0; k--) assets.retire(rng.int(assets.count));
      const flagged = [...assets.live()].filter((a) => assets.onAuction[a] === 1);
      expect([...assets.waitingAtAuction()]).toEqual(flagged);
    }
  });
});
