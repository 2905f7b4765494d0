// MODEL.md 10.2-10.3 outputs: the aggregate cycle's yearly factor, and bond defaults and losses
// by issuer kind (cumulative, and as yearly rates on the exposure at the year's start), so a
// researcher can check default clustering and the savers' pricing against realised losses.
import type { ScalarReporter } from '../reporters.ts';
import { CENTS_PER_UNIT, type EconomyState } from './economy-state.ts';
import { ORG_KIND_NAMES } from './organisation-table.ts';

type R = ScalarReporter<EconomyState>;

const scalar = (id: string, label: string, unit: string, description: string, sample: (s: EconomyState) => number): R =>
  ({ id, label, unit, description, sample });

function byKind(kind: number): R[] {
  const name = ORG_KIND_NAMES[kind]!;
  return [
    scalar(`bonds.${name}.defaults`, `Series defaulted (${name}s)`, 'series',
      `bond series issued by ${name}s that defaulted (asset liquidated or scrapped with principal owing) since the start`,
      (s) => s.finance.defaultsTotal[kind]!),
    scalar(`bonds.${name}.losses`, `Bond losses (${name}s)`, 'money units',
      `bondholders' shortfall on series issued by ${name}s since the start`,
      (s) => s.finance.lossTotalCents[kind]! / CENTS_PER_UNIT),
    scalar(`bonds.${name}.defaultRate`, `Default rate (${name}s)`, 'share per year',
      `series of ${name}s that defaulted over the last full year / series of ${name}s at risk in it (active at its start or issued in it; NaN with none)`,
      (s) => s.finance.lastYearActiveSeries[kind]! > 0 ? s.finance.lastYearDefaults[kind]! / s.finance.lastYearActiveSeries[kind]! : Number.NaN),
    scalar(`bonds.${name}.lossRate`, `Annual loss rate (${name}s)`, 'share per year',
      `bond losses on ${name}s' series over the last full year / their principal outstanding at its start (NaN with none)`,
      (s) => s.finance.lastYearOutstanding[kind]! > 0 ? s.finance.lastYearLossCents[kind]! / s.finance.lastYearOutstanding[kind]! : Number.NaN),
  ];
}

export function financeReporters(): R[] {
  return [
    scalar('cycle.factor', 'Cycle factor', 'multiple of the base goods price',
      'mean over the last full year of the economy-wide AR(1) factor on the goods price (1: trend; NaN before the first year end)',
      (s) => s.finance.lastYearCycleFactor),
    scalar('bonds.marketReturn', 'Trailing risk-adjusted bond yield', 'per year',
      'the return lending elsewhere offered savers: yield asked by the winners of cleared series net of the expected loss priced in, face-weighted by year and smoothed over years (NaN before the first)',
      (s) => s.finance.marketReturn),
    scalar('bonds.yield', 'Mean clearing yield (all issuers)', 'per year',
      'face-weighted mean yield of the series of every issuer kind sold over the last full year (NaN: none sold)',
      (s) => s.finance.lastYearClearingYield),
    ...ORG_KIND_NAMES.flatMap((_, kind) => byKind(kind)),
  ];
}
