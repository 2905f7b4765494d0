// The bad inputs a careless or hostile user tried (issue 16), each refused with a message that
// names the field, the value as written and what is allowed; none crashes, hangs or half-runs.
import { describe, expect, it } from 'vitest';
import { MAX_ISSUES, parseScenarioText, type ScenarioIssue } from '../../src/scenarios/load.ts';
import { applyOverrides } from '../../src/scenarios/overrides.ts';
import { setupShortfalls } from '../../src/scenarios/setup-shortfalls.ts';
import { loadScenario } from '../../src/scenarios/load.ts';

function issuesOf(text: string, overrides: Record<string, unknown> = {}): readonly ScenarioIssue[] {
  const outcome = parseScenarioText(text, overrides);
  if (outcome.ok) throw new Error(`expected the scenario to be rejected: ${text.slice(0, 60)}`);
  return outcome.issues;
}

const RANDOM_EXCHANGE = 'kind: random-exchange\nagents: 50\nyears: 1\n';

describe('overrides never reach a prototype', () => {
  it.each(['__proto__.polluted', 'persons.__proto__.count', 'constructor.prototype.x', 'prototype', 'a.constructor'])(
    'refuses the path %s, naming the segment',
    (path) => {
      const [issue] = issuesOf(RANDOM_EXCHANGE, { [path]: 1 });
      expect(issue!.path).toBe(path);
      expect(issue!.message).toMatch(/"(__proto__|constructor|prototype)" is not a scenario field/);
      expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    },
  );

  it('writes keys as own properties and leaves the input untouched', () => {
    const raw = { kind: 'economy', persons: { count: 10 } };
    const outcome = applyOverrides(raw, { 'persons.count': 20, 'bonds.maxYield': 0.2 });
    expect(outcome).toMatchObject({ ok: true, raw: { persons: { count: 20 }, bonds: { maxYield: 0.2 } } });
    expect(raw.persons.count).toBe(10);
  });

  it('says which part of a path is not a mapping', () => {
    const [issue] = issuesOf(RANDOM_EXCHANGE, { 'agents.count': 3 });
    expect(issue!.message).toBe('override: agents is not a mapping, so it has no field count');
  });

  it('reads a file\'s own "__proto__" key as an unknown key, not as a prototype', () => {
    const [issue] = issuesOf('{"kind": "random-exchange", "__proto__": {"agents": 5}}');
    expect(issue!.path).toBe('__proto__');
    expect(issue!.message).toContain('unknown key "__proto__"');
  });
});

