// Reads the dated events a model may keep on `state.events` (merges, takeovers) without
// knowing the model: any object with a numeric `tick` is an event; its other plain fields
// travel with it. Models without events simply have none.
import type { RunEvent } from './protocol.ts';

type Field = string | number | boolean;

function plainField(value: unknown): Field | undefined {
  if (typeof value === 'number' || typeof value === 'string' || typeof value === 'boolean') return value;
  if (Array.isArray(value) && value.every((v) => typeof v === 'number' || typeof v === 'string')) {
    return value.join(' / ');
  }
  return undefined;
}

export function eventCount(state: unknown): number {
  const list = (state as { events?: unknown }).events;
  return Array.isArray(list) ? list.length : 0;
}

/** Events from index `from` on, as plain records. */
export function eventsFrom(state: unknown, from: number): RunEvent[] {
  const list = (state as { events?: unknown }).events;
  if (!Array.isArray(list)) return [];
  const events: RunEvent[] = [];
  for (let i = from; i < list.length; i++) {
    const entry: unknown = list[i];
    if (entry === null || typeof entry !== 'object') continue;
    const record = entry as Record<string, unknown>;
    if (typeof record.tick !== 'number') continue;
    const fields: Record<string, Field> = {};
    for (const [key, value] of Object.entries(record)) {
      if (key === 'tick' || key === 'kind') continue;
      const field = plainField(value);
      if (field !== undefined) fields[key] = field;
    }
    const kind = typeof record.kind === 'string' ? record.kind : typeof record.type === 'string' ? record.type : 'merge';
    events.push({ tick: record.tick, kind, fields });
  }
  return events;
}
