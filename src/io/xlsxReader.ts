/**
 * The .xlsx / .xlsm reader: each part of the package is inflated and scanned once, in chunks
 * (ECMA-376 Part 1 §18: SpreadsheetML). Only what the engine needs is kept — cell values, merged
 * ranges, the date system and which styles are dates — so time and memory follow the cells that
 * hold data, never a declared `<dimension>`, merges, validations or formats over a whole sheet.
 */
import type { Cell, GridAddress, MergedRange } from '../engine/types';
import { attributeOf, attributesOf, ownString, scanXml, StringTable, type XmlHandler } from './xml';
import { asSourceError, SourceError } from './errors';
import { clipMerges } from './merges';
import { entryChunks, partKey, ZipError, type Inflate, type ZipEntry } from './zip';
import type { SheetData, TableSource } from './types';

/**
 * Most a part may inflate to: this many times the whole file, and never less than the floor.
 * Real sheets deflate 5–20×; a zip bomb expands ~1,000× and stops here with a clear error.
 */
const INFLATE_RATIO = 100;
const INFLATE_FLOOR = 64 * 1048576;

/** Excel's limits (ECMA-376 Part 1 §18.3.1.73 row, §18.3.1.4 c; 1,048,576 rows × 16,384 columns). */
const MAX_ROW = 1_048_576;
const MAX_COLUMN = 16_384;

/** Built-in number formats that show dates or times (ECMA-376 Part 1 §18.8.30, with the East Asian ids 27–36 and 50–58). */
const BUILT_IN_DATE_FORMATS = new Set([14, 15, 16, 17, 18, 19, 20, 21, 22, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 45, 46, 47, 50, 51, 52, 53, 54, 55, 56, 57, 58]);

/** A format code shows a date or time when y, m, d, h or s appear outside quotes, brackets and escapes (§18.8.31). */
export function isDateFormat(code: string): boolean {
  const bare = code.replace(/"[^"]*"|\[[^\]]*\]|\\.|[_*]./gu, '');
  return /[ymdhs]/iu.test(bare);
}

const MS_PER_DAY = 86_400_000;
/** Days from 1899-12-30 (serial 0 of the 1900 system) to 1970-01-01; the 1904 system starts 1,462 days later (§18.17.4.1). */
const EPOCH_1970 = 25_569;
const DAYS_1904 = 1_462;

/** A date cell's serial as a Date, to the millisecond as exceljs rounds it (the engine reads its UTC day). */
export function serialToDate(serial: number, date1904: boolean): Date {
  return new Date(Math.round((serial - EPOCH_1970 + (date1904 ? DAYS_1904 : 0)) * MS_PER_DAY));
}

/** `_x000D_` and the like: characters XML cannot hold, escaped in cell text (§22.9.2.19 ST_Xstring). */
function unescapeXstring(text: string): string {
  return text.includes('_x') ? text.replace(/_x([0-9A-Fa-f]{4})_/gu, (_, hex: string) => String.fromCharCode(parseInt(hex, 16))) : text;
}

/** Packs a cell reference's row and column in one number, so a cell's reference makes no object. */
const COLUMNS = 32_768;

/** "B12" in `text[from, to)` → 12 × COLUMNS + 2; -1 when it is not a cell reference inside Excel's limits. */
function cellRefIn(text: string, from: number, to: number): number {
  let column = 0;
  let i = from;
  for (; i < to; i++) {
    const c = text.charCodeAt(i) | 0x20;
    if (c < 97 || c > 122) break;
    column = column * 26 + c - 96;
  }
  let row = 0;
  for (; i < to; i++) {
    const c = text.charCodeAt(i) - 48;
    if (c < 0 || c > 9) return -1;
    row = row * 10 + c;
  }
  return row >= 1 && row <= MAX_ROW && column >= 1 && column <= MAX_COLUMN ? row * COLUMNS + column : -1;
}

/** "B12" → row 12, column 2; null when it is not a cell reference inside Excel's limits. */
function cellRef(ref: string): { row: number; column: number } | null {
  const at = cellRefIn(ref, 0, ref.length);
  return at < 0 ? null : { row: Math.floor(at / COLUMNS), column: at % COLUMNS };
}

