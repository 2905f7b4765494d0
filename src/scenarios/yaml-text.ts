// Reading scenario text as YAML 1.2 (JSON included) the way a scenario means it: numbers only
// in decimal notation (`0x64`, `0o14`, `.nan` and `.inf` stay the text they are, so validation
// shows them as written), one document, nesting and duplicate keys checked in linear time.
import {
  isAlias, isCollection, isMap, isPair, isScalar, LineCounter, parseDocument,
  type Document, type DocumentOptions, type ParseOptions, type SchemaOptions, type Tags,
} from 'yaml';

/** The scalar forms of YAML's core schema a scenario does not read as numbers. */
function decimalOnly(tags: Tags): Tags {
  return tags.filter((tag) => {
    const t = tag as { format?: string; test?: RegExp };
    if (t.format === 'HEX' || t.format === 'OCT') return false;
    // The core schema's `.nan`, `.inf`, `-.inf`: not a value any field accepts.
    return !(t.test !== undefined && t.test.test('.nan'));
  });
}

type YamlOptions = ParseOptions & DocumentOptions & SchemaOptions;

/** Options of every parse of scenario text (files, share links, flag values). */
export const SCENARIO_YAML: YamlOptions = {
  prettyErrors: false,
  // Duplicates are found by `duplicateKeys` (the library's own check is quadratic in the keys).
  uniqueKeys: false,
  customTags: decimalOnly,
};

/** A scenario nests three levels; more than this is not a scenario, whatever it holds. */
export const MAX_NESTING = 32;

export interface TextProblem {
  readonly message: string;
  /** Character offset in the text, where known. */
  readonly offset?: number;
}

export interface ParsedText {
  readonly doc: Document;
  readonly counter: LineCounter;
}

/** Parses scenario text; a problem with the text as YAML is described in words a user can act on. */
export function parseScenarioYaml(text: string): { ok: true; parsed: ParsedText } | { ok: false; problems: TextProblem[] } {
  const counter = new LineCounter();
  let doc: Document;
  try {
    doc = parseDocument(text, { ...SCENARIO_YAML, lineCounter: counter });
  } catch (error) {
    return { ok: false, problems: [{ message: `not valid YAML or JSON: ${(error as Error).message}` }] };
  }
  if (doc.errors.length > 0) {
    return { ok: false, problems: doc.errors.map((error) => ({ message: yamlErrorMessage(error.code, error.message), offset: error.pos[0] })) };
  }
  const structure = checkStructure(doc);
  if (structure.length > 0) return { ok: false, problems: structure };
  return { ok: true, parsed: { doc, counter } };
}

function yamlErrorMessage(code: string, message: string): string {
  if (code === 'MULTIPLE_DOCS') {
    return 'the text holds more than one YAML document (a second `---` or `...`); a scenario is one document';
  }
  if (code === 'RESOURCE_EXHAUSTION') {
    return `nested too deeply to read (a scenario nests at most ${MAX_NESTING} levels)`;
  }
  return `not valid YAML or JSON: ${message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '')}`;
}

/** Nesting depth and duplicate keys, in one walk without recursion (deep input cannot overflow the stack). */
function checkStructure(doc: Document): TextProblem[] {
  const problems: TextProblem[] = [];
  const stack: { node: unknown; depth: number }[] = [{ node: doc.contents, depth: 1 }];
  while (stack.length > 0) {
    const { node, depth } = stack.pop()!;
    if (!isCollection(node)) continue;
    if (depth > MAX_NESTING) {
      return [{ message: `nested more than ${MAX_NESTING} levels deep; a scenario nests at most 3`, offset: node.range?.[0] }];
    }
    const seen = isMap(node) ? new Set<string>() : undefined;
    for (const item of node.items) {
      if (isPair(item)) {
        if (seen !== undefined && isScalar(item.key)) {
          const key = String(item.key.value);
          if (seen.has(key)) problems.push({ message: `the key "${key}" appears twice in one mapping`, offset: item.key.range?.[0] });
          seen.add(key);
        } else if (item.key !== null && !isScalar(item.key) && !isAlias(item.key)) {
          problems.push({ message: 'a key that is a list or mapping; scenario keys are names', offset: (item.key as { range?: number[] }).range?.[0] });
        }
        stack.push({ node: item.value, depth: depth + 1 });
      } else {
        stack.push({ node: item, depth: depth + 1 });
      }
    }
  }
  return problems;
}

/** A flag value read as one YAML scalar: `3` is a number, `true` a boolean, `abc` (or `0x10`) a string. */
export function parseScalarText(text: string): unknown {
  try {
    const doc = parseDocument(text, SCENARIO_YAML);
    if (doc.errors.length === 0 && isScalar(doc.contents)) return doc.contents.value;
  } catch {
    // Not one scalar: the literal text below.
  }
  // Anything that is not one scalar (`a: b`, `[1]`) is meant as the literal text.
  return text;
}

/** The text as written of the scalar at `path`, if the document has one there. */
export function writtenAt(doc: Document | undefined, path: readonly PropertyKey[]): string | undefined {
  if (doc === undefined) return undefined;
  let node: unknown;
  try {
    node = doc.getIn(path as unknown[], true);
  } catch {
    return undefined;
  }
  return isScalar(node) && typeof node.source === 'string' ? node.source : undefined;
}
