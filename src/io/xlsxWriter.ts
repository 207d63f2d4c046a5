import ExcelJS from 'exceljs';
import { NUMBER_FORMATS, type ColumnFormat, type ResultSheet, type SheetBlock } from '../engine/sheets';
import type { Cell } from '../engine/types';
import type { ResultSink } from './types';

const THIN: Partial<ExcelJS.Borders> = {
  top: { style: 'thin' }, left: { style: 'thin' }, bottom: { style: 'thin' }, right: { style: 'thin' },
};
const HEADER_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFDEEAF6' } };

/**
 * A cell value safe to write: text stays text even when it starts with =, +, - or @ (exceljs only
 * writes a formula for a { formula } object, never for a string), and dates stay UTC midnight.
 */
function safeValue(value: Cell): ExcelJS.CellValue {
  if (value === undefined) return null;
  return value;
}

/** A block's header row: bold, shaded, centred and boxed, from `firstColumn`. */
function writeHeader(ws: ExcelJS.Worksheet, block: SheetBlock, rowNumber: number, firstColumn: number): void {
  const header = ws.getRow(rowNumber);
  block.columns.forEach((c, i) => {
    const cell = header.getCell(firstColumn + i);
    cell.value = c.header;
    cell.font = { bold: true };
    cell.fill = HEADER_FILL;
    cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
    cell.border = THIN;
  });
}

/** Points for a wrapped paragraph across the sheet's columns: about 15 points a line of CJK text. */
function paragraphHeight(text: string, sheet: ResultSheet): number {
  const columns = sheet.blocks[0]?.columns ?? [];
  // A column width counts Latin characters; a Chinese character takes two.
  const perLine = Math.max(10, columns.reduce((s, c) => s + c.width, 0) / 2);
  return Math.ceil(text.length / perLine + 1) * 15;
}

/**
 * Where the writer's sheets go: an exceljs workbook held in memory (the browser's only kind), or
 * exceljs's streaming writer, which keeps only the rows not yet committed (xlsxStream.ts, Node).
 */
export interface XlsxBook {
  workbook: ExcelJS.Workbook;
  /** The finished file. */
  finish(): Promise<Uint8Array<ArrayBuffer>>;
}

function memoryBook(): XlsxBook {
  const workbook = new ExcelJS.Workbook();
  return { workbook, finish: async () => new Uint8Array(await workbook.xlsx.writeBuffer()) };
}

/** Writes result sheets into a new workbook (never into an input workbook). */
export class XlsxResultWriter implements ResultSink {
  private readonly workbook: ExcelJS.Workbook;

  constructor(private readonly book: XlsxBook = memoryBook(), creator = 'Service Star') {
    this.workbook = book.workbook;
    this.workbook.creator = creator;
  }

  /**
   * One style object per kind of body cell, shared by every cell of that kind: exceljs recognises a
   * style object it has seen (a WeakMap in its styles writer) and otherwise works each cell's style
   * out afresh — a minute for 100,000 staff.
   */
  private readonly bodyStyles = new Map<string, Partial<ExcelJS.Style>>();

  private bodyStyle(format: ColumnFormat, printable: boolean, isTotal: boolean): Partial<ExcelJS.Style> {
    const key = `${format} ${printable} ${isTotal}`;
    let style = this.bodyStyles.get(key);
    if (!style) {
      style = {
        numFmt: NUMBER_FORMATS[format],
        alignment: printable && format === 'text' ? { horizontal: 'center', vertical: 'middle', wrapText: true } : { vertical: 'middle' },
        ...(printable || isTotal ? { border: THIN } : {}),
        ...(isTotal ? { font: { bold: true } } : {}),
      };
      this.bodyStyles.set(key, style);
    }
    return style;
  }

  async writeSheets(sheets: readonly ResultSheet[]): Promise<void> {
    for (const sheet of sheets) this.writeSheet(sheet);
  }

