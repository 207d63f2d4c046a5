import { type Field, findHeader, headerAt, type HeaderFailure, type HeaderMatch, kindColumns, type KindColumn } from './headers';
import { isBlank, mayBeSpace, normalizeKey } from './text';
import type { Cell, Grid, MergedRange, TableInput, TableKey, TableSheet } from './types';

/**
 * A sheet as the clerk means it (§11): a merged range down a column gives its value to every row
 * it spans; across columns it stays once, in its first column (a block does both). Lines — rows
 * whose non-blank cells all lie in one range merged across columns, and subtotal rows — are
 * marked so they never become records.
 */
export interface SheetLayout {
  grid: Grid;
  /** Grid indexes of the lines (titles, department headings, notes, signatures, subtotals). */
  lines: ReadonlySet<number>;
}

/** Words that open a subtotal row (小计 · 合计 · 总计) in its first non-blank cell. */
const SUBTOTAL = /^(?:小计|合计|总计|subtotal|total)/u;

export function sheetLayout(grid: Grid, merges: readonly MergedRange[] = []): SheetLayout {
  const filled = merges.some((m) => m.bottom > m.top) ? grid.slice() : grid;
  for (const m of merges) {
    if (m.bottom <= m.top) continue;
    const value = grid[m.top]?.[m.left];
    if (isBlank(value)) continue;
    for (let r = m.top + 1; r <= m.bottom && r < filled.length; r++) {
      const row = (filled[r] ?? []).slice();
      while (row.length < m.left) row.push(null);
      row[m.left] = value;
      (filled as Cell[][])[r] = row;
    }
  }
  const across = merges.filter((m) => m.right > m.left);
  const lines = new Set<number>();
  // Plain loops: every row of every sheet passes here once.
  for (let r = 0; r < filled.length; r++) {
    const row = filled[r] ?? [];
    let first = 0;
    while (first < row.length && isBlank(row[first])) first++;
    if (first === row.length) continue;
    const lead = row[first];
    if (typeof lead === 'string' && SUBTOTAL.test(normalizeKey(lead))) {
      lines.add(r);
      continue;
    }
    if (across.length === 0) continue;
    const range = across.find((m) => m.top <= r && r <= m.bottom && m.left <= first && first <= m.right);
    if (range && row.every((c, i) => isBlank(c) || (range.left <= i && i <= range.right))) lines.add(r);
  }
  return { grid: filled, lines };
}

/** One sheet of a table, located: its layout, header and where each row's department comes from. */
export interface LocatedSheet extends SheetLayout {
  header: HeaderMatch;
  /** Inspections with points in one column per kind (§11). */
  kinds: KindColumn[];
  /**
   * Staff tables: the heading line above each row (§11), grid index → heading text. Without a
   * department column it is the row's department; with one, a blank department under it.
   */
  headings: ReadonlyMap<number, string>;
}

/** A heading line names a group; a note or signature (`备注：…`, `制表人：…`) or subtotal does not. */
function headingText(row: readonly Cell[]): string | null {
  const cell = row.find((c) => !isBlank(c));
  const text = typeof cell === 'string' ? cell.trim() : '';
  return text === '' || /[:：]/u.test(text) || SUBTOTAL.test(normalizeKey(text)) ? null : text;
}

/**
 * Finds a table on one sheet (§10, §11): the header row among the first rows; under a two-row
 * header (cells merged down beside group cells merged across) the header is the bottom row of the
 * merges that start on it. A staff table may lack the department column when heading lines give it.
 */
