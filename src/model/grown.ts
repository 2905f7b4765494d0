// Growable typed-array columns: tables keep their columns in typed arrays and double them
// when they fill.

/** `column` itself when it holds `size` entries, else a copy with its length doubled until it does. */
export function grown<T extends Int32Array | Float64Array | Uint8Array>(column: T, size: number): T {
  if (size <= column.length) return column;
  let n = Math.max(1, column.length);
  while (n < size) n *= 2;
  const copy = new (column.constructor as new (n: number) => T)(n);
  copy.set(column);
  return copy;
}
