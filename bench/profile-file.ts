// A scenario file at a given size, once, for profiling the economy's hot path:
//   node --cpu-prof --import tsx bench/profile-file.ts scenarios/mixed.yaml 10000 50
import { readFileSync } from 'node:fs';
import { loadScenario } from '../src/scenarios/load.ts';
import { createSimulation } from '../src/scenarios/create-simulation.ts';

const [file = 'scenarios/mixed.yaml', persons = '10000', years = '50'] = process.argv.slice(2);
const scenario = loadScenario(readFileSync(file, 'utf8'), file, { 'persons.count': Number(persons), years: Number(years) });
const start = performance.now();
const simulation = createSimulation(scenario);
simulation.runToEnd();
console.log(`${file}: ${simulation.model.agentCount} persons x ${simulation.tick} months in ${((performance.now() - start) / 1000).toFixed(2)} s`);
