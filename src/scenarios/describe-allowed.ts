// Says in words what a scenario field allows, read off the zod schema itself (through its
// JSON Schema), so error messages and generated controls never drift from validation.
import { z } from 'zod';
import { scenarioSchema } from './schema.ts';

type JsonSchema = {
  type?: string | string[];
  enum?: unknown[];
  const?: unknown;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  exclusiveMaximum?: number;
  minLength?: number;
  maxLength?: number;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  properties?: Record<string, JsonSchema>;
  items?: JsonSchema;
  unit?: string;
  description?: string;
};

type AnySchema = z.ZodType & { _zod: { def: Record<string, unknown> } };

function unwrap(schema: AnySchema): AnySchema {
  let current = schema;
  for (;;) {
    const def = current._zod.def as { type: string; innerType?: AnySchema; in?: AnySchema };
    if ((def.type === 'default' || def.type === 'optional' || def.type === 'nullable' || def.type === 'prefault') && def.innerType) {
      current = def.innerType;
    } else if (def.type === 'pipe' && def.in) {
      current = def.in;
    } else {
      return current;
    }
  }
}

/** The schema that validates the value at `path` of a scenario whose raw data is `raw`. */
export function schemaAt(path: readonly PropertyKey[], raw: unknown): AnySchema | undefined {
  const kind = (raw as { kind?: unknown } | null)?.kind;
  const option = scenarioSchema.options.find((o) => o.shape.kind.value === kind);
  if (option === undefined) return undefined;
  let current: AnySchema = option as unknown as AnySchema;
  for (const key of path) {
    current = unwrap(current);
    const def = current._zod.def as { type: string; shape?: Record<string, AnySchema>; element?: AnySchema; options?: AnySchema[] };
    if (def.type === 'object' && def.shape && typeof key === 'string' && key in def.shape) {
      current = def.shape[key]!;
    } else if (def.type === 'array' && def.element && typeof key === 'number') {
      current = def.element;
    } else {
      return undefined;
    }
  }
  return current;
}

export function jsonSchemaOf(schema: AnySchema): JsonSchema {
  return z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as JsonSchema;
}

const quote = (v: unknown) => JSON.stringify(v);

export function describeJsonSchema(s: JsonSchema): string {
  const alternatives = s.anyOf ?? s.oneOf;
  if (alternatives) return alternatives.map(describeJsonSchema).join(' or ');
  if (s.enum) return `one of ${s.enum.map(quote).join(', ')}`;
  if (s.const !== undefined) return quote(s.const);
  const unit = s.unit ? ` (${s.unit})` : '';
  switch (s.type) {
    case 'integer':
    case 'number': {
      const noun = s.type === 'integer' ? 'a whole number' : 'a number';
      const low = s.exclusiveMinimum !== undefined ? `greater than ${s.exclusiveMinimum}` : s.minimum !== undefined ? `at least ${s.minimum}` : '';
      const high = s.exclusiveMaximum !== undefined ? `less than ${s.exclusiveMaximum}` : s.maximum !== undefined ? `at most ${s.maximum}` : '';
      if (s.minimum !== undefined && s.maximum !== undefined) return `${noun} from ${s.minimum} to ${s.maximum}${unit}`;
      return `${noun}${low ? ` ${low}` : ''}${low && high ? ' and' : ''}${high ? ` ${high}` : ''}${unit}`;
    }
    case 'string':
      return s.maxLength !== undefined ? `text of ${s.minLength ?? 0} to ${s.maxLength} characters` : 'text';
    case 'boolean':
      return 'true or false';
    case 'array':
      return s.items ? `a list of ${describeJsonSchema(s.items)}` : 'a list';
    case 'object':
      return s.properties ? `a mapping with keys ${Object.keys(s.properties).join(', ')}` : 'a mapping';
    default:
      return 'a value of the documented form';
  }
}

/** Words for what the field at `path` allows, or undefined where the path is not in the schema. */
export function allowedAt(path: readonly PropertyKey[], raw: unknown): string | undefined {
  const schema = schemaAt(path, raw);
  return schema === undefined ? undefined : describeJsonSchema(jsonSchemaOf(schema));
}

/** Keys the mapping at `path` accepts. */
export function keysAt(path: readonly PropertyKey[], raw: unknown): string[] {
  const schema = schemaAt(path, raw);
  if (schema === undefined) return [];
  const def = unwrap(schema)._zod.def as { type: string; shape?: Record<string, unknown> };
  return def.type === 'object' && def.shape ? Object.keys(def.shape) : [];
}
