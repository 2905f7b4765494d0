// Random economy scenarios for the engine fuzz (issue 16) and the random-parameter property test
// (issue 14): one mechanism. A case starts from an economy preset and redraws some of its fields
// within the ranges the zod schema itself declares (read off its JSON Schema, so a field added
// to the schema is fuzzed without touching this file), at their bounds as often as inside them.
// Only the fields that make a run long are capped: a few simulated years, small populations.
import { readFileSync, readdirSync } from 'node:fs';
import fc from 'fast-check';
import { parse } from 'yaml';
import { schemaOfKind } from '../../src/scenarios/schema.ts';
import { jsonSchemaOf } from '../../src/scenarios/describe-allowed.ts';
import { HOME_OWNER_KINDS } from '../../src/scenarios/economy-schema.ts';

type Json = {
  type?: string; enum?: unknown[]; default?: unknown;
  minimum?: number; maximum?: number; exclusiveMinimum?: number;
  properties?: Record<string, Json>; items?: Json;
};

const scenariosDir = new URL('../../scenarios/', import.meta.url);

/** Raw data of every economy preset shipped in scenarios/, by file name. */
export const ECONOMY_PRESETS: ReadonlyArray<{ file: string; raw: Record<string, unknown> }> = readdirSync(scenariosDir)
  .filter((f) => f.endsWith('.yaml'))
  .sort()
  .map((file) => ({ file, raw: parse(readFileSync(new URL(file, scenariosDir), 'utf8')) as Record<string, unknown> }))
  .filter(({ raw }) => raw.kind === 'economy');

/** Upper bounds on the fields that set a run's size (the schema allows 1,000,000 persons). */
const SIZE_CAPS: Readonly<Record<string, number>> = {
  'persons.count': 150,
  'communes.initialCount': 8, 'communes.foundersEach': 30, 'communes.initialAssetsEach': 6,
  'communes.foundingRatePerYear': 20, 'communes.foundersPerNewCommune': 30,
  'firms.initialCount': 8, 'firms.foundingRatePerYear': 20,
  'cooperatives.initialCount': 8, 'cooperatives.foundersEach': 30,
  'cooperatives.foundingRatePerYear': 20, 'cooperatives.foundersPerNew': 30,
  'bonds.biddersPerAuction': 1000,
};

/** Fields drawn apart: the run's length and seed, and what only names or documents the run. */
const NOT_DRAWN = new Set(['kind', 'name', 'description', 'seed', 'years', 'assets', 'uncertainty', 'housing']);

const economyJson = jsonSchemaOf(schemaOfKind('economy') as never) as Json;

/** A value of a number field: a bound, inside the range, or near its default by up to 100x. */
function numberValue(path: string, s: Json): fc.Arbitrary<number> {
  const integer = s.type === 'integer';
  // An exclusive bound is approached, not reached: the smallest step a user would type.
  const low = s.minimum ?? (s.exclusiveMinimum !== undefined ? s.exclusiveMinimum + (integer ? 1 : 1e-9) : 0);
  const high = Math.min(s.maximum ?? 1e12, SIZE_CAPS[path] ?? Infinity);
  const fit = (x: number) => Math.min(high, Math.max(low, integer ? Math.round(x) : x));
  const choices: fc.Arbitrary<number>[] = [
    fc.constantFrom(low, high),
    fc.double({ min: low, max: high, noNaN: true, noDefaultInfinity: true }).map(fit),
  ];
  if (typeof s.default === 'number' && s.default !== 0) {
    const d = s.default;
    choices.push(fc.double({ min: -2, max: 2, noNaN: true }).map((e) => fit(d * 10 ** e)));
  }
  return fc.oneof(...choices);
}

function leafValue(path: string, s: Json): fc.Arbitrary<unknown> | undefined {
  if (s.enum) return fc.constantFrom(...s.enum);
  if (s.type === 'boolean') return fc.boolean();
  if (s.type === 'number' || s.type === 'integer') return numberValue(path, s);
  return undefined;
}

/** Every drawable leaf field of the economy schema: [dotted path, its value arbitrary]. */
const LEAVES: ReadonlyArray<readonly [string, fc.Arbitrary<unknown>]> = Object.entries(economyJson.properties ?? {})
  .filter(([key]) => !NOT_DRAWN.has(key))
  .flatMap(([key, s]) => {
    if (s.type === 'object' && s.properties) {
      return Object.entries(s.properties).flatMap(([field, f]) => {
        const arb = leafValue(`${key}.${field}`, f);
        return arb ? [[`${key}.${field}`, arb] as const] : [];
      });
    }
    const arb = leafValue(key, s);
    return arb ? [[key, arb] as const] : [];
  });

