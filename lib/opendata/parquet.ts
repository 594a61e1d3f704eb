import { ByteWriter, ParquetWriter } from 'hyparquet-writer';
import { type ColumnType, columnsOf } from './columns';
import type { OpenDataReport } from './report';
import { cellValues } from './rows';

/**
 * The Parquet file, streamed: hyparquet-writer's ParquetWriter writes one row group per call and
 * calls the writer's flush() after each, so every group's bytes leave at once and only the footer
 * (the row groups' metadata, a few hundred bytes a column per group) grows with the file. Memory
 * is bounded by one row group (ROW_GROUP_ROWS reports), whatever the number of reports.
 */

type SchemaElement = ConstructorParameters<typeof ParquetWriter>[0]['schema'][number];

/** Reports per row group: a group of 2,000 × ~270 columns encodes in well under 100 ms and a few MB. */
export const ROW_GROUP_ROWS = 2000;

const PARQUET_COLUMNS = columnsOf('parquet');
const DAY_MS = 86_400_000;

const ELEMENTS: Record<Exclude<ColumnType, 'json'>, Omit<SchemaElement, 'name'>> = {
  string: { type: 'BYTE_ARRAY', converted_type: 'UTF8', repetition_type: 'OPTIONAL' },
  integer: { type: 'INT32', repetition_type: 'OPTIONAL' },
  number: { type: 'DOUBLE', repetition_type: 'OPTIONAL' },
  boolean: { type: 'BOOLEAN', repetition_type: 'OPTIONAL' },
  date: { type: 'INT32', converted_type: 'DATE', repetition_type: 'OPTIONAL' },
};

function parquetSchema(): SchemaElement[] {
  return [
    { name: 'root', num_children: PARQUET_COLUMNS.length },
    ...PARQUET_COLUMNS.map((column) => {
      if (column.type === 'json') throw new Error(`no Parquet type for ${column.key}`);
      return { name: column.key, ...ELEMENTS[column.type] };
    }),
  ];
}

/** A ByteWriter that hands its bytes on at every flush (after each row group) and at the end. */
class ChunkWriter extends ByteWriter {
  constructor(private readonly emit: (bytes: Uint8Array) => void) {
    super(1 << 20);
  }

  flush(): void {
    if (this.index === 0) return;
    this.emit(new Uint8Array(this.buffer.slice(0, this.index)));
    this.index = 0;
  }

  finish(): void {
    this.flush();
  }
}

export class OpenDataParquet {
  readonly #writer: ParquetWriter;
  readonly #schema = parquetSchema();

  /** `emit` receives the file's bytes in order; `metadata` goes into the footer (key-value). */
  constructor(emit: (bytes: Uint8Array) => void, metadata: Record<string, string> = {}) {
    this.#writer = new ParquetWriter({
      writer: new ChunkWriter(emit),
      schema: this.#schema,
      kvMetadata: Object.entries(metadata).map(([key, value]) => ({ key, value })),
      createdBy: 'nianbao open data (hyparquet-writer)',
    });
  }

  /** One row group of these reports (none: nothing written). */
  writeGroup(reports: readonly OpenDataReport[], origin: string): void {
    if (reports.length === 0) return;
    const data: unknown[][] = PARQUET_COLUMNS.map(() => new Array(reports.length));
    reports.forEach((report, r) => {
      const values = cellValues(report, PARQUET_COLUMNS, origin);
      for (let c = 0; c < values.length; c++) {
        const value = values[c];
        data[c][r] = PARQUET_COLUMNS[c].type === 'date' && typeof value === 'string' ? Math.floor(Date.parse(value) / DAY_MS) : value;
      }
    });
    void this.#writer.write({
      columnData: PARQUET_COLUMNS.map((column, c) => ({ name: column.key, data: data[c] })),
      rowGroupSize: reports.length,
    });
  }

  /** The footer; the last bytes are emitted before this returns. */
  finish(): void {
    void this.#writer.finish();
  }
}
