import { strict as assert } from 'assert';
import fc from 'fast-check';
import { dayFromParts, type Day } from './dates';
import { locateTable } from './layout';
import type { Problem } from './messages';
import { parsePeriod, yearToDate, type Period } from './period';
import {
  accounting as verdictCounts, inspectionKind, isValid, isViolation, readFines, readHistory, readInspections, readPraise, readRecommendations, readSatisfaction,
  readStaff, severityOf, type Verdict,
} from './read';
import type { TableReport } from './records';
import { DEFAULT_PARAMETERS } from './scheme';
import type { Roster } from './people';
import type { Cell, Grid, MergedRange } from './types';

const STAFF: Grid = [
  ['工号', '姓名', '科室'],
  ['H01', '张三', '门诊'],
  ['H02', '李四', '门诊'],
  ['H03', '王五', '药房'],
];

function period(text = '2026Q3'): Period {
  return parsePeriod(text) as Period;
}

function roster(): Roster {
  return readStaff(locateTable('staff', { sheet: '人员', grid: STAFF }), []).roster;
}

function d(y: number, m: number, day: number): Day {
  return dayFromParts(y, m, day) as Day;
}

/** rows, used, outOfPeriod, skippedBlank, rejected — and the identity of §1. */
function accounting(r: TableReport | null): number[] {
  assert.ok(r);
  assert.equal(r.rows, r.used + r.outOfPeriod + r.skippedBlank + r.rejected, 'rows = used + outOfPeriod + skippedBlank + rejected');
  return [r.rows, r.used, r.outOfPeriod, r.skippedBlank, r.rejected];
}

describe('read: isViolation (§3, §10)', () => {
  it('a result that says violation is one, whatever the points', () => {
    for (const word of ['违规', '不合格', '扣分']) {
      assert.equal(isViolation(word, null), true, word);
      assert.equal(isViolation(word, 0), true, `${word} with 0 points`);
      assert.equal(isViolation(word, 2), true, word);
    }
  });

  it('a result that says not a violation is not one, whatever the points', () => {
    for (const word of ['合格', '通过', '无']) {
      assert.equal(isViolation(word, null), false, word);
      assert.equal(isViolation(word, 3), false, `${word} with 3 points`);
    }
  });

  it('a blank or unknown result falls back to the points rule', () => {
    assert.equal(isViolation(null, null), true);
    assert.equal(isViolation('', 2), true);
    assert.equal(isViolation(null, 0), false);
    assert.equal(isViolation('待复核', 0), false);
    assert.equal(isViolation('待复核', 1), true);
    assert.equal(isViolation('待复核', null), true);
  });
});

describe('read: inspectionKind (§1)', () => {
  it('on-site: 现场, 暗访, blank and unknown words', () => {
    for (const w of ['现场', '暗访', '', null, '巡查', '现场检查']) assert.equal(inspectionKind(w), 'onsite', String(w));
  });

  it('off-site: 非现场, 监控, 调取监控, 录像', () => {
    for (const w of ['非现场', '监控', '调取监控', '录像', ' 非 现场 ']) assert.equal(inspectionKind(w), 'offsite', String(w));
  });
});

describe('read: isValid and severityOf (§1, §10)', () => {
  it('only 无效·否·不属实·N·FALSE·0 make a row invalid', () => {
    for (const w of ['无效', '否', '不属实', 'N', 'n', 'FALSE', 'false', '0', 0, false]) assert.equal(isValid(w), false, String(w));
    for (const w of ['有效', '是', '', null, '属实', 'Y', '待核实', 1, true]) assert.equal(isValid(w), true, String(w));
  });

  it('reads the three severities in Chinese and English', () => {
    assert.equal(severityOf('轻微'), 'minor');
    assert.equal(severityOf('一般'), 'moderate');
    assert.equal(severityOf('严重'), 'severe');
    assert.equal(severityOf('Minor'), 'minor');
    assert.equal(severityOf('moderate'), 'moderate');
    assert.equal(severityOf('SEVERE'), 'severe');
    assert.equal(severityOf('特别严重'), null);
    assert.equal(severityOf(''), null);
  });
});

