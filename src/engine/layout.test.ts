import { strict as assert } from 'assert';
import { dayFromParts, parseDay, yearlessDay } from './dates';
import { fingerprint } from './fingerprint';
import { isDitto, locateSheet, locateTable, sheetLayout } from './layout';
import type { Problem } from './messages';
import { parseCount, parseDeduction, parseRate } from './numbers';
import { parsePeriod, yearToDate, type Period } from './period';
import { readFines, readInspections, readPraise, readSatisfaction, readStaff } from './read';
import type { TableReport } from './records';
import { DEFAULT_PARAMETERS } from './scheme';
import { normalizeKey, recordText } from './text';
import type { Grid, TableInput } from './types';

const Q3 = parsePeriod('2026Q3') as Period;
const STAFF: Grid = [['工号', '姓名', '科室'], ['H01', '张三', '门诊'], ['H02', '李四', '门诊'], ['H03', '王五', '药房']];
const roster = () => readStaff(locateTable('staff', { sheet: '人员', grid: STAFF }), []).roster;

function accounting(r: TableReport | null): number[] {
  assert.ok(r);
  assert.equal(r.rows, r.used + r.outOfPeriod + r.skippedBlank + r.rejected, 'rows = used + outOfPeriod + skippedBlank + rejected');
  return [r.rows, r.used, r.outOfPeriod, r.skippedBlank, r.rejected];
}

function inspections(input: TableInput, warnings: Problem[] = []) {
  const errors: Problem[] = [];
  const out = readInspections(locateTable('inspections', input), roster(), Q3, yearToDate(Q3).first, DEFAULT_PARAMETERS, warnings, errors);
  assert.deepEqual(errors, []);
  return out;
}

describe('layout: merged cells and lines (§11)', () => {
  it('gives a range merged down a column to every row, and one merged across only to its first column', () => {
    const grid: Grid = [['a', null, null], [null, 'b', null], [null, null, null]];
    const layout = sheetLayout(grid, [{ top: 0, left: 0, bottom: 2, right: 0 }, { top: 1, left: 1, bottom: 1, right: 2 }]);
    assert.deepEqual(layout.grid.map((r) => [...r]), [['a', null, null], ['a', 'b', null], ['a', null, null]]);
    assert.deepEqual(grid[1], [null, 'b', null], 'the input grid is not changed');
  });

  it('marks titles, headings, signatures and subtotals as lines, never data', () => {
    const grid: Grid = [
      ['门诊部', null, null], ['2026-07-01', '张三', 1], ['小计', null, 1], ['制表人：王芳  审核人：李明', null, null], ['x', null, 'y'],
    ];
    const layout = sheetLayout(grid, [{ top: 0, left: 0, bottom: 0, right: 2 }, { top: 3, left: 0, bottom: 3, right: 2 }, { top: 4, left: 0, bottom: 4, right: 1 }]);
    assert.deepEqual([...layout.lines], [0, 2, 3]);
  });

  it('knows the ditto marks', () => {
    for (const d of ['同上', '〃', '"', ' 同 上 ']) assert.ok(isDitto(d), d);
    assert.ok(!isDitto('上'));
  });

  it('takes the bottom row of a two-row header, and kind columns under a merged group', () => {
    const grid: Grid = [['日期', '姓名', '扣分情况', null], [null, null, '现场', '非现场'], ['2026-07-01', '张三', 2, 1]];
    const at = locateSheet('inspections', {
      grid, merges: [{ top: 0, left: 0, bottom: 1, right: 0 }, { top: 0, left: 1, bottom: 1, right: 1 }, { top: 0, left: 2, bottom: 0, right: 3 }],
    });
    assert.ok('header' in at);
    assert.equal(at.header.headerIndex, 1);
    assert.deepEqual(at.kinds.map((k) => k.kind), ['onsite', 'offsite']);
  });
});

