import { messages } from '../engine/messages';
import type { Cell } from '../engine/types';
import { decodeText, OpenQuoteError, parseCsv } from './csv';
import { asSourceError, SourceError } from './errors';
import type { Problem } from '../engine/messages';
import { XlsxReader } from './xlsxReader';
import { isZip, zipEntries, type Inflate } from './zip';
import type { SheetData, TableSource } from './types';

export { SourceError } from './errors';

/** A .csv file: one sheet, named after the file; read once, a BAD_ENCODING warning kept with it. */
export class CsvSource implements TableSource {
  private readonly grid: Cell[][];
  private readonly warnings: Problem[] = [];

  constructor(readonly label: string, data: Uint8Array, private readonly sheet: string) {
    const { text, invalid } = decodeText(data);
    try {
      this.grid = parseCsv(text);
    } catch (error) {
      if (error instanceof OpenQuoteError) throw SourceError.badCsv(messages.badCsv(label, error.line));
      throw error;
    }
    if (invalid) this.warnings.push(messages.badEncoding(label, invalid.line, invalid.count));
  }

  async sheetNames(): Promise<string[]> {
    return [this.sheet];
  }

  async readSheet(name: string): Promise<SheetData> {
    if (name !== this.sheet) throw SourceError.noSheet(this.label, name);
    return { name, grid: this.grid, date1904: false, firstRow: 1, firstColumn: 1, ...(this.warnings.length > 0 ? { warnings: this.warnings } : {}) };
  }
}

/** The extensions read through SheetJS when the bytes are not a zip (Excel 97–2003, WPS, OpenDocument, and the HTML or XML some systems save as ".xls"). */
const LEGACY = /\.(xls|et|ods|fods|xml)$/iu;

/** Whether bytes start like an OLE compound file (CFB: .xls, .et, and encrypted .xlsx). */
const isCompoundFile = (data: Uint8Array) => data[0] === 0xd0 && data[1] === 0xcf && data[2] === 0x11 && data[3] === 0xe0;

/**
 * Opens a workbook or CSV by its bytes and name (§11 formats): .xlsx/.xlsm with our own reader;
 * .xls, .et and .ods through SheetJS, loaded only then; anything else a SourceError that names
 * the format and the formats read — never a library's own words.
 */
export async function openSource(fileName: string, data: Uint8Array, inflate: Inflate): Promise<TableSource> {
  const base = fileName.replace(/^.*[\\/]/u, '');
  try {
    if (/\.csv$/iu.test(base)) return new CsvSource(fileName, data, base.replace(/\.csv$/iu, ''));
    if (isZip(data)) {
      const entries = zipEntries(data);
      if (entries.has('content.xml') && entries.has('mimetype')) return await openLegacy(fileName, data);
      return await XlsxReader.open(fileName, data, entries, inflate);
    }
    if (isCompoundFile(data) || LEGACY.test(base)) return await openLegacy(fileName, data);
    // A workbook's own extension on other bytes (a text file renamed .xlsx): the name says nothing more.
    const extension = /\.[^.]+$/u.exec(base)?.[0] ?? '';
    throw SourceError.unreadable(fileName, 'format', /^\.xls[xm]$/iu.test(extension) ? '' : extension);
  } catch (error) {
    throw asSourceError(fileName, error);
  }
}

async function openLegacy(fileName: string, data: Uint8Array): Promise<TableSource> {
  const { LegacySource } = await import('./legacy');
  return LegacySource.open(fileName, data);
}
