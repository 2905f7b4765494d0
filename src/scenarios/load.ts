// Reading a scenario: YAML or JSON text -> raw data -> overrides -> zod. Every problem becomes
// an issue naming the field path, the bad value, what is allowed, and the line and column.
import { isAlias, isMap, isPair, isScalar, LineCounter, type Document } from 'yaml';
import { scenarioSchema, SCENARIO_KINDS, type Scenario } from './schema.ts';
import { allowedAt, keysAt } from './describe-allowed.ts';
import { parseScenarioYaml, writtenAt } from './yaml-text.ts';
import { applyOverrides } from './overrides.ts';
import { seedOfScalar } from './seed-text.ts';

export { applyOverrides } from './overrides.ts';

export interface ScenarioIssue {
  /** Dotted path of the field ('' for the whole scenario). */
  readonly path: string;
  readonly message: string;
  readonly line?: number;
  readonly column?: number;
}

export class ScenarioError extends Error {
  override name = 'ScenarioError';
  readonly issues: readonly ScenarioIssue[];
  readonly source: string;

  constructor(source: string, issues: readonly ScenarioIssue[]) {
    super(formatIssues(source, issues));
    this.source = source;
    this.issues = issues;
  }
}

export function formatIssues(source: string, issues: readonly ScenarioIssue[]): string {
  return issues
    .map((issue) => {
      const where = issue.line !== undefined ? `${source}:${issue.line}:${issue.column ?? 1}` : source;
      return `${where}: ${issue.path === '' ? '' : `${issue.path}: `}${issue.message}`;
    })
    .join('\n');
}

export type ParseOutcome =
  | { readonly ok: true; readonly scenario: Scenario; readonly raw: Record<string, unknown> }
  | { readonly ok: false; readonly issues: readonly ScenarioIssue[] };

const MAX_SCENARIO_CHARS = 1_000_000;

/** The YAML library's bound on aliases repeating anchors (a "billion laughs" expands exponentially). */
const MAX_ALIAS_COUNT = 100;

/** At most this many problems are listed; the rest are counted (a file of 60,000 bad keys reads in a screen). */
export const MAX_ISSUES = 20;

function showValue(value: unknown, written?: string): string {
  if (value === undefined) return 'nothing';
  // NaN and infinities have no JSON: show them as the file wrote them (`1e400`), else by name.
  const text = typeof value === 'number' && !Number.isFinite(value)
    ? written ?? String(value)
    : JSON.stringify(value) ?? String(value);
  return text.length > 80 ? `${text.slice(0, 77)}...` : text;
}

function valueAt(raw: unknown, path: readonly PropertyKey[]): unknown {
  let current = raw;
  for (const key of path) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<PropertyKey, unknown>)[key];
  }
  return current;
}

function editDistance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let previous = row[0]!;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const saved = row[j]!;
      row[j] = Math.min(row[j]! + 1, row[j - 1]! + 1, previous + (a[i - 1] === b[j - 1] ? 0 : 1));
      previous = saved;
    }
  }
  return row[b.length]!;
}

function closest(word: string, candidates: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestDistance = Math.max(2, Math.floor(word.length / 3)) + 1;
  for (const candidate of candidates) {
    const d = editDistance(word.toLowerCase(), candidate.toLowerCase());
    if (d < bestDistance) {
      best = candidate;
      bestDistance = d;
    }
  }
  return best;
}

/** Line and column (1-based) of the value at `path`, or of the key `key` under it. */
function locate(
  doc: Document | undefined, counter: LineCounter | undefined, path: readonly PropertyKey[], key?: string,
): { line?: number; column?: number } {
  if (doc === undefined || counter === undefined) return {};
  let offset: number | undefined;
  if (key !== undefined) {
    const parent = path.length === 0 ? doc.contents : doc.getIn(path as unknown[], true);
    if (isMap(parent)) {
      // Keys as toJS writes them: `1:` is "1", `~:` or an empty key is "".
      const pair = parent.items.find((p) => isPair(p) && isScalar(p.key) && String(p.key.value ?? '') === key);
      offset = (pair?.key as { range?: [number, number, number] } | undefined)?.range?.[0];
    }
  } else {
    for (let depth = path.length; depth >= 0 && offset === undefined; depth--) {
      const node = depth === 0 ? doc.contents : doc.getIn(path.slice(0, depth) as unknown[], true);
      offset = (node as { range?: [number, number, number] } | null | undefined)?.range?.[0];
    }
  }
  if (offset === undefined) return {};
  const pos = counter.linePos(offset);
  return { line: pos.line, column: pos.col };
}

/** Validates raw data (already parsed, overrides applied); `doc` gives positions when known. */
export function validateScenario(raw: unknown, doc?: Document, counter?: LineCounter): ParseOutcome {
  return validateWith(raw, doc, counter);
}

/**
 * As validateScenario; `seedIssue`, the text's seed refused as written, is listed first, in
 * place of whatever the schema made of the value read, and counts toward the cap.
 */
