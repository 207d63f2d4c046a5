import { toExcelSerial } from '../engine/dates';
import { NUMBER_FORMATS, type ResultSheet } from '../engine/sheets';
import type { Cell } from '../engine/types';
import type { ResultSink, SheetData, TableSource } from './types';

/**
 * The Office.js side of the I/O interface: reads used ranges and writes result sheets in the open
 * workbook. It only moves data; every rule lives in src/engine. Requests are chunked so none comes
 * near Excel on the web's 5 MB limit, and the number of syncs grows only with the number of chunks.
 */

type Run = <T>(batch: (context: Excel.RequestContext) => Promise<T>) => Promise<T>;

/** Cells per read or write request at most. */
export const CHUNK_CELLS = 50_000;
/**
 * Characters of JSON per request at most: even if every character took 3 bytes (Chinese text in
 * UTF-8) a request stays under 3 MB, well inside Excel on the web's 5 MB.
 */
export const CHUNK_CHARS = 1_000_000;
/** Rows of the first read of a sheet, before the size of its rows is known. */
const FIRST_READ_CELLS = 5_000;

/** Whether a number format shows a date (so the number is a date serial). */
export function isDateFormat(format: unknown): boolean {
  if (typeof format !== 'string') return false;
  const bare = format.replace(/"[^"]*"|\[[^\]]*\]|\\./gu, '').toLowerCase();
  return /[ymd]/u.test(bare) && !/^(general|@)$/u.test(bare);
}

function rowsPerChunk(columns: number): number {
  return Math.max(1, Math.floor(CHUNK_CELLS / Math.max(1, columns)));
}

/** Sheets of the open workbook as tables; date-formatted numbers arrive as dates, like from .xlsx. */
export class ExcelSource implements TableSource {
  readonly label: string;

  constructor(private readonly run: Run, label = 'workbook') {
    this.label = label;
  }

  async sheetNames(): Promise<string[]> {
    return this.run(async (context) => {
      const sheets = context.workbook.worksheets;
      sheets.load('items/name,items/visibility');
      await context.sync();
      return sheets.items.filter((s) => s.visibility !== Excel.SheetVisibility.veryHidden).map((s) => s.name);
    });
  }

  async readSheet(name: string): Promise<SheetData> {
    return this.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem(name);
      const used = sheet.getUsedRangeOrNullObject(true);
      used.load('rowIndex,columnIndex,rowCount,columnCount');
      await context.sync();
      if (used.isNullObject) return { name, grid: [], date1904: false, firstRow: 1, firstColumn: 1 };
      const columns = used.columnCount;
      const grid: Cell[][] = [];
      // Rows per request adapt to the size of the rows read so far (long text means fewer rows).
      let step = Math.max(1, Math.floor(FIRST_READ_CELLS / columns));
      let r = 0;
      while (r < used.rowCount) {
        const rows = Math.min(step, used.rowCount - r);
        const chunk = sheet.getRangeByIndexes(used.rowIndex + r, used.columnIndex, rows, columns);
        chunk.load('values,numberFormat');
        // eslint-disable-next-line office-addins/no-context-sync-in-loop
        await context.sync();
        const values = chunk.values;
        const formats = chunk.numberFormat;
        values.forEach((row, i) => grid.push(row.map((v, j) => cellOf(v, formats[i]?.[j]))));
        const chars = JSON.stringify(values).length + JSON.stringify(formats).length;
        step = Math.max(1, Math.min(rowsPerChunk(columns), Math.floor((rows * CHUNK_CHARS) / Math.max(1, chars))));
        r += rows;
      }
      return { name, grid, date1904: false, firstRow: used.rowIndex + 1, firstColumn: used.columnIndex + 1 };
    });
  }
}

function cellOf(value: unknown, format: unknown): Cell {
  if (value === '' || value === null || value === undefined) return null;
  if (typeof value === 'number' && isDateFormat(format)) {
    const whole = Math.floor(value);
    return whole >= 61 ? new Date((whole - 25_569) * 86_400_000) : value;
  }
  return value as Cell;
}

/**
 * A value as written to a cell: text that looks like a formula, or starts with an apostrophe,
 * gets Excel's quote prefix so it is stored exactly as text.
 */
