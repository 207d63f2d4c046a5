import { openFile } from '../../src/io/files';
import type { FakeInputCell } from './fake-excel';

const MS_PER_DAY = 86_400_000;

/** A date as Excel's serial number (1900 system). */
export const serialOf = (d: Date): number => d.getTime() / MS_PER_DAY + 25_569;

/** A workbook's cells as Excel holds them, for the fake Excel. */
export interface FakeBook {
  sheets: Record<string, FakeInputCell[][]>;
  numberFormats: Record<string, (string | null)[][]>;
}

/** A workbook's sheets as the cells Excel holds: dates are serial numbers with a date format. */
export async function bookCells(file: string): Promise<FakeBook> {
  const source = await openFile(file);
  const book: FakeBook = { sheets: {}, numberFormats: {} };
  for (const name of await source.sheetNames()) {
    const { grid } = await source.readSheet(name);
    book.sheets[name] = grid.map((row) => Array.from(row, (v): FakeInputCell => {
      if (v === undefined || v === null) return null;
      return v instanceof Date ? serialOf(v) : v;
    }));
    book.numberFormats[name] = grid.map((row) => Array.from(row, (v) => {
      if (!(v instanceof Date)) return null;
      return serialOf(v) % 1 === 0 ? 'yyyy-mm-dd' : 'yyyy-mm-dd hh:mm';
    }));
  }
  return book;
}
