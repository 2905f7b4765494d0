// What every answer to bad input must be (issue 16): a valid scenario, or problems that each
// name where (a field path or a line of the text) in one plain line, never a stack trace, an
// internal message or a value shown wrong; and an answer within the time a user waits.
import { expect } from 'vitest';
import { MAX_ISSUES, parseScenarioText, type ParseOutcome, type ScenarioIssue } from '../../src/scenarios/load.ts';

/** No case may take longer than this (issue 16: "none takes over 10 s"). */
export const CASE_LIMIT_MS = 10_000;

/** Problems with the whole text, which have no field or line to name. */
const WHOLE_TEXT = [/^the scenario is empty/, /^the scenario is [\d,]+ characters long/, /^and [\d,]+ more problems? not listed/];

/** Signs of an internal failure leaking into a message meant for a user. */
const INTERNAL = [
  /\n\s+at /, /\bat .+\.[jt]s:\d+/, /Maximum call stack/, /\[object Object\]/, /Cannot read propert/, /is not a function/,
  /is not iterable/, /Unexpected token/, /TypeError|RangeError|ReferenceError|SyntaxError/, /ZodError|invalid_union|invalid_type/,
  /parseAllDocuments/, /resource exhaustion/i,
];

/** A message a user can act on: one line, readable length, nothing internal. */
export function expectPlainMessage(message: string, input: string): void {
  expect(message.trim(), 'empty message').not.toBe('');
  expect(message.length, `message too long: ${message.slice(0, 200)}`).toBeLessThan(2_000);
  for (const sign of INTERNAL) {
    // A sign the input itself contains may be echoed back as the value shown.
    if (!sign.test(input)) expect(message, 'internal detail in a user message').not.toMatch(sign);
  }
  if (!input.includes('undefined')) expect(message).not.toMatch(/\bundefined\b/);
  if (!/NaN/.test(input)) expect(message).not.toMatch(/\bNaN\b/);
}

export function expectNamesWhere(issue: ScenarioIssue): void {
  if (issue.path !== '' || issue.line !== undefined) return;
  expect(WHOLE_TEXT.some((pattern) => pattern.test(issue.message)), `names neither a field nor a line: ${issue.message}`).toBe(true);
}

/** The outcome of parsing `text` (with `overrides`) is a valid scenario or plainly named problems. */
export function expectValidOrNamed(outcome: ParseOutcome, text: string): void {
  if (outcome.ok) {
    // A valid scenario is a fixed point: written as JSON and read again it is the same scenario.
    const json = JSON.stringify(outcome.scenario);
    const again = parseScenarioText(json);
    expect(again.ok, `the loaded scenario does not load again: ${JSON.stringify(again).slice(0, 400)}`).toBe(true);
    if (again.ok) expect(JSON.stringify(again.scenario)).toBe(json);
    return;
  }
  expect(outcome.issues.length).toBeGreaterThan(0);
  // At most MAX_ISSUES described, and at most one line counting the rest, last.
  const counted = outcome.issues.filter((issue) => /^and [\d,]+ more problems? not listed/.test(issue.message));
  expect(counted.length).toBeLessThanOrEqual(1);
  if (counted.length === 1) expect(outcome.issues.at(-1)).toBe(counted[0]);
  expect(outcome.issues.length - counted.length).toBeLessThanOrEqual(MAX_ISSUES);
  for (const issue of outcome.issues) {
    expectNamesWhere(issue);
    expect(issue.message, 'a message on more than one line').not.toContain('\n');
    expectPlainMessage(issue.message, text);
  }
}

/** Runs `work`, failing when it takes longer than a case may. */
export function timed<T>(work: () => T, what: string): T {
  const started = performance.now();
  const result = work();
  const ms = performance.now() - started;
  expect(ms, `${what} took ${ms.toFixed(0)} ms`).toBeLessThan(CASE_LIMIT_MS);
  return result;
}

/** Process warnings since the last call (the YAML library warns on stderr of things it then does anyway). */
const warnings: string[] = [];
const emitWarning = process.emitWarning.bind(process);
process.emitWarning = ((warning: string | Error, ...rest: unknown[]) => {
  warnings.push(String(warning));
  (emitWarning as (...args: unknown[]) => void)(warning, ...rest);
}) as typeof process.emitWarning;
export function expectNoWarnings(): void {
  const seen = warnings.splice(0);
  expect(seen, 'a warning printed where a user sees it').toEqual([]);
}

/** Object.prototype as it was: a fuzz case that writes through a prototype is caught at once. */
const PROTOTYPE_KEYS = Object.getOwnPropertyNames(Object.prototype).sort().join(',');
export function expectPrototypeClean(): void {
  expect(Object.getOwnPropertyNames(Object.prototype).sort().join(',')).toBe(PROTOTYPE_KEYS);
  expect(({} as Record<string, unknown>).polluted).toBeUndefined();
}
