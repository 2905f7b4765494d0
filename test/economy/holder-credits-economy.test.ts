// The bond service notes its payments to persons and credits them by block of person ids in runs
// of DEFER_FROM_PERSONS (50,000) or more (holder-credits.ts): a path the other tests, which run
// a few thousand persons, never take. Here whole economies run both ways, the threshold lowered
// to 0 in a second copy of the modules, and must leave every balance, every series and the
// invariants exactly as the direct path does.
import { readFileSync } from 'node:fs';
import { describe, expect, it, vi } from 'vitest';
import type { EconomyState } from '../../src/model/economy/economy-state.ts';
import { MONTHS_PER_YEAR } from '../../src/model/engine.ts';
import { economyInvariantViolations } from './economy-invariants.ts';

type Modules = {
  load: typeof import('../../src/scenarios/load.ts');
  create: typeof import('../../src/scenarios/create-simulation.ts');
};

/** Note books made by the copy of the modules with the lowered threshold. */
const made = { books: 0 };

async function modules(deferFrom: number | undefined): Promise<Modules> {
  vi.resetModules();
  vi.doUnmock('../../src/model/market/holder-credits.ts');
  if (deferFrom !== undefined) {
    vi.doMock('../../src/model/market/holder-credits.ts', async (original) => {
      const real = await original<typeof import('../../src/model/market/holder-credits.ts')>();
      class Counted extends real.HolderCredits {
        constructor(persons: number) {
          super(persons);
          made.books++;
        }
      }
      return { ...real, HolderCredits: Counted, DEFER_FROM_PERSONS: deferFrom };
    });
  }
  return { load: await import('../../src/scenarios/load.ts'), create: await import('../../src/scenarios/create-simulation.ts') };
}

interface Trace { balances: number[][]; series: Map<string, number[]>; violations: string[] }

function run({ load, create }: Modules, file: string, persons: number, years: number): Trace {
  const scenario = load.loadScenario(readFileSync(file, 'utf8'), file, { 'persons.count': persons, years });
  const simulation = create.createSimulation(scenario);
  const state = simulation.model.state as EconomyState;
  const trace: Trace = { balances: [], series: new Map(), violations: [] };
  for (let year = 1; year <= years; year++) {
    simulation.runTo(year * MONTHS_PER_YEAR);
    trace.balances.push(Array.from(state.ledger.copyBalances(0, state.ledger.size, new Float64Array(state.ledger.size))));
    trace.violations.push(...economyInvariantViolations(state));
  }
  for (const id of simulation.series.ids) trace.series.set(id, Array.from(simulation.series.column(id)));
  return trace;
}

describe('bond payments to persons noted by block, in a whole economy', () => {
  it.each([
    ['scenarios/mixed.yaml', 1000, 6],
    ['scenarios/communes-only.yaml', 1000, 6],
  ])('%s, %i persons x %i years: the same balances every year and the same series as paid one by one', async (file, persons, years) => {
    const direct = run(await modules(undefined), file, persons, years);
    made.books = 0;
    const noted = run(await modules(0), file, persons, years);
    // The engine's copy took the lowered threshold: the run made its note book.
    expect(made.books).toBe(1);
    expect(direct.violations).toEqual([]);
    expect(noted.violations).toEqual([]);
    expect(noted.balances).toEqual(direct.balances);
    expect([...noted.series.keys()]).toEqual([...direct.series.keys()]);
    for (const [id, column] of direct.series) expect(noted.series.get(id), id).toEqual(column);
    // Bonds were paid to persons at all: the comparison covers the path.
    expect(direct.series.get('bonds.outstanding')?.some((v) => v > 0)).toBe(true);
  }, 120_000);
});
