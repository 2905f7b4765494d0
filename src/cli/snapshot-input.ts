// `--resume FILE`: reading a snapshot file and continuing its run, as a branch when `--set`
// changes a policy parameter. Every problem is an InputError (exit code 2) before anything runs.
import { readFileSync, statSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { dirname } from 'node:path';
import type { Simulation } from '../model/engine.ts';
import type { Scenario } from '../scenarios/schema.ts';
import { parseSnapshot, SnapshotError } from '../scenarios/snapshot-file.ts';
import { BranchError, resumeBranch } from '../scenarios/branch.ts';
import { InputError, specialKind } from './scenario-input.ts';

/** The largest snapshot read: a JavaScript string holds about 512 MB. */
const MAX_SNAPSHOT_BYTES = 500_000_000;

export interface SnapshotInput {
  readonly scenario: Scenario;
  readonly replicateKey: string | undefined;
  readonly sha256: string;
  /** Restored to the snapshot's month (with the branch's parameters, if any). */
  readonly simulation: Simulation;
}

function readSnapshotBytes(file: string): Buffer {
  try {
    const stats = statSync(file);
    const kind = specialKind(stats);
    if (kind !== undefined) throw new InputError(`${file}: cannot read the snapshot: it is ${kind}`);
    if (stats.size > MAX_SNAPSHOT_BYTES) throw new InputError(`${file}: cannot read the snapshot: it is ${stats.size.toLocaleString('en-US')} bytes; at most ${MAX_SNAPSHOT_BYTES.toLocaleString('en-US')} are read`);
    return readFileSync(file);
  } catch (error) {
    if (error instanceof InputError) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    throw new InputError(`${file}: cannot read the snapshot: ${code === 'ENOENT' ? 'no such file' : code === 'EACCES' ? 'permission denied' : (error as Error).message}`);
  }
}

export function readSnapshotInput(file: string, changes: Readonly<Record<string, unknown>>, checkConservation: boolean): SnapshotInput {
  const bytes = readSnapshotBytes(file);
  try {
    const snapshot = parseSnapshot(bytes.toString('utf8'), file);
    const { simulation, scenario } = resumeBranch(snapshot, changes, { checkConservation });
    return { scenario, replicateKey: snapshot.replicateKey, sha256: createHash('sha256').update(bytes).digest('hex'), simulation };
  } catch (error) {
    if (error instanceof BranchError) throw new InputError(`--set (a branch of ${file}): ${error.message}`);
    if (error instanceof SnapshotError) throw new InputError(error.message.startsWith(file) ? error.message : `${file}: ${error.message}`);
    throw error;
  }
}

/** `--snapshot-out` checked before the run: its folder must exist and it must not be a folder. */
export function checkSnapshotOut(file: string): void {
  try {
    if (statSync(file).isDirectory()) throw new InputError(`--snapshot-out: ${file} is a directory; give a file path`);
  } catch (error) {
    if (error instanceof InputError) throw error;
  }
  try {
    if (!statSync(dirname(file)).isDirectory()) throw new InputError(`--snapshot-out: ${dirname(file)} is not a directory`);
  } catch (error) {
    if (error instanceof InputError) throw error;
    throw new InputError(`--snapshot-out: cannot write ${file}: its folder ${dirname(file)} does not exist`);
  }
}