describe('numbers as written', () => {
  it.each([
    ['agents: .nan', 'agents', 'got ".nan"'],
    ['years: .inf', 'years', 'got ".inf"'],
    ['years: -.inf', 'years', 'got "-.inf"'],
    ['agents: 0x64', 'agents', 'got "0x64"'],
    ['agents: 0o144', 'agents', 'got "0o144"'],
    ['years: 1e400', 'years', 'got 1e400'],
  ])('shows %s as written and what is allowed', (line, path, shown) => {
    const [issue] = issuesOf(`kind: random-exchange\n${line}\n`);
    expect(issue).toMatchObject({ path, line: 2 });
    expect(issue!.message).toContain(shown);
    expect(issue!.message).toMatch(/allowed: a (whole )?number/);
    expect(issue!.message).not.toContain('null');
  });

  it.each([
    ['0b1100100', 'binary'],
    ['1:40', 'base 60'],
    ['1:40.0', 'base 60 with a fraction'],
    ['0144', 'octal, as YAML 1.1 reads a leading zero'],
    ['1_000', 'digits grouped by underscores'],
    ['0x64', 'hex'],
    ['2001-01-01', 'a date'],
  ])('refuses %s (%s) in a file that declares YAML 1.1, as written, as it refuses hex', (written) => {
    const [issue] = issuesOf(`%YAML 1.1\n---\nkind: random-exchange\nagents: ${written}\n`);
    expect(issue).toMatchObject({ path: 'agents', line: 4, message: `got "${written}"; allowed: a whole number from 2 to 1000000 (agents)` });
  });

  it('reads a YAML 1.1 file\'s decimal numbers as numbers, and its other notations as text where text is allowed', () => {
    const scenario = loadScenario('%YAML 1.1\n---\nkind: random-exchange\nagents: 1e2\nyears: 2.5\nname: 0b11\nseed: 0b101\n');
    expect(scenario).toMatchObject({ agents: 100, years: 2.5, name: '0b11', seed: '0b101' });
    // A seed in another notation is the text written, as `seed: 0x10` is.
    expect(loadScenario('%YAML 1.1\n---\nkind: random-exchange\nseed: 1:30\n').seed).toBe('1:30');
    expect(loadScenario('kind: random-exchange\nseed: 0x10\n').seed).toBe('0x10');
  });

  it('refuses a run shorter than a month or of a fraction of a month instead of rounding it', () => {
    expect(issuesOf('kind: yard-sale\nyears: 0.0001\n')[0]!.message).toMatch(/^got 0\.0001; years must be a whole number of months/);
    expect(issuesOf('kind: yard-sale\nyears: 0.3\n')[0]!.message).toContain('whole number of months');
    expect(loadScenario('kind: yard-sale\nyears: 2.5\n').years).toBe(2.5);
    // A month as typed, 0.0833, is one month.
    expect(loadScenario('kind: yard-sale\nyears: 0.0833\n').years).toBe(0.0833);
  });

  it('reports a negative length once, by its range (the whole-months rule is moot)', () => {
    const issues = issuesOf('kind: yard-sale\nyears: -3\n');
    expect(issues).toHaveLength(1);
    expect(issues[0]!.message).toBe('got -3; allowed: a number greater than 0 and at most 1000 (years)');
  });

  it('reports a seed too large once', () => {
    const issues = issuesOf('kind: yard-sale\n', { seed: 99999999999999999999 });
    expect(issues).toHaveLength(1);
    expect(issues[0]!.message).toMatch(/^got 100000000000000000000; allowed: a whole number from 0 to 9007199254740991 or text/);
  });
});

