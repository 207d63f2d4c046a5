/**
 * The entries of a zip file (the package of .xlsx, .xlsm and .ods), read from its central
 * directory (APPNOTE 6.3 §4.3.12–4.3.16, with the Zip64 records of §4.3.14–4.3.15 and the extra
 * field of §4.5.3). Inflating is left to the caller's `Inflate`, so the same code runs on Node
 * (zlib) and in the task pane (DecompressionStream).
 */

/** Inflates raw deflate data (method 8) into chunks, failing once more than `limit` bytes come out. */
export type Inflate = (compressed: Uint8Array, limit: number) => AsyncIterable<Uint8Array>;

export interface ZipEntry {
  name: string;
  method: number;
  encrypted: boolean;
  compressedSize: number;
  size: number;
  /** Where the entry's local header starts. */
  offset: number;
}

/** Why a zip cannot be read: the kind is for the user's message. */
export class ZipError extends Error {
  constructor(readonly kind: 'damaged' | 'encrypted' | 'too-large' | 'not-workbook', message: string, readonly detail = '') {
    super(message);
  }
}

/** Whether the bytes start like a zip file (a local file header). */
export const isZip = (data: Uint8Array): boolean => data[0] === 0x50 && data[1] === 0x4b && data[2] === 0x03 && data[3] === 0x04;

const u16 = (d: DataView, at: number) => d.getUint16(at, true);
const u32 = (d: DataView, at: number) => d.getUint32(at, true);
const u64 = (d: DataView, at: number) => Number(d.getBigUint64(at, true));

function fail(message: string): never {
  throw new ZipError('damaged', message);
}

/** Part names compare case-insensitively (ECMA-376 Part 2 §6.2.2.3), without a leading slash. */
export const partKey = (name: string): string => name.replace(/^\/+/u, '').toLowerCase();

/** The entries of a zip, by part key. */
export function zipEntries(data: Uint8Array): Map<string, ZipEntry> {
  const view = new DataView(data.buffer, data.byteOffset, data.byteLength);
  let eocd = -1;
  for (let at = data.length - 22; at >= Math.max(0, data.length - 22 - 0xffff); at--) {
    if (u32(view, at) === 0x06054b50) {
      eocd = at;
      break;
    }
  }
  if (eocd < 0) fail('no central directory');
  let count = u16(view, eocd + 10);
  let start = u32(view, eocd + 16);
  if ((count === 0xffff || start === 0xffffffff) && eocd >= 20 && u32(view, eocd - 20) === 0x07064b50) {
    const record = u64(view, eocd - 12);
    if (record + 56 > data.length || u32(view, record) !== 0x06064b50) fail('bad Zip64 directory');
    count = u64(view, record + 32);
    start = u64(view, record + 48);
  }
  const entries = new Map<string, ZipEntry>();
  const names = new TextDecoder('utf-8');
  let at = start;
  for (let i = 0; i < count; i++) {
    if (at + 46 > data.length || u32(view, at) !== 0x02014b50) fail('bad central directory');
    const nameLength = u16(view, at + 28);
    const extraLength = u16(view, at + 30);
    const entry: ZipEntry = {
      name: names.decode(data.subarray(at + 46, at + 46 + nameLength)),
      method: u16(view, at + 10),
      encrypted: (u16(view, at + 8) & 1) === 1,
      compressedSize: u32(view, at + 20),
      size: u32(view, at + 24),
      offset: u32(view, at + 42),
    };
    readZip64Extra(view, at + 46 + nameLength, extraLength, entry);
    entries.set(partKey(entry.name), entry);
    at += 46 + nameLength + extraLength + u16(view, at + 32);
  }
  return entries;
}

/** Sizes and offset written as 0xFFFFFFFF live in the Zip64 extra field, in this order. */
function readZip64Extra(view: DataView, from: number, length: number, entry: ZipEntry): void {
  for (let at = from; at + 4 <= from + length && at + 4 <= view.byteLength;) {
    const id = u16(view, at);
    const size = u16(view, at + 2);
    if (id === 0x0001) {
      let field = at + 4;
      for (const key of ['size', 'compressedSize', 'offset'] as const) {
        if (entry[key] !== 0xffffffff) continue;
        if (field + 8 > at + 4 + size) fail('bad Zip64 field');
        entry[key] = u64(view, field);
        field += 8;
      }
      return;
    }
    at += 4 + size;
  }
}

/**
 * An entry's content in chunks. Stored (0) and deflated (8) entries are read; at most `limit`
 * bytes come out, so a zip bomb stops early with a clear error whatever sizes it declares.
 */
export async function* entryChunks(data: Uint8Array, entry: ZipEntry, inflate: Inflate, limit: number): AsyncIterable<Uint8Array> {
  if (entry.encrypted) throw new ZipError('encrypted', `${entry.name} is encrypted`);
  const view = new DataView(data.buffer, data.byteOffset, data.byteLength);
  if (entry.offset + 30 > data.length || u32(view, entry.offset) !== 0x04034b50) fail(`bad local header of ${entry.name}`);
  const begin = entry.offset + 30 + u16(view, entry.offset + 26) + u16(view, entry.offset + 28);
  if (begin + entry.compressedSize > data.length) fail(`${entry.name} is cut short`);
  const compressed = data.subarray(begin, begin + entry.compressedSize);
  if (entry.method === 0) {
    if (compressed.length > limit) throw tooLarge(limit);
    yield compressed;
  } else if (entry.method === 8) {
    yield* inflate(compressed, limit);
  } else {
    fail(`${entry.name} uses compression method ${entry.method}`);
  }
}

/** What an `Inflate` throws past its limit. */
export function tooLarge(limit: number): ZipError {
  const size = `${Math.round(limit / 1048576)} MB`;
  return new ZipError('too-large', `expands beyond ${size}`, size);
}
