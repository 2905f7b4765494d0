// The command line of `npm run claims`: flags -> a plain options record. Every problem is a
// UsageError (exit code 2) raised before anything runs.
import { commonOptionsOf, type CommonOptions, formatOf, parseCommand, replicatesOf, UsageError } from './arguments.ts';

export interface ClaimsOptions extends CommonOptions {
  readonly replicates: number;
  /** Claim ids to judge; all eight when the flag is absent. */
  readonly only: readonly number[] | undefined;
  /** Robustness draws (MODEL.md 7 (v3)): 0 when the flag is absent. */
  readonly robustness: number;
  readonly format: 'csv' | 'parquet';
}

export const MAX_ROBUSTNESS_DRAWS = 1000;

function drawsOf(text: string | undefined): number {
  if (text === undefined) return 0;
  const value = Number(text);
  if (!/^\s*\d+\s*$/.test(text) || !Number.isSafeInteger(value) || value < 2 || value > MAX_ROBUSTNESS_DRAWS) {
    throw new UsageError(`--robustness: got "${text}"; allowed: a whole number of parameter draws from 2 to ${MAX_ROBUSTNESS_DRAWS}`);
  }
  return value;
}

/** MODEL.md 7: 30 seeds by default. */
export const DEFAULT_CLAIM_REPLICATES = 30;
/** Fewest replicates a verdict's bootstrap interval can come from. */
export const MIN_CLAIM_REPLICATES = 2;

function claimIds(text: string, known: readonly number[]): number[] {
  const ids = text.split(',').map((part) => part.trim());
  const parsed = ids.map((id) => (/^\d+$/.test(id) ? Number(id) : Number.NaN));
  if (ids.length === 0 || parsed.some((id) => !known.includes(id))) {
    throw new UsageError(`--only: got "${text}"; allowed: claim numbers from ${known.join(', ')}, separated by commas (e.g. --only 1,3)`);
  }
  return [...new Set(parsed)].sort((a, b) => a - b);
}

export function parseClaimsCommandLine(argv: readonly string[], knownClaims: readonly number[]): ClaimsOptions {
  const parsed = parseCommand(argv, { only: { type: 'string' }, robustness: { type: 'string' }, format: { type: 'string' } });
  const { values } = parsed;
  return {
    ...commonOptionsOf(parsed),
    replicates: replicatesOf(values.replicates, MIN_CLAIM_REPLICATES, DEFAULT_CLAIM_REPLICATES),
    only: values.only === undefined ? undefined : claimIds(values.only, knownClaims),
    robustness: drawsOf(values.robustness),
    format: formatOf(values.format, ['csv', 'parquet']),
  };
}