export function writableValue(cell: Cell): string | number | boolean {
  if (cell === null || cell === undefined) return '';
  if (cell instanceof Date) return toExcelSerial(Math.floor(cell.getTime() / 86_400_000));
  if (typeof cell === 'string' && /^[=+\-@']/u.test(cell)) return `'${cell}`;
  return cell;
}

/** Consecutive slices of rows whose JSON stays within CHUNK_CHARS and CHUNK_CELLS. */
function sizedChunks<T>(rows: readonly T[][]): T[][][] {
  const chunks: T[][][] = [];
  let current: T[][] = [];
  let chars = 0;
  for (const row of rows) {
    const size = JSON.stringify(row).length;
    if (current.length > 0 && (chars + size > CHUNK_CHARS || (current.length + 1) * row.length > CHUNK_CELLS)) {
      chunks.push(current);
      current = [];
      chars = 0;
    }
    current.push(row);
    chars += size;
  }
  if (current.length > 0) chunks.push(current);
  return chunks;
}

interface Placed {
  /** 0-based row of the block's header. */
  headerRow: number;
  rows: number;
  columns: number;
}

/**
 * Writes result sheets. It refuses any name in `inputSheets` (input sheets are never written to)
 * and replaces a sheet of the same name, which is one of ours from an earlier run.
 */
export class ExcelSink implements ResultSink {
  syncs = 0;

  constructor(private readonly run: Run, private readonly inputSheets: ReadonlySet<string>) {}

  async writeSheets(sheets: readonly ResultSheet[]): Promise<void> {
    for (const sheet of sheets) {
      if (this.inputSheets.has(sheet.name)) throw new Error(`「${sheet.name}」是输入表，不会被改写 / "${sheet.name}" is an input sheet and is never written`);
    }
    await this.run(async (context) => {
      const sync = async () => {
        this.syncs++;
        await context.sync();
      };
      const existing = context.workbook.worksheets;
      existing.load('items/name');
      await sync();
      const names = new Set(existing.items.map((w) => w.name));
      for (const sheet of sheets) {
        context.application.suspendApiCalculationUntilNextSync();
        if (names.has(sheet.name)) context.workbook.worksheets.getItem(sheet.name).delete();
        const ws = context.workbook.worksheets.add(sheet.name);
        const placed = this.layout(sheet);
        this.writeFrame(ws, sheet, placed);
        // One request for a sheet's frame, then one per chunk of rows: the count grows with chunks only.
        await sync();
        for (const [b, block] of sheet.blocks.entries()) {
          const at = placed[b] as Placed;
          const body = (block.total ? [...block.rows, block.total] : block.rows)
            .map((row) => block.columns.map((_, c) => writableValue(row[c])));
          let r = 0;
          for (const part of sizedChunks(body)) {
            ws.getRangeByIndexes(at.headerRow + 1 + r, 0, part.length, block.columns.length).values = part;
            r += part.length;
            await sync();
          }
        }
      }
    });
  }

  /** Brings a written sheet to the front (the award table, after a run). */
  async activate(name: string): Promise<void> {
    await this.run(async (context) => {
      context.workbook.worksheets.getItem(name).activate();
      this.syncs++;
      await context.sync();
    });
  }

  private layout(sheet: ResultSheet): Placed[] {
    let row = sheet.title ? 2 : 0;
    return sheet.blocks.map((block, i) => {
      if (i > 0) row++;
      if (block.caption) row++;
      const at = { headerRow: row, rows: block.rows.length + (block.total ? 1 : 0), columns: block.columns.length };
      row += 1 + at.rows;
      return at;
    });
  }

  /** Title, captions, headers, number formats and widths per column, freeze and print setup. */
  private writeFrame(ws: Excel.Worksheet, sheet: ResultSheet, placed: Placed[]): void {
    const width = Math.max(...sheet.blocks.map((b) => b.columns.length));
    if (sheet.title) {
      const title = ws.getRangeByIndexes(0, 0, 1, width);
      title.merge();
      title.values = [[writableValue(sheet.title), ...Array<string>(width - 1).fill('')]];
      title.format.font.bold = true;
      title.format.font.size = 16;
      title.format.horizontalAlignment = Excel.HorizontalAlignment.center;
    }
    sheet.blocks.forEach((block, b) => {
      const at = placed[b] as Placed;
      if (block.caption) {
        const caption = ws.getRangeByIndexes(at.headerRow - 1, 0, 1, 1);
        caption.values = [[writableValue(block.caption)]];
        caption.format.font.bold = true;
      }
      const header = ws.getRangeByIndexes(at.headerRow, 0, 1, block.columns.length);
      header.values = [block.columns.map((c) => writableValue(c.header))];
      header.format.font.bold = true;
      header.format.fill.color = '#DEEAF6';
      block.columns.forEach((c, i) => {
        if (at.rows > 0) ws.getRangeByIndexes(at.headerRow + 1, i, at.rows, 1).numberFormat = [[NUMBER_FORMATS[c.format]]];
      });
      if (sheet.printable) {
        const table = ws.getRangeByIndexes(at.headerRow, 0, at.rows + 1, block.columns.length);
        for (const edge of [Excel.BorderIndex.edgeTop, Excel.BorderIndex.edgeBottom, Excel.BorderIndex.edgeLeft,
          Excel.BorderIndex.edgeRight, Excel.BorderIndex.insideHorizontal, Excel.BorderIndex.insideVertical]) {
          table.format.borders.getItem(edge).style = Excel.BorderLineStyle.continuous;
        }
      }
    });
    // A column is as wide as the widest block needs it; widths are in characters, Excel wants points.
    const widths: number[] = [];
    for (const block of sheet.blocks) block.columns.forEach((c, i) => { widths[i] = Math.max(widths[i] ?? 0, c.width); });
    widths.forEach((w, i) => { ws.getRangeByIndexes(0, i, 1, 1).format.columnWidth = Math.max(w * 7, 40); });
    const firstHeader = (placed[0]?.headerRow ?? 0) + 1;
    ws.freezePanes.freezeRows(firstHeader);
    ws.pageLayout.orientation = sheet.printable ? Excel.PageOrientation.portrait : Excel.PageOrientation.landscape;
    ws.pageLayout.zoom = { horizontalFitToPages: 1, verticalFitToPages: 0 };
    ws.pageLayout.centerHorizontally = true;
    ws.pageLayout.setPrintTitleRows(`$${firstHeader}:$${firstHeader}`);
  }
}
