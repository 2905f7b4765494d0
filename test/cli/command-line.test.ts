import { describe, expect, it } from 'vitest';
import { parseCommandLine, parseScalar, UsageError } from '../../src/cli/arguments.ts';

describe('command line', () => {
  it('reads --set values as YAML scalars', () => {
    expect(parseScalar('500')).toBe(500);
    expect(parseScalar('0.25')).toBe(0.25);
    expect(parseScalar('true')).toBe(true);
    expect(parseScalar('random-split')).toBe('random-split');
    expect(parseScalar('a: b')).toBe('a: b');
  });

  it('turns --seed, --years and --set into overrides of scenario fields', () => {
    const options = parseCommandLine(['x.yaml', '--seed', '7', '--years', '2.5', '--set', 'rule=random-split', '--set', 'amount=3']);
    expect(options.overrides).toEqual({ seed: 7, years: 2.5, rule: 'random-split', amount: 3 });
    expect(options.overrideFlags).toMatchObject({ seed: '--seed', rule: '--set rule' });
    expect(options.replicates).toBeUndefined();
  });

  it('lets a text seed stay a text', () => {
    expect(parseCommandLine(['x.yaml', '--seed', 'spring-2026']).overrides).toEqual({ seed: 'spring-2026' });
  });

  it('rejects unknown flags, a missing file, a bad format and a replicate count of zero', () => {
    expect(() => parseCommandLine(['x.yaml', '--bogus'])).toThrow(UsageError);
    expect(() => parseCommandLine([])).toThrow('no scenario file');
    expect(() => parseCommandLine(['x.yaml', '--format', 'xml'])).toThrow('allowed: csv, json, parquet');
    expect(() => parseCommandLine(['x.yaml', '--replicates', '0'])).toThrow('--replicates');
    expect(() => parseCommandLine(['x.yaml', '--replicates', '2.5'])).toThrow('--replicates');
    expect(() => parseCommandLine(['x.yaml', '--set', '=3'])).toThrow('--set');
  });
});
