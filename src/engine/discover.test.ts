import { strict as assert } from 'assert';
import { discoverTables, tableOfHeaders, tableOfSheetName } from './discover';
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
      { sheet: '花名册', table: 'staff' },
      { sheet: '投诉', table: 'fines' },
      { sheet: 'Sheet2', table: 'inspections' },
    ]);
  });
});
