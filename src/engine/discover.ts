import { HEADER_SEARCH_ROWS } from './headers';
import { locateSheet } from './layout';
import { normalizeKey } from './text';
import type { Grid, MergedRange, TableKey } from './types';

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

/**
 * Sheet names that are a whole table word (§11): a name that is one, or starts with one, wins
 * over a name that merely contains a short word of §9 (`离职人员`, `人员变动`).
 */
const WHOLE_WORDS: Record<TableKey, readonly string[]> = {
  staff: ['人员名单', '花名册', '员工名单', '职工名单', '人员信息', '员工信息', 'staff', 'roster'],
  inspections: ['督导检查记录', '督导检查', '检查记录', '督导记录', 'inspection'],
  fines: ['投诉及处罚记录', '投诉及处罚', '投诉处罚', '投诉记录', '处罚记录', '罚款记录', '投诉', 'fine', 'complaint'],
  praise: ['表扬记录', '表扬', 'praise'],
  satisfaction: ['满意度', 'satisfaction'],
  recommendations: ['推荐名单', '推荐', 'recommend'],
  decisions: ['评选小组裁定', '裁定', '评选小组决定', 'decision'],
  history: ['获奖记录', 'history'],
};

/** Period markers in a sheet name (§11): `7月`, `七月`, `2026-07`, `2026年7月`, `第三季度`, `Q3`, `上半年`. */
const PERIOD_MARKER = new RegExp([
  String.raw`\d{4}[-./年]\d{1,2}月?份?`, String.raw`(?:\d{4}年度?)?第?[一二三四1-4]季度`, String.raw`\d{4}年度?`, String.raw`\d{4}`,
  String.raw`(?:\d{4})?q[1-4]`, String.raw`(?:\d{4})?h[12]`, '[上下]半年', String.raw`(?:\d{1,2}|十[一二]?|[一二三四五六七八九])月份?`,
].join('|'), 'gu');

/**
 * A sheet name without its period markers and the separators around them: sheets with the same
 * stem hold one table split by period (§11).
 *
 * @example periodStem('7月督导检查') // => '督导检查'
 * @example periodStem('2026年第三季度') // => ''
 */
export function periodStem(name: string): string {
  return normalizeKey(name).replace(PERIOD_MARKER, '').replace(/[-_.·()（）[\]【】]/gu, '');
}

function isWholeName(table: TableKey, name: string): boolean {
  const stem = periodStem(name);
  return WHOLE_WORDS[table].some((w) => stem.startsWith(w));
}

/** Tables in the order they win when their headers fit a sheet equally well. */
const BY_HEADERS: readonly TableKey[] = ['staff', 'inspections', 'fines', 'praise', 'satisfaction', 'recommendations', 'decisions', 'history'];
const PERSON_FIELDS = new Set(['id', 'name', 'department']);

/** A sheet as discovery sees it: its name, grid and merges. */
export interface SheetLike {
  name: string;
  grid: Grid;
  merges?: readonly MergedRange[];
}

/**
 * The top of a sheet, where its header and first heading lines are: enough to tell its table, so
 * a 60,000-row sheet is not laid out once per table when sheets are assigned.
 */
function topOf(sheet: Omit<SheetLike, 'name'>): Omit<SheetLike, 'name'> {
  const rows = HEADER_SEARCH_ROWS * 2;
  if (sheet.grid.length <= rows) return sheet;
  return { grid: sheet.grid.slice(0, rows), merges: sheet.merges?.filter((m) => m.top < rows) };
}

function holds(table: TableKey, sheet: Omit<SheetLike, 'name'>): boolean {
  return 'header' in locateSheet(table, topOf(sheet));
}

/**
 * A sheet's table by its headers alone: of the tables whose required columns are all there, the
 * one with the most of its own columns (the person columns, shared by all, do not count).
 *
 * @example tableOfHeaders([['日期', '姓名', '类型', '金额']]) // => 'fines'
 */