describe('read: office layouts (§11)', () => {
  it('never turns a merged heading, a subtotal or a signature line into a staff member', () => {
    const grid: Grid = [
      ['人员名单', null, null], ['工号', '姓名', '科室'], ['门诊部', null, null], ['H01', '张三', '门诊'], ['合计', '1人', null],
      ['制表人：王芳  审核人：李明', null, null],
    ];
    const merges = [{ top: 0, left: 0, bottom: 0, right: 2 }, { top: 2, left: 0, bottom: 2, right: 2 }, { top: 5, left: 0, bottom: 5, right: 2 }];
    const staff = readStaff(locateTable('staff', { sheet: '人员', grid, merges }), []);
    assert.deepEqual(staff.roster.members.map((m) => m.id), ['H01']);
    assert.deepEqual(accounting(staff.report), [4, 1, 0, 3, 0]);
  });

  it('gives the department of heading lines to a staff table without a department column', () => {
    const grid: Grid = [['工号', '姓名'], ['门诊部', null], ['H01', '张三'], ['H02', '李四'], ['药房', null], ['H03', '王五'], ['备注：无', null]];
    const merges = [1, 4, 6].map((r) => ({ top: r, left: 0, bottom: r, right: 1 }));
    const staff = readStaff(locateTable('staff', { sheet: '人员', grid, merges }), []);
    assert.deepEqual(staff.errors, []);
    assert.deepEqual(staff.roster.members.map((m) => `${m.id}:${m.department}`), ['H01:门诊部', 'H02:门诊部', 'H03:药房']);
    assert.ok('missing' in locateSheet('staff', { grid }), 'without heading lines the column is missing');
  });

  it('fills a blank department from the row above, with one DEPARTMENT_FILLED warning', () => {
    const warnings: Problem[] = [];
    const grid: Grid = [['工号', '姓名', '科室'], ['H01', '张三', '门诊'], ['H02', '李四', null], ['H03', '王五', '  '], ['H04', '赵六', '药房']];
    const staff = readStaff(locateTable('staff', { sheet: '人员', grid }), warnings);
    assert.deepEqual(staff.roster.members.map((m) => m.department), ['门诊', '门诊', '门诊', '药房']);
    assert.deepEqual(warnings.map((w) => [w.code, w.row]), [['DEPARTMENT_FILLED', 3]]);
    assert.match(warnings[0]?.message.zh ?? '', /共 2 行/u);
  });

  it('fills a blank department under a heading line from the heading, not from the group before', () => {
    const warnings: Problem[] = [];
    const grid: Grid = [['工号', '姓名', '科室'], ['H01', '张三', '门诊'], ['药房', null, null], ['H02', '李四', null], ['H03', '王五', '检验科']];
    const staff = readStaff(locateTable('staff', { sheet: '人员', grid, merges: [{ top: 2, left: 0, bottom: 2, right: 2 }] }), warnings);
    assert.deepEqual(staff.roster.members.map((m) => m.department), ['门诊', '药房', '检验科']);
    assert.deepEqual(warnings.map((w) => [w.code, w.row]), [['DEPARTMENT_FILLED', 4]]);
  });

  it('gives a merged department down the column to every row it spans, without a warning', () => {
    const warnings: Problem[] = [];
    const grid: Grid = [['工号', '姓名', '科室'], ['H01', '张三', '门诊'], ['H02', '李四', null]];
    const staff = readStaff(locateTable('staff', { sheet: '人员', grid, merges: [{ top: 1, left: 2, bottom: 2, right: 2 }] }), warnings);
    assert.deepEqual(staff.roster.members.map((m) => m.department), ['门诊', '门诊']);
    assert.deepEqual(warnings, []);
  });

  it('reads ditto as the nearest non-blank value above in the same column', () => {
    const out = inspections({ sheet: '检查', grid: [['日期', '姓名', '扣分'], ['2026-07-01', '张三', 2], ['同上', '〃', '"'], [null, null, null], ['"', '李四', 1]] });
    assert.deepEqual(out.violations.map((v) => [v.subject.member?.id, v.points, v.day]), [
      ['H01', 2, dayFromParts(2026, 7, 1)], ['H01', 2, dayFromParts(2026, 7, 1)], ['H02', 1, dayFromParts(2026, 7, 1)],
    ]);
  });

  it('reads signed and worded deductions as their size', () => {
    const out = inspections({ sheet: '检查', grid: [['日期', '姓名', '扣分'], ['2026-07-01', '张三', -2], ['2026-07-02', '张三', '扣2分'], ['2026-07-03', '李四', '-1分']] });
    assert.deepEqual(out.violations.map((v) => v.points), [2, 2, 1]);
    const fines = readFines(locateTable('fines', { sheet: '投诉', grid: [['日期', '姓名', '类型', '金额'], ['2026-07-01', '张三', '罚款', '罚款50元'], ['2026-07-01', '张三', '罚款', -20]] }),
      roster(), Q3, DEFAULT_PARAMETERS, [], []);
    assert.deepEqual(fines.fines.map((f) => f.yuan), [50, 20]);
  });

  it('makes a row with points in two kind columns two violations', () => {
    const out = inspections({ sheet: '检查', grid: [['日期', '姓名', '现场', '调取监控'], ['2026-07-01', '张三', 2, '-1'], ['2026-07-02', '李四', null, 3]] });
    assert.deepEqual(out.violations.map((v) => [v.subject.member?.id, v.kind, v.points]), [['H01', 'onsite', 2], ['H01', 'offsite', 1], ['H02', 'offsite', 3]]);
    assert.deepEqual(accounting(out.report), [2, 2, 0, 0, 0]);
  });

  it('takes the period year for dates without a year, with one YEARLESS_DATE warning', () => {
    const warnings: Problem[] = [];
    const out = inspections({ sheet: '检查', grid: [['日期', '姓名'], ['7月5日', '张三'], ['07-06 下午', '李四'], ['2026-07-07', '王五'], ['7/8', '王五']] }, warnings);
    assert.deepEqual(out.violations.map((v) => v.day), [5, 6, 7, 8].map((d) => dayFromParts(2026, 7, d)));
    assert.deepEqual(warnings.map((w) => [w.code, w.row, w.column]), [['YEARLESS_DATE', 2, '日期']]);
    assert.match(warnings[0]?.message.en ?? '', /3 rows/u);
  });

  it('reads one table from several sheets with one accounting, each warning naming its sheet', () => {
    const warnings: Problem[] = [];
    const out = inspections({
      sheet: '7月督导检查', grid: [['日期', '姓名'], ['2026-07-01', '张三'], ['2026-07-02', '无名']],
      moreSheets: [{ sheet: '8月督导检查', grid: [['标题'], ['日期', '姓名'], ['2026-08-01', '无名'], [null, null], ['2026-08-03', '李四']] }],
      passedOver: ['检查汇总'],
    }, warnings);
    assert.deepEqual(out.violations.map((v) => v.sheet), ['7月督导检查', '8月督导检查']);
    assert.deepEqual(accounting(out.report), [5, 2, 0, 1, 2]);
    assert.deepEqual(warnings.map((w) => [w.code, w.sheet, w.row]), [['MORE_SHEETS', '检查汇总', null], ['UNKNOWN_PERSON', '7月督导检查', 3], ['UNKNOWN_PERSON', '8月督导检查', 3]]);
  });

  it('keeps a person assignment with its sheet, and with the row as stored (merges not applied)', () => {
    const warnings: Problem[] = [];
    const august: Grid = [['日期', '姓名', '扣分'], ['2026-08-01', '无名', 2], [null, '无名', 1]];
    const out = inspections({
      sheet: '7月', grid: [['日期', '姓名'], ['2026-07-01', '无名']],
      moreSheets: [{ sheet: '8月', grid: august, merges: [{ top: 1, left: 0, bottom: 2, right: 0 }] }],
      assignments: [
        { row: 2, sheet: '8月', written: '无名', record: recordText(august[1] ?? []), id: 'H02' },
        { row: 3, sheet: '8月', written: '无名', record: recordText(august[2] ?? []), id: 'H03' },
      ],
    }, warnings);
    assert.deepEqual(out.violations.map((v) => [v.sheet, v.row, v.subject.member?.id]), [['8月', 2, 'H02'], ['8月', 3, 'H03']]);
    assert.deepEqual(warnings.map((w) => [w.code, w.sheet, w.row]), [['UNKNOWN_PERSON', '7月', 2], ['ASSIGNED_PERSON', '8月', 2], ['ASSIGNED_PERSON', '8月', 3]]);
  });

  it('warns of a header that looks like a field instead of ignoring it', () => {
    const warnings: Problem[] = [];
    inspections({ sheet: '检查', grid: [['日期', '姓名', '本月扣分'], ['2026-07-01', '张三', 3]] }, warnings);
    assert.deepEqual(warnings.map((w) => [w.code, w.row, w.column]), [['LOOKALIKE_HEADER', 1, '本月扣分']]);
  });
});

