// Fields every scenario kind has: its name, seed, length and how often metrics are sampled.
import { z } from 'zod';
import { MAX_NUMBER_SEED, MAX_TEXT_SEED_CHARS } from './seed-text.ts';

// Seeds as written are read by seed-text.ts; this checks the data a seed arrives as.
export const seedSchema = z.union([z.number().int().min(0).max(MAX_NUMBER_SEED), z.string().min(1).max(MAX_TEXT_SEED_CHARS)]).meta({
  description: 'Seed of every random stream of the run: a whole number or a string. Same seed, same result.',
});

/** A run lasts whole months: `years: 0.0001` would otherwise round to a month nobody asked for. */
function wholeMonths(years: number): boolean {
  const months = years * 12;
  // 0.0833 (a month, as typed) is within a hundredth of a month of 1; 0.3 years (3.6 months) is not.
  return months >= 0.99 && Math.abs(months - Math.round(months)) < 0.01;
}

export function runFields(defaultYears: number) {
  return {
    name: z.string().min(1).max(200).default('Untitled scenario').meta({ description: 'Short name shown in the UI and in outputs.' }),
    description: z.string().max(20_000).default('').meta({ description: 'What the scenario shows.' }),
    seed: seedSchema.default(1),
    years: z.number().gt(0).max(1000).refine(wholeMonths, {
      message: 'years must be a whole number of months (a multiple of 1/12: 0.25, 0.5, 2.5), at least one month',
    }).default(defaultYears).meta({
      unit: 'years', description: 'Length of the run; one tick is one month, so a whole number of months (0.25, 2.5).',
    }),
    recordEveryMonths: z.number().int().min(1).max(1200).default(12).meta({
      unit: 'months', description: 'Sample every metric every this many months (and at the start and end).',
    }),
  };
}
