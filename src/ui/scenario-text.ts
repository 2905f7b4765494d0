// Edits to the scenario text itself: a parameter change rewrites one value in the YAML and
// keeps the author's comments and order, so the editor, the saved file and the share link
// always show exactly what runs.
import { isMap, parseDocument } from 'yaml';

export function setField(text: string, path: readonly string[], value: unknown): string {
  const doc = parseDocument(text);
  if (doc.errors.length > 0 || !isMap(doc.contents)) throw new Error('the scenario text must parse before a parameter can be set');
  doc.setIn(path, value);
  return doc.toString();
}

/** A value of a parsed scenario at a path (undefined if any step is missing). */
export function valueAt(data: unknown, path: readonly string[]): unknown {
  let current = data;
  for (const key of path) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<string, unknown>)[key];
  }
  return current;
}