function validateWith(raw: unknown, doc?: Document, counter?: LineCounter, seedIssue?: ScenarioIssue): ParseOutcome {
  const first = seedIssue === undefined ? [] : [seedIssue];
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) {
    return { ok: false, issues: [{ path: '', message: `a scenario is a mapping of keys to values; got ${showValue(raw)}`, ...locate(doc, counter, []) }] };
  }
  const inherited = inheritedNameKeys(raw, doc, counter);
  if (inherited.length > 0) {
    const all = [...first, ...inherited];
    return { ok: false, issues: withCount(all.slice(0, MAX_ISSUES), all.length - Math.min(all.length, MAX_ISSUES)) };
  }
  const result = scenarioSchema.safeParse(raw);
  if (result.success) return seedIssue === undefined ? { ok: true, scenario: result.data, raw: raw as Record<string, unknown> } : { ok: false, issues: first };
  const issues: ScenarioIssue[] = [...first];
  // Problems past the cap are counted, never described: the cost stays linear in the input.
  let untold = 0;
  const room = () => issues.length < MAX_ISSUES;
  // A cross-field rule is moot for a field that is already wrong on its own.
  const wrongAlone = new Set(result.error.issues.filter((i) => i.code !== 'custom').map((i) => i.path.map(String).join('.')));
  for (const issue of result.error.issues) {
    if (issue.code === 'custom' && wrongAlone.has(issue.path.map(String).join('.'))) continue;
    if (seedIssue !== undefined && issue.path.length === 1 && issue.path[0] === 'seed') continue;
    const path = issue.path;
    const dotted = path.map(String).join('.');
    const value = valueAt(raw, path);
    const shown = () => showValue(value, writtenAt(doc, path));
    if (issue.code === 'unrecognized_keys') {
      const told = Math.max(0, Math.min(issue.keys.length, MAX_ISSUES - issues.length));
      untold += issue.keys.length - told;
      if (told === 0) continue;
      const allowed = keysAt(path, raw);
      for (const key of issue.keys.slice(0, told)) {
        const suggestion = closest(key, allowed);
        issues.push({
          path: [...path, key].map(String).join('.'),
          message: `unknown key "${key}"${suggestion ? ` (did you mean "${suggestion}"?)` : ''}; allowed keys here: ${allowed.join(', ')}`,
          ...locate(doc, counter, path, key),
        });
      }
      continue;
    }
    if (!room()) {
      untold++;
      continue;
    }
    if (issue.code === 'invalid_union' && dotted === 'kind') {
      issues.push({
        path: 'kind',
        message: `${value === undefined ? 'missing' : `got ${shown()}`}; allowed: one of ${SCENARIO_KINDS.map((k) => `"${k}"`).join(', ')}`,
        ...locate(doc, counter, path),
      });
      continue;
    }
    if (issue.code === 'custom') {
      // Cross-field rules (e.g. the boundedness rule of the economy) name their fields and
      // their values themselves; a field the scenario leaves out is named as its default.
      const inEffect = (issue as { params?: { inEffect?: unknown } }).params?.inEffect;
      const got = value !== undefined ? `got ${shown()}` : inEffect !== undefined ? `not written, so its default ${showValue(inEffect)}` : 'missing';
      issues.push({ path: dotted, message: `${got}; ${issue.message}`, ...locate(doc, counter, path) });
      continue;
    }
    const allowed = allowedAt(path, raw);
    const problem = value === undefined ? 'missing' : `got ${shown()}`;
    issues.push({
      path: dotted,
      message: `${problem}; allowed: ${allowed ?? issue.message}`,
      ...locate(doc, counter, path),
    });
  }
  return { ok: false, issues: withCount(dedupe(issues), untold) };
}

/** Names every plain object answers to (`toString`, `valueOf`, `__proto__`...): no scenario field has one. */
const INHERITED_NAMES = new Set(Object.getOwnPropertyNames(Object.prototype));

/**
 * Keys in the data that name a property of every JavaScript object, each as an unknown key.
 * Found before zod sees the data: a mapping `{length: {toString: 0}}` where text is expected
 * made zod's length check throw (it compares the length to a number, and that `toString` is
 * not a function), so the run stopped with a TypeError instead of naming the field.
 */
function inheritedNameKeys(raw: unknown, doc?: Document, counter?: LineCounter): ScenarioIssue[] {
  const issues: ScenarioIssue[] = [];
  const stack: { value: unknown; path: PropertyKey[] }[] = [{ value: raw, path: [] }];
  while (stack.length > 0) {
    const { value, path } = stack.pop()!;
    if (value === null || typeof value !== 'object') continue;
    const entries: [PropertyKey, unknown][] = Array.isArray(value) ? value.map((item, i) => [i, item]) : Object.entries(value);
    for (const [key, item] of entries) {
      if (typeof key === 'string' && INHERITED_NAMES.has(key)) {
        issues.push({
          path: [...path, key].map(String).join('.'),
          message: `unknown key "${key}" (it names a property every JavaScript object has; no scenario field does)`,
          ...locate(doc, counter, path, key),
        });
      } else {
        stack.push({ value: item, path: [...path, key] });
      }
    }
  }
  return issues;
}