describe('read: values that cannot be right (§11a)', () => {
  it('rejects negative counts, praise points and served, a rate over 100 % and more satisfied than evaluations', () => {
    const warnings: Problem[] = [];
    const praise = readPraise(locateTable('praise', { sheet: '表扬', grid: [['日期', '姓名', '分值'], ['2026-07-01', '张三', -1], ['2026-07-01', '张三', '加1分']] }), roster(), Q3, DEFAULT_PARAMETERS, warnings, []);
    assert.deepEqual(praise.praise.map((p) => p.points), [1]);
    const satisfaction = readSatisfaction(locateTable('satisfaction', {
      sheet: '满意度', grid: [['月份', '姓名', '评价数', '满意数', '满意率', '服务人次'],
        ['2026-07', '张三', 10, 11, null, null], ['2026-07', '张三', null, null, 1.2, null], ['2026-07', '张三', null, null, '120%', null],
        ['2026-07', '张三', null, null, null, -5], ['2026-07', '张三', 10, 9, 97, 100]],
    }), roster(), Q3, warnings, []);
    assert.deepEqual(satisfaction.satisfaction.map((s) => s.rate), [0.97]);
    assert.deepEqual(accounting(satisfaction.report), [5, 1, 0, 0, 4]);
    assert.deepEqual(warnings.map((w) => [w.code, w.column]), [
      ['BAD_NUMBER', '分值'], ['BAD_NUMBER', '满意数'], ['BAD_NUMBER', '满意率'], ['BAD_NUMBER', '满意率'], ['BAD_NUMBER', '服务人次'],
    ]);
    assert.match(warnings[0]?.message.zh ?? '', /负数/u);
    assert.match(warnings[2]?.message.zh ?? '', /100%/u);
  });

  it('compares ids without invisible characters, so a duplicate is DUPLICATE_ID', () => {
    const staff = readStaff(locateTable('staff', { sheet: '人员', grid: [['工号', '姓名', '科室'], ['H0004', '张三', '门诊'], ['H0004\u200B', '李四', '门诊']] }), []);
    assert.deepEqual(staff.errors.map((e) => [e.code, e.row]), [['DUPLICATE_ID', 3]]);
    assert.equal(normalizeKey('\uFEFF张\u00AD三\u2060'), '张三');
  });

  it('rejects a row with a formula without a cached value, naming the column', () => {
    const warnings: Problem[] = [];
    const out = inspections({ sheet: '检查', grid: [['日期', '姓名', '扣分'], ['2026-07-01', '张三', null], ['2026-07-01', '李四', 1]], formulasWithoutValue: [{ row: 1, column: 2 }] }, warnings);
    assert.deepEqual(accounting(out.report), [2, 1, 0, 0, 1]);
    assert.deepEqual(warnings.map((w) => [w.code, w.row, w.column]), [['FORMULA_NO_VALUE', 2, '扣分']]);
    assert.match(warnings[0]?.message.zh ?? '', /重新计算后保存/u);
    const last = inspections({ sheet: '检查', grid: [['日期', '姓名', '扣分'], ['2026-07-01', '张三', 1]], formulasWithoutValue: [{ row: 3, column: 2 }] });
    assert.deepEqual(accounting(last.report), [3, 1, 0, 1, 1], 'a last row holding only a formula without a value is rejected, not dropped');
  });
});

