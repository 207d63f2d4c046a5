import type { Cell } from '../engine/types';

/** A CSV file's text; `invalid` when it was read as UTF-8 although some bytes are not (§11a BAD_ENCODING). */
export interface DecodedText {
  text: string;
  invalid: { line: number; count: number } | null;
}

const REPLACEMENT = '\uFFFD';

/**
 * Decodes a CSV file's bytes: UTF-8 with or without BOM, UTF-16 with BOM, else GB18030 (what
 * Excel and WPS in Chinese save as "CSV"). A file that is UTF-8 but for a few bytes stays UTF-8
 * (§11a): it is GB18030 only when its bad sequences outnumber its good UTF-8 characters, as they
 * do in real GB18030 text, where almost no byte pair is valid UTF-8.
 */
export function decodeText(bytes: Uint8Array): DecodedText {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return utf8(bytes.subarray(3));
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { text: new TextDecoder('utf-16le').decode(bytes.subarray(2)), invalid: null };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { text: new TextDecoder('utf-16be').decode(bytes.subarray(2)), invalid: null };
  const decoded = utf8(bytes);
  if (decoded.invalid === null) return decoded;
  let good = 0;
  for (const ch of decoded.text) if (ch > '\x7f' && ch !== REPLACEMENT) good++;
  return good > decoded.invalid.count ? decoded : { text: new TextDecoder('gb18030').decode(bytes), invalid: null };
}

function utf8(bytes: Uint8Array): DecodedText {
  const text = new TextDecoder('utf-8').decode(bytes);
  const first = text.indexOf(REPLACEMENT);
  if (first < 0) return { text, invalid: null };
  let count = 0;
  for (let i = first; i >= 0; i = text.indexOf(REPLACEMENT, i + 1)) count++;
  return { text, invalid: { line: lineAt(text, first), count } };
}

/** The 1-based line of a text position; CRLF, LF and a lone CR each end a line. */
function lineAt(text: string, at: number): number {
  let line = 1;
  for (let i = 0; i < at; i++) {
    const ch = text.charCodeAt(i);
    if (ch === 10 || (ch === 13 && text.charCodeAt(i + 1) !== 10)) line++;
  }
  return line;
}

/** A quote opened on `line` is never closed (§11a BAD_CSV): the file is not read. */
export class OpenQuoteError extends Error {
  constructor(readonly line: number) {
    super(`a quote opened on line ${line} is never closed`);
  }
}

function delimiterOf(text: string): string {
  const firstLine = text.slice(0, text.search(/\r?\n|$/u));
  const counts = [',', '\t', ';'].map((d) => [d, firstLine.split(d).length] as const);
  return counts.reduce((best, c) => (c[1] > best[1] ? c : best))[0];
}

/**
 * Parses CSV text (RFC 4180: quoted fields, doubled quotes, line breaks inside quotes). The
 * delimiter is a comma unless the first line says tab or semicolon. Empty fields are null. A
 * quote still open at the end would have swallowed every line after it: OpenQuoteError.
 *
 * @example parseCsv('工号,姓名\nH1,"张三"') // => [['工号', '姓名'], ['H1', '张三']]
 */
export function parseCsv(text: string): Cell[][] {
  const delimiter = delimiterOf(text);
  const rows: Cell[][] = [];
  let row: Cell[] = [];
  let field = '';
  let quoted = false;
  let wasQuoted = false;
  let line = 1;
  let quoteLine = 0;
  const endField = () => {
    row.push(field === '' && !wasQuoted ? null : field);
    field = '';
    wasQuoted = false;
  };
  for (let i = 0; i < text.length; i++) {
    const ch = text[i] as string;
    if (quoted) {
      if (ch === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i++;
        } else quoted = false;
      } else {
        if (ch === '\n' || (ch === '\r' && text[i + 1] !== '\n')) line++;
        field += ch;
      }
    } else if (ch === '"' && field === '') {
      quoted = true;
      wasQuoted = true;
      quoteLine = line;
    } else if (ch === delimiter) endField();
    else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      line++;
      endField();
      rows.push(row);
      row = [];
    } else field += ch;
  }
  if (quoted) throw new OpenQuoteError(quoteLine);
  if (field !== '' || wasQuoted || row.length > 0) {
    endField();
    rows.push(row);
  }
  return rows;
}