/** A `<c>`'s t as one of the types' own strings when it is one, so most cells slice nothing for it. */
function cellType(text: string, from: number, to: number): string {
  const length = to - from;
  if (length === 1) {
    const c = text.charCodeAt(from);
    if (c === 115) return 's';
    if (c === 110) return 'n';
    if (c === 98) return 'b';
  } else if (length === 3 && text.startsWith('str', from)) return 'str';
  return text.slice(from, to);
}

/** A `<c>`'s s: up to nine digits read in place (exact as an integer), anything else as Number reads it. */
function cellStyle(text: string, from: number, to: number): number {
  if (to === from || to - from > 9) return Number(text.slice(from, to));
  let style = 0;
  for (let i = from; i < to; i++) {
    const d = text.charCodeAt(i) - 48;
    if (d < 0 || d > 9) return Number(text.slice(from, to));
    style = style * 10 + d;
  }
  return style;
}

/** A relationship part's targets by id and by type (ECMA-376 Part 2 §9.3). */
interface Relationship {
  id: string;
  type: string;
  target: string;
}

/** A target relative to its source part's folder (Part 2 §9.3.2.2 → RFC 3986 resolution). */
function resolveTarget(source: string, target: string): string {
  const parts = target.startsWith('/') ? [] : source.split('/').slice(0, -1);
  for (const segment of target.split('/')) {
    if (segment === '..') parts.pop();
    else if (segment !== '.' && segment !== '') parts.push(segment);
  }
  return parts.join('/');
}

const relsPathOf = (part: string) => {
  const slash = part.lastIndexOf('/');
  return `${part.slice(0, slash + 1)}_rels/${part.slice(slash + 1)}.rels`;
};

interface SheetEntry {
  name: string;
  part: string;
  state: string;
}

/** A parsed workbook: sheets in order, the date system, shared strings and the date styles. */
export class XlsxReader implements TableSource {
  private constructor(
    readonly label: string,
    private readonly data: Uint8Array,
    private readonly entries: Map<string, ZipEntry>,
    private readonly inflate: Inflate,
    private readonly sheets: readonly SheetEntry[],
    private readonly date1904: boolean,
    private readonly strings: readonly string[],
    private readonly dateStyles: readonly boolean[],
  ) {}

  /** Inline cell text seen in this workbook's sheets, kept once (CellTexts). */
  private readonly texts = new CellTexts();

  /** Reads the workbook of a zip's entries; a 'not-workbook' ZipError when the package holds none (a .docx, say). */
  static async open(label: string, data: Uint8Array, entries: Map<string, ZipEntry>, inflate: Inflate): Promise<XlsxReader> {
    const limit = Math.max(INFLATE_FLOOR, INFLATE_RATIO * data.length);
    const chunksOf = (part: string) => {
      const entry = entries.get(partKey(part));
      return entry ? textChunks(entryChunks(data, entry, inflate, limit)) : null;
    };
    const relationships = async (part: string) => readRelationships(chunksOf(relsPathOf(part)), part);
    const office = (await relationships('')).find((r) => r.type.endsWith('/officeDocument'));
    const workbookPart = office?.target ?? 'xl/workbook.xml';
    const workbookXml = chunksOf(workbookPart);
    const book = workbookXml ? await readWorkbook(workbookXml) : null;
    if (!book?.isWorkbook) throw new ZipError('not-workbook', 'no workbook part');
    const rels = await relationships(workbookPart);
    const byId = new Map(rels.map((r) => [r.id, r]));
    const sheets = book.sheets.flatMap((s) => {
      const rel = byId.get(s.rid);
      // Chart sheets, dialog and macro sheets hold no table (§18.2.19 sheet → its relationship's type).
      return rel?.type.endsWith('/worksheet') ? [{ name: s.name, part: rel.target, state: s.state }] : [];
    });
    const partOf = (type: string) => rels.find((r) => r.type.endsWith(type))?.target;
    const stylesPart = partOf('/styles');
    const stringsPart = partOf('/sharedStrings');
    const stylesXml = stylesPart ? chunksOf(stylesPart) : null;
    const stringsXml = stringsPart ? chunksOf(stringsPart) : null;
    return new XlsxReader(label, data, entries, inflate, sheets, book.date1904,
      stringsXml ? await readSharedStrings(stringsXml) : [], stylesXml ? await readDateStyles(stylesXml) : []);
  }

