/** No count, point or amount in an office's records comes near this; beyond it a cell is a typo. */
const MAX_MAGNITUDE = 1e9;

/**
 * Reads a numeric cell: `3`, `3.5`, `３`, `"3分"`, `"50元"`, `"¥50"`, `"1,200"`.
 * Returns null for a blank cell and NaN for anything unreadable (the caller warns BAD_NUMBER).
 *
 * @example parseNumber('¥1,200元') // => 1200
 * @example parseNumber('三分') // => NaN
 */
export function parseNumber(value: unknown): number | null {
  if (value === null || value === undefined) return null;
  if (typeof value === 'number') return Number.isFinite(value) && Math.abs(value) <= MAX_MAGNITUDE ? value : NaN;
  if (typeof value === 'boolean' || value instanceof Date) return NaN;
  const text = String(value).normalize('NFKC').trim();
  if (text === '') return null;
  const m = /^[¥￥]?\s*([+-]?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?|[+-]?\.\d+)\s*(?:分|元|人次|人|次|个|件)?$/u.exec(text);
  if (!m?.[1]) return NaN;
  const n = Number(m[1].replace(/,/gu, ''));
  return Math.abs(n) <= MAX_MAGNITUDE ? n : NaN;
}

/**
 * Reads a rate: `0.97`, `97%`, `"97%"`, and 97 (a number above 1 is read as a percentage).
 *
 * @example parseRate('97%') // => 0.97
 */
export function parseRate(value: unknown): number | null {
  if (typeof value === 'string') {
    const text = value.normalize('NFKC').replace(/\s+/gu, '');
    if (text.endsWith('%')) {
      const n = parseNumber(text.slice(0, -1));
      return n === null ? NaN : n / 100;
    }
  }
  const n = parseNumber(value);
  if (n === null || Number.isNaN(n)) return n;
  return n > 1 ? n / 100 : n;
}

/**
 * Rounds half away from zero to a number of decimals (§3), immune to binary fractions like 1.005.
 *
 * @example roundHalfAway(98.125, 2) // => 98.13
 */
export function roundHalfAway(value: number, decimals = 2): number {
  if (Number.isInteger(value)) return value;
  const factor = 10 ** decimals;
  const scaled = Math.abs(value) * factor;
  const rounded = Math.round(Number(scaled.toPrecision(15))) / factor;
  return value < 0 ? -rounded : rounded;
}

/**
 * Drops the last bits of binary rounding error from a sum, so that sums of the same rows in any
 * order compare equal (ties and limits must not depend on row order).
 *
 * @example stableSum(0.1 + 0.2) // => 0.3
 */
export function stableSum(value: number): number {
  return roundHalfAway(value, 9);
}
