import { strict as assert } from 'assert';
import { formatDay, parseDay } from './dates';
import { isWorkday, publicityOf } from './publicity';
import { resolveScheme } from './scheme';
import { runSelection } from './select';
import { noticeSheet } from './sheets';
import type { Grid } from './types';

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

describe('publicity: the notice sheet 公示名单 (§13)', () => {
  const staff: Grid = [['工号', '姓名', '科室'], ['A1', '甲一', '门诊'], ['A2', '甲二', '门诊'], ['B1', '乙一', '药房'], ['B2', '乙二', '药房']];
  const inspections: Grid = [['日期', '工号', '扣分'], ['2026-07-15', 'B2', 1]];
  const notice = (overrides: Record<string, unknown>, decisions?: Grid) => {
    const out = runSelection({
      period: '2026Q3', overrides,
      tables: { staff: { sheet: 'staff', grid: staff }, inspections: { sheet: 'inspections', grid: inspections },
        ...(decisions ? { decisions: { sheet: 'decisions', grid: decisions } } : {}) },
    });
    assert.ok(out.ok);
    return noticeSheet(out.result, 'zh');
  };

  it('a draft while a tie is unresolved: the title ends in （草稿）, tied rows say so, dates are blanks to fill in', () => {
    const s = notice({});
    assert.equal(s.name, '公示名单 2026Q3');
    assert.equal(s.title, '关于2026年第三季度“微笑服务之星”拟表彰人员的公示（草稿）');
    assert.match(s.paragraph ?? '', /公示期为____年__月__日至____年__月__日（5个工作日）。公示期间如有异议，请向评选小组反映。$/u);
    assert.deepEqual(s.blocks[0]?.rows, [[1, '门诊', '甲一', 100, '并列，待评选小组裁定'], [2, '门诊', '甲二', 100, '并列，待评选小组裁定'], [3, '药房', '乙一', 100, '']]);
    assert.deepEqual(s.signOff, ['评选小组', '____年__月__日']);
    assert.equal(s.onePage, true);
  });

  it('once the committee decides: no draft, the dates, organizer and contact, signed on the first day', () => {
    const s = notice({ publicityStart: '2026-10-15', organizer: '服务之星评选工作小组', contact: '内线 8021' }, [['期间', '工号', '裁定'], ['2026Q3', 'A2', '获奖']]);
    assert.equal(s.title, '关于2026年第三季度“微笑服务之星”拟表彰人员的公示');
    assert.match(s.paragraph ?? '', /公示期为2026年10月15日至2026年10月21日（5个工作日）。公示期间如有异议，请向服务之星评选工作小组（联系方式：内线 8021）反映。$/u);
    assert.deepEqual(s.blocks[0]?.rows.map((r) => r[2]), ['甲二', '乙一']);
    assert.deepEqual(s.signOff, ['服务之星评选工作小组', '2026年10月15日']);
  });
});