  async sheetNames(): Promise<string[]> {
    return this.sheets.filter((s) => s.state !== 'veryHidden').map((s) => s.name);
  }

  async readSheet(name: string): Promise<SheetData> {
    const sheet = this.sheets.find((s) => s.name === name && s.state !== 'veryHidden');
    if (!sheet) throw SourceError.noSheet(this.label, name);
    const entry = this.entries.get(partKey(sheet.part));
    const reader = new SheetReader(this.strings, this.dateStyles, this.date1904, this.texts);
    if (entry) {
      const limit = Math.max(INFLATE_FLOOR, INFLATE_RATIO * this.data.length);
      try {
        await scanXml(textChunks(entryChunks(this.data, entry, this.inflate, limit)), reader);
      } catch (error) {
        throw asSourceError(this.label, error);
      }
    }
    return { name, date1904: this.date1904, firstRow: 1, firstColumn: 1, ...reader.result() };
  }
}

/** Bytes to text in chunks; Office writes UTF-8, and XML allows UTF-16 with a BOM. */
async function* textChunks(chunks: AsyncIterable<Uint8Array>): AsyncIterable<string> {
  let decoder: InstanceType<typeof TextDecoder> | undefined;
  for await (const chunk of chunks) {
    decoder ??= new TextDecoder(chunk[0] === 0xff && chunk[1] === 0xfe ? 'utf-16le' : chunk[0] === 0xfe && chunk[1] === 0xff ? 'utf-16be' : 'utf-8');
    yield decoder.decode(chunk, { stream: true });
  }
  if (decoder) yield decoder.decode();
}

/** A handler that only looks at start tags. */
function onOpen(open: XmlHandler['open']): XmlHandler {
  return { open, close: () => undefined, text: () => undefined };
}

async function readRelationships(xml: AsyncIterable<string> | null, source: string): Promise<Relationship[]> {
  const out: Relationship[] = [];
  if (!xml) return out;
  await scanXml(xml, onOpen((name, attributes) => {
    if (name !== 'Relationship') return;
    const a = attributesOf(attributes);
    if (a.TargetMode === 'External' || a.Id === undefined || a.Target === undefined) return;
    out.push({ id: a.Id, type: a.Type ?? '', target: resolveTarget(source, a.Target) });
  }));
  return out;
}

/** The sheets in order and the date system; isWorkbook false when the main part is a document of another kind. */
async function readWorkbook(xml: AsyncIterable<string>): Promise<{ sheets: { name: string; rid: string; state: string }[]; date1904: boolean; isWorkbook: boolean }> {
  const sheets: { name: string; rid: string; state: string }[] = [];
  let date1904 = false;
  let isWorkbook = false;
  await scanXml(xml, onOpen((name, attributes) => {
    if (name === 'workbook') isWorkbook = true;
    else if (name === 'workbookPr') {
      // xsd:boolean: "1" or "true" (§18.2.28; Strict writers and some libraries write "true").
      const flag = attributesOf(attributes).date1904;
      date1904 = flag === '1' || flag === 'true';
    } else if (name === 'sheet') {
      const a = attributesOf(attributes);
      if (a.name !== undefined && a.id !== undefined) sheets.push({ name: a.name, rid: a.id, state: a.state ?? 'visible' });
    }
  }));
  return { sheets, date1904, isWorkbook };
}

/** The text of each `<si>`: plain or rich text runs joined, phonetic runs (`<rPh>`) left out (§18.4.8). */
async function readSharedStrings(xml: AsyncIterable<string>): Promise<string[]> {
  const out: string[] = [];
  let text = '';
  let inT = false;
  let phonetic = 0;
  await scanXml(xml, {
    open(name) {
      if (name === 'si') text = '';
      else if (name === 't') inT = phonetic === 0;
      else if (name === 'rPh') phonetic++;
    },
    close(name) {
      if (name === 'si') out.push(ownString(unescapeXstring(text)));
      else if (name === 't') inT = false;
      else if (name === 'rPh') phonetic--;
    },
    text(t) {
      if (inT) text += t;
    },
  });
  return out;
}

