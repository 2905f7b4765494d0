// A run stopped mid-year, written to a snapshot file, read back into a fresh engine and
// continued must be the run that never stopped: every series, every ledger balance at each
// later year end, and the whole final state, bit for bit (issue 18 part 5).
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadScenario } from '../../src/scenarios/load.ts';
import { createSimulation } from '../../src/scenarios/create-simulation.ts';
import { MONTHS_PER_YEAR, type Simulation } from '../../src/model/engine.ts';
import { encodeGraph } from '../../src/model/snapshot-codec.ts';
import {
  parseSnapshot, resumeSnapshot, snapshotOf, snapshotText, SnapshotError,
} from '../../src/scenarios/snapshot-file.ts';
import type { Scenario } from '../../src/scenarios/schema.ts';

const hash = (a: Float64Array) => createHash('sha1').update(Buffer.from(a.buffer, a.byteOffset, a.byteLength)).digest('hex');

/** Ledger balances at every later year end, then every series column and the whole final state. */
function continueAndFingerprint(simulation: Simulation): Record<string, string> {
  const print: Record<string, string> = {};
  const ledger = (simulation.state as { ledger: { size: number; copyBalances(f: number, c: number, o: Float64Array): Float64Array } }).ledger;
  while (!simulation.done) {
    simulation.runTo((Math.floor(simulation.tick / MONTHS_PER_YEAR) + 1) * MONTHS_PER_YEAR);
    print[`ledger@${simulation.tick}`] = hash(ledger.copyBalances(0, ledger.size, new Float64Array(ledger.size)));
  }
  print.ticks = hash(simulation.series.ticks().slice());
  for (const id of simulation.series.ids) print[`series.${id}`] = hash(simulation.series.column(id).slice());
  print.state = createHash('sha1').update(JSON.stringify(encodeGraph(simulation.state))).digest('hex');
  print.memory = createHash('sha1').update(JSON.stringify(encodeGraph(simulation.model.memory ?? {}))).digest('hex');
  return print;
}

/** Runs to `atMonth`, snapshots through the file's text, and compares the resumed run with the uninterrupted one. */
function expectResumeIdentical(scenario: Scenario, atMonth: number, replicateKey?: string): void {
  const options = replicateKey === undefined ? {} : { replicateKey };
  const original = createSimulation(scenario, options);
  original.runTo(atMonth);
  const text = snapshotText(snapshotOf(original, { scenario, ...options }, 'test'));
  const resumed = resumeSnapshot(parseSnapshot(text));
  expect(resumed.tick).toBe(atMonth);
  expect(resumed).not.toBe(original);
  const expected = continueAndFingerprint(original);
  const got = continueAndFingerprint(resumed);
  expect(Object.keys(got).length).toBeGreaterThan(10);
  const differ = Object.keys(expected).filter((key) => expected[key] !== got[key]);
  expect(differ).toEqual([]);
}

const economyPresets = readdirSync('scenarios')
  .filter((file) => file.endsWith('.yaml'))
  .map((file) => ({ file, text: readFileSync(`scenarios/${file}`, 'utf8') }))
  .filter(({ text }) => /^kind: economy$/m.test(text));

describe('snapshot and resume', () => {
  it('finds every economy preset', () => {
    expect(economyPresets.map((p) => p.file)).toEqual(expect.arrayContaining(['mixed.yaml', 'communes-only.yaml', 'coops-only.yaml', 'capitalist-only.yaml']));
  });

  for (const { file, text } of economyPresets) {
    it(`resumes ${file} mid-year with the same bits as a run that never stopped`, () => {
      const scenario = loadScenario(text, file, { 'persons.count': 600, years: 14 });
      // Month 7 of year 7: mid-year, after foundings, merges and takeovers had their chance.
      expectResumeIdentical(scenario, 6 * MONTHS_PER_YEAR + 7);
    });
  }

  it('resumes a replicate of mixed on its own streams', () => {
    const scenario = loadScenario(readFileSync('scenarios/mixed.yaml', 'utf8'), 'mixed', { 'persons.count': 400, years: 8 });
    expectResumeIdentical(scenario, 3 * MONTHS_PER_YEAR + 5, 'r3');
  });

  it('resumes a kinetic preset (yard-sale with its wealth tax)', () => {
    const scenario = loadScenario(readFileSync('scenarios/yard-sale-taxed.yaml', 'utf8'), 'yard-sale-taxed', { agents: 300, years: 10 });
    expectResumeIdentical(scenario, 4 * MONTHS_PER_YEAR + 3);
  });

  it('resumes at month 0 and at the last month', () => {
    const scenario = loadScenario(readFileSync('scenarios/communes-only.yaml', 'utf8'), 'c', { 'persons.count': 300, years: 3 });
    expectResumeIdentical(scenario, 0);
    expectResumeIdentical(scenario, 3 * MONTHS_PER_YEAR);
  });
});

