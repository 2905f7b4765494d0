// A seed is the seed as written (issue 16): a whole number too large for a double is kept as its
// digits, not rounded to a neighbour, wherever it is given (a file, a share link's text, --seed,
// --set seed=, --vary seed=), so it runs, and is echoed, as the digits the user wrote.
import { describe, expect, it } from 'vitest';
import { parseScenarioText } from '../../src/scenarios/load.ts';
import { parseSweepAxis } from '../../src/scenarios/sweep.ts';
import { parseCommandLine } from '../../src/cli/arguments.ts';
import { createSimulation } from '../../src/scenarios/create-simulation.ts';
import type { Scenario } from '../../src/scenarios/schema.ts';

const DIGITS = '12345678901234567890';

function scenarioOf(text: string, overrides: Record<string, unknown> = {}): Scenario {
  const outcome = parseScenarioText(text, overrides);
  if (!outcome.ok) throw new Error(JSON.stringify(outcome.issues));
  return outcome.scenario;
}

/** The Gini of every recorded year of `scenario` run for 3 years. */
function ginis(scenario: Scenario): number[] {
  const simulation = createSimulation(scenario);
  simulation.runToEnd();
  const { columns } = simulation.series.sliceFrom(0);
  return Array.from(columns[simulation.model.scalars.findIndex((s) => s.id === 'wealth.gini')]!);
}

const TEXT = 'kind: random-exchange\nagents: 200\nyears: 3\n';

describe('a seed too large for a double', () => {
  it('is kept as written in a scenario file, and runs as the text seed of those digits', () => {
    const written = scenarioOf(`${TEXT}seed: ${DIGITS}\n`);
    expect(written.seed).toBe(DIGITS);
    expect(ginis(written)).toEqual(ginis(scenarioOf(`${TEXT}seed: "${DIGITS}"\n`)));
    // Not the run of the double it used to be read as.
    expect(ginis(written)).not.toEqual(ginis(scenarioOf(`${TEXT}seed: "12345678901234567000"\n`)));
  });

  it('is kept as written from --seed, --set seed= and --vary seed=', () => {
    expect(parseCommandLine(['x.yaml', '--seed', DIGITS]).overrides.seed).toBe(DIGITS);
    expect(parseCommandLine(['x.yaml', '--set', `seed=${DIGITS}`]).overrides.seed).toBe(DIGITS);
    expect(parseSweepAxis(`seed=${DIGITS},7`).values).toEqual([DIGITS, 7]);
    expect(scenarioOf(TEXT, { seed: parseCommandLine(['x.yaml', '--seed', DIGITS]).overrides.seed }).seed).toBe(DIGITS);
  });

  it('leaves whole numbers a double holds as numbers, and other values as read', () => {
    expect(scenarioOf(`${TEXT}seed: 9007199254740991\n`).seed).toBe(9007199254740991);
    expect(scenarioOf(`${TEXT}seed: 9007199254740993\n`).seed).toBe('9007199254740993');
    expect(parseCommandLine(['x.yaml', '--seed', '42']).overrides.seed).toBe(42);
    expect(parseScenarioText(`${TEXT}seed: -${DIGITS}\n`).ok).toBe(false);
    expect(parseScenarioText(`${TEXT}seed: ${DIGITS}.5\n`).ok).toBe(false);
  });
});
