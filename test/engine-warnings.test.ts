/**
 * One small fixture per warning code of §1/§10: the code, the table, the Excel row number (a title
 * row sits above every header, so row numbers are not grid indexes), a message in Chinese and in
 * English that names the sheet and the row, and the row's accounting bucket (used or rejected).
 */
import { strict as assert } from 'node:assert';
import type { Problem, ProblemCode } from '../src/engine/messages';
import type { TableReport } from '../src/engine/records';
import { runSelection, type SelectionOutcome } from '../src/engine/select';
import type { Grid, TableInput, TableKey } from '../src/engine/types';

const STAFF: Grid = [
  ['2026年窗口人员名单'],
  ['工号', '姓名', '科室'],
  ['H01', '张三', '门诊'],
  ['H02', '王芳', '门诊'],
  ['H03', '王芳', '药房'],
];

const SHEETS: Record<TableKey, string> = {
  staff: '人员名单',
  inspections: 'Inspections 2026',
  fines: '投诉及处罚记录',
  praise: '表扬记录',
  satisfaction: 'Satisfaction',
  recommendations: '推荐名单',
  decisions: '评选小组裁定',
  history: '获奖记录',
};

function select(tables: Partial<Record<TableKey, Grid>>, extra: Partial<Record<TableKey, Partial<TableInput>>> = {}): SelectionOutcome {
  const input: Partial<Record<TableKey, TableInput>> = { staff: { sheet: SHEETS.staff, grid: STAFF } };
  for (const [key, grid] of Object.entries(tables) as [TableKey, Grid][]) input[key] = { sheet: SHEETS[key], grid, ...extra[key] };
  return runSelection({ period: '2026Q3', tables: input });
}

function report(reports: readonly TableReport[], table: TableKey): number[] {
  const r = reports.find((x) => x.table === table);
  assert.ok(r, `no report for ${table}`);
  assert.equal(r.rows, r.used + r.outOfPeriod + r.skippedBlank + r.rejected, `rows = used + outOfPeriod + skippedBlank + rejected (${table})`);
  return [r.rows, r.used, r.outOfPeriod, r.skippedBlank, r.rejected];
}

/** The one problem of a code, with its location and both messages checked. */
function located(problems: readonly Problem[], code: ProblemCode, table: TableKey, row: number | null): Problem {
  const found = problems.filter((p) => p.code === code);
  assert.equal(found.length, 1, `exactly one ${code} in ${JSON.stringify(problems.map((p) => p.code))}`);
  const p = found[0] as Problem;
  const sheet = SHEETS[table];
  assert.deepEqual([p.table, p.sheet, p.row], [table, sheet, row]);
  const zhAt = row === null ? sheet : `${sheet} 第${row}行`;
  const enAt = row === null ? sheet : `${sheet} row ${row}`;
  assert.ok(p.message.zh.startsWith(zhAt), `zh names the sheet and row: ${p.message.zh}`);
  assert.ok(p.message.en.startsWith(enAt), `en names the sheet and row: ${p.message.en}`);
  const zhText = p.message.zh.slice(p.message.zh.indexOf('：') + 1);
  const enText = p.message.en.slice(p.message.en.indexOf(': ') + 2);
  assert.match(zhText, /[\u4e00-\u9fff]/u, `Chinese text: ${p.message.zh}`);
  assert.match(enText, /[a-z]{3,}/u, `English text: ${p.message.en}`);
  return p;
}

function ok(out: SelectionOutcome) {
  assert.ok(out.ok, JSON.stringify(!out.ok && out.errors));
  return out.result;
}

