// Reading the scenario file named on the command line and applying the flags' overrides.
// Problems are input errors (exit code 2); an override's problem names its flag, not a line
// of the file, since the bad value never was in the file.
import { readFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { formatIssues, parseScenarioText, type ScenarioIssue } from '../scenarios/load.ts';
import type { Scenario } from '../scenarios/schema.ts';

export class InputError extends Error {
  override name = 'InputError';
}

export interface ScenarioInput {
  readonly scenario: Scenario;
  /** The data the scenario was parsed from: the file with the overrides applied. */
  readonly data: Record<string, unknown>;
  readonly source: string;
  /** SHA-256 of the file's bytes as read, before overrides. */
  readonly sha256: string;
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
  let bytes: Buffer;
  try {
    bytes = readFileSync(file);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const why = code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'it is a directory' : (error as Error).message;
    throw new InputError(`${file}: cannot read the scenario: ${why}`);
  }
  const outcome = parseScenarioText(bytes.toString('utf8'), overrides);
  if (!outcome.ok) {
    const fromFile: ScenarioIssue[] = [];
    const lines: string[] = [];
    for (const issue of outcome.issues) {
      const flag = overrideOf(issue.path, overrideFlags);
      if (flag === undefined) fromFile.push(issue);
      else lines.push(`${flag}: ${issue.path}: ${issue.message}`);
    }
    if (fromFile.length > 0) lines.unshift(formatIssues(file, fromFile));
    throw new InputError(lines.join('\n'));
  }
  return {
    scenario: outcome.scenario,
    data: outcome.raw,
    source: file,
    sha256: createHash('sha256').update(bytes).digest('hex'),
  };
}
