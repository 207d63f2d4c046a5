import { type Day, formatDay, parseDay } from './dates';
import type { SchemeParameters } from './scheme';

/** The notice period of §13: its first and last working day, or null when no start is given. */
export interface Publicity {
  start: Day | null;
  end: Day | null;
  days: number;
}

/**
 * Whether a day is a working day: Monday–Friday, except the listed holidays (法定节假日), plus the
 * listed weekend days (调休). The tool cannot know each year's calendar, so both lists are the office's.
 *
 * @example isWorkday(parseDay('2026-10-17')!, [], ['2026-10-17']) // => true
 */
export function isWorkday(day: Day, holidays: readonly string[], extraWorkdays: readonly string[]): boolean {
  const text = formatDay(day);
  if (extraWorkdays.includes(text)) return true;
  if (holidays.includes(text)) return false;
  // Day 0 (1970-01-01) was a Thursday: 0 = Sunday … 6 = Saturday.
  const weekday = (((day + 4) % 7) + 7) % 7;
  return weekday !== 0 && weekday !== 6;
}

/**
 * The notice period (§13): day 1 is publicityStart, or the first working day after it; the last
 * day is the publicityDays-th working day.
 *
 * @example publicityOf({ publicityStart: '2026-10-15', publicityDays: 5, holidays: [], extraWorkdays: [] }).end // => parseDay('2026-10-21')
 */
export function publicityOf(p: Pick<SchemeParameters, 'publicityStart' | 'publicityDays' | 'holidays' | 'extraWorkdays'>): Publicity {
  const first = p.publicityStart === null ? null : parseDay(p.publicityStart);
  if (first === null) return { start: null, end: null, days: p.publicityDays };
  const working = (d: Day) => isWorkday(d, p.holidays, p.extraWorkdays);
  let start = first;
  while (!working(start)) start++;
  let end = start;
  for (let counted = 1; counted < p.publicityDays; counted++) {
    end++;
    while (!working(end)) end++;
  }
  return { start, end, days: p.publicityDays };
}
