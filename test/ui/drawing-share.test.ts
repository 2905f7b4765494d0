import { describe, expect, it } from 'vitest';
import { drawingShare } from '../../src/ui/charts/drawing-share.ts';

describe('drawingShare', () => {
  it('lets charts draw at once with time saved up, then makes them wait for their share of the clock', () => {
    const share = drawingShare(0.1, 60);
    expect(share.waitMs(1000)).toBe(0);
    share.spend(1000, 1080);
    // 20 ms ahead of the saved 60: 200 ms of wall time at a tenth.
    expect(share.waitMs(1080)).toBe(200);
    expect(share.waitMs(1180)).toBe(100);
    expect(share.waitMs(1280)).toBe(0);
  });

  it('saves up no more than its maximum, however long the charts were idle', () => {
    const share = drawingShare(0.25, 40);
    share.spend(0, 10);
    expect(share.credit(1_000_000)).toBe(40);
    share.spend(1_000_000, 1_000_050);
    expect(share.waitMs(1_000_050)).toBe(40);
  });
});
