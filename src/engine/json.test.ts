import { strict as assert } from 'assert';
import { resultJson, warningJson } from './json';
import { messages } from './messages';
import { runSelection } from './select';
import type { Grid } from './types';

const STAFF: Grid = [
  ['工号', '姓名', '科室'],
  [8003, '张三', '门诊'],
  [8004, '李四', '门诊'],
  ['H05', '王五', '药房'],
];

function json(period = '2026年第三季度', lang: 'zh' | 'en' = 'zh') {
  const out = runSelection({
    period,
    tables: {
      staff: { sheet: '人员', grid: STAFF },
      inspections: { sheet: '检查', grid: [['日期', '工号', '检查方式', '扣分'], ['2026-07-01', 8003, '现场', 3], ['2026-07-02', '8003', '监控', 2], ['2026-07-03', '', '', '']] },
      fines: { sheet: '投诉', grid: [['日期', '姓名', '类型'], ['2026-08-01', '王五', '投诉']] },
      satisfaction: { sheet: '满意度', grid: [['月份', '工号', '评价数', '满意数'], ['2026-07', 8004, 200, 194]] },
    },
  });
  assert.ok(out.ok);
  return resultJson(out.result, lang);
}

describe('json: the §8 object', () => {
  it('has exactly the top-level fields of §8', () => {
    assert.deepEqual(Object.keys(json()), ['period', 'scheme', 'people', 'winners', 'departments', 'deductions', 'inputs', 'warnings', 'decisions', 'publicity', 'changes']);
  });

  it('writes the period in canonical form and the scheme id', () => {
    const j = json();
    assert.equal(j.period, '2026Q3');
    assert.equal(j.scheme, 'smile-star-quarterly');
  });

  it('people rows: field names and values; ids as strings; satisfaction a fraction or null', () => {
    const j = json();
    assert.deepEqual(j.people, [
      { id: '8003', name: '张三', department: '门诊', violations: 2, onsitePoints: 3, offsitePoints: 2, praise: 0, satisfaction: null, score: 95, eligible: true, vetoes: [], status: 'candidate', decision: null },
      { id: '8004', name: '李四', department: '门诊', violations: 0, onsitePoints: 0, offsitePoints: 0, praise: 0, satisfaction: 0.97, score: 100, eligible: true, vetoes: [], status: 'winner', decision: null },
      { id: 'H05', name: '王五', department: '药房', violations: 0, onsitePoints: 0, offsitePoints: 0, praise: 0, satisfaction: null, score: 100, eligible: false, vetoes: ['COMPLAINT'], status: 'vetoed', decision: null },
    ]);
  });

  it('winners, departments and deductions rows', () => {
    const j = json();
    assert.deepEqual(j.winners, [
      { department: '门诊', id: '8004', name: '李四', score: 100, status: 'winner', awardYuan: 100, decided: false },
      { department: '药房', id: null, name: null, score: null, status: 'vacant', awardYuan: 0, decided: false },
    ]);
    assert.deepEqual(j.departments, [
      { department: '门诊', score: 97.5, vetoed: false, status: 'ranked', awardYuan: 0, decision: null },
      { department: '药房', score: 100, vetoed: true, status: 'vetoed', awardYuan: 0, decision: null },
    ]);
    assert.deepEqual(j.deductions, [
      { id: '8003', department: '门诊', month: '2026-07', violations: 2, violationYuan: 20, complaints: 0, complaintYuan: 0, totalYuan: 20 },
      { id: 'H05', department: '药房', month: '2026-08', violations: 0, violationYuan: 0, complaints: 1, complaintYuan: 50, totalYuan: 50 },
    ]);
  });

  it('inputs rows carry the table key and row accounting, exactly the §8 fields', () => {
    assert.deepEqual(json().inputs, [
      { table: 'staff', rows: 3, used: 3, outOfPeriod: 0, skippedBlank: 0, rejected: 0 },
      { table: 'inspections', rows: 3, used: 2, outOfPeriod: 0, skippedBlank: 0, rejected: 1 },
      { table: 'fines', rows: 1, used: 1, outOfPeriod: 0, skippedBlank: 0, rejected: 0 },
      { table: 'satisfaction', rows: 1, used: 1, outOfPeriod: 0, skippedBlank: 0, rejected: 0 },
    ]);
  });

  it('warnings carry code, table, row and a message in the chosen language', () => {
    const zh = json('2026Q3', 'zh').warnings;
    const en = json('2026Q3', 'en').warnings;
    assert.deepEqual(zh.map((w) => [w.code, w.table, w.row]), [['NO_PERSON', 'inspections', 4]]);
    assert.equal(zh[0]?.message, '检查 第4行：未写明人员或科室');
    assert.equal(en[0]?.message, '检查 row 4: the row names neither a person nor a department');
  });

  it('is plain JSON (survives a round trip unchanged)', () => {
    const j = json();
    assert.deepEqual(JSON.parse(JSON.stringify(j)), j);
  });

  it('warningJson copies a problem', () => {
    const w = messages.badNumber({ table: 'praise', sheet: '表扬', row: 9, column: '加分' }, 'x');
    assert.deepEqual(warningJson(w, 'en'), { code: 'BAD_NUMBER', table: 'praise', row: 9, message: '表扬 row 9 column "加分": "x" is not a number' });
  });
});
