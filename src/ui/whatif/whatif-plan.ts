// A what-if as the address carries it: `?mode=whatif&at=240&set=communes.excessRent:dividend`
// (the branch month, and each change as path:value, comma-separated), with the scenario in the
// share link's #s= part and, optionally, `persons` and a replicate `key`. Values read back as
// booleans and numbers where they look like them; the worker checks them against the schema.
import type { BranchChanges } from '../../worker/branch-protocol.ts';

export interface WhatIfAddress {
  /** The branch month; undefined: the view proposes one and waits. */
  readonly at: number | undefined;
  readonly changes: BranchChanges;
  readonly persons: number | undefined;
  readonly replicateKey: string | undefined;
}

export function parseValue(text: string): string | number | boolean {
  if (text === 'true') return true;
  if (text === 'false') return false;
  const number = Number(text);
  return text.trim() !== '' && Number.isFinite(number) ? number : text;
}

export function formatChanges(changes: BranchChanges): string {
  return Object.entries(changes).map(([path, value]) => `${path}:${String(value)}`).join(',');
}

export function parseChanges(text: string): BranchChanges {
  const changes: Record<string, string | number | boolean> = {};
  for (const part of text.split(',')) {
    const at = part.indexOf(':');
    if (at <= 0) continue;
    changes[part.slice(0, at)] = parseValue(part.slice(at + 1));
  }
  return changes;
}

export function readWhatIfAddress(params: URLSearchParams): WhatIfAddress {
  const at = Number(params.get('at') ?? Number.NaN);
  const persons = Number(params.get('persons'));
  const key = params.get('key');
  return {
    at: Number.isInteger(at) && at >= 0 ? at : undefined,
    changes: parseChanges(params.get('set') ?? ''),
    persons: Number.isInteger(persons) && persons >= 10 ? persons : undefined,
    replicateKey: key !== null && /^[A-Za-z0-9_.-]{1,100}$/.test(key) ? key : undefined,
  };
}

export function writeWhatIfAddress(params: URLSearchParams, address: WhatIfAddress): void {
  if (address.at === undefined) params.delete('at');
  else params.set('at', String(address.at));
  if (Object.keys(address.changes).length === 0) params.delete('set');
  else params.set('set', formatChanges(address.changes));
  if (address.persons === undefined) params.delete('persons');
  else params.set('persons', String(address.persons));
  if (address.replicateKey === undefined) params.delete('key');
  else params.set('key', address.replicateKey);
}
