/**
 * A small streaming XML scanner for the parts of an Office Open XML package (ECMA-376 Part 1):
 * text arrives in chunks and is scanned once, so a sheet larger than one string still reads, and
 * nothing is kept but what the handler keeps. It knows elements, attributes, text, CDATA, comments
 * and processing instructions; a DOCTYPE is refused, since its entity declarations are how a
 * small file expands into gigabytes ("billion laughs") and no Office part has one.
 */

/** What a part's reader does with what the scanner finds. Names are local (any `x:` prefix dropped). */
export interface XmlHandler {
  open(name: string, attributes: string, selfClosing: boolean): void;
  close(name: string): void;
  /** Text content, entities decoded; may come in several pieces. */
  text(text: string): void;
}

/** The part is not XML we can read; the message is for the "cannot be read" line. */
export class XmlError extends Error {
  constructor(message: string, readonly doctype = false) {
    super(message);
  }
}

const NAMED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

/** Replaces XML's five named entities and character references (`&#x4E00;`, `&#20013;`). */
export function decodeEntities(text: string): string {
  if (!text.includes('&')) return text;
  return text.replace(/&(#x[0-9a-fA-F]+|#[0-9]+|[a-zA-Z]+);/gu, (whole, ref: string) => {
    if (ref[0] === '#') {
      const code = ref[1] === 'x' ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10);
      return code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    return NAMED[ref] ?? whole;
  });
}

/**
 * `text` as a string of its own, for values that are kept. V8 makes a slice of 13 or more
 * characters (and a string joined from such pieces) point into the text it came from, so a value
 * kept as sliced would keep its whole chunk of the part (128 KB) alive, and a sheet's values
 * all of its chunks. Slicing a joined string first copies the join into one flat string, so
 * the result points into a copy of the value alone (a quarter of the time of [...text].join('')).
 */
export function ownString(text: string): string {
  return text.length < 13 ? text : ` ${text}`.slice(1);
}

const ATTRIBUTE = /([^\s=/]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/gu;

/** The attributes of a start tag, values decoded, names local. */
export function attributesOf(attributes: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const m of attributes.matchAll(ATTRIBUTE)) {
    const name = m[1] as string;
    out[name.slice(name.indexOf(':') + 1)] = decodeEntities(m[2] ?? m[3] ?? '');
  }
  return out;
}

/** One attribute of a start tag (faster than attributesOf for the hot `<c>` and `<row>` tags). */
export function attributeOf(attributes: string, name: string): string | undefined {
  let at = 0;
  for (;;) {
    at = attributes.indexOf(name, at);
    if (at < 0) return undefined;
    const before = attributes.charCodeAt(at - 1);
    let i = at + name.length;
    at = i;
    // Preceded by white space (or a prefix's colon), followed by `=`.
    if (!(before === 32 || before === 9 || before === 10 || before === 13 || before === 58)) continue;
    while (attributes.charCodeAt(i) === 32) i++;
    if (attributes[i] !== '=') continue;
    i++;
    while (attributes.charCodeAt(i) === 32) i++;
    const quote = attributes[i];
    if (quote !== '"' && quote !== "'") continue;
    const end = attributes.indexOf(quote, i + 1);
    if (end < 0) return undefined;
    return decodeEntities(attributes.slice(i + 1, end));
  }
}

/**
 * Copies of the strings seen lately, one a slot of a table indexed by a cheap hash of the
 * characters: a text that repeats — an element name, a cell's text — is then one string, not a new
 * one each time it occurs. A text that misses its slot takes it, so unique texts cost one
 * comparison each and the table never grows.
 */
export class StringTable {
  private readonly table: (string | undefined)[];
  private readonly mask: number;

  /** `slots`: a power of two. */
  constructor(slots: number) {
    this.table = new Array<string | undefined>(slots);
    this.mask = slots - 1;
  }

  /** `text[from, to)` as the table's own copy (ownString). */
  of(text: string, from: number, to: number): string {
    const length = to - from;
    if (length <= 0) return '';
    const slot = (length * 31 + text.charCodeAt(from) * 7 + text.charCodeAt(to - 1) * 13) & this.mask;
    const known = this.table[slot];
    if (known !== undefined && known.length === length && text.startsWith(known, from)) return known;
    const copy = ownString(text.slice(from, to));
    this.table[slot] = copy;
    return copy;
  }
}

/**
 * Element names, one string each: a sheet repeats a handful of names millions of times, and a
 * new string sliced for every tag and close tag is time and garbage for nothing.
 */
