import { strict as assert } from 'assert';
import { discoverTables, periodStem, tableOfHeaders, tableOfSheetName } from './discover';
import type { Grid } from './types';

describe('discover: tables by sheet name (§9)', () => {
  it('knows the words of §9', () => {
    const cases: [string, string | null][] = [
      ['人员名单', 'staff'], ['花名册', 'staff'], ['员工', 'staff'],
      ['督导检查记录', 'inspections'], ['7月检查', 'inspections'],
      ['投诉及处罚记录', 'fines'], ['罚款', 'fines'], ['处罚', 'fines'],
      ['表扬记录', 'praise'], ['满意度', 'satisfaction'], ['患者评价', 'satisfaction'],
      ['推荐名单', 'recommendations'], ['获奖记录', 'history'], ['历史', 'history'],
      ['Sheet1', null], ['说明', null],
    ];
    for (const [name, table] of cases) assert.equal(tableOfSheetName(name), table, name);
  });
});

describe('discover: tables by headers (§9: else by their headers)', () => {
  const grids: [Grid, string | null][] = [
    [[['工号', '姓名', '科室']], 'staff'],
    [[['月份', '姓名', '满意率']], 'satisfaction'],
    [[['日期', '姓名', '类型', '金额']], 'fines'],
    [[['日期', '工号', '扣分', '检查项目']], 'inspections'],
    [[['日期', '姓名', '来源']], 'praise'],
    [[['季度', '姓名']], 'recommendations'],
    [[['说明'], ['随便']], null],
    [[['检查日期', '姓名', '检查方式', '结果']], 'inspections'],
    [[['日期', '工号', '严重程度', '是否有效']], 'fines'],
  ];
  for (const [grid, table] of grids) {
    it(`${JSON.stringify(grid[0])} is ${String(table)}`, () => assert.equal(tableOfHeaders(grid), table));
  }
});

describe('discover: a workbook', () => {
  it('names first, then headers; the first sheet per table wins; result sheets are skipped', () => {
    const sheets = [
      { name: '评选结果 2026Q3', grid: [['工号', '姓名', '科室']] },
      { name: '花名册', grid: [['工号', '姓名', '科室']] },
      { name: 'Sheet2', grid: [['日期', '工号', '扣分']] },
      { name: '人员（旧）', grid: [['工号', '姓名', '科室']] },
      { name: '投诉', grid: [['日期', '姓名', '类型']] },
    ];
    const found = discoverTables(sheets, (n) => n.startsWith('评选结果'));
    assert.deepEqual(found, [
      { sheets: ['花名册'], table: 'staff', passedOver: ['人员（旧）'] },
      { sheets: ['投诉'], table: 'fines', passedOver: [] },
      { sheets: ['Sheet2'], table: 'inspections', passedOver: [] },
    ]);
  });

  const STAFF = [['工号', '姓名', '科室']];
  const CHECKS = [['日期', '姓名', '扣分']];

  it('takes a whole table word over a short contained word, whatever the order (§11)', () => {
    const found = discoverTables([{ name: '离职人员', grid: STAFF }, { name: '人员名单', grid: STAFF }, { name: '人员变动', grid: STAFF }]);
    assert.deepEqual(found, [{ table: 'staff', sheets: ['人员名单'], passedOver: ['离职人员', '人员变动'] }]);
    assert.deepEqual(discoverTables([{ name: '离职人员', grid: STAFF }, { name: '人员变动', grid: STAFF }])[0]?.sheets, ['离职人员'], 'first among equals');
  });

  it('reads sheets that differ only by a period marker as one table, in sheet order (§11)', () => {
    const found = discoverTables([
      { name: '7月督导检查', grid: CHECKS }, { name: '人员名单', grid: STAFF }, { name: '8月督导检查', grid: CHECKS },
      { name: '督导检查扣分标准', grid: [['项目', '扣分']] }, { name: '九月督导检查', grid: CHECKS }, { name: '督导检查汇总', grid: CHECKS },
    ]);
    assert.deepEqual(found.find((c) => c.table === 'inspections'), {
      table: 'inspections', sheets: ['7月督导检查', '8月督导检查', '九月督导检查'], passedOver: ['督导检查汇总'],
    });
    const months = discoverTables([{ name: '人员', grid: STAFF }, { name: '7月', grid: CHECKS }, { name: '8月', grid: CHECKS }, { name: 'Sheet9', grid: CHECKS }]);
    assert.deepEqual(months.find((c) => c.table === 'inspections'), { table: 'inspections', sheets: ['7月', '8月'], passedOver: ['Sheet9'] });
  });

  it('passes over a sheet named like a table without its columns, for one found by headers (§11)', () => {
    const found = discoverTables([{ name: '督导检查扣分标准', grid: [['项目', '扣分']] }, { name: '人员', grid: STAFF }, { name: 'Sheet3', grid: CHECKS }]);
    assert.deepEqual(found.map((c) => [c.table, c.sheets]), [['staff', ['人员']], ['inspections', ['Sheet3']]]);
  });

  it('finds a staff table whose departments are heading lines, and a two-row header (§11)', () => {
    const headed = { name: '花名册', grid: [['工号', '姓名'], ['门诊部', null], ['H1', '张三']], merges: [{ top: 1, left: 0, bottom: 1, right: 1 }] };
    assert.deepEqual(discoverTables([headed])[0]?.sheets, ['花名册']);
  });

  it('strips period markers from sheet names', () => {
    for (const [name, stem] of [['7月督导检查', '督导检查'], ['督导检查（2026年7月）', '督导检查'], ['2026-07', ''], ['第三季度', ''], ['Q3投诉', '投诉'], ['十二月', ''], ['上半年表扬', '表扬'], ['Sheet1', 'sheet1']]) {
      assert.equal(periodStem(name as string), stem, name);
    }
  });
});