describe('read: staff', () => {
  it('counts rows, skips blank rows in the middle, ignores trailing blank rows', () => {
    const grid: Grid = [
      ['2026年窗口人员'],
      ['工号', '姓名', '科室', '在岗'],
      ['H01', '张三', '门诊', ''],
      [null, '  ', '\u3000', ''],
      ['H02', '李四', '门诊', '离职'],
      ['', '王五', '药房', ''], // MISSING_ID
      [],
      [null, null],
      ['   '],
    ];
    const warnings: Problem[] = [];
    const s = readStaff(locateTable('staff', { sheet: '人员', grid }), warnings);
    assert.deepEqual(s.errors, []);
    assert.deepEqual(accounting(s.report), [4, 2, 0, 1, 1]);
    assert.deepEqual(warnings.map((w) => [w.code, w.row]), [['MISSING_ID', 6]]);
    assert.deepEqual(s.roster.members.map((m) => [m.id, m.active, m.row]), [['H01', true, 3], ['H02', false, 5]]);
  });

  it('uses firstRow to give Excel row numbers when the used range starts lower', () => {
    const warnings: Problem[] = [];
    const s = readStaff(locateTable('staff', { sheet: '人员', grid: [['工号', '姓名', '科室'], ['', '张三', '门诊']], firstRow: 5 }), warnings);
    assert.equal(s.report?.headerRow, 5);
    assert.deepEqual(warnings.map((w) => [w.code, w.row]), [['MISSING_ID', 6]]);
  });

  it('reads the window start date', () => {
    const grid: Grid = [['工号', '姓名', '科室', '上岗日期'], ['H01', '张三', '门诊', '2024-07-01'], ['H02', '李四', '门诊', 45474], ['H03', '王五', '门诊', '']];
    const s = readStaff(locateTable('staff', { sheet: '人员', grid }), []);
    assert.deepEqual(s.roster.members.map((m) => m.windowSince), [d(2024, 7, 1), d(2024, 7, 1), null]);
  });

  it('DUPLICATE_ID is an error naming both rows, also when one id is a number and the other text', () => {
    const grid: Grid = [['名单'], ['工号', '姓名', '科室'], [8003, '张三', '门诊'], ['H02', '李四', '门诊'], [' 8003 ', '王五', '药房']];
    const s = readStaff(locateTable('staff', { sheet: '人员', grid }), []);
    assert.equal(s.errors.length, 1);
    const e = s.errors[0];
    assert.equal(e?.code, 'DUPLICATE_ID');
    assert.equal(e?.sheet, '人员');
    assert.equal(e?.row, 5);
    assert.equal(e?.column, '工号');
    assert.match(e?.message.zh ?? '', /3、5/u);
    assert.match(e?.message.en ?? '', /3, 5/u);
  });
});

