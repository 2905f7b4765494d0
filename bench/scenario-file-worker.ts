// Runs one scenario-file case in a worker thread, so the bench can stop a case that runs far
// past its target instead of waiting for it. With `again`, the same scenario runs a second time
// in the same worker, after V8 has compiled the engine: the steady-state speed, reported beside
// the first run (which is the one judged: a fresh command-line run or page load pays warm-up).
import { parentPort, workerData } from 'node:worker_threads';
import { createSimulation } from '../src/scenarios/create-simulation.ts';
import { scenarioSchema } from '../src/scenarios/schema.ts';
import { threadCpuMs } from '../src/cli/thread-cpu.ts';

const port = parentPort;
if (port === null) throw new Error('scenario-file-worker.ts runs only as a worker thread');
const data = workerData as { scenarioData: unknown; again?: boolean };
const scenario = scenarioSchema.parse(data.scenarioData);

function timedRun(): { seconds: number; cpuSeconds?: number; agents: number; ticks: number } {
  const start = performance.now();
  const cpuStart = threadCpuMs();
  const simulation = createSimulation(scenario);
  simulation.runToEnd();
  const cpuEnd = threadCpuMs();
  const cpuSeconds = cpuStart === undefined || cpuEnd === undefined ? undefined : (cpuEnd - cpuStart) / 1000;
  return { seconds: (performance.now() - start) / 1000, cpuSeconds, agents: simulation.model.agentCount, ticks: simulation.tick };
}

const first = timedRun();
port.postMessage({ ...first, warmSeconds: data.again === true ? timedRun().seconds : undefined });
