// How each person makes a living now (MODEL.md 2 and 5), one code per person for the picture
// of the economy: modes of work, with commune members told from producers still on probation
// and capitalists (who live on their property) apart.
import type { EconomyState } from './economy-state.ts';
import { MODE_EMPLOYEE, MODE_MEMBER_WORKER, MODE_PRODUCER, MODE_SELF_EMPLOYED } from './person-table.ts';

export const PERSON_KIND_NAMES = ['idle', 'selfEmployed', 'communeMember', 'communeProducer', 'employee', 'coopMember', 'capitalist'] as const;
export const PERSON_KIND_LABELS = ['idle', 'self-employed', 'commune member', 'commune producer (probation)', 'employee', 'co-op member', 'capitalist'] as const;
export const KIND_IDLE = 0;
export const KIND_SELF_EMPLOYED = 1;
export const KIND_COMMUNE_MEMBER = 2;
export const KIND_COMMUNE_PRODUCER = 3;
export const KIND_EMPLOYEE = 4;
export const KIND_COOP_MEMBER = 5;
export const KIND_CAPITALIST = 6;

/** Writes each person's kind code into `out` (persons.count long) and returns it. */
export function personKinds(state: EconomyState, out = new Uint8Array(state.persons.count)): Uint8Array {
  const { persons } = state;
  for (let p = 0; p < persons.count; p++) {
    const mode = persons.mode[p];
    let kind = KIND_IDLE;
    if (persons.isCapitalist[p] === 1 && mode !== MODE_EMPLOYEE && mode !== MODE_MEMBER_WORKER) kind = KIND_CAPITALIST;
    else if (mode === MODE_SELF_EMPLOYED) kind = KIND_SELF_EMPLOYED;
    else if (mode === MODE_EMPLOYEE) kind = KIND_EMPLOYEE;
    else if (mode === MODE_MEMBER_WORKER) kind = KIND_COOP_MEMBER;
    else if (mode === MODE_PRODUCER) kind = persons.memberOf[p]! >= 0 ? KIND_COMMUNE_MEMBER : KIND_COMMUNE_PRODUCER;
    else if (persons.memberOf[p]! >= 0) kind = KIND_COMMUNE_MEMBER;
    out[p] = kind;
  }
  return out;
}
