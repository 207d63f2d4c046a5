import { strict as assert } from 'assert';
import {
  aliasesOf, fieldsOf, findHeader, HEADER_SEARCH_ROWS, headerKey, isRepeatedHeader, kindColumns, lookalikeHeaders, matchRow, missingFields,
  type HeaderMatch,
} from './headers';
import { runSelection } from './select';
import type { Cell, Grid, TableInput } from './types';

function found(result: ReturnType<typeof findHeader>): HeaderMatch {
  assert.ok('columns' in result, `header not found: ${JSON.stringify(result)}`);
  return result;
}

describe('headers: alias matching (§1, §10)', () => {
  it('matches Chinese aliases in any column order', () => {
    const m = found(findHeader('staff', [['科室', '姓名', '工号', '岗位', '在岗状态', '上岗日期']]));
    assert.deepEqual(m.columns, { department: 0, name: 1, id: 2, post: 3, active: 4, windowSince: 5 });
    assert.equal(m.headerIndex, 0);
  });

  it('matches after NFKC, removing all white space and case-folding', () => {
    const m = found(findHeader('staff', [['ＩＤ', '姓 名', ' 部　门 ']]));
    assert.deepEqual(m.columns, { id: 0, name: 1, department: 2 });
    assert.deepEqual(m.headers, { id: 'ＩＤ', name: '姓 名', department: '部　门' });
  });

  it('accepts the English field names, in any case', () => {
    const m = found(findHeader('inspections', [['Date', 'ID', 'NAME', 'Department', 'Item', 'KIND', 'points', 'Result']]));
    assert.deepEqual(m.columns, { date: 0, id: 1, name: 2, department: 3, item: 4, kind: 5, points: 6, result: 7 });
    const f = found(findHeader('fines', [['date', 'name', 'Type', 'Severity', 'Amount', 'Valid', 'Reason']]));
    assert.deepEqual(f.columns, { date: 0, name: 1, type: 2, severity: 3, amount: 4, valid: 5, reason: 6 });
    const s = found(findHeader('satisfaction', [['Month', 'Name', 'Evaluations', 'Satisfied', 'Rate', 'Served']]));
    assert.deepEqual(s.columns, { month: 0, name: 1, evaluations: 2, satisfied: 3, rate: 4, served: 5 });
    const r = found(findHeader('recommendations', [['Period', 'id']]));
    assert.deepEqual(r.columns, { period: 0, id: 1 });
    const st = found(findHeader('staff', [['Id', 'Name', 'Department', 'Post', 'Active', 'Start date']]));
    assert.deepEqual(st.columns, { id: 0, name: 1, department: 2, post: 3, active: 4, windowSince: 5 });
    const p = found(findHeader('praise', [['Date', 'Name', 'Source', 'Points']]));
    assert.deepEqual(p.columns, { date: 0, name: 1, source: 2, points: 3 });
  });

  it('accepts every alias of §1 for the staff and record columns', () => {
    for (const [header, field] of [['员工编号', 'id'], ['职工号', 'id'], ['编号', 'id'], ['名字', 'name'], ['窗口', 'department'],
      ['所在科室', 'department'], ['部门', 'department']] as const) {
      const row = ['工号', '姓名', '科室'].map((h) => (fieldOf(h) === field ? header : h));
      assert.equal(found(findHeader('staff', [row])).columns[field], row.indexOf(header), header);
    }
    assert.equal(found(findHeader('inspections', [['检查日期', '工号', '检查方式', '分值', '违规内容']])).columns.points, 3);
    assert.equal(found(findHeader('fines', [['日期', '姓名', '情节', '罚款金额', '核实', '说明']])).columns.severity, 2);
    assert.equal(found(findHeader('satisfaction', [['月份', '姓名', '参评数', '满意数', '满意率', '服务人次']])).columns.evaluations, 2);
    assert.equal(found(findHeader('recommendations', [['季度', '姓名']])).columns.period, 0);
  });

  it('accepts 加分 as praise points, but only in the praise table', () => {
    assert.equal(found(findHeader('praise', [['日期', '姓名', '来源', '加分']])).columns.points, 3);
    assert.equal(found(findHeader('inspections', [['日期', '姓名', '加分']])).columns.points, undefined);
    assert.ok(aliasesOf('praise', 'points').includes('加分'));
    assert.ok(!aliasesOf('inspections', 'points').includes('加分'));
  });

  it('needs the whole cell to equal an alias, but for a trailing bracketed unit or note (§11)', () => {
    assert.deepEqual(matchRow('staff', ['工号码', '姓名(中文)', '科室']), { name: 1, department: 2 });
    assert.deepEqual(matchRow('staff', ['(工号)', '姓名备注', '科室']), { department: 2 });
  });

  it('ignores a trailing unit or note in brackets (§11)', () => {
    assert.equal(found(findHeader('inspections', [['日期', '姓名', '扣分（分）']])).columns.points, 2);
    assert.equal(found(findHeader('fines', [['日期', '姓名', '金额(元)']])).columns.amount, 2);
    assert.equal(found(findHeader('satisfaction', [['月份', '姓名', '满意率（%）', '评价数[次]']])).columns.rate, 2);
    assert.equal(found(findHeader('fines', [['日期', '姓名', '是否有效（填是/否）']])).columns.valid, 2);
    assert.equal(found(findHeader('fines', [['日期', '姓名', '【金额】']])).columns.amount, undefined);
    assert.equal(headerKey('扣分【分】'), '扣分');
  });

  it('names unmapped headers that look like a field (§11)', () => {
    const row = ['日期', '姓名', '本月扣分', '检查', '备注', 'Paid'];
    const columns = matchRow('inspections', row);
    assert.deepEqual(lookalikeHeaders('inspections', row, columns, new Set()).map((l) => [l.header, l.field]), [['本月扣分', 'points'], ['检查', 'item']]);
    assert.deepEqual(lookalikeHeaders('inspections', ['日期', '姓名', '扣分', '扣分说明'], matchRow('inspections', ['日期', '姓名', '扣分', '扣分说明']), new Set()), []);
  });

  it('finds points in one column per kind when there is no points column (§11)', () => {
    const row = ['日期', '姓名', '现场', '暗访', '调取监控（分）'];
    assert.deepEqual(kindColumns('inspections', row, matchRow('inspections', row)).map((k) => [k.index, k.kind]), [[2, 'onsite'], [3, 'onsite'], [4, 'offsite']]);
    assert.deepEqual(kindColumns('inspections', ['日期', '姓名', '扣分', '现场'], matchRow('inspections', ['日期', '姓名', '扣分', '现场'])), []);
    assert.deepEqual(kindColumns('fines', row, matchRow('fines', row)), []);
  });

  it('does not map one column to two fields', () => {
    // 状态 is an alias of active; in the history table also of status.
    const m = found(findHeader('history', [['期间', '工号', '姓名', '科室', '状态']]));
    assert.deepEqual(m.columns, { period: 0, id: 1, name: 2, department: 3, status: 4 });
  });

  it('lists the fields of each table', () => {
    assert.deepEqual(fieldsOf('staff'), ['id', 'name', 'department', 'post', 'active', 'windowSince']);
    assert.deepEqual(missingFields('staff', { id: 0 }), ['name', 'department']);
    assert.deepEqual(missingFields('inspections', { date: 0, department: 3 }), []);
    assert.deepEqual(missingFields('inspections', { date: 0 }), ['id', 'name', 'department']);
  });
});

