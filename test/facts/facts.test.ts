// The stylised facts (MODEL.md 10) computed from hand-built runs: what each fact reads, and
// when it holds.
import { describe, expect, it } from 'vitest';
import {
  coopFirmSubjects, coopFirmSurvivalFacts, firmSizeFact, firmSizesAtEnd, meetsTarget, wealthConcentrationFacts, type FactRun,
} from '../../src/model/facts.ts';
import { EXIT_ABSORBED, EXIT_FAILED, EXIT_NONE, ORG_COMMUNE, ORG_COOPERATIVE, ORG_FIRM } from '../../src/model/economy/organisation-table.ts';
import type { OrganisationLifetimes } from '../../src/model/economy/organisation-survival.ts';
import { RandomStream } from '../../src/model/random.ts';

/** `oneYear`: its size at its first anniversary (employees, members and hired), -1 when not recorded (the default: ended before, or still under a year old). */
interface Org { kind: number; founded: number; ended?: number; exit?: number; size?: number; oneYear?: number }

function lives(tick: number, orgs: readonly Org[]): OrganisationLifetimes {
  return {
    tick,
    kind: Uint8Array.from(orgs, (o) => o.kind),
    line: new Uint8Array(orgs.length),
    foundedTick: Int32Array.from(orgs, (o) => o.founded),
    endedTick: Int32Array.from(orgs, (o) => o.ended ?? -1),
    exit: Uint8Array.from(orgs, (o) => o.exit ?? EXIT_NONE),
    sizeAtOneYear: Int32Array.from(orgs, (o) => o.oneYear ?? -1),
    sizeAtEnd: Int32Array.from(orgs, (o) => o.size ?? 0),
  };
}

function run(label: string, top10ByYear: readonly number[], orgs: readonly Org[] = []): FactRun {
  const ticks = Float64Array.from(top10ByYear, (_, y) => y * 12);
  const top10 = Float64Array.from(top10ByYear);
  return {
    label, ticks, organisations: lives(ticks[ticks.length - 1]!, orgs),
    column: (id) => {
      if (id !== 'wealth.top10') throw new Error(`no series ${id}`);
      return top10;
    },
  };
}

describe('the targets', () => {
  it('include closed bounds and exclude strict ones', () => {
    expect(meetsTarget({ text: '>= 0.5', min: 0.5 }, 0.5)).toBe(true);
    expect(meetsTarget({ text: '> 0', min: 0, strict: true }, 0)).toBe(false);
    expect(meetsTarget({ text: '0.8 to 1.4', min: 0.8, max: 1.4 }, 1.41)).toBe(false);
    expect(meetsTarget({ text: '>= 0.5', min: 0.5 }, null)).toBe(false);
  });
});

describe('wealth concentration in capitalist-only', () => {
  const rising = (end: number) => Array.from({ length: 21 }, (_, y) => end - 0.01 * (20 - y));
  it('reads the top 10% share at the last year and its change over the last ten', () => {
    const [level, settled] = wealthConcentrationFacts([run('r1', rising(0.6)), run('r2', rising(0.62))], 20);
    expect(level!.estimate).toBeCloseTo(0.61, 12);
    expect(level!.pass).toBe(true);
    // Rising by 0.01 a year: 0.1 over the last ten years, far from settled.
    expect(settled!.estimate).toBeCloseTo(0.1, 12);
    expect(settled!.pass).toBe(false);
    expect(level!.perReplicate).toEqual({ r1: 0.6, r2: 0.62 });
  });

  it('passes a flat path above one half, and fails one below', () => {
    const flat = (v: number) => Array.from({ length: 21 }, () => v);
    const [level, settled] = wealthConcentrationFacts([run('r1', flat(0.55)), run('r2', flat(0.57))], 20);
    expect([level!.pass, settled!.pass]).toEqual([true, true]);
    const [low] = wealthConcentrationFacts([run('r1', flat(0.3)), run('r2', flat(0.32))], 20);
    expect(low!.pass).toBe(false);
  });
});

