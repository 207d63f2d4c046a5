import type { DecisionKind } from './decisions';
import type { Field } from './headers';
import { isLocated, locateTable } from './layout';
import { type ColumnFormat, DECISIONS_SHEET, type ResultSheet, safeSheet } from './sheets';
import type { Cell, Lang, TableInput, TableSheet } from './types';

/**
 * A committee decision (§12) recorded in the task pane, before it is a row of the decisions table.
 * It reaches the engine only as such a row, so the one rule of decisions.ts reads it.
 */
export interface DecisionEntry {
  /** The period id it is for (2026Q3). */
  period: string;
  department: string;
  /** Null for a decision on a department. */
  id: string | null;
  name: string | null;
  decision: DecisionKind;
  reason: string;
  /** When it was decided, 2026-10-15, or ''. */
  date: string;
  decidedBy: string;
}

/** The column layout of §12 for a decisions sheet the add-in makes. */
const DECISION_COLUMNS: readonly { field: Field; zh: string; en: string; width: number; format: ColumnFormat }[] = [
  { field: 'period', zh: '期间', en: 'Period', width: 10, format: 'text' },
  { field: 'department', zh: '科室', en: 'Department', width: 14, format: 'text' },
  { field: 'id', zh: '工号', en: 'Id', width: 10, format: 'text' },
  { field: 'name', zh: '姓名', en: 'Name', width: 10, format: 'text' },
  { field: 'decision', zh: '裁定', en: 'Decision', width: 10, format: 'text' },
  { field: 'reason', zh: '理由', en: 'Reason', width: 30, format: 'text' },
  { field: 'date', zh: '日期', en: 'Date', width: 11, format: 'date' },
  { field: 'decidedBy', zh: '裁定人', en: 'Decided by', width: 10, format: 'text' },
];

const WORDS: Record<DecisionKind, Record<Lang, string>> = { award: { zh: '获奖', en: 'award' }, exclude: { zh: '不予表彰', en: 'exclude' } };

function fieldValue(e: DecisionEntry, field: Field, lang: Lang): Cell {
  switch (field) {
    case 'period': return e.period;
    case 'department': return e.department;
    case 'id': return e.id;
    case 'name': return e.name;
    case 'decision': return WORDS[e.decision][lang];
    case 'reason': return e.reason === '' ? null : e.reason;
    // A day, so Excel keeps it as a date (and the reader gives it back as one).
    case 'date': return e.date === '' ? null : new Date(`${e.date}T00:00:00Z`);
    case 'decidedBy': return e.decidedBy === '' ? null : e.decidedBy;
    default: return null;
  }
}

/** Rows appended to a sheet of the decisions table: below its last row, in the columns its header gives. */
export interface DecisionAppend {
  /** The sheet's name in messages (its name in the workbook inside Excel). */
  sheet: string;
  /** The grid index of the first appended row (= the sheet's rows so far). */
  gridRow: number;
  /** The same as a 1-based sheet row, and the sheet column (1 = A) of the rows' first cell. */
  row: number;
  column: number;
  /** One row per entry, from the grid's first column to the last column written. */
  rows: Cell[][];
  /** The format of each column of `rows`. */
  formats: ColumnFormat[];
}

/**
 * Where entries go in an existing decisions table: below the last row of its last sheet (read last,
 * so its rows count last, §12), in the columns that sheet's header has. A field without a column is
 * not written. Null when the sheet's header is not found (the run reports the table's problem).
 */
export function decisionAppend(table: TableInput, entries: readonly DecisionEntry[], lang: Lang): DecisionAppend | null {
  // The table located as the engine reads it (§11 layouts, two-row headers); its last sheet.
  // No Array.prototype.at: the add-in's bundle keeps to ES2020 (Safari 14).
  const located = locateTable('decisions', table);
  const last = located.sheets[located.sheets.length - 1];
  if (!last || !isLocated(last)) return null;
  const sheet: TableSheet = last.part;
  const firstColumn = sheet.firstColumn ?? 1;
  const header = last.at.header;
  const placed = DECISION_COLUMNS.filter((c) => header.columns[c.field] !== undefined)
    .map((c) => ({ ...c, index: header.columns[c.field] as number }));
  const width = Math.max(...placed.map((c) => c.index)) + 1;
  const formats = Array.from({ length: width }, (_, i) => placed.find((c) => c.index === i)?.format ?? 'text');
  const rows = entries.map((e) => {
    const row: Cell[] = Array.from({ length: width }, () => null);
    for (const c of placed) row[c.index] = fieldValue(e, c.field, lang);
    return row;
  });
  return { sheet: sheet.sheet, gridRow: sheet.grid.length, row: (sheet.firstRow ?? 1) + sheet.grid.length, column: firstColumn, rows, formats };
}

/** The decisions sheet the add-in makes when there is none: the §12 header and the entries. */
export function newDecisionsGrid(entries: readonly DecisionEntry[], lang: Lang): Cell[][] {
  return [DECISION_COLUMNS.map((c) => c[lang]), ...entries.map((e) => DECISION_COLUMNS.map((c) => fieldValue(e, c.field, lang)))];
}

/**
 * The decisions table with the pane's entries as its last rows, where writing puts them (§12): the
 * engine then reads them like the rows already on the sheet, and a message names the row they will
 * have. Without a table, the sheet the add-in would make.
 */
export function withEntries(table: TableInput | undefined, entries: readonly DecisionEntry[], lang: Lang): TableInput | undefined {
  if (entries.length === 0) return table;
  if (!table) return { sheet: DECISIONS_SHEET, grid: newDecisionsGrid(entries, lang), firstRow: 1, firstColumn: 1 };
  const append = decisionAppend(table, entries, lang);
  if (!append) return table;
  const extend = (s: TableSheet): TableSheet => ({ ...s, grid: [...s.grid, ...append.rows] });
  const more = table.moreSheets;
  return more && more.length > 0 ? { ...table, moreSheets: [...more.slice(0, -1), extend(more[more.length - 1] as TableSheet)] } : { ...table, ...extend(table) };
}

/**
 * The decisions sheet of a downloaded result workbook: every row of the decisions table read (each
 * sheet's rows under its header, in the §12 layout), then the entries. Null when there are none.
 */
export function decisionsSheet(table: TableInput | undefined, entries: readonly DecisionEntry[], lang: Lang): ResultSheet | null {
  const kept: Cell[][] = [];
  // Each sheet's data rows as the engine reads them: below its located header, lines (§11) left out.
  for (const part of table ? locateTable('decisions', table).sheets : []) {
    if (!isLocated(part)) continue;
    const { header, grid, lines } = part.at;
    for (let i = header.headerIndex + 1; i < part.end; i++) {
      if (lines.has(i)) continue;
      const row = grid[i] ?? [];
      const cells = DECISION_COLUMNS.map((c) => {
        const index = header.columns[c.field];
        return index === undefined ? null : row[index] ?? null;
      });
      if (cells.some((c) => c !== null && c !== '')) kept.push(cells);
    }
  }
  const rows = [...kept, ...newDecisionsGrid(entries, lang).slice(1)];
  if (rows.length === 0) return null;
  return safeSheet({
    kind: 'decisions', name: DECISIONS_SHEET, title: null, printable: false,
    blocks: [{ caption: null, columns: DECISION_COLUMNS.map((c) => ({ header: c[lang], width: c.width, format: c.format })), rows, total: null }],
  }, []);
}
