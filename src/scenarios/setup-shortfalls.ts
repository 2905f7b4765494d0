// What an economy scenario asks for at the start that its persons cannot supply: initial
// communes and cooperatives take their founders from the persons who are not capitalists, in
// that order, and stop when none are left. The run goes ahead with fewer; this says how many
// fewer, so the shortfall is reported instead of silent.
import type { Scenario } from './schema.ts';

export function setupShortfalls(scenario: Scenario): string[] {
  if (scenario.kind !== 'economy') return [];
  const { persons, communes, cooperatives } = scenario;
  let free = persons.count - Math.round(persons.capitalistShare * persons.count);
  const notes: string[] = [];
  const take = (field: string, count: number, foundersEach: number, noun: string) => {
    const wanted = count * foundersEach;
    // The last organisation founded may have fewer founders than asked (but at least one).
    const made = Math.min(count, Math.ceil(Math.max(0, free) / foundersEach));
    if (made < count) {
      notes.push(`${field} ${count} x ${foundersEach} founders needs ${wanted.toLocaleString('en-US')} persons but only `
        + `${Math.max(0, free).toLocaleString('en-US')} are free (persons.count ${persons.count.toLocaleString('en-US')} minus capitalists`
        + `${noun === 'cooperatives' ? ' minus commune founders' : ''}): ${made.toLocaleString('en-US')} ${noun} are founded`);
    }
    free -= wanted;
  };
  take('communes.initialCount', communes.initialCount, communes.foundersEach, 'communes');
  take('cooperatives.initialCount', cooperatives.initialCount, cooperatives.foundersEach, 'cooperatives');
  return notes;
}
