import { describe, expect, it } from 'vitest';
import { expandSweep, parseSweepAxis, SweepSpecError } from '../../src/scenarios/sweep.ts';

describe('parameter sweeps', () => {
  it('reads a list of values as YAML scalars', () => {
    expect(parseSweepAxis('rule=fixed-amount,random-split')).toEqual({ path: 'rule', values: ['fixed-amount', 'random-split'] });
    expect(parseSweepAxis('lambda=0.1, 0.5')).toEqual({ path: 'lambda', values: [0.1, 0.5] });
  });

  it('reads an inclusive range without floating-point noise', () => {
    expect(parseSweepAxis('lambda=0.1:0.5:0.1').values).toEqual([0.1, 0.2, 0.3, 0.4, 0.5]);
    expect(parseSweepAxis('agents=100:300:100').values).toEqual([100, 200, 300]);
  });

  it('refuses malformed specs with a message saying the form', () => {
    expect(() => parseSweepAxis('lambda')).toThrow(SweepSpecError);
    expect(() => parseSweepAxis('lambda=0.5:0.1:0.1')).toThrow(/start <= stop/);
    expect(() => parseSweepAxis('lambda=0.1,,0.2')).toThrow(/empty value/);
  });

  it('expands every combination, the last axis fastest', () => {
    const points = expandSweep([{ path: 'a', values: [1, 2] }, { path: 'b', values: ['x', 'y', 'z'] }]);
    expect(points).toEqual([
      { a: 1, b: 'x' }, { a: 1, b: 'y' }, { a: 1, b: 'z' },
      { a: 2, b: 'x' }, { a: 2, b: 'y' }, { a: 2, b: 'z' },
    ]);
  });

  it('refuses an axis named twice', () => {
    expect(() => expandSweep([{ path: 'a', values: [1] }, { path: 'a', values: [2] }])).toThrow(/twice/);
  });
});
