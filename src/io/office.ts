import { fromExcelSerial, toExcelSerial } from '../engine/dates';
import { type ColumnFormat, NUMBER_FORMATS, type ResultSheet, type SheetBlock } from '../engine/sheets';
import type { Cell } from '../engine/types';
import { clipMerges } from './merges';
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
/**
 * Cells of the first read of a block, before the size of its rows is known: small, so that even
 * 2,000-character cells (3 MB in UTF-8) stay under Excel on the web's 5 MB.
 */
const FIRST_READ_CELLS = 500;
const HEADER_FILL = '#DEEAF6';

/** Whether a number format shows a date (so the number is a date serial). */
export function isDateFormat(format: unknown): boolean {
  if (typeof format !== 'string') return false;
  const bare = format.replace(/"[^"]*"|\[[^\]]*\]|\\./gu, '').toLowerCase();
  return /[ymd]/u.test(bare) && !/^(general|@)$/u.test(bare);
}

function rowsPerChunk(columns: number): number {
  return Math.max(1, Math.floor(CHUNK_CELLS / Math.max(1, columns)));
}

export interface ExcelSourceOptions {
  /**
   * Read merged ranges (§11: headings and notes merged across a row, values merged down a column).
   * Range.getMergedAreasOrNullObject is ExcelApi 1.13, above the 1.9 the manifest requires: the
   * host asks `Office.context.requirements.isSetSupported('ExcelApi', '1.13')`; without it a sheet
   * reads as its values alone (a merged line is then a row of one cell, rejected with its warning).
   */
  merges?: boolean;
}

/** Sheets of the open workbook as tables; date-formatted numbers arrive as dates, like from .xlsx. */
export class ExcelSource implements TableSource {
  readonly label: string;

  constructor(private readonly run: Run, label = 'workbook', private readonly options: ExcelSourceOptions = {}) {
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
      const system = dateSystemOf(context);
      // Asked of the whole sheet: it returns only the areas whose top-left cell lies in the range it
      // is called on (OfficeDev/office-js#3611), and a merge's value sits in its top-left cell.
      const merged = this.options.merges ? sheet.getRange().getMergedAreasOrNullObject() : null;
      merged?.load('areaCount');
      await context.sync();
      const date1904 = system.value === 0;
      if (used.isNullObject) return { name, grid: [], date1904, firstRow: 1, firstColumn: 1 };
      const areas = merged && !merged.isNullObject ? merged.areas.load('items/rowIndex,items/columnIndex,items/rowCount,items/columnCount') : null;
      const data = await readBlock(context, sheet, name, used, date1904);
      if (!areas) return data;
      // In the grid's coordinates (0-based from the used range's first cell), clipped to the data.
      const merges = areas.items.map((a) => ({
        top: a.rowIndex - used.rowIndex, left: a.columnIndex - used.columnIndex,
        bottom: a.rowIndex + a.rowCount - 1 - used.rowIndex, right: a.columnIndex + a.columnCount - 1 - used.columnIndex,
      })).filter((m) => m.bottom >= 0 && m.right >= 0).map((m) => ({ ...m, top: Math.max(0, m.top), left: Math.max(0, m.left) }));
      return { ...data, merges: clipMerges(merges, data.grid) };
    });
  }
}

/**
 * Ranges given by address, as a cell function's parameterAddresses name them ('Sheet1!A1:F63',
 * "'My sheet'!B2:D9"), read as readSheet reads a sheet: blanks blank, date-formatted numbers as
 * dates, and the sheet's own row and column numbers. One request finds them all.
 */
export async function readRanges(run: Run, addresses: readonly string[]): Promise<SheetData[]> {
  return run(async (context) => {
    const ranges = addresses.map((address) => {
      const { sheet, cells } = splitAddress(address);
      const ws = context.workbook.worksheets.getItem(sheet);
      const range = ws.getRange(cells);
      range.load('rowIndex,columnIndex,rowCount,columnCount');
      // A whole-column reference (A:F) is a million rows: only its part inside the used range is read.
      const used = ws.getUsedRangeOrNullObject(true);
      used.load('rowIndex,columnIndex,rowCount,columnCount');
      return { sheet, ws, range, used };
    });
    const system = dateSystemOf(context);
    await context.sync();
    const date1904 = system.value === 0;
    const read: SheetData[] = [];
    for (const r of ranges) {
      const block = r.used.isNullObject ? null : intersection(r.range, r.used);
      read.push(block ? await readBlock(context, r.ws, r.sheet, block, date1904)
        : { name: r.sheet, grid: [], date1904, firstRow: r.range.rowIndex + 1, firstColumn: r.range.columnIndex + 1 });
    }
    return read;
  });
}

