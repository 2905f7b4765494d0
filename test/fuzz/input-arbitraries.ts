// What a careless or hostile user types, as fast-check arbitraries: scenario texts (structured
// mutations of the presets written as YAML or JSON, edits of a preset's own text, raw bytes),
// override paths and values for --set and --vary, flag values, and share-link codes.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { parse, stringify } from 'yaml';

const ROOT = new URL('../../', import.meta.url).pathname;

export interface Preset {
  readonly file: string;
  readonly text: string;
  readonly data: Record<string, unknown>;
}

export const PRESETS: readonly Preset[] = readdirSync(join(ROOT, 'scenarios'))
  .filter((name) => name.endsWith('.yaml'))
  .sort()
  .map((name) => {
    const file = join(ROOT, 'scenarios', name);
    const text = readFileSync(file, 'utf8');
    return { file, text, data: parse(text) as Record<string, unknown> };
  });

type Path = readonly (string | number)[];

/** Every path in `data` (mappings' keys and lists' indexes), the root included. */
function pathsOf(data: unknown, prefix: Path = []): Path[] {
  const paths: Path[] = [prefix];
  if (Array.isArray(data)) data.forEach((item, i) => paths.push(...pathsOf(item, [...prefix, i])));
  else if (data !== null && typeof data === 'object') {
    for (const [key, value] of Object.entries(data)) paths.push(...pathsOf(value, [...prefix, key]));
  }
  return paths;
}

/** Every field name the presets use, for paths that look right. */
export const FIELD_NAMES: readonly string[] = [...new Set(PRESETS.flatMap((p) => pathsOf(p.data).flatMap((path) => path.filter((k): k is string => typeof k === 'string'))))].sort();

/** Dotted paths of every leaf and section of every preset (`bonds.maxYield`, `assets.0.price`). */
export const FIELD_PATHS: readonly string[] = [...new Set(PRESETS.flatMap((p) => pathsOf(p.data).filter((path) => path.length > 0).map((path) => path.join('.'))))].sort();

/** Names every JavaScript object answers to, and other keys that break careless code. */
const HOSTILE_KEYS = ['__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty', 'valueOf', '__defineGetter__', 'length', '0', '-1', '', ' ', 'kind ', 'Kind', 'KIND', 'ｋｉｎｄ', 'agents\u0000', 'a'.repeat(300)];

export const MARKUP = [
  '<script>alert(1)</script>', '<img src=x onerror="window.__pwned=1">', '"><svg onload=alert(1)>', '</textarea><b>bold</b>',
  '${alert(1)}', '{{7*7}}', '<!--', ']]>', '&lt;&amp;', 'javascript:alert(1)', '<iframe srcdoc="<script>parent.__pwned=1</script>">',
];

/** Text a hostile user writes where a name goes: markup, YAML and JSON look-alikes, odd unicode. */
export const hostileText: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom(...MARKUP),
  fc.constantFrom('~', 'null', 'Null', 'yes', 'no', 'on', 'true', '.nan', '.NaN', '.inf', '-.inf', '0x10', '0o17', '0b11', '1_000', '+1', '1e400', '-0', '1.', '.5', '08', '1e-400', '١٢٣', '12:30', '2026-12-06', '!!float 1', '&a 1', '*a', '- 1', 'a: b', '[1, 2]', '{a: 1}', '"', "'", '#', '|', '>', '%YAML 1.1', '---', '...', '\t', '\u0000', '\uFEFF', '\u202Etxt', '\uD800', '😀', '\r\n'),
  fc.string({ maxLength: 40 }),
  fc.string({ maxLength: 12, unit: 'binary' }),
);

/** Numbers as the schema does not expect them: negative, huge, tiny, fractional, -0, NaN, infinities. */
export const wildNumber: fc.Arbitrary<number> = fc.oneof(
  fc.double(),
  fc.integer({ min: -1_000_000, max: 2_000_000 }),
  fc.constantFrom(0, -0, -1, 1, 2, 0.5, 1 / 12, 0.0001, 1e-9, 5e-324, 2 ** 31, 2 ** 53 - 1, 2 ** 53, 2 ** 53 + 2, 1e20, 1e308, Number.MAX_VALUE, Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY),
);

