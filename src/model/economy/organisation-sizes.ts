// MODEL.md 6, "Organisations: ... size distribution": at each sample, per kind, the median,
// 90th percentile and largest size, and a count of organisations in each size class. Size is
// `organisationSize` (commune members and probationers, firm employees, cooperative members
// and hired workers). The same classes group organisations by their size at one year for the
// survival curves.
import type { ScalarReporter } from '../reporters.ts';
import { median, quantile } from '../inequality.ts';
import type { EconomyState } from './economy-state.ts';
import { ORG_COMMUNE, ORG_COOPERATIVE, ORG_FIRM, organisationSize } from './organisation-table.ts';
import { perSample } from './sample-memo.ts';
import { SIZE_CLASSES, sizeClassOf } from './size-classes.ts';

type R = ScalarReporter<EconomyState>;

/** The kinds as reporter prefixes (and plural nouns), in ORG_* order. */
export const KIND_PREFIXES = ['communes', 'firms', 'cooperatives'] as const;
/** What an organisation's size counts, per kind in ORG_* order. */
export const SIZE_MEANING = [
  'members and probationers', 'employees', 'members and hired workers',
] as const;

/** The reporters counting the organisations of a kind (its prefix) in each size class, in class order. */
export function sizeClassReporterIds(prefix: string): string[] {
  return SIZE_CLASSES.map((c) => `${prefix}.sizes.${c.id}`);
}

/** Sizes of the live organisations of each kind, sorted ascending. */
export function organisationSizes(s: EconomyState): Float64Array[] {
  const lists: number[][] = [[], [], []];
  for (const org of s.orgs.all) if (org.alive) lists[org.kind]!.push(organisationSize(org));
  // A literal, not lists.map: see sizesNow.
  return [Float64Array.from(lists[0]!).sort(), Float64Array.from(lists[1]!).sort(), Float64Array.from(lists[2]!).sort()];
}

/** Counts of organisations per size class, from sorted sizes. */
export function sizeClassCounts(sorted: Float64Array): Float64Array {
  const counts = new Float64Array(SIZE_CLASSES.length);
  for (let i = 0; i < sorted.length; i++) counts[sizeClassOf(sorted[i]!)]!++;
  return counts;
}

// An array literal, not Array.prototype.map: TurboFan's inlined map makes a holey array where the
// builtin made a packed one, so the reporters' closures, optimised on one, deoptimised on "wrong
// map" at the other (a worker's sixth run) and were compiled again.
const sizesNow = perSample((s) => {
  const sorted = organisationSizes(s);
  return [sizesOfKind(sorted[0]!), sizesOfKind(sorted[1]!), sizesOfKind(sorted[2]!)];
});
function sizesOfKind(sorted: Float64Array): { sorted: Float64Array; counts: Float64Array } {
  return { sorted, counts: sizeClassCounts(sorted) };
}

export function organisationSizeReporters(): R[] {
  const out: R[] = [];
  for (const kind of [ORG_COMMUNE, ORG_FIRM, ORG_COOPERATIVE]) {
    const prefix = KIND_PREFIXES[kind]!;
    const plural = KIND_PREFIXES[kind]!;
    const meaning = SIZE_MEANING[kind]!;
    const sizes = (s: EconomyState) => sizesNow(s)[kind]!.sorted;
    const r = (id: string, label: string, unit: string, description: string, sample: (s: EconomyState) => number): R =>
      ({ id: `${prefix}.${id}`, label, unit, description, sample });
    out.push(
      r('size.median', `Median size of ${plural}`, 'persons', `median size of the ${plural} alive (${meaning})`, (s) => median(sizes(s))),
      r('size.p90', `90th percentile size of ${plural}`, 'persons', `size that 90% of the ${plural} alive do not exceed (${meaning})`, (s) => quantile(sizes(s), 0.9)),
      r('size.max', `Largest of the ${plural}`, 'persons', `size of the largest of the ${plural} alive (${meaning}; 0 when none)`, (s) => {
        const v = sizes(s);
        return v.length > 0 ? v[v.length - 1]! : 0;
      }),
    );
    const classIds = sizeClassReporterIds(prefix);
    SIZE_CLASSES.forEach((c, k) => {
      out.push({
        id: classIds[k]!, label: `${plural[0]!.toUpperCase()}${plural.slice(1)} of size ${c.label}`, unit: plural,
        description: `number of ${plural} alive with ${c.label} ${meaning}`, sample: (s) => sizesNow(s)[kind]!.counts[k]!,
      });
    });
  }
  return out;
}