/** The cells two blocks share, or null when they share none. */
function intersection(a: Block, b: Block): Block | null {
  const rowIndex = Math.max(a.rowIndex, b.rowIndex);
  const columnIndex = Math.max(a.columnIndex, b.columnIndex);
  const rowCount = Math.min(a.rowIndex + a.rowCount, b.rowIndex + b.rowCount) - rowIndex;
  const columnCount = Math.min(a.columnIndex + a.columnCount, b.columnIndex + b.columnCount) - columnIndex;
  return rowCount > 0 && columnCount > 0 ? { rowIndex, columnIndex, rowCount, columnCount } : null;
}

/** The sheet name and the cells of an address such as "'My sheet'!A1:F63" (quotes doubled inside). */
export function splitAddress(address: string): { sheet: string; cells: string } {
  const m = /^(?:'((?:[^']|'')+)'|([^!]+))!(.+)$/u.exec(address);
  if (!m) throw new Error(`not a sheet address: ${address}`);
  return { sheet: m[1] !== undefined ? m[1].replace(/''/gu, "'") : (m[2] as string), cells: m[3] as string };
}

/**
 * The workbook's date system. No Excel API property tells it (Workbook, WorkbookProperties and
 * Application have none in @types/office-js), but the worksheet function DATE does: its year runs
 * "from 1900 or 1904 (depending on the workbook's date system)" (Excel.Functions.date, ExcelApi 1.2,
 * inside the ExcelApi 1.9 the manifest requires), so DATE(1904,1,1) is 0 in a 1904 workbook and 1462
 * in a 1900 one. Queued here; read `value` after the next sync.
 */
function dateSystemOf(context: Excel.RequestContext): Excel.FunctionResult<number> {
  const result = context.workbook.functions.date(1904, 1, 1);
  result.load('value');
  return result;
}

interface Block {
  rowIndex: number;
  columnIndex: number;
  rowCount: number;
  columnCount: number;
}

/** The cells of a block of a sheet, in requests sized to stay far below Excel's 5 MB. */
async function readBlock(context: Excel.RequestContext, sheet: Excel.Worksheet, name: string, block: Block, date1904: boolean): Promise<SheetData> {
  const columns = block.columnCount;
  const grid: Cell[][] = [];
  // Rows per request adapt to the size of the rows read so far (long text means fewer rows).
  let step = Math.max(1, Math.floor(FIRST_READ_CELLS / columns));
  let r = 0;
  while (r < block.rowCount) {
    const rows = Math.min(step, block.rowCount - r);
    const chunk = sheet.getRangeByIndexes(block.rowIndex + r, block.columnIndex, rows, columns);
    chunk.load('values,numberFormat');
    // eslint-disable-next-line office-addins/no-context-sync-in-loop
    await context.sync();
    const values = chunk.values;
    const formats = chunk.numberFormat;
    values.forEach((row, i) => grid.push(row.map((v, j) => cellOf(v, formats[i]?.[j], date1904))));
    const chars = JSON.stringify(values).length + JSON.stringify(formats).length;
    step = Math.max(1, Math.min(rowsPerChunk(columns), Math.floor((rows * CHUNK_CHARS) / Math.max(1, chars))));
    r += rows;
  }
  return { name, grid, date1904, firstRow: block.rowIndex + 1, firstColumn: block.columnIndex + 1 };
}

