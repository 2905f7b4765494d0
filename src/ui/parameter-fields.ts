// The scenario's main parameters as form fields, read from the JSON Schema of its kind (type,
// range, choices, default) and the `.meta` the schema carries (unit, description). A new
// field in the schema appears in the page without UI code.
import { z } from 'zod';
import { schemaOfKind, type ScenarioKind } from '../scenarios/schema.ts';

export interface ParameterField {
  /** Path of the value in the scenario (nested mappings give longer paths). */
  readonly path: readonly string[];
  readonly label: string;
  readonly type: 'number' | 'integer' | 'choice' | 'boolean';
  readonly min?: number;
  readonly max?: number;
  /** True when `min` itself is not allowed (a strict lower bound). */
  readonly minExclusive?: boolean;
  readonly choices?: readonly string[];
  readonly defaultValue?: unknown;
  readonly unit?: string;
  readonly description?: string;
  /** A slider helps when the range is short enough to drag through. */
  readonly slider: boolean;
}

/** Fields the page controls elsewhere (seed) or that are not parameters. */
const NOT_PARAMETERS = new Set(['kind', 'name', 'description', 'seed']);

interface JsonField {
  type?: string;
  enum?: unknown[];
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  exclusiveMaximum?: number;
  default?: unknown;
  unit?: string;
  description?: string;
  properties?: Record<string, JsonField>;
}

/** `stakeFraction` -> `stake fraction`. */
export function labelOf(key: string): string {
  return key.replace(/([a-z0-9])([A-Z])/g, '$1 $2').toLowerCase();
}

function fieldOf(path: string[], json: JsonField): ParameterField | null {
  const base = {
    path,
    label: labelOf(path[path.length - 1]!),
    defaultValue: json.default,
    ...(json.unit !== undefined ? { unit: json.unit } : {}),
    ...(json.description !== undefined ? { description: json.description } : {}),
  };
  if (Array.isArray(json.enum) && json.enum.every((v) => typeof v === 'string')) {
    return { ...base, type: 'choice', choices: json.enum as string[], slider: false };
  }
  if (json.type === 'boolean') return { ...base, type: 'boolean', slider: false };
  if (json.type === 'number' || json.type === 'integer') {
    const min = json.minimum ?? json.exclusiveMinimum;
    const max = json.maximum ?? json.exclusiveMaximum;
    const span = min !== undefined && max !== undefined ? max - min : Infinity;
    return {
      ...base,
      type: json.type,
      ...(min !== undefined ? { min } : {}),
      ...(max !== undefined ? { max } : {}),
      ...(json.exclusiveMinimum !== undefined ? { minExclusive: true } : {}),
      slider: span <= 1 || (json.type === 'integer' && span <= 200),
    };
  }
  return null;
}

function collect(properties: Record<string, JsonField>, prefix: string[], out: ParameterField[]): void {
  for (const [key, json] of Object.entries(properties)) {
    if (prefix.length === 0 && NOT_PARAMETERS.has(key)) continue;
    if (json.properties !== undefined) {
      collect(json.properties, [...prefix, key], out);
      continue;
    }
    const field = fieldOf([...prefix, key], json);
    if (field !== null) out.push(field);
  }
}

export function fieldsFromJsonSchema(schema: unknown): ParameterField[] {
  const properties = (schema as { properties?: Record<string, JsonField> }).properties ?? {};
  const out: ParameterField[] = [];
  collect(properties, [], out);
  return out;
}

export function parameterFields(kind: ScenarioKind): ParameterField[] {
  return fieldsFromJsonSchema(z.toJSONSchema(schemaOfKind(kind), { io: 'input', unrepresentable: 'any' }));
}
