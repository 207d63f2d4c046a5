import { Memo } from './memo';

/** A calendar day as a whole number of days since 1970-01-01; no time of day, no time zone. */
export type Day = number;

const MS_PER_DAY = 86_400_000;
/** Days from 1970-01-01 back to Excel's day 0 (1899-12-30, which absorbs the 1900 leap-year bug). */
const EXCEL_1900_OFFSET = 25_569;
/** The 1904 system counts from 1904-01-01: 1,462 days after the 1900 system's day 0. */
const EXCEL_1904_OFFSET = EXCEL_1900_OFFSET - 1_462;
/** Serials Excel can display: up to 9999-12-31. */
const EXCEL_MAX_SERIAL = 2_958_465;

export function dayFromParts(year: number, month: number, day: number): Day | null {
  if (!Number.isInteger(year) || !Number.isInteger(month) || !Number.isInteger(day)) return null;
  if (year < 1900 || year > 9999 || month < 1 || month > 12 || day < 1) return null;
  const ms = Date.UTC(year, month - 1, day);
  const check = new Date(ms);
  if (check.getUTCDate() !== day) return null;
  return Math.round(ms / MS_PER_DAY);
}

/** 1900-01-01 and 9999-12-31, the first and last days dayFromParts gives. */
const FIRST_DAY = Date.UTC(1900, 0, 1) / MS_PER_DAY;
const LAST_DAY = Date.UTC(9999, 11, 31) / MS_PER_DAY;

export interface DateParts {
  year: number;
  month: number;
  day: number;
}

export function partsOf(day: Day): DateParts {
  const d = new Date(day * MS_PER_DAY);
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
}

/**
 * An Excel serial as a calendar day; the fraction (time of day) is dropped.
 *
 * @example fromExcelSerial(46208) // => the day 2026-07-05
 */
export function fromExcelSerial(serial: number, date1904 = false): Day | null {
  if (!Number.isFinite(serial) || serial < 0 || serial > EXCEL_MAX_SERIAL) return null;
  const whole = Math.floor(serial);
  if (date1904) return whole - EXCEL_1904_OFFSET;
  if (whole === 0 || whole === 60) return null; // 1900-01-00 and Excel's phantom 1900-02-29
  return whole < 60 ? whole - EXCEL_1900_OFFSET + 1 : whole - EXCEL_1900_OFFSET;
}

/** A day as an Excel serial of the 1900 system (what a result sheet stores). */
export function toExcelSerial(day: Day): number {
  return day + EXCEL_1900_OFFSET;
}

/**
 * A time part after a date, ignored (§1, §11): `14:30`, `14:30:00.5`, `下午3点`, `上午 9:30`,
 * or only the word (`7月5日下午`).
 */
const TIME = String.raw`(?:(?:[ T]+|\s*(?:上午|下午|中午|晚上|早上|凌晨)\s*)(?:\d{1,2}(?:(?::\d{1,2}){1,2}(?:\.\d+)?|[点时](?:\d{1,2}分?)?))?)?`;
const YEAR_FIRST = new RegExp(String.raw`^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})${TIME}$`, 'u');
const CHINESE = new RegExp(String.raw`^(\d{4})年(\d{1,2})月(\d{1,2})[日号]?${TIME}$`, 'u');
const COMPACT = new RegExp(String.raw`^(\d{4})(\d{2})(\d{2})${TIME}$`, 'u');
/** Month first without a year (§11): `7月5日`, `7-5`, `07-05`, `7/5`. */
const YEARLESS = [
  new RegExp(String.raw`^(\d{1,2})月(\d{1,2})[日号]?${TIME}$`, 'u'),
  new RegExp(String.raw`^(\d{1,2})[-/](\d{1,2})${TIME}$`, 'u'),
];

function dateText(value: string): string {
  // Spaces around 年 and 月 and before 日/号 go; no lookbehind, which WebKit before Safari 16.4 cannot parse.
  return value.normalize('NFKC').trim().replace(/\s+/gu, ' ').replace(/ ?([年月]) ?| ([日号])/gu, '$1$2');
}

/**
 * Reads a date cell: a date value, an Excel serial number, or year-first text.
 * Day-first or month-first text is ambiguous and gives null (the caller warns BAD_DATE).
 *
 * @example parseDay('2026年7月5日') // => dayFromParts(2026, 7, 5)
 * @example parseDay('05/07/2026') // => null
 */
export function parseDay(value: unknown, date1904 = false): Day | null {
  if (value instanceof Date) {
    // Its UTC day straight from the time value (a file's every date cell comes here), in the years dayFromParts takes.
    const day = Math.floor(value.getTime() / MS_PER_DAY);
    return day >= FIRST_DAY && day <= LAST_DAY ? day : null;
  }
  if (typeof value === 'number') return fromExcelSerial(value, date1904);
  if (typeof value !== 'string') return null;
  const text = dateText(value);
  const m = YEAR_FIRST.exec(text) ?? CHINESE.exec(text) ?? COMPACT.exec(text);
  if (!m) return null;
  return dayFromParts(Number(m[1]), Number(m[2]), Number(m[3]));
}

/**
 * Month-first text without a year (`7月5日`, `7-5`, `07-05`, `7/5`), in the given year (§11: the
 * selection period's); null for anything else. Only text: a number in a date column is a serial.
 *
 * @example yearlessDay('7月5日 下午', 2026) // => dayFromParts(2026, 7, 5)
 */
export function yearlessDay(value: unknown, year: number): Day | null {
  if (typeof value !== 'string') return null;
  const text = dateText(value);
  for (const pattern of YEARLESS) {
    const m = pattern.exec(text);
    if (m) return dayFromParts(year, Number(m[1]), Number(m[2]));
  }
  return null;
}

/** `2026-07-05`. Reasons and evidence name the same few days again and again: each is written out once. */
export function formatDay(day: Day): string {
  return dayTexts.get(day);
}
const dayTexts = new Memo(100_000, (day: Day) => {
  const { year, month, day: d } = partsOf(day);
  return `${year}-${pad2(month)}-${pad2(d)}`;
});

/** The calendar month of a day, as `2026-07`. Records share few days, so each is worked out once. */
export function monthKey(day: Day): string {
  return monthKeys.get(day);
}
const monthKeys = new Memo(100_000, (day: Day) => {
  const { year, month } = partsOf(day);
  return `${year}-${pad2(month)}`;
});

export function pad2(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}

/** The same calendar day `years` later; 29 February becomes 28 February in a common year. */
export function addYears(day: Day, years: number): Day {
  const { year, month, day: d } = partsOf(day);
  return dayFromParts(year + years, month, d) ?? (dayFromParts(year + years, month, d - 1) as Day);
}