  private writeSheet(sheet: ResultSheet): void {
    const existing = this.workbook.getWorksheet(sheet.name);
    if (existing) this.workbook.removeWorksheet(existing.id);
    // The frozen header and the print titles name the first header row; a streaming writer takes the
    // sheet's views and page setup when the sheet is added (it writes them before the first row).
    const firstHeader = 1 + (sheet.title ? 2 : 0) + (sheet.paragraph ? 2 : 0) + (sheet.blocks[0]?.caption ? 1 : 0);
    const ws = this.workbook.addWorksheet(sheet.name, {
      views: [{ state: 'frozen', ySplit: firstHeader, xSplit: 0 }],
      // Every sheet prints one page wide on A4 with its header repeated; the award table upright, the wide lists across.
      pageSetup: {
        paperSize: 9, orientation: sheet.printable ? 'portrait' : 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: sheet.onePage ? 1 : 0,
        horizontalCentered: true, printTitlesRow: `${firstHeader}:${firstHeader}`,
        margins: { left: 0.5, right: 0.5, top: 0.75, bottom: 0.75, header: 0.3, footer: 0.3 },
      },
    });
    const width = Math.max(...sheet.blocks.map((b) => b.columns.length));
    // Column styles first: exceljs copies a column's style onto the cells already in it.
    sheet.blocks.forEach((block) => block.columns.forEach((c, i) => {
      const column = ws.getColumn(i + 1);
      column.width = Math.max(column.width ?? 0, c.width);
      // A column style also keeps exceljs from dropping a width of exactly 9, its own default.
      column.alignment = { vertical: 'middle' };
    }));
    let rowNumber = 1;
    if (sheet.title) {
      const title = ws.getRow(rowNumber);
      title.getCell(1).value = sheet.title;
      title.getCell(1).font = { bold: true, size: 16 };
      title.getCell(1).alignment = { horizontal: 'center', vertical: 'middle' };
      title.height = 30;
      ws.mergeCells(rowNumber, 1, rowNumber, width);
      rowNumber += 2;
    }
    if (sheet.paragraph) {
      const paragraph = ws.getRow(rowNumber);
      paragraph.getCell(1).value = safeValue(sheet.paragraph);
      paragraph.getCell(1).alignment = { wrapText: true, vertical: 'top' };
      paragraph.height = paragraphHeight(sheet.paragraph, sheet);
      ws.mergeCells(rowNumber, 1, rowNumber, width);
      rowNumber += 2;
    }
    sheet.blocks.forEach((block, blockIndex) => {
      if (blockIndex > 0) rowNumber++;
      if (block.caption) {
        const caption = ws.getRow(rowNumber++);
        caption.getCell(1).value = block.caption;
        caption.getCell(1).font = { bold: true, size: 12 };
      }
      writeHeader(ws, block, rowNumber, 1);
      // The side table fills rows beside the first block: written before those rows are committed.
      if (blockIndex === 0 && sheet.side) this.writeSide(ws, sheet.side.block, firstHeader, width + 2);
      rowNumber++;
      const body = block.total ? [...block.rows, block.total] : block.rows;
      body.forEach((values, r) => {
        const row = ws.getRow(rowNumber++);
        const isTotal = block.total !== null && r === body.length - 1;
        block.columns.forEach((c, i) => {
          const cell = row.getCell(i + 1);
          cell.value = safeValue(values[i]);
          cell.style = this.bodyStyle(c.format, sheet.printable, isTotal);
        });
        if (sheet.printable) row.height = 22;
        // A streaming writer writes the row out and forgets it (exceljs commits the rows above too).
        row.commit();
      });
    });
    if (sheet.signOff) {
      rowNumber++;
      for (const line of sheet.signOff) {
        const cell = ws.getRow(rowNumber++).getCell(width);
        cell.value = safeValue(line);
        cell.alignment = { horizontal: 'right' };
      }
    }
  }

  /** The side table (department scores) from the first header row; exceljs draws no charts. */
  private writeSide(ws: ExcelJS.Worksheet, block: SheetBlock, headerRow: number, firstColumn: number): void {
    block.columns.forEach((c, i) => { ws.getColumn(firstColumn + i).width = c.width; });
    writeHeader(ws, block, headerRow, firstColumn);
    block.rows.forEach((values, r) => block.columns.forEach((c, i) => {
      const cell = ws.getRow(headerRow + 1 + r).getCell(firstColumn + i);
      cell.value = safeValue(values[i]);
      cell.numFmt = NUMBER_FORMATS[c.format];
    }));
  }

  async toBuffer(): Promise<Uint8Array<ArrayBuffer>> {
    return this.book.finish();
  }
}
