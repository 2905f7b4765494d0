// The text of `npm run claims -- --help`.
import { MAX_REPLICATES, MAX_WORKERS } from './arguments.ts';
import { DEFAULT_CLAIM_REPLICATES, MIN_CLAIM_REPLICATES } from './claims-arguments.ts';

export const CLAIMS_USAGE = `Usage: npm run claims -- FILE [options]
       node --import tsx src/cli/claims-main.ts FILE [options]

Judges the manifesto's eight claims (MODEL.md 7) on an economy scenario. Runs the scenario
and every variant the chosen claims compare (communes off, cooperatives' endowment spread
0 / 0.5 / 1, merges on and off, half the capitalist wealth, members-only bonds), K replicates
each with the same keys r1..rK in every variant, so differences are paired (common random
numbers). Each test's effect is averaged over the replicates; a 95% bootstrap interval of
that mean gives the verdict: supported (the interval clears delta on the claimed side), not
supported (it lies on the other side or inside +-delta), or inconclusive. A claim holds when
all its tests do. A claim whose reporters or switches the scenario lacks is reported as not
measurable, with what it needs. Measurements are means over years 11 to the end (runs of ten
years or fewer: the second half). Prints the number of runs and a time estimate first.

Options:
  --replicates K       Replicates per scenario, ${MIN_CLAIM_REPLICATES} to ${MAX_REPLICATES.toLocaleString('en-US')} (default ${DEFAULT_CLAIM_REPLICATES}).
  --years N            Length of every run in years (shrinks the cost).
  --seed S             Seed (overrides the file's).
  --set PATH=VALUE     Override a scenario field in the base and every variant. Repeatable.
  --only 1,3           Judge only these claims (and run only their variants).
  --workers N          Worker threads, 0 to ${MAX_WORKERS} (default: min(runs, available cores));
                       0: the main thread.
  --out DIR            Output directory (default runs/<file-stem>-claims-seed<seed>-x<K>).
  -q, --quiet          Print nothing but errors.
  -h, --help           This text.

Writes to DIR:
  claims.json   Provenance (as summary.json), the window, every run's resolved scenario and
                overrides, and per claim: sentence, verdict, each test (direction, delta,
                effect per replicate, mean, 95% interval, verdict) and its measurements.
  claims.csv    One row per claim, test and replicate: the paired effect and the verdicts.

Exit codes: 0 done; 2 bad input (unreadable file, invalid scenario, bad flag); 1 internal error.

Examples:
  npm run claims -- scenarios/mixed.yaml
  npm run claims -- scenarios/mixed.yaml --replicates 10 --years 20 --only 1,6,7
  npm run claims -- scenarios/communes-only.yaml --set persons.count=2000 --years 15
`;
