// Builds the replicate pool's engine bundle once before the tests, so the tests that start
// worker threads (several at once, on a loaded machine) do not each pay for the build.
import { replicateWorkerBundle } from '../src/cli/engine-bundle.ts';

export default async function setup(): Promise<void> {
  await replicateWorkerBundle();
}
