// The claims command's time estimate (claims-estimate.ts): which runs time the machine, when
// the threads count as warm, and how the rest is scheduled, on figures worked by hand.
import { describe, expect, it } from 'vitest';
import { estimateTotal, MAX_SAMPLE_ROUNDS, RunTimes, sampleCount, sampleFirst, samplePositions } from '../../src/cli/claims-estimate.ts';

describe('the runs that time the machine', () => {
  it('are spread over the run list (every scenario and draw in proportion) and run first', () => {
    expect(samplePositions(35, 4)).toEqual([4, 13, 21, 30]);
    const order = sampleFirst(10, 3);
    expect(order.slice(0, 3)).toEqual([1, 5, 8]);
    expect([...order].sort((a, b) => a - b)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect(sampleCount(1000, 2)).toBe(2 * MAX_SAMPLE_ROUNDS);
    expect(sampleCount(5, 2)).toBe(5);
  });
});

describe('warm-up', () => {
  it('lasts while a thread\'s runs keep getting faster; the rate is the median of each thread\'s last two', () => {
    const times = new RunTimes();
    // Thread 1: 10, 6, 5.5, 5 s per 1,000 person-months; thread 2: 9, 7, 6, 6.
    const one = [10, 6, 5.5, 5];
    const two = [9, 7, 6, 6];
    times.record(1, one[0]!, 1000);
    times.record(2, two[0]!, 1000);
    times.record(1, one[1]!, 1000);
    times.record(2, two[1]!, 1000);
    expect(times.warm()).toBe(false);
    times.record(1, one[2]!, 1000);
    times.record(2, two[2]!, 1000);
    // Thread 1 went 10 -> 6 (0.6 of the run before): still warming.
    expect(times.warm()).toBe(false);
    times.record(1, one[3]!, 1000);
    times.record(2, two[3]!, 1000);
    expect(times.warm()).toBe(true);
    // Last two: 5.5, 5 and 6, 6 ms per person-month: median 5.75 ms.
    expect(times.rate()).toBeCloseTo(0.00575, 12);
    expect(times.timedRuns).toBe(8);
  });

  it('is never over before a thread has three runs', () => {
    const times = new RunTimes();
    times.record(1, 1, 100);
    times.record(1, 1, 100);
    expect(times.warm()).toBe(false);
  });
});

describe('the estimate', () => {
  it('is the time spent plus the rest handed to the thread that frees first', () => {
    // 0.01 s per person-month: a run of 100 person-months takes 1 s. Thread A is 0.4 s into one,
    // thread B is free; five more wait: B takes 1 (ends at 1), A at 0.6 takes the next (1.6),
    // B (2), A (2.6), B (3): the last ends 3 s from now.
    const e = estimateTotal(0.01, 6, { elapsedSeconds: 20, threads: 2, running: [{ personMonths: 100, seconds: 0.4 }], waiting: [100, 100, 100, 100, 100] });
    expect(e.totalSeconds).toBeCloseTo(23, 12);
    expect(e.secondsPerPersonMonth).toBe(0.01);
  });

  it('counts the different sizes of the waiting runs', () => {
    // One thread, a run of 300 and one of 50 person-months at 0.02 s: 7 s after the 2 spent.
    expect(estimateTotal(0.02, 1, { elapsedSeconds: 2, threads: 1, running: [], waiting: [300, 50] }).totalSeconds).toBeCloseTo(9, 12);
  });

  it('has none without a timed run', () => {
    expect(estimateTotal(Number.NaN, 0, { elapsedSeconds: 2, threads: 1, running: [], waiting: [1] }).totalSeconds).toBeNaN();
  });
});