export function tableOfHeaders(grid: Grid, merges?: readonly MergedRange[]): TableKey | null {
  let best: TableKey | null = null;
  let bestScore = -1;
  const top = topOf({ grid, merges });
  for (const table of BY_HEADERS) {
    const located = locateSheet(table, top);
    if (!('header' in located)) continue;
    const score = Object.keys(located.header.columns).filter((f) => !PERSON_FIELDS.has(f)).length + located.kinds.length;
    if (score > bestScore) {
      best = table;
      bestScore = score;
    }
  }
  return best;
}

/** The sheets of one table: read in this order as one table; `passedOver` also look like it (MORE_SHEETS). */
export interface TableChoice {
  table: TableKey;
  sheets: string[];
  passedOver: string[];
}

/**
 * Assigns a workbook's sheets to tables (§9, §11). By name first: of the sheets named for a table
 * that hold its columns, a whole table word beats a short contained word, then the first in the
 * workbook; a sheet named for a table without its columns is passed over, and read only when no
 * other sheet has them (to name the missing columns). The rest by headers.
 * Sheets whose names differ from the chosen one only by a period marker, holding the same table,
 * join it in sheet order; any other sheet that looks like the table is listed as passed over.
 * A result sheet of ours is never an input.
 */
export function discoverTables(sheets: readonly SheetLike[], isResultSheet: (name: string) => boolean = () => false): TableChoice[] {
  const inputs = sheets.filter((s) => !isResultSheet(s.name));
  const named = inputs.map((s) => ({ sheet: s, table: tableOfSheetName(s.name) }));
  const unnamed = named.filter((n) => n.table === null).map((n) => ({ sheet: n.sheet, table: tableOfHeaders(n.sheet.grid, n.sheet.merges) }));
  const chosen = new Map<TableKey, TableChoice>();
  const choose = (table: TableKey, best: SheetLike, pool: readonly SheetLike[]) => {
    const stem = periodStem(best.name);
    const group = pool.filter((s) => s === best || periodStem(s.name) === stem);
    chosen.set(table, { table, sheets: group.map((s) => s.name), passedOver: [] });
  };
  for (const [table] of SHEET_WORDS) {
    const pool = named.filter((n) => n.table === table && holds(table, n.sheet)).map((n) => n.sheet);
    const best = pool.find((s) => isWholeName(table, s.name)) ?? pool[0];
    if (best) choose(table, best, pool);
    for (const s of pool) {
      const choice = chosen.get(table);
      if (choice && !choice.sheets.includes(s.name)) choice.passedOver.push(s.name);
    }
  }
  for (const { sheet, table } of unnamed) {
    if (table === null) continue;
    const choice = chosen.get(table);
    if (!choice) choose(table, sheet, unnamed.filter((u) => u.table === table).map((u) => u.sheet));
    else if (!choice.sheets.includes(sheet.name)) choice.passedOver.push(sheet.name);
  }
  // No sheet has the columns: the sheet named for the table is read anyway, so the run names its missing columns (MISSING_COLUMN).
  for (const [table] of SHEET_WORDS) {
    const pool = named.filter((n) => n.table === table).map((n) => n.sheet);
    const best = pool.find((s) => isWholeName(table, s.name)) ?? pool[0];
    if (best && !chosen.has(table)) chosen.set(table, { table, sheets: [best.name], passedOver: [] });
  }
  const order = new Map(inputs.map((s, i) => [s.name, i]));
  const first = (c: TableChoice) => order.get(c.sheets[0] ?? '') ?? 0;
  const byName = [...chosen.values()].filter((c) => tableOfSheetName(c.sheets[0] ?? '') !== null);
  const byHeaders = [...chosen.values()].filter((c) => tableOfSheetName(c.sheets[0] ?? '') === null);
  return [...byName.sort((a, b) => first(a) - first(b)), ...byHeaders.sort((a, b) => first(a) - first(b))];
}