/** Zod can report one fault through two routes (a union and its branch): list it once. */
function dedupe(issues: readonly ScenarioIssue[]): ScenarioIssue[] {
  const seen = new Set<string>();
  return issues.filter((issue) => {
    const key = `${issue.path}\u0000${issue.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

function withCount(issues: ScenarioIssue[], untold: number): ScenarioIssue[] {
  if (untold === 0) return issues;
  return [...issues, { path: '', message: `and ${untold.toLocaleString('en-US')} more problem${untold === 1 ? '' : 's'} not listed (the first ${issues.length} are above)` }];
}

/** Scenario text read as data, not yet validated: validated once per set of overrides (a sweep's points). */
export interface PreparedText {
  readonly raw: unknown;
  readonly doc: Document;
  readonly counter: LineCounter;
  /** The text's seed refused as written (moot when an override sets the seed). */
  readonly seedIssue?: ScenarioIssue;
}

/** Reads YAML or JSON text (JSON is read as YAML 1.2, which contains it) into data. */
export function prepareScenarioText(text: string): { ok: true; prepared: PreparedText } | { ok: false; issues: readonly ScenarioIssue[] } {
  if (text.length > MAX_SCENARIO_CHARS) {
    return { ok: false, issues: [{ path: '', message: `the scenario is ${text.length} characters long; at most ${MAX_SCENARIO_CHARS} are read` }] };
  }
  const parsed = parseScenarioYaml(text);
  if (!parsed.ok) {
    const counter = new LineCounter();
    // Line numbers of the problems: counted once over the text.
    counter.addNewLine(0);
    for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) counter.addNewLine(i + 1);
    const issues = parsed.problems.slice(0, MAX_ISSUES).map((problem) => {
      if (problem.offset === undefined) return { path: '', message: problem.message };
      const pos = counter.linePos(problem.offset);
      return { path: '', message: problem.message, line: pos.line, column: pos.col };
    });
    return { ok: false, issues: withCount(issues, parsed.problems.length - issues.length) };
  }
  const { doc, counter, firstAlias } = parsed.parsed;
  let raw: unknown;
  try {
    raw = doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
  } catch (error) {
    // The structure is checked, so what remains is anchors repeated into too much data.
    const where = firstAlias === undefined ? {} : { line: counter.linePos(firstAlias).line, column: counter.linePos(firstAlias).col };
    const message = /alias count/i.test((error as Error).message)
      ? 'aliases (*name) repeat their anchors into more data than a scenario holds; write the values out'
      : `not valid YAML or JSON: ${(error as Error).message}`;
    return { ok: false, issues: [{ path: '', message, ...where }] };
  }
  if (raw === null || raw === undefined) {
    return { ok: false, issues: [{ path: '', message: 'the scenario is empty; it needs at least `kind`' }] };
  }
  const seedIssue = readSeed(raw, doc, counter);
  return { ok: true, prepared: { raw, doc, counter, ...(seedIssue === undefined ? {} : { seedIssue }) } };
}

/**
 * The text's seed read as written (seed-text.ts, as every other place a seed is given), set in
 * `raw`; a refusal is returned as the seed's issue. A seed that is not one scalar (a list, a
 * mapping) is left to the schema.
 */
function readSeed(raw: unknown, doc: Document, counter: LineCounter): ScenarioIssue | undefined {
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw) || !Object.hasOwn(raw, 'seed') || !isMap(doc.contents)) return undefined;
  let node: unknown = doc.contents.get('seed', true);
  if (isAlias(node)) node = node.resolve(doc);
  if (!isScalar(node)) return undefined;
  const reading = seedOfScalar(node.value, typeof node.source === 'string' ? node.source : undefined);
  if (reading.ok) {
    (raw as Record<string, unknown>).seed = reading.seed;
    return undefined;
  }
  return { path: 'seed', message: reading.problem, ...locate(doc, counter, ['seed']) };
}

/** Validates prepared text with `overrides` applied (to a copy: the prepared data is never changed). */
export function validatePrepared(prepared: PreparedText, overrides: Readonly<Record<string, unknown>> = {}): ParseOutcome {
  const overridden = applyOverrides(prepared.raw, overrides);
  if (!overridden.ok) return overridden;
  const seedIssue = Object.hasOwn(overrides, 'seed') ? undefined : prepared.seedIssue;
  return validateWith(overridden.raw, prepared.doc, prepared.counter, seedIssue);
}

/** Parses YAML or JSON text and validates it, with `overrides` applied. */
export function parseScenarioText(text: string, overrides: Readonly<Record<string, unknown>> = {}): ParseOutcome {
  const read = prepareScenarioText(text);
  return read.ok ? validatePrepared(read.prepared, overrides) : read;
}

/** Parses or throws a ScenarioError whose message lists every issue. */
export function loadScenario(text: string, source = 'scenario', overrides: Readonly<Record<string, unknown>> = {}): Scenario {
  const outcome = parseScenarioText(text, overrides);
  if (!outcome.ok) throw new ScenarioError(source, outcome.issues);
  return outcome.scenario;
}