/** For each cell format (`<cellXfs>` index, the cell's `s`), whether it shows a date (§18.8.10, §18.8.30). */
async function readDateStyles(xml: AsyncIterable<string>): Promise<boolean[]> {
  const custom = new Map<number, string>();
  const formats: number[] = [];
  let inCellXfs = false;
  await scanXml(xml, {
    open(name, attributes) {
      if (name === 'numFmt') {
        const a = attributesOf(attributes);
        if (a.numFmtId !== undefined && a.formatCode !== undefined) custom.set(Number(a.numFmtId), a.formatCode);
      } else if (name === 'cellXfs') inCellXfs = true;
      else if (name === 'xf' && inCellXfs) formats.push(Number(attributeOf(attributes, 'numFmtId') ?? 0));
    },
    close(name) {
      if (name === 'cellXfs') inCellXfs = false;
    },
    text: () => undefined,
  });
  return formats.map((id) => {
    const code = custom.get(id);
    return code !== undefined ? isDateFormat(code) : BUILT_IN_DATE_FORMATS.has(id);
  });
}

const EMPTY_ROW: readonly Cell[] = Object.freeze([]);

/**
 * Inline text (`t="str"`, `t="inlineStr"`: what WPS, LibreOffice's formulas and streaming writers
 * such as exceljs' write instead of shared strings) repeats as shared strings do — a name, a
 * department, a violation's kind in every row — so a short text is kept once per workbook, as the
 * shared-string table keeps it: a sheet's cells hold far fewer strings than cells, which is memory
 * and the collector's time (it copies every live string as it promotes it).
 */
class CellTexts {
  private static readonly LONGEST = 40;
  private readonly strings = new StringTable(16_384);

  of(text: string): string {
    return text.length > CellTexts.LONGEST ? ownString(text) : this.strings.of(text, 0, text.length);
  }
}

/** One pass over a worksheet part (§18.3.1.99 worksheet): `<sheetData>` cells and `<mergeCells>`. */
class SheetReader implements XmlHandler {
  private readonly rows: Cell[][] = [];
  private readonly merges: MergedRange[] = [];
  private readonly formulasWithoutValue: GridAddress[] = [];
  private inSheetData = false;
  private row = 0;
  private column = 0;
  private type = 'n';
  private style = 0;
  private buffer = '';
  private capture = false;
  private hasValue = false;
  private hasFormula = false;
  private phonetic = 0;

  constructor(
    private readonly strings: readonly string[],
    private readonly dateStyles: readonly boolean[],
    private readonly date1904: boolean,
    private readonly texts: CellTexts,
  ) {}

  open(name: string, attributes: string): void {
    if (!this.inSheetData) {
      if (name === 'sheetData') this.inSheetData = true;
      else if (name === 'mergeCell') this.addMerge(attributeOf(attributes, 'ref'));
      return;
    }
    switch (name) {
      case 'row': {
        // r is optional: a row without it follows the one before (§18.3.1.73).
        const r = Number(attributeOf(attributes, 'r'));
        this.row = Number.isInteger(r) && r >= 1 ? r : this.row + 1;
        this.column = 0;
        break;
      }
      case 'c': {
        this.cellAttributes(attributes);
        this.buffer = '';
        this.hasValue = false;
        this.hasFormula = false;
        break;
      }
      case 'v':
        this.hasValue = true;
        this.capture = true;
        break;
      case 'f':
        this.hasFormula = true;
        break;
      case 't':
        this.capture = this.phonetic === 0;
        break;
      case 'rPh':
        this.phonetic++;
        break;
      default:
        break;
    }
  }

  close(name: string): void {
    switch (name) {
      case 'v':
      case 't':
        this.capture = false;
        break;
      case 'rPh':
        this.phonetic--;
        break;
      case 'c':
        this.endCell();
        break;
      case 'sheetData':
        this.inSheetData = false;
        break;
      default:
        break;
    }
  }

  text(text: string): void {
    if (this.capture) this.buffer += text;
  }

