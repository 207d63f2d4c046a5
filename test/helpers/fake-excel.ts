/**
 * A strict in-memory fake of the part of the Excel JavaScript API (Office.js) that src/io/office.ts
 * uses, with Office.js's load/sync semantics, for tests of the add-in's I/O without Excel.
 *
 *   const fake = createFakeExcel({ 人员名单: [['工号', '姓名', '科室'], ['K01', '张三', '收费处']] });
 *   const restore = installExcelEnums();          // office.ts reads Excel.* enums at run time
 *   const names = await new ExcelSource(fake.run).sheetNames();
 *   fake.syncCount; fake.largestRequest; fake.cell('人员名单', 1, 1); fake.writesTo('人员名单');
 *   restore();
 *
 * What it keeps from Office.js (the debug build of @microsoft/office-js was read for these):
 * - Proxy objects. A scalar or 2-D property (values, numberFormat, rowIndex, columnIndex, rowCount,
 *   columnCount, address, name, visibility, items, isNullObject) throws PropertyNotLoaded unless it
 *   was named in `load(...)` and a `context.sync()` has run since. (Office.js would also give back a
 *   value the add-in set itself; this fake does not: a read must always follow a load.)
 * - Every method call and property assignment is queued and runs, in order, at the next sync. A
 *   failing statement (ItemNotFound, InvalidArgument, …) rejects that sync; the statements before
 *   it stay applied, the rest of the batch is dropped, as Excel does.
 * - `run` has the signature of `Excel.run`; like `Excel.run` it syncs what is still queued when the
 *   batch resolves (counted in `implicitSyncs`), and every proxy of the batch is invalid afterwards.
 * - Worksheet names are unique ignoring case; `add` of a taken name fails (ItemAlreadyExists), as do
 *   names Excel refuses: over 31 characters, `: \ / ? * [ ]`, an apostrophe first or last, "History"
 *   (support.microsoft.com, "Rename a worksheet": a name "cannot exceed 31 characters", "cannot
 *   contain / \ ? * : [ ]", "cannot begin or end with an apostrophe", "cannot be named History").
 * - Range.values must be set with exactly the range's dimensions ("The number of rows or columns in
 *   the input array doesn't match the size or dimensions of the range"), or a single non-array value
 *   for every cell. Range.numberFormat also takes a single value or a 1×1 array for every cell: the
 *   Excel.Range reference says of numberFormat "the argument can be either a single value … or a
 *   two-dimensional array. If the argument is a single value, it will be applied to all cells in the
 *   range", and the single value is given as `[["0.00"]]` (OfficeDev/office-js-docs-reference#578,
 *   OfficeDev/office-js-docs-pr#5400: a 1×1 array is broadcast on Windows, Mac and the web).
 *   Any other shape is InvalidArgument.
 * - A written text is stored as Excel stores typed text: a leading apostrophe is a quote prefix (the
 *   text after it is stored, as text); without one, text starting with `=`, `+` or `@`, or with `-`
 *   and not a number, becomes a formula (stored as a `{ formula }` marker so tests see it), numbers,
 *   TRUE/FALSE and ISO dates (`2026-07-05`, `2026-07`) become numbers, booleans and date serials —
 *   except in a cell formatted as text (`@`), which keeps digits and dates as text. (The fake does not
 *   rely on the text format to keep formulas out: a formula-like text is a formula in any cell.)
 * - Text over 32,767 characters, NaN and Infinity, and values that are not string, number, boolean
 *   or null (null = leave the cell as it is) are InvalidArgument.
 * - Worksheet setters: `name` (rename; the rules of `add`, and a change of case is allowed), `visibility`
 *   (the workbook keeps a visible sheet; hiding the active sheet activates the next visible one, as
 *   deleting it does) and `position` (0-based). `Worksheet.getRange(address?)` takes an A1 address of
 *   that sheet ('B3', 'B3:D10', 'A:C', '2:5'; none = the whole sheet). `Range.select()` needs a visible
 *   sheet and activates it (`fake.selection()`). `Application.suspendScreenUpdatingUntilNextSync()`
 *   is counted (`fake.suspendScreenUpdatingCalls`). A request that writes with
 *   `suspendApiCalculationUntilNextSync()` leaves formulas stale (`fake.calculationPending`) until
 *   `Application.calculate(type)` runs ("it is the developer's responsibility to re-calc the workbook").
 * - RangeFormat has `font.bold`, `font.size`, `fill.color`, `borders.getItem(i).style`, `horizontalAlignment`,
 *   `columnWidth`, `wrapText` and `rowHeight` (at most 409 points); setting any other property throws
 *   (the object is not extensible), so a format the add-in relies on is one the fake checks.
 * - `Worksheet.delete()` of a VeryHidden sheet is InvalidOperation (its JSDoc; OfficeDev/office-js#365):
 *   it must be made hidden or visible first.
 * - Charts: `Worksheet.charts.add(type, sourceData, seriesBy?)` (the types of EXCEL_ENUMS.ChartType),
 *   `charts.getItem(name)`; a chart's `name`, `title.text`, `legend.visible`, `setPosition(start, end?)`,
 *   `delete()`, and `series.getItemAt(i)` with `name`, `setValues(range)`, `setXAxisValues(range)`.
 *   Series are made from the source as Excel makes them (see seriesOf). Charts go with their sheet,
 *   and references follow a renamed sheet (`#REF!` after a deleted one): `fake.charts(sheet)`.
 *   Chart properties cannot be loaded (reading one throws PropertyNotLoaded).
 * - Request size: each sync's payload is estimated as the UTF-8 length of the JSON of the values and
 *   number formats it writes plus those it reads back. A sync whose writes exceed `limitBytes`
 *   (default 5 MB, Excel on the web's limit) is refused before anything runs, and one whose answer
 *   exceeds it fails (RequestPayloadSizeLimitExceeded / ResponsePayloadSizeLimitExceeded): "Excel on
 *   the web has a payload size limit for requests and responses of 5MB" (learn.microsoft.com/office/dev/
 *   add-ins/concepts/resource-limits-and-performance-optimization).
 * - `workbook.functions.date(y, m, d)` (loaded `value`) in the workbook's date system (`date1904`).
 * - Merged areas (`merges` option, or `Range.merge`): `Range.getMergedAreasOrNullObject()` gives the
 *   areas whose top-left cell lies in the range, and only those (OfficeDev/office-js#3611), or a null
 *   object; `areaCount` and `areas` (`items/rowIndex`, …) load, but loading the areas of a null object
 *   fails. It is ExcelApi 1.13: with `excelApi: '1.9'` the call fails with ApiNotFound.
 */

// -------------------------------------------------------------------------------------------------
// Excel's enums, as @types/office-js declares them (office.ts reads them from the global `Excel`)

export const EXCEL_ENUMS = {
  SheetVisibility: { visible: 'Visible', hidden: 'Hidden', veryHidden: 'VeryHidden' },
  HorizontalAlignment: {
    general: 'General', left: 'Left', center: 'Center', right: 'Right', fill: 'Fill', justify: 'Justify',
    centerAcrossSelection: 'CenterAcrossSelection', distributed: 'Distributed',
  },
  BorderIndex: {
    edgeTop: 'EdgeTop', edgeBottom: 'EdgeBottom', edgeLeft: 'EdgeLeft', edgeRight: 'EdgeRight',
    insideVertical: 'InsideVertical', insideHorizontal: 'InsideHorizontal', diagonalDown: 'DiagonalDown', diagonalUp: 'DiagonalUp',
  },
  BorderLineStyle: {
    none: 'None', continuous: 'Continuous', dash: 'Dash', dashDot: 'DashDot', dashDotDot: 'DashDotDot', dot: 'Dot',
    double: 'Double', slantDashDot: 'SlantDashDot',
  },
  PageOrientation: { portrait: 'Portrait', landscape: 'Landscape' },
  /** The chart types the fake knows (a part of Excel.ChartType); any other is InvalidArgument. */
  ChartType: {
    columnClustered: 'ColumnClustered', columnStacked: 'ColumnStacked', columnStacked100: 'ColumnStacked100',
    barClustered: 'BarClustered', barStacked: 'BarStacked', barStacked100: 'BarStacked100',
    line: 'Line', lineMarkers: 'LineMarkers', lineStacked: 'LineStacked', pie: 'Pie', doughnut: 'Doughnut',
    area: 'Area', xyscatter: 'XYScatter', radar: 'Radar',
  },
  ChartSeriesBy: { auto: 'Auto', columns: 'Columns', rows: 'Rows' },
  CalculationType: { recalculate: 'Recalculate', full: 'Full', fullRebuild: 'FullRebuild' },
} as const;

/** Puts the enums on a global `Excel` (as Office.js does in the task pane); returns the undo. */
export function installExcelEnums(): () => void {
  const g = globalThis as unknown as Record<string, unknown>;
  const had = Object.prototype.hasOwnProperty.call(g, 'Excel');
  const previous = g['Excel'];
  g['Excel'] = EXCEL_ENUMS;
  return () => {
    if (had) g['Excel'] = previous;
    else delete g['Excel'];
  };
}

// -------------------------------------------------------------------------------------------------
// Types

export type FakeInputCell = string | number | boolean | null;
export interface FormulaMarker {
  formula: string;
}
/** A cell as the fake workbook holds it; '' is an empty cell. */
export type StoredCell = string | number | boolean | FormulaMarker;
export type Visibility = 'Visible' | 'Hidden' | 'VeryHidden';

export interface FakeExcelOptions {
  /** Number formats of the given cells, laid out like the sheet's grid (null or missing: General). */
  numberFormats?: Record<string, readonly (readonly (string | null)[])[]>;
  /** Where each sheet's grid starts (0-based): a used range below row 1 or right of column A. */
  origin?: Record<string, { row: number; column: number }>;
  visibility?: Record<string, Visibility>;
  /** The payload limit of one request or answer; default 5 MB (Excel on the web). */
  limitBytes?: number;
  /** The workbook counts dates from 1904 (Excel for Mac's old default): DATE(1904,1,1) is 0, not 1462. */
  date1904?: boolean;
  /** Merged areas per sheet, as A1 addresses of the sheet ('A1:F1'). */
  merges?: Record<string, readonly string[]>;
  /**
   * The ExcelApi version of the host (default 1.13). A method of a later set fails at the sync with
   * ApiNotFound, as a host without it answers ("The API you are trying to use could not be found. It
   * may be available in a newer version of Excel", Office.js error codes).
   */
  excelApi?: '1.9' | '1.13';
}

