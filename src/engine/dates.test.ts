import { strict as assert } from 'assert';
import {
  addYears, dayFromParts, formatDay, fromExcelSerial, monthKey, parseDay, partsOf, toExcelSerial, type Day,
} from './dates';

function d(year: number, month: number, day: number): Day {
  const value = dayFromParts(year, month, day);
  assert.notEqual(value, null, `${year}-${month}-${day} should be a real day`);
  return value as Day;
}

const JULY_5 = d(2026, 7, 5);

describe('dates: calendar days', () => {
  it('dayFromParts counts days since 1970-01-01 and rejects impossible days', () => {
    assert.equal(dayFromParts(1970, 1, 1), 0);
    assert.equal(dayFromParts(1970, 1, 2), 1);
    assert.equal(dayFromParts(2026, 2, 29), null);
    assert.equal(dayFromParts(2024, 2, 29), d(2024, 2, 28) + 1);
    assert.equal(dayFromParts(2026, 13, 1), null);
    assert.equal(dayFromParts(2026, 0, 1), null);
    assert.equal(dayFromParts(2026, 4, 31), null);
    assert.equal(dayFromParts(2026, 7, 0), null);
    assert.equal(dayFromParts(2026.5, 7, 1), null);
  });

  it('partsOf, formatDay and monthKey read a day back', () => {
    assert.deepEqual(partsOf(JULY_5), { year: 2026, month: 7, day: 5 });
    assert.equal(formatDay(JULY_5), '2026-07-05');
    assert.equal(formatDay(d(2026, 12, 31)), '2026-12-31');
    assert.equal(monthKey(JULY_5), '2026-07');
    assert.equal(monthKey(d(2026, 11, 30)), '2026-11');
  });
});

describe('dates: Excel serials (§1)', () => {
  it('reads 1900-system serials', () => {
    assert.equal(fromExcelSerial(46208), JULY_5);
    assert.equal(parseDay(46208), JULY_5);
    assert.equal(parseDay(46023), d(2026, 1, 1));
    assert.equal(parseDay(1), d(1900, 1, 1));
    assert.equal(parseDay(59), d(1900, 2, 28));
    assert.equal(parseDay(61), d(1900, 3, 1));
  });

  it('treats serial 60 (Excel\'s phantom 1900-02-29) and serial 0 as no date', () => {
    assert.equal(parseDay(60), null);
    assert.equal(parseDay(0), null);
  });

  it('reads 1904-system serials when the workbook says so', () => {
    assert.equal(parseDay(44746, true), JULY_5);
    assert.equal(parseDay(0, true), d(1904, 1, 1));
    assert.equal(parseDay(1, true), d(1904, 1, 2));
    assert.equal(fromExcelSerial(46208, true), d(2030, 7, 6));
  });

  it('drops the time of day of a serial', () => {
    assert.equal(parseDay(46208.999), JULY_5);
    assert.equal(parseDay(46208.5), JULY_5);
    assert.equal(parseDay(44746.25, true), JULY_5);
  });

  it('rejects negative, non-finite and out-of-range serials', () => {
    assert.equal(parseDay(-1), null);
    assert.equal(parseDay(Number.NaN), null);
    assert.equal(parseDay(Number.POSITIVE_INFINITY), null);
    assert.equal(parseDay(2_958_466), null);
    assert.equal(parseDay(2_958_465), d(9999, 12, 31));
  });

  it('reads the number 20260705 as a serial, not as a date (§10: a date only as text)', () => {
    assert.equal(parseDay(20260705), null);
  });

  it('toExcelSerial is the inverse for days after 1900-03-01', () => {
    assert.equal(toExcelSerial(JULY_5), 46208);
    assert.equal(fromExcelSerial(toExcelSerial(d(2024, 2, 29))), d(2024, 2, 29));
    assert.equal(toExcelSerial(d(1900, 3, 1)), 61);
  });
});

