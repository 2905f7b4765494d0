// MODEL.md 5, who the enterprises pay this month: their hired employees (wages) and the
// cooperatives' members (distributions), each listed in person order by one walk over persons,
// which nothing between the wages and the distributions changes.
import { grown } from '../../model/grown.ts';
import { MODE_EMPLOYEE, type PersonTable } from '../../model/economy/person-table.ts';

export interface Workforce {
  /** Persons employed by a firm or a cooperative (mode employee), the first `employeeCount`. */
  employees: Int32Array;
  employeeCount: number;
  /** Members of a cooperative, the first `memberCount`. */
  members: Int32Array;
  memberCount: number;
}

const workforce: Workforce = { employees: new Int32Array(64), employeeCount: 0, members: new Int32Array(64), memberCount: 0 };

/** Lists the month's workforce (into scratch, reused month to month). */
export function listWorkforce(persons: PersonTable): Workforce {
  const n = persons.count;
  // One slot past the last person: each person is written at its list's end and counted only
  // if it belongs there, with no branch to mispredict (employment and membership follow no
  // pattern in id order).
  const employees = workforce.employees = grown(workforce.employees, n + 1);
  const members = workforce.members = grown(workforce.members, n + 1);
  workforce.employeeCount = walkWorkforce(persons.employer, persons.mode, persons.coopOf, employees, members, n);
  workforce.memberCount = membersListed;
  return workforce;
}

/** The members walkWorkforce listed (a module variable: its store after the loop needs no type feedback). */
let membersListed = 0;

/**
 * The walk, in a function of its own ending with its loop; returns the employees listed and
 * leaves the members listed in `membersListed`. Chromium compiled it on stack in a month's walk
 * and kept that code, which gave up at the first store after the loop (the counts into the
 * record, never run before) at every later month: 104 deoptimisations in a mixed 10,000 x 50 y
 * run. A module variable's store and the return need no type feedback.
 */
function walkWorkforce(employer: Int32Array, mode: Uint8Array, coopOf: Int32Array, employees: Int32Array, members: Int32Array, n: number): number {
  const EMPLOYEE = MODE_EMPLOYEE;
  let employed = 0;
  let joined = 0;
  for (let p = 0; p < n; p++) {
    employees[employed] = p;
    // 1 when employer >= 0 (its complement is negative) and the mode is employee (m ^ EMPLOYEE is 0).
    employed += (~employer[p]! >>> 31) & (((mode[p]! ^ EMPLOYEE) - 1) >>> 31);
    members[joined] = p;
    joined += ~coopOf[p]! >>> 31;
  }
  membersListed = joined;
  return employed;
}
