// One scenario run with every phase and every reporter timed, for bench/phase-times.ts (which
// bundles this file as the bench bundles the engine, then runs it): where a run's time goes.
import { readFileSync } from 'node:fs';
import { loadScenario } from '../src/scenarios/load.ts';
import { createSimulation } from '../src/scenarios/create-simulation.ts';
import { threadCpuMs } from '../src/cli/thread-cpu.ts';

interface Timed { name: string; run: (state: unknown) => void }
interface Sampled { id: string; sample: (state: unknown, context: unknown) => number }

const [file = 'scenarios/mixed.yaml', persons = '10000', years = '50'] = process.argv.slice(2);
const scenario = loadScenario(readFileSync(file, 'utf8'), file, { 'persons.count': Number(persons), years: Number(years) });
const created = performance.now();
const simulation = createSimulation(scenario);
const setupMs = performance.now() - created;
const model = simulation.model as unknown as { phases: Timed[]; yearEndPhases: Timed[]; scalars: Sampled[] };
const phaseMs = new Map<string, number>();
const reporterMs = new Map<string, number>();
const add = (into: Map<string, number>, key: string, ms: number) => into.set(key, (into.get(key) ?? 0) + ms);
for (const phase of [...model.phases, ...model.yearEndPhases]) {
  const { run, name } = phase;
  phase.run = (state) => { const t = performance.now(); run(state); add(phaseMs, name, performance.now() - t); };
}
for (const scalar of model.scalars) {
  const sample = scalar.sample.bind(scalar);
  scalar.sample = (state, context) => { const t = performance.now(); const v = sample(state, context); add(reporterMs, scalar.id, performance.now() - t); return v; };
}
const cpuStart = threadCpuMs();
const start = performance.now();
simulation.runToEnd();
const runMs = performance.now() - start;
const cpuEnd = threadCpuMs();
let recordMs = 0;
for (const ms of reporterMs.values()) recordMs += ms;
add(phaseMs, `recording (${model.scalars.length} reporters)`, recordMs);
const rows = (into: Map<string, number>, limit: number) => [...into].sort((a, b) => b[1] - a[1]).slice(0, limit)
  .map(([name, ms]) => `${ms.toFixed(0).padStart(7)} ms ${(100 * ms / runMs).toFixed(1).padStart(5)}%  ${name}`).join('\n');
const cpu = cpuStart === undefined || cpuEnd === undefined ? '' : `, thread CPU ${((cpuEnd - cpuStart) / 1000).toFixed(2)} s`;
console.log(`${file}: ${persons} persons x ${years} years: set-up ${setupMs.toFixed(0)} ms, run ${(runMs / 1000).toFixed(2)} s${cpu} (timers add a little)`);
console.log(`phases:\n${rows(phaseMs, 30)}\nreporters, the costliest (a shared sort is charged to the first that asks):\n${rows(reporterMs, 15)}`);
