// Reading scenario text as YAML 1.2 (JSON included) the way a scenario means it: numbers only
// in decimal notation (`0x64`, `0o14`, `.nan` and `.inf` stay the text they are, so validation
// shows them as written, and so do the notations a `%YAML 1.1` line would let in: `0b101`,
// `1:30`, `010`, `1_000`), one document, nesting and duplicate keys checked in linear time.
import {
  isAlias, isCollection, isMap, isPair, isScalar, LineCounter, parseDocument,
  type Document, type DocumentOptions, type ParseOptions, type ScalarTag, type SchemaOptions, type Tags,
} from 'yaml';

/** A number as YAML 1.2's core schema writes it: sign, digits, fraction, exponent. */
const DECIMAL_NUMERAL = /^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?$/;

/**
 * Notations the library reads as numbers in other bases (hex `0x64`, octal `0o14`, and in a
 * YAML 1.1 document binary `0b101`, octal `010` and base 60 `1:30`), and YAML 1.1 dates.
 */
const NOT_DECIMAL_FORMATS = new Set(['HEX', 'OCT', 'BIN', 'TIME']);
const TIMESTAMP = 'tag:yaml.org,2002:timestamp';
const NUMBER_TAGS = new Set(['tag:yaml.org,2002:int', 'tag:yaml.org,2002:float']);

/**
 * The scalar forms of the document's schema (core, or YAML 1.1 after a `%YAML 1.1` line) a
 * scenario does not read as numbers: each is the text as written. A notation's tag is kept,
 * resolving to its text, rather than dropped: dropped, YAML 1.1's octal `010` would fall
 * through to its decimal tag and read as 10.
 */
function decimalOnly(tags: Tags): Tags {
  const asText = (source: string) => source;
  return tags.flatMap((tag): Tags => {
    // Collections, and tags named by id (no schema's own tag is), are kept as they are.
    if (typeof tag !== 'object' || tag.collection !== undefined) return [tag];
    const scalar: ScalarTag = tag;
    if (scalar.test === undefined || scalar.default !== true) return [tag];
    // The schema's `.nan`, `.inf`, `-.inf`: not a value any field accepts.
    if (scalar.test.test('.nan')) return [];
    if ((scalar.format !== undefined && NOT_DECIMAL_FORMATS.has(scalar.format)) || scalar.tag === TIMESTAMP) return [{ ...scalar, resolve: asText }];
    // YAML 1.1 also reads `1_000` and `1_0.5` as numbers.
    if (NUMBER_TAGS.has(scalar.tag)) {
      return [{ ...scalar, test: new RegExp(`(?=${DECIMAL_NUMERAL.source})(?:${scalar.test.source})`, scalar.test.flags) }];
    }
    return [tag];
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
  /** Offset of the first alias (`*a`), where repeating anchors could blow up. */
  readonly firstAlias: number | undefined;
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
  if (structure.problems.length > 0) return { ok: false, problems: structure.problems };
  return { ok: true, parsed: { doc, counter, firstAlias: structure.firstAlias } };
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

/**
 * Nesting depth, duplicate keys and aliases, in one walk in document order without recursion
 * (deep input cannot overflow the stack). An alias must follow its anchor and lie outside it:
 * an alias inside its own anchor (`&a [*a]`) would make the data a loop.
 */
function checkStructure(doc: Document): { problems: TextProblem[]; firstAlias?: number } {
  const problems: TextProblem[] = [];
  let firstAlias: number | undefined;
  const anchors = new Map<string, unknown>();
  /** Collections being walked (the current node's ancestors). */
  const open = new Set<unknown>();
  type Step = { node: unknown; depth: number; leave?: true; isKey?: true };
  const stack: Step[] = [{ node: doc.contents, depth: 1 }];
  while (stack.length > 0) {
    const { node, depth, leave, isKey } = stack.pop()!;
    if (leave) {
      open.delete(node);
      continue;
    }
    if (isAlias(node)) {
      const target = anchors.get(node.source);
      const offset = node.range?.[0];
      firstAlias ??= offset;
      if (target === undefined) problems.push({ message: `the alias *${node.source} names no anchor &${node.source} written before it`, offset });
      else if (open.has(target)) problems.push({ message: `the alias *${node.source} lies inside the anchor &${node.source} it repeats, which would repeat itself for ever`, offset });
      else if (isKey && isCollection(target)) problems.push({ message: `a key that is a list or mapping (the alias *${node.source}); scenario keys are names`, offset });
      continue;
    }
    const anchor = (node as { anchor?: string } | null)?.anchor;
    if (anchor !== undefined) anchors.set(anchor, node);
    if (!isCollection(node)) continue;
    if (depth > MAX_NESTING) {
      return { problems: [{ message: `nested more than ${MAX_NESTING} levels deep; a scenario nests at most 3`, offset: node.range?.[0] }] };
    }
    open.add(node);
    stack.push({ node, depth, leave: true });
    const seen = isMap(node) ? new Set<string>() : undefined;
    // Children pushed last to first, so they are walked first to last (anchors before aliases).
    const children: Step[] = [];
    for (const item of node.items) {
      if (isPair(item)) {
        if (isScalar(item.key) && item.key.value !== null && typeof item.key.value === 'object') {
          // `!!binary k:` reads the key as bytes, which a mapping of names cannot hold.
          problems.push({ message: 'a key that is binary data (!!binary); scenario keys are names', offset: item.key.range?.[0] });
        } else if (seen !== undefined && isScalar(item.key)) {
          // As toJS names keys: `~:` and an empty key are "".
          const key = String(item.key.value ?? '');
          if (seen.has(key)) problems.push({ message: `the key "${key}" appears twice in one mapping`, offset: item.key.range?.[0] });
          seen.add(key);
        } else if (item.key !== null && !isScalar(item.key) && !isAlias(item.key)) {
          problems.push({ message: 'a key that is a list or mapping; scenario keys are names', offset: (item.key as { range?: number[] }).range?.[0] });
        }
        if (isAlias(item.key)) children.push({ node: item.key, depth: depth + 1, isKey: true });
        children.push({ node: item.value, depth: depth + 1 });
      } else {
        children.push({ node: item, depth: depth + 1 });
      }
    }
    for (let i = children.length - 1; i >= 0; i--) stack.push(children[i]!);
  }
  return { problems, firstAlias };
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
