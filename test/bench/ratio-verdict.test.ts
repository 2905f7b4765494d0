// The bench fails its run only on an engine/bare ratio that noise cannot reach.
import { describe, expect, it } from 'vitest';
import { judgeRatios } from '../../bench/ratio-verdict.ts';

describe('bench ratio verdict', () => {
  it('passes a loaded quick run whose single pairs scatter past 2 but whose median does not', () => {
    // The 15 ratios of a --quick run on a loaded two-core machine (issue 16).
    const loaded = [0.74, 0.78, 1.95, 1.18, 1.58, 1.4, 1.39, 3.91, 2.02, 0.47, 1.38, 1.72, 1.2, 4.82, 2.13];
    const verdict = judgeRatios(loaded);
    expect(verdict.regressed).toBe(false);
    expect(verdict.median).toBe(1.4);
    expect(verdict.text).toContain('the worst pair (4.82)');
  });

  it('fails, and says why, when the median ratio is past twice the target', () => {
    const slowed = [3.9, 4.2, 4.4, 5, 6.1];
    const verdict = judgeRatios(slowed);
    expect(verdict.regressed).toBe(true);
    expect(verdict.text).toMatch(/median engine\/bare ratio of the 5 pairs: 4\.40; above 2 x 2 = 4.*exit code 1/i);
  });

  it('fails on a ratio that is not a number', () => {
    expect(judgeRatios([Number.NaN]).regressed).toBe(true);
  });
});
