// MODEL.md 10.1, the housing market as a researcher checks it: homes by owner kind, how many
// are occupied, the mean rent, home rent as a share of the receiving kind's income, and the
// share of workers housed. Sampled like every reporter (yearly by default).
import type { ScalarReporter } from '../reporters.ts';
import { CENTS_PER_UNIT, type EconomyState } from './economy-state.ts';
import { ORG_KIND_NAMES } from './organisation-table.ts';
import type { PersonTable } from './person-table.ts';
import { HOME_RENT_BY_KIND, kindIncomeCents } from './housing-accounts.ts';
import { assetCensus } from './asset-census.ts';

type R = ScalarReporter<EconomyState>;

export function housingReporters(): R[] {
  const r = (id: string, label: string, unit: string, description: string, sample: (s: EconomyState) => number): R =>
    ({ id, label, unit, description, sample });
  return [
    r('housing.homes', 'Homes', 'homes', 'homes in service, whoever owns them', (s) => assetCensus(s).homes),
    ...ORG_KIND_NAMES.map((kind, k) => r(`housing.homes.${kind}`, `Homes owned by ${kind}s`, 'homes', `homes in service owned by ${kind}s`, (s) => assetCensus(s).homesByKind[k]!)),
    r('housing.occupancy', 'Home occupancy', 'share 0-1', 'occupied homes over homes in service', (s) => {
      const c = assetCensus(s);
      return c.homes > 0 ? c.occupiedHomes / c.homes : Number.NaN;
    }),
    r('housing.meanRent', 'Mean home rent', 'money units per month', 'mean monthly rent in the rental agreements of occupied homes', (s) => {
      const c = assetCensus(s);
      return c.occupiedHomes > 0 ? c.occupiedRentCents / c.occupiedHomes / CENTS_PER_UNIT : Number.NaN;
    }),
    r('housing.housedShare', 'Workers housed', 'share 0-1', 'share of workers (persons who are not capitalists) renting a home', (s) => {
      const workers = countWorkers(s.persons);
      return workers > 0 ? countHousedWorkers(s.persons) / workers : Number.NaN;
    }),
    ...ORG_KIND_NAMES.map((kind, k) => r(`housing.rentShareOfIncome.${kind}`, `Home rent share of ${kind} income`, 'share 0-1',
      `home rent received by ${kind}s over their income (sales, rent and interest received), last full year`, (s) => {
        const income = kindIncomeCents(s.housingLastYear, k);
        return income > 0 ? s.housingLastYear[HOME_RENT_BY_KIND + k]! / income : Number.NaN;
      })),
  ];
}

// The two counts are functions of their own, each ending with its loop: V8 compiled the
// reporter's loop on stack at the first sample, where the share was still a whole number,
// and kept that code when the share's division deoptimised after the loop, at every later
// sample (26 times in a mixed 10,000 x 50 y run).
function countWorkers(persons: PersonTable): number {
  let workers = 0;
  for (let p = 0; p < persons.count; p++) if (!persons.isCapitalist[p]) workers++;
  return workers;
}

function countHousedWorkers(persons: PersonTable): number {
  const { isCapitalist, home, count } = persons;
  let housed = 0;
  // 0 or 1 added for every person: the first housed worker may come after V8 has optimised
  // this walk on the first yearly samples, and a count in a branch of its own had no type
  // feedback there (V8 threw the code away).
  for (let p = 0; p < count; p++) housed += isCapitalist[p] === 0 && home[p]! >= 0 ? 1 : 0;
  return housed;
}
