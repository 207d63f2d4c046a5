import { findHeader } from './headers';
import { normalizeKey } from './text';
import type { Grid, TableKey } from './types';

/** Words in a sheet's name that say which table it is (§9), checked in this order. */
const SHEET_WORDS: readonly [TableKey, readonly string[]][] = [
  ['history', ['获奖记录', '历史', 'history']],
  ['staff', ['人员', '花名册', '员工', 'staff', 'roster']],
  ['inspections', ['检查', '督导', 'inspection']],
  ['fines', ['投诉', '罚款', '处罚', 'fine', 'complaint']],
  ['praise', ['表扬', 'praise']],
  ['satisfaction', ['满意度', '评价', 'satisfaction']],
  ['recommendations', ['推荐', 'recommend']],
];

/** Tables tried by headers when no sheet name says: the most specific shapes first. */
const BY_HEADERS: readonly TableKey[] = ['staff', 'satisfaction', 'fines', 'inspections', 'praise', 'recommendations', 'history'];

const FINES_HINTS = ['类型', '金额', '严重程度', '是否有效', 'type', 'amount', 'severity', 'valid'];
const PRAISE_HINTS = ['来源', '加分', 'source'];

/**
 * Which input table a sheet holds: by the words in its name, else by its headers.
 *
 * @example tableOfSheetName('督导检查记录') // => 'inspections'
 */
export function tableOfSheetName(name: string): TableKey | null {
  const key = normalizeKey(name);
  for (const [table, words] of SHEET_WORDS) if (words.some((w) => key.includes(w))) return table;
  return null;
}

function hasAny(grid: Grid, words: readonly string[]): boolean {
  return grid.slice(0, 30).some((row) => row.some((c) => words.includes(normalizeKey(c))));
}

/** A sheet's table by its headers alone: a date table is told apart by its typical columns. */
export function tableOfHeaders(grid: Grid): TableKey | null {
  for (const table of BY_HEADERS) {
    if (!('columns' in findHeader(table, grid))) continue;
    if (table === 'fines' && !hasAny(grid, FINES_HINTS)) continue;
    if (table === 'praise' && !hasAny(grid, PRAISE_HINTS)) continue;
    return table;
  }
  return null;
}

export interface SheetChoice {
  sheet: string;
  table: TableKey;
}

/**
 * Assigns a workbook's sheets to tables (§9): by name first, then by headers; the first sheet
 * found for a table wins, and a sheet that is a result sheet of ours is never an input.
 */
export function discoverTables(sheets: readonly { name: string; grid: Grid }[], isResultSheet: (name: string) => boolean = () => false): SheetChoice[] {
  const chosen = new Map<TableKey, string>();
  const rest: { name: string; grid: Grid }[] = [];
  for (const s of sheets) {
    if (isResultSheet(s.name)) continue;
    const table = tableOfSheetName(s.name);
    if (table && !chosen.has(table)) chosen.set(table, s.name);
    else if (!table) rest.push(s);
  }
  for (const s of rest) {
    const table = tableOfHeaders(s.grid);
    if (table && !chosen.has(table)) chosen.set(table, s.name);
  }
  return [...chosen].map(([table, sheet]) => ({ sheet, table }));
}