export interface RequestRecord {
  /** Statements in the batch. */
  statements: number;
  /** JSON bytes of the values and number formats written. */
  writeBytes: number;
  /** JSON bytes of the values and number formats read back. */
  readBytes: number;
  bytes: number;
}

export interface WriteRecord {
  sheet: string;
  what: string;
  address: string;
}

export interface PageLayoutState {
  orientation: string | null;
  zoom: { scale?: number | null; horizontalFitToPages?: number | null; verticalFitToPages?: number | null } | null;
  centerHorizontally: boolean | null;
  printTitleRows: string | null;
}

export interface CellStyle {
  bold?: boolean;
  size?: number;
  fill?: string;
  horizontalAlignment?: string;
  wrapText?: boolean;
}

/** A chart as the fake workbook holds it (FakeExcel.charts); addresses include the sheet name. */
export interface ChartState {
  name: string;
  type: string;
  /** The source range of ChartCollection.add, e.g. 'Data!A1:C6' ('#REF!' once its sheet is deleted). */
  source: string;
  /** null until title.text is set. */
  title: string | null;
  /** The cells of setPosition (no sheet name); null until setPosition. */
  topLeft: string | null;
  bottomRight: string | null;
  legendVisible: boolean;
  series: ChartSeriesState[];
}

export interface ChartSeriesState {
  name: string;
  /** e.g. 'Data!B2:B6'; null when the series has none. */
  values: string | null;
  xValues: string | null;
}

export interface CellBorders {
  top: string | null;
  bottom: string | null;
  left: string | null;
  right: string | null;
}

export type ExcelRun = <T>(batch: (context: Excel.RequestContext) => Promise<T>) => Promise<T>;

export const MAX_ROWS = 1_048_576;
export const MAX_COLUMNS = 16_384;
const MAX_TEXT = 32_767;
const DEFAULT_LIMIT = 5 * 1024 * 1024;

export class FakeExcelError extends Error {
  constructor(readonly code: string, message: string, readonly location = '') {
    super(`${code}: ${message}${location ? ` (${location})` : ''}`);
    this.name = 'RichApi.Error';
  }
}

// -------------------------------------------------------------------------------------------------
// Addresses

interface Area {
  row: number;
  column: number;
  rows: number;
  columns: number;
}

