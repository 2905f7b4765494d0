// Parameter sweeps (Mesa's batch_run, NetLogo's BehaviorSpace): every combination of the
// listed values, each run as overrides on one scenario, in a stable order.
import { overridePathProblem } from './overrides.ts';
import { parseScalarText } from './yaml-text.ts';
import { readSeedText, type Seed } from './seed-text.ts';

export interface SweepAxis {
  /** Dotted path of the scenario field (`lambda`, `bonds.maxYield`). */
  readonly path: string;
  readonly values: readonly unknown[];
}

export class SweepSpecError extends Error {
  override name = 'SweepSpecError';
}

const MAX_POINTS = 10_000;

/**
 * Reads `path=v1,v2,v3` (values as YAML scalars) or `path=start:stop:step` (an inclusive
 * arithmetic range) into one axis.
 */
export function parseSweepAxis(spec: string): SweepAxis {
  const equals = spec.indexOf('=');
  if (equals <= 0 || equals === spec.length - 1) {
    throw new SweepSpecError(`sweep "${spec}": write path=v1,v2,... or path=start:stop:step`);
  }
  const path = spec.slice(0, equals).trim();
  const body = spec.slice(equals + 1).trim();
  const problem = overridePathProblem(path);
  if (problem !== undefined) throw new SweepSpecError(`sweep "${spec}": ${problem}`);
  const range = /^(-?[\d.eE+-]+):(-?[\d.eE+-]+):([\d.eE+-]+)$/.exec(body);
  if (range) {
    const [start, stop, step] = [Number(range[1]), Number(range[2]), Number(range[3])];
    if (![start, stop, step].every(Number.isFinite) || !(step > 0) || stop < start) {
      throw new SweepSpecError(`sweep "${spec}": a range needs start <= stop and a positive step`);
    }
    const count = Math.floor((stop - start) / step + 1e-9) + 1;
    if (count > MAX_POINTS) throw new SweepSpecError(`sweep "${spec}": ${count} values; at most ${MAX_POINTS}`);
    // Rounded to 12 significant digits so 0.1 steps print as 0.3, not 0.30000000000000004.
    return { path, values: Array.from({ length: count }, (_, i) => Number((start + i * step).toPrecision(12))) };
  }
  const texts = body.split(',').map((text) => text.trim());
  if (texts.length > MAX_POINTS) throw new SweepSpecError(`sweep "${spec}": ${texts.length} values; at most ${MAX_POINTS}`);
  // Values as in --set: YAML scalars, numbers only in decimal notation; seeds as --seed reads them.
  const values = texts.map((text) => (path === 'seed' ? seedOf(text, spec) : parseScalarText(text)));
  if (values.some((v) => v === null || v === undefined || v === '')) {
    throw new SweepSpecError(`sweep "${spec}": an empty value in the list`);
  }
  const huge = texts.find((text, i) => typeof values[i] === 'number' && !Number.isFinite(values[i]));
  if (huge !== undefined) throw new SweepSpecError(`sweep "${spec}": "${huge}" is a number beyond what a double holds`);
  return { path, values };
}

/** A seed in the list, read as --seed reads it (seed-text.ts); a refusal names the spec and the field. */
function seedOf(text: string, spec: string): Seed {
  const reading = readSeedText(text);
  if (!reading.ok) throw new SweepSpecError(`sweep "${spec}": ${reading.message}`);
  return reading.seed;
}

/** Every combination of the axes' values as override sets; the last axis varies fastest. */
export function expandSweep(axes: readonly SweepAxis[]): Record<string, unknown>[] {
  const total = axes.reduce((n, axis) => n * axis.values.length, 1);
  if (total > MAX_POINTS) throw new SweepSpecError(`the sweep has ${total} points; at most ${MAX_POINTS}`);
  const paths = new Set<string>();
  for (const axis of axes) {
    if (paths.has(axis.path)) throw new SweepSpecError(`the sweep names ${axis.path} twice`);
    paths.add(axis.path);
  }
  let points: Record<string, unknown>[] = [{}];
  for (const axis of axes) {
    points = points.flatMap((point) => axis.values.map((value) => ({ ...point, [axis.path]: value })));
  }
  return points;
}
