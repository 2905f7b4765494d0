// The worker's run session without a worker: a fake clock and a task queue stand in for
// performance.now and setTimeout, so slicing, pausing and seeking are checked exactly.
import { describe, expect, it } from 'vitest';
import { RunSession } from '../../src/worker/run-session.ts';
import { loadScenario } from '../../src/scenarios/load.ts';
import { createSimulation } from '../../src/scenarios/create-simulation.ts';
import { fieldsFromJsonSchema, parameterFields } from '../../src/ui/parameter-fields.ts';
import { readFileSync } from 'node:fs';
import type { MetricFrame } from '../../src/worker/protocol.ts';

const SCENARIO = 'kind: random-exchange\nname: test\nseed: 11\nyears: 10\nagents: 300\nrecordEveryMonths: 1\n';

function harness() {
  const frames: MetricFrame[] = [];
  const failures: string[] = [];
  const queue: (() => void)[] = [];
  let now = 0;
  const session = new RunSession({
    frame: (f) => frames.push(f),
    failure: (m) => failures.push(m),
    // Each clock read advances 1 ms, so a slice holds a bounded number of ticks.
    now: () => now++,
    later: (task) => queue.push(task),
  });
  const drain = (limit = 10_000) => {
    let n = 0;
    while (queue.length > 0 && n++ < limit) queue.shift()!();
    return n;
  };
  return { session, frames, failures, queue, drain };
}

/** The series as the page would assemble it from frames. */
function assembled(frames: MetricFrame[], column: number): number[] {
  const values: number[] = [];
  for (const f of frames) {
    if (f.fromRow === 0) values.length = 0;
    values.length = f.fromRow;
    values.push(...f.columns[column]!);
  }
  return values;
}

describe('the run session', () => {
  it('returns the schema issues of a broken scenario and loads nothing', () => {
    const { session, frames } = harness();
    const outcome = session.load('kind: random-exchange\nagents: -1\n', {});
    expect(outcome.ok).toBe(false);
    if (!outcome.ok) expect(outcome.issues[0]).toMatchObject({ path: 'agents', line: 2 });
    expect(frames).toEqual([]);
  });

  it('sends the same numbers as a direct run, in slices, whatever the speed', () => {
    const { session, frames, drain } = harness();
    const outcome = session.load(SCENARIO, {});
    expect(outcome.ok).toBe(true);
    session.setSpeed('max');
    session.play();
    const tasks = drain();
    expect(tasks).toBeGreaterThan(3);
    const last = frames[frames.length - 1]!;
    expect(last.tick).toBe(120);
    expect(last.mode).toBe('paused');
    const direct = createSimulation(loadScenario(SCENARIO));
    direct.runToEnd();
    expect(assembled(frames, 0)).toEqual(Array.from(direct.series.column('wealth.gini')));
    // Small populations travel agent by agent.
    expect(last.distributions[0]!.values).toHaveLength(300);
  });

  it('stops where it is told: a step of a year, a pause, a seek backwards', () => {
    const { session, frames, drain } = harness();
    session.load(SCENARIO, {});
    session.step(12);
    drain();
    expect(frames[frames.length - 1]!.tick).toBe(12);
    session.setSpeed('max');
    session.play();
    session.pause();
    drain();
    expect(frames[frames.length - 1]!.mode).toBe('paused');
    const pausedAt = frames[frames.length - 1]!.tick;
    expect(pausedAt).toBeLessThan(120);
    session.seekYear(5);
    drain();
    const atFive = frames[frames.length - 1]!;
    session.seekYear(2);
    drain();
    const rewound = frames.filter((f) => f.fromRow === 0);
    expect(frames[frames.length - 1]!.tick).toBe(24);
    expect(rewound.length).toBeGreaterThanOrEqual(2);
    session.seekYear(5);
    drain();
    expect(frames[frames.length - 1]!.distributions[0]!.gini).toBe(atFive.distributions[0]!.gini);
  });

  it('reports an engine failure as a message and pauses', () => {
    const { session, failures, frames, drain } = harness();
    session.load(SCENARIO, {});
    // An engine that throws mid-run, as a failed conservation audit would.
    const internals = session as unknown as { simulation: { step(): void } };
    internals.simulation.step = () => { throw new Error('ledger out of balance'); };
    session.play();
    drain();
    expect(failures).toHaveLength(1);
    expect(failures[0]).toMatch(/stopped at month 0: Error: ledger out of balance/);
    expect(frames[frames.length - 1]!.mode).toBe('paused');
    session.reset();
    session.step(1);
    drain();
    expect(frames[frames.length - 1]!.tick).toBe(1);
  });
});

describe('the priming run', () => {
  const MIXED = readFileSync(new URL('../../scenarios/mixed.yaml', import.meta.url), 'utf8');
  const SMALL = { 'persons.count': 400, years: 3 };

  /** The economy's series played flat out, after `before` ran on the loaded session. */
  function played(before: (h: ReturnType<typeof harness>) => void) {
    const h = harness();
    expect(h.session.load(MIXED, SMALL).ok).toBe(true);
    before(h);
    h.session.setSpeed('max');
    h.session.play();
    h.drain(1_000_000);
    const last = h.frames[h.frames.length - 1]!;
    expect(last.tick).toBe(36);
    return { columns: last.columns.length, gini: assembled(h.frames, 0), last };
  }

  it('warms up in slices while idle and leaves the run it precedes unchanged', () => {
    const plain = played(() => {});
    let slices = 0;
    const primed = played((h) => {
      h.session.prime();
      // Slices of its own while nothing else is to do, then nothing more.
      slices = h.drain(1_000_000);
      h.session.prime();
      expect(h.queue).toHaveLength(0);
    });
    expect(slices).toBeGreaterThan(1);
    expect(primed.gini).toEqual(plain.gini);
    expect(primed.last.distributions.map((d) => d.gini)).toEqual(plain.last.distributions.map((d) => d.gini));
  });

  it('gives way at once when the user plays', () => {
    const h = harness();
    h.session.load(MIXED, SMALL);
    h.session.prime();
    h.drain(2);
    const internals = h.session as unknown as { primer: unknown };
    expect(internals.primer).not.toBeNull();
    h.session.play();
    h.drain(1);
    expect(internals.primer).toBeNull();
  });
});

describe('parameter fields from the schema', () => {
  it('lists each kind\'s parameters with their unit, range and choices, and leaves out name and seed', () => {
    const fields = parameterFields('yard-sale');
    const paths = fields.map((f) => f.path.join('.'));
    expect(paths).toEqual(['years', 'recordEveryMonths', 'agents', 'initialWealth', 'stakeFraction', 'tax']);
    expect(fields.find((f) => f.path[0] === 'stakeFraction')).toMatchObject({
      type: 'number', min: 0, minExclusive: true, max: 1, unit: 'share 0-1', slider: true, defaultValue: 0.1,
    });
    expect(fields.find((f) => f.path[0] === 'agents')).toMatchObject({ type: 'integer', min: 2, slider: false });
    expect(parameterFields('random-exchange').find((f) => f.path[0] === 'rule')).toMatchObject({
      type: 'choice', choices: ['fixed-amount', 'random-split'],
    });
  });

  it('reaches into nested sections with dotted paths', () => {
    const fields = fieldsFromJsonSchema({
      properties: { rental: { type: 'object', properties: { format: { type: 'string', enum: ['auction', 'posted'] } } } },
    });
    expect(fields).toEqual([expect.objectContaining({ path: ['rental', 'format'], label: 'format', type: 'choice' })]);
  });
});