describe('text that is not one scenario', () => {
  it('says plainly that two YAML documents are one too many', () => {
    const [issue] = issuesOf('kind: random-exchange\n---\nkind: yard-sale\n');
    expect(issue!.message).toBe('the text holds more than one YAML document (a second `---` or `...`); a scenario is one document');
    expect(issue!.line).toBe(2);
    expect(issue!.message).not.toContain('parseAllDocuments');
  });

  it.each([
    ['flow', `kind: random-exchange\nx: ${'['.repeat(5000)}${']'.repeat(5000)}\n`],
    ['flow, shallower', `kind: random-exchange\nx: ${'['.repeat(200)}${']'.repeat(200)}\n`],
    ['block', `kind: random-exchange\n${Array.from({ length: 300 }, (_, i) => `${' '.repeat(i)}k${i}:`).join('\n')} 1\n`],
  ])('refuses deep nesting (%s) with a plain message', (_, text) => {
    const [issue] = issuesOf(text);
    expect(issue!.message).toMatch(/^nested (too deeply to read|more than 32 levels deep)/);
    expect(issue!.message).not.toContain('call stack');
  });

  it('caps a flood of errors at a readable number, counts the rest, in time linear in the input', () => {
    const flood = (n: number) => `kind: random-exchange\n${Array.from({ length: n }, (_, i) => `k${i}: 1`).join('\n')}\n`;
    const time = (text: string) => {
      const start = performance.now();
      const issues = issuesOf(text);
      return { ms: performance.now() - start, issues };
    };
    time(flood(2000));
    const small = time(flood(7_500));
    const large = time(flood(60_000));
    expect(large.issues).toHaveLength(MAX_ISSUES + 1);
    expect(large.issues[MAX_ISSUES]!.message).toBe(`and 59,980 more problems not listed (the first ${MAX_ISSUES} are above)`);
    expect(large.issues[0]).toMatchObject({ path: 'k0', line: 2 });
    // Eight times the input: linear is about 8x, quadratic 64x; 30x leaves room for a loaded machine.
    expect(large.ms / Math.max(small.ms, 1)).toBeLessThan(30);
  });

  it.each([
    // Read as a double, 1e-400 is 0 and 4503599627370496.5 a whole number: the schema has nothing to say of them.
    ['1e-400', 25, 'and 6 more problems'],
    ['4503599627370496.5', 20, 'and 1 more problem'],
    ['1e400', 25, 'and 6 more problems'],
  ])('keeps the cap when the file\'s seed %s is refused too, among %i unknown keys', (seed, keys, more) => {
    const issues = issuesOf(`kind: random-exchange\nseed: ${seed}\n${Array.from({ length: keys }, (_, i) => `k${i}: 1`).join('\n')}\n`);
    expect(issues).toHaveLength(MAX_ISSUES + 1);
    expect(issues[0]).toMatchObject({ path: 'seed', line: 2 });
    expect(issues[MAX_ISSUES]!.message).toBe(`${more} not listed (the first ${MAX_ISSUES} are above)`);
  });

  it('keeps the cap when the file\'s seed is refused among keys every object has', () => {
    const issues = issuesOf(`{"kind": "random-exchange", "seed": -1, ${Array.from({ length: 20 }, (_, i) => `"k${i}": {"toString": 0}`).join(', ')}}`);
    expect(issues).toHaveLength(MAX_ISSUES + 1);
    expect(issues[0]!.path).toBe('seed');
    expect(issues[MAX_ISSUES]!.message).toBe(`and 1 more problem not listed (the first ${MAX_ISSUES} are above)`);
  });

  it('counts duplicate keys without the quadratic check of the YAML library', () => {
    const [issue] = issuesOf('kind: yard-sale\ntax: 0.1\ntax: 0.2\n');
    expect(issue).toMatchObject({ line: 3, message: 'the key "tax" appears twice in one mapping' });
  });
});

describe('cross-field rules name the field the user wrote', () => {
  it('names bonds.maxYield with both yields when the yields are inverted', () => {
    const issues = issuesOf('kind: economy\nbonds:\n  baseYield: 0.1\n  maxYield: 0.05\n');
    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatchObject({ path: 'bonds.maxYield', line: 4 });
    expect(issues[0]!.message).toBe('got 0.05; bonds.maxYield must be at least bonds.baseYield (0.1)');
  });

  it('says a field not written is at its default and names the written one to change', () => {
    const issues = issuesOf('kind: economy\nbonds:\n  baseYield: 0.5\n  maxYield: 0.1\n');
    const wealth = issues.find((issue) => issue.path === 'persons.mpcWealth')!;
    expect(wealth.message).toMatch(/^not written, so its default 0\.002; /);
    expect(wealth.message).toContain('bonds.baseYield 0.5');
    expect(wealth.message).not.toContain('got nothing');
  });
});

describe('a setup the persons cannot supply is reported', () => {
  it('says how many communes are founded when the founders run out', () => {
    const scenario = loadScenario('kind: economy\npersons:\n  count: 200\ncommunes:\n  initialCount: 100000\n');
    expect(setupShortfalls(scenario)).toEqual([
      'communes.initialCount 100000 x 5 founders needs 500,000 persons but only 198 are free (persons.count 200 minus capitalists): 40 communes are founded',
    ]);
  });

  it('says nothing when the persons suffice', () => {
    expect(setupShortfalls(loadScenario('kind: economy\npersons:\n  count: 10000\n'))).toEqual([]);
  });
});

