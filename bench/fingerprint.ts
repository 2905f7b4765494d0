// A run's fingerprint, for checking that a speed-up changed nothing: every ledger balance
// hashed at each year end and every series column hashed. The first call writes the file;
// the next (after the change) compares with it and names what differs.
//   npx tsx bench/fingerprint.ts scenarios/mixed.yaml 10000 50 /tmp/mixed-before.json
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { loadScenario } from '../src/scenarios/load.ts';
import { createSimulation } from '../src/scenarios/create-simulation.ts';
import { MONTHS_PER_YEAR } from '../src/model/engine.ts';

const [file, persons, years, out] = process.argv.slice(2);
if (file === undefined || persons === undefined || years === undefined || out === undefined) {
  process.stderr.write('usage: npx tsx bench/fingerprint.ts <scenario file> <persons> <years> <fingerprint.json>\n');
  process.exit(2);
}
const hash = (a: Float64Array) => createHash('sha1').update(Buffer.from(a.buffer, a.byteOffset, a.byteLength)).digest('hex').slice(0, 12);
const scenario = loadScenario(readFileSync(file, 'utf8'), file, { 'persons.count': Number(persons), years: Number(years) });
const simulation = createSimulation(scenario);
const state = simulation.model.state as { ledger?: { copyBalances(first: number, count: number, out: Float64Array): Float64Array; size: number } };
const fingerprint: Record<string, string> = {};
for (let year = 1; year <= Number(years); year++) {
  simulation.runTo(year * MONTHS_PER_YEAR);
  const ledger = state.ledger;
  if (ledger !== undefined) fingerprint[`ledger.year${year}`] = hash(ledger.copyBalances(0, ledger.size, new Float64Array(ledger.size)));
}
for (const id of simulation.series.ids) fingerprint[`series.${id}`] = hash(simulation.series.column(id).slice());

if (!existsSync(out)) {
  writeFileSync(out, JSON.stringify(fingerprint, null, 1));
  process.stdout.write(`fingerprint of ${file} written to ${out} (${Object.keys(fingerprint).length} entries)\n`);
} else {
  const before = JSON.parse(readFileSync(out, 'utf8')) as Record<string, string>;
  const differ = Object.keys(before).filter((key) => before[key] !== fingerprint[key]);
  const added = Object.keys(fingerprint).filter((key) => !(key in before));
  process.stdout.write(differ.length === 0
    ? `same as ${out}: ${Object.keys(before).length} entries identical${added.length > 0 ? ` (${added.length} new series not compared)` : ''}\n`
    : `DIFFERENT from ${out}: ${differ.slice(0, 12).join(', ')}${differ.length > 12 ? ` and ${differ.length - 12} more` : ''}\n`);
  if (differ.length > 0) process.exitCode = 1;
}