/** Any value a YAML or JSON file can hold, nested a few levels, with the odd keys and texts above. */
export const wildValue: fc.Arbitrary<unknown> = fc.letrec<{ value: unknown }>((tie) => ({
  value: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    wildNumber,
    hostileText,
    fc.boolean(),
    fc.constant(null),
    fc.array(tie('value'), { maxLength: 4 }),
    fc.dictionary(fc.oneof(fc.constantFrom(...FIELD_NAMES), fc.constantFrom(...HOSTILE_KEYS), fc.string({ maxLength: 8 })), tie('value'), { maxKeys: 4 }),
  ),
})).value;

/** One change to a scenario's data. */
type Mutation =
  | { readonly op: 'set'; readonly at: number; readonly key?: string; readonly value: unknown }
  | { readonly op: 'delete'; readonly at: number }
  | { readonly op: 'retype'; readonly at: number; readonly as: 'text' | 'list' | 'mapping' | 'number' };

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  { arbitrary: fc.record({ op: fc.constant('set' as const), at: fc.nat(), value: wildValue }), weight: 4 },
  { arbitrary: fc.record({ op: fc.constant('set' as const), at: fc.nat(), key: fc.oneof(fc.constantFrom(...FIELD_NAMES), fc.constantFrom(...HOSTILE_KEYS)), value: wildValue }), weight: 2 },
  { arbitrary: fc.record({ op: fc.constant('delete' as const), at: fc.nat() }), weight: 1 },
  { arbitrary: fc.record({ op: fc.constant('retype' as const), at: fc.nat(), as: fc.constantFrom('text' as const, 'list' as const, 'mapping' as const, 'number' as const) }), weight: 1 },
);

function getAt(data: unknown, path: Path): unknown {
  let current = data;
  for (const key of path) current = (current as Record<string | number, unknown>)[key];
  return current;
}

/** Sets an own property (a `__proto__` key stays a key, as a parser would make it). */
function setOwn(target: Record<string | number, unknown>, key: string | number, value: unknown): void {
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
}

/** `data` with the mutations applied (on a copy), the root kept a mapping most of the time. */
export function mutate(data: Record<string, unknown>, mutations: readonly Mutation[]): unknown {
  let copy: unknown = structuredClone(data);
  for (const m of mutations) {
    const paths = pathsOf(copy);
    const path = paths[m.at % paths.length]!;
    const parentPath = path.slice(0, -1);
    const last = path[path.length - 1];
    if (m.op === 'set' && m.key !== undefined) {
      const target = getAt(copy, path);
      if (target !== null && typeof target === 'object' && !Array.isArray(target)) setOwn(target as Record<string, unknown>, m.key, m.value);
      else if (path.length === 0) copy = m.value;
      else setOwn(getAt(copy, parentPath) as Record<string, unknown>, last!, { [m.key]: m.value });
      continue;
    }
    const value = m.op === 'delete' ? undefined
      : m.op === 'set' ? m.value
        : retyped(getAt(copy, path), m.as);
    if (path.length === 0) {
      if (m.op !== 'delete') copy = value;
      continue;
    }
    const parent = getAt(copy, parentPath) as Record<string | number, unknown>;
    if (m.op === 'delete') {
      if (Array.isArray(parent)) parent.splice(last as number, 1);
      else delete parent[last!];
    } else setOwn(parent, last!, value);
  }
  return copy;
}

function retyped(value: unknown, as: 'text' | 'list' | 'mapping' | 'number'): unknown {
  switch (as) {
    case 'text': return typeof value === 'object' ? JSON.stringify(value) : String(value);
    case 'list': return [value];
    case 'mapping': return { value };
    case 'number': return value !== null && typeof value === 'object' ? Number.NaN : Number(value);
  }
}

/** A value written as YAML or JSON the way a person or another program might. */
function written(value: unknown, form: 'yaml' | 'yaml-flow' | 'json' | 'json-pretty'): string {
  switch (form) {
    case 'yaml': return stringify(value);
    case 'yaml-flow': return stringify(value, { collectionStyle: 'flow' });
    case 'json': return JSON.stringify(value) ?? 'null';
    case 'json-pretty': return JSON.stringify(value, null, 2) ?? 'null';
  }
}

/** Pieces of YAML and JSON syntax an edit inserts: structure, anchors, tags, quotes, odd bytes. */
const SYNTAX = [
  ':', ': ', '- ', '-', '{', '}', '[', ']', ',', '"', "'", '#', '\n', '\n  ', '\t', '  ', '---\n', '...\n', '? ', '|', '>', '&a ', '*a', '<<: *a\n',
  '!!str ', '!!binary ', '!!js/function ', '!!python/object ', '!<tag:yaml.org,2002:int> ', '%TAG ! tag:x\n', '%YAML 1.1\n', '\u0000', '\uFEFF', '\r', '\\',
  '0x', 'e400', '.nan', '.inf', '~', 'null', '1e308', '-', 'kind: economy\n', 'agents: ', 'years: 0.0001\n', '__proto__: ', 'constructor: ',
];

