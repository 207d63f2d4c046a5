import { discoverTables } from '../engine/discover';
import { isResultSheetName } from '../engine/sheets';
import type { TableInput, TableKey } from '../engine/types';
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

function tableInput(data: SheetData, label: string): TableInput {
  return { sheet: label, grid: data.grid, date1904: data.date1904, firstRow: data.firstRow, firstColumn: data.firstColumn };
}

/**
 * Gathers the input tables (§9): tables picked explicitly win; the rest are found in the main
 * workbook by sheet name, else by headers. Our own result sheets are never taken as input.
 */
export async function collectTables(
  book: TableSource | null, picks: Partial<Record<TableKey, TablePick>>, onSheet: (label: string) => void = () => undefined,
): Promise<CollectedTables> {
  const out: CollectedTables = { tables: {}, files: {} };
  const bookSheets = new Map<string, SheetData>();
  const readBook = async (name: string) => {
    if (!book) throw new Error('no workbook');
    let data = bookSheets.get(name);
    if (!data) {
      onSheet(name);
      data = await book.readSheet(name);
      bookSheets.set(name, data);
    }
    return data;
  };
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
  if (book) {
    const names = (await book.sheetNames()).filter((n) => !isResultSheetName(n));
    const sheets = await Promise.all(names.map(async (name) => ({ name, grid: (await readBook(name)).grid })));
    for (const choice of discoverTables(sheets, isResultSheetName)) {
      if (out.tables[choice.table]) continue;
      out.tables[choice.table] = tableInput(await readBook(choice.sheet), choice.sheet);
      out.files[choice.table] = book.label;
    }
  }
  return out;
}
