import { FIELD_NAMES, TABLE_SHAPES, fieldsOf, type Field } from './headers';
import { isLocated, type LocatedTable, type LocatedTables } from './layout';
import type { Problem } from './messages';
import { normalizeKey } from './text';
import type { Bilingual, Cell, TableKey } from './types';

/**
 * Column letters of a 1-based column number.
 *
 * @example columnLetters(28) // => 'AB'
 */
export function columnLetters(column: number): string {
  let n = column;
  let out = '';
  while (n > 0) {
    const r = (n - 1) % 26;
    out = String.fromCharCode(65 + r) + out;
    n = Math.floor((n - 1) / 26);
  }
  return out;
}

/** A column the user can map a field to: its letter and its header text. */
export interface ColumnOption {
  /** Index in the table's grid. */
  index: number;
  letter: string;
  header: string;
}

export interface FieldMapping {
  field: Field;
  name: Bilingual;
  /** required: must be mapped; person: one of 工号/姓名/科室 must be; optional: used when present. */
  need: 'required' | 'person' | 'optional';
  column: ColumnOption | null;
}

/** How a table's columns are read (§1, §10), for the wizard's column step. */
export interface TableMapping {
  table: TableKey;
  /** Excel row number of the header row (the nearest one while required columns are missing); null when no row holds any column. */
  headerRow: number | null;
  options: ColumnOption[];
  fields: FieldMapping[];
  /** Required fields without a column: the run stops with MISSING_COLUMN. */
  missing: Field[];
}

function optionsOf(row: readonly Cell[], firstColumn: number): ColumnOption[] {
  return row.map((cell, index) => ({ index, letter: columnLetters(firstColumn + index), header: cell === null || cell === undefined ? '' : String(cell).trim() }))
    .filter((o) => o.header !== '');
}

/**
 * The columns the engine reads for a table, with the user's overrides (`input.columns`) applied:
 * what the run will use, so the wizard shows it before anything is computed.
 *
 * @example tableMapping(locateTable('staff', { sheet: '人员', grid: [['工号', '姓名', '科室']] })).fields[1]?.column?.letter // => 'B'
 */
export function tableMapping(located: LocatedTable): TableMapping {
  const { table, input } = located;
  const firstColumn = input.firstColumn ?? 1;
  const first = located.sheets[0];
  const at = first && isLocated(first) ? first.at : null;
  // Without every required column, the row that came closest is still the header the user maps on.
  const header = at ? at.header : first && !isLocated(first) ? first.nearest : null;
  const grid = at ? at.grid : input.grid;
  const headerIndex = header ? header.headerIndex
    : grid.findIndex((row) => row.some((c) => c !== null && c !== undefined && String(c).trim() !== ''));
  const row = headerIndex >= 0 ? grid[headerIndex] ?? [] : [];
  const options = optionsOf(row, firstColumn);
  const columns = header ? header.columns : {};
  const shape = TABLE_SHAPES[table];
  const fields = fieldsOf(table).map((field): FieldMapping => {
    const index = columns[field];
    const need = shape.required.includes(field) ? 'required' : shape.oneOf?.includes(field) ? 'person' : 'optional';
    const column = index === undefined ? null
      : options.find((o) => o.index === index) ?? { index, letter: columnLetters(firstColumn + index), header: '' };
    return { field, name: FIELD_NAMES[field], need, column };
  });
  return {
    table, headerRow: header ? (input.firstRow ?? 1) + header.headerIndex : null,
    options, fields, missing: first && !isLocated(first) ? first.missing : [],
  };
}

/**
 * The cell a problem is about, as an A1 address on its sheet: the column whose header cell
 * says the problem's column (a whole row when none does), so the wizard can select it; null when
 * the problem is about a whole table.
 *
 * @example problemAddress({ sheet: 's', row: 12, column: '扣分' }, { inspections: locateTable('inspections', { sheet: 's', grid: [['日期', '姓名', '扣分']] }) }) // => 'C12'
 */
export function problemAddress(p: Pick<Problem, 'sheet' | 'row' | 'column'>, tables: LocatedTables): string | null {
  if (p.row === null) return null;
  const found = Object.values(tables).flatMap((t) => t?.sheets ?? []).find((s) => s.part.sheet === p.sheet);
  if (p.column !== null && found && isLocated(found)) {
    const key = normalizeKey(p.column);
    const index = (found.at.grid[found.at.header.headerIndex] ?? []).findIndex((c) => normalizeKey(c) === key);
    if (index >= 0) return `${columnLetters((found.part.firstColumn ?? 1) + index)}${p.row}`;
  }
  return `${p.row}:${p.row}`;
}

/** Column overrides per table, as the task pane keeps them in the workbook: field → header text, letter or 1-based number. */
export type ColumnMappings = Partial<Record<TableKey, Record<string, string | number>>>;

const TABLE_KEYS: readonly TableKey[] = ['staff', 'inspections', 'fines', 'praise', 'satisfaction', 'recommendations', 'history'];

/**
 * Reads a column mapping file (`--columns mapping.json`): `{ "staff": { "department": "C" } }`,
 * or the task pane's saved choices holding it under `columns`. Unknown tables or fields, and
 * values that are not text or whole numbers, are named so the file can be fixed.
 *
 * @example columnMappings({ staff: { id: 'A' } }) // => { mappings: { staff: { id: 'A' } } }
 */
export function columnMappings(value: unknown): { mappings: ColumnMappings } | { error: Bilingual } {
  const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
  const root = isObject(value) && isObject(value['columns']) ? value['columns'] : value;
  if (!isObject(root)) return { error: { zh: '列对应文件应为 JSON 对象：{"staff": {"department": "C"}}', en: 'the column mapping must be a JSON object: {"staff": {"department": "C"}}' } };
  const mappings: ColumnMappings = {};
  for (const [table, fields] of Object.entries(root)) {
    const key = TABLE_KEYS.find((t) => t === table);
    if (!key) return { error: { zh: `未知的表「${table}」（可选：${TABLE_KEYS.join('、')}）`, en: `unknown table "${table}" (one of ${TABLE_KEYS.join(', ')})` } };
    if (!isObject(fields)) return { error: { zh: `「${table}」应为 字段 → 列 的对象`, en: `"${table}" must map fields to columns` } };
    const known = fieldsOf(key) as string[];
    const columns: Record<string, string | number> = {};
    for (const [field, spec] of Object.entries(fields)) {
      if (!known.includes(field)) return { error: { zh: `${table} 没有字段「${field}」（可选：${known.join('、')}）`, en: `${table} has no field "${field}" (one of ${known.join(', ')})` } };
      if (typeof spec !== 'string' && !(typeof spec === 'number' && Number.isInteger(spec) && spec > 0)) {
        return { error: { zh: `${table}.${field} 应为表头文字、列字母或列号`, en: `${table}.${field} must be a header text, a column letter or a column number` } };
      }
      columns[field] = spec;
    }
    mappings[key] = columns;
  }
  return { mappings };
}
