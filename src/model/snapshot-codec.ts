// The state of a run as plain JSON and back, exactly: every number with its bits (NaN, the
// infinities and -0 included), typed arrays as little-endian bytes in base64, Maps and Sets,
// shared references. Restoring writes INTO a freshly built engine (a template): its objects
// keep their prototypes and the phases' closures keep the references they captured (typed
// arrays of unchanged length are filled in place, Maps and arrays in place), so nothing the
// engine holds points at a stale copy. No class registry: nothing depends on class names,
// which a bundler may rename.

export class SnapshotError extends Error {
  override name = 'SnapshotError';
}

/** JSON as the encoder writes it. */
export type Encoded = null | boolean | number | string | Encoded[] | { [key: string]: Encoded };

const TYPED_ARRAYS = {
  Float64Array, Float32Array, Int32Array, Uint32Array, Int16Array, Uint16Array, Int8Array, Uint8Array, Uint8ClampedArray,
} as const;
type TypedArrayName = keyof typeof TYPED_ARRAYS;
type AnyTypedArray = InstanceType<(typeof TYPED_ARRAYS)[TypedArrayName]>;

function typedArrayName(value: ArrayBufferView): TypedArrayName | undefined {
  for (const name of Object.keys(TYPED_ARRAYS) as TypedArrayName[]) if (value instanceof TYPED_ARRAYS[name]) return name;
  return undefined;
}

