// What to watch for in each chart, in a sentence a class can read from the back row. The
// reference models' published results (MODEL.md section 8) say what each one should show.
interface Story {
  readonly agents?: string;
  readonly inequality?: string;
  readonly histogram?: string;
  readonly lorenz?: string;
}

const STORIES: Record<string, Story> = {
  'random-exchange': {
    agents: 'Every dot is one person, and all start with the same money. Coin flips alone spread them apart: follow the coloured agents.',
    inequality: 'Everyone starts equal. Watch the Gini rise toward 0.5: random exchange alone creates inequality.',
    histogram: 'The single spike of equal wealth spreads into an exponential: many with little, a few with a lot.',
    lorenz: 'The dashed diagonal is perfect equality. Watch the curve sag below it as the Gini heads for 0.5.',
  },
  'saving-propensity': {
    agents: 'Each agent keeps part of its money out of every trade. Watch the dots spread less than in pure random exchange.',
    inequality: 'Saving narrows the spread: the Gini settles well below the 0.5 of random exchange.',
    histogram: 'Few agents end up with almost nothing: the distribution is a hump (a gamma shape), not an exponential.',
    lorenz: 'The curve stays closer to the diagonal than in random exchange: saving protects the poor.',
  },
  'yard-sale': {
    agents: 'A fair coin, yet the richest dot keeps climbing while the rest sink toward zero.',
    inequality: 'Every bet is fair, yet the Gini keeps rising toward 1: wealth condenses into fewer and fewer hands.',
    histogram: 'Watch the orange bar: more and more agents are left with almost nothing.',
    lorenz: 'The curve hugs the bottom axis and shoots up at the end: a few hold nearly everything.',
  },
  'mesa-boltzmann': {
    agents: 'Each agent with money gives one unit to a random other each month: Mesa\'s tutorial model.',
    inequality: 'Giving at random still produces inequality: watch the Gini climb and level off.',
    histogram: 'Many agents end with nothing at all (the orange bar), a few with several units.',
    lorenz: 'The curve leaves the diagonal quickly: a large share of agents holds nothing.',
  },
  economy: {
    agents: 'Every dot is a person (a fixed sample of a large economy), poorest to richest, coloured by how it makes a living now; the legend counts everyone.',
    inequality: 'A few capitalists start with most of the wealth. Watch whether the Gini falls as communes acquire assets and members.',
    histogram: 'Most persons hold a modest amount; the capitalists sit far to the right. Watch the gap between the two humps.',
    lorenz: 'The curve shoots up at the right end while a few hold most of the wealth; watch it move toward the diagonal, or away.',
  },
};

const TAXED_YARD_SALE: Story = {
  inequality: 'The same fair bets, but a small tax shared equally: the Gini stops rising and holds at a plateau.',
  agents: 'The tax pulls the poorest dots back up each month, so nobody sinks to zero.',
};

const GENERIC: Record<string, string> = {
  agents: 'Every dot is one agent, ordered from poorest to richest.',
  inequality: 'The Gini (0 = equal, 1 = one holds all) and the shares of the richest 10% and 1%.',
  histogram: 'How many agents hold how much; the x axis is logarithmic.',
  lorenz: 'Share of all wealth held by the poorest x% of agents; the diagonal is perfect equality.',
  kinds: 'Three ways to organise work side by side in this model, and how many of each the run has now.',
  'org-map': 'Each circle is an organisation in its kind\'s row, oldest first, keeping its place as the run goes; its area is its members or employees now. Rings are organisations absorbed by another, linked to the one that absorbed them.',
  property: 'How concentrated the ownership of productive property is.',
  organisations: 'How many communes, firms and cooperatives exist (a kind the run has never had is left out); dashed marks are merges and takeovers.',
  merges: 'Each founding, failure, merge or takeover: when it happened and how large the organisations were.',
  'org-sizes': 'How many communes, firms and cooperatives there are of each size now: members and probationers, employees, or members and hired workers. Each step to the right is about five times larger.',
  survival: 'Of all organisations founded, the share still going at each age. Solid lines: not failed (one merged or taken over leaves the count without failing); dashed: still independent, neither failed nor merged or taken over. Ticks mark organisations still alive, or absorbed, at that age. Choose a kind to compare small and large ones.',
  'commune-finance': 'The share of commune assets owned outright beside its ceiling, the share of rent paid out as interest to non-members, and the dividend per member.',
  'commune-bonds': 'Bonds outstanding and lost, the share of acquisition requests that cleared, and the yield they cleared at.',
  groups: 'Mean net worth of each group: capitalists, commune members and producers, the self-employed, employees, co-op members (groups of a kind the run has never had are left out).',
  work: 'How persons make their living (producing on commune assets, self-employed, employed, co-op member, idle), in the colours of the agents\' picture; and the share of months in hardship.',
  'rent-dividend': 'Rent paid minus dividend received, by decile of use: the light users should receive more than they pay.',
};

export function captionFor(chartId: string, kind: string, scenario: Readonly<Record<string, unknown>>): string {
  const taxed = kind === 'yard-sale' && typeof scenario.tax === 'number' && scenario.tax > 0;
  const story = (taxed ? { ...STORIES[kind], ...TAXED_YARD_SALE } : STORIES[kind]) as Record<string, string> | undefined;
  return story?.[chartId] ?? GENERIC[chartId] ?? '';
}