type Edit =
  | { readonly op: 'insert'; readonly at: number; readonly text: string }
  | { readonly op: 'delete'; readonly at: number; readonly length: number }
  | { readonly op: 'repeat-line'; readonly at: number; readonly times: number };

const edit: fc.Arbitrary<Edit> = fc.oneof(
  fc.record({ op: fc.constant('insert' as const), at: fc.nat(), text: fc.oneof(fc.constantFrom(...SYNTAX), hostileText, ...MARKUP.map((m) => fc.constant(m))) }),
  fc.record({ op: fc.constant('delete' as const), at: fc.nat(), length: fc.integer({ min: 1, max: 40 }) }),
  fc.record({ op: fc.constant('repeat-line' as const), at: fc.nat(), times: fc.integer({ min: 1, max: 3 }) }),
);

/** `text` with the edits applied at positions taken modulo its length. */
export function edited(text: string, edits: readonly Edit[]): string {
  let out = text;
  for (const e of edits) {
    const at = out.length === 0 ? 0 : e.at % (out.length + 1);
    if (e.op === 'insert') out = out.slice(0, at) + e.text + out.slice(at);
    else if (e.op === 'delete') out = out.slice(0, at) + out.slice(at + e.length);
    else {
      const start = out.lastIndexOf('\n', at - 1) + 1;
      const end = out.indexOf('\n', at);
      const line = out.slice(start, end < 0 ? out.length : end + 1);
      out = out.slice(0, start) + line.repeat(e.times + 1) + out.slice(start + line.length);
    }
  }
  return out;
}

export interface TextCase {
  /** How the text was made, for the report of a failure. */
  readonly how: string;
  readonly text: string;
}

const presetIndex = fc.nat({ max: PRESETS.length - 1 });

/** A preset's data changed and written as YAML or JSON. */
export const mutatedPreset: fc.Arbitrary<TextCase> = fc
  .record({ preset: presetIndex, mutations: fc.array(mutation, { minLength: 1, maxLength: 4 }), form: fc.constantFrom('yaml' as const, 'yaml-flow' as const, 'json' as const, 'json-pretty' as const) })
  .map(({ preset, mutations, form }) => ({
    how: `${PRESETS[preset]!.file} mutated, as ${form}`,
    text: written(mutate(PRESETS[preset]!.data, mutations), form),
  }));

/** A preset's own text (comments, flow mappings and all) edited character by character. */
export const editedPreset: fc.Arbitrary<TextCase> = fc
  .record({ preset: presetIndex, edits: fc.array(edit, { minLength: 1, maxLength: 6 }) })
  .map(({ preset, edits }) => ({ how: `${PRESETS[preset]!.file} edited`, text: edited(PRESETS[preset]!.text, edits) }));

/** Bytes from anywhere, read as the command line reads a file (UTF-8, invalid sequences replaced). */
export const rawBytes: fc.Arbitrary<TextCase> = fc.oneof(
  fc.uint8Array({ maxLength: 600 }).map((bytes) => ({ how: 'raw bytes', text: Buffer.from(bytes).toString('utf8') })),
  fc.string({ maxLength: 300, unit: 'binary' }).map((text) => ({ how: 'raw text', text })),
  fc.array(fc.constantFrom(...SYNTAX), { maxLength: 60 }).map((parts) => ({ how: 'YAML syntax soup', text: parts.join('') })),
);

export const scenarioText: fc.Arbitrary<TextCase> = fc.oneof(
  { arbitrary: mutatedPreset, weight: 5 },
  { arbitrary: editedPreset, weight: 3 },
  { arbitrary: rawBytes, weight: 2 },
);

/** A dotted override path: a real field, a real one extended or misspelt, or hostile segments. */
export const overridePath: fc.Arbitrary<string> = fc.oneof(
  { arbitrary: fc.constantFrom(...FIELD_PATHS), weight: 4 },
  { arbitrary: fc.tuple(fc.constantFrom(...FIELD_PATHS), fc.oneof(fc.constantFrom(...FIELD_NAMES), fc.constantFrom(...HOSTILE_KEYS))).map(([a, b]) => `${a}.${b}`), weight: 1 },
  { arbitrary: fc.array(fc.oneof(fc.constantFrom(...FIELD_NAMES), fc.constantFrom(...HOSTILE_KEYS), fc.string({ maxLength: 6 })), { minLength: 1, maxLength: 4 }).map((keys) => keys.join('.')), weight: 2 },
);

