// The command line of `npm run claims`: flags -> a plain options record. Every problem is a
// UsageError (exit code 2) raised before anything runs.
import { MAX_REPLICATES, outOf, overridesOf, parseCommand, scenarioFileOf, UsageError, wholeNumber, workersOf } from './arguments.ts';

export interface ClaimsOptions {
  readonly help: boolean;
  readonly file: string;
  readonly overrides: Readonly<Record<string, unknown>>;
  readonly overrideFlags: Readonly<Record<string, string>>;
  readonly replicates: number;
  readonly workers: number | undefined;
  readonly out: string | undefined;
  /** Claim ids to judge; all eight when the flag is absent. */
  readonly only: readonly number[] | undefined;
  readonly quiet: boolean;
}

/** MODEL.md 7: 30 seeds by default. */
export const DEFAULT_CLAIM_REPLICATES = 30;

function claimIds(text: string, known: readonly number[]): number[] {
  const ids = text.split(',').map((part) => part.trim());
  const parsed = ids.map((id) => (/^\d+$/.test(id) ? Number(id) : Number.NaN));
  if (ids.length === 0 || parsed.some((id) => !known.includes(id))) {
    throw new UsageError(`--only: got "${text}"; allowed: claim numbers from ${known.join(', ')}, separated by commas (e.g. --only 1,3)`);
  }
  return [...new Set(parsed)].sort((a, b) => a - b);
}

export function parseClaimsCommandLine(argv: readonly string[], knownClaims: readonly number[]): ClaimsOptions {
  const parsed = parseCommand(argv, { only: { type: 'string' } });
  const { values, positionals } = parsed;
  const help = values.help === true;
  const file = scenarioFileOf(positionals, help);
  const { overrides, overrideFlags } = overridesOf(values.set, values.seed, values.years);
  const out = outOf(values.out);
  return {
    help,
    file,
    overrides,
    overrideFlags,
    replicates: values.replicates === undefined ? DEFAULT_CLAIM_REPLICATES : wholeNumber('--replicates', values.replicates, 2, MAX_REPLICATES),
    workers: workersOf(values.workers),
    out,
    only: values.only === undefined ? undefined : claimIds(values.only, knownClaims),
    quiet: values.quiet === true,
  };
}
