import { Memo } from './memo';

/**
 * Characters that show nothing but make two ids differ (§11a): zero-width space, non-joiner and
 * joiner, word joiner, soft hyphen, BOM. Pasted from web pages and chat, they are never meant.
 */
const INVISIBLE = /[\u200B-\u200D\u2060\u00AD\uFEFF]/gu;

/**
 * Text comparison key: NFKC (full-width → half-width), invisible characters and all white space
 * removed, case-folded. Used for headers, names, ids and words, so `姓 名` = `姓名` and `ＩＤ` = `id`.
 *
 * @example normalizeKey(' Ｈ0101\u3000') // => 'h0101'
 * @example normalizeKey('H0004\u200B') // => 'h0004'
 */
export function normalizeKey(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return String(value);
  if (typeof value !== 'string') return comparisonKey(String(value));
  return keys.get(value);
}

// The computations are module functions, not closures made per call: the key and the text of
// every cell of every row are asked (a closure a call was about 20 MB a run on 200,000 inspections).
function comparisonKey(v: string): string {
  return v.normalize('NFKC').replace(INVISIBLE, '').replace(/\s+/gu, '').toLowerCase();
}

function shownText(v: string): string {
  return v.normalize('NFKC').replace(INVISIBLE, '').trim();
}

/**
 * Names, ids, departments and words repeat on every row of a large table: normalising each
 * distinct string once keeps reading linear in cheap work. The caches are bounded.
 */
const keys = new Memo(100_000, comparisonKey);
const texts = new Memo(100_000, shownText);

/** Text as shown to people: NFKC, invisible characters removed, trimmed, inner spaces kept. */
export function cleanText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? '' : value.toISOString().slice(0, 10);
  if (typeof value === 'string') return texts.get(value);
  return String(value).normalize('NFKC').trim();
}

/** A cell is blank when it is empty or holds only white space. */
export function isBlank(value: unknown): boolean {
  if (value === null || value === undefined) return true;
  if (typeof value !== 'string') return false;
  // A first character that is not white space settles it without trimming (every text cell of every row is asked).
  if (value.length > 0 && !mayBeSpace(value.charCodeAt(0))) return false;
  // trim() already removes every Unicode space, the ideographic space (U+3000) included.
  return value.trim() === '';
}

/** Whether a UTF-16 unit can be white space as trim() and \s see it (control characters included: checked further). */
export function mayBeSpace(c: number): boolean {
  return c <= 0x20 || c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029
    || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
}

/**
 * An id as written in the output: numbers without a trailing `.0`, text trimmed.
 *
 * @example idText(8003) // => '8003'
 */
export function idText(value: unknown): string {
  if (typeof value === 'number' && Number.isInteger(value)) return String(value);
  return cleanText(value);
}

/**
 * A row's cells as one text, to recognise the same record later (dates as days, text normalised).
 *
 * @example recordText(['2026-07-03', null, ' 张伟 ', 2]) // => '2026-07-03||张伟|2'
 */
export function recordText(cells: readonly unknown[]): string {
  let end = cells.length;
  while (end > 0 && isBlank(cells[end - 1])) end--;
  return cells.slice(0, end).map(cleanText).join('|');
}
