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
  for (const book of books) {
    const sheets: SheetData[] = [];
    for (const name of (await book.sheetNames()).filter((n) => !isResultSheetName(n))) {
      onSheet(name);
      sheets.push(await book.readSheet(name));
    }
    for (const choice of discoverTables(sheets, isResultSheetName)) {
      if (out.tables[choice.table]) continue;
      const data = sheets.find((s) => s.name === choice.sheet) as SheetData;
      const label = books.length > 1 ? `${book.label.replace(/^.*[\\/]/u, '')}#${choice.sheet}` : choice.sheet;
      out.tables[choice.table] = tableInput(data, label);
      out.files[choice.table] = book.label;
    }
  }
  return out;
}
