// The seed as written, read one way wherever it is given: a scenario file (YAML or JSON, and so a
// share link's scenario), --seed, --set seed=, --vary seed= and the page's seed field. Each hands
// over what the user wrote; one function decides, so all accept and refuse the same seeds, and a
// refusal shows the seed as written, never the double a parser rounded it to.
import { isScalar, parseDocument } from 'yaml';
import { SCENARIO_YAML } from './yaml-text.ts';

export type Seed = number | string;

/** The largest number seed: every whole number up to it is exact in a double. */
export const MAX_NUMBER_SEED = Number.MAX_SAFE_INTEGER;
export const MAX_TEXT_SEED_CHARS = 200;
export const ALLOWED_SEEDS = `a whole number from 0 to ${MAX_NUMBER_SEED} or text of 1 to ${MAX_TEXT_SEED_CHARS} characters`;

export type SeedReading =
  | { readonly ok: true; readonly seed: Seed }
  /** `message` is `seed: <problem>`: the field, the seed as written and what is allowed. */
  | { readonly ok: false; readonly problem: string; readonly message: string };

/** A numeral in decimal notation, as YAML's core schema writes numbers: sign, digits, fraction, exponent. */
const DECIMAL = /^([-+]?)(\d*)(?:\.(\d*))?(?:[eE]([-+]?\d+))?$/;

/**
 * The whole number a decimal numeral denotes, computed on its digits (a double would round
 * 4503599627370496.5 to a whole number and 1e-400 to 0): undefined when the numeral has a
 * fraction, is negative or is past MAX_NUMBER_SEED; null when it is not a decimal numeral.
 */
function wholeNumberWritten(written: string): number | undefined | null {
  const match = DECIMAL.exec(written);
  if (match === null || (match[2] === '' && (match[3] ?? '') === '')) return null;
  const [, sign, whole = '', fraction = '', exponent = '0'] = match;
  let digits = (whole + fraction).replace(/^0+/, '');
  // Zero is zero whatever its sign or exponent (`-0`, `0.0e5`).
  if (digits === '') return 0;
  if (sign === '-') return undefined;
  // The value is digits x 10^shift.
  const trailingZeros = digits.length - digits.replace(/0+$/, '').length;
  digits = digits.slice(0, digits.length - trailingZeros);
  const shift = Number(exponent) - fraction.length + trailingZeros;
  if (shift < 0) return undefined;
  // MAX_NUMBER_SEED has 16 digits; up to 16 digits, Number() reads an integer exactly or past it.
  if (digits.length + shift > 16) return undefined;
  const value = Number(digits + '0'.repeat(shift));
  return value <= MAX_NUMBER_SEED ? value : undefined;
}

/** At most this much of a refused seed is shown. */
const SHOWN_CHARS = 80;

function shortened(text: string): string {
  return text.length > SHOWN_CHARS ? `${text.slice(0, SHOWN_CHARS - 3)}...` : text;
}

/**
 * A refusal: the field, the seed as written (`shown`, shortened) and what is allowed;
 * `quotable` when the seed would be text in quotes (it reads as a number, true, false or null).
 */
function refused(shown: string, quotable?: string): SeedReading {
  const hint = quotable !== undefined && quotable.length <= SHOWN_CHARS ? ` (as text, in quotes: ${JSON.stringify(quotable)})` : '';
  const problem = `got ${shown}; allowed: ${ALLOWED_SEEDS}${hint}`;
  return { ok: false, problem, message: `seed: ${problem}` };
}

function textSeed(text: string): SeedReading {
  if (text.length >= 1 && text.length <= MAX_TEXT_SEED_CHARS) return { ok: true, seed: text };
  return refused(text.length === 0 ? '""' : `${shortened(JSON.stringify(text))} (${text.length} characters)`);
}

/**
 * The seed of one YAML scalar: `value` as the scenario reader read it (a number, text, true,
 * false or null), `written` its text in the source. Text is a text seed. A number is judged by
 * its digits as written: a whole number from 0 to 2^53 - 1 is that number; plain digits past it
 * are kept as written, a text seed (so 12345678901234567890 is not rounded to a neighbour, and
 * the streams of `seed:<digits>` are the run those digits name); anything else is refused.
 */
export function seedOfScalar(value: unknown, written: string | undefined): SeedReading {
  if (typeof value === 'string') return textSeed(value);
  const asWritten = (written ?? String(value)).trim();
  if (typeof value === 'number') {
    if (/^\d+$/.test(asWritten) && !Number.isSafeInteger(value)) {
      return asWritten.length <= MAX_TEXT_SEED_CHARS ? textSeed(asWritten) : refused(`${shortened(asWritten)} (${asWritten.length} digits)`);
    }
    // Every other notation (0x10, and 0b101 or 1:30 in a YAML 1.1 file) is read as text (yaml-text.ts).
    const whole = wholeNumberWritten(asWritten);
    return whole === undefined || whole === null ? refused(shortened(asWritten), asWritten) : { ok: true, seed: whole };
  }
  return asWritten === '' ? refused('nothing') : refused(shortened(asWritten), asWritten);
}

/**
 * A seed typed as text (a flag's value, the page's field), read as one YAML scalar as a file's
 * `seed:` is: `42` is a number, `"42"` and `spring` are text, `-1` and `1.5` are refused. Text
 * that is not one scalar (`a: b`, `[1]`) is meant as the literal text.
 */
export function readSeedText(text: string): SeedReading {
  if (text.trim() === '') return refused('nothing');
  try {
    const doc = parseDocument(text, SCENARIO_YAML);
    if (doc.errors.length === 0 && isScalar(doc.contents)) return seedOfScalar(doc.contents.value, doc.contents.source);
  } catch {
    // Not one scalar: the literal text below.
  }
  return textSeed(text);
}

/** The seed as it is typed so that readSeedText reads it back: text that reads as anything else goes in quotes. */
export function seedText(seed: Seed): string {
  if (typeof seed === 'number') return String(seed);
  const reading = readSeedText(seed);
  return reading.ok && reading.seed === seed ? seed : JSON.stringify(seed);
}
