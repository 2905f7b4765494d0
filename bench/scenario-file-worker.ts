// Runs one scenario-file case in a worker thread, so the bench can stop a case that runs far
// past its target instead of waiting for it.
import { parentPort, workerData } from 'node:worker_threads';
import { createSimulation } from '../src/scenarios/create-simulation.ts';
import { scenarioSchema } from '../src/scenarios/schema.ts';

const port = parentPort;
if (port === null) throw new Error('scenario-file-worker.ts runs only as a worker thread');
const scenario = scenarioSchema.parse((workerData as { scenarioData: unknown }).scenarioData);
const start = performance.now();
const simulation = createSimulation(scenario);
simulation.runToEnd();
port.postMessage({
  seconds: (performance.now() - start) / 1000,
  agents: simulation.model.agentCount,
  ticks: simulation.tick,
});
