// How the commands (sim, claims, sweep) end: a usage error exits 2 with a pointer to --help, a
// run whose money passed 2^53 cents exits 2 with what to lower, an error nobody caught is an
// internal error (exit 1, with its stack), else the command's own code.
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { UsageError } from './arguments.ts';
import { EXIT_BAD_INPUT, EXIT_INTERNAL } from './exit-codes.ts';
import { InputError } from './scenario-input.ts';
import { SweepSpecError } from '../scenarios/sweep.ts';
import { MoneyRangeError } from '../model/ledger.ts';

/** Reports a UsageError for `command` and returns the bad-input exit code; rethrows anything else. */
export function usageFailure(command: string, error: unknown): number {
  if (!(error instanceof UsageError)) throw error;
  process.stderr.write(`${command}: ${error.message}\nRun with --help for the options.\n`);
  return EXIT_BAD_INPUT;
}

/**
 * Reports bad input found before anything runs (a scenario that does not load, an output
 * directory that cannot be one, a malformed sweep) and returns the bad-input exit code;
 * rethrows anything else.
 */
export function inputFailure(error: unknown): number {
  if (!(error instanceof InputError) && !(error instanceof SweepSpecError)) throw error;
  process.stderr.write(`${error.message}\n`);
  return EXIT_BAD_INPUT;
}

/** Runs `main` on the process's arguments and sets the exit code from its outcome. */
export function runCommand(command: string, main: (argv: readonly string[]) => Promise<number>): void {
  main(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      // A run whose money passed 2^53 cents: the scenario asked for more than cents can count.
      // Bad input, said with the fields to lower (money-range-advice.ts), without a stack.
      if (error instanceof MoneyRangeError) {
        process.stderr.write(`${command}: ${error.message}\n`);
        process.exitCode = EXIT_BAD_INPUT;
        return;
      }
      process.stderr.write(`${command}: internal error\n${error instanceof Error ? error.stack ?? error.message : String(error)}\n`);
      process.exitCode = EXIT_INTERNAL;
    },
  );
}

/** Whether the module at `moduleUrl` is the one node was started on (not imported by another command, as merge imports them). */
export function isEntryModule(moduleUrl: string): boolean {
  const entry = process.argv[1];
  return entry !== undefined && resolve(entry) === fileURLToPath(moduleUrl);
}