describe('read: inspections', () => {
  const grid: Grid = [
    ['督导检查记录'],
    ['检查日期', '工号', '姓名', '科室', '检查方式', '扣分', '结果'],
    ['2026-07-01', 'H01', '', '', '现场', 3, ''], // violation 3 on-site
    ['2026-07-02', 'H01', '', '', '监控', '', ''], // blank points = 1, off-site
    ['2026-07-03', 'H01', '', '', '', 0, ''], // 0 points, no result: not a violation
    ['2026-07-04', 'H01', '', '', '暗访', '', '合格'], // not a violation
    ['2026-07-05', 'H02', '', '', '录像', '', '违规'], // violation with default points
    ['2026-07-06', 'H02', '', '', '调取监控', '2分', '不合格'],
    ['2026-07-07', '', '', '门诊', '', 2, ''], // department record
    [],
    ['2026-03-10', 'H01', '', '', '', 4, ''], // earlier in the year: out of period, year to date
    ['2025-12-31', 'H01', '', '', '', 9, ''], // last year: out of period, not in year to date
    ['2026-10-01', 'H01', '', '', '', 9, ''], // after the period
    ['05/07/2026', 'H01', '', '', '', 1, ''], // BAD_DATE
    ['2026-07-08', 'H01', '', '', '', '三', ''], // BAD_NUMBER
    ['2026-07-09', 'X9', '', '', '', 1, ''], // UNKNOWN_PERSON
    ['2026-03-11', 'X9', '', '', '', 1, ''], // out of period: no warning
    [null, null, null, null, null, null, null],
  ];

  function read() {
    const p = period();
    const warnings: Problem[] = [];
    const errors: Problem[] = [];
    const out = readInspections(locateTable('inspections', { sheet: '检查', grid }), roster(), p, yearToDate(p).first, DEFAULT_PARAMETERS, warnings, errors);
    return { out, warnings, errors };
  }

  it('keeps the row accounting of §1', () => {
    const { out, errors } = read();
    assert.deepEqual(errors, []);
    assert.deepEqual(accounting(out.report), [15, 7, 4, 1, 3]);
  });

  it('warns only rows in the period, in the order of §10, with Excel row numbers', () => {
    const { warnings } = read();
    assert.deepEqual(warnings.map((w) => [w.code, w.row, w.column]), [
      ['BAD_DATE', 14, '检查日期'], ['BAD_NUMBER', 15, '扣分'], ['UNKNOWN_PERSON', 16, '工号'],
    ]);
  });

  it('finds the violations, their points and kinds', () => {
    const { out } = read();
    assert.deepEqual(out.violations.map((v) => [v.subject.member?.id ?? v.subject.department, v.points, v.kind, v.row]), [
      ['H01', 3, 'onsite', 3], ['H01', 1, 'offsite', 4], ['H02', 1, 'offsite', 7], ['H02', 2, 'offsite', 8], ['门诊', 2, 'onsite', 9],
    ]);
  });

  it('keeps violations from 1 January on for the annual limits', () => {
    const { out } = read();
    assert.deepEqual(out.yearToDate.map((v) => v.row).sort((a, b) => a - b), [3, 4, 7, 8, 9, 11]);
  });

  it('a row before the period with an unreadable date is rejected, not out of period', () => {
    const p = period();
    const g: Grid = [['日期', '工号'], ['2026/02/30', 'H01'], ['2026-02-28', 'H01']];
    const warnings: Problem[] = [];
    const out = readInspections(locateTable('inspections', { sheet: '检查', grid: g }), roster(), p, yearToDate(p).first, DEFAULT_PARAMETERS, warnings, []);
    assert.deepEqual(accounting(out.report), [2, 0, 1, 0, 1]);
    assert.deepEqual(warnings.map((w) => w.code), ['BAD_DATE']);
  });

  it('reads dates in the 1904 system when the workbook says so', () => {
    const p = period();
    const g: Grid = [['日期', '工号'], [44746, 'H01']];
    const out = readInspections(locateTable('inspections', { sheet: '检查', grid: g, date1904: true }), roster(), p, yearToDate(p).first, DEFAULT_PARAMETERS, [], []);
    assert.equal(out.violations[0]?.day, d(2026, 7, 5));
    const out1900 = readInspections(locateTable('inspections', { sheet: '检查', grid: g }), roster(), p, yearToDate(p).first, DEFAULT_PARAMETERS, [], []);
    assert.deepEqual(accounting(out1900.report), [1, 0, 1, 0, 0]);
  });
});

