import ExcelJS from 'exceljs';
import type { Cell } from '../engine/types';
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

function gridOf(worksheet: ExcelJS.Worksheet): Cell[][] {
  const grid: Cell[][] = [];
  const rows = worksheet.getSheetValues() as (ExcelJS.CellValue[] | undefined)[];
  for (let r = 1; r < rows.length; r++) {
    const values = rows[r];
    const row: Cell[] = [];
    if (values) for (let c = 1; c < values.length; c++) row.push(plainValue(values[c] as ExcelJS.CellValue));
    grid.push(row);
  }
  return grid;
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
    return {
      name, grid: gridOf(worksheet), date1904: Boolean(this.workbook.properties.date1904), firstRow: 1, firstColumn: 1,
    };
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

/** Why a file cannot be read, in the clerk's words. */
export interface Unreadable {
  zh: string;
  en: string;
}

/** The formats this tool reads, for messages. */
export const READ_FORMATS = '.xlsx、.xlsm、.csv';

/** A file that is not a workbook we can read: what it seems to be, and how to save it so it reads. */
export function notAWorkbook(data: Uint8Array): Unreadable {
  const starts = (...bytes: number[]) => bytes.every((b, i) => data[i] === b);
  const save = { zh: `请在 Excel 或 WPS 中另存为 .xlsx（可读取 ${READ_FORMATS}）`, en: `save it as .xlsx in Excel or WPS (${READ_FORMATS.replace(/、/gu, ', ')} are read)` };
  // An OLE2 compound file (D0 CF 11 E0): an Excel 97–2003 .xls, a WPS .et, or an encrypted workbook.
  if (starts(0xd0, 0xcf, 0x11, 0xe0)) {
    return { zh: `这是旧版 Excel（.xls/.et）或加密的工作簿，${save.zh}`, en: `an old Excel (.xls/.et) or encrypted workbook: ${save.en}` };
  }
  if (starts(0x25, 0x50, 0x44, 0x46)) return { zh: `这是 PDF 文件，不是工作簿；${save.zh}`, en: `a PDF file, not a workbook; ${save.en}` };
  if (starts(0x50, 0x4b)) return { zh: `压缩文件已损坏或不是 Excel 工作簿；${save.zh}`, en: `a damaged zip file or not an Excel workbook; ${save.en}` };
  return { zh: `不是 Excel 工作簿；${save.zh}`, en: `not an Excel workbook; ${save.en}` };
}

/** A source that cannot be read: the file, and the sheet when one is missing. Each said once, Chinese then English. */
export class SourceError extends Error {
  constructor(readonly code: 'NO_SHEET' | 'UNREADABLE', readonly file: string, readonly sheet: string | null, why: Unreadable = { zh: '', en: '' }) {
    super(code === 'NO_SHEET'
      ? `${file}：没有工作表「${sheet}」 / ${file}: no sheet named "${sheet}"`
      : `${file}：无法读取（${why.zh}） / ${file}: cannot be read (${why.en})`);
  }
}

/** Opens .xlsx or .csv bytes by the file name's extension. */
export async function openSource(fileName: string, data: Uint8Array): Promise<TableSource> {
  const base = fileName.replace(/^.*[\\/]/u, '');
  if (/\.csv$/iu.test(base)) return new CsvSource(fileName, data, base.replace(/\.csv$/iu, ''));
  try {
    return await XlsxSource.fromBuffer(fileName, data);
  } catch {
    // The zip library's own words (jszip's English, a URL) mean nothing to a clerk.
    throw new SourceError('UNREADABLE', fileName, null, notAWorkbook(data));
  }
}