describe('fingerprint of a table of several sheets (§11)', () => {
  it('counts every sheet and the merges; a tidy one-sheet table hashes as before', () => {
    const staff = { sheet: 'S', grid: [['工号', '姓名', '科室'], ['H1', '张三', 1]] };
    assert.equal(fingerprint({ staff }), '05af513ad79894');
    const more = { sheet: '8月', grid: [['日期', '姓名'], ['2026-08-01', '张三']] };
    const one = fingerprint({ staff, inspections: { sheet: '7月', grid: [['日期', '姓名']] } });
    const two = fingerprint({ staff, inspections: { sheet: '7月', grid: [['日期', '姓名']], moreSheets: [more] } });
    assert.notEqual(one, two);
    assert.notEqual(fingerprint({ staff: { ...staff, merges: [{ top: 1, left: 2, bottom: 2, right: 2 }] } }), fingerprint({ staff }));
  });
});

describe('numbers and dates of office layouts (§11, §11a)', () => {
  it('reads deductions, counts and rates', () => {
    assert.deepEqual([-2, '扣2分', '罚款50元', '加1分', '-50元', null].map(parseDeduction), [2, 2, 50, 1, 50, null]);
    assert.deepEqual([3, '加1分', 0].map(parseCount), [3, 1, 0]);
    assert.ok(Number.isNaN(parseCount(-1)));
    assert.deepEqual([0.97, '97%', 97, 1, 2].map(parseRate), [0.97, 0.97, 0.97, 1, 0.02]);
    for (const bad of [1.2, '120%', 101, -0.1]) assert.ok(Number.isNaN(parseRate(bad)), String(bad));
  });

  it('ignores time parts, 上午/下午/晚上 included, and reads month-first dates only without a year', () => {
    const july5 = dayFromParts(2026, 7, 5);
    for (const t of ['2026-07-05 下午3点', '2026年7月5日 上午9:30', '2026年7月5日晚上', '2026/7/5 14:30:00']) assert.equal(parseDay(t), july5, t);
    for (const t of ['7月5日', '7-5', '07-05', '7/5', '7月5号 下午']) assert.equal(yearlessDay(t, 2026), july5, t);
    for (const t of ['13/5', '7.5', '2026-07-05']) assert.equal(yearlessDay(t, 2026), null, t);
    assert.equal(yearlessDay(705, 2026), null);
    assert.equal(parseDay('7月5日'), null);
  });
});
