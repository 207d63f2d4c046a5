/**
 * Excel 97–2003 (.xls), WPS (.et) and OpenDocument (.ods) workbooks through SheetJS CE
 * (@e965/xlsx), loaded only when such a file is given. Its workbook is normalised into the same
 * SheetData as our .xlsx reader: cached values of formulas, dates by their number format with the
 * workbook's date system, merged ranges as stored (SheetJS does not fill them either), clipped to the data.
 */
import * as XLSX from '@e965/xlsx';
import type { Cell, GridAddress, MergedRange } from '../engine/types';
import { SourceError } from './errors';
import { clipMerges } from './merges';
import { serialToDate } from './xlsxReader';
import type { SheetData, TableSource } from './types';

/** BIFF error codes (MS-XLS 2.5.97.2 BErr) as the text Excel shows. */
const ERRORS: Record<number, string> = {
  0x00: '#NULL!', 0x07: '#DIV/0!', 0x0f: '#VALUE!', 0x17: '#REF!', 0x1d: '#NAME?', 0x24: '#NUM!', 0x2a: '#N/A', 0x2b: '#GETTING_DATA',
};

export class LegacySource implements TableSource {
  private constructor(readonly label: string, private readonly workbook: XLSX.WorkBook) {}

  static open(label: string, data: Uint8Array): LegacySource {
    let workbook: XLSX.WorkBook;
    // SheetJS writes notes of its own to console.error while parsing (an .ods saved by LibreOffice:
    // "ODS number format may be incorrect: value()>0", once per conditional number format); they
    // are about display formats we do not use, and a library's words must not reach the user.
    const printError = console.error;
    console.error = () => undefined;
    try {
      // Dense sheets, number formats kept (to know dates), formulas kept (to know one without a value).
      workbook = XLSX.read(data, { type: 'array', dense: true, cellNF: true, cellFormula: true, cellHTML: false, cellText: false, cellDates: false });
    } catch (error) {
      // SheetJS's words stay out of the message; only what kind of failure it was.
      const text = error instanceof Error ? error.message : String(error);
      throw SourceError.unreadable(label, /password|encrypt/iu.test(text) ? 'encrypted' : 'damaged');
    } finally {
      console.error = printError;
    }
    return new LegacySource(label, workbook);
  }

  private get date1904(): boolean {
    return Boolean(this.workbook.Workbook?.WBProps?.date1904);
  }

  async sheetNames(): Promise<string[]> {
    const states = this.workbook.Workbook?.Sheets ?? [];
    return this.workbook.SheetNames.filter((_, i) => states[i]?.Hidden !== 2);
  }

  async readSheet(name: string): Promise<SheetData> {
    const sheet = (await this.sheetNames()).includes(name) ? this.workbook.Sheets[name] : undefined;
    if (!sheet) throw SourceError.noSheet(this.label, name);
    const rows = (sheet['!data'] ?? []) as (XLSX.CellObject | undefined)[][];
    const grid: Cell[][] = [];
    const formulasWithoutValue: GridAddress[] = [];
    rows.forEach((cells, r) => {
      const row: Cell[] = [];
      (cells ?? []).forEach((cell, c) => {
        if (!cell) return;
        if (cell.f !== undefined && cell.v === undefined) {
          formulasWithoutValue.push({ row: r, column: c });
          return;
        }
        const value = this.value(cell);
        if (value === null) return;
        for (let i = row.length; i < c; i++) row.push(null);
        row[c] = value;
      });
      if (row.length > 0) {
        for (let i = grid.length; i < r; i++) grid.push([]);
        grid[r] = row;
      }
    });
    const stored: MergedRange[] = (sheet['!merges'] ?? []).map((m) => ({ top: m.s.r, left: m.s.c, bottom: m.e.r, right: m.e.c }));
    // Clipped as the .xlsx reader's are: the same sheet gives the same SheetData whichever format holds it.
    return { name, grid, date1904: this.date1904, firstRow: 1, firstColumn: 1, merges: clipMerges(stored, grid), formulasWithoutValue };
  }

  private value(cell: XLSX.CellObject): Cell {
    switch (cell.t) {
      case 'n':
        if (typeof cell.v !== 'number') return null;
        return typeof cell.z === 'string' && XLSX.SSF.is_date(cell.z) ? serialToDate(cell.v, this.date1904) : cell.v;
      case 's':
        return typeof cell.v === 'string' && cell.v !== '' ? cell.v : null;
      case 'b':
        return Boolean(cell.v);
      case 'e':
        return typeof cell.v === 'number' ? ERRORS[cell.v] ?? cell.w ?? '#VALUE!' : cell.w ?? null;
      case 'd':
        return cell.v instanceof Date ? cell.v : null;
      default:
        return null;
    }
  }
}

