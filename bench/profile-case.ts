// One model case, engine and bare loop side by side, for profiling the hot path:
//   node --cpu-prof --import tsx bench/profile-case.ts 'yard-sale' 100000 204
// Lives inside the package so tsx loads it as an ES module: a script outside it is loaded as
// CommonJS, whose export getters on every `FLOW.exchange` distort the profile.
import { MODEL_CASES } from './cases.ts';
import { timeBare, timeEngine } from './measure.ts';

const id = process.argv[2] ?? 'random-exchange fixed-amount';
const agents = Number(process.argv[3] ?? 100_000);
const ticks = Number(process.argv[4] ?? 204);
const modelCase = MODEL_CASES.find((m) => m.id === id);
if (modelCase === undefined) throw new Error(`no case ${id}; cases: ${MODEL_CASES.map((m) => m.id).join(', ')}`);
timeEngine(modelCase, 1_000, 240);
timeBare(modelCase, 1_000, 240);
for (let i = 0; i < 4; i++) {
  const engine = timeEngine(modelCase, agents, ticks);
  const bare = timeBare(modelCase, agents, ticks);
  const rate = (seconds: number) => (agents * ticks / seconds / 1e6).toFixed(1);
  console.log(`${id} x ${agents}: engine ${rate(engine.seconds)}, bare ${rate(bare.seconds)} M agent-ticks/s`);
}
