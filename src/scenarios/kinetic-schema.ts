// Scenario kinds of the reference models (MODEL.md section 8): kinetic wealth exchange.
import { z } from 'zod';
import { runFields } from './common-schema.ts';

const agents = z.number().int().min(2).max(1_000_000).default(1000).meta({
  unit: 'agents', description: 'Number of agents. A few hundred can each be drawn in the browser.',
});
const initialWealth = z.number().min(0).max(1e9).default(100).meta({
  unit: 'money units', description: 'Money each agent starts with (every agent starts equal).',
});

const kineticFields = { ...runFields(100), agents, initialWealth };

export const randomExchangeSchema = z.strictObject({
  kind: z.literal('random-exchange').meta({
    description: 'Random exchange (Dragulescu & Yakovenko 2000): pairs meet, one pays the other.',
  }),
  ...kineticFields,
  rule: z.enum(['fixed-amount', 'random-split']).default('fixed-amount').meta({
    description: 'fixed-amount: the loser pays `amount` if it can; random-split: the pair pools its money and splits it at a uniform random share.',
  }),
  amount: z.number().positive().max(1e6).default(1).meta({
    unit: 'money units', description: 'What changes hands in one fixed-amount exchange.',
  }),
});

export const savingPropensitySchema = z.strictObject({
  kind: z.literal('saving-propensity').meta({
    description: 'Saving propensity (Chakraborti & Chakrabarti 2000): each keeps a share lambda, the pair splits the rest at random.',
  }),
  ...kineticFields,
  lambda: z.number().min(0).max(0.99).default(0.5).meta({
    unit: 'share 0-1', description: 'Share of its money each agent keeps out of an exchange.',
  }),
});

export const yardSaleSchema = z.strictObject({
  kind: z.literal('yard-sale').meta({
    description: 'Yard-sale (Chakraborti 2002; Boghosian 2014): the pair stakes a share of the poorer one\'s wealth on a fair coin.',
  }),
  ...kineticFields,
  stakeFraction: z.number().gt(0).max(1).default(0.1).meta({
    unit: 'share 0-1', description: 'Share of the poorer agent\'s wealth at stake in each exchange.',
  }),
  tax: z.number().min(0).max(1).default(0).meta({
    unit: 'share 0-1 per month', description: 'Redistribution: each month every agent pays this share of its wealth into a pool divided equally among all.',
  }),
});

export const mesaBoltzmannSchema = z.strictObject({
  kind: z.literal('mesa-boltzmann').meta({
    description: 'Mesa\'s tutorial rule: every agent with money gives one unit to a random agent each step.',
  }),
  ...runFields(100),
  agents,
  initialWealth: z.number().min(0).max(1e9).default(1).meta({
    unit: 'money units', description: 'Money each agent starts with (Mesa\'s tutorial uses 1).',
  }),
});

export type RandomExchangeScenario = z.output<typeof randomExchangeSchema>;
export type SavingPropensityScenario = z.output<typeof savingPropensitySchema>;
export type YardSaleScenario = z.output<typeof yardSaleSchema>;
export type MesaBoltzmannScenario = z.output<typeof mesaBoltzmannSchema>;
export type KineticScenario =
  | RandomExchangeScenario | SavingPropensityScenario | YardSaleScenario | MesaBoltzmannScenario;
