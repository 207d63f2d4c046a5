import { type Day, dayFromParts, fromExcelSerial, parseDay, partsOf, pad2 } from './dates';
import { normalizeKey } from './text';
import type { Bilingual } from './types';

export type PeriodKind = 'month' | 'quarter' | 'half' | 'year';

/** A selection period (评选期间): a month, a quarter, a half year or a year. */
export interface Period {
  kind: PeriodKind;
  year: number;
  /** Month 1–12, quarter 1–4, half 1–2; 1 for a year. */
  index: number;
  /** Canonical form: `2026-07`, `2026Q3`, `2026H2`, `2026`. */
  id: string;
  first: Day;
  last: Day;
}

const MONTHS_OF: Record<PeriodKind, number> = { month: 1, quarter: 3, half: 6, year: 12 };
const CHINESE_DIGITS: Record<string, number> = { 一: 1, 二: 2, 三: 3, 四: 4, 上: 1, 下: 2 };

/**
 * The period of a kind, year and index.
 *
 * @example makePeriod('quarter', 2026, 3).id // => '2026Q3'
 */
export function makePeriod(kind: PeriodKind, year: number, index: number): Period {
  const span = MONTHS_OF[kind];
  const firstMonth = (index - 1) * span + 1;
  const lastMonth = firstMonth + span - 1;
  const first = dayFromParts(year, firstMonth, 1) as Day;
  const last = (dayFromParts(lastMonth === 12 ? year + 1 : year, lastMonth === 12 ? 1 : lastMonth + 1, 1) as Day) - 1;
  const id = kind === 'month' ? `${year}-${pad2(index)}` : kind === 'quarter' ? `${year}Q${index}`
    : kind === 'half' ? `${year}H${index}` : String(year);
  return { kind, year, index, id, first, last };
}

function checked(kind: PeriodKind, year: number, index: number): Period | null {
  const max = 12 / MONTHS_OF[kind];
  if (!Number.isInteger(year) || year < 1900 || year > 9999 || index < 1 || index > max) return null;
  return makePeriod(kind, year, index);
}

function digit(text: string | undefined): number {
  if (text === undefined) return NaN;
  return CHINESE_DIGITS[text] ?? Number(text);
}

/**
 * Reads a period in any form of §2: `2026-07`, `2026Q3`, `2026-Q3`, `2026H2`, `2026`,
 * `2026年第三季度`, `2026年3季度`, `2026年7月`, `2026年下半年`, `2026年度`.
 *
 * @example parsePeriod('2026年第三季度')?.id // => '2026Q3'
 * @example parsePeriod('2026/13') // => null
 */
export function parsePeriod(value: unknown): Period | null {
  if (typeof value === 'number' && Number.isInteger(value) && value >= 1900 && value <= 9999) {
    return makePeriod('year', value, 1);
  }
  if (typeof value !== 'string') return null;
  const t = value.normalize('NFKC').replace(/\s+/gu, '').toUpperCase();
  let m: RegExpExecArray | null;
  if ((m = /^(\d{4})-?Q([1-4])$/u.exec(t))) return checked('quarter', Number(m[1]), Number(m[2]));
  if ((m = /^(\d{4})年?第?([1-4一二三四])季度?$/u.exec(t))) return checked('quarter', Number(m[1]), digit(m[2]));
  if ((m = /^(\d{4})-?H([12])$/u.exec(t))) return checked('half', Number(m[1]), Number(m[2]));
  if ((m = /^(\d{4})年?([上下])半年$/u.exec(t))) return checked('half', Number(m[1]), digit(m[2]));
  if ((m = /^(\d{4})[-/.年](\d{1,2})月?份?$/u.exec(t))) return checked('month', Number(m[1]), Number(m[2]));
  if ((m = /^(\d{4})(?:年度?)?$/u.exec(t))) return checked('year', Number(m[1]), 1);
  return null;
}

/** Whether a day lies in the period, first and last day included. */
export function inPeriod(period: Period, day: Day): boolean {
  return day >= period.first && day <= period.last;
}

/** Whether `inner` lies wholly inside `outer`. */
export function periodWithin(inner: { first: Day; last: Day }, outer: Period): boolean {
  return inner.first >= outer.first && inner.last <= outer.last;
}