class Names {
  private readonly strings = new StringTable(256);

  /** The local name of the qualified name `text[from, to)`. */
  local(text: string, from: number, to: number): string {
    let start = from;
    for (let i = from; i < to; i++) {
      if (text.charCodeAt(i) === 58 /* : */) {
        start = i + 1;
        break;
      }
    }
    return this.strings.of(text, start, to);
  }
}

/** Whether String.prototype.trim could remove this character (it removes no printable ASCII). */
const mayTrim = (code: number) => code <= 32 || code >= 127;

/**
 * Scans XML text given in chunks. A token cut by a chunk's end waits for the next chunk; what
 * waits is at most one tag or one run of text, so memory follows the largest token, not the part.
 */
export async function scanXml(chunks: AsyncIterable<string>, handler: XmlHandler): Promise<void> {
  const names = new Names();
  let rest = '';
  for await (const chunk of chunks) {
    rest = scanText(rest + chunk, handler, false, names);
  }
  if (scanText(rest, handler, true, names).trim() !== '') throw new XmlError('unexpected end of XML');
}

/** Scans what it can of `text`; returns the unfinished tail. */
function scanText(text: string, handler: XmlHandler, last: boolean, names: Names): string {
  let i = 0;
  const n = text.length;
  while (i < n) {
    // Tags mostly follow one another: look at the next character before searching.
    const lt = text.charCodeAt(i) === 60 /* < */ ? i : text.indexOf('<', i);
    if (lt < 0) {
      // Text up to the end: hand it over only at the end, or when it cannot hold a cut entity.
      const amp = text.lastIndexOf('&');
      const cut = !last && amp >= i && text.indexOf(';', amp) < 0 ? amp : n;
      if (cut > i) handler.text(decodeEntities(text.slice(i, cut)));
      return text.slice(cut);
    }
    if (lt > i) handler.text(decodeEntities(text.slice(i, lt)));
    i = lt;
    const next = text.charCodeAt(i + 1);
    if (next === 33 /* ! */) {
      if (text.startsWith('<!--', i)) {
        const end = text.indexOf('-->', i + 4);
        if (end < 0) return text.slice(i);
        i = end + 3;
      } else if (text.startsWith('<![CDATA[', i)) {
        const end = text.indexOf(']]>', i + 9);
        if (end < 0) return text.slice(i);
        handler.text(text.slice(i + 9, end));
        i = end + 3;
      } else if (n - i < 9 && !last) {
        return text.slice(i);
      } else {
        throw new XmlError('a DOCTYPE or entity declaration (refused: it can expand a small file without bound)', true);
      }
    } else if (next === 63 /* ? */) {
      const end = text.indexOf('?>', i + 2);
      if (end < 0) return text.slice(i);
      i = end + 2;
    } else if (next === 47 /* / */) {
      const end = text.indexOf('>', i + 2);
      if (end < 0) return text.slice(i);
      const plain = end > i + 2 && !mayTrim(text.charCodeAt(i + 2)) && !mayTrim(text.charCodeAt(end - 1));
      // `</row >`: white space String.prototype.trim removes may end a close tag's name (XML's S).
      const trimmed = plain ? '' : text.slice(i + 2, end).trim();
      handler.close(plain ? names.local(text, i + 2, end) : names.local(trimmed, 0, trimmed.length));
      i = end + 1;
    } else {
      const end = tagEnd(text, i + 1);
      if (end < 0) return text.slice(i);
      const selfClosing = text.charCodeAt(end - 1) === 47;
      const stop = selfClosing ? end - 1 : end;
      let space = i + 1;
      while (space < stop && text.charCodeAt(space) > 32) space++;
      const name = names.local(text, i + 1, space);
      handler.open(name, text.slice(space, stop), selfClosing);
      if (selfClosing) handler.close(name);
      i = end + 1;
    }
  }
  return '';
}

/**
 * The `>` closing a start tag whose name starts at `from`, quoted attribute values skipped; -1 when
 * the tag is cut by the chunk's end. Each character is looked at once, so a chunk scans in linear time.
 */
function tagEnd(text: string, from: number): number {
  const n = text.length;
  for (let i = from; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c === 62 /* > */) return i;
    if (c === 34 /* " */ || c === 39 /* ' */) {
      i = text.indexOf(c === 34 ? '"' : "'", i + 1);
      if (i < 0) return -1;
    }
  }
  return -1;
}
