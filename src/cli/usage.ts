// The text of `npm run sim -- --help`.
export const USAGE = `Usage: npm run sim -- FILE [options]
       npm run sim -- --resume SNAPSHOT [--set PATH=VALUE ...] [--out DIR] [--format F]
       node --import tsx src/cli/main.ts FILE [options]

Runs a scenario (YAML or JSON) headless on the same engine as the browser and writes its
metrics. Same scenario + same seed gives the same numbers, bit for bit.

Options:
  --seed N             Seed of the run, overriding the file's: a whole number from 0 to 2^53 - 1
                       or a text of 1 to 200 characters (in quotes when it reads as a number:
                       --seed '"-1"'), read as the file's seed and the page's seed field are.
  --years N            Length of the run in years; overrides the file's years.
  --set PATH=VALUE     Override any scenario field by its dotted path; VALUE is read as a
                       YAML scalar (3, 0.5, true, random-split). Repeatable.
  --replicates K       Run K replicates r1..rK of the same scenario and seed: replicate k
                       draws from streams derived from (seed, "r<k>"), never seed+k.
                       Without this flag: one plain run (no replicate key), the same run
                       the browser makes for that seed.
  --workers N          Worker threads for replicates (default: min(K, available cores));
                       0 runs every replicate on the main thread (same numbers, slower).
  --out DIR            Output directory (default: runs/<file-stem>-seed<seed>, then -x<K>
                       with replicates and -set-<hash> with --set or --years, so different
                       runs never share a folder; a seed unsafe in a file name is written
                       safe plus ~<hash>). Files in it with the same names are replaced;
                       nothing is written on bad input or when the run is interrupted.
  --format csv|json|parquet
                       series.csv (default), series.json or series.parquet (and the same
                       for organisations and survival): Parquet has the CSV's columns and
                       types, with the provenance (scenario, seed, version, command) in the
                       file's key-value metadata.
  --shard I/N          Run only shard I of N of the replicates (r(I+1), r(I+1+N), ...) and
                       write shard-I-of-N.json to DIR; npm run merge -- DIR... then writes
                       what one machine's run writes (a Slurm array or an Indexed Job runs
                       the shards: deploy/).
  --events             Also write events.csv (economies): every merge, takeover, founding,
                       failure, default (a tenant's missed rents, an issuer's bond series
                       closed short), liquidation and change of an asset's owner, with
                       month, who, whom, asset and amounts in cents. Same numbers as without.
  --snapshot-at T      Stop after year T (10, or 10.5 on a whole month) or month T (127m),
                       write the run's whole state (ledger, agents, organisations, bonds,
                       every random stream, the series so far) to a snapshot file, and go
                       on to the end. One run only (no --replicates or --shard).
  --snapshot-out FILE  Where --snapshot-at writes (default: DIR/snapshot-month-<T>.json).
  --resume SNAPSHOT    Continue the run a snapshot holds to its scenario's end (the scenario
                       comes with the snapshot: no FILE). The outputs are those of the run
                       that never stopped, bit for bit. With --set, a what-if branch: only
                       policy parameters read afresh each month may change (e.g.
                       communes.excessRent, bonds.maxYield, firms.payoutRatio; the message
                       lists them all), and the branch draws the same random numbers.
  --check              Audit the ledger after every phase of every month (slower): any cent
                       created or lost stops the run with exit code 1.
  -q, --quiet          No progress bar and no summary table.
  -h, --help           This text.

Writes to DIR:
  series.csv | series.json   One row per replicate and sampled month (tidy):
                             replicate,seed,tick,year,<every reporter id>.
                             Sampled every recordEveryMonths and at the first and last month.
  summary.json               Provenance (scenario SHA-256, resolved scenario, seed, replicate
                             keys, program version, date, Node version, random generator,
                             maths implementation, command line), the reporters (id, label,
                             unit, description), each reporter's final value per replicate
                             and, with replicates, mean, sd and a 95% t-interval of the mean.
Prints the final values (mean ± sd across replicates) to stdout; a progress bar on stderr
when stderr is a terminal.

Exit codes: 0 done; 2 bad input (unreadable or special file, invalid scenario, bad flag,
unwritable --out: the message names the file:line:column, the field, the value as written
and what is allowed; at most 20 problems are listed, the rest counted); 1 internal error.
Numbers are read in decimal notation only (0x10 is text, not 16).

Examples:
  npm run sim -- scenarios/random-exchange.yaml
  npm run sim -- scenarios/yard-sale.yaml --seed 7 --years 50 --out runs/yard-sale-7
  npm run sim -- scenarios/yard-sale.yaml --set tax=0.02 --set agents=2000
  npm run sim -- scenarios/saving-propensity.yaml --replicates 30 --format json
  npm run sim -- scenarios/random-exchange.yaml --check --quiet
  npm run sim -- scenarios/mixed.yaml --snapshot-at 10 --snapshot-out mixed-y10.json
  npm run sim -- --resume mixed-y10.json --set communes.excessRent=dividend
`;
