import type { Bilingual, Cell, Grid, TableKey } from './types';
import { normalizeKey } from './text';

/** A column a table can have, with the header words that name it (§1, §10). */
export type Field =
  | 'id' | 'name' | 'department' | 'post' | 'active' | 'windowSince'
  | 'date' | 'item' | 'kind' | 'points' | 'result' | 'inspector'
  | 'type' | 'severity' | 'amount' | 'valid' | 'reason' | 'source'
  | 'month' | 'evaluations' | 'satisfied' | 'rate' | 'served'
  | 'period' | 'score' | 'status' | 'award' | 'decision' | 'decidedBy';

const PERSON = ['id', 'name', 'department'] as const;
const DATE_ALIASES = ['日期', '检查日期', 'date'];

/** Header words per field; the English field name is always an alias too. */
const ALIASES: Record<Field, readonly string[]> = {
  id: ['工号', '员工编号', '职工号', '编号', 'id'],
  name: ['姓名', '名字', 'name'],
  department: ['科室', '部门', '窗口', '所在科室', 'department'],
  post: ['岗位', '职务', 'post'],
  active: ['在岗', '在岗状态', '状态', 'active'],
  windowSince: ['窗口工作起始日期', '上岗日期', 'start date', 'windowSince'],
  date: DATE_ALIASES,
  item: ['检查项目', '项目', '问题', '违规内容', 'item'],
  kind: ['检查方式', '方式', 'kind'],
  points: ['扣分', '分值', 'points'],
  result: ['结果', 'result'],
  inspector: ['检查人', 'inspector'],
  type: ['类型', 'type'],
  severity: ['程度', '情节', '严重程度', 'severity'],
  amount: ['金额', '扣款', '罚款金额', 'amount'],
  valid: ['是否有效', '核实', 'valid'],
  reason: ['事由', '说明', 'reason'],
  source: ['来源', 'source'],
  month: ['月份', 'month', ...DATE_ALIASES],
  evaluations: ['评价数', '参评数', 'evaluations'],
  satisfied: ['满意数', 'satisfied'],
  rate: ['满意率', 'rate'],
  served: ['服务人次', 'served'],
  period: ['季度', '期间', 'period', ...DATE_ALIASES],
  score: ['得分', '分数', 'score'],
  status: ['状态', '结果', 'status'],
  award: ['奖励', '奖励(元)', '奖金', 'award', 'awardYuan'],
  decision: ['裁定', '裁定结果', '决定', '结论', 'decision'],
  decidedBy: ['裁定人', '经办人', 'decidedBy', 'decided by'],
};

/** Praise points are also written as 加分 (bonus points). */
const TABLE_ALIASES: Partial<Record<TableKey, Partial<Record<Field, readonly string[]>>>> = {
  praise: { points: [...ALIASES.points, '加分'] },
  // A decision's date is when it was taken, never the period it is for (§12).
  decisions: {
    period: ['期间', '评选期间', '季度', 'period'],
    date: DATE_ALIASES,
    reason: ['理由', '原因', '事由', '说明', 'reason'],
  },
};

export const FIELD_NAMES: Record<Field, Bilingual> = {
  id: { zh: '工号', en: 'id' }, name: { zh: '姓名', en: 'name' }, department: { zh: '科室', en: 'department' },
  post: { zh: '岗位', en: 'post' }, active: { zh: '在岗状态', en: 'active' },
  windowSince: { zh: '窗口工作起始日期', en: 'start date' }, date: { zh: '日期', en: 'date' },
  item: { zh: '检查项目', en: 'item' }, kind: { zh: '检查方式', en: 'kind' }, points: { zh: '扣分', en: 'points' },
  result: { zh: '结果', en: 'result' }, inspector: { zh: '检查人', en: 'inspector' }, type: { zh: '类型', en: 'type' },
  severity: { zh: '严重程度', en: 'severity' }, amount: { zh: '金额', en: 'amount' }, valid: { zh: '是否有效', en: 'valid' },
  reason: { zh: '事由', en: 'reason' }, source: { zh: '来源', en: 'source' }, month: { zh: '月份', en: 'month' },
  evaluations: { zh: '评价数', en: 'evaluations' }, satisfied: { zh: '满意数', en: 'satisfied' },
  rate: { zh: '满意率', en: 'rate' }, served: { zh: '服务人次', en: 'served' }, period: { zh: '期间', en: 'period' },
  score: { zh: '得分', en: 'score' }, status: { zh: '状态', en: 'status' }, award: { zh: '奖励（元）', en: 'award' },
  decision: { zh: '裁定结果', en: 'decision' }, decidedBy: { zh: '裁定人', en: 'decided by' },
};

interface TableShape {
  /** Every one of these must be present. */
  required: readonly Field[];
  /** At least one of these must be present (a person or a department). */
  oneOf?: readonly Field[];
  optional: readonly Field[];
}