// Bytes <-> base64 with the globals both Node and browsers have; chunked so that
// String.fromCharCode never gets more arguments than an engine accepts.
function bytesToBase64(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

function base64ToBytes(text: string, path: string): Uint8Array {
  let binary: string;
  try {
    binary = atob(text);
  } catch {
    throw new SnapshotError(`${path}: the typed array's bytes are not base64`);
  }
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

const isPlainPrototype = (value: object) => {
  const proto = Object.getPrototypeOf(value) as object | null;
  return proto === Object.prototype || proto === null;
};

function encodeNumber(value: number): Encoded {
  if (Number.isNaN(value)) return { $num: 'NaN' };
  if (value === Infinity) return { $num: 'Infinity' };
  if (value === -Infinity) return { $num: '-Infinity' };
  if (Object.is(value, -0)) return { $num: '-0' };
  return value;
}

/**
 * The value graph under `root` as JSON. Functions, symbols and bigints are refused with
 * their path (a phase's scratch closure is no state: the caller leaves it out), as are two
 * typed arrays that view one buffer (restoring them apart would break the sharing).
 */
export function encodeGraph(root: unknown, rootPath = '$'): Encoded {
  const seen = new Map<object, string>();
  const buffers = new Map<ArrayBufferLike, string>();

  const encode = (value: unknown, path: string): Encoded => {
    switch (typeof value) {
      case 'number': return encodeNumber(value);
      case 'string': case 'boolean': return value;
      case 'undefined': return { $undefined: true };
      case 'object': break;
      default: throw new SnapshotError(`${path}: a ${typeof value} is not state a snapshot can hold`);
    }
    if (value === null) return null;
    const earlier = seen.get(value);
    if (earlier !== undefined) return { $ref: earlier };
    seen.set(value, path);
    if (ArrayBuffer.isView(value)) {
      const name = typedArrayName(value);
      if (name === undefined) throw new SnapshotError(`${path}: a ${value.constructor.name} is not state a snapshot can hold`);
      const other = buffers.get(value.buffer);
      if (other !== undefined) throw new SnapshotError(`${path} and ${other} view one buffer: a snapshot keeps typed arrays apart`);
      buffers.set(value.buffer, path);
      return { $typed: name, bytes: bytesToBase64(new Uint8Array(value.buffer, value.byteOffset, value.byteLength)) };
    }
    if (Array.isArray(value)) return value.map((item, i) => encode(item, `${path}[${i}]`));
    if (value instanceof Map) {
      return { $map: [...value].map(([k, v], i) => [encode(k, `${path}.key${i}`), encode(v, `${path}.get(${String(k)})`)]) };
    }
    if (value instanceof Set) return { $set: [...value].map((v, i) => encode(v, `${path}.item${i}`)) };
    const fields: { [key: string]: Encoded } = {};
    for (const key of Object.keys(value)) {
      if (key.startsWith('$')) throw new SnapshotError(`${path}.${key}: field names starting with $ are reserved by the snapshot format`);
      fields[key] = encode((value as Record<string, unknown>)[key], `${path}.${key}`);
    }
    // A class instance must find its object in the template: marked so the restorer can say so.
    if (!isPlainPrototype(value)) fields.$instance = value.constructor.name || true;
    return fields;
  };
  return encode(root, rootPath);
}

const isRecord = (value: Encoded): value is { [key: string]: Encoded } => typeof value === 'object' && value !== null && !Array.isArray(value);

function decodeNumber(value: Encoded, path: string): number | undefined {
  if (typeof value === 'number') return value;
  if (!isRecord(value) || !('$num' in value)) return undefined;
  switch (value.$num) {
    case 'NaN': return Number.NaN;
    case 'Infinity': return Infinity;
    case '-Infinity': return -Infinity;
    case '-0': return -0;
    default: throw new SnapshotError(`${path}: unknown number ${JSON.stringify(value.$num)}`);
  }
}

function decodeTyped(value: { [key: string]: Encoded }, path: string): AnyTypedArray {
  const name = value.$typed;
  if (typeof name !== 'string' || !(name in TYPED_ARRAYS) || typeof value.bytes !== 'string') {
    throw new SnapshotError(`${path}: a typed array needs $typed (one of ${Object.keys(TYPED_ARRAYS).join(', ')}) and bytes`);
  }
  const Kind = TYPED_ARRAYS[name as TypedArrayName];
  const bytes = base64ToBytes(value.bytes, path);
  if (bytes.length % Kind.BYTES_PER_ELEMENT !== 0) throw new SnapshotError(`${path}: ${bytes.length} bytes do not make whole ${name} entries`);
  return new Kind(bytes.buffer as ArrayBuffer, 0, bytes.length / Kind.BYTES_PER_ELEMENT);
}

const kindOf = (value: unknown): string => {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  if (ArrayBuffer.isView(value)) return typedArrayName(value) ?? 'view';
  if (value instanceof Map) return 'map';
  if (value instanceof Set) return 'set';
  return typeof value;
};

/**
 * Writes the encoded graph into `template` (same shape, built fresh by the same code) and
 * returns the restored root. Every object of the template must appear in the encoding with
 * the same fields, and every class instance of the encoding must have its object in the
 * template: otherwise the snapshot came from another engine version, and a SnapshotError says
 * where.
 */
export function restoreGraph<T>(template: T, encoded: Encoded, rootPath = '$'): T {
  const byPath = new Map<string, unknown>();

  const resolveRef = (value: Encoded, path: string): unknown => {
    if (!isRecord(value) || typeof value.$ref !== 'string') return undefined;
    if (!byPath.has(value.$ref)) throw new SnapshotError(`${path}: refers to ${value.$ref}, which comes later or not at all`);
    return byPath.get(value.$ref);
  };

  /** The restored value at `path`: `current` itself when it could be filled in place. */
  const restore = (current: unknown, value: Encoded, path: string): unknown => {
    if (value === null || typeof value === 'number' || typeof value === 'string' || typeof value === 'boolean') return value;
    const number = decodeNumber(value, path);
    if (number !== undefined) return number;
    if (Array.isArray(value)) {
      const target = Array.isArray(current) ? (current as unknown[]) : [];
      byPath.set(path, target);
      for (let i = 0; i < value.length; i++) target[i] = restore(target[i], value[i]!, `${path}[${i}]`);
      target.length = value.length;
      return target;
    }
    if ('$undefined' in value) return undefined;
    if ('$ref' in value) return resolveRef(value, path);
    if ('$typed' in value) {
      const decoded = decodeTyped(value, path);
      const sameKind = current !== null && typeof current === 'object' && ArrayBuffer.isView(current)
        && typedArrayName(current) === value.$typed && (current as AnyTypedArray).length === decoded.length;
      const target = sameKind ? current as AnyTypedArray : decoded;
      if (sameKind) (target as Float64Array).set(decoded as Float64Array);
      byPath.set(path, target);
      return target;
    }
    if ('$map' in value) {
      const entries = value.$map;
      if (!Array.isArray(entries)) throw new SnapshotError(`${path}: a map needs a list of entries`);
      const target = current instanceof Map ? current : new Map<unknown, unknown>();
      byPath.set(path, target);
      const keys = new Set<unknown>();
      entries.forEach((entry, i) => {
        if (!Array.isArray(entry) || entry.length !== 2) throw new SnapshotError(`${path}: entry ${i} is not a [key, value] pair`);
        const key = restore(undefined, entry[0]!, `${path}.key${i}`);
        keys.add(key);
        target.set(key, restore(target.get(key), entry[1]!, `${path}.get(${String(key)})`));
      });
      for (const key of [...target.keys()]) if (!keys.has(key)) target.delete(key);
      return target;
    }
    if ('$set' in value) {
      const items = value.$set;
      if (!Array.isArray(items)) throw new SnapshotError(`${path}: a set needs a list of items`);
      const target = current instanceof Set ? current : new Set<unknown>();
      byPath.set(path, target);
      target.clear();
      items.forEach((item, i) => target.add(restore(undefined, item, `${path}.item${i}`)));
      return target;
    }
    const instance = value.$instance;
    const fits = current !== null && typeof current === 'object' && !Array.isArray(current) && !ArrayBuffer.isView(current)
      && !(current instanceof Map) && !(current instanceof Set);
    if (!fits && instance !== undefined) {
      throw new SnapshotError(`${path}: the snapshot holds a ${String(instance)} where this engine has ${kindOf(current)}; it was made by another version`);
    }
    const target = (fits ? current : {}) as Record<string, unknown>;
    byPath.set(path, target);
    for (const key of Object.keys(value)) {
      if (key === '$instance') continue;
      if (key.startsWith('$')) throw new SnapshotError(`${path}: unknown marker ${key}`);
      if (fits && !(key in target)) throw new SnapshotError(`${path}.${key}: no such field in this engine; the snapshot was made by another version`);
      target[key] = restore(target[key], value[key]!, `${path}.${key}`);
    }
    if (fits) {
      for (const key of Object.keys(target)) {
        if (!(key in value)) throw new SnapshotError(`${path}.${key}: missing from the snapshot; it was made by another version`);
      }
    }
    return target;
  };

  return restore(template, encoded, rootPath) as T;
}
