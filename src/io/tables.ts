import { discoverTables } from '../engine/discover';
import { isResultSheetName } from '../engine/sheets';
import type { TableInput, TableKey, TableSheet } from '../engine/types';
import type { SheetData, TableSource } from './types';

/** A table the user pointed at: a source and, when it has several sheets, which one. */
export interface TablePick {
  source: TableSource;
  sheet: string | null;
}

export interface CollectedTables {
  tables: Partial<Record<TableKey, TableInput>>;
  /** Which file each table came from, for messages. */
  files: Partial<Record<TableKey, string>>;
}

function tableSheet(data: SheetData, label: string): TableSheet {
  return {
    sheet: label, grid: data.grid, firstRow: data.firstRow, firstColumn: data.firstColumn,
    ...(data.merges && data.merges.length > 0 ? { merges: data.merges } : {}),
    ...(data.formulasWithoutValue && data.formulasWithoutValue.length > 0 ? { formulasWithoutValue: data.formulasWithoutValue } : {}),
  };
}

function tableInput(data: SheetData, label: string): TableInput {
  return { ...tableSheet(data, label), date1904: data.date1904 };
}

/**
 * Gathers the input tables (§9): tables picked explicitly win; the rest are found in the given
 * workbooks, in order, by sheet name, else by headers. Our own result sheets are never input.
 */
export async function collectTables(
  books: readonly TableSource[], picks: Partial<Record<TableKey, TablePick>>, onSheet: (label: string) => void = () => undefined,
): Promise<CollectedTables> {
  const out: CollectedTables = { tables: {}, files: {} };
  for (const [table, pick] of Object.entries(picks) as [TableKey, TablePick][]) {
    const names = await pick.source.sheetNames();
    let sheet = pick.sheet;
    if (sheet === null) {
      if (names.length === 1) sheet = names[0] as string;
      else {
        const all = await Promise.all(names.map(async (name) => ({ name, grid: (await pick.source.readSheet(name)).grid })));
        sheet = discoverTables(all, isResultSheetName).find((c) => c.table === table)?.sheet ?? names[0] as string;
      }
    }
    onSheet(`${pick.source.label}#${sheet}`);
    const data = await pick.source.readSheet(sheet);
    const label = names.length === 1 && pick.sheet === null ? pick.source.label.replace(/^.*[\\/]/u, '') : sheet;
    out.tables[table] = tableInput(data, label);
    out.files[table] = pick.source.label;
  }
  const loaded = await loadSheets(books, onSheet);
  for (const [table, sheet] of Object.entries(chooseTables(loaded)) as [TableKey, LoadedSheet][]) {
    if (out.tables[table]) continue;
    out.tables[table] = tableInput(sheet.data, sheet.label);
    out.files[table] = sheet.book.label;
  }
  return out;
}

/** A sheet read from a workbook or file, with the name it has in messages. */
export interface LoadedSheet {
  book: TableSource;
  /** The sheet name; with several books, file#sheet (or the file name for a one-sheet file). */
  label: string;
  data: SheetData;
}

/** Reads every sheet of the books that is not one of our result sheets, in order. */
export async function loadSheets(books: readonly TableSource[], onSheet: (label: string) => void = () => undefined): Promise<LoadedSheet[]> {
  const out: LoadedSheet[] = [];
  for (const book of books) {
    const names = (await book.sheetNames()).filter((n) => !isResultSheetName(n));
    const file = book.label.replace(/^.*[\\/]/u, '');
    for (const name of names) {
      onSheet(name);
      const label = books.length === 1 ? name : names.length === 1 ? file : `${file}#${name}`;
      out.push({ book, label, data: await book.readSheet(name) });
    }
  }
  return out;
}

/** The sheet of each table (§9): in each book by sheet name, else by headers; the first book that has a table wins. */
export function chooseTables(sheets: readonly LoadedSheet[]): Partial<Record<TableKey, LoadedSheet>> {
  const out: Partial<Record<TableKey, LoadedSheet>> = {};
  const books = [...new Set(sheets.map((s) => s.book))];
  for (const book of books) {
    const own = sheets.filter((s) => s.book === book);
    for (const choice of discoverTables(own.map((s) => s.data), isResultSheetName)) {
      out[choice.table] ??= own.find((s) => s.data.name === choice.sheet);
    }
  }
  return out;
}

/** A loaded sheet as the engine's table, with the user's column overrides. */
export function tableOf(sheet: LoadedSheet, columns?: Readonly<Record<string, string | number>>): TableInput {
  return { ...tableInput(sheet.data, sheet.label), ...(columns ? { columns } : {}) };
}
