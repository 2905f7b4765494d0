// What one shard writes (`shard-<i>-of-<n>.json`): the command it was part of and the full
// results of its runs, every number as the bytes of its typed array (base64), so that the merge
// computes from exactly the doubles a single machine would have, -0 and NaN included.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import type { ReplicateResult } from './replicate-run.ts';
import type { RunFailure } from './replicate-pool.ts';
import type { OrganisationLifetimes } from '../model/economy/organisation-survival.ts';
import type { EventColumns } from '../model/economy/event-log.ts';
import type { Shard } from './shards.ts';

export const SHARD_FORMAT = 'commons-ledger-shard/1';
export type ShardedCommand = 'sim' | 'sweep' | 'claims';

export interface ShardRecord {
  readonly command: ShardedCommand;
  /** The command's arguments without --shard and --out: the same in every shard of a split. */
  readonly argv: readonly string[];
  /** The command line provenance records, as the single-machine run would have it. */
  readonly commandLine: readonly string[];
  readonly scenarioSha256: string;
  readonly startedAt: string;
  readonly shard: Shard;
  readonly runCount: number;
  readonly positions: readonly number[];
  /** A run that threw (claims go on without it) is kept as its failure. */
  readonly results: readonly (ReplicateResult | RunFailure)[];
}

export function shardFileName(shard: Shard): string {
  const width = String(shard.count - 1).length;
  return `shard-${String(shard.index).padStart(width, '0')}-of-${shard.count}.json`;
}

const TYPED_ARRAYS = { Float64Array, Float32Array, Int32Array, Uint32Array, Int16Array, Uint16Array, Int8Array, Uint8Array } as const;
type TypedName = keyof typeof TYPED_ARRAYS;
type Typed = InstanceType<(typeof TYPED_ARRAYS)[TypedName]>;

const encode = (view: ArrayBufferView) => Buffer.from(view.buffer, view.byteOffset, view.byteLength).toString('base64');
function decode<T extends Typed>(text: string, Type: { new (buffer: ArrayBuffer): T }): T {
  const bytes = Buffer.from(text, 'base64');
  // A copy into a fresh, aligned buffer (Node's pooled buffers may start at any offset).
  const copy = new ArrayBuffer(bytes.byteLength);
  new Uint8Array(copy).set(bytes);
  return new Type(copy);
}

/** A record of numbers and typed arrays (the organisation table), every array tagged with its type. */
function encodeRecord(record: object): Record<string, number | { type: string; data: string }> {
  return Object.fromEntries(Object.entries(record).map(([key, value]) => {
    if (typeof value === 'number') return [key, value];
    const name = (value as Typed).constructor.name;
    if (!(name in TYPED_ARRAYS)) throw new Error(`shard file: cannot write field ${key} (${name})`);
    return [key, { type: name, data: encode(value as Typed) }];
  }));
}

function decodeRecord(record: Record<string, number | { type: string; data: string }>): Record<string, number | Typed> {
  return Object.fromEntries(Object.entries(record).map(([key, value]) => {
    if (typeof value === 'number') return [key, value];
    const Type = TYPED_ARRAYS[value.type as TypedName];
    if (Type === undefined) throw new Error(`shard file: field ${key} has unknown type ${value.type}`);
    return [key, decode(value.data, Type as { new (buffer: ArrayBuffer): Typed })];
  }));
}

function encodeResult(result: ReplicateResult | RunFailure): Record<string, unknown> {
  if ('failed' in result) return { failed: true, replicateKey: result.replicateKey ?? null, message: result.message };
  const o = result.organisations;
  return {
    replicateKey: result.replicateKey ?? null,
    reporters: result.reporters,
    ticks: encode(result.ticks),
    columns: result.columns.map(encode),
    organisations: o === undefined ? null : encodeRecord(o),
    events: result.events === undefined ? null : encodeRecord(result.events),
    agentCount: result.agentCount,
    totalTicks: result.totalTicks,
    wallMs: result.wallMs,
    threadId: result.threadId,
  };
}

const resultSchema = z.object({
  replicateKey: z.string().nullable(),
  reporters: z.array(z.object({ id: z.string(), label: z.string(), unit: z.string(), description: z.string() })),
  ticks: z.string(),
  columns: z.array(z.string()),
  organisations: z.record(z.string(), z.union([z.number(), z.object({ type: z.string(), data: z.string() })])).nullable(),
  events: z.record(z.string(), z.object({ type: z.string(), data: z.string() })).nullable().optional(),
  agentCount: z.number(),
  totalTicks: z.number(),
  wallMs: z.number(),
  threadId: z.number(),
});

const failureSchema = z.object({ failed: z.literal(true), replicateKey: z.string().nullable(), message: z.string() });

const shardSchema = z.object({
  format: z.literal(SHARD_FORMAT),
  command: z.enum(['sim', 'sweep', 'claims']),
  argv: z.array(z.string()),
  commandLine: z.array(z.string()),
  scenarioSha256: z.string(),
  startedAt: z.string(),
  shard: z.object({ index: z.number().int().min(0), count: z.number().int().min(1) }),
  runCount: z.number().int().min(0),
  positions: z.array(z.number().int().min(0)),
  results: z.array(z.union([failureSchema, resultSchema])),
});

function decodeResult(data: z.infer<typeof resultSchema>): ReplicateResult {
  const o = data.organisations;
  return {
    replicateKey: data.replicateKey ?? undefined,
    reporters: data.reporters,
    ticks: decode(data.ticks, Float64Array),
    columns: data.columns.map((column) => decode(column, Float64Array)),
    // The organisation table as the engine wrote it, field for field (its type is the engine's).
    ...(o === null ? {} : { organisations: decodeRecord(o) as unknown as OrganisationLifetimes }),
    ...(data.events == null ? {} : { events: decodeRecord(data.events) as unknown as EventColumns }),
    agentCount: data.agentCount,
    totalTicks: data.totalTicks,
    wallMs: data.wallMs,
    threadId: data.threadId,
  };
}

export function shardJson(record: ShardRecord): string {
  return `${JSON.stringify({ format: SHARD_FORMAT, ...record, results: record.results.map(encodeResult) })}\n`;
}

export function parseShardJson(text: string, source: string): ShardRecord {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    throw new Error(`${source}: not a shard file (${(error as Error).message})`);
  }
  const parsed = shardSchema.safeParse(data);
  if (!parsed.success) throw new Error(`${source}: not a ${SHARD_FORMAT} file: ${parsed.error.issues[0]?.path.join('.')}: ${parsed.error.issues[0]?.message}`);
  const { format: _format, results, ...rest } = parsed.data;
  return {
    ...rest,
    results: results.map((r) => ('failed' in r ? { failed: true as const, replicateKey: r.replicateKey ?? undefined, message: r.message } : decodeResult(r))),
  };
}

/** Every shard file in the given directories (or the files themselves), by name. */
export function readShardFiles(paths: readonly string[]): ShardRecord[] {
  const files = paths.flatMap((path) => {
    if (!statSync(path).isDirectory()) return [path];
    return readdirSync(path).filter((name) => /^shard-\d+-of-\d+\.json$/.test(name)).sort().map((name) => join(path, name));
  });
  return files.map((file) => parseShardJson(readFileSync(file, 'utf8'), file));
}
