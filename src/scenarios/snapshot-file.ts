// The snapshot file (issue 18 part 5): a versioned JSON envelope around the engine's snapshot,
// holding the scenario and replicate key the run was built from, so a run can be resumed from
// the file alone. Validated by zod at the boundary; a file that is not one, or one from
// another format version, is refused with a SnapshotError that says what is wrong.
import { z } from 'zod';
import { captureEngine, restoreEngine, SnapshotError, type EngineSnapshot } from '../model/snapshot.ts';
import type { Encoded } from '../model/snapshot-codec.ts';
import type { Simulation } from '../model/engine.ts';
import { createSimulation } from './create-simulation.ts';
import { validateScenario, formatIssues } from './load.ts';
import type { Scenario } from './schema.ts';

export { SnapshotError } from '../model/snapshot.ts';

export const SNAPSHOT_FORMAT = 'commons-ledger-snapshot';
export const SNAPSHOT_VERSION = 9;

/** What each version changed in the engine's state, for the message that refuses an older file. */
const VERSION_CHANGES: Readonly<Record<number, string>> = {
  2: 'a bond series counts the payments it has made (BondBook.paymentsMade) in place of its missed months',
  3: 'the economy keeps when the rental rules look at each asset again (AssetTable.attendTick, the rental rules\' queue) and the lists of vacant positions and of assets waiting at the rental auction',
  4: 'the bond book keeps each person\'s principal held (BondBook.personHeldCents) in place of the person table\'s scratch column',
  5: 'a bond holding keeps no months left (BondBook.monthsLeft: its series\' maturity less payments made) nor interest paid',
  6: 'the economy keeps the list of positions for the labour market (positionList), finance marks the persons with an equity return (FinanceState.equityReturnSet), and the saver queue keeps no last auction per person',
  7: 'the bond book keeps each issuer\'s debt on its active series (BondBook.issuerDebtCents)',
  8: 'the person table marks the cooperatives\' members without an asset (PersonTable.unequippedMember)',
  9: 'the rental auctions mark the month\'s winners a bit each (scratch.served)',
};

const encodedSchema = z.custom<Encoded>((value) => value !== undefined);

const engineSchema = z.object({
  kind: z.string(),
  tick: z.number().int().min(0),
  totalTicks: z.number().int().min(1),
  recordEveryTicks: z.number().int().min(1),
  state: encodedSchema,
  memory: encodedSchema,
  series: encodedSchema,
}).strict();

const snapshotFileSchema = z.object({
  format: z.literal(SNAPSHOT_FORMAT),
  version: z.literal(SNAPSHOT_VERSION),
  /** The program version that wrote it (information: the engine's shape is checked field by field). */
  createdBy: z.string(),
  scenario: z.record(z.string(), z.unknown()),
  replicateKey: z.string().optional(),
  engine: engineSchema,
}).strict();

export type SnapshotFile = z.output<typeof snapshotFileSchema>;

/** What a run is built from, so that a snapshot can be resumed from its file alone. */
export interface RunOrigin {
  readonly scenario: Scenario;
  readonly replicateKey?: string;
}

export function snapshotOf(simulation: Simulation, origin: RunOrigin, createdBy: string): SnapshotFile {
  return {
    format: SNAPSHOT_FORMAT, version: SNAPSHOT_VERSION, createdBy,
    scenario: origin.scenario as unknown as Record<string, unknown>,
    ...(origin.replicateKey === undefined ? {} : { replicateKey: origin.replicateKey }),
    engine: captureEngine(simulation),
  };
}

export function snapshotText(snapshot: SnapshotFile): string {
  return JSON.stringify(snapshot);
}

/** Reads a snapshot file's text: JSON, the envelope, and the scenario inside, each checked. */
export function parseSnapshot(text: string, source = 'snapshot'): SnapshotFile & { scenario: Scenario } {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    throw new SnapshotError(`${source}: not a snapshot file (not JSON: ${(error as Error).message})`);
  }
  if (raw === null || typeof raw !== 'object' || (raw as { format?: unknown }).format !== SNAPSHOT_FORMAT) {
    throw new SnapshotError(`${source}: not a snapshot file (it needs "format": "${SNAPSHOT_FORMAT}")`);
  }
  const version = (raw as { version?: unknown }).version;
  if (version !== SNAPSHOT_VERSION) {
    const older = typeof version === 'number' && version < SNAPSHOT_VERSION;
    const since = older
      ? Object.entries(VERSION_CHANGES).filter(([v]) => Number(v) > version).map(([v, what]) => ` (version ${v}: ${what})`).join('')
      : '';
    const createdBy = (raw as { createdBy?: unknown }).createdBy;
    const resume = older ? `; resume it with the program that wrote it${typeof createdBy === 'string' ? ` (${createdBy})` : ''}` : '';
    throw new SnapshotError(`${source}: snapshot format version ${JSON.stringify(version)}; this program reads version ${SNAPSHOT_VERSION}${since}${resume}`);
  }
  const parsed = snapshotFileSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new SnapshotError(`${source}: a damaged snapshot file: ${issue.path.map(String).join('.') || 'the top level'}: ${issue.message}`);
  }
  const outcome = validateScenario(parsed.data.scenario);
  if (!outcome.ok) throw new SnapshotError(`${source}: the scenario inside the snapshot is not valid:\n${formatIssues(`${source} (scenario)`, outcome.issues)}`);
  return { ...parsed.data, scenario: outcome.scenario };
}

/** A run built from the snapshot's scenario and restored to the month it was taken at. */
export function resumeSnapshot(
  snapshot: { scenario: Scenario; replicateKey?: string | undefined; engine: EngineSnapshot }, options: { checkConservation?: boolean } = {},
): Simulation {
  const simulation = createSimulation(snapshot.scenario, {
    ...options, ...(snapshot.replicateKey === undefined ? {} : { replicateKey: snapshot.replicateKey }),
  });
  restoreEngine(simulation, snapshot.engine);
  return simulation;
}
