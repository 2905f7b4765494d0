// The text of `npm run claims -- --help`.
import { MAX_REPLICATES, MAX_WORKERS } from './arguments.ts';
import { DEFAULT_CLAIM_REPLICATES, MIN_CLAIM_REPLICATES } from './claims-arguments.ts';

export const CLAIMS_USAGE = `Usage: npm run claims -- FILE [options]
       node --import tsx src/cli/claims-main.ts FILE [options]

Judges the manifesto's eight claims (MODEL.md 7 and 7 (v3)) on an economy scenario. Runs the
scenario and every variant the chosen claims compare (communes off, cooperatives' endowment
spread 0 / 0.5 / 1, merges on and off, half the capitalist wealth, members-only bonds), K
replicates each with the same keys r1..rK in every variant, so differences are paired
(common random numbers). Each test is marked evidence, a check of the rules (true by
design, kept out of the verdict) or a repeat. Intervals are two-sided 95%: exact
Clopper-Pearson for binary tests, BCa bootstrap for means (Student t from 30 replicates);
p-values are one-sided and Holm-adjusted within a claim. Verdicts: supported, not supported,
inconclusive, too few runs (under 20 usable replicates) or not measurable (naming what the
scenario lacks). A claim holds when all its evidence does. A run that fails is reported
(scenario, replicate, message) and left out; the rest still give verdicts. Prints the number
of runs first, then a time estimate once the threads have warmed up, timed on their last
runs (their results are kept), renewed from the latest runs as they go (in the progress line, and a line at each quarter).

Options:
  --replicates K       Replicates per scenario, ${MIN_CLAIM_REPLICATES} to ${MAX_REPLICATES.toLocaleString('en-US')} (default ${DEFAULT_CLAIM_REPLICATES}).
  --years N            Length of every run in years (shrinks the cost).
  --seed S             Seed (overrides the file's).
  --set PATH=VALUE     Override a scenario field in the base and every variant. Repeatable.
  --only 1,3           Judge only these claims (and run only their variants).
  --robustness N       Also judge every claim under N parameter sets drawn by Latin hypercube
                       from the scenario's uncertainty: block (reproducible from its seed);
                       per claim: share of draws per verdict, robust (>= 80% agree) or
                       fragile, and the parameter that moves it most (first-order index).
  --workers N          Worker threads, 0 to ${MAX_WORKERS} (default: min(runs, available cores));
                       0: the main thread.
  --out DIR            Output directory (default runs/<file-stem>-claims-seed<seed>-x<K>).
  --format csv|parquet claims.csv (default) or claims.parquet (and robustness.*): the same
                       columns and types, provenance in the Parquet file's metadata.
  -q, --quiet          Print nothing but errors.
  -h, --help           This text.

Writes to DIR:
  claims.json   Provenance (as summary.json), the window, every run's resolved scenario and
                overrides, and per claim: sentence, verdict, each test (direction, delta,
                effect per replicate, mean, 95% interval, verdict) and its measurements.
  claims.csv    One row per claim, test and replicate: the paired effect and the verdicts.
  robustness.json, robustness.csv   With --robustness: every draw (coordinates, values,
                each claim's verdict and each test's mean), and per claim the shares,
                label and first-order sensitivity indices; the CSV one row per draw and claim.

Exit codes: 0 done; 2 bad input (unreadable file, invalid scenario, bad flag); 1 internal error.

Examples:
  npm run claims -- scenarios/mixed.yaml
  npm run claims -- scenarios/mixed.yaml --replicates 20 --years 20 --only 1,6,7
  npm run claims -- scenarios/mixed.yaml --replicates 20 --years 30 --robustness 8 --set persons.count=2000
  npm run claims -- scenarios/communes-only.yaml --set persons.count=2000 --years 15
`;
