// The fixed cost of operating an enterprise (Hopenhayn 1992's c_f; Melitz 2003's f): overhead
// paid every month the organisation produces, whatever its size, so an enterprise whose output
// does not cover it makes losses. One rule for every kind: it is owed by an organisation that
// sold output its own workers made this month (a firm's employees, a cooperative's members and
// hired workers); a commune lets its assets and its members sell their own output, so it sells
// nothing and owes nothing, as a landlord firm that hires nobody owes nothing.
import type { Organisation } from '../../model/economy/organisation-table.ts';

/** This month's fixed operating cost of `org`, in cents: `fixedCostCents` if it sold output, else 0. */
export function fixedCostDueCents(org: Organisation, fixedCostCents: number): number {
  return org.salesMonth > 0 ? fixedCostCents : 0;
}
