// Worker thread of the engine fuzz: runs one case at a time, so the runner can stop a case
// that passes its time cap (a synchronous endless loop cannot be interrupted in its own thread).
import { parentPort } from 'node:worker_threads';
import { runEngineCase } from './engine-case.ts';

parentPort!.on('message', ({ id, raw }: { id: number; raw: unknown }) => {
  parentPort!.postMessage({ id, outcome: runEngineCase(raw) });
});
