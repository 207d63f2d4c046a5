import { strict as assert } from 'assert';
import { decisionAppend, type DecisionEntry, decisionsSheet, withEntries } from './decisionRows';
import { runSelection } from './select';
import type { Grid, TableInput } from './types';

const STAFF: Grid = [['工号', '姓名', '科室'], ['A1', '甲一', '门诊'], ['A2', '甲二', '门诊'], ['B1', '乙一', '药房']];

const entry = (over: Partial<DecisionEntry> = {}): DecisionEntry => ({
  period: '2026Q3', department: '门诊', id: 'A2', name: '甲二', decision: 'award', reason: '实地考察', date: '2026-10-15', decidedBy: '王主任', ...over,
});

function run(decisions: TableInput | undefined) {
  const out = runSelection({ period: '2026Q3', tables: { staff: { sheet: 'staff', grid: STAFF }, ...(decisions ? { decisions } : {}) } });
  assert.ok(out.ok);
  return out.result;
}

describe('decision entries of the task pane as rows of the decisions table (§12)', () => {
  it('without a table: the sheet the add-in makes, in the §12 layout; the engine applies the award at its row', () => {
    const table = withEntries(undefined, [entry()], 'zh');
    assert.deepEqual(table?.grid, [
      ['期间', '科室', '工号', '姓名', '裁定', '理由', '日期', '裁定人'],
      ['2026Q3', '门诊', 'A2', '甲二', '获奖', '实地考察', new Date('2026-10-15T00:00:00Z'), '王主任'],
    ]);
    assert.equal(table?.sheet, '评选小组裁定');
    const r = run(table);
    assert.deepEqual(r.people.map((p) => p.status), ['candidate', 'winner', 'winner']);
    assert.deepEqual(r.decisions.map((d) => [d.source.sheet, d.source.row, d.reason, d.applied]), [['评选小组裁定', 2, '实地考察', true]]);
    // Without the entry the two are tied: the tie group the committee sees.
    assert.deepEqual(run(undefined).tieGroups.map((g) => g.map((p) => p.member.id)), [['A1', 'A2']]);
    assert.deepEqual(r.tieGroups.map((g) => g.map((p) => p.member.id)), [['A1', 'A2']], 'the group as §6 left it, settled since');
  });

  it('a decision on a department (no id, no name): the department award tie of the run settled', () => {
    const tables = (decisions?: TableInput) => ({ staff: { sheet: 'staff', grid: [['工号', '姓名', '科室'], ['A1', '甲一', '门诊'], ['B1', '乙一', '药房']] }, ...(decisions ? { decisions } : {}) });
    const before = runSelection({ period: '2026Q3', overrides: { departmentAwards: 1 }, tables: tables() });
    assert.ok(before.ok);
    assert.deepEqual(before.result.departmentTies.map((d) => [d.department, d.status]), [['门诊', 'tie'], ['药房', 'tie']]);
    const table = withEntries(undefined, [entry({ department: '药房', id: null, name: null })], 'zh');
    assert.deepEqual(table?.grid[1]?.slice(0, 5), ['2026Q3', '药房', null, null, '获奖']);
    const after = runSelection({ period: '2026Q3', overrides: { departmentAwards: 1 }, tables: tables(table) });
    assert.ok(after.ok);
    assert.deepEqual(after.result.departments.map((d) => d.status), ['ranked', 'winner']);
    assert.deepEqual(after.result.departmentTies.map((d) => d.department), ['门诊', '药房'], 'the tie as §6 left it');
  });

  it('in English the words and headers are English, and read the same', () => {
    const table = withEntries(undefined, [entry({ decision: 'exclude', id: 'A1', name: '甲一' })], 'en');
    assert.deepEqual(table?.grid[0], ['Period', 'Department', 'Id', 'Name', 'Decision', 'Reason', 'Date', 'Decided by']);
    assert.equal(table?.grid[1]?.[4], 'exclude');
    const r = run(table);
    assert.deepEqual(r.people.map((p) => p.status), ['vetoed', 'winner', 'winner']);
    assert.equal(r.people[0]?.vetoes[0]?.reason.zh, '实地考察');
  });

  it("an office's own sheet: below its last row, in the columns its header has (no 理由 column: no reason), never above", () => {
    const office: TableInput = {
      sheet: '裁定记录', firstRow: 3, firstColumn: 2,
      grid: [['评选小组裁定记录', null, null, null], ['姓名', '裁定结果', '期间', '工号'], ['甲一', '取消', '2026Q2', 'A1']],
    };
    const append = decisionAppend(office, [entry()], 'zh');
    assert.deepEqual(append, {
      sheet: '裁定记录', gridRow: 3, row: 6, column: 2, rows: [['甲二', '获奖', '2026Q3', 'A2']], formats: ['text', 'text', 'text', 'text'],
    });
    const table = withEntries(office, [entry()], 'zh');
    assert.deepEqual(table?.grid.slice(0, 3), office.grid, 'the rows of the office as they were');
    const r = run(table);
    assert.deepEqual(r.decisions.map((d) => [d.source.sheet, d.source.row, d.reason]), [['裁定记录', 6, '']]);
    assert.equal(r.people[1]?.status, 'winner');
  });

  it('a table of several sheets: on the last, so the entry is read last and counts over an earlier row', () => {
    const q2: TableInput = {
      sheet: '7月裁定', grid: [['期间', '工号', '裁定'], ['2026Q3', 'A1', '获奖']],
      moreSheets: [{ sheet: '8月裁定', grid: [['期间', '工号', '裁定', '理由'], ['2026Q3', 'B1', '同意', null]] }],
    };
    const table = withEntries(q2, [entry({ id: 'A1', name: '甲一', decision: 'exclude' })], 'zh');
    assert.deepEqual(table?.grid, q2.grid);
    assert.deepEqual(table?.moreSheets?.[0]?.grid.at(-1), ['2026Q3', 'A1', '不予表彰', '实地考察']);
    const r = run(table);
    assert.equal(r.people[0]?.status, 'vetoed');
    assert.ok(r.warnings.some((w) => w.code === 'DECISION_REPLACED' && w.sheet === '7月裁定'));
  });

  it('the decisions sheet of a download: the rows read (in the §12 layout) and the entries; none without rows', () => {
    const office: TableInput = { sheet: '裁定', grid: [['工号', '裁定', '期间', '理由'], ['A1', '取消', '2026Q2', '公示异议']] };
    const sheet = decisionsSheet(office, [entry()], 'zh');
    assert.equal(sheet?.name, '评选小组裁定');
    assert.deepEqual(sheet?.blocks[0]?.rows, [
      ['2026Q2', null, 'A1', null, '取消', '公示异议', null, null],
      ['2026Q3', '门诊', 'A2', '甲二', '获奖', '实地考察', new Date('2026-10-15T00:00:00Z'), '王主任'],
    ]);
    assert.equal(decisionsSheet(undefined, [], 'zh'), null);
    assert.equal(withEntries(office, [], 'zh'), office);
  });
});
