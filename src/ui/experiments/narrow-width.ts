// The layout width (viewBox units) of the experiment and what-if charts when shown narrower than
// NARROW_BELOW_PX. Not the single run's 400: these charts' legends name long series ("Top 10%
// share of beneficial ownership of productive assets"), which 400 units shrank to 9 px beside
// 17 px ticks (screenshots at 1280x720); 520 draws ticks at about 13 px and such a label at 10.
export const EXPERIMENT_NARROW_WIDTH = 520;