describe('limits the engine fuzz found', () => {
  it('refuses an asset life shorter than a month (its whole price would depreciate within one tick)', () => {
    const issues = issuesOf('kind: economy\nassets:\n  - name: flash\n    lifespanYears: 0.000000001\n');
    expect(issues[0]).toMatchObject({ path: 'assets.0.lifespanYears', line: 4 });
    expect(issues[0]!.message).toContain('at least one month');
  });
});

describe('found by the input fuzz', () => {
  it.each([
    ['an empty key', 'kind: economy\n:\n', ''],
    ['a null key', 'kind: economy\n~: 1\n', ''],
    ['a number key', 'kind: economy\n1: 2\n', '1'],
    ['a boolean key', 'kind: economy\ntrue: 2\n', 'true'],
  ])('names the line of %s YAML reads as not a string', (_, text, key) => {
    const [issue] = issuesOf(text);
    expect(issue).toMatchObject({ path: key, line: 2, column: 1 });
    expect(issue!.message).toContain(`unknown key "${key}"`);
  });
});

describe('aliases, found by the input fuzz', () => {
  it('names an alias without an anchor before it, by line (was a message with no place)', () => {
    expect(issuesOf('kind: yard-sale\nagents: *a\n')[0]).toMatchObject({ line: 2, column: 9, message: 'the alias *a names no anchor &a written before it' });
  });

  it.each([
    ['a list', '&a [*a]', 1],
    ['a mapping', 'kind: yard-sale\nx: &a\n  y: *a\n', 3],
  ])('refuses an alias inside its own anchor in %s (was a crash: a circular structure)', (_, text, line) => {
    const [issue] = issuesOf(text);
    expect(issue).toMatchObject({ line });
    expect(issue!.message).toMatch(/^the alias \*a lies inside the anchor &a it repeats/);
  });

  it('says plainly that aliases expand too far, at the first alias', () => {
    const laughs = 'kind: yard-sale\na: &a [1,1,1,1,1,1,1,1,1,1]\nb: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a,*a]\nc: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b,*b]\nd: [*c,*c,*c,*c,*c,*c,*c,*c,*c,*c]\n';
    const [issue] = issuesOf(laughs);
    expect(issue).toMatchObject({ line: 3, column: 8 });
    expect(issue!.message).toMatch(/^aliases \(\*name\) repeat their anchors into more data than a scenario holds/);
  });

  it('still reads an anchor repeated by an alias', () => {
    expect(loadScenario('kind: yard-sale\nagents: &n 50\ninitialWealth: *n\n')).toMatchObject({ agents: 50, initialWealth: 50 });
  });
});

describe('keys JavaScript gives every object, found by the input fuzz', () => {
  it('names a "toString" key where text is expected (zod\'s length check threw a TypeError on it)', () => {
    const issues = issuesOf('kind: economy\nname: { length: { toString: 0 } }\n');
    expect(issues).toEqual([{ path: 'name.length.toString', line: 2, column: 19, message: 'unknown key "toString" (it names a property every JavaScript object has; no scenario field does)' }]);
  });

  it.each(['valueOf', 'hasOwnProperty', '__proto__'])('names a %s key by its path and line', (key) => {
    const [issue] = issuesOf(`kind: yard-sale\nagents: 50\nname: [{ ${key}: 0 }]\n`);
    expect(issue).toMatchObject({ path: `name.0.${key}`, line: 3 });
  });

  it('refuses an alias to a mapping used as a key, without the YAML library\'s warning', () => {
    const [issue] = issuesOf('kind: yard-sale\nx: &m { a: 1 }\n*m : 2\n');
    expect(issue).toMatchObject({ line: 3, column: 1, message: 'a key that is a list or mapping (the alias *m); scenario keys are names' });
  });
});

describe('binary keys, found by the input fuzz', () => {
  it('refuses a !!binary key by line, without the YAML library\'s warning on stderr', () => {
    const [issue] = issuesOf('kind: yard-sale\n!!binary agents: 5\n');
    expect(issue).toMatchObject({ line: 2, message: 'a key that is binary data (!!binary); scenario keys are names' });
  });
});
