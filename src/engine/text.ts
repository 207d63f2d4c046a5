/**
 * Text comparison key: NFKC (full-width → half-width), all white space removed, case-folded.
 * Used for headers, names, ids and words, so `姓 名` = `姓名` and `ＩＤ` = `id`.
 *
 * @example normalizeKey(' Ｈ0101\u3000') // => 'h0101'
 */
export function normalizeKey(value: unknown): string {
  if (value === null || value === undefined) return '';
  return String(value).normalize('NFKC').replace(/\s+/gu, '').toLowerCase();
}

/** Text as shown to people: NFKC and trimmed, inner spaces kept. */
export function cleanText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? '' : value.toISOString().slice(0, 10);
  return String(value).normalize('NFKC').trim();
}

/** A cell is blank when it is empty or holds only white space. */
export function isBlank(value: unknown): boolean {
  if (value === null || value === undefined) return true;
  if (typeof value === 'string') return value.trim() === '' || value.normalize('NFKC').trim() === '';
  return false;
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
