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
  const { employer, mode, coopOf } = persons;
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
  workforce.employeeCount = employed;
  workforce.memberCount = joined;
  return workforce;
}
