// The claims command's time estimate (claims-estimate.ts): which runs time the machine, when
// the threads count as warm, and how the rest is scheduled, on figures worked by hand.
import { describe, expect, it } from 'vitest';
import { CalibratedOrder, estimateTotal, RunTimes, MAX_WARM_UP_ROUNDS, MIN_WARM_PERSON_MONTHS, RECENT_ROUNDS } from '../../src/cli/claims-estimate.ts';
import { progressLine } from '../../src/cli/progress-bar.ts';

describe('the order that times the machine', () => {
  it('hands out the runs in list order and gives the estimate when the threads are warm, timed on their last runs', () => {
    // 40 runs of 1.5 million person-months on 2 threads (no CPU times: judged on wall time). Per
    // thread 10, 6, 5.5, 5 s: the last three lie within 1.2 of each other and each thread has
    // run 6 million person-months (over MIN_WARM_PERSON_MONTHS).
    const order = new CalibratedOrder(new Array(40).fill(1_500_000), 2);
    const warmUp = [10, 10, 6, 6, 5.5, 5.5, 5, 5];
    const started: number[] = [];
    const dues: boolean[] = [];
    warmUp.forEach((seconds, i) => {
      started.push(order.next());
      dues.push(order.ended(started[i]!, i % 2, seconds));
    });
    expect(started).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
    expect(dues).toEqual([false, false, false, false, false, false, false, true]);
    expect(order.warm).toBe(true);
    // The median of each thread's last three runs (6, 5.5, 5 twice): 5.5 s per 1.5 million.
    expect(order.rate()).toBeCloseTo(5.5 / 1_500_000, 15);
    expect(order.timedRuns).toBe(6);
    // No jumping sample: the rest follows in order.
    expect([order.next(), order.next(), order.next()]).toEqual([8, 9, 10]);
    expect(order.waiting()).toHaveLength(40 - 11);
  });

  it('does not call a thread warm before it has run MIN_WARM_PERSON_MONTHS, however alike its first runs', () => {
    // A plateau: runs agree with each other before the CPU time falls again (V8's tiers).
    const order = new CalibratedOrder(new Array(100).fill(1_000_000), 1);
    const cpu = [1.0, 1.0, 1.0, 0.6, 0.4, 0.4, 0.4];
    const dues = cpu.map((c) => order.ended(order.next(), 0, c, c));
    // 5 million person-months after the fifth run, but its last three (1.0, 0.6, 0.4)
    // disagree; the seventh run makes 0.4, 0.4, 0.4.
    expect(MIN_WARM_PERSON_MONTHS).toBeGreaterThan(3 * 1_000_000);
    expect(MIN_WARM_PERSON_MONTHS).toBeLessThanOrEqual(5 * 1_000_000);
    expect(dues).toEqual([false, false, false, false, false, false, true]);
    expect(order.rate()).toBeCloseTo(0.4 / 1_000_000, 15);
  });

  it('gives the estimate anyway after MAX_WARM_UP_ROUNDS runs per thread that keep getting faster', () => {
    const order = new CalibratedOrder(new Array(100).fill(1_000_000), 2);
    const dues: boolean[] = [];
    for (let i = 0; i < 2 * MAX_WARM_UP_ROUNDS; i++) dues.push(order.ended(order.next(), i % 2, 100 / 1.5 ** i));
    expect(dues.indexOf(true)).toBe(2 * MAX_WARM_UP_ROUNDS - 1);
    expect(order.warm).toBe(false);
    expect(order.next()).toBe(2 * MAX_WARM_UP_ROUNDS);
  });

  it('gives the estimate when the last run ends if the list is too short to warm up, and every run once', () => {
    const order = new CalibratedOrder([100, 100, 100], 2);
    const jobs = [order.next(), order.next()];
    expect(order.ended(jobs[0]!, 0, 1)).toBe(false);
    expect(order.ended(jobs[1]!, 1, 1)).toBe(false);
    jobs.push(order.next());
    expect(order.ended(jobs[2]!, 0, 1)).toBe(true);
    expect([...jobs].sort()).toEqual([0, 1, 2]);
  });
});

