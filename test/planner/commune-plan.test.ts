import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { headlineOf, median, type CommunePlanMembers, type CommunePlanSeries } from '../../src/model/economy/commune-plan.ts';
import { runJob } from '../../src/worker/ensemble-job.ts';

const series = (rows: [issued: number, face: number, closed: number, outcome: number][]): CommunePlanSeries => ({
  issuedMonth: Int32Array.from(rows, (r) => r[0]), face: Float64Array.from(rows, (r) => r[1]),
  closedMonth: Int32Array.from(rows, (r) => r[2]), outcome: Uint8Array.from(rows, (r) => r[3]),
});
const members = (net: number[], income: number[]): CommunePlanMembers => ({
  netMonthly: Float64Array.from(net), relativeUse: new Float64Array(net.length).fill(1), incomeMonthly: Float64Array.from(income),
});

describe('the planner headline', () => {
  it('dates debt-free by the last founding-year series to close, ignoring later issues', () => {
    const h = headlineOf(series([[0, 100, 60, 1], [11, 100, 90, 1], [12, 100, -1, 0]]), members([1], [1]), 0);
    expect(h.yearsToFoundingDebtFree).toBe(7.5);
  });

  it('gives no date while a founding series is still open', () => {
    const h = headlineOf(series([[0, 100, 60, 1], [3, 100, -1, 0]]), members([1], [1]), 0);
    expect(h.yearsToFoundingDebtFree).toBeNaN();
  });

  it('counts redeemed face among closed series only, and members above the self-employed median', () => {
    const h = headlineOf(series([[0, 300, 60, 1], [0, 100, 30, 2], [0, 500, -1, 0]]), members([-5, 1, 3, 10], [50, 120, 90, 200]), 100);
    expect(h.redeemedShare).toBe(0.75);
    expect(h.medianMemberNet).toBe(2);
    expect(h.shareBetterThanSelfEmployed).toBe(0.5);
  });

  it('takes the median of an odd count as its middle value', () => {
    expect(median(Float64Array.from([9, -1, 4]))).toBe(4);
    expect(median(new Float64Array(0))).toBeNaN();
  });
});

describe('the planner figures of a run', () => {
  const text = readFileSync(new URL('../../scenarios/commune-planner.yaml', import.meta.url), 'utf8');
  const result = runJob({ text, overrides: { years: 12 }, measure: 'plan' });

  it('splits outstanding by issue year so that the years add up to the total every month', () => {
    if (!result.ok || result.measure !== 'plan') throw new Error(result.ok ? 'wrong measure' : result.message);
    const { monthly, months, years } = result.plan;
    expect(monthly.outstandingTotal.length).toBe(months + 1);
    let positive = 0;
    for (let m = 0; m <= months; m++) {
      let sum = 0;
      for (let y = 0; y < years; y++) sum += monthly.outstandingByIssueYear[y * (months + 1) + m]!;
      expect(sum).toBeCloseTo(monthly.outstandingTotal[m]!, 4);
      if (monthly.outstandingTotal[m]! > 0) positive++;
    }
    expect(positive).toBeGreaterThan(0);
  });

  it('closes a series no earlier than it was issued, and counts only losses of defaulted series', () => {
    if (!result.ok || result.measure !== 'plan') throw new Error('no plan');
    const { series, monthly, months } = result.plan;
    let defaulted = 0;
    for (let k = 0; k < series.face.length; k++) {
      if (series.closedMonth[k]! >= 0) expect(series.closedMonth[k]).toBeGreaterThanOrEqual(series.issuedMonth[k]!);
      if (series.outcome[k] === 2) defaulted++;
    }
    expect(monthly.defaultedSeries[months]).toBe(defaulted);
  });

  it('refuses a scenario that is not an economy with a message', () => {
    const kinetic = readFileSync(new URL('../../scenarios/yard-sale.yaml', import.meta.url), 'utf8');
    const r = runJob({ text: kinetic, measure: 'plan' });
    expect(r.ok).toBe(false);
  });
});