export function columnLetters(column: number): string {
  let n = column + 1;
  let s = '';
  while (n > 0) {
    const m = (n - 1) % 26;
    s = String.fromCharCode(65 + m) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

/** A1-style address of a 0-based cell or block: a1(0, 0) = 'A1', a1(0, 0, 1, 6) = 'A1:F1'. */
export function a1(row: number, column: number, rows = 1, columns = 1): string {
  const first = `${columnLetters(column)}${row + 1}`;
  return rows === 1 && columns === 1 ? first : `${first}:${columnLetters(column + columns - 1)}${row + rows}`;
}

const areaAddress = (a: Area) => a1(a.row, a.column, a.rows, a.columns);
const inside = (a: Area, r: number, c: number) => r >= a.row && r < a.row + a.rows && c >= a.column && c < a.column + a.columns;
const overlaps = (a: Area, b: Area) =>
  a.row < b.row + b.rows && b.row < a.row + a.rows && a.column < b.column + b.columns && b.column < a.column + a.columns;
const sameArea = (a: Area, b: Area) => a.row === b.row && a.column === b.column && a.rows === b.rows && a.columns === b.columns;

/** 'A' = 0, 'XFD' = 16,383; null past Excel's last column. */
function columnNumber(letters: string): number | null {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n >= 1 && n <= MAX_COLUMNS ? n - 1 : null;
}

/**
 * An A1 address without a sheet name, as Worksheet.getRange takes it: a cell ('B3'), a block
 * ('B3:D10', either corner first), whole columns ('A:C') or whole rows ('2:5'); `$` and lower case
 * are allowed. Null for anything else (a sheet-qualified address, a defined name, a cell past XFD1048576).
 */
function parseAddress(address: string): Area | null {
  const parts = address.split(':');
  if (parts.length > 2) return null;
  const cell = /^\$?([A-Za-z]{1,3})\$?(\d{1,7})$/u;
  const column = /^\$?([A-Za-z]{1,3})$/u;
  const row = /^\$?(\d{1,7})$/u;
  const rowNumber = (digits: string | undefined) => {
    const n = Number(digits);
    return Number.isInteger(n) && n >= 1 && n <= MAX_ROWS ? n - 1 : null;
  };
  const span = (a: number, b: number) => ({ first: Math.min(a, b), count: Math.abs(a - b) + 1 });
  const [p, q = p] = parts as [string, string?];
  const cp = cell.exec(p);
  const cq = cell.exec(q);
  if (cp && cq) {
    const [r1, c1, r2, c2] = [rowNumber(cp[2]), columnNumber(cp[1] ?? ''), rowNumber(cq[2]), columnNumber(cq[1] ?? '')];
    if (r1 === null || c1 === null || r2 === null || c2 === null) return null;
    const rs = span(r1, r2);
    const cs = span(c1, c2);
    return { row: rs.first, rows: rs.count, column: cs.first, columns: cs.count };
  }
  if (parts.length !== 2) return null;
  const kp = column.exec(p);
  const kq = column.exec(q);
  if (kp && kq) {
    const [c1, c2] = [columnNumber(kp[1] ?? ''), columnNumber(kq[1] ?? '')];
    if (c1 === null || c2 === null) return null;
    const cs = span(c1, c2);
    return { row: 0, rows: MAX_ROWS, column: cs.first, columns: cs.count };
  }
  const rp = row.exec(p);
  const rq = row.exec(q);
  if (rp && rq) {
    const [r1, r2] = [rowNumber(rp[1]), rowNumber(rq[1])];
    if (r1 === null || r2 === null) return null;
    const rs = span(r1, r2);
    return { row: rs.first, rows: rs.count, column: 0, columns: MAX_COLUMNS };
  }
  return null;
}

// -------------------------------------------------------------------------------------------------
// The workbook

/** A block of cells on a sheet, kept by the sheet's id so it follows a rename (and dies with a delete). */
interface CellRef {
  sheetId: number;
  area: Area;
}

interface SeriesModel {
  name: string;
  values: CellRef | null;
  xValues: CellRef | null;
}

interface ChartModel {
  id: number;
  name: string;
  type: string;
  source: CellRef;
  title: string | null;
  topLeft: Area | null;
  bottomRight: Area | null;
  legendVisible: boolean;
  series: SeriesModel[];
}

interface SheetModel {
  id: number;
  name: string;
  visibility: Visibility;
  cells: (StoredCell | undefined)[][];
  formats: (string | undefined)[][];
  quotePrefix: Set<string>;
  merges: Area[];
  frozenRows: number;
  pageLayout: PageLayoutState;
  columnWidths: Map<number, number>;
  /** Row heights in points, by 0-based row (RangeFormat.rowHeight). */
  rowHeights: Map<number, number>;
  borders: { area: Area; edge: string; style: string }[];
  styles: { area: Area; key: keyof CellStyle; value: string | number | boolean }[];
  charts: ChartModel[];
  /** Excel numbers a sheet's charts "Chart 1", "Chart 2", … and does not reuse a number. */
  chartsMade: number;
  /** The cells Range.select chose on this sheet (null: none by the add-in). */
  selected: Area | null;
}

interface State {
  sheets: SheetModel[];
  date1904: boolean;
  nextId: number;
  limitBytes: number;
  syncCalls: number;
  roundTrips: number;
  implicitSyncs: number;
  runs: number;
  suspendCalls: number;
  screenSuspendCalls: number;
  /** Cells were written while calculation was suspended, and no Application.calculate has run since. */
  calculationPending: boolean;
  calculateCalls: number;
  nextChartId: number;
  requests: RequestRecord[];
  writes: WriteRecord[];
  /** The id of the active sheet (the first sheet until one is activated). */
  activeId: number | null;
  /** The minor version of ExcelApi 1.x the host has. */
  excelApiMinor: number;
}

function newSheet(state: State, name: string, visibility: Visibility = 'Visible'): SheetModel {
  return {
    id: state.nextId++, name, visibility, cells: [], formats: [], quotePrefix: new Set(), merges: [], frozenRows: 0,
    pageLayout: { orientation: null, zoom: null, centerHorizontally: null, printTitleRows: null },
    columnWidths: new Map(), rowHeights: new Map(), borders: [], styles: [], charts: [], chartsMade: 0, selected: null,
  };
}

/** The sheet Excel shows when the active one goes: the first visible one from `at` on, else the nearest before. */
function visibleFrom(state: State, at: number): SheetModel | undefined {
  const after = state.sheets.slice(at).find((s) => s.visibility === 'Visible');
  return after ?? state.sheets.slice(0, at).reverse().find((s) => s.visibility === 'Visible');
}

/** A block's address with its sheet's name, e.g. 'Data!B2:B6'; '#REF!' once the sheet is deleted. */
function refAddress(state: State, ref: CellRef | null): string | null {
  if (ref === null) return null;
  const sheet = state.sheets.find((s) => s.id === ref.sheetId);
  return sheet ? `${sheet.name}!${areaAddress(ref.area)}` : '#REF!';
}

function findSheet(state: State, name: string): SheetModel | undefined {
  const key = name.toLowerCase();
  return state.sheets.find((s) => s.name.toLowerCase() === key);
}

function cellAt(sheet: SheetModel, r: number, c: number): StoredCell | undefined {
  return sheet.cells[r]?.[c];
}

function formatAt(sheet: SheetModel, r: number, c: number): string {
  return sheet.formats[r]?.[c] ?? 'General';
}

function putCell(sheet: SheetModel, r: number, c: number, v: StoredCell | undefined): void {
  if (v === undefined || v === '') {
    const row = sheet.cells[r];
    if (row) row[c] = undefined;
    return;
  }
  (sheet.cells[r] ??= [])[c] = v;
}

function putFormat(sheet: SheetModel, r: number, c: number, f: string): void {
  (sheet.formats[r] ??= [])[c] = f;
}

/** The bounding box of non-empty cells (and, unless valuesOnly, of formatted cells), or null. */
function usedArea(sheet: SheetModel, valuesOnly: boolean): Area | null {
  let top = Infinity;
  let bottom = -1;
  let left = Infinity;
  let right = -1;
  const scan = (grid: (unknown[] | undefined)[]) => grid.forEach((row, r) => {
    if (!row) return;
    row.forEach((v, c) => {
      if (v === undefined) return;
      top = Math.min(top, r);
      bottom = Math.max(bottom, r);
      left = Math.min(left, c);
      right = Math.max(right, c);
    });
  });
  scan(sheet.cells);
  if (!valuesOnly) scan(sheet.formats);
  return bottom < 0 ? null : { row: top, column: left, rows: bottom - top + 1, columns: right - left + 1 };
}

const utf8 = (value: unknown) => Buffer.byteLength(JSON.stringify(value) ?? '', 'utf8');

const NUMBER = /^\s*[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?\s*$/u;
const ISO_DAY = /^(\d{4})-(\d{1,2})-(\d{1,2})$/u;
const ISO_MONTH = /^(\d{4})-(\d{1,2})$/u;

function serialOf(year: number, month: number, day: number): number | null {
  const ms = Date.UTC(year, month - 1, day);
  const d = new Date(ms);
  if (month < 1 || month > 12 || d.getUTCDate() !== day || year < 1900) return null;
  return ms / 86_400_000 + 25_569;
}

/** Stores a written value as Excel stores typed input (see the file comment). */
function writeValue(sheet: SheetModel, r: number, c: number, v: unknown, where: string): void {
  const key = `${r},${c}`;
  const merged = sheet.merges.find((m) => inside(m, r, c));
  if (merged && (merged.row !== r || merged.column !== c) && v !== '' && v !== null) {
    throw new FakeExcelError('InvalidOperation', `cannot change part of a merged cell (${a1(r, c)} in ${areaAddress(merged)})`, where);
  }
  if (v === null) return;
  if (typeof v === 'number') {
    if (!Number.isFinite(v)) throw new FakeExcelError('InvalidArgument', `not a finite number: ${v}`, where);
    sheet.quotePrefix.delete(key);
    putCell(sheet, r, c, v);
    return;
  }
  if (typeof v === 'boolean') {
    sheet.quotePrefix.delete(key);
    putCell(sheet, r, c, v);
    return;
  }
  if (typeof v !== 'string') throw new FakeExcelError('InvalidArgument', `a cell value must be text, a number or a boolean, not ${JSON.stringify(v)}`, where);
  if (v.length > MAX_TEXT) throw new FakeExcelError('InvalidArgument', `text over ${MAX_TEXT} characters`, where);
  if (v.startsWith("'")) {
    sheet.quotePrefix.add(key);
    putCell(sheet, r, c, v.slice(1));
    return;
  }
  sheet.quotePrefix.delete(key);
  const text = formatAt(sheet, r, c) === '@';
  if (v === '') return putCell(sheet, r, c, undefined);
  if (/^[=+@]/u.test(v) || (v.startsWith('-') && !NUMBER.test(v))) {
    putCell(sheet, r, c, { formula: v.startsWith('=') ? v : `=${v}` });
    return;
  }
  if (!text) {
    if (NUMBER.test(v)) return putCell(sheet, r, c, Number(v));
    if (/^(true|false)$/iu.test(v.trim())) return putCell(sheet, r, c, v.trim().toLowerCase() === 'true');
    const day = ISO_DAY.exec(v.trim());
    const month = ISO_MONTH.exec(v.trim());
    const serial = day ? serialOf(Number(day[1]), Number(day[2]), Number(day[3]))
      : month ? serialOf(Number(month[1]), Number(month[2]), 1) : null;
    if (serial !== null) {
      if (formatAt(sheet, r, c) === 'General') putFormat(sheet, r, c, day ? 'yyyy-mm-dd' : 'mmm-yy');
      return putCell(sheet, r, c, serial);
    }
  }
  putCell(sheet, r, c, v);
}

/** A written 2-D payload (or single value) as a cell getter, checked against the range's size. */
function payloadShape(payload: unknown, area: Area, property: string, broadcastOneByOne: boolean): (i: number, j: number) => unknown {
  if (!Array.isArray(payload)) return () => payload;
  const rows = payload as unknown[];
  const first = rows[0];
  if (broadcastOneByOne && rows.length === 1 && Array.isArray(first) && first.length === 1) return () => first[0];
  const ok = rows.length === area.rows && rows.every((row) => Array.isArray(row) && row.length === area.columns);
  if (!ok) {
    const shape = `${rows.length}×${Array.isArray(first) ? first.length : '?'}`;
    throw new FakeExcelError('InvalidArgument',
      `The number of rows or columns in the input array doesn't match the size or dimensions of the range (${shape} for ${area.rows}×${area.columns} at ${areaAddress(area)})`,
      `Range.${property}`);
  }
  return (i, j) => (rows[i] as unknown[])[j];
}

// -------------------------------------------------------------------------------------------------
// The request context and its proxies

interface Statement {
  label: string;
  writeBytes: number;
  /** Runs the statement; returns the bytes it reads back. */
  run: () => number;
}

class Context {
  private queue: Statement[] = [];
  private open = true;
  readonly workbook: WorkbookProxy;
  readonly application: ApplicationProxy;

  constructor(readonly state: State) {
    this.workbook = new WorkbookProxy(this);
    this.application = new ApplicationProxy(this);
  }

  get pending(): number {
    return this.queue.length;
  }

  assertOpen(what: string): void {
    if (!this.open) throw new FakeExcelError('InvalidObjectPath', `${what} is used after its Excel.run batch ended`);
  }

  enqueue(label: string, run: () => number | void, writeBytes = 0): void {
    this.assertOpen(label);
    this.queue.push({ label, writeBytes, run: () => run() ?? 0 });
  }

  async sync(): Promise<void> {
    this.assertOpen('context.sync()');
    const batch = this.queue;
    this.queue = [];
    const state = this.state;
    state.syncCalls++;
    await Promise.resolve();
    if (batch.length === 0) return;
    state.roundTrips++;
    const writeBytes = batch.reduce((s, st) => s + st.writeBytes, 0);
    const record: RequestRecord = { statements: batch.length, writeBytes, readBytes: 0, bytes: writeBytes };
    state.requests.push(record);
    if (writeBytes > state.limitBytes) {
      throw new FakeExcelError('RequestPayloadSizeLimitExceeded', `the request is ${writeBytes} bytes, over ${state.limitBytes}`);
    }
    const writesBefore = state.writes.length;
    const suspendsBefore = state.suspendCalls;
    for (const st of batch) {
      record.readBytes += st.run();
      record.bytes = record.writeBytes + record.readBytes;
    }
    // "Suspends calculation until the next context.sync() is called. Once set, it is the developer's
    // responsibility to re-calc the workbook, to ensure that any dependencies are propagated."
    // (Application.suspendApiCalculationUntilNextSync, @types/office-js, ExcelApi 1.6): what a
    // suspended request wrote leaves dependent formulas stale until Application.calculate.
    if (state.suspendCalls > suspendsBefore && state.writes.length > writesBefore) state.calculationPending = true;
    if (record.readBytes > state.limitBytes) {
      throw new FakeExcelError('ResponsePayloadSizeLimitExceeded', `the answer is ${record.readBytes} bytes, over ${state.limitBytes}`);
    }
  }

  close(): void {
    this.open = false;
  }
}

/** Loaded properties of a proxy: readable only after load + sync. */
abstract class ProxyBase {
  protected readonly loaded = new Map<string, unknown>();

  constructor(protected readonly ctx: Context, protected readonly kind: string) {}

  protected read<T>(property: string): T {
    this.ctx.assertOpen(`${this.kind}.${property}`);
    if (!this.loaded.has(property)) {
      throw new FakeExcelError('PropertyNotLoaded',
        `The property '${property}' is not available. Before reading the property's value, call the load method on the containing object and call "context.sync()" on the associated request context.`,
        `${this.kind}.${property}`);
    }
    return this.loaded.get(property) as T;
  }

  protected parseLoad(props: string | string[] | undefined, allowed: readonly string[]): string[] {
    const list = props === undefined ? [...allowed]
      : (Array.isArray(props) ? props : props.split(',')).map((p) => p.trim()).filter((p) => p !== '');
    if (list.length === 0) return [...allowed];
    for (const p of list) {
      if (!allowed.includes(p)) throw new FakeExcelError('InvalidArgument', `the fake cannot load '${p}' on ${this.kind} (it knows ${allowed.join(', ')})`);
    }
    return list;
  }
}

class ApplicationProxy {
  constructor(private readonly ctx: Context) {}

  suspendApiCalculationUntilNextSync(): void {
    this.ctx.enqueue('Application.suspendApiCalculationUntilNextSync', () => { this.ctx.state.suspendCalls++; });
  }

  suspendScreenUpdatingUntilNextSync(): void {
    this.ctx.enqueue('Application.suspendScreenUpdatingUntilNextSync', () => { this.ctx.state.screenSuspendCalls++; });
  }

  calculate(calculationType: string): void {
    this.ctx.enqueue('Application.calculate', () => {
      if (!(Object.values(EXCEL_ENUMS.CalculationType) as string[]).includes(calculationType)) {
        throw new FakeExcelError('InvalidArgument', `calculate(${JSON.stringify(calculationType)})`, 'Application.calculate');
      }
      this.ctx.state.calculateCalls++;
      this.ctx.state.calculationPending = false;
    });
  }
}

class WorkbookProxy {
  private sheets: WorksheetCollectionProxy | null = null;

  constructor(private readonly ctx: Context) {}

  /** The worksheet functions; the fake knows DATE only, whose serials follow the workbook's date system. */
  get functions(): { date(year: number, month: number, day: number): FunctionResultProxy } {
    this.ctx.assertOpen('Workbook.functions');
    return { date: (year, month, day) => new FunctionResultProxy(this.ctx, () => dateSerial(this.ctx.state, year, month, day)) };
  }

  get worksheets(): WorksheetCollectionProxy {
    this.ctx.assertOpen('Workbook.worksheets');
    return (this.sheets ??= new WorksheetCollectionProxy(this.ctx));
  }
}

/**
 * DATE(year, month, day) as Excel computes it: "year … from 1900 or 1904 (depending on the
 * workbook's date system)" (Excel.Functions.date); 1904-01-01 is day 0 of the 1904 system.
 */
function dateSerial(state: State, year: number, month: number, day: number): number {
  const days = Date.UTC(year, month - 1, day) / 86_400_000;
  return state.date1904 ? days + 24_107 : days + 25_569;
}

/** A worksheet function's result (Excel.FunctionResult): `value` once loaded and synced. */
class FunctionResultProxy extends ProxyBase {
  constructor(ctx: Context, private readonly compute: () => number) {
    super(ctx, 'FunctionResult');
  }

  load(props?: string | string[]): this {
    this.parseLoad(props, ['value']);
    this.ctx.enqueue('FunctionResult.load', () => { this.loaded.set('value', this.compute()); });
    return this;
  }

  get value(): number {
    return this.read<number>('value');
  }
}

const WORKSHEET_PROPS = ['name', 'visibility', 'position', 'id'] as const;
const VISIBILITIES: readonly string[] = Object.values(EXCEL_ENUMS.SheetVisibility);

/** The item properties a collection's `load` names ('items' = all of them, 'items/name', …); anything else is refused. */
function itemsToLoad<P extends string>(props: string | string[] | undefined, allowed: readonly P[], kind: string): Set<P> {
  const list = props === undefined ? ['items'] : (Array.isArray(props) ? props : props.split(',')).map((p) => p.trim()).filter((p) => p !== '');
  const items = new Set<P>();
  for (const p of list) {
    const item = allowed.find((a) => `items/${a}` === p);
    if (p === 'items') allowed.forEach((a) => items.add(a));
    else if (item) items.add(item);
    else throw new FakeExcelError('InvalidArgument', `the fake cannot load '${p}' on ${kind}`);
  }
  return items;
}

class WorksheetCollectionProxy extends ProxyBase {
  constructor(ctx: Context) {
    super(ctx, 'WorksheetCollection');
  }

  get items(): WorksheetProxy[] {
    return this.read<WorksheetProxy[]>('items');
  }

  load(props?: string | string[]): this {
    const itemProps = itemsToLoad(props, WORKSHEET_PROPS, 'WorksheetCollection');
    this.ctx.enqueue('WorksheetCollection.load', () => {
      const items = this.ctx.state.sheets.map((s) => {
        const ws = new WorksheetProxy(this.ctx, s.id);
        ws.fill([...itemProps]);
        return ws;
      });
      this.loaded.set('items', items);
    });
    return this;
  }

  getItem(name: string): WorksheetProxy {
    const ws = new WorksheetProxy(this.ctx, undefined);
    this.ctx.enqueue(`WorksheetCollection.getItem(${name})`, () => {
      const sheet = findSheet(this.ctx.state, name);
      if (!sheet) throw new FakeExcelError('ItemNotFound', `The requested resource doesn't exist: no worksheet "${name}"`, 'WorksheetCollection.getItem');
      ws.bind(sheet.id);
    });
    return ws;
  }

  getItemOrNullObject(name: string): WorksheetProxy {
    const ws = new WorksheetProxy(this.ctx, undefined);
    this.ctx.enqueue(`WorksheetCollection.getItemOrNullObject(${name})`, () => { ws.bind(findSheet(this.ctx.state, name)?.id ?? null); });
    return ws;
  }

  add(name?: string): WorksheetProxy {
    const ws = new WorksheetProxy(this.ctx, undefined);
    this.ctx.enqueue(`WorksheetCollection.add(${String(name)})`, () => {
      const state = this.ctx.state;
      let sheetName = name;
      if (sheetName === undefined) {
        let i = state.sheets.length + 1;
        while (findSheet(state, `Sheet${i}`)) i++;
        sheetName = `Sheet${i}`;
      }
      checkSheetName(sheetName);
      if (findSheet(state, sheetName)) {
        throw new FakeExcelError('ItemAlreadyExists', `A worksheet named "${sheetName}" already exists (names ignore case)`, 'WorksheetCollection.add');
      }
      const sheet = newSheet(state, sheetName);
      state.sheets.push(sheet);
      state.writes.push({ sheet: sheetName, what: 'add', address: '' });
      ws.bind(sheet.id);
    });
    return ws;
  }
}

function checkSheetName(name: string, where = 'WorksheetCollection.add'): void {
  const bad = typeof name !== 'string' || name.length === 0 || name.length > 31 || /[:\\/?*[\]]/u.test(name)
    || name.startsWith("'") || name.endsWith("'") || name.toLowerCase() === 'history';
  if (bad) throw new FakeExcelError('InvalidArgument', `${JSON.stringify(name)} is not a valid worksheet name`, where);
}

class WorksheetProxy extends ProxyBase {
  /** undefined: not resolved yet (its statement has not run); null: a null object. */
  private sheetId: number | null | undefined;
  private layout: PageLayoutProxy | null = null;
  private panes: FreezePanesProxy | null = null;
  private chartList: ChartCollectionProxy | null = null;

  constructor(ctx: Context, id: number | undefined) {
    super(ctx, 'Worksheet');
    this.sheetId = id;
  }

  bind(id: number | null): void {
    this.sheetId = id;
    this.loaded.set('isNullObject', id === null);
  }

  /** Loads properties now (during a sync): for the items of a collection load. */
  fill(props: string[]): void {
    const sheet = this.model('load');
    this.loaded.set('isNullObject', false);
    for (const p of props) this.loaded.set(p, p === 'position' ? this.ctx.state.sheets.indexOf(sheet) : sheet[p as 'name' | 'visibility' | 'id']);
  }

  /** The sheet this proxy stands for, when a statement runs. */
  model(what: string): SheetModel {
    if (this.sheetId === undefined) throw new FakeExcelError('InvalidObjectPath', `worksheet not resolved (${what})`);
    if (this.sheetId === null) throw new FakeExcelError('InvalidObjectPath', `${what} on a null worksheet object`);
    const sheet = this.ctx.state.sheets.find((s) => s.id === this.sheetId);
    if (!sheet) throw new FakeExcelError('InvalidObjectPath', `${what} on a deleted worksheet`);
    return sheet;
  }

  get name(): string {
    return this.read<string>('name');
  }

  /** Rename: a valid name, not taken by another sheet ignoring case (a change of case is allowed). */
  set name(value: string) {
    this.ctx.enqueue('Worksheet.name', () => {
      const sheet = this.model('Worksheet.name');
      checkSheetName(value, 'Worksheet.name');
      const other = findSheet(this.ctx.state, value);
      if (other && other !== sheet) {
        throw new FakeExcelError('ItemAlreadyExists', `A worksheet named "${other.name}" already exists (names ignore case)`, 'Worksheet.name');
      }
      const old = sheet.name;
      sheet.name = value;
      this.ctx.state.writes.push({ sheet: value, what: 'rename', address: old });
    });
  }

  get visibility(): string {
    return this.read<string>('visibility');
  }

  /** Hide or show; the workbook keeps one visible sheet, and hiding the active sheet activates the next visible one. */
  set visibility(value: string) {
    this.ctx.enqueue('Worksheet.visibility', () => {
      const sheet = this.model('Worksheet.visibility');
      const state = this.ctx.state;
      if (!VISIBILITIES.includes(value)) throw new FakeExcelError('InvalidArgument', `visibility = ${JSON.stringify(value)}`, 'Worksheet.visibility');
      if (value !== 'Visible' && !state.sheets.some((s) => s !== sheet && s.visibility === 'Visible')) {
        throw new FakeExcelError('InvalidOperation', `cannot hide "${sheet.name}": a workbook must keep at least one visible worksheet`, 'Worksheet.visibility');
      }
      sheet.visibility = value as Visibility;
      if (value !== 'Visible' && state.activeId === sheet.id) state.activeId = visibleFrom(state, state.sheets.indexOf(sheet))?.id ?? null;
      state.writes.push({ sheet: sheet.name, what: 'visibility', address: value });
    });
  }

  get position(): number {
    return this.read<number>('position');
  }

  /** Moves the sheet to this 0-based place among all sheets (hidden ones count). */
  set position(value: number) {
    this.ctx.enqueue('Worksheet.position', () => {
      const sheet = this.model('Worksheet.position');
      const sheets = this.ctx.state.sheets;
      if (!Number.isInteger(value) || value < 0 || value >= sheets.length) {
        throw new FakeExcelError('InvalidArgument', `position = ${value}: the workbook has ${sheets.length} sheets (0 to ${sheets.length - 1})`, 'Worksheet.position');
      }
      sheets.splice(sheets.indexOf(sheet), 1);
      sheets.splice(value, 0, sheet);
      this.ctx.state.writes.push({ sheet: sheet.name, what: 'position', address: String(value) });
    });
  }

  get id(): number {
    return this.read<number>('id');
  }

  get isNullObject(): boolean {
    return this.read<boolean>('isNullObject');
  }

  load(props?: string | string[]): this {
    const list = this.parseLoad(props, WORKSHEET_PROPS);
    this.ctx.enqueue('Worksheet.load', () => {
      if (this.sheetId === null) {
        for (const p of list) this.loaded.set(p, null);
        return;
      }
      this.fill(list);
    });
    return this;
  }

  delete(): void {
    this.ctx.enqueue('Worksheet.delete', () => {
      const sheet = this.model('Worksheet.delete');
      const state = this.ctx.state;
      // "if the worksheet's visibility is set to "VeryHidden", the delete operation will fail with an
      // InvalidOperation exception" (Worksheet.delete, @types/office-js; by design, OfficeDev/office-js#365).
      if (sheet.visibility === 'VeryHidden') {
        throw new FakeExcelError('InvalidOperation', `cannot delete the very hidden sheet "${sheet.name}": make it hidden or visible first`, 'Worksheet.delete');
      }
      if (!state.sheets.some((s) => s !== sheet && s.visibility === 'Visible')) {
        throw new FakeExcelError('InvalidOperation', 'a workbook must keep at least one visible worksheet', 'Worksheet.delete');
      }
      const at = state.sheets.indexOf(sheet);
      state.sheets.splice(at, 1);
      if (state.activeId === sheet.id) state.activeId = visibleFrom(state, at)?.id ?? null;
      state.writes.push({ sheet: sheet.name, what: 'delete', address: '' });
    });
  }

  activate(): void {
    this.ctx.enqueue('Worksheet.activate', () => {
      const sheet = this.model('Worksheet.activate');
      if (sheet.visibility !== 'Visible') throw new FakeExcelError('InvalidOperation', `cannot activate the hidden sheet "${sheet.name}"`, 'Worksheet.activate');
      this.ctx.state.activeId = sheet.id;
    });
  }

  getUsedRangeOrNullObject(valuesOnly = false): RangeProxy {
    const range = new RangeProxy(this.ctx, this);
    this.ctx.enqueue('Worksheet.getUsedRangeOrNullObject', () => { range.bind(usedArea(this.model('Worksheet.getUsedRangeOrNullObject'), valuesOnly)); });
    return range;
  }

  getRangeByIndexes(startRow: number, startColumn: number, rowCount: number, columnCount: number): RangeProxy {
    const range = new RangeProxy(this.ctx, this);
    this.ctx.enqueue('Worksheet.getRangeByIndexes', () => {
      this.model('Worksheet.getRangeByIndexes');
      const ints = [startRow, startColumn, rowCount, columnCount].every((n) => Number.isInteger(n));
      if (!ints || startRow < 0 || startColumn < 0 || rowCount < 1 || columnCount < 1
        || startRow + rowCount > MAX_ROWS || startColumn + columnCount > MAX_COLUMNS) {
        throw new FakeExcelError('InvalidArgument', `no such range: getRangeByIndexes(${startRow}, ${startColumn}, ${rowCount}, ${columnCount})`, 'Worksheet.getRangeByIndexes');
      }
      range.bind({ row: startRow, column: startColumn, rows: rowCount, columns: columnCount });
    });
    return range;
  }

  /** A block by its A1 address on this sheet ('B3', 'B3:D10', 'A:C', '2:5'); the whole sheet without one. */
  getRange(address?: string): RangeProxy {
    const range = new RangeProxy(this.ctx, this);
    this.ctx.enqueue(`Worksheet.getRange(${String(address)})`, () => {
      this.model('Worksheet.getRange');
      const area = address === undefined ? { row: 0, column: 0, rows: MAX_ROWS, columns: MAX_COLUMNS }
        : typeof address === 'string' ? parseAddress(address) : null;
      if (!area) throw new FakeExcelError('InvalidArgument', `not an A1 address of this sheet: ${JSON.stringify(address)}`, 'Worksheet.getRange');
      range.bind(area);
    });
    return range;
  }

  get charts(): ChartCollectionProxy {
    this.ctx.assertOpen('Worksheet.charts');
    return (this.chartList ??= new ChartCollectionProxy(this.ctx, this));
  }

  get freezePanes(): FreezePanesProxy {
    this.ctx.assertOpen('Worksheet.freezePanes');
    return (this.panes ??= new FreezePanesProxy(this.ctx, this));
  }

  get pageLayout(): PageLayoutProxy {
    this.ctx.assertOpen('Worksheet.pageLayout');
    return (this.layout ??= new PageLayoutProxy(this.ctx, this));
  }
}

class FreezePanesProxy {
  constructor(private readonly ctx: Context, private readonly ws: WorksheetProxy) {}

  freezeRows(count = 1): void {
    this.ctx.enqueue('WorksheetFreezePanes.freezeRows', () => {
      const sheet = this.ws.model('WorksheetFreezePanes.freezeRows');
      if (!Number.isInteger(count) || count < 0 || count >= MAX_ROWS) {
        throw new FakeExcelError('InvalidArgument', `freezeRows(${count})`, 'WorksheetFreezePanes.freezeRows');
      }
      sheet.frozenRows = count;
      this.ctx.state.writes.push({ sheet: sheet.name, what: 'freezeRows', address: String(count) });
    });
  }
}

const ORIENTATIONS: readonly string[] = Object.values(EXCEL_ENUMS.PageOrientation);

class PageLayoutProxy {
  constructor(private readonly ctx: Context, private readonly ws: WorksheetProxy) {}

  private set<K extends keyof PageLayoutState>(key: K, value: PageLayoutState[K], check: () => boolean): void {
    this.ctx.enqueue(`PageLayout.${key}`, () => {
      const sheet = this.ws.model(`PageLayout.${key}`);
      if (!check()) throw new FakeExcelError('InvalidArgument', `PageLayout.${key} = ${JSON.stringify(value)}`, `PageLayout.${key}`);
      sheet.pageLayout[key] = value;
      this.ctx.state.writes.push({ sheet: sheet.name, what: `pageLayout.${key}`, address: '' });
    });
  }

  set orientation(value: string) {
    this.set('orientation', value, () => ORIENTATIONS.includes(value));
  }

  get orientation(): string {
    throw new FakeExcelError('PropertyNotLoaded', 'the fake does not load PageLayout properties', 'PageLayout.orientation');
  }

  set zoom(value: PageLayoutState['zoom']) {
    this.set('zoom', value === null ? null : { ...value }, () => {
      if (value === null || typeof value !== 'object') return false;
      const keys = Object.keys(value);
      if (!keys.every((k) => ['scale', 'horizontalFitToPages', 'verticalFitToPages'].includes(k))) return false;
      const { scale, horizontalFitToPages: h, verticalFitToPages: v } = value;
      const count = (n: unknown) => n === undefined || n === null || (Number.isInteger(n) && (n as number) >= 0);
      return (scale === undefined || scale === null || (typeof scale === 'number' && scale >= 10 && scale <= 400)) && count(h) && count(v);
    });
  }

  get zoom(): PageLayoutState['zoom'] {
    throw new FakeExcelError('PropertyNotLoaded', 'the fake does not load PageLayout properties', 'PageLayout.zoom');
  }

  set centerHorizontally(value: boolean) {
    this.set('centerHorizontally', value, () => typeof value === 'boolean');
  }

  get centerHorizontally(): boolean {
    throw new FakeExcelError('PropertyNotLoaded', 'the fake does not load PageLayout properties', 'PageLayout.centerHorizontally');
  }

  setPrintTitleRows(rows: string): void {
    this.set('printTitleRows', rows, () => {
      const m = /^\$?(\d+):\$?(\d+)$/u.exec(rows);
      return m !== null && Number(m[1]) >= 1 && Number(m[1]) <= Number(m[2]) && Number(m[2]) <= MAX_ROWS;
    });
  }
}

const RANGE_PROPS = ['values', 'numberFormat', 'rowIndex', 'columnIndex', 'rowCount', 'columnCount', 'address'] as const;
type RangeProp = typeof RANGE_PROPS[number];

class RangeProxy extends ProxyBase {
  /** undefined: not resolved yet; null: a null object. */
  private areaValue: Area | null | undefined;
  private formatProxy: RangeFormatProxy | null = null;

  constructor(ctx: Context, readonly ws: WorksheetProxy) {
    super(ctx, 'Range');
  }

  bind(area: Area | null): void {
    this.areaValue = area;
    this.loaded.set('isNullObject', area === null);
  }

  area(what: string): Area {
    if (this.areaValue === undefined) throw new FakeExcelError('InvalidObjectPath', `range not resolved (${what})`);
    if (this.areaValue === null) throw new FakeExcelError('InvalidObjectPath', `${what} on a null range object`);
    return this.areaValue;
  }

  get isNullObject(): boolean {
    return this.read<boolean>('isNullObject');
  }

  /** The block this proxy stands for, with its sheet, when a statement runs. */
  ref(what: string): { sheet: SheetModel; area: Area } {
    const area = this.area(what);
    return { sheet: this.ws.model(what), area };
  }

  /** Selects the range in the UI: its sheet must be visible, and becomes the active sheet. */
  select(): void {
    this.ctx.enqueue('Range.select', () => {
      const { sheet, area } = this.ref('Range.select');
      if (sheet.visibility !== 'Visible') throw new FakeExcelError('InvalidOperation', `cannot select a range of the hidden sheet "${sheet.name}"`, 'Range.select');
      sheet.selected = area;
      this.ctx.state.activeId = sheet.id;
    });
  }

  get values(): unknown[][] {
    return this.read<unknown[][]>('values');
  }

  set values(payload: unknown[][]) {
    const bytes = utf8(payload);
    this.ctx.enqueue('Range.values', () => {
      const area = this.area('Range.values');
      const sheet = this.ws.model('Range.values');
      const at = payloadShape(payload, area, 'values', false);
      const where = `Range.values ${sheet.name}!${areaAddress(area)}`;
      for (let i = 0; i < area.rows; i++) {
        for (let j = 0; j < area.columns; j++) writeValue(sheet, area.row + i, area.column + j, at(i, j), where);
      }
      this.ctx.state.writes.push({ sheet: sheet.name, what: 'values', address: areaAddress(area) });
    }, bytes);
  }

  get numberFormat(): unknown[][] {
    return this.read<unknown[][]>('numberFormat');
  }

  set numberFormat(payload: unknown[][]) {
    const bytes = utf8(payload);
    this.ctx.enqueue('Range.numberFormat', () => {
      const area = this.area('Range.numberFormat');
      const sheet = this.ws.model('Range.numberFormat');
      const at = payloadShape(payload, area, 'numberFormat', true);
      for (let i = 0; i < area.rows; i++) {
        for (let j = 0; j < area.columns; j++) {
          const f = at(i, j);
          if (f === null) continue;
          if (typeof f !== 'string') throw new FakeExcelError('InvalidArgument', `a number format must be text, not ${JSON.stringify(f)}`, 'Range.numberFormat');
          putFormat(sheet, area.row + i, area.column + j, f);
        }
      }
      this.ctx.state.writes.push({ sheet: sheet.name, what: 'numberFormat', address: areaAddress(area) });
    }, bytes);
  }

  get rowIndex(): number {
    return this.read<number>('rowIndex');
  }

  get columnIndex(): number {
    return this.read<number>('columnIndex');
  }

  get rowCount(): number {
    return this.read<number>('rowCount');
  }

  get columnCount(): number {
    return this.read<number>('columnCount');
  }

  get address(): string {
    return this.read<string>('address');
  }

  load(props?: string | string[]): this {
    const list = this.parseLoad(props, RANGE_PROPS) as RangeProp[];
    this.ctx.enqueue('Range.load', () => this.fill(list));
    return this;
  }

  /** Loads properties now (during a sync), for Range.load and a collection's items; the bytes read. */
  fill(list: readonly RangeProp[]): number {
    if (this.areaValue === null) {
      for (const p of list) this.loaded.set(p, null);
      return 0;
    }
    const area = this.area('Range.load');
    const sheet = this.ws.model('Range.load');
    let bytes = 0;
    for (const p of list) {
      let value: unknown;
      switch (p) {
        case 'values':
        case 'numberFormat': {
          const grid: unknown[][] = [];
          for (let i = 0; i < area.rows; i++) {
            const row: unknown[] = [];
            for (let j = 0; j < area.columns; j++) {
              const r = area.row + i;
              const c = area.column + j;
              if (p === 'values') {
                const v = cellAt(sheet, r, c);
                row.push(v === undefined ? '' : typeof v === 'object' ? { ...v } : v);
              } else {
                row.push(formatAt(sheet, r, c));
              }
            }
            grid.push(row);
          }
          bytes += utf8(grid);
          value = grid;
          break;
        }
        case 'rowIndex': value = area.row; break;
        case 'columnIndex': value = area.column; break;
        case 'rowCount': value = area.rows; break;
        case 'columnCount': value = area.columns; break;
        case 'address': value = `${sheet.name}!${areaAddress(area)}`; break;
      }
      this.loaded.set(p, value);
    }
    return bytes;
  }

  /**
   * The merged areas whose top-left cell lies in this range (only those: OfficeDev/office-js#3611),
   * or a null object when there are none (Excel.Range reference, ExcelApi 1.13).
   */
  getMergedAreasOrNullObject(): RangeAreasProxy {
    const areas = new RangeAreasProxy(this.ctx, this.ws);
    this.ctx.enqueue('Range.getMergedAreasOrNullObject', () => {
      if (this.ctx.state.excelApiMinor < 13) {
        throw new FakeExcelError('ApiNotFound', 'The API you are trying to use could not be found. It may be available in a newer version of Excel.', 'Range.getMergedAreasOrNullObject');
      }
      const { sheet, area } = this.ref('Range.getMergedAreasOrNullObject');
      const found = sheet.merges.filter((m) => inside(area, m.row, m.column));
      areas.bind(found.length === 0 ? null : found);
    });
    return areas;
  }

  merge(across = false): void {
    this.ctx.enqueue('Range.merge', () => {
      const area = this.area('Range.merge');
      const sheet = this.ws.model('Range.merge');
      const parts = across ? Array.from({ length: area.rows }, (_, i) => ({ ...area, row: area.row + i, rows: 1 })) : [area];
      for (const part of parts) {
        if (part.rows * part.columns === 1) continue;
        const clash = sheet.merges.find((m) => overlaps(m, part) && !sameArea(m, part));
        if (clash) throw new FakeExcelError('InvalidOperation', `${areaAddress(part)} overlaps the merged ${areaAddress(clash)}`, 'Range.merge');
        if (sheet.merges.some((m) => sameArea(m, part))) continue;
        // Excel keeps only the upper-left value of a merged area.
        for (let i = 0; i < part.rows; i++) {
          for (let j = 0; j < part.columns; j++) if (i > 0 || j > 0) putCell(sheet, part.row + i, part.column + j, undefined);
        }
        sheet.merges.push(part);
      }
      this.ctx.state.writes.push({ sheet: sheet.name, what: 'merge', address: areaAddress(area) });
    });
  }

  get format(): RangeFormatProxy {
    this.ctx.assertOpen('Range.format');
    return (this.formatProxy ??= new RangeFormatProxy(this.ctx, this));
  }

  /** Queues a format change of the whole range. */
  style(what: string, apply: (sheet: SheetModel, area: Area) => void): void {
    this.ctx.enqueue(what, () => {
      const area = this.area(what);
      const sheet = this.ws.model(what);
      apply(sheet, area);
      this.ctx.state.writes.push({ sheet: sheet.name, what, address: areaAddress(area) });
    });
  }
}

const notLoadable = (what: string) => new FakeExcelError('PropertyNotLoaded', 'the fake does not load format properties', what);
const ALIGNMENTS: readonly string[] = Object.values(EXCEL_ENUMS.HorizontalAlignment);
const BORDER_INDEXES: readonly string[] = Object.values(EXCEL_ENUMS.BorderIndex);
const BORDER_STYLES: readonly string[] = Object.values(EXCEL_ENUMS.BorderLineStyle);

function styleSetter(range: RangeProxy, key: keyof CellStyle, value: string | number | boolean, ok: boolean): void {
  range.style(`format.${key}`, (sheet, area) => {
    if (!ok) throw new FakeExcelError('InvalidArgument', `format.${key} = ${JSON.stringify(value)}`, `RangeFormat.${key}`);
    sheet.styles.push({ area, key, value });
  });
}

class RangeFormatProxy {
  readonly font: { bold: boolean; size: number };
  readonly fill: { color: string };
  readonly borders: { getItem(index: string): { style: string } };

  constructor(private readonly ctx: Context, private readonly range: RangeProxy) {
    this.font = {
      set bold(v: boolean) { styleSetter(range, 'bold', v, typeof v === 'boolean'); },
      get bold(): boolean { throw notLoadable('RangeFont.bold'); },
      set size(v: number) { styleSetter(range, 'size', v, typeof v === 'number' && v >= 1 && v <= 409); },
      get size(): number { throw notLoadable('RangeFont.size'); },
    };
    this.fill = {
      set color(v: string) { styleSetter(range, 'fill', v, typeof v === 'string' && /^(#[0-9a-f]{6}|[a-z]+)$/iu.test(v)); },
      get color(): string { throw notLoadable('RangeFill.color'); },
    };
    this.borders = {
      getItem: (index: string) => ({
        set style(v: string) {
          range.style('format.borders', (sheet, area) => {
            if (!BORDER_INDEXES.includes(index)) throw new FakeExcelError('InvalidArgument', `no border ${JSON.stringify(index)}`, 'RangeBorderCollection.getItem');
            if (!BORDER_STYLES.includes(v)) throw new FakeExcelError('InvalidArgument', `no border style ${JSON.stringify(v)}`, 'RangeBorder.style');
            sheet.borders.push({ area, edge: index, style: v });
          });
        },
        get style(): string { throw notLoadable('RangeBorder.style'); },
      }),
    };
    // A property RangeFormat does not have is an error here, not a silent no-op (Office.js would ignore
    // it, and the add-in would rely on a format that never reaches the sheet).
    Object.preventExtensions(this);
  }

  /** RangeFormat.wrapText (ExcelApi 1.1): "Specifies if Excel wraps the text in the object." */
  set wrapText(v: boolean) {
    styleSetter(this.range, 'wrapText', v, typeof v === 'boolean');
  }

  get wrapText(): boolean {
    throw notLoadable('RangeFormat.wrapText');
  }

  /** RangeFormat.rowHeight (ExcelApi 1.2), in points, for every row of the range; Excel's rows are at most 409 points high. */
  set rowHeight(v: number) {
    this.range.style('format.rowHeight', (sheet, area) => {
      if (typeof v !== 'number' || !(v >= 0) || v > 409) throw new FakeExcelError('InvalidArgument', `rowHeight = ${v}`, 'RangeFormat.rowHeight');
      for (let r = area.row; r < area.row + area.rows; r++) sheet.rowHeights.set(r, v);
    });
  }

  get rowHeight(): number {
    this.ctx.assertOpen('RangeFormat.rowHeight');
    throw notLoadable('RangeFormat.rowHeight');
  }

  set horizontalAlignment(v: string) {
    styleSetter(this.range, 'horizontalAlignment', v, ALIGNMENTS.includes(v));
  }

  get horizontalAlignment(): string {
    throw notLoadable('RangeFormat.horizontalAlignment');
  }

  set columnWidth(v: number) {
    this.range.style('format.columnWidth', (sheet, area) => {
      if (typeof v !== 'number' || !(v >= 0) || v > 1_790) throw new FakeExcelError('InvalidArgument', `columnWidth = ${v}`, 'RangeFormat.columnWidth');
      for (let c = area.column; c < area.column + area.columns; c++) sheet.columnWidths.set(c, v);
    });
  }

  get columnWidth(): number {
    this.ctx.assertOpen('RangeFormat.columnWidth');
    throw notLoadable('RangeFormat.columnWidth');
  }
}

// -------------------------------------------------------------------------------------------------
// Charts

const CHART_TYPES: readonly string[] = Object.values(EXCEL_ENUMS.ChartType);
const SERIES_BY: readonly string[] = Object.values(EXCEL_ENUMS.ChartSeriesBy);
const chartNotLoadable = (what: string) => new FakeExcelError('PropertyNotLoaded', 'the fake does not load chart properties', what);

/**
 * The series Excel makes of a chart's source block (ChartCollection.add). The block is cut into
 * lines, one per column (seriesBy 'Columns') or per row ('Rows'); 'Auto' takes columns when the block
 * has at least as many rows as columns, else rows (Excel plots the longer side as categories).
 * - Header: when the block has two or more points per line and the first cell of every line is text
 *   (the corner cell may be empty), that first cell is the line's name and the data starts after it.
 * - Categories: when there are two or more lines and the first line's data holds text (or, with a
 *   header, the corner cell is empty), the first line is the categories (every series' x values).
 *   A first line of numbers under a text header is a series of its own, as in Excel.
 * - Every other line is one series: named by its header, else "Series1", "Series2", … (by place).
 */
function seriesOf(sheet: SheetModel, area: Area, seriesBy: string): SeriesModel[] {
  const byColumns = seriesBy === 'Columns' || (seriesBy === 'Auto' && area.rows >= area.columns);
  const lines = byColumns ? area.columns : area.rows;
  const points = byColumns ? area.rows : area.columns;
  const at = (line: number, point: number) =>
    (byColumns ? cellAt(sheet, area.row + point, area.column + line) : cellAt(sheet, area.row + line, area.column + point));
  const block = (line: number, from: number): CellRef => ({
    sheetId: sheet.id,
    area: byColumns ? { row: area.row + from, column: area.column + line, rows: points - from, columns: 1 }
      : { row: area.row + line, column: area.column + from, rows: 1, columns: points - from },
  });
  const isText = (v: StoredCell | undefined) => typeof v === 'string';
  const header = points >= 2 && Array.from({ length: lines }, (_, l) => at(l, 0))
    .every((v, l) => isText(v) || (l === 0 && v === undefined && lines >= 2));
  const from = header ? 1 : 0;
  const firstLineText = Array.from({ length: points - from }, (_, p) => at(0, from + p)).some(isText);
  const categories = lines >= 2 && (firstLineText || (header && at(0, 0) === undefined)) ? block(0, from) : null;
  const series: SeriesModel[] = [];
  for (let l = categories ? 1 : 0; l < lines; l++) {
    series.push({ name: header ? String(at(l, 0)) : `Series${series.length + 1}`, values: block(l, from), xValues: categories });
  }
  return series;
}

/** Excel.RangeAreas, as far as reading merged areas goes: `areaCount`, `isNullObject`, `areas`. */
class RangeAreasProxy extends ProxyBase {
  private list: Area[] | null | undefined;
  private collection: RangeCollectionProxy | null = null;

  constructor(ctx: Context, private readonly ws: WorksheetProxy) {
    super(ctx, 'RangeAreas');
  }

  bind(list: Area[] | null): void {
    this.list = list;
    this.loaded.set('isNullObject', list === null);
  }

  /** The areas once resolved; a statement on a null object fails, as Office.js's do. */
  resolved(what: string): Area[] {
    if (this.list === undefined) throw new FakeExcelError('InvalidObjectPath', `range areas not resolved (${what})`);
    if (this.list === null) throw new FakeExcelError('InvalidObjectPath', `${what} on a null RangeAreas object`);
    return this.list;
  }

  get isNullObject(): boolean {
    return this.read<boolean>('isNullObject');
  }

  get areaCount(): number {
    return this.read<number>('areaCount');
  }

  get areas(): RangeCollectionProxy {
    this.ctx.assertOpen('RangeAreas.areas');
    return (this.collection ??= new RangeCollectionProxy(this.ctx, this.ws, this));
  }

  load(props?: string | string[]): this {
    const list = this.parseLoad(props, ['areaCount']);
    this.ctx.enqueue('RangeAreas.load', () => {
      // Loading a null object's properties succeeds and leaves them null (as Range.load here).
      for (const p of list) this.loaded.set(p, this.list === null ? null : this.resolved('RangeAreas.load').length);
    });
    return this;
  }
}

class RangeCollectionProxy extends ProxyBase {
  constructor(ctx: Context, private readonly ws: WorksheetProxy, private readonly owner: RangeAreasProxy) {
    super(ctx, 'RangeCollection');
  }

  get items(): RangeProxy[] {
    return this.read<RangeProxy[]>('items');
  }

  load(props?: string | string[]): this {
    const itemProps = itemsToLoad(props, RANGE_PROPS, 'RangeCollection');
    this.ctx.enqueue('RangeCollection.load', () => {
      const items = this.owner.resolved('RangeCollection.load').map((area) => {
        const range = new RangeProxy(this.ctx, this.ws);
        range.bind(area);
        range.fill([...itemProps]);
        return range;
      });
      this.loaded.set('items', items);
      return 0;
    });
    return this;
  }
}

class ChartCollectionProxy {
  constructor(private readonly ctx: Context, private readonly ws: WorksheetProxy) {}

  /** A new chart of `type` over `sourceData` (which may be on another sheet), named "Chart N". */
  add(type: string, sourceData: RangeProxy, seriesBy: string = EXCEL_ENUMS.ChartSeriesBy.auto): ChartProxy {
    const chart = new ChartProxy(this.ctx);
    this.ctx.enqueue(`ChartCollection.add(${type})`, () => {
      const sheet = this.ws.model('ChartCollection.add');
      if (!CHART_TYPES.includes(type)) {
        throw new FakeExcelError('InvalidArgument', `no chart type ${JSON.stringify(type)} (the fake knows ${CHART_TYPES.join(', ')})`, 'ChartCollection.add');
      }
      if (!SERIES_BY.includes(seriesBy)) throw new FakeExcelError('InvalidArgument', `seriesBy = ${JSON.stringify(seriesBy)}`, 'ChartCollection.add');
      if (!(sourceData instanceof RangeProxy)) throw new FakeExcelError('InvalidArgument', 'sourceData must be a Range', 'ChartCollection.add');
      const source = sourceData.ref('ChartCollection.add');
      const state = this.ctx.state;
      const model: ChartModel = {
        id: state.nextChartId++, name: `Chart ${++sheet.chartsMade}`, type, source: { sheetId: source.sheet.id, area: source.area },
        title: null, topLeft: null, bottomRight: null, legendVisible: true, series: seriesOf(source.sheet, source.area, seriesBy),
      };
      sheet.charts.push(model);
      state.writes.push({ sheet: sheet.name, what: 'chart.add', address: model.name });
      chart.bind(model);
    });
    return chart;
  }

  /** The chart of that name on this sheet (names ignore case); ItemNotFound at sync if none. */
  getItem(name: string): ChartProxy {
    const chart = new ChartProxy(this.ctx);
    this.ctx.enqueue(`ChartCollection.getItem(${name})`, () => {
      const sheet = this.ws.model('ChartCollection.getItem');
      const found = sheet.charts.find((c) => c.name.toLowerCase() === String(name).toLowerCase());
      if (!found) throw new FakeExcelError('ItemNotFound', `The requested resource doesn't exist: no chart "${name}" on "${sheet.name}"`, 'ChartCollection.getItem');
      chart.bind(found);
    });
    return chart;
  }
}

class ChartProxy {
  /** undefined: not resolved yet (its statement has not run). */
  private chart: ChartModel | undefined;
  readonly title: { text: string };
  readonly legend: { visible: boolean };
  readonly series: { getItemAt(index: number): ChartSeriesProxy };

  constructor(private readonly ctx: Context) {
    const change = (what: string, apply: (chart: ChartModel) => void) => this.change(what, apply);
    this.title = {
      set text(v: string) {
        change('title.text', (chart) => {
          if (typeof v !== 'string') throw new FakeExcelError('InvalidArgument', `title.text = ${JSON.stringify(v)}`, 'ChartTitle.text');
          chart.title = v;
        });
      },
      get text(): string { throw chartNotLoadable('ChartTitle.text'); },
    };
    this.legend = {
      set visible(v: boolean) {
        change('legend.visible', (chart) => {
          if (typeof v !== 'boolean') throw new FakeExcelError('InvalidArgument', `legend.visible = ${JSON.stringify(v)}`, 'ChartLegend.visible');
          chart.legendVisible = v;
        });
      },
      get visible(): boolean { throw chartNotLoadable('ChartLegend.visible'); },
    };
    this.series = { getItemAt: (index: number) => new ChartSeriesProxy(ctx, this, index) };
  }

  bind(chart: ChartModel): void {
    this.chart = chart;
  }

  /** The chart and its sheet, when a statement runs. */
  model(what: string): { chart: ChartModel; sheet: SheetModel } {
    if (this.chart === undefined) throw new FakeExcelError('InvalidObjectPath', `chart not resolved (${what})`);
    const chart = this.chart;
    const sheet = this.ctx.state.sheets.find((s) => s.charts.includes(chart));
    if (!sheet) throw new FakeExcelError('InvalidObjectPath', `${what} on a deleted chart`);
    return { chart, sheet };
  }

  /** Queues a change of the chart, recorded as a write `chart.<what>` with the chart's name. */
  change(what: string, apply: (chart: ChartModel, sheet: SheetModel) => void): void {
    this.ctx.enqueue(`Chart.${what}`, () => {
      const { chart, sheet } = this.model(`Chart.${what}`);
      apply(chart, sheet);
      this.ctx.state.writes.push({ sheet: sheet.name, what: `chart.${what}`, address: chart.name });
    });
  }

  get name(): string {
    this.ctx.assertOpen('Chart.name');
    throw chartNotLoadable('Chart.name');
  }

  /** Renames the chart: not empty, not taken by another chart of its sheet (ignoring case). */
  set name(value: string) {
    this.change('name', (chart, sheet) => {
      if (typeof value !== 'string' || value.trim() === '' || value.length > 255) {
        throw new FakeExcelError('InvalidArgument', `${JSON.stringify(value)} is not a valid chart name`, 'Chart.name');
      }
      const other = sheet.charts.find((c) => c !== chart && c.name.toLowerCase() === value.toLowerCase());
      if (other) throw new FakeExcelError('ItemAlreadyExists', `A chart named "${other.name}" already exists on "${sheet.name}"`, 'Chart.name');
      chart.name = value;
    });
  }

  /**
   * Places the chart over cells of its own sheet: its top-left corner at the top-left of `startCell`;
   * with `endCell` its bottom-right at the bottom-right of `endCell`, else it keeps its size in cells.
   */
  setPosition(startCell: RangeProxy | string, endCell?: RangeProxy | string): void {
    this.change('setPosition', (chart, sheet) => {
      const where = 'Chart.setPosition';
      const areaOf = (cell: RangeProxy | string, which: string): Area => {
        if (typeof cell === 'string') {
          const area = parseAddress(cell);
          if (!area) throw new FakeExcelError('InvalidArgument', `${which} is not an A1 address: ${JSON.stringify(cell)}`, where);
          return area;
        }
        if (!(cell instanceof RangeProxy)) throw new FakeExcelError('InvalidArgument', `${which} must be a Range or an address`, where);
        const ref = cell.ref(where);
        if (ref.sheet !== sheet) throw new FakeExcelError('InvalidArgument', `${which} is on "${ref.sheet.name}", not on the chart's sheet "${sheet.name}"`, where);
        return ref.area;
      };
      const start = areaOf(startCell, 'startCell');
      const topLeft = { row: start.row, column: start.column, rows: 1, columns: 1 };
      let bottomRight: Area | null = null;
      if (endCell !== undefined) {
        const end = areaOf(endCell, 'endCell');
        bottomRight = { row: end.row + end.rows - 1, column: end.column + end.columns - 1, rows: 1, columns: 1 };
        if (bottomRight.row < topLeft.row || bottomRight.column < topLeft.column) {
          throw new FakeExcelError('InvalidArgument', `endCell ${areaAddress(bottomRight)} is above or left of startCell ${areaAddress(topLeft)}`, where);
        }
      } else if (chart.topLeft && chart.bottomRight) {
        const row = topLeft.row + chart.bottomRight.row - chart.topLeft.row;
        const column = topLeft.column + chart.bottomRight.column - chart.topLeft.column;
        bottomRight = { row: Math.min(row, MAX_ROWS - 1), column: Math.min(column, MAX_COLUMNS - 1), rows: 1, columns: 1 };
      }
      chart.topLeft = topLeft;
      chart.bottomRight = bottomRight;
    });
  }

  delete(): void {
    this.change('delete', (chart, sheet) => { sheet.charts.splice(sheet.charts.indexOf(chart), 1); });
  }
}

class ChartSeriesProxy {
  constructor(private readonly ctx: Context, private readonly chart: ChartProxy, private readonly index: number) {}

  /** Queues a change of the series (ItemNotFound at sync when the chart has no series at that index). */
  private change(what: string, apply: (series: SeriesModel) => void): void {
    this.chart.change(`series.${what}`, (chart) => {
      const series = Number.isInteger(this.index) ? chart.series[this.index] : undefined;
      if (!series) {
        throw new FakeExcelError('ItemNotFound', `chart "${chart.name}" has no series ${this.index} (it has ${chart.series.length})`, 'ChartSeriesCollection.getItemAt');
      }
      apply(series);
    });
  }

  /** A single row or column, on any sheet. */
  private block(range: RangeProxy, what: string): CellRef {
    if (!(range instanceof RangeProxy)) throw new FakeExcelError('InvalidArgument', 'sourceData must be a Range', `ChartSeries.${what}`);
    const { sheet, area } = range.ref(`ChartSeries.${what}`);
    if (area.rows !== 1 && area.columns !== 1) {
      throw new FakeExcelError('InvalidArgument', `a series takes one row or one column, not ${areaAddress(area)}`, `ChartSeries.${what}`);
    }
    return { sheetId: sheet.id, area };
  }

  setValues(sourceData: RangeProxy): void {
    this.change('setValues', (series) => { series.values = this.block(sourceData, 'setValues'); });
  }

  setXAxisValues(sourceData: RangeProxy): void {
    this.change('setXAxisValues', (series) => { series.xValues = this.block(sourceData, 'setXAxisValues'); });
  }

  get name(): string {
    this.ctx.assertOpen('ChartSeries.name');
    throw chartNotLoadable('ChartSeries.name');
  }

  set name(value: string) {
    this.change('name', (series) => {
      if (typeof value !== 'string') throw new FakeExcelError('InvalidArgument', `name = ${JSON.stringify(value)}`, 'ChartSeries.name');
      series.name = value;
    });
  }
}

// -------------------------------------------------------------------------------------------------
// The fake and its accessors

export interface FakeExcel {
  /** Excel.run over this workbook. */
  run: ExcelRun;
  /** context.sync() calls, round trips (syncs with something to send), Excel.run's own final syncs. */
  readonly syncCount: number;
  readonly roundTrips: number;
  readonly implicitSyncs: number;
  readonly runCount: number;
  readonly suspendCalculationCalls: number;
  /** Application.suspendScreenUpdatingUntilNextSync calls that ran. */
  readonly suspendScreenUpdatingCalls: number;
  /** Cells were written in a request with calculation suspended and no Application.calculate ran since: formulas are stale. */
  readonly calculationPending: boolean;
  /** Application.calculate calls that ran. */
  readonly calculateCalls: number;
  /** The largest request of any sync (JSON bytes of values and number formats written and read). */
  readonly largestRequest: number;
  readonly requests: readonly RequestRecord[];
  /** Every change applied, in order. */
  readonly writes: readonly WriteRecord[];
  writesTo(sheet: string): WriteRecord[];
  /** Zeroes the counters, the request log and the write log. */
  resetCounters(): void;
  sheetNames(): string[];
  /** The sheet the user sees (Worksheet.activate). */
  activeSheet(): string | null;
  visibility(sheet: string): Visibility;
  /** One cell (0-based); '' when empty. */
  cell(sheet: string, row: number, column: number): StoredCell;
  /** The cells from A1 to the last used row and column; '' when empty. */
  grid(sheet: string): StoredCell[][];
  usedAddress(sheet: string): string | null;
  numberFormat(sheet: string, row: number, column: number): string;
  quotePrefixed(sheet: string, row: number, column: number): boolean;
  /** Every formula in the workbook (or in one sheet). */
  formulas(sheet?: string): { sheet: string; address: string; formula: string }[];
  merges(sheet: string): string[];
  frozenRows(sheet: string): number;
  pageLayout(sheet: string): PageLayoutState;
  columnWidth(sheet: string, column: number): number | undefined;
  columnWidths(sheet: string): Record<number, number>;
  /** The height set on a 0-based row, in points (undefined: never set). */
  rowHeight(sheet: string, row: number): number | undefined;
  borders(sheet: string): { address: string; edge: string; style: string }[];
  /** The border on each side of a cell, from the edges and inside lines set on ranges. */
  cellBorders(sheet: string, row: number, column: number): CellBorders;
  style(sheet: string, row: number, column: number): CellStyle;
  /** The charts of a sheet, in the order they were added (copies). */
  charts(sheet: string): ChartState[];
  /** The cells Range.select chose on the active sheet, or null if none was selected there. */
  selection(): { sheet: string; address: string } | null;
}

export function createFakeExcel(sheets: Record<string, readonly (readonly FakeInputCell[])[]>, options: FakeExcelOptions = {}): FakeExcel {
  const state: State = {
    sheets: [], date1904: options.date1904 ?? false, nextId: 1, limitBytes: options.limitBytes ?? DEFAULT_LIMIT,
    syncCalls: 0, roundTrips: 0, implicitSyncs: 0, runs: 0, suspendCalls: 0, screenSuspendCalls: 0, calculationPending: false, calculateCalls: 0, nextChartId: 1,
    requests: [], writes: [], activeId: null, excelApiMinor: Number((options.excelApi ?? '1.13').split('.')[1]),
  };
  for (const [name, grid] of Object.entries(sheets)) {
    checkSheetName(name);
    if (findSheet(state, name)) throw new Error(`duplicate sheet ${name}`);
    const sheet = newSheet(state, name, options.visibility?.[name] ?? 'Visible');
    const at = options.origin?.[name] ?? { row: 0, column: 0 };
    const formats = options.numberFormats?.[name];
    grid.forEach((row, i) => row.forEach((v, j) => {
      if (v !== null && v !== '') putCell(sheet, at.row + i, at.column + j, v);
    }));
    formats?.forEach((row, i) => row.forEach((f, j) => {
      if (f !== null) putFormat(sheet, at.row + i, at.column + j, f);
    }));
    for (const address of options.merges?.[name] ?? []) {
      const area = parseAddress(address);
      if (!area || sheet.merges.some((m) => overlaps(m, area))) throw new Error(`bad or overlapping merge ${address} on ${name}`);
      sheet.merges.push(area);
    }
    state.sheets.push(sheet);
  }
  state.activeId = state.sheets.find((s) => s.visibility === 'Visible')?.id ?? null;

  const run: ExcelRun = async <T>(batch: (context: Excel.RequestContext) => Promise<T>): Promise<T> => {
    state.runs++;
    const ctx = new Context(state);
    try {
      const result = await batch(ctx as unknown as Excel.RequestContext);
      if (ctx.pending > 0) {
        state.implicitSyncs++;
        await ctx.sync();
      }
      return result;
    } finally {
      ctx.close();
    }
  };

  const sheet = (name: string): SheetModel => {
    const s = state.sheets.find((x) => x.name === name);
    if (!s) throw new Error(`the fake workbook has no sheet "${name}" (it has ${state.sheets.map((x) => x.name).join(', ')})`);
    return s;
  };
  const stored = (v: StoredCell | undefined): StoredCell => (v === undefined ? '' : typeof v === 'object' ? { ...v } : v);
  const styleAt = (s: SheetModel, r: number, c: number): CellStyle => {
    const out: CellStyle = {};
    for (const st of s.styles) if (inside(st.area, r, c)) (out as Record<string, unknown>)[st.key] = st.value;
    return out;
  };

  return {
    run,
    get syncCount() { return state.syncCalls; },
    get roundTrips() { return state.roundTrips; },
    get implicitSyncs() { return state.implicitSyncs; },
    get runCount() { return state.runs; },
    get suspendCalculationCalls() { return state.suspendCalls; },
    get suspendScreenUpdatingCalls() { return state.screenSuspendCalls; },
    get calculationPending() { return state.calculationPending; },
    get calculateCalls() { return state.calculateCalls; },
    get largestRequest() { return state.requests.reduce((m, r) => Math.max(m, r.bytes), 0); },
    get requests() { return state.requests; },
    get writes() { return state.writes; },
    writesTo: (name) => state.writes.filter((w) => w.sheet === name),
    resetCounters: () => {
      state.syncCalls = 0;
      state.roundTrips = 0;
      state.implicitSyncs = 0;
      state.runs = 0;
      state.suspendCalls = 0;
      state.screenSuspendCalls = 0;
      state.calculateCalls = 0;
      state.requests = [];
      state.writes = [];
    },
    sheetNames: () => state.sheets.map((s) => s.name),
    activeSheet: () => state.sheets.find((s) => s.id === state.activeId)?.name ?? null,
    visibility: (name) => sheet(name).visibility,
    cell: (name, r, c) => stored(cellAt(sheet(name), r, c)),
    grid: (name) => {
      const s = sheet(name);
      const used = usedArea(s, true);
      if (!used) return [];
      return Array.from({ length: used.row + used.rows }, (_, r) =>
        Array.from({ length: used.column + used.columns }, (__, c) => stored(cellAt(s, r, c))));
    },
    usedAddress: (name) => {
      const used = usedArea(sheet(name), true);
      return used ? areaAddress(used) : null;
    },
    numberFormat: (name, r, c) => formatAt(sheet(name), r, c),
    quotePrefixed: (name, r, c) => sheet(name).quotePrefix.has(`${r},${c}`),
    formulas: (name) => state.sheets.filter((s) => name === undefined || s.name === name).flatMap((s) =>
      s.cells.flatMap((row, r) => (row ?? []).flatMap((v, c) =>
        (v !== undefined && typeof v === 'object' ? [{ sheet: s.name, address: a1(r, c), formula: v.formula }] : [])))),
    merges: (name) => sheet(name).merges.map(areaAddress),
    frozenRows: (name) => sheet(name).frozenRows,
    pageLayout: (name) => ({ ...sheet(name).pageLayout }),
    columnWidth: (name, c) => sheet(name).columnWidths.get(c),
    columnWidths: (name) => Object.fromEntries(sheet(name).columnWidths),
    rowHeight: (name, r) => sheet(name).rowHeights.get(r),
    borders: (name) => sheet(name).borders.map((b) => ({ address: areaAddress(b.area), edge: b.edge, style: b.style })),
    cellBorders: (name, r, c) => {
      const out: CellBorders = { top: null, bottom: null, left: null, right: null };
      for (const b of sheet(name).borders) {
        const a = b.area;
        if (!inside(a, r, c)) continue;
        const set = (side: keyof CellBorders) => { out[side] = b.style === 'None' ? null : b.style; };
        if (b.edge === 'EdgeTop' && r === a.row) set('top');
        if (b.edge === 'EdgeBottom' && r === a.row + a.rows - 1) set('bottom');
        if (b.edge === 'EdgeLeft' && c === a.column) set('left');
        if (b.edge === 'EdgeRight' && c === a.column + a.columns - 1) set('right');
        if (b.edge === 'InsideHorizontal') {
          if (r > a.row) set('top');
          if (r < a.row + a.rows - 1) set('bottom');
        }
        if (b.edge === 'InsideVertical') {
          if (c > a.column) set('left');
          if (c < a.column + a.columns - 1) set('right');
        }
      }
      return out;
    },
    style: (name, r, c) => styleAt(sheet(name), r, c),
    charts: (name) => sheet(name).charts.map((c) => ({
      name: c.name,
      type: c.type,
      source: refAddress(state, c.source) as string,
      title: c.title,
      topLeft: c.topLeft && areaAddress(c.topLeft),
      bottomRight: c.bottomRight && areaAddress(c.bottomRight),
      legendVisible: c.legendVisible,
      series: c.series.map((x) => ({ name: x.name, values: refAddress(state, x.values), xValues: refAddress(state, x.xValues) })),
    })),
    selection: () => {
      const active = state.sheets.find((s) => s.id === state.activeId);
      return active?.selected ? { sheet: active.name, address: areaAddress(active.selected) } : null;
    },
  };
}
