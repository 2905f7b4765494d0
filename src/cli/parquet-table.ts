// A Table as an Apache Parquet file (`--format parquet`): the CSV's columns with their types
// (text -> UTF8 string, integer -> INT64, real -> DOUBLE; a missing value -> null) and the run's
// provenance in the file's key-value metadata, so a file read on its own still says which
// scenario, seed, program version and command made it.
// Writer: hyparquet-writer (pure JavaScript, one dependency, no native code: installs wherever
// npm does, in the CLI and a worker alike); apache-arrow would bring a whole columnar runtime
// for a job that needs only to write flat tables.
import { parquetWriteBuffer } from 'hyparquet-writer';
import type { Provenance } from './provenance.ts';
import type { ColumnType, Table } from './table.ts';

const PARQUET_TYPES = { text: 'STRING', integer: 'INT64', real: 'DOUBLE' } as const satisfies Record<ColumnType, string>;

/** The key-value metadata of every Parquet file a run writes; `provenance` holds all of it as JSON. */
export function provenanceMetadata(provenance: Provenance): { key: string; value: string }[] {
  return [
    { key: 'scenario', value: JSON.stringify(provenance.scenario) },
    { key: 'scenarioFile', value: provenance.scenarioFile },
    { key: 'scenarioSha256', value: provenance.scenarioSha256 },
    { key: 'seed', value: JSON.stringify(provenance.seed) },
    { key: 'version', value: `${provenance.program.name} ${provenance.program.version}` },
    { key: 'command', value: provenance.commandLine.join(' ') },
    { key: 'provenance', value: JSON.stringify(provenance) },
  ];
}

export function tableParquet(table: Table, provenance: Provenance): Uint8Array {
  const columnData = table.columns.map((name, c) => {
    const type = table.types[c]!;
    const data = table.rows.map((row) => {
      const cell = row[c] ?? null;
      if (cell === null || (typeof cell === 'number' && Number.isNaN(cell))) return null;
      if (type === 'text') return String(cell);
      // INT64 takes bigints; a fraction in an integer column is a bug and throws here.
      return type === 'integer' ? BigInt(cell) : cell;
    });
    return { name, data, type: PARQUET_TYPES[type] };
  });
  const buffer = parquetWriteBuffer({
    columnData,
    kvMetadata: provenanceMetadata(provenance),
    createdBy: `${provenance.program.name} ${provenance.program.version}`,
  });
  return new Uint8Array(buffer);
}
