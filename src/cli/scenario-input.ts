// Reading the scenario file named on the command line and applying the flags' overrides.
// Problems are input errors (exit code 2); an override's problem names its flag, not a line
// of the file, since the bad value never was in the file.
import { readFileSync, statSync, type Stats } from 'node:fs';
import { createHash } from 'node:crypto';
import { formatIssues, prepareScenarioText, validatePrepared, type ScenarioIssue } from '../scenarios/load.ts';
import type { Scenario } from '../scenarios/schema.ts';

export class InputError extends Error {
  override name = 'InputError';
}

/** Bytes of the largest scenario file read (UTF-8 of the loader's character limit, with room for multibyte text). */
const MAX_SCENARIO_BYTES = 4_000_000;

export interface ScenarioInput {
  readonly scenario: Scenario;
  /** The data the scenario was parsed from: the file with the overrides applied. */
  readonly data: Record<string, unknown>;
  readonly source: string;
  /** SHA-256 of the file's bytes as read, before overrides. */
  readonly sha256: string;
}

/** What a file that is not a regular file is, in words; reading one could block or never end. */
export function specialKind(stats: Stats): string | undefined {
  if (stats.isDirectory()) return 'a directory';
  if (stats.isFIFO()) return 'a named pipe (FIFO)';
  if (stats.isCharacterDevice() || stats.isBlockDevice()) return 'a device';
  if (stats.isSocket()) return 'a socket';
  return stats.isFile() ? undefined : 'not a regular file';
}

/** The bytes of a scenario file, refused before reading when it is special or too large. */
function readScenarioBytes(file: string): Buffer {
  try {
    const stats = statSync(file);
    const kind = specialKind(stats);
    if (kind !== undefined) throw new InputError(`${file}: cannot read the scenario: it is ${kind}; give a YAML or JSON file`);
    if (stats.size > MAX_SCENARIO_BYTES) {
      throw new InputError(`${file}: cannot read the scenario: it is ${stats.size.toLocaleString('en-US')} bytes; a scenario is at most ${MAX_SCENARIO_BYTES.toLocaleString('en-US')}`);
    }
    return readFileSync(file);
  } catch (error) {
    if (error instanceof InputError) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    const why = code === 'ENOENT' ? 'no such file' : code === 'EACCES' ? 'permission denied' : (error as Error).message;
    throw new InputError(`${file}: cannot read the scenario: ${why}`);
  }
}

function overrideOf(path: string, flags: Readonly<Record<string, string>>): string | undefined {
  for (const [overridden, flag] of Object.entries(flags)) {
    if (path === overridden || path.startsWith(`${overridden}.`)) return flag;
  }
  return undefined;
}

export function readScenarioInput(
  file: string,
  overrides: Readonly<Record<string, unknown>>,
  overrideFlags: Readonly<Record<string, string>>,
): ScenarioInput {
  return readScenarioInputs(file, [overrides], overrideFlags)[0]!;
}

/**
 * The scenario file read once and validated under each set of overrides (a sweep's points: a
 * file parsed once per point took over a minute for 10,000 points); the first that fails is
 * the error.
 */
export function readScenarioInputs(
  file: string,
  overrideSets: readonly Readonly<Record<string, unknown>>[],
  overrideFlags: Readonly<Record<string, string>>,
): ScenarioInput[] {
  const bytes = readScenarioBytes(file);
  const read = prepareScenarioText(bytes.toString('utf8'));
  if (!read.ok) throw inputError(file, read.issues, overrideFlags);
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  return overrideSets.map((overrides) => {
    const outcome = validatePrepared(read.prepared, overrides);
    if (!outcome.ok) throw inputError(file, outcome.issues, overrideFlags);
    return { scenario: outcome.scenario, data: outcome.raw, source: file, sha256 };
  });
}

/** The problems as one error: a file's by file, line and column; an override's by its flag. */
function inputError(file: string, issues: readonly ScenarioIssue[], overrideFlags: Readonly<Record<string, string>>): InputError {
  const fromFile: ScenarioIssue[] = [];
  const lines: string[] = [];
  for (const issue of issues) {
    const flag = overrideOf(issue.path, overrideFlags);
    if (flag === undefined) fromFile.push(issue);
    else lines.push(`${flag}: ${issue.path}: ${issue.message}`);
  }
  if (fromFile.length > 0) lines.unshift(formatIssues(file, fromFile));
  return new InputError(lines.join('\n'));
}
