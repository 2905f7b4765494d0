// `npm run facts`: the stylised facts of MODEL.md 10, measured on the default presets. Runs
// `capitalist-only` (wealth concentration; firm sizes at --persons) and `mixed` (co-op and firm
// survival), K replicates each on worker threads, then prints and writes each fact's target,
// estimate, 95% interval and pass/fail. Exit codes: 0 done (whatever the facts say), 2 bad
// input (nothing runs), 1 internal error.
import { relative } from 'node:path';
import { parseFactsCommandLine, planFacts, MIN_FACT_YEARS, DEFAULT_FACT_PERSONS, DEFAULT_FACT_REPLICATES, DEFAULT_FACT_YEARS, type FactRunGroup, type FactsOptions } from './facts-plan.ts';
import { factsCsv, factsJson, factsTable, type FactGroupProvenance } from './facts-report.ts';
import { RunOutput, runDirectory } from './run-output.ts';
import { runReplicates, threadsFor } from './replicate-pool.ts';
import { replicateKeys, type ReplicateRequest, type ReplicateResult } from './replicate-run.ts';
import { ProgressBar, formatDuration } from './progress-bar.ts';
import { collectProvenance } from './provenance.ts';
import { RunMetrics } from './summary.ts';
import { coopFirmSurvivalFacts, firmSizeFact, wealthConcentrationFacts, type FactRow, type FactRun } from '../model/facts.ts';
import { totalTicksOf } from '../scenarios/schema.ts';
import { EXIT_OK } from './exit-codes.ts';
import { inputFailure, runCommand, usageFailure } from './command.ts';

const USAGE = `Usage: npm run facts -- [options]

Measures the stylised facts the default calibration must reproduce (MODEL.md 10) on the
default presets, K replicates each, and prints and writes each fact's target, estimate,
95% interval and pass/fail:
  wealth-top10, wealth-top10-settled   capitalist-only: top 10% wealth share >= 0.5 at the
                                       last year, changing by < 0.03 over its last 10 years
  firm-size-zipf                       capitalist-only at --persons: Zipf exponent of firm
                                       sizes (employees, firms with at least one) by maximum
                                       likelihood (Clauset, Shalizi & Newman 2009), 0.8 to 1.4
  coop-firm-hazard-ratio               mixed: dissolution hazard ratio co-op/firm (Cox) of
                                       those that were employers at one year, 0.5 to 0.95
  coop-firm-survival5y                 mixed: co-ops' 5-year survival above firms' (same)

Options:
  --replicates K    replicates of each preset, 2 to 10,000, keys r1..rK (default ${DEFAULT_FACT_REPLICATES})
  --persons N       population of the firm-size run (default ${DEFAULT_FACT_PERSONS.toLocaleString('en-US')}); the preset's
                    organisation counts and founding rates are scaled in proportion
  --years N         length of every run, at least ${MIN_FACT_YEARS} (default ${DEFAULT_FACT_YEARS})
  --seed S          the presets' seed (default: each preset's own)
  --set PATH=VALUE  override a field of every preset (a calibration to try), repeatable
  --workers N       worker threads (default: the machine's cores; 0: the main thread)
  --out DIR         output directory (default runs/facts-x<K>)
  -q, --quiet       print nothing but errors
  -h, --help        this text

Writes facts.json (provenance of every group of runs, each fact with its per-replicate
values) and facts.csv (one row per fact). Exit codes: 0 done, whatever the facts say;
2 bad input; 1 internal error. The full measurement takes about half an hour on 2 cores;
a quick look: npm run facts -- --replicates 2 --persons 20000 --years 30
`;

/** Which facts each group of runs feeds. */
const FACTS_OF_GROUP: Readonly<Record<string, readonly string[]>> = {
  'firm-sizes': ['firm-size-zipf'],
  wealth: ['wealth-top10', 'wealth-top10-settled'],
  survival: ['coop-firm-hazard-ratio', 'coop-firm-survival5y'],
};

