// One schema for every scenario kind. Every scenario file, share link and override passes
// through `scenarioSchema` before the engine sees it.
import { z } from 'zod';
import { ticksOfYears } from '../model/engine.ts';
import {
  mesaBoltzmannSchema, randomExchangeSchema, savingPropensitySchema, yardSaleSchema,
} from './kinetic-schema.ts';
import { economySchema } from './economy-schema.ts';

export const scenarioSchema = z.discriminatedUnion('kind', [
  randomExchangeSchema,
  savingPropensitySchema,
  yardSaleSchema,
  mesaBoltzmannSchema,
  economySchema,
]);

export type Scenario = z.output<typeof scenarioSchema>;
export type ScenarioInput = z.input<typeof scenarioSchema>;
export type ScenarioKind = Scenario['kind'];

export const SCENARIO_KINDS = scenarioSchema.options.map((o) => o.shape.kind.value);

/** The schema of one kind, for editors and generated controls. */
export function schemaOfKind(kind: ScenarioKind) {
  const option = scenarioSchema.options.find((o) => o.shape.kind.value === kind);
  if (option === undefined) throw new Error(`no scenario kind ${kind}`);
  return option;
}

export function scenarioJsonSchema(): Record<string, unknown> {
  return z.toJSONSchema(scenarioSchema, { io: 'input', unrepresentable: 'any' }) as Record<string, unknown>;
}

/** Total ticks (months) of a scenario. */
export function totalTicksOf(scenario: Pick<Scenario, 'years'>): number {
  return Math.max(1, ticksOfYears(scenario.years));
}
