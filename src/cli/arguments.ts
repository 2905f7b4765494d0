// The command line of `npm run sim`: flags -> a plain options record. Every problem is a
// UsageError (exit code 2) raised before anything runs or any file is written.
import { parseArgs, type ParseArgsConfig } from 'node:util';

type ParseArgsOptionsConfig = NonNullable<ParseArgsConfig['options']>;
import { parseScalarText } from '../scenarios/yaml-text.ts';
import { overridePathProblem } from '../scenarios/overrides.ts';
import { readSeedText, type Seed } from '../scenarios/seed-text.ts';
import { parseShard, type Shard } from './shards.ts';

export class UsageError extends Error {
  override name = 'UsageError';
}

/** How a command writes its tables: CSV (default), JSON records (sim only) or Apache Parquet. */
export type TableFormat = 'csv' | 'json' | 'parquet';
export type OutputFormat = TableFormat;

/** `--format` as given, one of `allowed`, else 'csv'. */
export function formatOf<T extends TableFormat>(text: string | undefined, allowed: readonly T[]): T {
  const format = (text ?? 'csv') as T;
  if (!allowed.includes(format)) throw new UsageError(`--format: got "${text}"; allowed: ${allowed.join(', ')}`);
  return format;
}

export interface CliOptions extends CommonOptions {
  /** Undefined: one plain run with no replicate key (the same run the browser makes). */
  readonly replicates: number | undefined;
  readonly format: OutputFormat;
  readonly check: boolean;
  /** `--events`: also write the event ledger (events.csv). */
  readonly events: boolean;
  /** `--snapshot-at`: the month at which to write a snapshot of the run, and where. */
  readonly snapshotAt: number | undefined;
  readonly snapshotOut: string | undefined;
  /** `--resume FILE`: continue the run a snapshot file holds (its scenario comes with it). */
  readonly resume: string | undefined;
}

export const MAX_REPLICATES = 10_000;
/** The most worker threads a command starts. */
export const MAX_WORKERS = 256;

/**
 * A flag value read as a YAML scalar: `3` is a number, `true` a boolean, `abc` a string; numbers
 * only in decimal notation (`0x10` stays text). A number too large for a double is refused here,
 * by its flag, since validation could only show it as Infinity.
 */
export function parseScalar(text: string, flag = 'value'): unknown {
  const value = parseScalarText(text);
  if (typeof value === 'number' && !Number.isFinite(value)) {
    throw new UsageError(`${flag}: got "${text}", a number beyond what a double holds (about 1.8e308)`);
  }
  return value;
}

/** A seed flag's value read as written (seed-text.ts, as a file's seed is); a refusal names the flag and the field. */
function seedOf(text: string, flag: string): Seed {
  const reading = readSeedText(text);
  if (!reading.ok) throw new UsageError(`${flag}: ${reading.message}`);
  return reading.seed;
}

function wholeNumber(flag: string, text: string, min: number, max: number): number {
  const value = Number(text);
  if (!/^\s*-?\d+\s*$/.test(text) || !Number.isSafeInteger(value) || value < min || value > max) {
    throw new UsageError(`${flag}: got "${text}"; allowed: a whole number from ${min} to ${max}`);
  }
  return value;
}

/** `--set path=value` (repeatable), `--seed` and `--years` as dotted-path overrides, each named by its flag. */
export function overridesOf(
  set: readonly string[] | undefined, seed: string | undefined, years: string | undefined,
): { overrides: Record<string, unknown>; overrideFlags: Record<string, string> } {
  const overrides: Record<string, unknown> = {};
  const overrideFlags: Record<string, string> = {};
  for (const assignment of set ?? []) {
    const equals = assignment.indexOf('=');
    const path = equals < 0 ? '' : assignment.slice(0, equals).trim();
    if (equals < 0 || path === '' || path.split('.').some((key) => key === '')) {
      throw new UsageError(`--set: got "${assignment}"; allowed: path=value, e.g. --set agents=500 or --set rule=random-split`);
    }
    const problem = overridePathProblem(path);
    if (problem !== undefined) throw new UsageError(`--set ${path}: ${problem}`);
    const text = assignment.slice(equals + 1);
    overrides[path] = path === 'seed' ? seedOf(text, `--set ${path}`) : parseScalar(text, `--set ${path}`);
    overrideFlags[path] = `--set ${path}`;
  }
  // The dedicated flags win over --set of the same field.
  if (seed !== undefined) {
    overrides.seed = seedOf(seed, '--seed');
    overrideFlags.seed = '--seed';
  }
  if (years !== undefined) {
    overrides.years = parseScalar(years, '--years');
    overrideFlags.years = '--years';
  }
  return { overrides, overrideFlags };
}

