import { strict as assert } from 'assert';
import { dayFromParts, formatDay, type Day } from './dates';
import {
  inPeriod, makePeriod, parseMonth, parsePeriod, parsePeriodCell, periodKindOf, periodLabel, periodOfDay, periodWithin, yearToDate, type Period,
} from './period';

function d(year: number, month: number, day: number): Day {
  return dayFromParts(year, month, day) as Day;
}

function must(text: unknown): Period {
  const p = parsePeriod(text);
  assert.ok(p, `${String(text)} should be a period`);
  return p;
}

/** kind, canonical id, first day, last day. */
type Expected = [string, string, string, string];

describe('period: every form of §2', () => {
  const table: [unknown, Expected][] = [
    ['2026-07', ['month', '2026-07', '2026-07-01', '2026-07-31']],
    ['2026Q3', ['quarter', '2026Q3', '2026-07-01', '2026-09-30']],
    ['2026-Q3', ['quarter', '2026Q3', '2026-07-01', '2026-09-30']],
    ['2026q3', ['quarter', '2026Q3', '2026-07-01', '2026-09-30']],
    ['2026H2', ['half', '2026H2', '2026-07-01', '2026-12-31']],
    ['2026', ['year', '2026', '2026-01-01', '2026-12-31']],
    [2026, ['year', '2026', '2026-01-01', '2026-12-31']],
    ['2026年第三季度', ['quarter', '2026Q3', '2026-07-01', '2026-09-30']],
    ['2026年3季度', ['quarter', '2026Q3', '2026-07-01', '2026-09-30']],
    ['2026年7月', ['month', '2026-07', '2026-07-01', '2026-07-31']],
    ['2026年下半年', ['half', '2026H2', '2026-07-01', '2026-12-31']],
    ['2026年度', ['year', '2026', '2026-01-01', '2026-12-31']],
    // the other quarters, halves and months, for their first and last days
    ['2026Q1', ['quarter', '2026Q1', '2026-01-01', '2026-03-31']],
    ['2026Q2', ['quarter', '2026Q2', '2026-04-01', '2026-06-30']],
    ['2026Q4', ['quarter', '2026Q4', '2026-10-01', '2026-12-31']],
    ['2026年第一季度', ['quarter', '2026Q1', '2026-01-01', '2026-03-31']],
    ['2026年第四季度', ['quarter', '2026Q4', '2026-10-01', '2026-12-31']],
    ['2026H1', ['half', '2026H1', '2026-01-01', '2026-06-30']],
    ['2026年上半年', ['half', '2026H1', '2026-01-01', '2026-06-30']],
    ['2026-02', ['month', '2026-02', '2026-02-01', '2026-02-28']],
    ['2024-02', ['month', '2024-02', '2024-02-01', '2024-02-29']],
    ['2026-12', ['month', '2026-12', '2026-12-01', '2026-12-31']],
    ['2026年12月', ['month', '2026-12', '2026-12-01', '2026-12-31']],
    ['2026-04', ['month', '2026-04', '2026-04-01', '2026-04-30']],
    // full-width and stray spaces
    ['２０２６Ｑ３', ['quarter', '2026Q3', '2026-07-01', '2026-09-30']],
    [' 2026 年 7 月 ', ['month', '2026-07', '2026-07-01', '2026-07-31']],
  ];
  for (const [input, [kind, id, first, last]] of table) {
    it(`reads ${JSON.stringify(input)} as ${id} (${first} … ${last})`, () => {
      const p = must(input);
      assert.equal(p.kind, kind);
      assert.equal(p.id, id);
      assert.equal(formatDay(p.first), first);
      assert.equal(formatDay(p.last), last);
    });
  }

  it('rejects what is not a period', () => {
    for (const bad of ['2026Q5', '2026Q0', '2026-Q5', '2026H3', '2026H0', '2026-13', '2026-00', '2026年13月',
      '2026年第五季度', '26Q3', 'Q3', '2026-07-05', 'abc', '', '   ', '1899', '10000', 2026.5, 99, null, undefined, true]) {
      assert.equal(parsePeriod(bad), null, JSON.stringify(bad));
    }
  });
});

describe('period: membership and spans', () => {
  it('a record is in the period from its first to its last day inclusive', () => {
    const q3 = must('2026Q3');
    assert.equal(inPeriod(q3, d(2026, 6, 30)), false);
    assert.equal(inPeriod(q3, d(2026, 7, 1)), true);
    assert.equal(inPeriod(q3, d(2026, 9, 30)), true);
    assert.equal(inPeriod(q3, d(2026, 10, 1)), false);
  });

  it('yearToDate runs from 1 January of the year through the last day of the period', () => {
    for (const [text, last] of [['2026Q3', '2026-09-30'], ['2026-07', '2026-07-31'], ['2026H1', '2026-06-30'], ['2026', '2026-12-31'], ['2026Q1', '2026-03-31']]) {
      const span = yearToDate(must(text));
      assert.equal(formatDay(span.first), '2026-01-01', text);
      assert.equal(formatDay(span.last), last, text);
    }
  });

  it('periodWithin tells whether a span lies wholly inside', () => {
    const q3 = must('2026Q3');
    assert.equal(periodWithin(must('2026-07'), q3), true);
    assert.equal(periodWithin(must('2026-09'), q3), true);
    assert.equal(periodWithin(must('2026-10'), q3), false);
    assert.equal(periodWithin(must('2026H2'), q3), false);
  });

  it('periodOfDay finds the period holding a day', () => {
    assert.equal(periodOfDay(d(2026, 8, 15), 'quarter').id, '2026Q3');
    assert.equal(periodOfDay(d(2026, 8, 15), 'half').id, '2026H2');
    assert.equal(periodOfDay(d(2026, 8, 15), 'month').id, '2026-08');
    assert.equal(periodOfDay(d(2026, 8, 15), 'year').id, '2026');
    assert.equal(periodOfDay(d(2026, 6, 30), 'half').id, '2026H1');
  });

  it('makePeriod builds canonical ids', () => {
    assert.equal(makePeriod('month', 2026, 7).id, '2026-07');
    assert.equal(makePeriod('month', 2026, 11).id, '2026-11');
    assert.equal(makePeriod('quarter', 2026, 4).id, '2026Q4');
    assert.equal(makePeriod('half', 2026, 1).id, '2026H1');
    assert.equal(makePeriod('year', 2026, 1).id, '2026');
  });
});