describe('firm sizes', () => {
  it('counts only firms alive at the end with at least one employee', () => {
    const l = lives(600, [
      { kind: ORG_FIRM, founded: 0, size: 4 },
      { kind: ORG_FIRM, founded: 0, size: 0 },
      { kind: ORG_FIRM, founded: 0, ended: 100, exit: EXIT_FAILED, size: 9 },
      { kind: ORG_COOPERATIVE, founded: 0, size: 7 },
      { kind: ORG_FIRM, founded: 12, size: 1 },
    ]);
    expect(firmSizesAtEnd(l)).toEqual([4, 1]);
  });

  it('passes sizes drawn with Zipf\'s exponent and fails sizes that are all alike', () => {
    const stream = new RandomStream('facts-test', 'zipf');
    // Continuous Pareto with tail exponent 1.05, rounded down: P(S >= s) ~ s^-1.05 for large s.
    const zipf = Array.from({ length: 3000 }, () => ({ kind: ORG_FIRM, founded: 0, size: Math.floor((1 - stream.double()) ** (-1 / 1.05)) }));
    const fact = firmSizeFact([run('r1', [0.5], zipf)], 100_000);
    expect(fact.estimate!).toBeGreaterThan(0.9);
    expect(fact.estimate!).toBeLessThan(1.2);
    expect(fact.pass).toBe(true);
    // An oligopoly: every firm between 40 and 44 employees has no heavy tail.
    const alike = Array.from({ length: 300 }, (_, i) => ({ kind: ORG_FIRM, founded: 0, size: 40 + (i % 5) }));
    expect(firmSizeFact([run('r1', [0.5], alike)], 100_000).pass).toBe(false);
  });
});

describe('co-operatives and firms in mixed', () => {
  it('treats dissolution as the event and absorption as censoring, among organisations that were employers at one year', () => {
    const r = run('r1', [0.5], [
      { kind: ORG_FIRM, founded: 0, ended: 24, exit: EXIT_FAILED, oneYear: 3 },
      { kind: ORG_FIRM, founded: 0, ended: 36, exit: EXIT_ABSORBED, oneYear: 1 },
      { kind: ORG_COOPERATIVE, founded: 12, oneYear: 3 },
      { kind: ORG_COMMUNE, founded: 0, ended: 12, exit: EXIT_FAILED },
      // Never an employer: wound up empty at one year, bought empty at one year, alive without anyone at one year.
      { kind: ORG_FIRM, founded: 0, ended: 12, exit: EXIT_FAILED },
      { kind: ORG_FIRM, founded: 0, ended: 12, exit: EXIT_ABSORBED },
      { kind: ORG_FIRM, founded: 0, oneYear: 0 },
    ]);
    expect(coopFirmSubjects([r])).toEqual([
      { duration: 2, event: true, group: 0, stratum: 0 },
      { duration: 3, event: false, group: 0, stratum: 0 },
      { duration: 0, event: false, group: 1, stratum: 0 },
    ].map((s, i) => (i === 2 ? { ...s, duration: (r.organisations.tick - 12) / 12 } : s)));
    expect(coopFirmSubjects([r], true)[1]!.event).toBe(true);
    // Every organisation founded: the shells count, the empty one wound up as a dissolution.
    const every = coopFirmSubjects([r], false, false);
    expect(every).toHaveLength(6);
    expect(every.filter((s) => s.event)).toHaveLength(2);
  });

  it('passes when co-ops fail at 0.7 times the firms\' hazard, and fails when they fail faster', () => {
    const stream = new RandomStream('facts-test', 'hazard');
    const orgs = (kind: number, hazard: number) => Array.from({ length: 600 }, () => {
      const life = Math.ceil(-Math.log(1 - stream.double()) / hazard * 12);
      // Employers from the start, so those alive at one year are in the sample.
      const oneYear = life > 12 ? 1 : -1;
      return life < 600 ? { kind, founded: 0, ended: life, exit: EXIT_FAILED, oneYear } : { kind, founded: 0, oneYear };
    });
    const good = coopFirmSurvivalFacts([run('r1', [0.5], [...orgs(ORG_COOPERATIVE, 0.07), ...orgs(ORG_FIRM, 0.1)])]);
    expect(good[0]!.estimate!).toBeGreaterThan(0.55);
    expect(good[0]!.estimate!).toBeLessThan(0.9);
    expect(good.map((f) => f.pass)).toEqual([true, true]);
    const bad = coopFirmSurvivalFacts([run('r1', [0.5], [...orgs(ORG_COOPERATIVE, 0.15), ...orgs(ORG_FIRM, 0.1)])]);
    expect(bad.map((f) => f.pass)).toEqual([false, false]);
  });
});