function fieldOf(header: string): string {
  return header === '工号' ? 'id' : header === '姓名' ? 'name' : 'department';
}

describe('headers: where the header row is (§10)', () => {
  it('skips title rows and blank rows above the header', () => {
    const grid: Grid = [
      ['2026年第三季度 窗口人员花名册', null, null],
      [],
      [null, '', '  '],
      ['工号', '姓名', '科室'],
      ['H01', '张三', '门诊'],
    ];
    const m = found(findHeader('staff', grid));
    assert.equal(m.headerIndex, 3);
  });

  it('takes the first row that holds every required column', () => {
    const grid: Grid = [
      ['工号', '姓名'], // not all required columns
      ['工号', '姓名', '科室'],
      ['工号', '姓名', '科室'],
    ];
    assert.equal(found(findHeader('staff', grid)).headerIndex, 1);
  });

  it(`finds a header on row ${HEADER_SEARCH_ROWS} but not on row ${HEADER_SEARCH_ROWS + 1}`, () => {
    const header: Cell[] = ['工号', '姓名', '科室'];
    const on30: Cell[][] = [...Array.from({ length: 29 }, () => ['说明']), header, ['H01', '张三', '门诊']];
    assert.equal(found(findHeader('staff', on30)).headerIndex, 29);
    const on31: Cell[][] = [...Array.from({ length: 30 }, () => ['说明']), header, ['H01', '张三', '门诊']];
    const miss = findHeader('staff', on31);
    assert.ok(!('columns' in miss));
    assert.deepEqual(miss.missing, ['id', 'name', 'department']);
  });

  it('reports the columns missing from the best candidate row', () => {
    const miss = findHeader('staff', [['标题'], ['工号', '姓名', '岗位']]);
    assert.ok(!('columns' in miss));
    assert.deepEqual(miss.missing, ['department']);
    const noPerson = findHeader('inspections', [['日期', '检查项目', '扣分']]);
    assert.ok(!('columns' in noPerson));
    assert.deepEqual(noPerson.missing, ['id', 'name', 'department']);
  });

  it('a header beyond row 30 stops the run with MISSING_COLUMN naming the sheet', () => {
    const grid: Cell[][] = [...Array.from({ length: 30 }, (_, i) => [`第${i + 1}行说明`]), ['工号', '姓名', '科室'], ['H01', '张三', '门诊']];
    const out = runSelection({ period: '2026Q3', tables: { staff: { sheet: '花名册', grid } } });
    assert.equal(out.ok, false);
    if (out.ok) return;
    assert.equal(out.errors.length, 1);
    const e = out.errors[0];
    assert.equal(e?.code, 'MISSING_COLUMN');
    assert.equal(e?.table, 'staff');
    assert.equal(e?.sheet, '花名册');
    assert.match(e?.message.zh ?? '', /花名册/u);
    assert.match(e?.message.zh ?? '', /工号/u);
    assert.match(e?.message.en ?? '', /id/u);
  });
});

