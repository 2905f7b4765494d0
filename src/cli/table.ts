// A table of rows as the CLI writes it (series, organisations, sweep rows, claims rows, events):
// named columns, each with the type a reader should give it, so the CSV, JSON and Parquet of one
// table carry the same columns and the same values. A missing value is NaN or null.
export type Cell = string | number | null;

/** 'integer' and 'real' columns hold numbers (or null/NaN); 'text' columns hold strings. */
export type ColumnType = 'text' | 'integer' | 'real';

export interface Table {
  readonly columns: readonly string[];
  readonly types: readonly ColumnType[];
  readonly rows: readonly (readonly Cell[])[];
}

export function csvField(value: string): string {
  return /[",\n\r]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
}

/** Shortest text that reads back as the same double; empty for a missing value. */
export function csvNumber(value: number): string {
  return Number.isNaN(value) ? '' : String(value);
}

/** The type of a column that holds `values` as the CSV shows them: numbers if every one is a number. */
export function columnTypeOf(values: readonly unknown[]): ColumnType {
  if (values.length === 0 || !values.every((v) => typeof v === 'number')) return 'text';
  return values.every((v) => Number.isSafeInteger(v)) ? 'integer' : 'real';
}

/** A parameter or seed as a cell of a column of type `type`: numbers stay numbers, anything else is text. */
export function cellOf(value: unknown, type: ColumnType): Cell {
  return type === 'text' ? String(value) : (value as number);
}

export function tableCsv(table: Table): string {
  const lines = [table.columns.map(csvField).join(',')];
  for (const row of table.rows) {
    lines.push(row.map((cell) => (cell === null ? '' : typeof cell === 'number' ? csvNumber(cell) : csvField(cell))).join(','));
  }
  return `${lines.join('\n')}\n`;
}

export function tableJson(table: Table): string {
  const records = table.rows.map((row) => Object.fromEntries(table.columns.map((column, i) => {
    const cell = row[i] ?? null;
    return [column, typeof cell === 'number' && !Number.isFinite(cell) ? null : cell];
  })));
  return `${JSON.stringify(records)}\n`;
}