/** The one scenario file every command takes (none needed with --help). */
function scenarioFileOf(positionals: readonly string[], help: boolean): string {
  if (!help && positionals.length !== 1) {
    throw new UsageError(positionals.length === 0
      ? 'no scenario file given'
      : `one scenario file at a time; got ${positionals.length}: ${positionals.join(' ')}`);
  }
  return positionals[0] ?? '';
}

/** `--out` as given, refused when empty. */
function outOf(out: string | undefined): string | undefined {
  if (out !== undefined && out.trim() === '') throw new UsageError('--out: got an empty path; allowed: a directory path');
  return out;
}

/** The flags every command takes: the run's size and seed, overrides, workers, output. */
const COMMON_OPTIONS = {
  help: { type: 'boolean', short: 'h' },
  seed: { type: 'string' },
  years: { type: 'string' },
  replicates: { type: 'string' },
  workers: { type: 'string' },
  out: { type: 'string' },
  set: { type: 'string', multiple: true },
  quiet: { type: 'boolean', short: 'q' },
  shard: { type: 'string' },
} as const satisfies ParseArgsOptionsConfig;

/**
 * `--years -3` as `--years=-3`: node's parseArgs takes a value that starts with a dash for a
 * flag, so a negative number would be refused as "ambiguous" instead of range-checked.
 */
function joinNegativeValues(argv: readonly string[], options: ParseArgsOptionsConfig): string[] {
  const args: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    const next = argv[i + 1];
    const name = arg.startsWith('--') && !arg.includes('=') ? arg.slice(2) : undefined;
    if (name !== undefined && options[name]?.type === 'string' && next !== undefined && /^-(\d|\.\d|inf|\.inf)/i.test(next)) {
      args.push(`${arg}=${next}`);
      i++;
    } else {
      args.push(arg);
    }
  }
  return args;
}

