/**
 * Office layouts (rules.md §11) read as the clerk means them: each fixture workbook of
 * scripts/make-fixtures.ts (layout-*.xlsx) gives the same people, winners, departments and
 * deductions as its tidy twin, layout-tidy.xlsx, and says what it did in its warnings.
 */
import { strict as assert } from 'assert';
import * as path from 'path';
import { resultJson, type ResultJson } from '../src/engine/json';
import { runSelection } from '../src/engine/select';
import { openFile } from '../src/io/files';
import { collectTables } from '../src/io/tables';

const fixture = (name: string) => path.join(__dirname, 'fixtures', name);

async function run(name: string): Promise<ResultJson> {
  const collected = await collectTables([await openFile(fixture(name))], {});
  const outcome = runSelection({ period: '2026Q3', tables: collected.tables });
  assert.ok(outcome.ok, outcome.ok ? '' : outcome.errors.map((e) => e.message.en).join('; '));
  return resultJson(outcome.result, 'en');
}

const results = (j: ResultJson) => ({ people: j.people, winners: j.winners, departments: j.departments, deductions: j.deductions });
const codes = (j: ResultJson) => j.warnings.map((w) => `${w.code} ${w.table ?? ''} ${w.row ?? ''}`);

describe('office layouts give the results of the tidy table (§11)', () => {
  let tidy: ResultJson;
  before(async () => {
    tidy = await run('layout-tidy.xlsx');
  });

  it('the tidy office: 王芳, 陈静 and 赵敏 win, no warnings', () => {
    assert.deepEqual(tidy.winners.map((w) => [w.department, w.name, w.score, w.status]), [
      ['收费处', '王芳', 101, 'winner'], ['药房', '陈静', 101, 'winner'], ['检验科', '赵敏', 99, 'winner'],
    ]);
    assert.deepEqual(tidy.warnings, []);
  });

  it('merged titles, signatures, subtotals and departments merged down the column', async () => {
    const j = await run('layout-merged.xlsx');
    assert.deepEqual(results(j), results(tidy));
    assert.deepEqual(j.inputs.map((i) => [i.table, i.rows, i.used, i.skippedBlank]), [
      ['staff', 7, 6, 1], ['inspections', 7, 5, 2], ['fines', 2, 2, 0], ['praise', 2, 2, 0],
    ]);
    assert.deepEqual(j.warnings, []);
  });

  it('department heading lines over a roster without the column; a two-row header with points per kind', async () => {
    const j = await run('layout-headings.xlsx');
    assert.deepEqual(results(j), results(tidy));
    assert.deepEqual(j.inputs.map((i) => [i.table, i.rows, i.used, i.skippedBlank]), [
      ['staff', 9, 6, 3], ['inspections', 5, 5, 0], ['fines', 2, 2, 0], ['praise', 2, 2, 0],
    ]);
    assert.deepEqual(j.warnings, []);
  });

  it('one inspections sheet per month read as one table; the roster over 离职人员, with MORE_SHEETS', async () => {
    const j = await run('layout-months.xlsx');
    assert.deepEqual(results(j), results(tidy));
    assert.deepEqual(j.inputs.map((i) => [i.table, i.rows, i.used]), [['staff', 6, 6], ['inspections', 5, 5], ['fines', 2, 2], ['praise', 2, 2]]);
    assert.deepEqual(codes(j), ['MORE_SHEETS staff ']);
    assert.match(j.warnings[0]?.message ?? '', /离职人员/u);
  });

  it('units in headers, signed and worded points, dates without a year, ditto, departments written once', async () => {
    const j = await run('layout-written.xlsx');
    assert.deepEqual(results(j), results(tidy));
    assert.deepEqual(codes(j), ['DEPARTMENT_FILLED staff 3', 'YEARLESS_DATE inspections 2']);
  });
});
