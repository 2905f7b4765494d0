// A scenario file at a given size, for profiling the economy's hot path and for before/after
// checks on a shared machine: each run prints its wall time and, less moved by other processes'
// load, this thread's CPU time (Linux) and the whole process's (V8's compiler and GC threads too).
// The first run pays V8's warm-up; `runs` > 1 repeats it in the same process (warm).
//   node --cpu-prof --import tsx bench/profile-file.ts scenarios/mixed.yaml 10000 50 [runs]
import { readFileSync } from 'node:fs';
import { loadScenario } from '../src/scenarios/load.ts';
import { createSimulation } from '../src/scenarios/create-simulation.ts';
import { threadCpuMs } from '../src/cli/thread-cpu.ts';

const [file = 'scenarios/mixed.yaml', persons = '10000', years = '50', runs = '1'] = process.argv.slice(2);
const scenario = loadScenario(readFileSync(file, 'utf8'), file, { 'persons.count': Number(persons), years: Number(years) });
for (let run = 1; run <= Number(runs); run++) {
  const start = performance.now();
  const threadStart = threadCpuMs();
  const processStart = process.cpuUsage();
  const simulation = createSimulation(scenario);
  simulation.runToEnd();
  const threadEnd = threadCpuMs();
  const used = process.cpuUsage(processStart);
  const thread = threadStart === undefined || threadEnd === undefined ? '' : `, thread CPU ${((threadEnd - threadStart) / 1000).toFixed(2)} s`;
  console.log(`${file}: ${simulation.model.agentCount} persons x ${simulation.tick} months, run ${run}: wall ${((performance.now() - start) / 1000).toFixed(2)} s${thread}, `
    + `process CPU ${((used.user + used.system) / 1e6).toFixed(2)} s`);
}
