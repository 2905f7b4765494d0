// Override fuzz (issue 16 item 2): --set, --seed and --years on `sim`, and --vary on `sweep`,
// with paths real, misspelt and hostile and values in every notation. Each command line is
// refused before anything runs with a message naming its flag (or the file's line a changed
// value makes wrong), or gives a valid scenario that holds the value given; no case reaches
// Object.prototype or takes over 10 s. In-process through the commands' own parsers and the
// reader they call. FUZZ=full (`npm run test:fuzz`) draws 10,000 cases; FUZZ=<n> draws n.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseCommandLine, UsageError } from '../../src/cli/arguments.ts';
import { parseSweepCommandLine } from '../../src/cli/sweep-main.ts';
import { InputError, readScenarioInputs } from '../../src/cli/scenario-input.ts';
import { expandSweep, SweepSpecError } from '../../src/scenarios/sweep.ts';
import { fuzzCases, fuzzSeed } from './fuzz-size.ts';
import { flagValueText, plausibleSet, plausibleVary, PRESETS, setAssignment, varySpec } from './input-arbitraries.ts';
import { expectPlainMessage, expectPrototypeClean, expectValidOrNamed, timed } from './input-oracle.ts';

const cases = fuzzCases(600);
const sweeps = fuzzCases(400);
const seed = fuzzSeed(16_03);

function valueAt(data: unknown, path: string): unknown {
  let current = data;
  for (const key of path.split('.')) {
    if (current === null || typeof current !== 'object' || !Object.hasOwn(current, key)) return undefined;
    current = (current as Record<string, unknown>)[key];
  }
  return current;
}

/** A usage error names the flag it is about. */
function expectUsageError(error: unknown, argv: readonly string[], flags: RegExp): void {
  if (!(error instanceof UsageError)) throw error;
  expect(error.message).toMatch(flags);
  expectPlainMessage(error.message, argv.join(' '));
}

/** Every line of an input error names a flag given or a line of the file. */
function expectInputError(error: unknown, file: string, flags: Readonly<Record<string, string>>, argv: readonly string[]): void {
  if (!(error instanceof InputError) && !(error instanceof SweepSpecError)) throw error;
  const given = [...new Set(Object.values(flags))];
  for (const line of error.message.split('\n')) {
    const named = given.some((flag) => line.startsWith(`${flag}: `)) || line.startsWith(`${file}:`) || line.startsWith('the sweep ');
    expect(named, `names no flag given and no line of the file: ${line}`).toBe(true);
    expectPlainMessage(line, argv.join(' '));
  }
}

/** A valid outcome holds each override as given (unless a later override replaced its section). */
function expectOverridesHeld(data: Record<string, unknown>, overrides: Readonly<Record<string, unknown>>): void {
  const paths = Object.keys(overrides);
  for (const path of paths) {
    if (paths.some((other) => other !== path && (other.startsWith(`${path}.`) || path.startsWith(`${other}.`)))) continue;
    expect(Object.is(valueAt(data, path), overrides[path]) || JSON.stringify(valueAt(data, path)) === JSON.stringify(overrides[path])).toBe(true);
  }
}

