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
/** Per phase or reporter: wall ms, then the thread's CPU ms (NaN off Linux). */
const phaseMs = new Map<string, [number, number]>();
const reporterMs = new Map<string, [number, number]>();
const cpuNow = () => threadCpuMs() ?? Number.NaN;
function timed<T>(into: Map<string, [number, number]>, key: string, work: () => T): T {
  const wall = performance.now();
  const cpu = cpuNow();
  const value = work();
  const sum = into.get(key) ?? [0, 0];
  sum[0] += performance.now() - wall;
  sum[1] += cpuNow() - cpu;
  into.set(key, sum);
  return value;
}
for (const phase of [...model.phases, ...model.yearEndPhases]) {
  const { run, name } = phase;
  phase.run = (state) => timed(phaseMs, name, () => run(state));
}
for (const scalar of model.scalars) {
  const sample = scalar.sample.bind(scalar);
  scalar.sample = (state, context) => timed(reporterMs, scalar.id, () => sample(state, context));
}
const cpuStart = threadCpuMs();
const start = performance.now();
simulation.runToEnd();
const runMs = performance.now() - start;
const cpuEnd = threadCpuMs();
const recording: [number, number] = [0, 0];
for (const [wall, cpu] of reporterMs.values()) {
  recording[0] += wall;
  recording[1] += cpu;
}
phaseMs.set(`recording (${model.scalars.length} reporters)`, recording);
const runCpuMs = cpuStart === undefined || cpuEnd === undefined ? Number.NaN : cpuEnd - cpuStart;
const rows = (into: Map<string, [number, number]>, limit: number) => [...into].sort((a, b) => b[1][1] - a[1][1] || b[1][0] - a[1][0]).slice(0, limit)
  .map(([name, [wall, cpu]]) => `${wall.toFixed(0).padStart(7)} ms wall ${cpu.toFixed(0).padStart(7)} ms CPU ${(100 * cpu / runCpuMs).toFixed(1).padStart(5)}%  ${name}`).join('\n');
const cpu = cpuStart === undefined || cpuEnd === undefined ? '' : `, thread CPU ${((cpuEnd - cpuStart) / 1000).toFixed(2)} s`;
console.log(`${file}: ${persons} persons x ${years} years: set-up ${setupMs.toFixed(0)} ms, run ${(runMs / 1000).toFixed(2)} s${cpu} (timers add a little)`);
console.log(`phases (share: of the run's thread CPU):\n${rows(phaseMs, 30)}\nreporters, the costliest (a shared sort is charged to the first that asks):\n${rows(reporterMs, 15)}`);
