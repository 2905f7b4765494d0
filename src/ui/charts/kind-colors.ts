// One colour per way of working and per kind of organisation (Okabe-Ito, see palette.ts), so
// the agents, the organisations view and the classroom diagram speak the same language.
import { PERSON_KIND_NAMES } from '../../model/economy/person-kinds.ts';

export const KIND_COLORS = {
  idle: '#B0B7C0',
  selfEmployed: '#E69F00',
  communeMember: '#009E73',
  communeProducer: '#7FD1B9',
  employee: '#0072B2',
  coopMember: '#CC79A7',
  capitalist: '#D55E00',
} as const;

/** Colours in PERSON_KIND order (person-kinds.ts). */
export const PERSON_KIND_COLORS: readonly string[] = PERSON_KIND_NAMES.map((name) => KIND_COLORS[name]);

/** Organisation kinds in ORG_* order: commune, firm, cooperative. */
export const ORG_KIND_COLORS: readonly string[] = [KIND_COLORS.communeMember, KIND_COLORS.employee, KIND_COLORS.coopMember];