  /**
   * r, s and t of a `<c>` (§18.3.1.4) in one pass: this tag comes once a cell, so it is read here
   * without building a name for each attribute. A cell without r follows the one before.
   */
  private cellAttributes(attributes: string): void {
    let at = -1;
    this.type = 'n';
    this.style = 0;
    for (let i = 0; ;) {
      const eq = attributes.indexOf('=', i);
      if (eq < 0) break;
      let q = eq + 1;
      while (attributes.charCodeAt(q) === 32) q++;
      const quote = attributes[q];
      if (quote !== '"' && quote !== "'") break;
      const end = attributes.indexOf(quote, q + 1);
      if (end < 0) break;
      let nameEnd = eq;
      while (attributes.charCodeAt(nameEnd - 1) === 32) nameEnd--;
      const before = attributes.charCodeAt(nameEnd - 2);
      // A one-letter name: preceded by white space (or a prefix's colon).
      if (before === 32 || before === 9 || before === 10 || before === 13 || before === 58) {
        const name = attributes.charCodeAt(nameEnd - 1);
        if (name === 114 /* r */) at = cellRefIn(attributes, q + 1, end);
        else if (name === 116 /* t */) this.type = cellType(attributes, q + 1, end);
        else if (name === 115 /* s */) this.style = cellStyle(attributes, q + 1, end);
      }
      i = end + 1;
    }
    if (at >= 0) {
      this.row = Math.floor(at / COLUMNS);
      this.column = at % COLUMNS;
    } else this.column++;
  }

  private endCell(): void {
    if (this.row < 1 || this.row > MAX_ROW || this.column < 1 || this.column > MAX_COLUMN) return;
    if (this.hasFormula && !this.hasValue) {
      this.formulasWithoutValue.push({ row: this.row - 1, column: this.column - 1 });
      return;
    }
    const value = this.value();
    if (value === null) return;
    const r = this.row - 1;
    let cells = this.rows[r];
    if (!cells) {
      for (let i = this.rows.length; i < r; i++) this.rows[i] ??= EMPTY_ROW as Cell[];
      cells = [];
      this.rows[r] = cells;
    } else if (cells === EMPTY_ROW) {
      cells = [];
      this.rows[r] = cells;
    }
    const c = this.column - 1;
    for (let i = cells.length; i < c; i++) cells.push(null);
    cells[c] = value;
  }

  /** The cell's value by its type (§18.18.11 ST_CellType); a formula's is its cached `<v>`. */
  private value(): Cell {
    const text = this.buffer;
    switch (this.type) {
      case 's': {
        const s = this.strings[parseInt(text, 10)];
        return s === undefined ? null : s;
      }
      case 'str':
      case 'inlineStr':
        return text === '' ? null : this.texts.of(unescapeXstring(text));
      case 'b':
        return text === '' ? null : parseInt(text, 10) !== 0;
      case 'e':
        return text === '' ? null : ownString(text);
      case 'd': {
        // An ISO 8601 date (§18.17.4.3); without a zone it is the wall-clock day, read as UTC.
        if (text === '') return null;
        const ms = Date.parse(/[zZ]|[+-]\d\d:?\d\d$/u.test(text) || !text.includes('T') ? text : `${text}Z`);
        return Number.isNaN(ms) ? ownString(text) : new Date(ms);
      }
      default: {
        if (text === '') return null;
        const n = parseFloat(text);
        if (Number.isNaN(n)) return null;
        return this.dateStyles[this.style] === true ? serialToDate(n, this.date1904) : n;
      }
    }
  }

  private addMerge(ref: string | undefined): void {
    const [from, to] = (ref ?? '').split(':');
    const a = from ? cellRef(from) : null;
    const b = to ? cellRef(to) : a;
    if (!a || !b) return;
    this.merges.push({
      top: Math.min(a.row, b.row) - 1, left: Math.min(a.column, b.column) - 1,
      bottom: Math.max(a.row, b.row) - 1, right: Math.max(a.column, b.column) - 1,
    });
  }

  /** The grid and, clipped to it (clipMerges), the merged ranges. */
  result(): Pick<SheetData, 'grid' | 'merges' | 'formulasWithoutValue'> {
    const grid = this.rows;
    const merges = clipMerges(this.merges, grid);
    return { grid, merges, formulasWithoutValue: this.formulasWithoutValue };
  }
}