describe('read: fines and complaints', () => {
  const grid: Grid = [
    ['日期', '工号', '科室', '类型', '严重程度', '金额', '是否有效'],
    ['2026-07-01', 'H01', '', '投诉', '', '', ''], // veto, default 50
    ['2026-07-02', 'H01', '', '', '严重', '', ''], // blank type: complaint, 200
    ['2026-07-03', 'H02', '', '迟到', '', 20, ''], // fine, 20, no AMOUNT_OUT_OF_RANGE
    ['2026-07-04', 'H02', '', '患者投诉', '一般', 300, ''], // AMOUNT_OUT_OF_RANGE, used as written
    ['2026-07-05', 'H02', '', '停车', '', '', ''], // UNKNOWN_TYPE, a fine of 50
    ['2026-07-06', 'H03', '', '投诉', '轻微', '', '不属实'], // invalid: costs nothing
    ['2026-07-07', '', '药房', '通报', '', '', ''], // department record
    ['2026-06-30', 'H01', '', '投诉', '', '', ''], // out of period
    ['2026-07-08', 'H03', '', '罚款', '', '¥1,200', ''], // fine, not warned
  ];

  it('reads types, validity and money', () => {
    const warnings: Problem[] = [];
    const out = readFines(locateTable('fines', { sheet: '投诉', grid }), roster(), period(), DEFAULT_PARAMETERS, warnings, []);
    assert.deepEqual(accounting(out.report), [9, 8, 1, 0, 0]);
    assert.deepEqual(out.fines.map((f) => [f.subject.member?.id ?? f.subject.department, f.isVeto, f.valid, f.yuan]), [
      ['H01', true, true, 50], ['H01', true, true, 200], ['H02', false, true, 20], ['H02', true, true, 300],
      ['H02', false, true, 50], ['H03', true, false, 0], ['药房', true, true, 50], ['H03', false, true, 1200],
    ]);
    assert.deepEqual(warnings.map((w) => [w.code, w.row, w.column]), [['AMOUNT_OUT_OF_RANGE', 5, '金额'], ['UNKNOWN_TYPE', 6, '类型']]);
    assert.deepEqual(warnings.map((w) => w.notCounted), [undefined, undefined], 'both rows are counted');
  });

  it('a row left out says what that means for its person: a complaint no veto, a fine no deduction, a header nothing', () => {
    const left: Grid = [
      ['日期', '工号', '姓名', '类型', '金额', '是否有效'],
      ['7月某日', 'H01', '张三', '投诉', '', ''], // bad date: this complaint does not veto 张三
      ['2026-07-02', 'H02', '李四', '迟到', 'x', ''], // bad amount: this fine does not cost 李四
      ['2026-07-03', 'H09', '闫强', '', '', ''], // not on the roster: a blank type is a complaint
      ['2026-07-04', 'H03', '王五', '投诉', '', '不属实'], // counted (invalid): nothing left out
      ['日期', '工号', '姓名', '类型', '金额', '是否有效'], // a pasted header again
      ['2026-07-05', 'H03', '', '投诉', 'y', '无效'], // bad amount, an invalid complaint: no veto either way; named by id
    ];
    const warnings: Problem[] = [];
    const out = readFines(locateTable('fines', { sheet: '投诉', grid: left }), roster(), period(), DEFAULT_PARAMETERS, warnings, []);
    assert.deepEqual(accounting(out.report), [6, 1, 0, 0, 5]);
    assert.deepEqual(warnings.map((w) => [w.code, w.row, w.notCounted?.zh ?? null]), [
      ['BAD_DATE', 2, '此投诉未计入，张三不会被一票否决'],
      ['BAD_NUMBER', 3, '此罚款未计入，李四的奖金不会因此扣减'],
      ['UNKNOWN_PERSON', 4, '此投诉未计入，闫强不会被一票否决'],
      ['REPEATED_HEADER', 6, '此行未计入'],
      ['BAD_NUMBER', 7, '此罚款未计入，H03的奖金不会因此扣减'],
    ]);
    assert.equal(warnings[0]?.notCounted?.en, 'this complaint is not counted: 张三 will not be vetoed for it');
  });
});

describe('read: praise', () => {
  it('reads praise rows with default points and rejects rows without a person', () => {
    const grid: Grid = [
      ['日期', '姓名', '科室', '来源', '加分'],
      ['2026-07-01', '张三', '', '锦旗', ''],
      ['2026-07-02', '张三', '', '感谢信', 2],
      ['2026-07-03', '', '门诊', '科室反映', 1], // no person: NO_PERSON
      ['2026-01-03', '李四', '', '', 1],
    ];
    const warnings: Problem[] = [];
    const out = readPraise(locateTable('praise', { sheet: '表扬', grid }), roster(), period(), DEFAULT_PARAMETERS, warnings, []);
    assert.deepEqual(accounting(out.report), [4, 2, 1, 0, 1]);
    assert.deepEqual(out.praise.map((p) => [p.member.id, p.points, p.sourceText]), [['H01', 1, '锦旗'], ['H01', 2, '感谢信']]);
    assert.deepEqual(warnings.map((w) => [w.code, w.row]), [['NO_PERSON', 4]]);
  });
});

describe('read: satisfaction', () => {
  it('reads months, counts and rates', () => {
    const grid: Grid = [
      ['月份', '工号', '评价数', '满意数', '满意率', '服务人次'],
      ['2026-07', 'H01', 100, 95, '', 110],
      ['2026年8月', 'H01', '', '', '97%', ''],
      [9, 'H02', '', '', 0.9, ''],
      ['2026-06', 'H01', 100, 100, '', ''],
      ['2026Q3', 'H01', 100, 100, '', ''], // not a month: BAD_DATE
      ['2026-09', 'H01', 'many', 100, '', ''], // BAD_NUMBER
    ];
    const warnings: Problem[] = [];
    const out = readSatisfaction(locateTable('satisfaction', { sheet: '满意度', grid }), roster(), period(), warnings, []);
    assert.deepEqual(accounting(out.report), [6, 3, 1, 0, 2]);
    assert.deepEqual(out.satisfaction.map((s) => [s.member.id, s.month, s.evaluations, s.satisfied, s.rate, s.served]), [
      ['H01', '2026-07', 100, 95, null, 110], ['H01', '2026-08', null, null, 0.97, null], ['H02', '2026-09', null, null, 0.9, null],
    ]);
    assert.deepEqual(warnings.map((w) => [w.code, w.row]), [['BAD_DATE', 6], ['BAD_NUMBER', 7]]);
  });
});