describe('period: cells of satisfaction, recommendations and history tables', () => {
  it('parseMonth reads months in several forms', () => {
    assert.equal(parseMonth('2026-07', 2026)?.id, '2026-07');
    assert.equal(parseMonth('2026年8月', 2026)?.id, '2026-08');
    assert.equal(parseMonth('202609', 2026)?.id, '2026-09');
    assert.equal(parseMonth(7, 2026)?.id, '2026-07');
    assert.equal(parseMonth('7月', 2025)?.id, '2025-07');
    assert.equal(parseMonth(46208, 2020)?.id, '2026-07');
    assert.equal(parseMonth('2026-07-05', 2020)?.id, '2026-07');
    assert.equal(parseMonth(new Date(Date.UTC(2026, 7, 31)), 2020)?.id, '2026-08');
  });

  it('parseMonth rejects what is not a month', () => {
    assert.equal(parseMonth('13月', 2026), null);
    assert.equal(parseMonth('2026Q3', 2026), null);
    assert.equal(parseMonth('hello', 2026), null);
    assert.equal(parseMonth(null, 2026), null);
  });

  it('parsePeriodCell reads a period or one day', () => {
    const q = parsePeriodCell('2026年第三季度');
    assert.equal(q?.id, '2026Q3');
    const y = parsePeriodCell(2026);
    assert.equal(y?.id, '2026');
    const day = parsePeriodCell('2026-07-05');
    assert.ok(day);
    assert.equal(day.first, d(2026, 7, 5));
    assert.equal(day.last, d(2026, 7, 5));
    const serial = parsePeriodCell(46208);
    assert.equal(serial?.first, d(2026, 7, 5));
    assert.equal(parsePeriodCell('soon'), null);
  });
});

describe('period: labels', () => {
  it('names the period in both languages', () => {
    assert.deepEqual(periodLabel(must('2026Q3')), { zh: '2026年第三季度', en: '2026 Q3' });
    assert.deepEqual(periodLabel(must('2026-07')), { zh: '2026年7月', en: 'July 2026' });
    assert.deepEqual(periodLabel(must('2026H2')), { zh: '2026年下半年', en: '2026 H2' });
    assert.deepEqual(periodLabel(must('2026H1')), { zh: '2026年上半年', en: '2026 H1' });
    assert.deepEqual(periodLabel(must('2026')), { zh: '2026年度', en: '2026' });
  });
});

describe('period: periodKindOf (granularity words)', () => {
  it('letters, either case', () => {
    assert.equal(periodKindOf('Q'), 'quarter');
    assert.equal(periodKindOf('q'), 'quarter');
    assert.equal(periodKindOf('M'), 'month');
    assert.equal(periodKindOf('m'), 'month');
    assert.equal(periodKindOf('H'), 'half');
    assert.equal(periodKindOf('Y'), 'year');
  });

  it('English and Chinese words', () => {
    assert.equal(periodKindOf('Quarter'), 'quarter');
    assert.equal(periodKindOf('MONTH'), 'month');
    assert.equal(periodKindOf('half'), 'half');
    assert.equal(periodKindOf('year'), 'year');
    assert.equal(periodKindOf('季'), 'quarter');
    assert.equal(periodKindOf('季度'), 'quarter');
    assert.equal(periodKindOf('月'), 'month');
    assert.equal(periodKindOf('月度'), 'month');
    assert.equal(periodKindOf('半年'), 'half');
    assert.equal(periodKindOf('年'), 'year');
    assert.equal(periodKindOf('年度'), 'year');
  });

  it('padding, inner spaces and full width are ignored', () => {
    assert.equal(periodKindOf(' m '), 'month');
    assert.equal(periodKindOf('Ｍ'), 'month');
    assert.equal(periodKindOf('季 度'), 'quarter');
    assert.equal(periodKindOf('\u3000半年\u3000'), 'half');
  });

  it('blank means a quarter', () => {
    assert.equal(periodKindOf(''), 'quarter');
    assert.equal(periodKindOf('  '), 'quarter');
    assert.equal(periodKindOf(null), 'quarter');
    assert.equal(periodKindOf(undefined), 'quarter');
  });

  it('anything else is null', () => {
    for (const word of ['W', 'week', '周', '日', 'QM', 'quarters', 3, true, '2026Q3']) {
      assert.equal(periodKindOf(word), null, String(word));
    }
  });
});
