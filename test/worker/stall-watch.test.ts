// The page's watch on its workers (stall-watch.ts) with a fake ping: a worker that answers is
// never given up, one that stops answering is given up once, and a build excuses the silence.
import { afterEach, describe, expect, it } from 'vitest';
import { watchPings } from '../../src/worker/stall-watch.ts';

const stops: (() => void)[] = [];
afterEach(() => { for (const stop of stops.splice(0)) stop(); });
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Watches a fake worker that answers while `answering()`; returns the silences it was given up after. */
function watch(answering: () => boolean, excused = () => false): number[] {
  const stalls: number[] = [];
  stops.push(watchPings(
    () => (answering() ? Promise.resolve(true) : new Promise(() => {})),
    { everyMs: 10, timeoutMs: 60, excused, stalled: (silentMs) => stalls.push(silentMs) },
  ));
  return stalls;
}

describe('the page watching a worker', () => {
  it('never gives up a worker that answers its pings', async () => {
    const stalls = watch(() => true);
    await sleep(300);
    expect(stalls).toEqual([]);
  });

  it('gives up a worker that stops answering once, after the timeout', async () => {
    let answering = true;
    const stalls = watch(() => answering);
    await sleep(50);
    answering = false;
    await sleep(400);
    expect(stalls).toHaveLength(1);
    expect(stalls[0]).toBeGreaterThan(60);
  });

  it('holds no silence against a worker while it is excused (building a scenario)', async () => {
    let building = true;
    const stalls = watch(() => false, () => building);
    await sleep(300);
    expect(stalls).toEqual([]);
    building = false;
    await sleep(100);
    expect(stalls).toHaveLength(1);
  });
});