describe('a snapshot file that is not one', () => {
  const scenario = loadScenario(readFileSync('scenarios/communes-only.yaml', 'utf8'), 'c', { 'persons.count': 200, years: 3 });
  const simulation = createSimulation(scenario);
  simulation.runTo(5);
  const good = snapshotOf(simulation, { scenario }, 'test');

  const refused = (text: string) => {
    try {
      resumeSnapshot(parseSnapshot(text, 'x.snapshot.json'));
    } catch (error) {
      expect(error).toBeInstanceOf(SnapshotError);
      return (error as Error).message;
    }
    throw new Error('accepted');
  };

  it('refuses text that is not JSON, or JSON of something else', () => {
    expect(refused('PK\u0003\u0004 zip')).toMatch(/x\.snapshot\.json: not a snapshot file \(not JSON/);
    expect(refused(JSON.stringify({ kind: 'economy', seed: 1 }))).toMatch(/not a snapshot file \(it needs "format"/);
  });

  it('refuses another format version', () => {
    expect(refused(JSON.stringify({ ...good, version: 99 }))).toMatch(/version 99; this program reads version 9$/);
    // A file written before the bond book counted payments made: what changed, and what to do.
    expect(refused(JSON.stringify({ ...good, version: 1, createdBy: 'commons-ledger 0.1.0 (abc1234)' })))
      .toMatch(/version 1; this program reads version 9 \(version 2: a bond series counts the payments it has made .*\) \(version 3: the economy keeps when the rental rules look .*\) \(version 4: the bond book keeps each person's principal held .*\) \(version 5: a bond holding keeps no months left .*\) \(version 6: the economy keeps the list of positions .*\) \(version 7: the bond book keeps each issuer's debt .*\) \(version 8: the person table marks .*\) \(version 9: the rental auctions mark .*\); resume it with the program that wrote it \(commons-ledger 0\.1\.0 \(abc1234\)\)/);
    // A file written before the rental rules' caches (session 19-20): refused by version, not field by field.
    expect(refused(JSON.stringify({ ...good, version: 2 }))).toMatch(/version 2; this program reads version 9 \(version 3: .*vacant positions.*\) \(version 4: .*personHeldCents.*\) \(version 5: .*maturity less payments made.*\) \(version 6: .*positionList.*\) \(version 7: .*issuerDebtCents.*\) \(version 8: .*unequippedMember.*\) \(version 9: .*served.*\)/);
    // A file written before the bond book kept each person's principal held (session 21).
    expect(refused(JSON.stringify({ ...good, version: 3 }))).toMatch(/version 3; this program reads version 9 \(version 4: .*personHeldCents.*\) \(version 5: .*\) \(version 6: .*\) \(version 7: .*\) \(version 8: .*\) \(version 9: .*\)/);
    // A file written before the kept list of positions and the saver marks (session 22).
    expect(refused(JSON.stringify({ ...good, version: 5 }))).toMatch(/version 5; this program reads version 9 \(version 6: .*positionList.*equityReturnSet.*last auction.*\) \(version 7: .*issuerDebtCents.*\) \(version 8: .*unequippedMember.*\) \(version 9: .*served.*\); resume it/);
    // A file written before the bond book kept each issuer's debt (session 23).
    expect(refused(JSON.stringify({ ...good, version: 6 }))).toMatch(/version 6; this program reads version 9 \(version 7: .*issuerDebtCents.*\) \(version 8: .*unequippedMember.*\) \(version 9: .*served.*\); resume it/);
    // A file written before the person table marked members without an asset (session 23).
    expect(refused(JSON.stringify({ ...good, version: 7 }))).toMatch(/version 7; this program reads version 9 \(version 8: .*unequippedMember.*\) \(version 9: .*served.*\); resume it/);
    // A file written before the rental auctions marked winners a bit each (session 23).
    expect(refused(JSON.stringify({ ...good, version: 8 }))).toMatch(/version 8; this program reads version 9 \(version 9: .*served.*\); resume it/);
  });

  it('refuses a damaged envelope or scenario', () => {
    expect(refused(JSON.stringify({ ...good, engine: { ...good.engine, tick: -2 } }))).toMatch(/damaged snapshot file: engine\.tick/);
    expect(refused(JSON.stringify({ ...good, scenario: { ...good.scenario, years: 'ten' } }))).toMatch(/scenario inside the snapshot is not valid[\s\S]*years/);
  });

  it('refuses state that does not fit the engine, naming where', () => {
    const state = structuredClone(good.engine.state) as Record<string, Record<string, unknown>>;
    delete state.persons!.skill;
    expect(refused(JSON.stringify({ ...good, engine: { ...good.engine, state } }))).toMatch(/\$\.state\.persons\.skill: missing from the snapshot/);
    const bytes = structuredClone(good.engine.state) as Record<string, Record<string, { bytes: string }>>;
    bytes.persons!.skill!.bytes = '***';
    expect(refused(JSON.stringify({ ...good, engine: { ...good.engine, state: bytes } }))).toMatch(/persons\.skill: the typed array's bytes are not base64/);
  });

  it('refuses a snapshot of another model kind than its scenario builds', () => {
    expect(refused(JSON.stringify({ ...good, engine: { ...good.engine, kind: 'yard-sale' } }))).toMatch(/snapshot is of a yard-sale model; this scenario builds a economy model/);
  });

  it('refuses a ledger that does not balance (a balance edited, or NaN), before it runs', () => {
    /** The good snapshot with account 5's balance replaced by what `edit` makes of it. */
    const withBalance = (edit: (cents: number) => number) => {
      const state = structuredClone(good.engine.state) as { ledger: { balances: { bytes: string } } };
      const bytes = Buffer.from(state.ledger.balances.bytes, 'base64');
      bytes.writeDoubleLE(edit(bytes.readDoubleLE(5 * 8)), 5 * 8);
      state.ledger.balances.bytes = bytes.toString('base64');
      return JSON.stringify({ ...good, engine: { ...good.engine, state } });
    };
    expect(refused(withBalance((cents) => cents + 100))).toMatch(/ledger does not balance, so it was damaged or edited: the ledger sums to 100 cents instead of 0$/);
    // Such a file was resumed and ran 18 months before a transfer failed with "no such pair".
    expect(refused(withBalance(() => Number.NaN))).toMatch(/ledger does not balance.*: account 5 holds a fraction of a cent: NaN$/);
  });
});
