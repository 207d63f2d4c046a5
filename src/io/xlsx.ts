import ExcelJS from 'exceljs';
import type { Cell, GridAddress } from '../engine/types';
import { decodeText, parseCsv } from './csv';
import type { SheetData, TableSource } from './types';

/** Excel's cell value as the engine wants it: rich text joined, formulas by their result. */
export function plainValue(value: ExcelJS.CellValue): Cell {
  if (value === null || value === undefined) return null;
  if (typeof value !== 'object' || value instanceof Date) return value;
  if ('richText' in value) return value.richText.map((r) => r.text).join('');
  if ('formula' in value || 'sharedFormula' in value) return plainValue((value as ExcelJS.CellFormulaValue).result as ExcelJS.CellValue);
  if ('error' in value) return String(value.error);
  if ('text' in value) return typeof value.text === 'string' ? value.text : plainValue(value.text as ExcelJS.CellValue);
  return null;
}

/** `B3` → 0-based grid indexes (the grid starts at A1). */
function addressOf(a1: string): GridAddress {
  const m = /^([A-Z]+)(\d+)$/u.exec(a1.replace(/\$/gu, '').toUpperCase());
  let column = 0;
  for (const ch of m?.[1] ?? '') column = column * 26 + ch.charCodeAt(0) - 64;
  return { row: Number(m?.[2] ?? 0) - 1, column: column - 1 };
}

/**
 * The sheet's grid with merges as the file stores them (§11, the contract of TableInput.merges):
 * exceljs copies a merge's value into every cell of it, so the other cells are blanked here; and
 * the formula cells saved without a result (§11a). Superseded by the fast reader.
 */
function sheetOf(worksheet: ExcelJS.Worksheet): Pick<SheetData, 'grid' | 'merges' | 'formulasWithoutValue'> {
  const grid: Cell[][] = [];
  const formulasWithoutValue: GridAddress[] = [];
  const rows = worksheet.getSheetValues() as (ExcelJS.CellValue[] | undefined)[];
  for (let r = 1; r < rows.length; r++) {
    const values = rows[r];
    const row: Cell[] = [];
    if (values) {
      for (let c = 1; c < values.length; c++) {
        const value = values[c] as ExcelJS.CellValue;
        if (value !== null && typeof value === 'object' && ('formula' in value || 'sharedFormula' in value)
          && (value as ExcelJS.CellFormulaValue).result === undefined) formulasWithoutValue.push({ row: r - 1, column: c - 1 });
        row.push(plainValue(value));
      }
    }
    grid.push(row);
  }
  const merges = ((worksheet.model as { merges?: string[] }).merges ?? []).map((range) => {
    const [from = '', to = from] = range.split(':');
    const a = addressOf(from);
    const b = addressOf(to);
    return { top: a.row, left: a.column, bottom: b.row, right: b.column };
  });
  for (const m of merges) {
    for (let r = m.top; r <= m.bottom; r++) {
      const row = grid[r];
      for (let c = m.left; c <= m.right && row; c++) if ((r !== m.top || c !== m.left) && c < row.length) row[c] = null;
    }
  }
  return { grid, merges, formulasWithoutValue };
}

/** An .xlsx workbook read whole with exceljs. */
export class XlsxSource implements TableSource {
  private constructor(readonly label: string, private readonly workbook: ExcelJS.Workbook) {}

  static async fromBuffer(label: string, data: ArrayBuffer | Uint8Array): Promise<XlsxSource> {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(data as ArrayBuffer);
    return new XlsxSource(label, workbook);
  }

  async sheetNames(): Promise<string[]> {
    return this.workbook.worksheets.filter((w) => w.state !== 'veryHidden').map((w) => w.name);
  }

  async readSheet(name: string): Promise<SheetData> {
    const worksheet = this.workbook.getWorksheet(name);
    if (!worksheet) throw new SourceError('NO_SHEET', this.label, name);
    return { name, ...sheetOf(worksheet), date1904: Boolean(this.workbook.properties.date1904), firstRow: 1, firstColumn: 1 };
  }
}

/** A .csv file: one sheet, named after the file. */
export class CsvSource implements TableSource {
  private readonly grid: Cell[][];

  constructor(readonly label: string, data: Uint8Array, private readonly sheet: string) {
    this.grid = parseCsv(decodeText(data));
  }

  async sheetNames(): Promise<string[]> {
    return [this.sheet];
  }

  async readSheet(name: string): Promise<SheetData> {
    if (name !== this.sheet) throw new SourceError('NO_SHEET', this.label, name);
    return { name, grid: this.grid, date1904: false, firstRow: 1, firstColumn: 1 };
  }
}

/** A source that cannot be read: the file, and the sheet when one is missing. */
export class SourceError extends Error {
  constructor(readonly code: 'NO_SHEET' | 'UNREADABLE', readonly file: string, readonly sheet: string | null, detail = '') {
    super(code === 'NO_SHEET'
      ? `${file}：没有工作表「${sheet}」 / ${file}: no sheet named "${sheet}"`
      : `${file}：无法读取（${detail}） / ${file}: cannot be read (${detail})`);
  }
}

/** Opens .xlsx or .csv bytes by the file name's extension. */
export async function openSource(fileName: string, data: Uint8Array): Promise<TableSource> {
  const base = fileName.replace(/^.*[\\/]/u, '');
  try {
    if (/\.csv$/iu.test(base)) return new CsvSource(fileName, data, base.replace(/\.csv$/iu, ''));
    return await XlsxSource.fromBuffer(fileName, data);
  } catch (error) {
    throw new SourceError('UNREADABLE', fileName, null, error instanceof Error ? error.message : String(error));
  }
}
