// MODEL.md 10.2, how a saver prices a bond: ask = opportunity return + expected loss of that
// issuer + noise. Pure functions of the figures a saver can see, so a test can stage them.
//
// Expected loss is a two-level credibility estimate (Bühlmann 1967; Bühlmann & Gisler 2005,
// ch. 6, hierarchical credibility): a prior for issuers of a kind with little history, moved
// toward the kind's observed annual loss rate by Z = n / (n + k) with n its series-years at
// risk, then from that toward the issuer's own observed rate by the issuer's own Z; plus a
// leverage term rising with debt over the book value of the collateral.

/** Credibility factor Z = n / (n + k): 0 with no exposure, toward 1 as exposure grows. */
export function credibilityWeight(exposure: number, k: number): number {
  if (!(exposure >= 0)) return 0;
  // n / (n + k) is 0 at n = 0 too: the one division from the first call on, so that code V8
  // compiled before any issuer had a record meets neither an untried branch nor a fractional
  // Z where it had seen only a whole 0 (two deopts of buyWithBonds a run).
  return k > 0 ? exposure / (exposure + k) : exposure > 0 ? 1 : 0;
}

export interface LossHistory {
  /** Prior annual loss rate for a kind with no history (`bonds.newIssuerPremium`). */
  readonly prior: number;
  /** Bühlmann's k: the series-years of history that get half the weight (`bonds.credibilityYears`). */
  readonly k: number;
  /** The issuer kind's series-years at risk, and its losses over the cents-years at risk. */
  readonly kindExposure: number;
  readonly kindLossRate: number;
  /** The same for the issuer itself. */
  readonly issuerExposure: number;
  readonly issuerLossRate: number;
}

/** The credibility-weighted annual loss rate of an issuer: prior -> its kind -> itself. */
export function credibleLossRate(h: LossHistory): number {
  const zKind = credibilityWeight(h.kindExposure, h.k);
  const kindRate = zKind * h.kindLossRate + (1 - zKind) * h.prior;
  const zIssuer = credibilityWeight(h.issuerExposure, h.k);
  return zIssuer * h.issuerLossRate + (1 - zIssuer) * kindRate;
}

/** Leverage above which the term stops rising (debt three times its collateral's book value). */
export const LEVERAGE_CAP = 3;

/**
 * The leverage term: `premium` x debt / collateral (per year; `premium` at debt equal to the
 * collateral's book value), capped at LEVERAGE_CAP times `premium`; no debt, no term.
 */
export function leverageTerm(debtCents: number, collateralCents: number, premium: number): number {
  if (!(debtCents > 0) || premium <= 0) return 0;
  const leverage = collateralCents > 0 ? Math.min(LEVERAGE_CAP, debtCents / collateralCents) : LEVERAGE_CAP;
  return premium * leverage;
}

/**
 * A saver's opportunity return: the larger of `baseYield`, the market's trailing realised
 * return on bonds (NaN before there is one) and the saver's own trailing payout on the firm
 * equity it holds (0 for a saver holding none).
 */
export function opportunityReturn(baseYield: number, marketReturn: number, equityReturn: number): number {
  let r = baseYield;
  if (marketReturn > r) r = marketReturn;
  if (equityReturn > r) r = equityReturn;
  return r;
}

/** A saver's ask: opportunity return + the issuer's expected loss + noise. */
export function askYield(opportunity: number, expectedLoss: number, noise: number): number {
  // Never below 0: cash held pays 0, so no saver lends at a loss. Noise wider than the yield
  // (askNoise 1 at baseYield 1e-139, engine fuzz) cleared series at negative yields, whose
  // "interest" ran from holder to issuer and broke the ledger.
  return Math.max(0, opportunity + expectedLoss + noise);
}