function factRun(result: ReplicateResult): FactRun {
  const metrics = new RunMetrics([result]);
  if (result.organisations === undefined) throw new Error('a fact run is an economy run with organisations');
  return {
    label: result.replicateKey ?? 'base',
    ticks: result.ticks,
    column: (id) => metrics.column(0, id),
    organisations: result.organisations,
  };
}

export async function factsMain(argv: readonly string[]): Promise<number> {
  let options: FactsOptions;
  try {
    options = parseFactsCommandLine(argv);
  } catch (error) {
    return usageFailure('facts', error);
  }
  if (options.help) {
    process.stdout.write(USAGE);
    return EXIT_OK;
  }
  const say = (text: string) => { if (!options.quiet) process.stdout.write(text); };

  let groups: FactRunGroup[];
  let output: RunOutput;
  try {
    groups = planFacts(options);
    output = new RunOutput(options.out ?? runDirectory('facts', [`x${options.replicates}`]));
  } catch (error) {
    return inputFailure(error);
  }

  let bar: ProgressBar | undefined;
  try {
    const startedAt = new Date();
    const keys = replicateKeys(options.replicates);
    const requests: ReplicateRequest[] = groups.flatMap((g) => keys.map((replicateKey) => ({
      scenario: g.input.scenario, scenarioData: g.input.data, replicateKey, checkConservation: false,
    })));
    const workers = threadsFor(options.workers, requests.length);
    say(`facts: ${groups.map((g) => `${g.file} (${g.name}, ${g.input.scenario.kind === 'economy' ? g.input.scenario.persons.count.toLocaleString('en-US') : '?'} persons)`).join(', ')}`
      + ` x ${keys.length} replicates = ${requests.length} runs of ${options.years} years on ${Math.max(1, workers)} thread${workers === 1 ? '' : 's'}\n`);
    const totalMonths = groups.reduce((sum, g) => sum + totalTicksOf(g.input.scenario), 0) * keys.length;
    if (!options.quiet && process.stderr.isTTY) bar = new ProgressBar(process.stderr, totalMonths);
    const shown = bar;
    const results = await runReplicates(requests, workers, shown && ((done, agents) => shown.update(done, agents)));
    bar?.finish();
    bar = undefined;
    const runsOf = (name: string) => {
      const g = groups.findIndex((group) => group.name === name);
      return results.slice(g * keys.length, (g + 1) * keys.length).map(factRun);
    };
    const firmSizes = groups.find((g) => g.name === 'firm-sizes')!;
    const rows: FactRow[] = [
      ...wealthConcentrationFacts(runsOf('wealth'), options.years),
      firmSizeFact(runsOf('firm-sizes'), firmSizes.input.scenario.kind === 'economy' ? firmSizes.input.scenario.persons.count : options.persons),
      ...coopFirmSurvivalFacts(runsOf('survival')),
    ];
    const commandLine = [relative(process.cwd(), process.argv[1] ?? 'src/cli/facts-main.ts'), ...argv];
    const provenance: FactGroupProvenance[] = groups.map((g) => ({
      group: g.name,
      facts: FACTS_OF_GROUP[g.name]!,
      persons: g.input.scenario.kind === 'economy' ? g.input.scenario.persons.count : Number.NaN,
      overrides: g.overrides,
      provenance: collectProvenance({
        scenario: g.input.scenario, scenarioFile: g.file, scenarioSha256: g.input.sha256,
        replicateKeys: keys, date: startedAt, commandLine,
      }),
    }));
    output.write('facts.json', `${JSON.stringify(factsJson(provenance, rows), null, 2)}\n`);
    output.write('facts.csv', factsCsv(provenance, rows));
    const files = output.commit();
    const seconds = (Date.now() - startedAt.getTime()) / 1000;
    say(`${factsTable(rows)}\n\n${requests.length} runs in ${formatDuration(seconds)}. Wrote ${files.sort().join(', ')} to ${output.directory}\n`);
    return EXIT_OK;
  } finally {
    bar?.finish();
    output.discard();
  }
}

runCommand('facts', factsMain);
