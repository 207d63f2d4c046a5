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
 * Words clerks write before a figure (§11): `扣2分`, `罚款50元`, `加1分`. They say what the
 * figure is, never its sign.
 */
const LEADING_WORDS = /^(?:扣款|扣除|扣|罚款|罚|加分|加|奖励)\s*/u;

/**
 * A figure with its sign, leading words dropped: what parseDeduction and parseCount start from.
 *
 * @example parseFigure('扣 -2分') // => -2
 */
export function parseFigure(value: unknown): number | null {
  return parseNumber(typeof value === 'string' ? value.normalize('NFKC').trim().replace(LEADING_WORDS, '') : value);
}

/**
 * A deduction (inspections' points, fines' amount): a sign is never a credit, so `-2` deducts 2
 * points and `-50` is 50 yuan (§11); `扣2分` reads as 2.
 *
 * @example parseDeduction('-2') // => 2
 * @example parseDeduction('罚款50元') // => 50
 */
export function parseDeduction(value: unknown): number | null {
  const n = parseFigure(value);
  return n === null ? null : Math.abs(n);
}

/**
 * A figure that cannot be negative (a count, a praise point, evaluations, served): a negative one
 * is NaN, so the row is rejected with BAD_NUMBER (§11a). Leading words are read as for deductions.
 *
 * @example parseCount('加1分') // => 1
 * @example parseCount(-3) // => NaN
 */
export function parseCount(value: unknown): number | null {
  const n = parseFigure(value);
  return n !== null && n < 0 ? NaN : n;
}

/**
 * Reads a rate: `0.97`, `97%`, `"97%"`, and 97 (a number of 2 or more is a percentage). A rate
 * above 100 % (`1.2`, `120%`, `101`) or below 0 cannot be right and is NaN (§11a): a number
 * between 1 and 2 is a fraction over 1, not a percentage of 1.x (no office is 1.2 % satisfied).
 *
 * @example parseRate('97%') // => 0.97
 * @example parseRate(1.2) // => NaN
 */
export function parseRate(value: unknown): number | null {
  let rate: number | null;
  const text = typeof value === 'string' ? value.normalize('NFKC').replace(/\s+/gu, '') : null;
  if (text?.endsWith('%')) {
    const n = parseNumber(text.slice(0, -1));
    rate = n === null ? NaN : n / 100;
  } else {
    const n = parseNumber(value);
    rate = n === null || Number.isNaN(n) ? n : n >= 2 ? n / 100 : n;
  }
  return rate !== null && (rate < 0 || rate > 1) ? NaN : rate;
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