/** Parses the common flags plus a command's own; an unknown or malformed flag is a UsageError. */
export function parseCommand<T extends ParseArgsOptionsConfig>(argv: readonly string[], own: T) {
  const options = { ...COMMON_OPTIONS, ...own } as typeof COMMON_OPTIONS & T;
  const config = {
    args: joinNegativeValues(argv, options), allowPositionals: true as const, strict: true as const,
    options,
  };
  try {
    return parseArgs(config);
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
}

/** What every command reads from the common flags: its scenario file, overrides, workers, output. */
export interface CommonOptions {
  readonly help: boolean;
  readonly file: string;
  /** Dotted scenario paths -> values, applied before validation so errors name the field. */
  readonly overrides: Readonly<Record<string, unknown>>;
  /** How each override was given (`--seed`, `--set a.b=...`), to name it in errors. */
  readonly overrideFlags: Readonly<Record<string, string>>;
  /** Worker threads; undefined: min(replicates, cores); 0: every replicate on the main thread. */
  readonly workers: number | undefined;
  readonly out: string | undefined;
  readonly quiet: boolean;
  /** `--shard i/n`: run only shard i of the runs and write them for `npm run merge`. */
  readonly shard: Shard | undefined;
}

/** The common flags of a parsed command line, checked (`--replicates` is each command's own: defaults differ). */
export function commonOptionsOf(parsed: { values: ParsedCommon; positionals: string[] }): CommonOptions {
  const { values, positionals } = parsed;
  const help = values.help === true;
  const file = scenarioFileOf(positionals, help);
  const { overrides, overrideFlags } = overridesOf(values.set, values.seed, values.years);
  return {
    help, file, overrides, overrideFlags, workers: workersOf(values.workers), out: outOf(values.out), quiet: values.quiet === true,
    shard: shardOf(values.shard),
  };
}

function shardOf(text: string | undefined): Shard | undefined {
  if (text === undefined) return undefined;
  try {
    return parseShard(text);
  } catch (error) {
    throw new UsageError(`--shard: ${(error as Error).message}`);
  }
}

interface ParsedCommon {
  help?: boolean | undefined; seed?: string | undefined; years?: string | undefined; workers?: string | undefined;
  out?: string | undefined; set?: string[] | undefined; quiet?: boolean | undefined; shard?: string | undefined;
}

/** `--replicates` as given (at least `min`), else `fallback`. */
export function replicatesOf<T extends number | undefined>(text: string | undefined, min: number, fallback: T): number | T {
  return text === undefined ? fallback : wholeNumber('--replicates', text, min, MAX_REPLICATES);
}

/** `--workers` as given, or undefined. */
function workersOf(text: string | undefined): number | undefined {
  return text === undefined ? undefined : wholeNumber('--workers', text, 0, MAX_WORKERS);
}

/** `--snapshot-at 10` (after year 10) or `--snapshot-at 127m` (after month 127), as months. */
export function snapshotMonthOf(text: string): number {
  const match = /^\s*(\d+(?:\.\d+)?)\s*(m?)\s*$/.exec(text);
  const months = match === null ? Number.NaN : match[2] === 'm' ? Number(match[1]) : Number(match[1]) * 12;
  if (!Number.isSafeInteger(months)) {
    throw new UsageError(`--snapshot-at: got "${text}"; allowed: years (10, or 10.5 when it falls on a whole month) or months with m (127m)`);
  }
  return months;
}

export function parseCommandLine(argv: readonly string[]): CliOptions {
  const parsed = parseCommand(argv, {
    format: { type: 'string' }, check: { type: 'boolean' }, events: { type: 'boolean' },
    'snapshot-at': { type: 'string' }, 'snapshot-out': { type: 'string' }, resume: { type: 'string' },
  });
  const { values } = parsed;
  const resume = values.resume;
  if (resume !== undefined) {
    if (resume.trim() === '') throw new UsageError('--resume: got an empty path; allowed: a snapshot file');
    if (parsed.positionals.length > 0) {
      throw new UsageError(`--resume takes the scenario from the snapshot; got a scenario file too: ${parsed.positionals.join(' ')}`);
    }
    for (const flag of ['seed', 'years', 'replicates', 'shard', 'snapshot-at'] as const) {
      if (values[flag] !== undefined) throw new UsageError(`--resume continues one saved run as it was; --${flag} cannot change it (--set may change a policy parameter: a what-if branch)`);
    }
  }
  // With --resume the snapshot file stands where the scenario file would (outputs are named after it).
  const common = commonOptionsOf(resume === undefined ? parsed : { ...parsed, positionals: [resume] });
  const format = formatOf(values.format, ['csv', 'json', 'parquet']);
  const snapshotAt = values['snapshot-at'] === undefined ? undefined : snapshotMonthOf(values['snapshot-at']);
  const snapshotOut = values['snapshot-out'];
  if (snapshotOut !== undefined && snapshotAt === undefined) throw new UsageError('--snapshot-out names the file --snapshot-at writes; give --snapshot-at too');
  if (snapshotOut !== undefined && snapshotOut.trim() === '') throw new UsageError('--snapshot-out: got an empty path; allowed: a file path');
  if ((snapshotAt !== undefined || resume !== undefined) && values.events === true) {
    throw new UsageError('--events keeps a log from a run\'s first month, which a snapshot does not hold: run the whole scenario with --events instead');
  }
  if (snapshotAt !== undefined && (values.replicates !== undefined || values.shard !== undefined)) {
    throw new UsageError('--snapshot-at snapshots one run: drop --replicates and --shard');
  }
  return {
    ...common,
    replicates: replicatesOf(values.replicates, 1, undefined),
    format,
    check: values.check === true,
    events: values.events === true,
    snapshotAt, snapshotOut, resume,
  };
}
