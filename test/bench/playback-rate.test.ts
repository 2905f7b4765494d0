// The bench's page playback rate: years shown per second from Play to the last year.
import { describe, expect, it } from 'vitest';
import { median, pageOverhead, yearsPerSecond } from '../../bench/playback-rate.ts';

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