export function locateSheet(table: TableKey, input: Pick<TableInput, 'grid' | 'merges' | 'columns' | 'firstColumn'>): LocatedSheet | HeaderFailure {
  const layout = sheetLayout(input.grid, input.merges);
  const firstColumn = input.firstColumn ?? 1;
  let found = findHeader(table, layout.grid, input.columns, firstColumn);
  const headed = !('columns' in found) && table === 'staff' && found.missing.length === 1 && found.missing[0] === 'department';
  if (headed) {
    const excused: readonly Field[] = ['department'];
    const retry = findHeader(table, layout.grid, input.columns, firstColumn, excused);
    const below = 'columns' in retry && [...layout.lines].some((r) => r > retry.headerIndex && headingText(layout.grid[r] ?? []) !== null);
    if (below) found = retry;
  }
  if (!('columns' in found)) return found;
  let bottom = found.headerIndex;
  for (const m of input.merges ?? []) {
    if (m.top === found.headerIndex && m.left === m.right && m.bottom > bottom) bottom = m.bottom;
  }
  const header = bottom === found.headerIndex ? found : headerAt(table, layout.grid, bottom, input.columns, firstColumn);
  const headings = new Map<number, string>();
  if (table === 'staff') {
    let current: string | null = null;
    for (let r = header.headerIndex + 1; r < layout.grid.length; r++) {
      if (layout.lines.has(r)) current = headingText(layout.grid[r] ?? []) ?? current;
      else if (current !== null) headings.set(r, current);
    }
  }
  return { ...layout, header, kinds: kindColumns(table, layout.grid[header.headerIndex] ?? [], header.columns), headings };
}

/** One sheet of a located table: where its data rows end, after trailing blank rows. */
export interface LocatedPart {
  part: TableSheet;
  at: LocatedSheet;
  /** Grid index past the last data row (a last row holding only a formula without a value is a row, §11a). */
  end: number;
}

/** A sheet of the table whose header was not found: the required fields missing (MISSING_COLUMN). */
export interface UnlocatedPart {
  part: TableSheet;
  missing: Field[];
  /** The row that came closest to a header (HeaderFailure.nearest). */
  nearest: HeaderMatch | null;
}

/**
 * A table located once (§10, §11): each of its sheets with its layout, header, columns, merges
 * applied and line rows, in reading order. The reader, the column mapping, person assignments,
 * problem addresses and the history sheet all take this instead of finding the header again.
 */
export interface LocatedTable {
  table: TableKey;
  input: TableInput;
  sheets: readonly (LocatedPart | UnlocatedPart)[];
}

export function isLocated(p: LocatedPart | UnlocatedPart): p is LocatedPart {
  return 'at' in p;
}

export function locateTable(table: TableKey, input: TableInput): LocatedTable {
  const sheets = [input, ...(input.moreSheets ?? [])].map((part): LocatedPart | UnlocatedPart => {
    const at = locateSheet(table, { ...part, columns: input.columns });
    if (!('header' in at)) return { part, missing: at.missing, nearest: at.nearest };
    const first = at.header.headerIndex + 1;
    let end = at.grid.length;
    while (end > first && rowIsBlank(at.grid[end - 1] ?? [])) end--;
    for (const f of part.formulasWithoutValue ?? []) if (f.row >= end && f.row >= first) end = f.row + 1;
    return { part, at, end };
  });
  return { table, input, sheets };
}

/** Every table of a run located once. */
export type LocatedTables = Partial<Record<TableKey, LocatedTable>>;

export function locateTables(tables: Partial<Record<TableKey, TableInput>>): LocatedTables {
  const out: LocatedTables = {};
  for (const [table, input] of Object.entries(tables) as [TableKey, TableInput | undefined][]) if (input) out[table] = locateTable(table, input);
  return out;
}

export function rowIsBlank(row: readonly Cell[]): boolean {
  for (let k = 0; k < row.length; k++) if (!isBlank(row[k])) return false;
  return true;
}

/** Cells that mean "the same as above" (§11 同上). */
const DITTO = new Set(['同上', '〃', '"', '”', '“', '″', 'ditto']);

/** How a ditto cell can begin (after white space). */
const DITTO_START = /^\s*[同〃"“”″＂dD]/u;

/** Whether a UTF-16 unit is one a ditto cell can begin with (the characters of DITTO_START). */
function dittoFirst(c: number): boolean {
  return c === 0x540c || c === 0x3003 || c === 0x22 || c === 0x201c || c === 0x201d || c === 0x2033 || c === 0xff02 || c === 0x64 || c === 0x44;
}

export function isDitto(value: Cell): boolean {
  if (typeof value !== 'string' || value.length === 0) return false;
  const c = value.charCodeAt(0);
  // The first unit settles almost every cell without a regular expression (a large table has millions).
  if (!dittoFirst(c) && !mayBeSpace(c)) return false;
  return DITTO_START.test(value) && DITTO.has(normalizeKey(value));
}
