import { discoverTables } from '../engine/discover';
import { isResultSheetName } from '../engine/sheets';
import type { TableInput, TableKey, TableSheet } from '../engine/types';
import { SourceError } from './errors';
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
    ...(data.warnings && data.warnings.length > 0 ? { readWarnings: data.warnings } : {}),
  };
}

function tableInput(data: SheetData, label: string): TableInput {
  return { ...tableSheet(data, label), date1904: data.date1904 };
}

/**
 * Gathers the input tables (§9, §11): tables picked explicitly win; the rest are found in the
 * given workbooks, in order, by sheet name, else by headers. Our own result sheets are never input.
 */
export async function collectTables(
  books: readonly TableSource[], picks: Partial<Record<TableKey, TablePick>>, onSheet: (label: string) => void = () => undefined,
): Promise<CollectedTables> {
  const out: CollectedTables = { tables: {}, files: {} };
  for (const [table, pick] of Object.entries(picks) as [TableKey, TablePick][]) {
    const names = await pick.source.sheetNames();
    if (pick.sheet === null && names.length > 1) {
      // A file given for one table: its sheets of that table, found as in a workbook.
      const found = chooseTables(await loadSheets([pick.source], onSheet))[table];
      if (found) {
        out.tables[table] = tableOf(found);
        out.files[table] = pick.source.label;
        continue;
      }
    }
    const sheet = pick.sheet ?? names[0] as string;
    onSheet(`${pick.source.label}#${sheet}`);
    const data = await pick.source.readSheet(sheet);
    const label = names.length === 1 && pick.sheet === null ? pick.source.label.replace(/^.*[\\/]/u, '') : sheet;
    out.tables[table] = tableInput(data, label);
    out.files[table] = pick.source.label;
  }
  const loaded = await loadSheets(books, onSheet);
  for (const [table, found] of Object.entries(chooseTables(loaded)) as [TableKey, FoundTable][]) {
    if (out.tables[table]) continue;
    out.tables[table] = tableOf(found);
    out.files[table] = found.sheets[0]?.book.label ?? '';
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

/** A book read elsewhere (the task pane reads files in its worker): its sheets as plain data, which a worker can post. */
export interface ReadBook {
  label: string;
  sheets: SheetData[];
}

/** Reads every sheet of a book that is not one of our result sheets, as plain data. */
export async function readBook(book: TableSource): Promise<ReadBook> {
  const names = (await book.sheetNames()).filter((n) => !isResultSheetName(n));
  const sheets: SheetData[] = [];
  for (const name of names) sheets.push(await book.readSheet(name));
  return { label: book.label, sheets };
}

/** A book already read, as a source again (for loadSheets and chooseTables on the page). */
export function readSource(book: ReadBook): TableSource {
  return {
    label: book.label,
    sheetNames: async () => book.sheets.map((s) => s.name),
    readSheet: async (name) => {
      const sheet = book.sheets.find((s) => s.name === name);
      if (!sheet) throw SourceError.noSheet(book.label, name);
      return sheet;
    },
  };
}

/** The sheets of one table (several when split by period, §11), and the others that look like it. */
export interface FoundTable {
  sheets: LoadedSheet[];
  /** Labels of sheets that also look like the table and are not read (MORE_SHEETS). */
  passedOver: string[];
}

/** The sheets of each table (§9, §11): in each book by sheet name, else by headers; the first book that has a table wins. */
export function chooseTables(sheets: readonly LoadedSheet[]): Partial<Record<TableKey, FoundTable>> {
  const out: Partial<Record<TableKey, FoundTable>> = {};
  const books = [...new Set(sheets.map((s) => s.book))];
  for (const book of books) {
    const own = sheets.filter((s) => s.book === book);
    const byName = (name: string) => own.find((s) => s.data.name === name);
    for (const choice of discoverTables(own.map((s) => s.data), isResultSheetName)) {
      out[choice.table] ??= {
        sheets: choice.sheets.map(byName).filter((s): s is LoadedSheet => s !== undefined),
        passedOver: choice.passedOver.map((name) => byName(name)?.label ?? name),
      };
    }
  }
  return out;
}

/** A table found (or one sheet the user picked) as the engine's table, with the user's column overrides. */
export function tableOf(found: FoundTable | LoadedSheet, columns?: Readonly<Record<string, string | number>>): TableInput {
  const { sheets, passedOver } = 'sheets' in found ? found : { sheets: [found], passedOver: [] };
  const [first, ...more] = sheets;
  if (!first) throw new Error('a found table has at least one sheet');
  return {
    ...tableInput(first.data, first.label),
    ...(more.length > 0 ? { moreSheets: more.map((s) => tableSheet(s.data, s.label)) } : {}),
    ...(passedOver.length > 0 ? { passedOver } : {}),
    ...(columns ? { columns } : {}),
  };
}