/** The text of a flag value: numbers in every notation, YAML scalars and non-scalars, markup. */
export const flagValueText: fc.Arbitrary<string> = fc.oneof(
  wildNumber.map(String),
  fc.integer({ min: -5, max: 5000 }).map(String),
  fc.double({ min: -2, max: 2, noNaN: true }).map(String),
  hostileText,
  fc.constantFrom('random-split', 'fixed-amount', 'discriminatory', 'uniform', 'equal', 'by-skill', 'true', 'false', '1e400', '-1e999', '99999999999999999999', '0.0833', '-3', '--years'),
);

/** `path=value` as given to --set (sometimes without `=`, or with the path empty). */
export const setAssignment: fc.Arbitrary<string> = fc.oneof(
  { arbitrary: fc.tuple(overridePath, flagValueText).map(([path, value]) => `${path}=${value}`), weight: 8 },
  { arbitrary: fc.oneof(hostileText, overridePath), weight: 1 },
  { arbitrary: flagValueText.map((value) => `=${value}`), weight: 1 },
);

/** `path=v1,v2,...` or `path=start:stop:step` as given to --vary. */
export const varySpec: fc.Arbitrary<string> = fc.oneof(
  { arbitrary: fc.tuple(overridePath, fc.array(flagValueText, { minLength: 1, maxLength: 5 })).map(([path, values]) => `${path}=${values.join(',')}`), weight: 4 },
  { arbitrary: fc.tuple(overridePath, wildNumber, wildNumber, wildNumber).map(([path, a, b, c]) => `${path}=${a}:${b}:${c}`), weight: 2 },
  { arbitrary: fc.tuple(overridePath, fc.integer({ min: -5, max: 100 }), fc.integer({ min: 0, max: 200 }), fc.constantFrom('1', '0.5', '7', '0.01', '0')).map(([path, a, b, c]) => `${path}=${a}:${b}:${c}`), weight: 2 },
  { arbitrary: hostileText, weight: 1 },
);

export const presetFile: fc.Arbitrary<string> = presetIndex.map((i) => PRESETS[i]!.file);

/** A preset's leaf paths with their values (numbers, texts, booleans), for overrides that may well be valid. */
function leavesOf(preset: Preset): [string, unknown][] {
  return pathsOf(preset.data)
    .filter((path) => path.length > 0 && !path.some((k) => typeof k === 'number'))
    .map((path): [string, unknown] => [path.join('.'), getAt(preset.data, path)])
    .filter(([, value]) => value === null || typeof value !== 'object');
}

/** A number near `value`: scaled by `factor`, kept whole if it was whole. */
function near(value: number, factor: number): string {
  return String(Number.isInteger(value) ? Math.round(value * factor) : Number((value * factor).toPrecision(6)));
}

/** `path=value` on one of the preset's own fields, the value near its own. */
export function plausibleSet(preset: Preset): fc.Arbitrary<string> {
  const leaves = leavesOf(preset);
  return fc.tuple(fc.nat(), fc.double({ min: 0.5, max: 2, noNaN: true })).map(([i, factor]) => {
    const [path, value] = leaves[i % leaves.length]!;
    return `${path}=${typeof value === 'number' ? near(value, factor) : String(value)}`;
  });
}

/** `path=a,b` or `path=start:stop:step` on one of the preset's numeric fields, near its value. */
export function plausibleVary(preset: Preset): fc.Arbitrary<string> {
  const numeric = leavesOf(preset).filter((leaf): leaf is [string, number] => typeof leaf[1] === 'number');
  return fc.tuple(fc.nat(), fc.double({ min: 0.5, max: 2, noNaN: true }), fc.boolean()).map(([i, factor, range]) => {
    const [path, value] = numeric[i % numeric.length]!;
    if (!range) return `${path}=${value},${near(value, factor)}`;
    const [low, high] = [Math.min(value, value * factor), Math.max(value, value * factor)];
    return Number.isInteger(value)
      ? `${path}=${Math.round(low)}:${Math.round(high)}:${Math.max(1, Math.round((high - low) / 3))}`
      : `${path}=${low.toPrecision(6)}:${high.toPrecision(6)}:${((high - low) / 3 || 1).toPrecision(6)}`;
  });
}