/** The columns of each table (§1). History is this add-in's own sheet of past winners. */
export const TABLE_SHAPES: Record<TableKey, TableShape> = {
  staff: { required: PERSON, optional: ['post', 'active', 'windowSince'] },
  inspections: { required: ['date'], oneOf: PERSON, optional: ['item', 'kind', 'points', 'result', 'inspector'] },
  fines: { required: ['date'], oneOf: PERSON, optional: ['type', 'severity', 'amount', 'valid', 'reason'] },
  praise: { required: ['date'], oneOf: ['id', 'name'], optional: ['department', 'source', 'points'] },
  satisfaction: { required: ['month'], oneOf: ['id', 'name'], optional: ['department', 'evaluations', 'satisfied', 'rate', 'served'] },
  recommendations: { required: ['period'], oneOf: ['id', 'name'], optional: ['department'] },
  decisions: { required: ['period', 'decision'], oneOf: PERSON, optional: ['reason', 'date', 'decidedBy'] },
  history: { required: ['period'], oneOf: ['id', 'name'], optional: ['department', 'score', 'status', 'award'] },
};

export function fieldsOf(table: TableKey): Field[] {
  const shape = TABLE_SHAPES[table];
  return [...shape.required, ...(shape.oneOf ?? []), ...shape.optional];
}

export function aliasesOf(table: TableKey, field: Field): readonly string[] {
  return TABLE_ALIASES[table]?.[field] ?? ALIASES[field];
}

/** Field → column index in the grid. */
export type ColumnMap = Partial<Record<Field, number>>;

export interface HeaderMatch {
  /** Index in the grid of the header row. */
  headerIndex: number;
  columns: ColumnMap;
  /** The header text of each mapped column, as written. */
  headers: Partial<Record<Field, string>>;
}

export interface HeaderFailure {
  /** The required fields not found in the best candidate row. */
  missing: Field[];
  /**
   * The row that came closest (fewest fields missing, at least one matched): the header as found,
   * so unmapping one column keeps the rest and the wizard still shows that row's columns.
   */
  nearest: HeaderMatch | null;
}

/** How many rows from the top may hold the header (title rows and blank rows above it). */
export const HEADER_SEARCH_ROWS = 30;

/**
 * A header's comparison key: as normalizeKey, with a trailing bracketed unit or note dropped
 * (§11: `扣分（分）`, `金额(元)`, `满意率（%）`, `[次]`, `（填是/否）`), unless that is all there is.
 *
 * @example headerKey('扣分（分）') // => '扣分'
 */
export function headerKey(value: unknown): string {
  const key = normalizeKey(value);
  const stripped = key.replace(/[([【][^()[\]【】]*[)\]】]$/u, '');
  return stripped === '' ? key : stripped;
}

function columnIndexOf(spec: string | number, row: readonly Cell[], firstColumn: number): number | null {
  // An empty override means "this table has no such column" (the wizard's “（无）”).
  if (typeof spec === 'string' && spec.trim() === '') return null;
  if (typeof spec === 'number') return Number.isInteger(spec) && spec >= firstColumn ? spec - firstColumn : null;
  const letters = spec.trim().toUpperCase();
  if (/^[A-Z]{1,3}$/u.test(letters) && !row.some((c) => normalizeKey(c) === normalizeKey(spec))) {
    let n = 0;
    for (const ch of letters) n = n * 26 + (ch.charCodeAt(0) - 64);
    return n >= firstColumn ? n - firstColumn : null;
  }
  const key = normalizeKey(spec);
  let index = row.findIndex((c) => normalizeKey(c) === key);
  if (index < 0) index = row.findIndex((c) => headerKey(c) === headerKey(spec));
  return index < 0 ? null : index;
}

/** Matches one row's cells against the table's fields; user overrides win over aliases. */
export function matchRow(
  table: TableKey, row: readonly Cell[], overrides: Readonly<Record<string, string | number>> = {}, firstColumn = 1,
): ColumnMap {
  const columns: ColumnMap = {};
  const taken = new Set<number>();
  for (const [field, spec] of Object.entries(overrides)) {
    const index = columnIndexOf(spec, row, firstColumn);
    if (index !== null && (fieldsOf(table) as string[]).includes(field)) {
      columns[field as Field] = index;
      taken.add(index);
    }
  }
  const keys = row.map(headerKey);
  for (const field of fieldsOf(table)) {
    if (columns[field] !== undefined || field in overrides) continue;
    const aliases = aliasesOf(table, field).map(headerKey);
    const index = keys.findIndex((k, i) => !taken.has(i) && k !== '' && aliases.includes(k));
    if (index >= 0) {
      columns[field] = index;
      taken.add(index);
    }
  }
  return columns;
}

/** The required fields without a column; `excused` ones may be missing (staff departments from heading lines, §11). */
export function missingFields(table: TableKey, columns: ColumnMap, excused: readonly Field[] = []): Field[] {
  const shape = TABLE_SHAPES[table];
  const missing = shape.required.filter((f) => columns[f] === undefined && !excused.includes(f));
  if (shape.oneOf && !shape.oneOf.some((f) => columns[f] !== undefined)) missing.push(...shape.oneOf);
  return missing;
}