/** 1 January of the period's year through its last day: the span of annual limits (年度累计). */
export function yearToDate(period: Period): { first: Day; last: Day } {
  return { first: dayFromParts(period.year, 1, 1) as Day, last: period.last };
}

/** The period of a given kind that holds a day. */
export function periodOfDay(day: Day, kind: PeriodKind): Period {
  const { year, month } = partsOf(day);
  const index = Math.floor((month - 1) / MONTHS_OF[kind]) + 1;
  return makePeriod(kind, year, index);
}

/**
 * A month cell of a satisfaction table: `2026-07`, `2026年7月`, a date, a serial; a bare month
 * number (7, `7月`) is taken in the year of the selection period.
 */
export function parseMonth(value: unknown, defaultYear: number, date1904 = false): Period | null {
  if (typeof value === 'number' && Number.isInteger(value) && value >= 1 && value <= 12) {
    return makePeriod('month', defaultYear, value);
  }
  if (typeof value === 'number') {
    const day = fromExcelSerial(value, date1904);
    return day === null ? null : periodOfDay(day, 'month');
  }
  if (typeof value === 'string') {
    const t = value.normalize('NFKC').replace(/\s+/gu, '');
    const bare = /^(\d{1,2})月?份?$/u.exec(t);
    if (bare) return checked('month', defaultYear, Number(bare[1]));
    const compact = /^(\d{4})(\d{2})$/u.exec(t);
    if (compact) return checked('month', Number(compact[1]), Number(compact[2]));
    const p = parsePeriod(t);
    if (p?.kind === 'month') return p;
  }
  const day = parseDay(value, date1904);
  return day === null ? null : periodOfDay(day, 'month');
}

/**
 * A period cell of a recommendations or history table: any period form, or a date (that one day).
 */
export function parsePeriodCell(value: unknown, date1904 = false): { first: Day; last: Day; id: string } | null {
  if (value instanceof Date || typeof value === 'number' && !(Number.isInteger(value) && value >= 1900 && value <= 9999)) {
    const day = parseDay(value, date1904);
    return day === null ? null : { first: day, last: day, id: String(day) };
  }
  const p = parsePeriod(value);
  if (p) return p;
  const day = parseDay(value, date1904);
  return day === null ? null : { first: day, last: day, id: String(day) };
}

const ZH_QUARTERS = ['一', '二', '三', '四'];

/**
 * The period in words, as in a report title.
 *
 * @example periodLabel(parsePeriod('2026Q3')!) // => { zh: '2026年第三季度', en: '2026 Q3' }
 */
export function periodLabel(period: Period): Bilingual {
  const { year, index } = period;
  switch (period.kind) {
    case 'month':
      return { zh: `${year}年${index}月`, en: `${new Date(Date.UTC(year, index - 1, 1)).toLocaleString('en-US', { month: 'long', timeZone: 'UTC' })} ${year}` };
    case 'quarter':
      return { zh: `${year}年第${ZH_QUARTERS[index - 1]}季度`, en: `${year} Q${index}` };
    case 'half':
      return { zh: `${year}年${index === 1 ? '上' : '下'}半年`, en: `${year} H${index}` };
    case 'year':
      return { zh: `${year}年度`, en: String(year) };
  }
}

/**
 * The last quarter that has ended by a day: what a quarterly selection usually looks back on.
 *
 * @example lastFinishedQuarter(dayFromParts(2026, 11, 24)!).id // => '2026Q3'
 */
export function lastFinishedQuarter(today: Day): Period {
  const current = periodOfDay(today, 'quarter');
  return current.index === 1 ? makePeriod('quarter', current.year - 1, 4) : makePeriod('quarter', current.year, current.index - 1);
}

/** Granularity words of STAR.PERIOD and the like: a letter, or the Chinese word. */
const GRANULARITY: Record<string, PeriodKind> = {
  q: 'quarter', m: 'month', h: 'half', y: 'year', quarter: 'quarter', month: 'month', half: 'half', year: 'year',
  季: 'quarter', 季度: 'quarter', 月: 'month', 月度: 'month', 半年: 'half', 年: 'year', 年度: 'year',
};

/**
 * A granularity word as a period kind; blank means a quarter. Null for a word we do not know.
 *
 * @example periodKindOf('M') // => 'month'
 */
export function periodKindOf(value: unknown): PeriodKind | null {
  const key = normalizeKey(value);
  return key === '' ? 'quarter' : GRANULARITY[key] ?? null;
}