const assetItem = economyJson.properties!.assets!.items!.properties!;
const assetClass = fc.record({
  name: fc.constantFrom('workshop', 'tool', 'home', 'room', 'plant'),
  price: numberValue('assets.price', assetItem.price!),
  outputPerMonth: numberValue('assets.outputPerMonth', assetItem.outputPerMonth!),
  // At least a month (the schema's refinement; JSON Schema cannot say it).
  lifespanYears: numberValue('assets.lifespanYears', assetItem.lifespanYears!).map((y) => Math.max(y, 1 / 12)),
  productive: fc.boolean(),
});

function setPath(raw: Record<string, unknown>, path: string, value: unknown): void {
  const [head, field] = path.split('.') as [string, string | undefined];
  if (field === undefined) {
    raw[head] = value;
    return;
  }
  const section = (raw[head] ?? {}) as Record<string, unknown>;
  raw[head] = { ...section, [field]: value };
}

function numberAt(raw: Record<string, unknown>, path: string, fallback: number): number {
  const [head, field] = path.split('.') as [string, string];
  const value = (raw[head] as Record<string, unknown> | undefined)?.[field];
  return typeof value === 'number' ? value : fallback;
}

/** The cross-field rules the JSON Schema cannot state, repaired so that a case is a valid scenario. */
function repairCrossFieldRules(raw: Record<string, unknown>): void {
  const baseYield = numberAt(raw, 'bonds.baseYield', 0.05);
  if (numberAt(raw, 'bonds.maxYield', 0.15) < baseYield) setPath(raw, 'bonds.maxYield', baseYield);
  const floor = ((1 - numberAt(raw, 'persons.mpcIncome', 0.8)) * baseYield) / 12;
  if (numberAt(raw, 'persons.mpcWealth', 0.002) <= floor) setPath(raw, 'persons.mpcWealth', Math.min(1, floor * 1.5 + 1e-6));
  const assets = raw.assets as Array<{ productive?: boolean }> | undefined;
  if (assets && !assets.some((a) => a.productive !== false)) assets[0] = { ...assets[0], productive: true };
}

export interface EngineCase {
  readonly preset: string;
  readonly raw: Record<string, unknown>;
}

/**
 * A random economy scenario: a preset, a few simulated months to years, a small population,
 * and either a few fields redrawn (a user's edit) or many (a hostile corner of the space).
 */
export const engineCase: fc.Arbitrary<EngineCase> = fc.record({
  preset: fc.constantFrom(...ECONOMY_PRESETS),
  seed: fc.oneof(fc.integer({ min: 0, max: Number.MAX_SAFE_INTEGER }), fc.string({ minLength: 1, maxLength: 12 })),
  months: fc.integer({ min: 1, max: 48 }),
  count: fc.integer({ min: 2, max: SIZE_CAPS['persons.count']! }),
  fields: fc.oneof(
    fc.subarray(LEAVES as Array<readonly [string, fc.Arbitrary<unknown>]>, { minLength: 1, maxLength: 4 }),
    fc.subarray(LEAVES as Array<readonly [string, fc.Arbitrary<unknown>]>),
  ).chain((chosen) => fc.tuple(...chosen.map(([path, arb]) => arb.map((value) => [path, value] as const)))),
  assets: fc.option(fc.array(assetClass, { minLength: 1, maxLength: 5 }), { freq: 4 }),
  owners: fc.option(fc.subarray([...HOME_OWNER_KINDS]), { freq: 4 }),
}).map(({ preset, seed, months, count, fields, assets, owners }) => {
  const raw: Record<string, unknown> = structuredClone(preset.raw);
  raw.seed = seed;
  raw.years = months / 12;
  // The presets' own sizes are for 10,000 persons: scaled to the case's population first.
  setPath(raw, 'persons.count', count);
  for (const [path, cap] of Object.entries(SIZE_CAPS)) {
    const [head, field] = path.split('.') as [string, string];
    const value = (raw[head] as Record<string, unknown> | undefined)?.[field];
    if (typeof value === 'number' && value > cap) setPath(raw, path, cap);
  }
  for (const [path, value] of fields) setPath(raw, path, value);
  if (assets !== null) raw.assets = assets;
  if (owners !== null) raw.housing = { owners };
  repairCrossFieldRules(raw);
  return { preset: preset.file, raw };
});