/**
 * Finds the header row: the first row, among the first 30, that holds all the table's required
 * columns (§10). Title rows and blank rows above it are not part of the table.
 */
export function findHeader(
  table: TableKey, grid: Grid, overrides: Readonly<Record<string, string | number>> = {}, firstColumn = 1, excused: readonly Field[] = [],
): HeaderMatch | HeaderFailure {
  let best: { index: number; missing: Field[] } | null = null;
  const limit = Math.min(grid.length, HEADER_SEARCH_ROWS);
  for (let i = 0; i < limit; i++) {
    const row = grid[i] ?? [];
    const columns = matchRow(table, row, overrides, firstColumn);
    const missing = missingFields(table, columns, excused);
    if (missing.length === 0) return headerAt(table, grid, i, overrides, firstColumn);
    if (Object.keys(columns).length > 0 && (best === null || missing.length < best.missing.length)) best = { index: i, missing };
  }
  return best === null ? { missing: missingFields(table, {}, excused), nearest: null }
    : { missing: best.missing, nearest: headerAt(table, grid, best.index, overrides, firstColumn) };
}

/** The header match of row `index` (found, or moved down under a two-row header). */
export function headerAt(
  table: TableKey, grid: Grid, index: number, overrides: Readonly<Record<string, string | number>> = {}, firstColumn = 1,
): HeaderMatch {
  const row = grid[index] ?? [];
  const columns = matchRow(table, row, overrides, firstColumn);
  const headers: Partial<Record<Field, string>> = {};
  for (const [field, i] of Object.entries(columns)) headers[field as Field] = String(row[i] ?? '').trim();
  return { headerIndex: index, columns, headers };
}

/** Kind words that head a points column of their own (§11: 现场 · 暗访 · 非现场 · 监控 · 调取监控 · 录像). */
const KIND_HEADERS: Record<string, 'onsite' | 'offsite'> = {
  现场: 'onsite', 暗访: 'onsite', 现场检查: 'onsite', onsite: 'onsite', 'on-site': 'onsite',
  非现场: 'offsite', 监控: 'offsite', 调取监控: 'offsite', 录像: 'offsite', 非现场检查: 'offsite', offsite: 'offsite', 'off-site': 'offsite',
};

/** A points column of one inspection kind. */
export interface KindColumn {
  index: number;
  kind: 'onsite' | 'offsite';
  header: string;
}

/** The header row's points-per-kind columns of an inspections table (none when it has a points column). */
export function kindColumns(table: TableKey, row: readonly Cell[], columns: ColumnMap): KindColumn[] {
  if (table !== 'inspections' || columns.points !== undefined) return [];
  const mapped = new Set(Object.values(columns));
  const out: KindColumn[] = [];
  row.forEach((cell, index) => {
    const kind = KIND_HEADERS[headerKey(cell)];
    if (kind && !mapped.has(index)) out.push({ index, kind, header: String(cell).trim() });
  });
  return out;
}

/** A header cell left unmapped that looks like a field of the table (same word plus other characters). */
export interface LookalikeHeader {
  index: number;
  header: string;
  field: Field;
}

/**
 * Header cells that are not mapped but contain a word of an unmapped field (`本月扣分` ~ 扣分), or
 * are contained in one (`检查` ~ 检查日期): named in a warning instead of silently ignored (§11).
 * Latin aliases shorter than four letters (`id`) only count as whole words.
 */
export function lookalikeHeaders(table: TableKey, row: readonly Cell[], columns: ColumnMap, skip: ReadonlySet<number>): LookalikeHeader[] {
  const mapped = new Set(Object.values(columns));
  const fields = fieldsOf(table).filter((f) => columns[f] === undefined);
  const out: LookalikeHeader[] = [];
  row.forEach((cell, index) => {
    if (mapped.has(index) || skip.has(index) || typeof cell !== 'string') return;
    const key = headerKey(cell);
    if (key.length < 2) return;
    const field = fields.find((f) => aliasesOf(table, f).some((alias) => {
      const a = headerKey(alias);
      if (/^[a-z ]+$/u.test(a) && a.length < 4) return new RegExp(`\\b${a}\\b`, 'u').test(normalizeKey(cell).replace(/[^a-z]+/gu, ' '));
      return a.length >= 2 && (key.includes(a) || a.includes(key));
    }));
    if (field) out.push({ index, header: cell.trim(), field });
  });
  return out;
}

/** Whether a data row repeats the header row (a pasted block): every mapped column (`indexes`) says the same. */
export function isRepeatedHeader(row: readonly Cell[], header: readonly Cell[], indexes: readonly number[]): boolean {
  if (indexes.length === 0) return false;
  for (const i of indexes) {
    const cell = row[i];
    // Header cells are text: a number or date (most data rows) settles it without normalising.
    if (typeof cell !== 'string' || normalizeKey(cell) !== normalizeKey(header[i])) return false;
  }
  return true;
}
