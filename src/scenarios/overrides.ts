// Overrides: dotted paths (`seed`, `years`, `rental.format`) set on a copy of raw scenario data
// before validation, so a bad override is named like a bad field. A path segment that names
// a property of every JavaScript object (`__proto__`, `constructor`, `prototype`) is refused:
// written through, it would reach the prototype instead of the scenario.
import type { ScenarioIssue } from './load.ts';

const FORBIDDEN_SEGMENTS = new Set(['__proto__', 'constructor', 'prototype']);

/** Longest dotted path an override may have (a scenario nests three levels). */
const MAX_PATH_CHARS = 500;

/** Why `path` cannot be an override path, or undefined when it can. */
export function overridePathProblem(path: string): string | undefined {
  if (path.length > MAX_PATH_CHARS) return `the path is ${path.length} characters long; scenario paths are at most ${MAX_PATH_CHARS}`;
  const keys = path.split('.');
  if (keys.some((key) => key.trim() === '')) return 'an empty segment in the path; write field names joined by dots, e.g. bonds.maxYield';
  const forbidden = keys.find((key) => FORBIDDEN_SEGMENTS.has(key));
  if (forbidden !== undefined) return `"${forbidden}" is not a scenario field (it names a property every JavaScript object has)`;
  return undefined;
}

const isMapping = (value: unknown): value is Record<string, unknown> =>
  value !== null && typeof value === 'object' && !Array.isArray(value);

export function applyOverrides(
  raw: unknown, overrides: Readonly<Record<string, unknown>>,
): { ok: true; raw: unknown } | { ok: false; issues: ScenarioIssue[] } {
  const entries = Object.entries(overrides);
  if (entries.length === 0) return { ok: true, raw };
  const issues: ScenarioIssue[] = [];
  for (const [path] of entries) {
    const problem = overridePathProblem(path);
    if (problem !== undefined) issues.push({ path, message: `override: ${problem}` });
  }
  if (issues.length > 0) return { ok: false, issues };
  const copy = structuredClone(raw) as Record<string, unknown>;
  for (const [path, value] of entries) {
    const keys = path.split('.');
    let target: Record<string, unknown> = copy;
    for (let depth = 0; depth < keys.length - 1; depth++) {
      const key = keys[depth]!;
      const next = Object.hasOwn(target, key) ? target[key] : undefined;
      if (next === undefined) {
        Object.defineProperty(target, key, { value: {}, enumerable: true, writable: true, configurable: true });
      } else if (!isMapping(next)) {
        return { ok: false, issues: [{ path, message: `override: ${keys.slice(0, depth + 1).join('.')} is ${Array.isArray(next) ? 'a list' : 'not a mapping'}, so it has no field ${keys.slice(depth + 1).join('.')}` }] };
      }
      target = target[key] as Record<string, unknown>;
    }
    Object.defineProperty(target, keys[keys.length - 1]!, { value, enumerable: true, writable: true, configurable: true });
  }
  return { ok: true, raw: copy };
}