describe('dates: Date cells', () => {
  it('reads a Date at midnight UTC as that day', () => {
    assert.equal(parseDay(new Date(Date.UTC(2026, 6, 5))), JULY_5);
  });

  it('ignores the time of day of a Date', () => {
    assert.equal(parseDay(new Date(Date.UTC(2026, 6, 5, 23, 59, 59))), JULY_5);
    assert.equal(parseDay(new Date(Date.UTC(2026, 6, 5, 0, 0, 1))), JULY_5);
  });

  it('rejects an invalid Date', () => {
    assert.equal(parseDay(new Date(Number.NaN)), null);
  });

  it('reads a Date before 1970 with its time of day, and takes the years 1900–9999 as dayFromParts does', () => {
    assert.equal(parseDay(new Date(Date.UTC(1965, 2, 1, 18, 30))), dayFromParts(1965, 3, 1));
    assert.equal(parseDay(new Date(Date.UTC(1900, 0, 1, 12))), dayFromParts(1900, 1, 1));
    assert.equal(parseDay(new Date(Date.UTC(9999, 11, 31, 23, 59))), dayFromParts(9999, 12, 31));
    assert.equal(parseDay(new Date(Date.UTC(1899, 11, 31, 23, 59))), null);
    assert.equal(parseDay(new Date(Date.UTC(10000, 0, 1))), null);
  });
});

describe('dates: year-first text (§1)', () => {
  const forms: [string, Day][] = [
    ['2026-07-05', JULY_5],
    ['2026-7-5', JULY_5],
    ['2026/7/5', JULY_5],
    ['2026/07/05', JULY_5],
    ['2026.7.5', JULY_5],
    ['2026年7月5日', JULY_5],
    ['2026年07月05日', JULY_5],
    ['20260705', JULY_5],
    ['  2026-07-05  ', JULY_5],
    ['２０２６-０７-０５', JULY_5],
    ['２０２６年７月５日', JULY_5],
    ['2026 年 7 月 5 日', JULY_5],
    ['2026年 7月 5号 08:30', JULY_5],
    ['２０２６／７／５', JULY_5],
    ['2026-12-31', d(2026, 12, 31)],
    ['2024-02-29', d(2024, 2, 29)],
  ];
  for (const [text, day] of forms) {
    it(`reads "${text}"`, () => assert.equal(parseDay(text), day));
  }

  const withTime: string[] = [
    '2026-07-05 08:30',
    '2026-07-05 08:30:15',
    '2026-07-05T08:30:00',
    '2026/7/5 8:30',
    '2026.7.5 23:59:59',
    '2026年7月5日 08:30',
    '２０２６-０７-０５　０８:３０',
  ];
  for (const text of withTime) {
    it(`ignores the time part of "${text}"`, () => assert.equal(parseDay(text), JULY_5));
  }

  it('reads "20260705 08:30" (the compact form "with or without a time part", §1)', () => {
    assert.equal(parseDay('20260705 08:30'), JULY_5);
  });

  it('rejects ambiguous day-first or month-first text', () => {
    assert.equal(parseDay('05/07/2026'), null);
    assert.equal(parseDay('7/5/2026'), null);
    assert.equal(parseDay('05-07-2026'), null);
    assert.equal(parseDay('05.07.2026'), null);
    assert.equal(parseDay('5/7/26'), null);
  });

  it('rejects impossible days and other text', () => {
    for (const text of ['2026-02-29', '2026-13-01', '2026-04-31', '2026-00-10', '2026-07', '2026年7月', '20261305',
      '2026070', 'yesterday', '', '   ', '2026-07-05 x']) {
      assert.equal(parseDay(text), null, text);
    }
  });

  it('rejects booleans, null and undefined', () => {
    assert.equal(parseDay(true), null);
    assert.equal(parseDay(null), null);
    assert.equal(parseDay(undefined), null);
  });
});

describe('dates: addYears', () => {
  it('moves a day by whole years', () => {
    assert.equal(addYears(d(2024, 7, 1), 2), d(2026, 7, 1));
    assert.equal(addYears(d(2026, 12, 31), 1), d(2027, 12, 31));
  });

  it('makes 29 February into 28 February in a common year', () => {
    assert.equal(addYears(d(2024, 2, 29), 1), d(2025, 2, 28));
    assert.equal(addYears(d(2024, 2, 29), 2), d(2026, 2, 28));
    assert.equal(addYears(d(2024, 2, 29), 4), d(2028, 2, 29));
  });
});