describe('headers: user overrides (§1: the user can override any mapping)', () => {
  const grid: Grid = [['人员代码', '人员姓名', '所属', '备注'], ['H01', '张三', '门诊', '']];

  it('maps a field by header text', () => {
    const m = found(findHeader('staff', grid, { id: '人员代码', name: '人员 姓名', department: '所属' }));
    assert.deepEqual(m.columns, { id: 0, name: 1, department: 2 });
  });

  it('maps a field by column letter', () => {
    const m = found(findHeader('staff', grid, { id: 'A', name: 'b', department: 'C' }));
    assert.deepEqual(m.columns, { id: 0, name: 1, department: 2 });
  });

  it('maps a field by 1-based column number', () => {
    const m = found(findHeader('staff', grid, { id: 1, name: 2, department: 3 }));
    assert.deepEqual(m.columns, { id: 0, name: 1, department: 2 });
  });

  it('counts letters and numbers from the first column of the used range', () => {
    // The used range starts at column C: column "D" is the grid's second column.
    const m = found(findHeader('staff', grid, { id: 'C', name: 'D', department: 5 }, 3));
    assert.deepEqual(m.columns, { id: 0, name: 1, department: 2 });
  });

  it('an override wins over an alias', () => {
    const g: Grid = [['工号', '旧工号', '姓名', '科室']];
    const m = found(findHeader('staff', g, { id: '旧工号' }));
    assert.equal(m.columns.id, 1);
    assert.equal(m.columns.name, 2);
  });

  it('a header text equal to a letter is a header, not a column letter', () => {
    const g: Grid = [['X', 'B', '姓名', '科室']];
    const m = found(findHeader('staff', g, { id: 'B' }));
    assert.equal(m.columns.id, 1);
  });

  it('overrides reach runSelection through the table input', () => {
    const staff: TableInput = { sheet: '名单', grid, columns: { id: 'A', name: '人员姓名', department: 3 } };
    const out = runSelection({ period: '2026Q3', tables: { staff } });
    assert.ok(out.ok);
    assert.deepEqual(out.result.people.map((p) => [p.member.id, p.member.name, p.member.department]), [['H01', '张三', '门诊']]);
  });
});