describe('read: recommendations', () => {
  it('keeps the rows of the period', () => {
    const grid: Grid = [
      ['季度', '姓名', '科室'],
      ['2026Q3', '张三', ''],
      ['2026年第三季度', '王五', '药房'],
      ['2026Q2', '李四', ''],
      ['2026-08-01', '李四', ''], // a date: that day, in the period
      ['下季度', '李四', ''], // BAD_DATE
    ];
    const warnings: Problem[] = [];
    const out = readRecommendations(locateTable('recommendations', { sheet: '推荐', grid }), roster(), period(), warnings, []);
    assert.deepEqual(accounting(out.report), [5, 3, 1, 0, 1]);
    assert.deepEqual(out.recommendations.map((r) => r.member.id), ['H01', 'H03', 'H02']);
    assert.deepEqual(warnings.map((w) => [w.code, w.row]), [['BAD_DATE', 6]]);
  });
});

describe('read: history of winners', () => {
  it('counts wins in the year other than this period\'s own block', () => {
    const grid: Grid = [
      ['期间', '工号', '姓名', '科室', '状态'],
      ['2026Q1', 'H01', '张三', '门诊', 'winner'],
      ['2026Q2', 'H01', '张三', '门诊', 'tie'], // not a win, but used
      ['2026Q3', 'H01', '张三', '门诊', 'winner'], // this period: replaced by the run
      ['2025Q4', 'H01', '张三', '门诊', 'winner'], // another year
      ['2026Q2', '', '李四', '门诊', '获奖'],
    ];
    const out = readHistory(locateTable('history', { sheet: '获奖记录', grid }), period(), [], []);
    assert.deepEqual(accounting(out.report), [5, 3, 2, 0, 0]);
    assert.deepEqual(out.wins.map((w) => [w.periodId, w.personKey]), [['2026Q1', 'h01'], ['2026Q2', '李四']]);
  });
});

