// The bench's page playback rate: years shown per second from Play to the last year.
import { describe, expect, it } from 'vitest';
import { median, pageCpu, pageOverhead, yearsPerSecond } from '../../bench/playback-rate.ts';

describe('page playback rate', () => {
  it('counts from Play to the first readout showing the last year', () => {
    const samples = [[1000, 0], [1500, 4.5], [2000, 9.8], [2200, 10], [2400, 10]] as const;
    expect(yearsPerSecond(samples, 1000, 0, 10)).toBe(10 / 1.2);
  });

  it('ignores readouts from before Play was pressed', () => {
    const samples = [[500, 10], [1500, 10]] as const;
    expect(yearsPerSecond(samples, 1000, 0, 10)).toBe(20);
  });

  it('has no rate when the readout never reaches the year', () => {
    expect(yearsPerSecond([[1500, 9.9]], 1000, 0, 10)).toBeUndefined();
  });

  it('says the page overhead as the share of extra time over the engine alone', () => {
    expect(pageOverhead(20, 25)).toBeCloseTo(0.25, 12);
    expect(pageOverhead(25, 25)).toBe(0);
  });

  it('takes the middle of an odd count and the lower middle of an even one', () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 3, 2])).toBe(2);
  });
});

describe('page CPU from a trace', () => {
  const thread = (pid: number, tid: number, name: string) => ({ ph: 'M', name: 'thread_name', pid, tid, args: { name } });
  const task = (pid: number, tid: number, cpuMs: number) => ({ ph: 'X', name: 'RunTask', cat: 'toplevel', pid, tid, tdur: cpuMs * 1000 });

  it('splits top-level task CPU into the busiest worker, the main thread and the rest', () => {
    const cpu = pageCpu([
      thread(1, 1, 'CrRendererMain'), thread(1, 2, 'DedicatedWorker thread'), thread(1, 3, 'DedicatedWorker thread'),
      thread(1, 4, 'Compositor'), thread(2, 1, 'VizCompositorThread'),
      task(1, 1, 300), task(1, 1, 200), task(1, 2, 1500), task(1, 3, 100), task(1, 4, 50), task(2, 1, 25),
      // Nested events and other categories are inside the top-level ones: not counted again.
      { ph: 'X', name: 'FunctionCall', cat: 'devtools.timeline', pid: 1, tid: 2, tdur: 1_000_000 },
    ]);
    expect(cpu.worker).toBeCloseTo(1.5, 12);
    expect(cpu.main).toBeCloseTo(0.5, 12);
    expect(cpu.others).toBeCloseTo(0.175, 12);
  });
});
