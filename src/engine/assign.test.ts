import assert from 'assert';
import { assignmentChoice } from './assign';
import { locateTable } from './layout';
import { runSelection, type SelectionResult } from './select';
import { recordText } from './text';
import type { TableInput } from './types';

const staff: TableInput = {
  sheet: '人员名单',
  grid: [['工号', '姓名', '科室'], ['K01', '张伟', '收费处'], ['K02', '张伟', '药房'], ['K03', '李娜', '药房'], ['K04', '王芳', '收费处']],
};

function inspections(rows: (string | number | null)[][], assignments?: TableInput['assignments']): TableInput {
  return { sheet: '督导检查', grid: [['日期', '工号', '姓名', '科室', '扣分'], ...rows], ...(assignments ? { assignments } : {}) };
}

function run(table: TableInput): SelectionResult {
  const outcome = runSelection({ period: '2026Q3', tables: { staff, inspections: table } });
  assert.ok(outcome.ok);
  return outcome.result;
}

const scoreOf = (r: SelectionResult, id: string) => r.people.find((p) => p.member.id === id)?.score;

describe('assign: the office names the person of a row (人员指认)', () => {
  const rows = [['2026-07-03', null, '张伟', null, 2], ['2026-07-04', null, '赵六', '药房', 1], ['2026-07-05', 'K01', '张伟', null, 1]];

  it('without assignments a same-name row and an unknown name are rejected with their warnings', () => {
    const r = run(inspections(rows));
    assert.deepEqual(r.warnings.map((w) => [w.code, w.row]), [['AMBIGUOUS_NAME', 2], ['UNKNOWN_PERSON', 3]]);
    assert.equal(scoreOf(r, 'K01'), 99);
    assert.equal(scoreOf(r, 'K02'), 100);
  });

  const record = (i: number) => recordText(rows[i] as unknown[]);

  it('an assignment places the row, noted in the warnings, and the row is used', () => {
    const r = run(inspections(rows, [{ row: 2, written: '张伟', record: record(0), id: 'K02' }, { row: 3, written: '赵六', record: record(1), id: 'K03' }]));
    assert.deepEqual(r.warnings.map((w) => [w.code, w.row]), [['ASSIGNED_PERSON', 2], ['ASSIGNED_PERSON', 3]]);
    assert.match(r.warnings[0]?.message.zh ?? '', /「张伟」按指认计为 K02 张伟（药房）/u);
    assert.equal(scoreOf(r, 'K02'), 98);
    assert.equal(scoreOf(r, 'K03'), 99);
    assert.equal(r.inputs.find((i) => i.table === 'inspections')?.used, 3);
    assert.equal(r.inputs.find((i) => i.table === 'inspections')?.rejected, 0);
  });

  it('an assignment never overrides a row the rules place, nor follows a row whose name changed, nor names an unknown id', () => {
    const r = run(inspections(rows, [
      { row: 4, written: '张伟', record: record(2), id: 'K02' }, { row: 2, written: '张卫', record: record(0), id: 'K02' },
      { row: 3, written: '赵六', record: record(1), id: 'K99' },
    ]));
    assert.deepEqual(r.warnings.map((w) => [w.code, w.row]), [['AMBIGUOUS_NAME', 2], ['UNKNOWN_PERSON', 3]]);
    assert.equal(scoreOf(r, 'K01'), 99, 'row 4 has the id K01: it stays K01');
    assert.equal(scoreOf(r, 'K02'), 100);
  });

  it('an assignment stays with its record: another record in that row (the sheet changed) is not assigned', () => {
    const changed = [['2026-07-09', null, '张伟', null, 3], ...rows.slice(1)];
    const r = run(inspections(changed, [{ row: 2, written: '张伟', record: record(0), id: 'K02' }]));
    assert.deepEqual(r.warnings.map((w) => [w.code, w.row]), [['AMBIGUOUS_NAME', 2], ['UNKNOWN_PERSON', 3]]);
    assert.equal(scoreOf(r, 'K02'), 100);
  });

  it('an assignment counts in the year to date of a later period (the annual limit)', () => {
    const year = [['2026-05-03', null, '张伟', null, 3], ['2026-07-05', 'K02', '张伟', null, 1]];
    const assigned = [{ row: 2, written: '张伟', record: recordText(year[0] as unknown[]), id: 'K02' }];
    const outcome = runSelection({ period: '2026Q3', scheme: 'credit-union-100', overrides: { annualPointLimit: 3 },
      tables: { staff, inspections: inspections(year, assigned) } });
    assert.ok(outcome.ok);
    assert.deepEqual(outcome.result.people.find((p) => p.member.id === 'K02')?.vetoes.map((v) => v.code), ['ANNUAL_LIMIT']);
  });

  it('assignmentChoice: the same-name staff, else the row\'s department, else everyone; nothing for other problems', () => {
    const table = inspections(rows);
    const r = run(table);
    const [ambiguous, unknown] = r.warnings;
    assert.ok(ambiguous && unknown);
    // Sorted by department, then name, in pinyin order (收费处 before 药房, 李 before 张).
    assert.deepEqual(assignmentChoice(r, ambiguous, locateTable('inspections', table)), {
      written: '张伟', record: record(0), candidates: r.people.filter((p) => p.member.name === '张伟').map((p) => p.member),
    });
    assert.deepEqual(assignmentChoice(r, unknown, locateTable('inspections', table))?.candidates.map((m) => m.id), ['K03', 'K02'], 'the 药房 staff');
    const noDepartment = inspections([['2026-07-04', null, '赵六', null, 1]]);
    const r2 = run(noDepartment);
    assert.deepEqual(assignmentChoice(r2, r2.warnings[0] as never, locateTable('inspections', noDepartment))?.candidates.map((m) => m.id), ['K04', 'K01', 'K03', 'K02']);
    assert.equal(assignmentChoice(r, { ...ambiguous, code: 'BAD_DATE' }, locateTable('inspections', table)), null);
  });
});
