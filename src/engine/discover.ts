import { findHeader } from './headers';
import { normalizeKey } from './text';
import type { Grid, TableKey } from './types';

/** Words in a sheet's name that say which table it is (§9), checked in this order. */
const SHEET_WORDS: readonly [TableKey, readonly string[]][] = [
  ['history', ['获奖记录', '历史', 'history']],
  ['decisions', ['裁定', '评选小组', '决定', 'decision']],
  ['staff', ['人员', '花名册', '员工', 'staff', 'roster']],
  ['inspections', ['检查', '督导', 'inspection']],
  ['fines', ['投诉', '罚款', '处罚', 'fine', 'complaint']],
  ['praise', ['表扬', 'praise']],
  ['satisfaction', ['满意度', '评价', 'satisfaction']],
  ['recommendations', ['推荐', 'recommend']],
];

/**
 * Which input table a sheet holds by the words in its name (§9).
 *
 * @example tableOfSheetName('督导检查记录') // => 'inspections'
 */
export function tableOfSheetName(name: string): TableKey | null {
  const key = normalizeKey(name);
  for (const [table, words] of SHEET_WORDS) if (words.some((w) => key.includes(w))) return table;
  return null;
}

/** Tables in the order they win when their headers fit a sheet equally well. */
const BY_HEADERS: readonly TableKey[] = ['staff', 'inspections', 'fines', 'praise', 'satisfaction', 'recommendations', 'decisions', 'history'];
const PERSON_FIELDS = new Set(['id', 'name', 'department']);

/**
 * A sheet's table by its headers alone: of the tables whose required columns are all there, the
 * one with the most of its own columns (the person columns, shared by all, do not count).
 *
 * @example tableOfHeaders([['日期', '姓名', '类型', '金额']]) // => 'fines'
 */
export function tableOfHeaders(grid: Grid): TableKey | null {
  let best: TableKey | null = null;
  let bestScore = -1;
  for (const table of BY_HEADERS) {
    const header = findHeader(table, grid);
    if (!('columns' in header)) continue;
    const score = Object.keys(header.columns).filter((f) => !PERSON_FIELDS.has(f)).length;
    if (score > bestScore) {
      best = table;
      bestScore = score;
    }
  }
  return best;
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