describe('headers: repeated header rows (§10)', () => {
  it('isRepeatedHeader compares the mapped cells only', () => {
    const header: Cell[] = ['工号', '姓名', '科室', '备注'];
    const columns = { id: 0, name: 1, department: 2 };
    assert.equal(isRepeatedHeader(['工号', '姓 名', '科室', 'x'], header, Object.values(columns)), true);
    assert.equal(isRepeatedHeader(['H01', '姓名', '科室'], header, Object.values(columns)), false);
    assert.equal(isRepeatedHeader(['工号'], header, []), false);
  });

  it('a header repeated mid-sheet is rejected with REPEATED_HEADER', () => {
    const grid: Grid = [
      ['窗口人员名单'],
      ['工号', '姓名', '科室'],
      ['H01', '张三', '门诊'],
      ['工号', '姓名', '科室'],
      ['H02', '李四', '门诊'],
    ];
    const out = runSelection({ period: '2026Q3', tables: { staff: { sheet: '人员', grid } } });
    assert.ok(out.ok, JSON.stringify(!out.ok && out.errors.map((e) => e.code)));
    const w = out.result.warnings.filter((x) => x.code === 'REPEATED_HEADER');
    assert.equal(w.length, 1);
    assert.equal(w[0]?.row, 4);
    assert.equal(w[0]?.sheet, '人员');
    const r = out.result.inputs[0];
    assert.deepEqual(r && [r.rows, r.used, r.outOfPeriod, r.skippedBlank, r.rejected], [3, 2, 0, 0, 1]);
    assert.equal(r?.headerRow, 2);
    assert.deepEqual(out.result.people.map((p) => p.member.id), ['H01', 'H02']);
  });

  it('a header repeated in a record table is a warning too, not an error', () => {
    const staff: Grid = [['工号', '姓名', '科室'], ['H01', '张三', '门诊']];
    const inspections: Grid = [
      ['日期', '工号', '扣分'],
      ['2026-07-01', 'H01', 1],
      ['日期', '工号', '扣分'],
      ['2026-07-02', 'H01', 2],
    ];
    const out = runSelection({ period: '2026Q3', tables: { staff: { sheet: '人员', grid: staff }, inspections: { sheet: '检查', grid: inspections } } });
    assert.ok(out.ok, JSON.stringify(!out.ok && out.errors.map((e) => e.code)));
    assert.deepEqual(out.result.warnings.map((w) => [w.code, w.table, w.row]), [['REPEATED_HEADER', 'inspections', 3]]);
    const r = out.result.inputs.find((x) => x.table === 'inspections');
    assert.deepEqual(r && [r.rows, r.used, r.outOfPeriod, r.skippedBlank, r.rejected], [3, 2, 0, 0, 1]);
    assert.equal(out.result.people[0]?.score, 97);
  });
});