describe('read: one verdict per row, the accounting counted from them (§1)', () => {
  it('accounting: rows is the number of verdicts, each counter the number of its verdict', () => {
    assert.deepEqual(verdictCounts(['used', 'rejected', 'used', 'skippedBlank', 'outOfPeriod']),
      { rows: 5, used: 2, outOfPeriod: 1, skippedBlank: 1, rejected: 1 });
    assert.deepEqual(verdictCounts([]), { rows: 0, used: 0, outOfPeriod: 0, skippedBlank: 0, rejected: 0 });
  });

  it('each row of a messy table gets its verdict, in sheet and row order, trailing blank rows not counted', () => {
    const grid: Grid = [
      ['督导检查记录（2026年第三季度）'], // a title line above the header: not a row
      ['日期', '工号', '姓名', '扣分'],
      ['2026-07-01', 'H01', '张三', 1], // used
      [null, '', '  '], // blank
      ['小计', null, null, 1], // subtotal line
      ['2026-07-02', '同上', '同上', 2], // ditto: H01 张三, used
      ['日期', '工号', '姓名', '扣分'], // a pasted header again
      ['2026-04-01', 'H02', '李四', 1], // before the period, in the year
      ['2026-07-03', 'X9', '', 1], // not on the roster
      ['月初', 'H01', '', 1], // no date to read
      ['2026-07-04', 'H03', '王五', '三'], // no number
      ['2026-07-05', 'H03', '王五', null], // used (blank points: the default)
      [], [null, ''], // trailing blanks
    ];
    const merges: MergedRange[] = [{ top: 0, left: 0, bottom: 0, right: 3 }];
    const p = period();
    const out = readInspections(locateTable('inspections', { sheet: '检查', grid, merges }), roster(), p, yearToDate(p).first, DEFAULT_PARAMETERS, [], []);
    const expected: Verdict[] = ['used', 'skippedBlank', 'skippedBlank', 'used', 'rejected', 'outOfPeriod', 'rejected', 'rejected', 'rejected', 'used'];
    assert.deepEqual(out.verdicts, expected);
    assert.deepEqual(accounting(out.report), [10, 3, 1, 2, 4]);
  });

  it('a formula without a value is rejected at its row, and is a row even as the last one', () => {
    const grid: Grid = [['日期', '姓名', '金额'], ['2026-07-01', '张三', 50], ['2026-07-02', '李四', null]];
    const out = readFines(locateTable('fines', { sheet: '投诉', grid, formulasWithoutValue: [{ row: 3, column: 2 }] }), roster(), period(), DEFAULT_PARAMETERS, [], []);
    assert.deepEqual(out.verdicts, ['used', 'used', 'rejected']);
  });

  it('a table of several sheets: the verdicts of each sheet in turn, one accounting', () => {
    const july: Grid = [['日期', '姓名'], ['2026-07-01', '张三'], []];
    const august: Grid = [['日期', '姓名'], ['2026-08-01', '李四'], ['2026-01-01', '王五']];
    const out = readPraise(locateTable('praise', { sheet: '7月表扬', grid: july, moreSheets: [{ sheet: '8月表扬', grid: august }] }),
      roster(), period(), DEFAULT_PARAMETERS, [], []);
    assert.deepEqual(out.verdicts, ['used', 'used', 'outOfPeriod']);
    assert.deepEqual(accounting(out.report), [3, 2, 1, 0, 0]);
  });

  /** Cells an office writes in a fines table: good and bad dates, people on and off the roster, amounts, dittos, lines. */
  const messyCell: fc.Arbitrary<Cell> = fc.oneof(
    fc.constantFrom<Cell>(null, '', ' ', '同上', '〃', '小计', '合计', '日期', '姓名', '金额'),
    fc.constantFrom<Cell>('2026-07-01', '2026-09-30', '2026-10-01', '2026-03-01', '7月5日', 46208, 'not a date', new Date(Date.UTC(2026, 7, 1))),
    fc.constantFrom<Cell>('张三', '李四', '王五', 'H01', 'X9', '门诊', '药房', '罚款', '投诉', '无效'),
    fc.integer({ min: -100, max: 300 }),
    fc.string({ maxLength: 4 }),
  );
  const messyTable = fc.record({
    rows: fc.array(fc.array(messyCell, { maxLength: 5 }), { maxLength: 25 }),
    formulas: fc.array(fc.nat({ max: 30 }), { maxLength: 3 }),
    merge: fc.option(fc.record({ top: fc.nat({ max: 25 }), height: fc.nat({ max: 3 }), width: fc.nat({ max: 3 }) })),
  });

  it('property: every data row has one verdict, the counters are their counts, used = the records read', () => {
    fc.assert(fc.property(messyTable, ({ rows, formulas, merge }) => {
      const grid: Grid = [['日期', '姓名', '类型', '金额', '是否有效'], ...rows];
      const merges: MergedRange[] = merge ? [{ top: merge.top + 1, left: 0, bottom: merge.top + 1 + merge.height, right: merge.width }] : [];
      const formulasWithoutValue = formulas.map((r) => ({ row: r + 1, column: 1 }));
      const out = readFines(locateTable('fines', { sheet: '投诉', grid, merges, formulasWithoutValue }), roster(), period(), DEFAULT_PARAMETERS, [], []);
      assert.ok(out.report);
      // The data rows, counted here on their own: after the header, up to the last row with a value or a formula without one.
      let end = grid.length;
      const laidOut = locateTable('fines', { sheet: '投诉', grid, merges }).sheets[0];
      const cellsOf = (i: number) => (laidOut && 'at' in laidOut ? laidOut.at.grid[i] : grid[i]) ?? [];
      while (end > 1 && cellsOf(end - 1).every((c) => c === null || c === undefined || (typeof c === 'string' && c.trim() === ''))) end--;
      for (const f of formulasWithoutValue) if (f.row >= end) end = f.row + 1;
      assert.equal(out.verdicts.length, end - 1, 'one verdict per data row');
      const r = out.report;
      assert.equal(r.rows, r.used + r.outOfPeriod + r.skippedBlank + r.rejected, 'rows = used + outOfPeriod + skippedBlank + rejected');
      for (const v of ['used', 'outOfPeriod', 'skippedBlank', 'rejected'] as const) assert.equal(r[v], out.verdicts.filter((x) => x === v).length, v);
      assert.equal(r.used, out.fines.length, 'a used row is a record');
      assert.deepEqual(out.fines.map((f) => f.row), out.verdicts.flatMap((v, i) => (v === 'used' ? [i + 2] : [])), 'at the rows judged used');
    }), { numRuns: 300 });
  });
});
