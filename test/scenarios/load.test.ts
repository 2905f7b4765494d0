import { describe, expect, it } from 'vitest';
import { loadScenario, parseScenarioText, ScenarioError, type ScenarioIssue } from '../../src/scenarios/load.ts';

function issuesOf(text: string, overrides: Record<string, unknown> = {}): readonly ScenarioIssue[] {
  const outcome = parseScenarioText(text, overrides);
  if (outcome.ok) throw new Error('expected the scenario to be rejected');
  return outcome.issues;
}

describe('scenario loading', () => {
  it('fills defaults for everything a scenario leaves out', () => {
    const scenario = loadScenario('kind: saving-propensity\n');
    expect(scenario).toMatchObject({ kind: 'saving-propensity', agents: 1000, lambda: 0.5, seed: 1, years: 100 });
  });

  it('reads JSON as well as YAML', () => {
    const scenario = loadScenario('{"kind": "yard-sale", "agents": 50, "tax": 0.01}');
    expect(scenario).toMatchObject({ kind: 'yard-sale', agents: 50, tax: 0.01, stakeFraction: 0.1 });
  });

  it('names the field, the value, what is allowed and the line of a wrong type', () => {
    const [issue] = issuesOf('kind: random-exchange\nname: x\nagents: many\n');
    expect(issue).toMatchObject({ path: 'agents', line: 3, column: 9 });
    expect(issue!.message).toContain('got "many"');
    expect(issue!.message).toContain('a whole number from 2 to 1000000');
  });

  it('rejects a number out of range with the allowed range', () => {
    const [issue] = issuesOf('kind: saving-propensity\nlambda: 1.5\n');
    expect(issue).toMatchObject({ path: 'lambda', line: 2 });
    expect(issue!.message).toMatch(/got 1\.5; allowed: a number from 0 to 0\.99/);
  });

  it('rejects a fraction where a whole number is required', () => {
    const [issue] = issuesOf('kind: random-exchange\nagents: 10.5\n');
    expect(issue!.message).toContain('got 10.5');
  });

  it('rejects an unknown key, suggests the near one and lists the allowed keys', () => {
    const [issue] = issuesOf('kind: yard-sale\nstakeFracton: 0.2\n');
    expect(issue).toMatchObject({ path: 'stakeFracton', line: 2, column: 1 });
    expect(issue!.message).toContain('did you mean "stakeFraction"?');
    expect(issue!.message).toContain('allowed keys here:');
  });

  it('rejects an unknown kind with the list of kinds', () => {
    const [issue] = issuesOf('kind: random-exchang\n');
    expect(issue!.path).toBe('kind');
    expect(issue!.message).toContain('"random-exchange"');
    expect(issue!.message).toContain('"yard-sale"');
  });

  it('rejects a scenario without a kind', () => {
    const [issue] = issuesOf('agents: 10\n');
    expect(issue!.path).toBe('kind');
    expect(issue!.message).toMatch(/^missing/);
  });

  it('rejects an enum value with the allowed options', () => {
    const [issue] = issuesOf('kind: random-exchange\nrule: coin\n');
    expect(issue!.message).toContain('one of "fixed-amount", "random-split"');
  });

  it('reports broken YAML with its line and column', () => {
    const issues = issuesOf('kind: random-exchange\nagents: [1, 2\nyears: 3\n');
    expect(issues[0]!.message).toMatch(/^not valid YAML or JSON/);
    expect(issues[0]!.line).toBeGreaterThanOrEqual(2);
  });

  it('reports broken JSON with its line', () => {
    const issues = issuesOf('{\n  "kind": "yard-sale",\n  "agents": 10,,\n}');
    expect(issues[0]!.message).toMatch(/^not valid YAML or JSON/);
    expect(issues[0]!.line).toBe(3);
  });

  it('rejects a duplicate key', () => {
    const issues = issuesOf('kind: yard-sale\ntax: 0.1\ntax: 0.2\n');
    expect(issues[0]!.line).toBe(3);
  });

  it('rejects an empty file and a file that is not a mapping', () => {
    expect(issuesOf('')[0]!.message).toContain('empty');
    expect(issuesOf('- 1\n- 2\n')[0]!.message).toContain('a scenario is a mapping');
  });

  it('applies overrides before validating, so a bad override is named like a bad field', () => {
    expect(loadScenario('kind: yard-sale\nseed: 1\n', 's', { seed: 9, years: 2 })).toMatchObject({ seed: 9, years: 2 });
    const [issue] = issuesOf('kind: yard-sale\n', { years: -3 });
    expect(issue).toMatchObject({ path: 'years' });
    expect(issue!.message).toContain('got -3');
  });

  it('throws a ScenarioError whose message starts every line with file:line:column', () => {
    try {
      loadScenario('kind: yard-sale\ntax: 2\nfoo: 1\n', 'bad.yaml');
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(ScenarioError);
      const lines = (error as Error).message.split('\n');
      expect(lines).toHaveLength(2);
      expect(lines[0]).toMatch(/^bad\.yaml:2:6: tax: got 2; allowed: a number from 0 to 1/);
      expect(lines[1]).toMatch(/^bad\.yaml:3:1: foo: unknown key "foo"/);
    }
  });
});
