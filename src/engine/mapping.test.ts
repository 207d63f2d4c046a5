import assert from 'assert';
import { locateTable } from './layout';
import { columnLetters, problemAddress, tableMapping } from './mapping';

describe('mapping', () => {
  it('columnLetters: A, Z, AA, AZ, XFD', () => {
    assert.deepEqual([1, 26, 27, 52, 16_384].map(columnLetters), ['A', 'Z', 'AA', 'AZ', 'XFD']);
  });

  it('finds the header below a title row and maps fields to lettered columns', () => {
    const m = tableMapping(locateTable('inspections', {
      sheet: '督导检查', firstRow: 3, firstColumn: 2,
      grid: [['2026年第三季度督导检查'], [], ['检查日期', '工号', '姓名', '扣分', '备注'], ['2026-07-01', 'K1', '张三', 1, '']],
    }));
    assert.equal(m.headerRow, 5);
    assert.deepEqual(m.missing, []);
    assert.deepEqual(m.options.map((o) => `${o.letter}:${o.header}`), ['B:检查日期', 'C:工号', 'D:姓名', 'E:扣分', 'F:备注']);
    const by = Object.fromEntries(m.fields.map((f) => [f.field, f.column?.letter ?? null]));
    assert.deepEqual(by, { date: 'B', id: 'C', name: 'D', department: null, item: null, kind: null, points: 'E', result: null, inspector: null });
    assert.equal(m.fields.find((f) => f.field === 'date')?.need, 'required');
    assert.equal(m.fields.find((f) => f.field === 'id')?.need, 'person');
    assert.equal(m.fields.find((f) => f.field === 'points')?.need, 'optional');
  });

  it('an override by letter maps an unrecognised header; an empty override unmaps a column', () => {
    const grid = [['工号', '姓名', '部门名称', '科室']];
    const m = tableMapping(locateTable('staff', { sheet: '人员', grid, columns: { department: 'C' } }));
    assert.equal(m.fields.find((f) => f.field === 'department')?.column?.header, '部门名称');
    const unmapped = tableMapping(locateTable('staff', { sheet: '人员', grid, columns: { department: '' } }));
    assert.equal(unmapped.headerRow, 1);
    assert.deepEqual(unmapped.missing, ['department']);
    assert.equal(unmapped.fields.find((f) => f.field === 'department')?.column, null);
    assert.deepEqual(unmapped.options.map((o) => o.header), ['工号', '姓名', '部门名称', '科室']);
  });

  it('unmapping a required column keeps the header found below the title, with the other columns', () => {
    const grid = [['2026年第三季度人员名单'], ['工号', '姓名', '科室'], ['K1', '张三', '门诊']];
    const unmapped = tableMapping(locateTable('staff', { sheet: '人员', grid, columns: { department: '' } }));
    assert.equal(unmapped.headerRow, 2, 'not the title row');
    assert.deepEqual(unmapped.missing, ['department']);
    assert.deepEqual(unmapped.options.map((o) => `${o.letter}:${o.header}`), ['A:工号', 'B:姓名', 'C:科室']);
    const by = Object.fromEntries(unmapped.fields.map((f) => [f.field, f.column?.letter ?? null]));
    assert.equal(by['id'], 'A');
    assert.equal(by['name'], 'B');
    assert.equal(by['department'], null);
  });

  it('a table without its required columns reports them missing', () => {
    const m = tableMapping(locateTable('fines', { sheet: '投诉', grid: [['姓名', '金额']] }));
    assert.equal(m.headerRow, 1, 'the row with the other columns');
    assert.deepEqual(m.missing, ['date']);
  });

  it('problemAddress: the cell of a named column in the located header row, the row otherwise, nothing for a whole table', () => {
    const tables = {
      staff: locateTable('staff', { sheet: '人员', grid: [['工号', '姓名', '科室']] }),
      // The title above mentions 扣分 too: only the header row names columns.
      inspections: locateTable('inspections', { sheet: 's', firstColumn: 3, grid: [['本季扣分', '扣分'], ['日期', '姓名', '扣分']] }),
    };
    assert.equal(problemAddress({ sheet: 's', row: 12, column: '扣分' }, tables), 'E12');
    assert.equal(problemAddress({ sheet: '人员', row: 4, column: '科室' }, tables), 'C4');
    assert.equal(problemAddress({ sheet: 's', row: 12, column: null }, tables), '12:12');
    assert.equal(problemAddress({ sheet: 's', row: 12, column: '没有' }, tables), '12:12');
    assert.equal(problemAddress({ sheet: 's', row: null, column: '扣分' }, tables), null);
    assert.equal(problemAddress({ sheet: '别的', row: 12, column: '扣分' }, tables), '12:12', 'a sheet no table reads');
  });
});
