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
// Reading the thread's CPU clock is a read of /proc (20-60 us, more under load), two per timed
// call: 24,000 for the phases of a 50-year run. Each phase's CPU is net of what its own clock
// reads cost, measured here; reporters (181 of them, each a few microseconds) get wall time only.
const CLOCK_READS = 2_000;
const clockStart = performance.now();
for (let i = 0; i < CLOCK_READS; i++) cpuNow();
const clockReadMs = (performance.now() - clockStart) / CLOCK_READS;
/** Per key: the number of timed calls, for the clock's cost. */
const calls = new Map<string, number>();
function timed<T>(into: Map<string, [number, number]>, key: string, work: () => T, withCpu: boolean): T {
  const wall = performance.now();
  const cpu = withCpu ? cpuNow() : 0;
  const value = work();
  const sum = into.get(key) ?? [0, 0];
  sum[0] += performance.now() - wall;
  if (withCpu) sum[1] += cpuNow() - cpu;
  into.set(key, sum);
  calls.set(key, (calls.get(key) ?? 0) + 1);
  return value;
}
for (const phase of [...model.phases, ...model.yearEndPhases]) {
  const { run, name } = phase;
  phase.run = (state) => timed(phaseMs, name, () => run(state), true);
}
for (const scalar of model.scalars) {
  const sample = scalar.sample.bind(scalar);
  scalar.sample = (state, context) => timed(reporterMs, scalar.id, () => sample(state, context), false);
}
// Recording's CPU as a whole: the clock read before the first reporter and after the last.
const recording: [number, number] = [0, 0];
let recordingCpuFrom = 0;
const first = model.scalars[0];
const last = model.scalars[model.scalars.length - 1];
if (first !== undefined && last !== undefined) {
  const sampleFirst = first.sample;
  first.sample = (state, context) => {
    recordingCpuFrom = cpuNow();
    return sampleFirst(state, context);
  };
  const sampleLast = last.sample;
  last.sample = (state, context) => {
    const value = sampleLast(state, context);
    recording[1] += cpuNow() - recordingCpuFrom - clockReadMs / 2;
    calls.set('recording', (calls.get('recording') ?? 0) + 1);
    return value;
  };
}
const cpuStart = threadCpuMs();
const start = performance.now();
simulation.runToEnd();
const runMs = performance.now() - start;
const cpuEnd = threadCpuMs();
// A phase's CPU net of its clock reads; the time between the first read's sample of the clock
// and the second's is about half a read, charged to the phase.
let clockMs = 0;
for (const [name, sum] of phaseMs) {
  const cost = 2 * (calls.get(name) ?? 0) * clockReadMs;
  clockMs += cost;
  sum[0] = Math.max(0, sum[0] - cost);
  sum[1] = Math.max(0, sum[1] - cost / 2);
}
for (const [wall] of reporterMs.values()) recording[0] += wall;
clockMs += 2 * (calls.get('recording') ?? 0) * clockReadMs;
phaseMs.set(`recording (${model.scalars.length} reporters)`, recording);
const runCpuMs = cpuStart === undefined || cpuEnd === undefined ? Number.NaN : cpuEnd - cpuStart - clockMs;
const rows = (into: Map<string, [number, number]>, limit: number) => [...into].sort((a, b) => b[1][1] - a[1][1] || b[1][0] - a[1][0]).slice(0, limit)
  .map(([name, [wall, cpu]]) => `${wall.toFixed(0).padStart(7)} ms wall ${cpu.toFixed(0).padStart(7)} ms CPU ${(100 * cpu / runCpuMs).toFixed(1).padStart(5)}%  ${name}`).join('\n');
const reporterRows = (limit: number) => [...reporterMs].sort((a, b) => b[1][0] - a[1][0]).slice(0, limit)
  .map(([name, [wall]]) => `${wall.toFixed(0).padStart(7)} ms wall ${(100 * wall / recording[0]).toFixed(1).padStart(5)}% of recording's  ${name}`).join('\n');
const cpu = cpuStart === undefined || cpuEnd === undefined ? '' : `, thread CPU ${((cpuEnd - cpuStart) / 1000).toFixed(2)} s`;
console.log(`${file}: ${persons} persons x ${years} years: set-up ${setupMs.toFixed(0)} ms, run ${(runMs / 1000).toFixed(2)} s${cpu}; `
  + `the phases' clock reads (${clockReadMs.toFixed(3)} ms each) cost ${(clockMs / 1000).toFixed(2)} s of that, taken off below`);
console.log(`phases (share: of the run's thread CPU):\n${rows(phaseMs, 30)}\nreporters, the costliest by wall time (a shared sort is charged to the first that asks):\n${reporterRows(15)}`);