describe('engine warnings: one fixture per code (§1, §10)', () => {
  it('BAD_DATE: an ambiguous day-first date rejects the row', () => {
    const r = ok(select({
      inspections: [['督导检查记录（2026年第三季度）'], ['日期', '工号', '扣分'], ['2026-07-01', 'H01', 1], ['05/07/2026', 'H01', 1]],
    }));
    const p = located(r.warnings, 'BAD_DATE', 'inspections', 4);
    assert.equal(p.column, '日期');
    assert.match(p.message.zh, /05\/07\/2026/u);
    assert.deepEqual(report(r.inputs, 'inspections'), [2, 1, 0, 0, 1]);
  });

  it('BAD_DATE: a blank date rejects the row', () => {
    const r = ok(select({ fines: [['投诉记录'], ['日期', '工号', '类型'], ['', 'H01', '罚款']] }));
    located(r.warnings, 'BAD_DATE', 'fines', 3);
    assert.deepEqual(report(r.inputs, 'fines'), [1, 0, 0, 0, 1]);
  });

  it('BAD_NUMBER: an unreadable amount rejects the row', () => {
    const r = ok(select({ fines: [['投诉记录'], [], ['日期', '工号', '类型', '金额'], ['2026-07-01', 'H01', '罚款', '五十元']] }));
    const p = located(r.warnings, 'BAD_NUMBER', 'fines', 4);
    assert.equal(p.column, '金额');
    assert.deepEqual(report(r.inputs, 'fines'), [1, 0, 0, 0, 1]);
  });

  it('BAD_NUMBER: numbers are checked before the period, so an out-of-period row is still rejected', () => {
    const r = ok(select({ praise: [['表扬'], ['日期', '工号', '加分'], ['2026-01-05', 'H01', 'x']] }));
    located(r.warnings, 'BAD_NUMBER', 'praise', 3);
    assert.deepEqual(report(r.inputs, 'praise'), [1, 0, 0, 0, 1]);
  });

  it('AMBIGUOUS_NAME: a shared name without a telling department rejects the row', () => {
    const r = ok(select({ praise: [['表扬记录'], ['日期', '姓名', '来源'], ['2026-07-01', '王芳', '锦旗'], ['2026-07-02', '王芳', '锦旗']] }));
    // both rows are ambiguous
    const found = r.warnings.filter((w) => w.code === 'AMBIGUOUS_NAME');
    assert.deepEqual(found.map((w) => w.row), [3, 4]);
    assert.match(found[0]?.message.zh ?? '', /H02、H03/u);
    assert.deepEqual(report(r.inputs, 'praise'), [2, 0, 0, 0, 2]);
  });

  it('AMBIGUOUS_NAME: one row, the department resolves the other', () => {
    const r = ok(select({ praise: [['表扬记录'], ['日期', '姓名', '科室'], ['2026-07-01', '王芳', '药房'], ['2026-07-02', '王芳', '']] }));
    located(r.warnings, 'AMBIGUOUS_NAME', 'praise', 4);
    assert.deepEqual(report(r.inputs, 'praise'), [2, 1, 0, 0, 1]);
    assert.equal(r.people.find((p) => p.member.id === 'H03')?.praise.length, 1);
  });

  it('UNKNOWN_PERSON: a name not on the roster rejects the row', () => {
    const r = ok(select({ satisfaction: [['满意度'], ['月份', '姓名', '满意率'], ['2026-07', '孙八', '99%'], ['2026-07', '张三', '99%']] }));
    const p = located(r.warnings, 'UNKNOWN_PERSON', 'satisfaction', 3);
    assert.match(p.message.zh, /孙八/u);
    assert.deepEqual(report(r.inputs, 'satisfaction'), [2, 1, 0, 0, 1]);
  });

  it('UNKNOWN_PERSON: an out-of-period row is not warned (§10)', () => {
    const r = ok(select({ satisfaction: [['满意度'], ['月份', '姓名', '满意率'], ['2026-04', '孙八', '99%']] }));
    assert.deepEqual(r.warnings, []);
    assert.deepEqual(report(r.inputs, 'satisfaction'), [1, 0, 1, 0, 0]);
  });

  it('NAME_MISMATCH: the id wins, the row is used', () => {
    const r = ok(select({ inspections: [['督导检查'], ['日期', '工号', '姓名', '扣分'], ['2026-07-01', 'H01', '李四', 2]] }));
    const p = located(r.warnings, 'NAME_MISMATCH', 'inspections', 3);
    assert.match(p.message.zh, /张三/u);
    assert.match(p.message.zh, /李四/u);
    assert.deepEqual(report(r.inputs, 'inspections'), [1, 1, 0, 0, 0]);
    assert.equal(r.people.find((x) => x.member.id === 'H01')?.score, 98);
  });

  it('DUPLICATE_ID: an error that stops the run, naming both rows', () => {
    const staff: Grid = [['名单'], ['工号', '姓名', '科室'], ['H01', '张三', '门诊'], ['H02', '李四', '门诊'], ['h01', '王五', '药房']];
    const out = runSelection({ period: '2026Q3', tables: { staff: { sheet: SHEETS.staff, grid: staff } } });
    assert.equal(out.ok, false);
    if (out.ok) return;
    const p = located(out.errors, 'DUPLICATE_ID', 'staff', 5);
    assert.equal(p.column, '工号');
    assert.match(p.message.zh, /3、5/u);
    assert.match(p.message.en, /3, 5/u);
    report(out.inputs, 'staff');
  });

  it('MISSING_COLUMN: an error that stops the run, naming the sheet, the header row below the title, and the column', () => {
    const out = select({ fines: [['投诉记录'], ['工号', '类型', '金额'], ['H01', '投诉', 50]] });
    assert.equal(out.ok, false);
    if (out.ok) return;
    const p = located(out.errors, 'MISSING_COLUMN', 'fines', 2);
    assert.match(p.message.zh, /日期/u);
    assert.match(p.message.en, /date/u);
    assert.equal(out.inputs.some((i) => i.table === 'fines'), false);
  });

  it('UNKNOWN_TYPE: a fine, warned, the row is used', () => {
    const r = ok(select({ fines: [['投诉记录'], ['日期', '工号', '类型'], ['2026-07-01', 'H01', '乱停车']] }));
    const p = located(r.warnings, 'UNKNOWN_TYPE', 'fines', 3);
    assert.equal(p.column, '类型');
    assert.deepEqual(report(r.inputs, 'fines'), [1, 1, 0, 0, 0]);
    assert.deepEqual(r.people.find((x) => x.member.id === 'H01')?.vetoes, []);
    assert.equal(r.deductions[0]?.complaintYuan, 50);
  });

  it('AMOUNT_OUT_OF_RANGE: a veto-type amount outside 50–200, used as written', () => {
    const r = ok(select({ fines: [['投诉记录'], ['日期', '工号', '类型', '金额'], ['2026-07-01', 'H01', '投诉', 500], ['2026-07-01', 'H02', '迟到', 20]] }));
    const p = located(r.warnings, 'AMOUNT_OUT_OF_RANGE', 'fines', 3);
    assert.equal(p.column, '金额');
    assert.deepEqual(report(r.inputs, 'fines'), [2, 2, 0, 0, 0]);
    assert.deepEqual(r.deductions.map((d) => d.complaintYuan), [500, 20]);
  });

  it('MISSING_ID: a staff row without an id is rejected', () => {
    const staff: Grid = [['名单'], ['工号', '姓名', '科室'], ['H01', '张三', '门诊'], ['  ', '李四', '门诊']];
    const r = ok(runSelection({ period: '2026Q3', tables: { staff: { sheet: SHEETS.staff, grid: staff } } }));
    const p = located(r.warnings, 'MISSING_ID', 'staff', 4);
    assert.equal(p.column, '工号');
    assert.deepEqual(report(r.inputs, 'staff'), [2, 1, 0, 0, 1]);
    assert.deepEqual(r.people.map((x) => x.member.id), ['H01']);
  });

  it('NO_PERSON: a row naming neither person nor department is rejected', () => {
    const r = ok(select({ inspections: [['督导检查'], ['日期', '工号', '姓名', '科室', '扣分'], ['2026-07-01', '', '', '', 2]] }));
    located(r.warnings, 'NO_PERSON', 'inspections', 3);
    assert.deepEqual(report(r.inputs, 'inspections'), [1, 0, 0, 0, 1]);
  });

  it('NO_PERSON: a department-only praise row is rejected (praise needs a person)', () => {
    const r = ok(select({ praise: [['表扬记录'], ['日期', '姓名', '科室'], ['2026-07-01', '', '门诊']] }));
    located(r.warnings, 'NO_PERSON', 'praise', 3);
    assert.deepEqual(report(r.inputs, 'praise'), [1, 0, 0, 0, 1]);
  });

  it('UNKNOWN_DEPARTMENT: a department-only row for a department not on the roster is rejected', () => {
    const r = ok(select({ fines: [['投诉记录'], ['日期', '科室', '类型'], ['2026-07-01', '放射科', '通报'], ['2026-07-01', '门 诊', '通报']] }));
    const p = located(r.warnings, 'UNKNOWN_DEPARTMENT', 'fines', 3);
    assert.match(p.message.zh, /放射科/u);
    assert.deepEqual(report(r.inputs, 'fines'), [2, 1, 0, 0, 1]);
    assert.deepEqual(r.departments.map((d) => [d.department, d.vetoed]), [['门诊', true], ['药房', false]]);
  });

  it('REPEATED_HEADER: a header row pasted mid-sheet is rejected, and the run goes on', () => {
    const r = ok(select({
      praise: [['表扬记录'], ['日期', '工号', '来源'], ['2026-07-01', 'H01', '锦旗'], ['日期', '工号', '来源'], ['2026-07-02', 'H01', '感谢信']],
    }));
    located(r.warnings, 'REPEATED_HEADER', 'praise', 4);
    assert.deepEqual(report(r.inputs, 'praise'), [3, 2, 0, 0, 1]);
    assert.equal(r.people.find((x) => x.member.id === 'H01')?.praise.length, 2);
  });

  it('row numbers follow the used range when it starts below row 1', () => {
    const r = ok(select(
      { inspections: [['督导检查'], ['日期', '工号', '扣分'], ['2026-07-01', 'H01', 'abc']] },
      { inspections: { firstRow: 6 } },
    ));
    located(r.warnings, 'BAD_NUMBER', 'inspections', 8);
  });

  it('every rejected row has a warning with its sheet and row (§1: nothing is lost)', () => {
    const r = ok(select({
      inspections: [['督导检查'], ['日期', '工号', '姓名', '科室', '扣分'],
        ['bad', 'H01', '', '', 1], ['2026-07-01', 'H01', '', '', 'x'], ['2026-07-01', 'X', '', '', 1], ['2026-07-01', '', '王芳', '', 1],
        ['2026-07-01', '', '', '', 1], ['2026-07-01', '', '', '放射科', 1], ['日期', '工号', '姓名', '科室', '扣分'], ['2026-07-01', 'H01', '', '', 1]],
    }));
    const acc = report(r.inputs, 'inspections');
    assert.deepEqual(acc, [8, 1, 0, 0, 7]);
    assert.deepEqual(r.warnings.map((w) => [w.code, w.table, w.row]).sort((a, b) => (a[2] as number) - (b[2] as number)), [
      ['BAD_DATE', 'inspections', 3], ['BAD_NUMBER', 'inspections', 4], ['UNKNOWN_PERSON', 'inspections', 5],
      ['AMBIGUOUS_NAME', 'inspections', 6], ['NO_PERSON', 'inspections', 7], ['UNKNOWN_DEPARTMENT', 'inspections', 8],
      ['REPEATED_HEADER', 'inspections', 9],
    ]);
  });
});
