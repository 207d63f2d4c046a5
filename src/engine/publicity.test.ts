import { strict as assert } from 'assert';
import { formatDay, parseDay } from './dates';
import { isWorkday, publicityOf } from './publicity';
import { resolveScheme } from './scheme';

const day = (text: string) => parseDay(text) as number;
const dates = (p: ReturnType<typeof publicityOf>) => [p.start === null ? null : formatDay(p.start), p.end === null ? null : formatDay(p.end), p.days];
const notice = (overrides: Record<string, unknown>) => {
  const { scheme, problems } = resolveScheme(undefined, overrides);
  assert.deepEqual(problems, []);
  return publicityOf(scheme?.parameters as NonNullable<typeof scheme>['parameters']);
};

describe('publicity: working days (§13)', () => {
  it('Monday–Friday are working days; holidays are not; listed weekend days (调休) are', () => {
    assert.deepEqual(['2026-10-12', '2026-10-16', '2026-10-17', '2026-10-18'].map((d) => isWorkday(day(d), [], [])), [true, true, false, false]);
    assert.equal(isWorkday(day('2026-10-01'), ['2026-10-01'], []), false);
    assert.equal(isWorkday(day('2026-10-10'), [], ['2026-10-10']), true);
  });

  it('5 working days from Thursday 2026-10-15 end on Wednesday 2026-10-21', () => {
    assert.deepEqual(dates(notice({ publicityStart: '2026-10-15' })), ['2026-10-15', '2026-10-21', 5]);
  });

  it('a start on a weekend or holiday begins on the first working day after it; holidays and 调休 move the end', () => {
    assert.deepEqual(dates(notice({ publicityStart: '2026-10-03', holidays: ['2026-10-05', '2026-10-06', '2026-10-07'] })), ['2026-10-08', '2026-10-14', 5]);
    assert.deepEqual(dates(notice({ publicityStart: '2026-10-08', extraWorkdays: ['2026-10-10'], publicityDays: 3 })), ['2026-10-08', '2026-10-10', 3]);
  });

  it('without publicityStart the dates are null (left blank to fill in by hand)', () => {
    assert.deepEqual(dates(notice({})), [null, null, 5]);
  });

  it('parameters are checked: days a whole number ≥ 1, dates readable, organizer not empty', () => {
    for (const bad of [{ publicityDays: 0 }, { publicityDays: 2.5 }, { publicityStart: '下周一' }, { holidays: ['2026-13-01'] }, { organizer: '' }, { contact: 8021 }]) {
      assert.equal(resolveScheme(undefined, bad).problems[0]?.code, 'BAD_PARAMETER', JSON.stringify(bad));
    }
    assert.equal(resolveScheme(undefined, { publicityStart: '2026/10/15' }).scheme?.parameters.publicityStart, '2026-10-15');
  });
});