describe('warm-up', () => {
  it('lasts while a thread\'s runs keep getting faster; the rate is the median of each thread\'s last three', () => {
    const times = new RunTimes();
    // Thread 1: 10, 6, 5.5, 5 s per 1,000 person-months; thread 2: 9, 7, 6, 6 (wall only).
    const one = [10, 6, 5.5, 5];
    const two = [9, 7, 6, 6];
    const pm = 1_500_000;
    times.record(1, one[0]!, pm);
    times.record(2, two[0]!, pm);
    times.record(1, one[1]!, pm);
    times.record(2, two[1]!, pm);
    expect(times.warm(2)).toBe(false);
    times.record(1, one[2]!, pm);
    times.record(2, two[2]!, pm);
    // Thread 1's last three, 10, 6, 5.5: 1.8 from fastest to slowest: still warming.
    expect(times.warm(2)).toBe(false);
    times.record(1, one[3]!, pm);
    times.record(2, two[3]!, pm);
    // 6, 5.5, 5 (1.2) and 7, 6, 6 (1.17).
    expect(times.warm(2)).toBe(true);
    // Last three: 6, 5.5, 5 and 7, 6, 6 s per 1.5 million person-months: median 6.
    expect(times.rate()).toBeCloseTo(6 / pm, 15);
    expect(times.rateRuns).toBe(6);
    expect(times.timedRuns).toBe(8);
  });

  it('is judged on the thread\'s CPU time when known: wall time that swings with the load does not hide warm-up, nor fake it', () => {
    // Thread 1 as measured under load (mixed, 1,000 persons x 30 years): wall 11, 9, 8 s, each
    // at least 0.8 of the run before, while its CPU time still falls 1.1, 0.9, 0.6 s: not warm.
    const falling = new RunTimes();
    [[11, 1.1], [9, 0.9], [8, 0.6]].forEach(([wall, cpu]) => falling.record(1, wall!, 360_000, cpu));
    expect(falling.warm(1)).toBe(false);
    // Thread 2 (runs of 1.2 million person-months): CPU flat at 0.40-0.44 s while the wall time halves as other work ends: warm.
    const flat = new RunTimes();
    [[5, 0.44], [4, 0.44], [3, 0.4], [2, 0.42], [2, 0.41]].forEach(([wall, cpu]) => flat.record(2, wall!, 1_200_000, cpu));
    expect(flat.warm(1)).toBe(true);
  });

  it('waits for every thread: one that has not run yet is not warm', () => {
    const times = new RunTimes();
    for (let i = 0; i < 3; i++) times.record(1, 1, MIN_WARM_PERSON_MONTHS / 3, 0.5);
    expect(times.warm(1)).toBe(true);
    expect(times.warm(2)).toBe(false);
  });

  it('is never over before a thread has three runs', () => {
    const times = new RunTimes();
    times.record(1, 1, 100);
    times.record(1, 1, 100);
    expect(times.warm(1)).toBe(false);
  });
});

describe('the renewed estimate', () => {
  it('follows the latest runs since the warm-up: the load falls and the rate follows it', () => {
    // 200 runs of 100 person-months on 2 threads; warm-up 3 runs a thread at 1 s (flat CPU),
    // too short to pass MIN_WARM_PERSON_MONTHS, so the warm-up ends at MAX_WARM_UP_ROUNDS.
    const order = new CalibratedOrder(new Array(200).fill(100), 2);
    for (let i = 0; i < 2 * MAX_WARM_UP_ROUNDS - 6; i++) order.ended(order.next(), i % 2, 1, 0.5);
    for (let i = 0; i < 6; i++) order.ended(order.next(), i % 2, 1, 0.5);
    expect(order.warmedUp).toBe(true);
    expect(order.recentRate()).toBeNaN();
    // 20 more at 1 s, then the load falls: 20 runs at 0.5 s.
    for (let i = 0; i < 20; i++) order.ended(order.next(), i % 2, 1, 0.5);
    expect(order.recentRate()).toBeCloseTo(0.01, 12);
    for (let i = 0; i < 2 * RECENT_ROUNDS; i++) order.ended(order.next(), i % 2, 0.5, 0.5);
    // The last RECENT_ROUNDS runs a thread are all at the new pace.
    expect(order.recentRate()).toBeCloseTo(0.005, 12);
  });

  it('is what the progress line counts down to, when the command gives one', () => {
    expect(progressLine(50, 100, 10, 20_000, 65)).toMatch(/ETA 1:05$/);
    expect(progressLine(50, 100, 10, 20_000, Number.NaN)).toMatch(/ETA --:--$/);
    // Without one: the pace so far (50 months in 20 s, 50 to go), said to be the warm-up's.
    expect(progressLine(50, 100, 10, 20_000)).toMatch(/ETA 0:20$/);
    expect(progressLine(50, 100, 10, 20_000, undefined, 'warm-up pace, high')).toMatch(/ETA 0:20 \(warm-up pace, high\)$/);
    expect(progressLine(50, 100, 10, 20_000, 65, 'warm-up pace, high')).toMatch(/ETA 1:05$/);
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
