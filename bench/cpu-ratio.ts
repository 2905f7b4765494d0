// The engine/bare ratio of one model case in CPU time of this thread, for before/after checks of
// the step loop on a shared machine (wall time there moves with other processes' load; a
// thread's CPU time much less): 10 pairs, engine then bare loop, median of their ratios.
//   node --v8-pool-size=1 --import tsx bench/cpu-ratio.ts mesa-boltzmann 100000 120 [inline]
// `inline`: against the bare loop that steps Alea inline (issue 19's yardstick, the mesa rule only).
import { readFileSync } from 'node:fs';
import { MODEL_CASES } from './cases.ts';
import { timeBare, timeEngine } from './measure.ts';

/** CPU seconds of the calling thread so far (Linux: /proc/thread-self/stat, in clock ticks of 1/100 s). */
function threadCpuSeconds(): number {
  const stat = readFileSync('/proc/thread-self/stat', 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(fields[11]) + Number(fields[12])) / 100;
}

const id = process.argv[2] ?? 'mesa-boltzmann';
const agents = Number(process.argv[3] ?? 100_000);
const ticks = Number(process.argv[4] ?? 120);
const inline = process.argv[5] === 'inline';
const modelCase = MODEL_CASES.find((m) => m.id === id);
if (modelCase === undefined) throw new Error(`no case ${id}; cases: ${MODEL_CASES.map((m) => m.id).join(', ')}`);
timeEngine(modelCase, 1_000, 240);
timeBare(modelCase, 1_000, 240, inline);
const ratios: number[] = [];
for (let pair = 0; pair < 10; pair++) {
  let from = threadCpuSeconds();
  timeEngine(modelCase, agents, ticks);
  const engine = threadCpuSeconds() - from;
  from = threadCpuSeconds();
  timeBare(modelCase, agents, ticks, inline);
  ratios.push(engine / (threadCpuSeconds() - from));
}
ratios.sort((a, b) => a - b);
console.log(`${id}${inline ? ' (bare: Alea inline)' : ''} x ${agents} x ${ticks} months: engine/bare CPU time, median of 10 pairs ${((ratios[4]! + ratios[5]!) / 2).toFixed(2)} (${ratios.map((r) => r.toFixed(2)).join(' ')})`);
