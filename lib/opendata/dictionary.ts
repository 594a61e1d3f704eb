import { COLUMN_GROUPS, type ColumnType, OPEN_DATA_COLUMNS, type OpenDataFormat } from './columns';

/**
 * The data dictionary as plain data: what /data shows and /api/opendata/columns answers, both
 * read from the one registry (columns.ts).
 */

export const TYPE_NAMES: Record<ColumnType, string> = {
  string: '文本',
  integer: '整数',
  number: '数值（可有小数）',
  boolean: '是否（true / false）',
  date: '日期（YYYY-MM-DD）',
  json: 'JSON 数组',
};

export interface DictionaryEntry {
  key: string;
  label: string;
  unit: string | null;
  type: ColumnType;
  table: string;
  row: string | null;
  column: string | null;
  values: string[] | null;
  note: string | null;
  formats: OpenDataFormat[];
}

export interface DictionaryGroup {
  id: keyof typeof COLUMN_GROUPS;
  title: string;
  columns: DictionaryEntry[];
}

export function dictionary(): DictionaryGroup[] {
  return (Object.keys(COLUMN_GROUPS) as Array<keyof typeof COLUMN_GROUPS>).map((id) => ({
    id,
    title: COLUMN_GROUPS[id],
    columns: OPEN_DATA_COLUMNS.filter((c) => c.group === id).map((c) => ({
      key: c.key,
      label: c.label,
      unit: c.unit,
      type: c.type,
      table: c.source.table,
      row: c.source.row,
      column: c.source.column,
      values: c.values ? [...c.values] : null,
      note: c.note ?? null,
      formats: [...c.formats],
    })),
  }));
}
