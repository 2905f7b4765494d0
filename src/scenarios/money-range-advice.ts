// What to lower when a run's money passes 2^53 cents (MoneyRangeError): the scenario's money
// fields (those whose unit is goods or money units, and the skill that scales output) that
// stand furthest above their defaults, read off the schema so a new money field is covered
// without touching this file, then the log-normal spreads that multiply output when one is
// wide (productivity, cycle, shocks, skill), then the population. Built only when the error
// is thrown.
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

/**
 * Log-normal multipliers of output: a spread in logs (an AR(1)'s stationary sd, sigma /
 * sqrt(1 - rho^2), or a lognormal's sigma) makes the largest of many draws exp(several sd)
 * times the median, and the money it sells grows with it, whatever the money fields say.
 */
const SPREADS: readonly { sigma: string; rho?: string }[] = [
  { sigma: 'productivity.sigma', rho: 'productivity.rho' },
  { sigma: 'cycle.sigma', rho: 'cycle.rho' },
  { sigma: 'persons.shockSigma', rho: 'persons.shockRho' },
  { sigma: 'persons.skillSigma' },
];
/** A spread named when its sd in logs passes this: a draw 3 sd up is then over e^3 = 20 times the median. */
const WIDE_SPREAD = 1;

function at(value: unknown, path: string): unknown {
  let v = value;
  for (const key of path.split('.')) v = v !== null && typeof v === 'object' ? (v as Record<string, unknown>)[key] : undefined;
  return v;
}

function spreadOf(sigma: unknown, rho: unknown): number {
  if (typeof sigma !== 'number') return Number.NaN;
  return typeof rho === 'number' ? sigma / Math.sqrt(1 - rho * rho) : sigma;
}

/** The output spreads wider than WIDE_SPREAD and than their defaults', widest against its default first (two at most). */
function wideSpreads(scenario: Scenario, json: Json): string[] {
  const out: { text: string; ratio: number }[] = [];
  const fallbackOf = (path: string) => at(json, schemaPath(path));
  for (const { sigma, rho } of SPREADS) {
    const sd = spreadOf(at(scenario, sigma), rho === undefined ? undefined : at(scenario, rho));
    const fallback = spreadOf(fallbackOf(sigma), rho === undefined ? undefined : fallbackOf(rho));
    if (!(sd > WIDE_SPREAD) || !(sd > fallback)) continue;
    const field = (path: string) => `${path} (${String(at(scenario, path))}, default ${String(fallbackOf(path))})`;
    // The persistence is named beside the innovation when it too is above its default.
    const named = rho !== undefined && Number(at(scenario, rho)) > Number(fallbackOf(rho)) ? `${field(sigma)} or ${field(rho)}` : field(sigma);
    out.push({ text: `${named}, a spread of output of ${sd.toPrecision(3)} in logs (${fallback.toPrecision(2)} by default)`, ratio: sd / fallback });
  }
  return out.sort((a, b) => b.ratio - a.ratio).slice(0, 2).map((e) => e.text);
}

/** The schema path of a field's default: a.b -> properties.a.properties.b.default. */
function schemaPath(path: string): string {
  return `${path.split('.').map((key) => `properties.${key}`).join('.')}.default`;
}

/**
 * The sentence after "past 2^53 cents ...;": the money fields furthest above their defaults, then
 * the spreads that multiply output (an enterprise's productivity, the cycle, the output shocks,
 * skill) when one is wide, then the population.
 */
export function moneyRangeAdvice(scenario: Scenario): string {
  const json = jsonSchemaOf(schemaOfKind(scenario.kind) as never) as Json;
  const excess: Excess[] = [];
  collect(scenario, json, '', excess);
  excess.sort((a, b) => b.ratio - a.ratio || a.path.localeCompare(b.path));
  const population = 'agents' in scenario ? `agents (${scenario.agents})` : `persons.count (${scenario.persons.count})`;
  const parts: string[] = [];
  if (excess.length > 0) {
    parts.push(`${excess.slice(0, 3).map((e) => `${e.path} (${e.value}, default ${e.fallback})`).join(', or ')}, the money amounts furthest above their defaults`);
  }
  parts.push(...wideSpreads(scenario, json));
  if (parts.length === 0) return `lower the population, ${population}, or the money amounts (prices, output, initial wealth)`;
  return `lower ${parts.join('; or ')}; or the population, ${population}`;
}
