// How many cases a fuzz test draws: one setting for every fuzz (the engine's and the input's).
// Unset: the everyday size of `npm test`; FUZZ=full (`npm run test:fuzz`): 10,000; FUZZ=<n>: n.
// FUZZ_SEED replays another draw.

export const FULL_CASES = 10_000;

export function fuzzCases(quick: number, setting = process.env.FUZZ): number {
  if (setting === undefined || setting === '') return quick;
  if (setting === 'full') return FULL_CASES;
  if (/^[1-9][0-9]*$/.test(setting)) return Number(setting);
  throw new Error(`FUZZ=${setting}: use 'full' (${FULL_CASES} cases) or a whole number of cases`);
}

export function fuzzSeed(fixed: number, setting = process.env.FUZZ_SEED): number {
  if (setting === undefined || setting === '') return fixed;
  if (!/^-?[0-9]+$/.test(setting)) throw new Error(`FUZZ_SEED=${setting}: use a whole number`);
  return Number(setting);
}