describe('override fuzz', () => {
  it(`reads ${cases} sim command lines of --set, --seed and --years: refused by flag, or a valid scenario holding the values`, () => {
    const tally = { valid: 0, usage: 0, input: 0 };
    fc.assert(
      fc.property(
        fc.nat({ max: PRESETS.length - 1 }).chain((i) => fc.tuple(
          fc.constant(PRESETS[i]!.file),
          fc.array(fc.oneof(setAssignment, plausibleSet(PRESETS[i]!)), { maxLength: 3 }),
          fc.option(fc.oneof(flagValueText, fc.nat().map(String)), { nil: undefined }),
          fc.option(fc.oneof(flagValueText, fc.integer({ min: 1, max: 3 }).map(String)), { nil: undefined }),
        )),
        ([file, sets, seedText, yearsText]) => {
          const argv = [file, ...sets.flatMap((s) => ['--set', s]), ...(seedText === undefined ? [] : ['--seed', seedText]), ...(yearsText === undefined ? [] : ['--years', yearsText])];
          timed(() => {
            let options;
            try {
              options = parseCommandLine(argv);
            } catch (error) {
              tally.usage++;
              expectUsageError(error, argv, /--(set|seed|years)\b/);
              return;
            }
            try {
              const [input] = readScenarioInputs(file, [options.overrides], options.overrideFlags);
              tally.valid++;
              expectValidOrNamed({ ok: true, scenario: input!.scenario, raw: input!.data }, '');
              expectOverridesHeld(input!.data, options.overrides);
              // The scenario the run gets holds the value given (defaults fill only what is not given).
              for (const path of ['seed', 'years'] as const) {
                if (path in options.overrides) expect(input!.scenario[path]).toBe(options.overrides[path]);
              }
            } catch (error) {
              tally.input++;
              expectInputError(error, file, options.overrideFlags, argv);
            }
          }, argv.join(' '));
          expectPrototypeClean();
        },
      ),
      { numRuns: cases, seed },
    );
    if (process.env.FUZZ !== undefined) console.log(`--set fuzz: ${cases} cases: ${JSON.stringify(tally)}`);
    expect(tally.valid).toBeGreaterThan(cases / 20);
    expect(tally.input).toBeGreaterThan(cases / 20);
    expect(tally.usage).toBeGreaterThan(0);
  }, 60_000 + cases * 30);

  it(`reads ${sweeps} sweep command lines of --vary: refused by flag before any run, or every point a valid scenario`, () => {
    const tally = { valid: 0, refused: 0, points: 0 };
    fc.assert(
      fc.property(fc.nat({ max: PRESETS.length - 1 }).chain((i) => fc.tuple(
        fc.constant(PRESETS[i]!.file),
        fc.array(fc.oneof(varySpec, plausibleVary(PRESETS[i]!), plausibleVary(PRESETS[i]!)), { minLength: 1, maxLength: 2 }),
        fc.array(fc.oneof(setAssignment, plausibleSet(PRESETS[i]!)), { maxLength: 1 }),
      )), ([file, specs, sets]) => {
        const argv = [file, ...specs.flatMap((s) => ['--vary', s]), ...sets.flatMap((s) => ['--set', s])];
        timed(() => {
          let options;
          try {
            options = parseSweepCommandLine(argv);
          } catch (error) {
            tally.refused++;
            expectUsageError(error, argv, /--(vary|set)\b/);
            return;
          }
          // As the sweep command does: every combination validated before anything runs.
          const flags = { ...options.overrideFlags, ...Object.fromEntries(options.axes.map((a) => [a.path, `--vary ${a.path}`])) };
          try {
            const points = expandSweep(options.axes);
            const inputs = readScenarioInputs(file, points.map((point) => ({ ...options.overrides, ...point })), flags);
            tally.valid++;
            tally.points += inputs.length;
            inputs.forEach((input, i) => {
              expectOverridesHeld(input.data, { ...options.overrides, ...points[i] });
            });
            expectValidOrNamed({ ok: true, scenario: inputs[0]!.scenario, raw: inputs[0]!.data }, '');
          } catch (error) {
            tally.refused++;
            expectInputError(error, file, flags, argv);
          }
        }, argv.join(' '));
        expectPrototypeClean();
      }),
      { numRuns: sweeps, seed: seed + 1 },
    );
    if (process.env.FUZZ !== undefined) console.log(`--vary fuzz: ${sweeps} cases: ${JSON.stringify(tally)}`);
    expect(tally.valid).toBeGreaterThan(sweeps / 50);
    expect(tally.refused).toBeGreaterThan(sweeps / 10);
  }, 60_000 + sweeps * 60);

  it('validates a sweep of 10,000 points within the time of one case (the file was parsed once per point: over a minute)', () => {
    const file = new URL('../../scenarios/mixed.yaml', import.meta.url).pathname;
    const options = parseSweepCommandLine([file, '--vary', 'bonds.baseYield=0:0.039996:0.000004']);
    const points = expandSweep(options.axes);
    expect(points).toHaveLength(10_000);
    const inputs = timed(() => readScenarioInputs(file, points, { 'bonds.baseYield': '--vary bonds.baseYield' }), 'a sweep of 10,000 points');
    expect(inputs.map((input) => (input.scenario as { bonds: { baseYield: number } }).bonds.baseYield)).toEqual(points.map((p) => p['bonds.baseYield']));
  });
});
