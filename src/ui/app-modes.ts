// The page's modes: one run (the simulator), or an experiment over many runs. A mode is an
// entry here and a case in CommonsApp.renderMode; the address carries it as `?mode=<id>`
// (`single` is the default and leaves the address alone).
export interface AppMode {
  readonly id: string;
  readonly label: string;
  /** One line under the switch saying what the mode shows. */
  readonly hint: string;
}

export const APP_MODES: readonly AppMode[] = [
  { id: 'single', label: 'Single run', hint: 'One run of the scenario, played month by month.' },
  { id: 'replicates', label: 'Replicates', hint: 'N runs of the scenario on the CLI\'s replicate keys: every series as its mean and 95% band.' },
  { id: 'compare', label: 'Compare', hint: 'Two to four scenarios on the same random numbers, on shared axes, with each one\'s difference from the first.' },
  { id: 'claims', label: 'Claims', hint: 'The manifesto\'s claims judged on the scenario, as npm run claims judges them: each test\'s effect, interval and verdict.' },
  { id: 'whatif', label: 'What if', hint: 'Run to a month, change a policy there, and continue the original and the branch on the same random numbers.' },
];

export type AppModeId = string;

/**
 * Address parameters each mode's view writes (besides `mode`), so a share link reopens it:
 * replicates and population, the compared scenarios, the claims panel's years and robustness
 * draws, the what-if's branch month, changes and replicate key. Switching modes drops the
 * others, so a link never carries another mode's settings.
 */
export const MODE_PARAMETERS: Readonly<Record<string, readonly string[]>> = {
  single: [],
  replicates: ['n', 'persons'],
  compare: ['n', 'persons', 'compare'],
  claims: ['n', 'persons', 'years', 'draws'],
  whatif: ['persons', 'at', 'set', 'key'],
};

/** Every parameter some mode writes. */
export const ALL_MODE_PARAMETERS: readonly string[] = [...new Set(Object.values(MODE_PARAMETERS).flat())];

/** The mode the address asks for, or single run when it names none or an unknown one. */
export function modeFromParams(params: URLSearchParams): AppModeId {
  const asked = params.get('mode');
  return APP_MODES.some((m) => m.id === asked) ? asked! : 'single';
}
