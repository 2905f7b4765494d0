// What to lower when a run's money passes 2^53 cents (MoneyRangeError): the scenario's money
// fields (those whose unit is goods or money units, and the skill that scales output) that
// stand furthest above their defaults, read off the schema so a new money field is covered
// without touching this file, then the population. Built only when the error is thrown.
import { jsonSchemaOf } from './describe-allowed.ts';
import { schemaOfKind, type Scenario } from './schema.ts';

type Json = { type?: string; unit?: string; default?: unknown; properties?: Record<string, Json>; items?: Json };

/** Fields whose value scales the money in an economy (besides the population). */
function scalesMoney(s: Json): boolean {
  return (s.type === 'number' || s.type === 'integer') && typeof s.default === 'number' && s.default > 0
    && s.unit !== undefined && (/\b(goods|money) units\b/.test(s.unit) || s.unit === 'multiple of a median worker');
}

interface Excess { readonly path: string; readonly value: number; readonly fallback: number; readonly ratio: number }

function collect(value: unknown, s: Json, path: string, out: Excess[]): void {
  if (s.properties && value !== null && typeof value === 'object' && !Array.isArray(value)) {
    for (const [key, field] of Object.entries(s.properties)) {
      collect((value as Record<string, unknown>)[key], field, path === '' ? key : `${path}.${key}`, out);
    }
  } else if (s.items && Array.isArray(value)) {
    value.forEach((item, i) => collect(item, s.items!, `${path}[${i}]`, out));
  } else if (typeof value === 'number' && scalesMoney(s)) {
    const fallback = s.default as number;
    if (value > fallback) out.push({ path, value, fallback, ratio: value / fallback });
  }
}

/** The sentence after "past 2^53 cents ...;": the fields to lower, furthest above their defaults first. */
export function moneyRangeAdvice(scenario: Scenario): string {
  const json = jsonSchemaOf(schemaOfKind(scenario.kind) as never) as Json;
  const excess: Excess[] = [];
  collect(scenario, json, '', excess);
  excess.sort((a, b) => b.ratio - a.ratio || a.path.localeCompare(b.path));
  const population = 'agents' in scenario ? `agents (${scenario.agents})` : `persons.count (${scenario.persons.count})`;
  if (excess.length === 0) return `lower the population, ${population}, or the money amounts (prices, output, initial wealth)`;
  const named = excess.slice(0, 3).map((e) => `${e.path} (${e.value}, default ${e.fallback})`);
  return `lower ${named.join(', or ')}, the money amounts furthest above their defaults; or the population, ${population}`;
}