/** A cell as the engine takes it: '' is blank, and a number with a date format is that day. */
function cellOf(value: unknown, format: unknown, date1904: boolean): Cell {
  if (value === '' || value === null || value === undefined) return null;
  if (typeof value === 'number' && isDateFormat(format)) {
    const day = fromExcelSerial(value, date1904);
    return day === null ? value : new Date(day * 86_400_000);
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

/**
 * Deletes a set-aside sheet. A very hidden sheet cannot be deleted ("the delete operation will fail
 * with an InvalidOperation exception. You should first change its visibility to hidden or visible",
 * Worksheet.delete; by design, OfficeDev/office-js#365): it is made hidden first, in the same request.
 */
function dropSetAside(sheets: Excel.WorksheetCollection, name: string): void {
  const sheet = sheets.getItem(name);
  sheet.visibility = Excel.SheetVisibility.hidden;
  sheet.delete();
}

interface Placed {
  /** 0-based row of the block's header. */
  headerRow: number;
  rows: number;
  columns: number;
}

/** Sheets that hold what a run replaced, until it is undone or the next run: very hidden, our own names. */
const BACKUP_PREFIX = 'ServiceStar.undo.';

/**
 * Rows a run appended below the rows of a sheet the office keeps (the committee's decisions, §12):
 * where, the values as Excel holds them (what a read gives back) and the number formats the cells had.
 */
export interface AppendedRows {
  sheet: string;
  /** 0-based row and column of the first cell. */
  row: number;
  column: number;
  values: (string | number | boolean)[][];
  formats: string[][];
}

/**
 * What "undo this run" needs: the sheets the run made, where it put each sheet it replaced, and
 * the rows it appended. Plain data, so the task pane can keep it in the workbook's settings.
 */
export interface RunUndo {
  created: string[];
  replaced: { name: string; backup: string }[];
  appended?: AppendedRows[];
}

/** A cell as Excel holds it once written with writableValue (its quote prefix is not part of the value). */
function heldValue(cell: Cell): string | number | boolean {
  const value = writableValue(cell);
  return typeof value === 'string' && typeof cell === 'string' && value !== cell ? cell : value;
}

export interface SinkOptions {
  /** Called after every request with the requests done and the requests planned. */
  onProgress?: (done: number, total: number) => void;
}

/**
 * Writes result sheets. It refuses any name in `inputSheets` (input sheets are never written to).
 * A sheet of the same name (one of ours from an earlier run) is not deleted but set aside, very
 * hidden, so the run can be undone; the previous run's set-aside sheets are dropped first.
 */
export class ExcelSink implements ResultSink {
  syncs = 0;
  /** The undo of the last writeSheets. */
  undo: RunUndo = { created: [], replaced: [] };

  constructor(private readonly run: Run, private readonly inputSheets: ReadonlySet<string>, private readonly options: SinkOptions = {}) {}

  async writeSheets(sheets: readonly ResultSheet[]): Promise<void> {
    for (const sheet of sheets) {
      if (this.inputSheets.has(sheet.name)) throw new Error(`「${sheet.name}」是输入表，不会被改写 / "${sheet.name}" is an input sheet and is never written`);
    }
    const plans = sheets.map((sheet) => {
      const placed = this.layout(sheet);
      const chunks = sheet.blocks.map((block) => sizedChunks((block.total ? [...block.rows, block.total] : block.rows)
        .map((row) => block.columns.map((_, c) => writableValue(row[c])))));
      return { sheet, placed, chunks };
    });
    // Requests: list the sheets; set aside, add and hide sheets; each sheet's frame and its chunks of rows; recalculate.
    const total = 3 + plans.reduce((n, p) => n + 1 + p.chunks.reduce((m, c) => m + c.length, 0), 0);
    let done = 0;
    await this.run(async (context) => {
      const sheets = context.workbook.worksheets;
      // Calculation is suspended for every request of the write, and the workbook recalculated once at
      // the end: after suspendApiCalculationUntilNextSync "it is the developer's responsibility to
      // re-calc the workbook" (Excel.Application, ExcelApi 1.6).
      const sync = async () => {
        context.application.suspendApiCalculationUntilNextSync();
        this.syncs++;
        await context.sync();
        this.options.onProgress?.(++done, total);
      };
      sheets.load('items/name');
      await sync();
      const names = new Set(sheets.items.map((w) => w.name));
      // The tab bar changes in this one request, so screen updating is suspended for it alone: "Don't
      // call suspendScreenUpdatingUntilNextSync repeatedly … the Excel window will flicker" (ExcelApi 1.9).
      context.application.suspendScreenUpdatingUntilNextSync();
      for (const old of sheets.items.filter((w) => w.name.startsWith(BACKUP_PREFIX))) {
        dropSetAside(sheets, old.name);
        names.delete(old.name);
      }
      const undo: RunUndo = { created: [], replaced: [] };
      const added: Excel.Worksheet[] = [];
      let n = 0;
      for (const { sheet } of plans) {
        let backup: string | null = null;
        if (names.has(sheet.name)) {
          while (names.has(`${BACKUP_PREFIX}${n}`)) n++;
          backup = `${BACKUP_PREFIX}${n++}`;
          sheets.getItem(sheet.name).name = backup;
          undo.replaced.push({ name: sheet.name, backup });
        }
        added.push(sheets.add(sheet.name));
        // Hidden only once its successor exists: Excel never hides a workbook's last visible sheet.
        if (backup) sheets.getItem(backup).visibility = Excel.SheetVisibility.veryHidden;
        undo.created.push(sheet.name);
      }
      await sync();
      this.undo = undo;
      // One request for a sheet's frame, then one per chunk of rows: the count grows with chunks only.
      for (const [i, { sheet, placed, chunks }] of plans.entries()) {
        const ws = added[i] as Excel.Worksheet;
        this.writeFrame(ws, sheet, placed);
        await sync();
        for (const [b, parts] of chunks.entries()) {
          const at = placed[b] as Placed;
          let r = 0;
          for (const part of parts) {
            ws.getRangeByIndexes(at.headerRow + 1 + r, 0, part.length, part[0]?.length ?? 0).values = part;
            r += part.length;
            await sync();
          }
        }
      }
      context.application.calculate(Excel.CalculationType.recalculate);
      this.syncs++;
      await context.sync();
      this.options.onProgress?.(++done, total);
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

  /**
   * Appends rows below the last row of a sheet the office keeps (never over a cell of theirs: the
   * rows start below its used range), `formats` per column; the text columns as text ('@'), so an
   * id such as 007 stays as written. Adds them to this run's undo: call it after writeSheets.
   */
  async appendRows(sheet: string, row: number, column: number, rows: readonly Cell[][], formats: readonly ColumnFormat[]): Promise<void> {
    if (rows.length === 0) return;
    const width = formats.length;
    await this.run(async (context) => {
      const ws = context.workbook.worksheets.getItem(sheet);
      const used = ws.getUsedRangeOrNullObject(true);
      used.load('rowIndex,rowCount');
      const block = ws.getRangeByIndexes(row, column, rows.length, width);
      block.load('numberFormat');
      this.syncs++;
      await context.sync();
      // The office may have added rows since the pane read the sheet: then the rows are not written.
      if (!used.isNullObject && used.rowIndex + used.rowCount > row) {
        throw new Error(`「${sheet}」在读取后又有新行，请重新读取后再写入 / "${sheet}" has new rows since it was read: read it again, then write`);
      }
      const before = block.numberFormat.map((r) => r.map(String));
      formats.forEach((f, i) => { ws.getRangeByIndexes(row, column + i, rows.length, 1).numberFormat = [[NUMBER_FORMATS[f]]]; });
      block.values = rows.map((r) => formats.map((_, i) => writableValue(r[i])));
      this.syncs++;
      await context.sync();
      this.undo = { ...this.undo, appended: [...this.undo.appended ?? [], { sheet, row, column, values: rows.map((r) => formats.map((_, i) => heldValue(r[i]))), formats: before }] };
    });
  }

  /** Undoes a run: removes the sheets it made and the rows it appended, and puts back, as they were, the sheets it replaced. */
  async undoRun(undo: RunUndo): Promise<void> {
    await this.run(async (context) => {
      const sheets = context.workbook.worksheets;
      const names = await this.namesIn(context);
      const missing = undo.replaced.filter((r) => !names.has(r.backup)).map((r) => r.name);
      if (missing.length > 0) throw new Error(`无法撤销：找不到被替换前的「${missing.join('、')}」 / cannot undo: the earlier ${missing.join(', ')} is gone`);
      // Appended rows are cleared only while they still hold what the run wrote: rows inserted above
      // them, or an edit, would otherwise make the undo clear a row the office wrote.
      const appended = (undo.appended ?? []).filter((a) => names.has(a.sheet)).map((a) => {
        const range = sheets.getItem(a.sheet).getRangeByIndexes(a.row, a.column, a.values.length, a.values[0]?.length ?? 0);
        range.load('values');
        return { a, range };
      });
      if (appended.length > 0) {
        this.syncs++;
        await context.sync();
      }
      const changed = appended.filter(({ a, range }) => !a.values.every((r, i) => r.every((v, j) => range.values[i]?.[j] === v)));
      if (changed.length > 0) {
        const where = changed.map(({ a }) => `${a.sheet}!${a.row + 1}:${a.row + a.values.length}`);
        throw new Error(`无法撤销：本次写入「${where.join('、')}」的行已被改动或移动，请手工删除 / cannot undo: the rows this run appended (${where.join(', ')}) were changed or moved; delete them by hand`);
      }
      for (const { a, range } of appended) {
        range.values = a.values.map((r) => r.map(() => ''));
        range.numberFormat = a.formats;
      }
      // The restored sheets come back first, so the workbook always keeps a visible sheet.
      for (const r of undo.replaced) sheets.getItem(r.backup).visibility = Excel.SheetVisibility.visible;
      for (const name of undo.created) if (names.has(name)) sheets.getItem(name).delete();
      for (const r of undo.replaced) sheets.getItem(r.backup).name = r.name;
      this.syncs++;
      await context.sync();
    });
  }

  /** Keeps a run for good: drops the sheets it set aside. */
  async discardUndo(undo: RunUndo): Promise<void> {
    await this.run(async (context) => {
      const sheets = context.workbook.worksheets;
      const names = await this.namesIn(context);
      for (const r of undo.replaced) if (names.has(r.backup)) dropSetAside(sheets, r.backup);
      this.syncs++;
      await context.sync();
    });
  }

  /** The names of the workbook's sheets, in one request. */
  private async namesIn(context: Excel.RequestContext): Promise<Set<string>> {
    const sheets = context.workbook.worksheets;
    sheets.load('items/name');
    this.syncs++;
    await context.sync();
    return new Set(sheets.items.map((w) => w.name));
  }

  /** Selects a cell or row of a sheet (a problem the wizard points at). */
  async select(sheet: string, address: string): Promise<void> {
    await this.run(async (context) => {
      const ws = context.workbook.worksheets.getItem(sheet);
      ws.activate();
      ws.getRange(address).select();
      this.syncs++;
      await context.sync();
    });
  }

  private layout(sheet: ResultSheet): Placed[] {
    let row = (sheet.title ? 2 : 0) + (sheet.paragraph ? 2 : 0);
    return sheet.blocks.map((block, i) => {
      if (i > 0) row++;
      if (block.caption) row++;
      const at = { headerRow: row, rows: block.rows.length + (block.total ? 1 : 0), columns: block.columns.length };
      row += 1 + at.rows;
      return at;
    });
  }

  /** A block's header row (bold, shaded) and the number format of each column over `rows` rows below it. */
  private writeHeader(ws: Excel.Worksheet, block: SheetBlock, row: number, column: number, rows: number): void {
    const header = ws.getRangeByIndexes(row, column, 1, block.columns.length);
    header.values = [block.columns.map((c) => writableValue(c.header))];
    header.format.font.bold = true;
    header.format.fill.color = HEADER_FILL;
    block.columns.forEach((c, i) => {
      if (rows > 0) ws.getRangeByIndexes(row + 1, column + i, rows, 1).numberFormat = [[NUMBER_FORMATS[c.format]]];
    });
  }

  /** Header, formats and rows of a block, all in one request (small blocks only: the side table). */
  private writeSmallBlock(ws: Excel.Worksheet, block: SheetBlock, row: number, column: number): void {
    this.writeHeader(ws, block, row, column, block.rows.length);
    if (block.rows.length === 0) return;
    ws.getRangeByIndexes(row + 1, column, block.rows.length, block.columns.length).values = block.rows
      .map((r) => block.columns.map((_, c) => writableValue(r[c])));
  }

  /** Title, captions, headers, number formats and widths per column, freeze and print setup, the side table and its chart. */
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
    if (sheet.paragraph) {
      const paragraph = ws.getRangeByIndexes(sheet.title ? 2 : 0, 0, 1, width);
      paragraph.merge();
      paragraph.values = [[writableValue(sheet.paragraph), ...Array<string>(width - 1).fill('')]];
      paragraph.format.wrapText = true;
      // About 30 Chinese characters a line across the notice's columns, 15 points a line.
      paragraph.format.rowHeight = 15 * Math.ceil(sheet.paragraph.length / 30 + 1);
    }
    if (sheet.signOff && sheet.signOff.length > 0) {
      const last = placed[placed.length - 1];
      const below = last ? last.headerRow + last.rows + 2 : 0;
      const lines = ws.getRangeByIndexes(below, width - 1, sheet.signOff.length, 1);
      lines.values = sheet.signOff.map((line) => [writableValue(line)]);
      lines.format.horizontalAlignment = Excel.HorizontalAlignment.right;
    }
    sheet.blocks.forEach((block, b) => {
      const at = placed[b] as Placed;
      if (block.caption) {
        const caption = ws.getRangeByIndexes(at.headerRow - 1, 0, 1, 1);
        caption.values = [[writableValue(block.caption)]];
        caption.format.font.bold = true;
      }
      this.writeHeader(ws, block, at.headerRow, 0, at.rows);
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
    const firstHeader = placed[0]?.headerRow ?? 0;
    if (sheet.side) {
      const side = sheet.side;
      const column = width + 1;
      side.block.columns.forEach((c, i) => { widths[column + i] = c.width; });
      this.writeSmallBlock(ws, side.block, firstHeader, column);
      const rows = side.block.rows.length;
      if (rows > 0) {
        const chart = ws.charts.add(Excel.ChartType.barClustered,
          ws.getRangeByIndexes(firstHeader, column + side.chart.valueColumn, rows + 1, 1), Excel.ChartSeriesBy.columns);
        chart.series.getItemAt(0).setXAxisValues(ws.getRangeByIndexes(firstHeader + 1, column, rows, 1));
        chart.title.text = side.chart.title;
        chart.legend.visible = false;
        // Below the side table, as wide as it, one bar row per department.
        const top = firstHeader + rows + 2;
        chart.setPosition(ws.getRangeByIndexes(top, column, 1, 1),
          ws.getRangeByIndexes(top + Math.max(12, Math.ceil(rows * 1.2)), column + side.block.columns.length - 1, 1, 1));
      }
    }
    widths.forEach((w, i) => { ws.getRangeByIndexes(0, i, 1, 1).format.columnWidth = Math.max(w * 7, 40); });
    ws.freezePanes.freezeRows(firstHeader + 1);
    ws.pageLayout.orientation = sheet.printable ? Excel.PageOrientation.portrait : Excel.PageOrientation.landscape;
    ws.pageLayout.zoom = { horizontalFitToPages: 1, verticalFitToPages: sheet.onePage ? 1 : 0 };
    ws.pageLayout.centerHorizontally = true;
    ws.pageLayout.setPrintTitleRows(`$${firstHeader + 1}:$${firstHeader + 1}`);
  }
}

/**
 * Opens a workbook file (.xlsx bytes) as a new workbook in Excel, for the user to save where they
 * like. In the add-in's webview a download does nothing on the Mac (WKWebView ignores <a download>:
 * OfficeDev/office-js#2700, closed "by design", and #3385), and Office.context.ui.openBrowserWindow
 * takes http(s) URLs only, not a blob: or data: URL (OfficeDev/office-js#2870). Excel.createWorkbook
 * "creates and opens a new workbook … pre-populated with a Base64-encoded .xlsx file" (ExcelApi 1.8,
 * inside the 1.9 the manifest requires), on every platform.
 */
export async function openAsNewWorkbook(bytes: Uint8Array): Promise<void> {
  let binary = '';
  // In slices: String.fromCharCode takes its characters as arguments, and arguments are limited.
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  await Excel.createWorkbook(btoa(binary));
}
